/**
 * The service contract: every method once, with the zod schema of its arguments and the type of its
 * result. The backend implements it; the Electron IPC handler, the HTTP door, the CLI and the renderer
 * client are derived from it. Arguments are validated where they enter the Node side.
 */
import { z } from 'zod';
import type { Facility, PopulationFigure, Scenario, Unit } from '../model/entities.ts';
import { FACILITY_TYPES, UNIT_KINDS, type FacilityType, type UnitKind } from '../model/kinds.ts';
import type { ImportReport } from './import-report.ts';
import type { GapResult } from '../gaps/result.ts';
import type { AccessResultOut } from '../access/result.ts';
import type { SitingResultOut } from '../siting/query.ts';
import type { ImportProblem } from './import-report.ts';
import { Scope, StandardSet, type StandardSummary, type Target } from '../gaps/standard.ts';

import { Crs, FileBytes, Format, InScenario, Key, Lat, Lon, method, Name, None, Path, ScenarioId, SetId, Table, Year, CellValue } from './schemas.ts';
import { ALLOCATION_API } from './methods/allocation.ts';
import { BRIEFING_API } from './methods/briefing.ts';
import { COMPARE_API } from './methods/compare.ts';
import { TIMELINE_API } from './methods/timeline.ts';

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable();
const PopulationFigureSchema = z.object({ code: Key, year: z.number().int().min(1949).max(2100), population: Count, population_0_3: Count, population_65_plus: Count });
/** 出行方式 per urban/rural demand point: by car (default) or on foot (shared/access/travel.ts). */
const TravelModesSchema = z.object({ urban: z.enum(['drive', 'walk']), rural: z.enum(['drive', 'walk']) }).default({ urban: 'drive', rural: 'drive' });
const AccessQuerySchema = InScenario.extend({
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
});
const FacilityTypeArg = z.enum(FACILITY_TYPES);
const JobId = z.object({ job: z.number().int().positive() });
const CandidateSiteSchema = z.object({ id: Key, name: z.string().trim().min(1).max(200), lon: Lon, lat: Lat });
const SitingQuerySchema = InScenario.extend({
  model: z.enum(['mclp', 'lscp', 'pmedian']),
  type: FacilityTypeArg,
  /** Empty: existing facilities of the new type. */
  existingTypes: z.array(FacilityTypeArg).max(FACILITY_TYPES.length).default([]),
  k: z.number().int().min(0).max(1000).default(1),
  urbanMinutes: z.number().positive().max(600).default(10),
  ruralMinutes: z.number().positive().max(600).default(30),
  direction: z.enum(['from', 'to']).default('from'),
  dispatchMinutes: z.number().min(0).max(120).default(0),
  travel: TravelModesSchema,
  cutoffMinutes: z.number().positive().max(600).default(60),
  within: z.array(Key).max(1000).default([]),
  exclude: z.array(Key).max(1000).default([]),
  candidates: z.object({
    sites: z.array(CandidateSiteSchema).max(20_000).default([]),
    upgrade: z.array(FacilityTypeArg).max(FACILITY_TYPES.length).default([]),
    generateMeters: z.number().min(200).max(50_000).nullable().default(null),
  }).default({ sites: [], upgrade: [], generateMeters: null }),
  capacity: z.number().positive().nullable().default(null),
  exact: z.enum(['auto', 'always', 'never']).default('auto'),
  timeLimitSeconds: z.number().min(1).max(600).default(30),
  /** Existing facilities and upgrade candidates as of this year (projects applied); absent: the plan's target year. */
  year: Year.optional(),
});
/** The units (codes or names) a set written for another region is applied to, as the planner chose. */
const AppliedTo = z.array(z.string().min(1).max(100)).min(1).max(50);
const GapQuery = InScenario.extend({
  standardId: SetId.optional(), year: Year.optional(), level: Scope.optional(), onlyShort: z.boolean().default(false),
  /** Apply the set to these units of the plan in place of the region it names (absent: the plan's choice, else the set's). */
  region: AppliedTo.optional(),
});

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
  /** Whether `app.quit` ends the program (the portable launcher, Electron): the 文件 menu shows 退出. */
  canQuit: boolean;
}
/** One logged cell edit: which table, which row (code or id), which column. */
export interface EditRef { table: 'units' | 'facilities'; key: string; field: string }
/** What undo and redo would change next in a scenario (null: nothing to undo/redo). */
export interface EditState { undo: EditRef | null; redo: EditRef | null }
/** Which standard set a plan is measured against, for which year, and (a set written for another region) applied to which units. */
export interface GapSettings { standardId: string; year: number; region?: string[] }
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
  /** The units the set was evaluated over and their name; `applicable` false when its region is not in the plan. */
  region: { codes: string[]; name: string; applicable: boolean };
}
export interface ImportCounts { added: number; changed: number; unchanged: number }
/** An access job: running (stage, share 0–1), done (with its result) or cancelled. */
export interface AccessJobOut { state: 'running' | 'done' | 'cancelled'; stage: string; share: number; result?: AccessResultOut }
/** A siting job, as an access job. */
export interface SitingJobOut { state: 'running' | 'done' | 'cancelled'; stage: string; share: number; result?: SitingResultOut }
/** A candidate-site sheet read: its sites, or every problem (row, column, fix). */
export interface CandidateSheetOut { sites: { id: string; name: string; lon: number; lat: number }[]; problems: ImportProblem[] }
export interface FileOut { fileName: string; dataBase64: string; mimeType: string }
export type { ImportReport };

