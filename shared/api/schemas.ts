/**
 * The pieces every section of the contract builds its methods from: `method` and the common
 * argument schemas, the shapes several sections share. The sections (methods/*.ts) import them here,
 * never from contract.ts, which only assembles the sections.
 */
import { z } from 'zod';
import { KEY_MAX_LENGTH, TABLE_NAMES } from '../model/columns.ts';

/** Declares a method: `method<Result>()(argsSchema, doc)`; the result type is carried as a phantom. */
export const method =
  <R>() =>
  <A extends z.ZodType>(args: A, doc: string) => ({ args, doc, result: undefined as unknown as R });

export const None = z.object({}).strict();
export const ScenarioId = z.number().int().positive();
export const Path = z.string().min(1).max(4096);
export const Table = z.enum(TABLE_NAMES);
export const Crs = z.enum(['wgs84', 'gcj02', 'bd09']);
/** A file's bytes travel as base64 so every door (IPC, HTTP, CLI) carries them alike. */
export const FileBytes = z.object({ fileName: z.string().min(1).max(512), dataBase64: z.string() });
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const InScenario = z.object({ scenarioId: ScenarioId });
/** A unit's code or a facility's id; the import refuses longer ones (KEY_MAX_LENGTH). */
export const Key = z.string().min(1).max(KEY_MAX_LENGTH);
export const Name = z.string().trim().min(1).max(100);
export const Format = z.enum(['xlsx', 'csv']);
export const SetId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, '小写字母、数字和 _ . -')
  .max(100);
export const Year = z.number().int().min(2000).max(2100);
export const Lon = z.number().min(-180).max(180);
export const Lat = z.number().min(-90).max(90);
/** A file made for the planner (an export, a template, a PDF), as every door carries it. */
export interface FileOut {
  fileName: string;
  dataBase64: string;
  mimeType: string;
}
/** A job on the worker (access.start, siting.start …). */
export const JobId = z.object({ job: z.number().int().positive() });
/** A job followed after its start (access, siting): running (stage, share 0–1), done (with its result) or cancelled. */
export interface JobOut<R> {
  state: 'running' | 'done' | 'cancelled';
  stage: string;
  share: number;
  result?: R;
}
/** 出行方式 per urban/rural demand point: by car (default) or on foot (shared/access/travel.ts). */
export const TravelModesSchema = z.object({ urban: z.enum(['drive', 'walk']), rural: z.enum(['drive', 'walk']) }).default({ urban: 'drive', rural: 'drive' });
