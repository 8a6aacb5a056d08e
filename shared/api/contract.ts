/**
 * The service contract: every method once, with the zod schema of its arguments and the type of its
 * result. The backend implements it; the Electron IPC handler, the HTTP door, the CLI and the renderer
 * client are derived from it. Arguments are validated where they enter the Node side.
 */
import { z } from 'zod';
import type { Facility, PopulationFigure, Scenario, Unit } from '../model/entities.ts';
import { TABLE_NAMES } from '../model/columns.ts';
import { FACILITY_TYPES, type FacilityType, type UnitKind } from '../model/kinds.ts';
import type { ImportReport } from './import-report.ts';
import type { GapResult } from '../gaps/result.ts';
import { Scope, StandardSet, type StandardSummary, type Target } from '../gaps/standard.ts';

/** Declares a method: `method<Result>()(argsSchema, doc)`; the result type is carried as a phantom. */
const method = <R>() => <A extends z.ZodType>(args: A, doc: string) => ({ args, doc, result: undefined as unknown as R });

const None = z.object({}).strict();
const ScenarioId = z.number().int().positive();
const Path = z.string().min(1).max(4096);
const Table = z.enum(TABLE_NAMES);
const Crs = z.enum(['wgs84', 'gcj02', 'bd09']);
/** A file's bytes travel as base64 so every door (IPC, HTTP, CLI) carries them alike. */
const FileBytes = z.object({ fileName: z.string().min(1).max(512), dataBase64: z.string() });
const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const InScenario = z.object({ scenarioId: ScenarioId });
const Key = z.string().min(1).max(200);
const Name = z.string().trim().min(1).max(100);
const Format = z.enum(['xlsx', 'csv']);
const SetId = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, '小写字母、数字和 _ . -').max(100);
const Year = z.number().int().min(2000).max(2100);
const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable();
const PopulationFigureSchema = z.object({ code: Key, year: z.number().int().min(1949).max(2100), population: Count, population_0_3: Count, population_65_plus: Count });
const GapQuery = InScenario.extend({ standardId: SetId.optional(), year: Year.optional(), level: Scope.optional(), onlyShort: z.boolean().default(false) });

export interface PlanCounts {
  unitsByKind: Partial<Record<UnitKind, number>>;
  facilitiesByType: Partial<Record<FacilityType, number>>;
  scenarios: number;
  /** Sum of the populations of the top-level units (or of all units that have no parent in the plan). */
  population: number;
}
export interface PlanInfo {
  path: string;
  name: string;
  /** Opened read-only, and why (another window holds the file, or the file cannot be written). */
  readOnly: boolean;
  readOnlyReason: string | null;
  /** The sample plan: the UI labels its data "示例数据 — 部分数值为估算". */
  isSample: boolean;
  schemaVersion: number;
  counts: PlanCounts;
  /** ISO time of the last committed write: every edit is saved when it is made. */
  savedAt: string | null;
}
export interface AppStatus {
  plan: PlanInfo | null;
  recent: string[];
  version: string;
  door: 'electron' | 'web' | 'cli' | 'direct';
  /** Where plans are kept by default (the sample, new plans). */
  plansDir: string;
}
/** One logged cell edit: which table, which row (code or id), which column. */
export interface EditRef { table: 'units' | 'facilities'; key: string; field: string }
/** What undo and redo would change next in a scenario (null: nothing to undo/redo). */
export interface EditState { undo: EditRef | null; redo: EditRef | null }
/** Which standard set a plan is measured against, and for which year. */
export interface GapSettings { standardId: string; year: number }
export interface GapReportOut {
  standard: string;
  standardName: string;
  year: number;
  scenario: string;
  targets: Target[];
  results: GapResult[];
  /** What a reader must know about how the figures were made (region not found, population projected …). */
  notes: string[];
  notesEn: string[];
}
export interface ImportCounts { added: number; changed: number; unchanged: number }
export interface FileOut { fileName: string; dataBase64: string; mimeType: string }
export type { ImportReport };

