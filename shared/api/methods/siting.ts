/** The contract's siting section (设施选址; spread into API in ../contract.ts): where new facilities should go, and the proposal applied as a scenario. */
import { z } from 'zod';
import { TRAVEL_CONDITIONS } from '../../access/conditions.ts';
import type { Scenario } from '../../model/entities.ts';
import type { ImportProblem } from '../../model/issues.ts';
import type { MappingProposal } from '../../model/mapping.ts';
import { ColumnMappingSchema } from './sheets.ts';
import { FACILITY_TYPES } from '../../model/kinds.ts';
import { SITING_DEFAULTS } from '../../siting/presets.ts';
import type { SitingResultOut } from '../../siting/query.ts';
import { Crs, FileBytes, InScenario, JobId, Key, Lat, Lon, method, Name, TravelModesSchema, Year, type JobOut } from '../schemas.ts';

const FacilityTypeArg = z.enum(FACILITY_TYPES);
const CandidateSiteSchema = z.object({ id: Key, name: z.string().trim().min(1).max(200), lon: Lon, lat: Lat });
export const SitingQuerySchema = InScenario.extend({
  model: z.enum(['mclp', 'lscp', 'pmedian']),
  type: FacilityTypeArg,
  /** Empty: existing facilities of the new type. */
  existingTypes: z.array(FacilityTypeArg).max(FACILITY_TYPES.length).default([]),
  k: z.number().int().min(0).max(1000).default(1),
  urbanMinutes: z.number().positive().max(600).default(10),
  ruralMinutes: z.number().positive().max(600).default(30),
  direction: z.enum(['from', 'to']).default('from'),
  dispatchMinutes: z.number().min(0).max(120).default(SITING_DEFAULTS.dispatchMinutes),
  travel: TravelModesSchema,
  cutoffMinutes: z.number().positive().max(600).default(SITING_DEFAULTS.cutoffMinutes),
  within: z.array(Key).max(1000).default([]),
  exclude: z.array(Key).max(1000).default([]),
  candidates: z
    .object({
      sites: z.array(CandidateSiteSchema).max(20_000).default([]),
      upgrade: z.array(FacilityTypeArg).max(FACILITY_TYPES.length).default([]),
      generateMeters: z.number().min(200).max(50_000).nullable().default(null),
    })
    .default({ sites: [], upgrade: [], generateMeters: null }),
  capacity: z.number().positive().nullable().default(SITING_DEFAULTS.capacity),
  exact: z.enum(['auto', 'always', 'never']).default(SITING_DEFAULTS.exact),
  timeLimitSeconds: z.number().min(1).max(600).default(SITING_DEFAULTS.timeLimitSeconds),
  /** Existing facilities and upgrade candidates as of this year (projects applied); absent: the plan's target year. */
  year: Year.optional(),
  /** 通行条件: 平峰 (free flow) or 高峰 (the peak hour); the proposal is evaluated under the other too (result.other). */
  conditions: z.enum(TRAVEL_CONDITIONS).default('free'),
  /** 'worse': site under the worse of the two (the peak hour). */
  siteFor: z.enum(['worse']).optional(),
});

export type SitingJobOut = JobOut<SitingResultOut>;
/** A candidate-site sheet read: its sites, or every problem (row, column, fix). */
export interface CandidateSheetOut {
  sites: { id: string; name: string; lon: number; lat: number }[];
  problems: ImportProblem[];
  /** What each column would fill, when the headers need confirming (a guess) or a required column is missing (mapping.ts). */
  mapping?: MappingProposal;
}

export const SITING_API = {
  'siting.run': method<SitingResultOut>()(
    SitingQuerySchema,
    'Where new facilities of a type should go: maximal covering (k sites, most people newly within the urban/rural minutes), set covering (fewest sites to cover everyone reachable) or p-median (k sites, least population-weighted travel time); existing facilities fixed; candidates from a list, upgradable facilities or generated on a spacing inside the area; with coverage before/after per unit and the proven bound.',
  ),
  'siting.start': method<{ job: number }>()(SitingQuerySchema, 'Start the same on the worker; follow it with siting.job.'),
  'siting.job': method<SitingJobOut>()(JobId, 'Progress of a siting job, and its result once done.'),
  'siting.cancel': method<{ cancelled: boolean }>()(JobId, 'Cancel a running siting job.'),
  'siting.readCandidates': method<CandidateSheetOut>()(
    z.object({ file: FileBytes, crs: Crs.default('wgs84'), mapping: ColumnMappingSchema.optional() }),
    'Read a candidate-site sheet (.csv/.xlsx: id, name, lon, lat; Chinese headers accepted): all sites, or every problem.',
  ),
  'siting.apply': method<Scenario>()(
    InScenario.extend({
      name: Name,
      type: FacilityTypeArg,
      /** Given: the sites go in as projects (规划项目) of that year — new facilities, upgrades — rather than into the facilities table. */
      year: Year.optional(),
      sites: z
        .array(z.object({ id: Key, name: z.string().trim().min(1).max(200), lon: Lon, lat: Lat, source: z.enum(['list', 'upgrade', 'generated']) }))
        .min(1)
        .max(1000),
      /** The question the proposal answers (candidates may be left out): its rule is kept with the new scenario and judged on the gap screen. */
      query: SitingQuerySchema.optional(),
    }),
    "A new scenario (a copy of scenarioId) with the proposal in it: new facilities of the type at the sites (their counts 0 until given), upgraded facilities changed to it — or, with a year, as projects of that year; with the query, its rule (facility types, urban/rural minutes, direction, travel, area) kept as the scenario's 选址方案的目标, an access target on the gap screen and in comparisons; one transaction.",
  ),
} as const;
