/** The contract's access section (可及性分析; spread into API in ../contract.ts): travel times and coverage, run at once or as a job. */
import { z } from 'zod';
import { TRAVEL_CONDITIONS } from '../../access/conditions.ts';
import type { AccessResultOut } from '../../access/result.ts';
import { FACILITY_TYPES } from '../../model/kinds.ts';
import { InScenario, JobId, Key, method, TravelModesSchema, Year, type JobOut } from '../schemas.ts';

export const AccessQuerySchema = InScenario.extend({
  types: z.array(z.enum(FACILITY_TYPES)).min(1).max(FACILITY_TYPES.length),
  urbanMinutes: z.number().positive().max(600),
  ruralMinutes: z.number().positive().max(600),
  direction: z.enum(['from', 'to']).default('from'),
  dispatchMinutes: z.number().min(0).max(120).default(0),
  demand: z.enum(['centroids', 'grid']).default('centroids'),
  gridMeters: z.number().min(100).max(20_000).default(1000),
  measure: z.enum(['time', 'radius']).default('time'),
  /** Facilities as of this year (projects applied), populations of it; absent: the plan's target year. */
  year: Year.optional(),
  /** Only these units' people (codes or exact names). */
  within: z.array(Key).max(1000).optional(),
  travel: TravelModesSchema,
  /** 服务范围: also the areas within these minutes (and each facility's catchment) as polygons. */
  areas: z
    .object({
      bands: z.array(z.number().positive().max(600)).max(12),
      catchments: z.boolean().default(false),
      /**
       * The polygons kept on the service, not in the result (each band's and catchment's `polygons` empty,
       * `shapes` the key to read them with access.areasGeoJson): the map hands that text to its worker, so
       * a province's 2,500 catchments are never parsed or copied on the page's main thread.
       */
      apart: z.boolean().optional(),
    })
    .optional(),
  /** 通行条件: 平峰 (free flow) or 高峰 (the peak hour: speeds × the plan's peak factors, roads.peakFactors). */
  conditions: z.enum(TRAVEL_CONDITIONS).default('free'),
  /** Also the coverage under the other condition, region and counties (result.compared). */
  compare: z.boolean().default(false),
});

export type AccessJobOut = JobOut<AccessResultOut>;

export const ACCESS_API = {
  'access.run': method<AccessResultOut>()(
    AccessQuerySchema,
    "Travel time from (or to) the nearest facility of the types for every demand point, and coverage within the urban/rural minutes per unit and region; on the plan's roads, else in a straight line (said).",
  ),
  'access.start': method<{ job: number }>()(AccessQuerySchema, 'Start the same analysis on the worker; follow it with access.job.'),
  'access.job': method<AccessJobOut>()(JobId, 'Progress of an access job, and its result once done.'),
  'access.cancel': method<{ cancelled: boolean }>()(JobId, 'Cancel a running access job.'),
  'access.areasGeoJson': method<string>()(
    z.object({ shapes: z.number().int().positive() }),
    "The service areas of a result asked with areas.apart, as GeoJSON text (a FeatureCollection: one MultiPolygon per band, the widest first, properties { kind: 'band', minutes, population, inner }; then one per facility with an area, { kind: 'catchment', facility, name, population, index, colour }: index its place in the result's catchments, colour its palette index, touching catchments differing). The last 8 results' areas are kept.",
  ),
} as const;