export const API = {
  'app.status': method<AppStatus>()(None, 'The open plan, recent files, version and door.'),
  'app.pickPath': method<{ path: string | null }>()(
    z.object({ purpose: z.enum(['open', 'save']), defaultPath: Path.optional() }),
    "The operating system's file dialog for a plan file; only the Electron door has one (others: UNAVAILABLE)."),

  'plan.new': method<PlanInfo>()(z.object({ path: Path, name: z.string().trim().min(1).max(200).optional() }),
    'Create an empty plan file and open it.'),
  'plan.open': method<PlanInfo>()(z.object({ path: Path }), 'Open a plan file.'),
  'plan.openSample': method<PlanInfo>()(None, 'Open the sample plan, writing it first if it is not there.'),
  'plan.saveAs': method<PlanInfo>()(z.object({ path: Path }), 'Copy the open plan to a new file and continue there.'),
  'plan.info': method<PlanInfo>()(None, 'Counts and state of the open plan.'),
  'plan.rename': method<PlanInfo>()(z.object({ name: z.string().trim().min(1).max(200) }), 'Rename the plan.'),

  'scenarios.list': method<Scenario[]>()(None, 'Baseline first, then scenarios by creation.'),
  'scenarios.create': method<Scenario>()(z.object({ name: Name, copyFrom: ScenarioId.optional() }),
    'A new scenario: a copy of the baseline, or of the scenario named by copyFrom.'),
  'scenarios.rename': method<Scenario>()(z.object({ id: ScenarioId, name: Name }), 'Rename a scenario.'),
  'scenarios.delete': method<{ deleted: number }>()(z.object({ id: ScenarioId }), 'Delete a scenario (never the baseline).'),

  'units.list': method<Unit[]>()(InScenario, 'All units of a scenario, in code order.'),
  'facilities.list': method<Facility[]>()(InScenario, 'All facilities of a scenario, in id order.'),
  'units.update': method<Unit>()(InScenario.extend({ code: Key, field: Key, value: CellValue }),
    'Set one field of one unit (an undoable edit).'),
  'facilities.update': method<Facility>()(InScenario.extend({ id: Key, field: Key, value: CellValue }),
    'Set one field of one facility (an undoable edit).'),

  'facilities.add': method<Facility>()(InScenario.extend({
    type: z.enum(FACILITY_TYPES), lon: Lon, lat: Lat, id: Key.optional(), name: Name.optional(), unit_code: Key.optional(),
    fields: z.record(z.string(), CellValue).optional(),
  }), 'Place a new facility (on the map): it belongs to the unit it stands in unless given; one edit, undone as one.'),
  'facilities.move': method<Facility>()(InScenario.extend({ id: Key, lon: Lon, lat: Lat }),
    'Move a facility; it then belongs to the unit it stands in. One edit.'),
  'facilities.remove': method<{ removed: string }>()(InScenario.extend({ id: Key }), 'Remove a facility from the scenario. One edit.'),
  'edits.state': method<EditState>()(InScenario, 'Whether undo/redo are possible.'),
  'edits.undo': method<EditState>()(InScenario, 'Undo the last edit in a scenario.'),
  'edits.redo': method<EditState>()(InScenario, 'Redo the last undone edit in a scenario.'),

  'table.import': method<ImportReport>()(
    InScenario.extend({ table: Table, file: FileBytes, crs: Crs.default('wgs84'), dryRun: z.boolean().default(false) }),
    'Import a .csv/.xlsx of units or facilities: all rows or none.'),
  'tables.import': method<{ ok: boolean; reports: ImportReport[] }>()(
    InScenario.extend({ units: FileBytes.optional(), facilities: FileBytes.optional(), crs: Crs.default('wgs84'), dryRun: z.boolean().default(false) }),
    'Import units and facilities together (facilities may refer to units in the same import): all or nothing.'),
  'table.export': method<FileOut>()(InScenario.extend({ table: Table, format: Format }),
    'Export a table as .xlsx or .csv (re-imports unchanged).'),
  'standards.list': method<StandardSummary[]>()(None, 'Shipped standard sets and the plan\'s own.'),
  'standards.get': method<StandardSet>()(z.object({ id: SetId }), 'One standard set with all its targets.'),
  'standards.copy': method<StandardSet>()(z.object({ from: SetId, id: SetId, name: Name }), 'Copy a set into the plan, to edit it.'),
  'standards.save': method<StandardSet>()(z.object({ set: StandardSet }), 'Save one of the plan\'s own sets (values edited, targets added or removed).'),
  'standards.delete': method<{ deleted: string }>()(z.object({ id: SetId }), 'Delete one of the plan\'s own sets.'),
  'gaps.settings': method<GapSettings>()(None, 'The standard set and target year the plan uses.'),
  'gaps.setSettings': method<GapSettings>()(z.object({ standardId: SetId, year: Year }), 'Choose the standard set and target year.'),
  'gaps.evaluate': method<GapReportOut>()(GapQuery,
    'Every target evaluated for the scenario (the plan\'s set and year unless given); onlyShort keeps results with a shortfall.'),
  'gaps.export': method<FileOut>()(GapQuery.extend({ format: Format }),
    'The same gaps as a sheet (.xlsx or .csv) with Chinese headers and every target\'s source.'),
  'populations.list': method<PopulationFigure[]>()(InScenario.extend({ code: Key.optional() }),
    'Populations by year (人口 by 年份) of a scenario, or of one unit.'),
  'populations.set': method<ImportCounts>()(InScenario.extend({ figures: z.array(PopulationFigureSchema).min(1).max(100_000) }),
    'Set units\' populations for given years exactly (a year with no figure at all is removed).'),
  'populations.export': method<FileOut>()(InScenario.extend({ format: Format }),
    'Populations by year as a sheet (区划代码, 名称, 年份, 常住人口 …) that imports back unchanged.'),
  'populations.import': method<ImportReport>()(InScenario.extend({ file: FileBytes, dryRun: z.boolean().default(false) }),
    'Import populations by year from .xlsx/.csv (long: 区划代码, 年份, 常住人口…; or wide: 2025年常住人口 …): all or nothing.'),
  'table.template': method<FileOut>()(z.object({ table: Table, format: Format }),
    'An empty import template whose second sheet documents every column.'),
} as const;

export type ApiMethod = keyof typeof API;
export const API_METHODS = Object.keys(API) as ApiMethod[];
/** What a caller passes (defaults may be left out). */
export type ApiArgs<M extends ApiMethod> = z.input<(typeof API)[M]['args']>;
/** What the service receives, after validation and defaults. */
export type ApiParsedArgs<M extends ApiMethod> = z.output<(typeof API)[M]['args']>;
export type ApiResult<M extends ApiMethod> = (typeof API)[M]['result'];

/** The service, as the backend implements it. */
export type PlannerService = { [M in ApiMethod]: (args: ApiParsedArgs<M>) => ApiResult<M> | Promise<ApiResult<M>> };
/** One entry point, as every door and the renderer see it. */
export type Invoke = <M extends ApiMethod>(method: M, args: ApiArgs<M>) => Promise<ApiResult<M>>;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API, name);
}