// ── Road network and unit boundaries (路网、单位边界): types ─────────────────────────────────────
/** [west, south, east, north] in WGS-84 degrees. */
export type BBox = [west: number, south: number, east: number, north: number];
/**
 * A feature a road or boundary import could not use (it was skipped, or a value of it was ignored).
 * `feature`: GeoJSON — the feature's 1-based position in `features`; .osm.pbf — the way's OSM id;
 * 0 — the file as a whole.
 */
export interface FeatureProblem { feature: number; message: string; messageEn: string }
export interface RoadImportReport {
  /** The network was replaced (or, on a dry run, would be): the file was read and holds usable roads. */
  ok: boolean;
  fileName: string;
  format: 'geojson' | 'osm.pbf';
  crs: 'wgs84' | 'gcj02' | 'bd09';
  dryRun: boolean;
  /** Features (GeoJSON) or ways with a highway tag (OSM) read. */
  features: number;
  /** Segments kept (a MultiLineString gives one per part; an OSM way cut by missing nodes one per piece). */
  segments: number;
  points: number;
  km: number;
  /** Kilometres kept by class ('' for segments with a speed but no class), major classes first. */
  kmByClass: Record<string, number>;
  /** Dropped on purpose, with counts: non-drivable classes (footway, path, cycleway, steps, track …); OSM also access=no, area=yes. */
  dropped: Record<string, number>;
  /** Features, parts or ways skipped for a problem (listed in problems). */
  skipped: number;
  problems: FeatureProblem[];
  /** More problems than are listed. */
  problemsTruncated: number;
}
export interface RoadSummary {
  segments: number;
  points: number;
  km: number;
  kmByClass: Record<string, number>;
  bbox: BBox | null;
  /** When the network was imported (ISO), null when unknown or there is none. */
  importedAt: string | null;
  /** Speeds (km/h) by class: the defaults with the plan's own values over them. */
  speeds: Record<string, number>;
}
/** GeoJSON polygon geometry in WGS-84; a position is [lon, lat]. */
export type BoundaryGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };
export interface BoundaryImportReport {
  /** Some features matched units and were (or, on a dry run, would be) written. */
  ok: boolean;
  fileName: string;
  crs: 'wgs84' | 'gcj02' | 'bd09';
  dryRun: boolean;
  features: number;
  /** Units that got a boundary; added (had none) + changed (replaced). */
  matched: number;
  added: number;
  changed: number;
  /** How the matched were found. */
  byCode: number;
  byName: number;
  /** Features no unit of the plan was found for (by code, or by a name unique in the plan). */
  unmatched: { feature: number; name?: string; code?: string; reason: string; reasonEn: string }[];
  /** Invalid rings and geometries (the rest of the feature is kept when a valid polygon remains). */
  problems: FeatureProblem[];
  problemsTruncated: number;
}
export interface BoundarySummary { units: number }
export interface RoadFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { highway: string; oneway: -1 | 0 | 1 };
}
/** The roads to draw; `total` how many matched, `truncated` when more matched than `limit`. */
export interface RoadFeatureCollection { type: 'FeatureCollection'; features: RoadFeature[]; total: number; truncated: boolean }
export interface BoundaryFeature {
  type: 'Feature';
  geometry: BoundaryGeometry;
  properties: { code: string; name: string | null; kind: UnitKind | null };
}
export interface BoundaryFeatureCollection { type: 'FeatureCollection'; features: BoundaryFeature[] }

