/** The contract's roads section (路网、单位边界, plan-wide; spread into API in ../contract.ts): the road network, unit boundaries and the map's layers. */
import { z } from 'zod';
import type { PeakFactors } from '../../access/conditions.ts';
import type { RoadImportReport } from '../../access/road-report.ts';
import type { FeatureProblem } from '../../model/issues.ts';
import { UNIT_KINDS, type UnitKind } from '../../model/kinds.ts';
import { Crs, FileBytes, Lat, Lon, method, None } from '../schemas.ts';

/** [west, south, east, north] in WGS-84 degrees. */
export type BBox = [west: number, south: number, east: number, north: number];
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
/** 高峰系数: the plan's peak-hour factors (per class, urban and rural, in (0, 1]), the defaults, and where they come from. */
export interface PeakFactorsOut {
  factors: PeakFactors;
  defaults: PeakFactors;
  /** The defaults are example values (待核实), said with every table. */
  note: string;
  noteEn: string;
}
/** GeoJSON polygon geometry in WGS-84; a position is [lon, lat]. */
export type BoundaryGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
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
export interface BoundarySummary {
  units: number;
}
export interface RoadFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { highway: string; oneway: -1 | 0 | 1 };
}
/** The roads to draw; `total` how many matched, `truncated` when more matched than `limit`. */
export interface RoadFeatureCollection {
  type: 'FeatureCollection';
  features: RoadFeature[];
  total: number;
  truncated: boolean;
}
export interface BoundaryFeature {
  type: 'Feature';
  geometry: BoundaryGeometry;
  properties: { code: string; name: string | null; kind: UnitKind | null };
}
export interface BoundaryFeatureCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

// ── Road network and unit boundaries: argument schemas ──
const BBoxArg = z.tuple([Lon, Lat, Lon, Lat]).refine(([w, s, e, n]) => w <= e && s <= n, 'bbox: [west, south, east, north], west ≤ east, south ≤ north');
const PeakFactorArg = z.number().positive().max(1);
const RoadClassArg = z.enum(['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'living_street', 'service']);
const MapRoadsArgs = z.object({
  bbox: BBoxArg.optional(),
  minClass: RoadClassArg.optional(),
  limit: z.number().int().min(1).max(2_000_000).default(200_000),
});
const MapBoundariesArgs = z.object({ kinds: z.array(z.enum(UNIT_KINDS)).optional() });

export const ROADS_API = {
  'roads.import': method<RoadImportReport>()(
    z.object({ file: FileBytes, crs: Crs.default('wgs84'), dryRun: z.boolean().default(false) }),
    "Replace the plan's road network from GeoJSON lines or an OpenStreetMap .osm.pbf extract, in one transaction (nothing on a dry run or a bad file); bad features are listed and skipped.",
  ),
  'roads.summary': method<RoadSummary>()(None, "Segments, kilometres by class, bounding box and speeds of the plan's road network."),
  'roads.setSpeeds': method<Record<string, number>>()(
    z.object({ speeds: z.record(z.string().trim().min(1).max(64), z.number().positive().max(150)) }),
    'Set the speed (km/h, above 0, at most 150) of the classes given; returns the whole table.',
  ),
  'roads.peakFactors': method<PeakFactorsOut>()(
    None,
    "The plan's peak-hour factors (高峰系数) per road class, urban and rural: the defaults with the plan's own over them.",
  ),
  'roads.setPeakFactors': method<PeakFactorsOut>()(
    z.object({
      urban: z.record(z.string().trim().min(1).max(64), PeakFactorArg).optional(),
      rural: z.record(z.string().trim().min(1).max(64), PeakFactorArg).optional(),
      reset: z.boolean().default(false),
    }),
    'Set the peak-hour factor (above 0, at most 1: the class speed × it at the peak) of the classes given, urban and/or rural; reset: back to the defaults first. Returns the whole table.',
  ),
  'roads.clear': method<{ deleted: number }>()(None, "Remove the plan's road network (speeds are kept)."),
  'boundaries.import': method<BoundaryImportReport>()(
    z.object({ file: FileBytes, crs: Crs.default('wgs84'), dryRun: z.boolean().default(false), replace: z.boolean().default(false) }),
    'Unit boundaries from GeoJSON polygons, matched by code (区划代码/adcode, 6, 9 or 12 digits) or unique name; unmatched are listed. replace: drop boundaries not in the file.',
  ),
  'boundaries.summary': method<BoundarySummary>()(None, 'How many units have a boundary.'),
  'map.roads': method<RoadFeatureCollection>()(
    MapRoadsArgs,
    'Roads to draw, as GeoJSON lines { highway, oneway }: those crossing bbox, of minClass or more major (secondary: motorway … secondary and their links), at most limit.',
  ),
  'map.boundaries': method<BoundaryFeatureCollection>()(
    MapBoundariesArgs,
    'Unit boundaries to draw, as GeoJSON { code, name, kind } (name and kind from the baseline), optionally of some kinds only.',
  ),
  /**
   * The same as text, for the map: it hands the text to MapLibre's worker (a Blob's object URL), so a
   * province's roads (5.8 MB) and boundaries are never decoded, parsed or copied on the page's main thread.
   * Through the web door asked with X-HealthPlan-Reply: text, the body is the text itself (see http.ts).
   */
  'map.roadsGeoJson': method<string>()(MapRoadsArgs, 'map.roads as GeoJSON text (the same FeatureCollection, with total and truncated).'),
  'map.boundariesGeoJson': method<string>()(MapBoundariesArgs, 'map.boundaries as GeoJSON text (the same FeatureCollection).'),
  'map.boundaryCodes': method<string[]>()(None, 'Codes of the units that have a boundary (the map draws the others as centre circles), sorted.'),
} as const;