// ── Road network and unit boundaries: argument schemas ──
const BBoxArg = z.tuple([Lon, Lat, Lon, Lat]).refine(([w, s, e, n]) => w <= e && s <= n, 'bbox: [west, south, east, north], west ≤ east, south ≤ north');
const RoadClassArg = z.enum(['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'living_street', 'service']);

export const API = {
  'app.status': method<AppStatus>()(None, 'The open plan, recent files, version and door.'),
  'app.pickPath': method<{ path: string | null }>()(
    z.object({ purpose: z.enum(['open', 'save']), defaultPath: Path.optional() }),
    "The operating system's file dialog for a plan file; only the Electron door has one (others: UNAVAILABLE)."),
  'app.quit': method<{ quitting: true }>()(None,
    'End the program: the plan is closed, the door stops and its window closes (after this answer). Only where the program owns its window (canQuit); others: UNAVAILABLE.'),

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
  'gaps.setSettings': method<GapSettings>()(z.object({ standardId: SetId, year: Year, region: AppliedTo.optional() }), 'Choose the standard set and target year (and, for a set written for another region, the units to apply it to).'),
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
  // ---- access (可及性分析) ----
  'access.run': method<AccessResultOut>()(AccessQuerySchema,
    'Travel time from (or to) the nearest facility of the types for every demand point, and coverage within the urban/rural minutes per unit and region; on the plan\'s roads, else in a straight line (said).'),
  'access.start': method<{ job: number }>()(AccessQuerySchema, 'Start the same analysis on the worker; follow it with access.job.'),
  'access.job': method<AccessJobOut>()(JobId, 'Progress of an access job, and its result once done.'),
  'access.cancel': method<{ cancelled: boolean }>()(JobId, 'Cancel a running access job.'),
  // ---- siting (设施选址) ----
  'siting.run': method<SitingResultOut>()(SitingQuerySchema,
    'Where new facilities of a type should go: maximal covering (k sites, most people newly within the urban/rural minutes), set covering (fewest sites to cover everyone reachable) or p-median (k sites, least population-weighted travel time); existing facilities fixed; candidates from a list, upgradable facilities or generated on a spacing inside the area; with coverage before/after per unit and the proven bound.'),
  'siting.start': method<{ job: number }>()(SitingQuerySchema, 'Start the same on the worker; follow it with siting.job.'),
  'siting.job': method<SitingJobOut>()(JobId, 'Progress of a siting job, and its result once done.'),
  'siting.cancel': method<{ cancelled: boolean }>()(JobId, 'Cancel a running siting job.'),
  'siting.readCandidates': method<CandidateSheetOut>()(z.object({ file: FileBytes, crs: Crs.default('wgs84') }),
    'Read a candidate-site sheet (.csv/.xlsx: id, name, lon, lat; Chinese headers accepted): all sites, or every problem.'),
  'siting.apply': method<Scenario>()(InScenario.extend({
    name: Name, type: FacilityTypeArg,
    /** Given: the sites go in as projects (规划项目) of that year — new facilities, upgrades — rather than into the facilities table. */
    year: Year.optional(),
    sites: z.array(z.object({ id: Key, name: z.string().trim().min(1).max(200), lon: Lon, lat: Lat, source: z.enum(['list', 'upgrade', 'generated']) })).min(1).max(1000),
    /** The question the proposal answers (candidates may be left out): its rule is kept with the new scenario and judged on the gap screen. */
    query: SitingQuerySchema.optional(),
  }), 'A new scenario (a copy of scenarioId) with the proposal in it: new facilities of the type at the sites (their counts 0 until given), upgraded facilities changed to it — or, with a year, as projects of that year; with the query, its rule (facility types, urban/rural minutes, direction, travel, area) kept as the scenario\'s 选址方案的目标, an access target on the gap screen and in comparisons; one transaction.'),
  'table.template': method<FileOut>()(z.object({ table: Table, format: Format }),
    'An empty import template whose second sheet documents every column.'),

  // ── Road network and unit boundaries (路网、单位边界), plan-wide ──
  'roads.import': method<RoadImportReport>()(
    z.object({ file: FileBytes, crs: Crs.default('wgs84'), dryRun: z.boolean().default(false) }),
    'Replace the plan\'s road network from GeoJSON lines or an OpenStreetMap .osm.pbf extract, in one transaction (nothing on a dry run or a bad file); bad features are listed and skipped.'),
  'roads.summary': method<RoadSummary>()(None, 'Segments, kilometres by class, bounding box and speeds of the plan\'s road network.'),
  'roads.setSpeeds': method<Record<string, number>>()(
    z.object({ speeds: z.record(z.string().trim().min(1).max(64), z.number().positive().max(150)) }),
    'Set the speed (km/h, above 0, at most 150) of the classes given; returns the whole table.'),
  'roads.clear': method<{ deleted: number }>()(None, 'Remove the plan\'s road network (speeds are kept).'),
  'boundaries.import': method<BoundaryImportReport>()(
    z.object({ file: FileBytes, crs: Crs.default('wgs84'), dryRun: z.boolean().default(false), replace: z.boolean().default(false) }),
    'Unit boundaries from GeoJSON polygons, matched by code (区划代码/adcode, 6, 9 or 12 digits) or unique name; unmatched are listed. replace: drop boundaries not in the file.'),
  'boundaries.summary': method<BoundarySummary>()(None, 'How many units have a boundary.'),
  'map.roads': method<RoadFeatureCollection>()(
    z.object({ bbox: BBoxArg.optional(), minClass: RoadClassArg.optional(), limit: z.number().int().min(1).max(2_000_000).default(200_000) }),
    'Roads to draw, as GeoJSON lines { highway, oneway }: those crossing bbox, of minClass or more major (secondary: motorway … secondary and their links), at most limit.'),
  'map.boundaries': method<BoundaryFeatureCollection>()(
    z.object({ kinds: z.array(z.enum(UNIT_KINDS)).optional() }),
    'Unit boundaries to draw, as GeoJSON { code, name, kind } (name and kind from the baseline), optionally of some kinds only.'),
  ...TIMELINE_API,
  ...COMPARE_API,
  ...ALLOCATION_API,
  ...BRIEFING_API,
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
