/**
 * 读取 GeoJSON 路网: a GeoJSON FeatureCollection of LineString / MultiLineString features → the
 * road network, with every feature that cannot be used listed (its number, what is wrong) and skipped.
 * Pure: the caller decodes the file and parses the JSON.
 *
 * Properties read (names matched without regard to case):
 * - class: `highway` (OSM values: primary, residential …), or `fclass` (Geofabrik shapefiles),
 *   `road_class`, 道路等级, 等级 — Chinese classes (国道, 省道, 县道, 主干路 …) are read as OSM classes;
 * - speed: `speed_kmh` (also speed, 速度, 设计速度), else `maxspeed` (限速): "50", "50 km/h", "30 mph";
 *   Geofabrik's maxspeed 0 means unknown;
 * - `oneway` (单行): yes/true/1/F → 1, -1/reverse/T → -1, no/false/0/B/absent → 0; `junction`
 *   roundabout implies one way. (A motorway is not taken as one way: Chinese GIS data often draws one
 *   line for both carriageways.)
 * A MultiLineString becomes one segment per part. Coordinates are WGS-84 degrees unless `crs` says
 * GCJ-02 or BD-09, which are converted. A feature with fewer than 2 distinct points, a coordinate that
 * is not a number within −180…180 / −90…90, a geometry that is not a line, or neither a class nor a
 * speed is listed and skipped; the rest is read.
 */
import { toWgs84, type Crs } from '../geo/crs.ts';
import {
  featureWho,
  isDropped,
  normaliseClass,
  parseOneway,
  parseSpeed,
  ProblemList,
  quote,
  RoadNetworkBuilder,
  roadMsg,
  validLonLat,
  type RoadReadResult,
} from './road-import.ts';

/** The file is not GeoJSON a road or boundary import can read; `zh`/`en` say what it is and what to do. */
export class NotGeoJsonError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(zh: string, en: string) {
    super(en);
    this.name = 'NotGeoJsonError';
    this.zh = zh;
    this.en = en;
  }
}

/** GeoJSON coordinates nest at most 4 arrays deep (a MultiPolygon: polygons → rings → positions → numbers). */
export const MAX_COORDINATE_DEPTH = 4;

/**
 * Whether arrays nest deeper than `max` anywhere in `v`. Iterative, and it stops at the first array
 * too deep: a hostile file nesting a million arrays overflows no stack here.
 */
export function nestedDeeperThan(v: unknown, max: number): boolean {
  if (!Array.isArray(v)) return false;
  const arrays: unknown[][] = [v];
  const depths: number[] = [1];
  while (arrays.length > 0) {
    const a = arrays.pop()!;
    const d = depths.pop()!;
    if (d > max) return true;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (Array.isArray(x)) {
        arrays.push(x);
        depths.push(d + 1);
      }
    }
  }
  return false;
}

/** A feature whose coordinates nest deeper than GeoJSON allows (for roads and boundaries). */
export const tooDeepMsg = (n: number) => ({
  zh: `第 ${n} 个要素的坐标嵌套超过 ${MAX_COORDINATE_DEPTH} 层数组，不是有效的 GeoJSON 几何（MultiPolygon 也只有 ${MAX_COORDINATE_DEPTH} 层）：已跳过，请在 GIS 软件中重新导出该要素`,
  en: `Feature ${n}: its coordinates nest more than ${MAX_COORDINATE_DEPTH} arrays deep, which is not GeoJSON (even a MultiPolygon has ${MAX_COORDINATE_DEPTH}); skipped: export the feature again from the GIS software`,
});

/** A geometry's `type` as text: a string as it is, anything else quoted (a hostile array is not stringified whole). */
export const typeText = (t: unknown): string => (typeof t === 'string' ? t : quote(t));

const EPSG_DEGREES = /(^|[^0-9])(4326|4490|4214|4610|crs84)([^0-9]|$)/i;

/**
 * The features of a GeoJSON document: a FeatureCollection, or one Feature. Anything else (TopoJSON,
 * a bare geometry, JSON that is not GeoJSON, a `crs` naming projected coordinates) is refused with
 * the fix.
 */
export function geoJsonFeatures(doc: unknown): unknown[] {
  const o = doc as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } } | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) {
    throw new NotGeoJsonError(
      '文件是 JSON，但不是 GeoJSON（最外层应为 {"type": "FeatureCollection", "features": [...]}）：请在 GIS 软件（如 QGIS）中导出为 GeoJSON',
      'The file is JSON but not GeoJSON (expected {"type": "FeatureCollection", "features": [...]}); export it as GeoJSON, e.g. from QGIS',
    );
  }
  if (o.type === 'Topology') {
    throw new NotGeoJsonError(
      '文件是 TopoJSON，不是 GeoJSON：请先转换为 GeoJSON（如 mapshaper 的 -o format=geojson，或 QGIS 另存为 GeoJSON）',
      'The file is TopoJSON, not GeoJSON; convert it first (mapshaper -o format=geojson, or QGIS: save as GeoJSON)',
    );
  }
  const crsName = o.crs?.properties?.name;
  if (typeof crsName === 'string' && !EPSG_DEGREES.test(crsName)) {
    throw new NotGeoJsonError(
      `文件声明的坐标系是「${quote(crsName)}」（投影坐标，不是经纬度）：请在 GIS 软件中另存为 EPSG:4326（WGS-84 经纬度）的 GeoJSON 后再导入`,
      `The file declares the coordinate system "${quote(crsName)}" (projected, not degrees); save it as GeoJSON in EPSG:4326 (WGS-84 longitude/latitude) and import again`,
    );
  }
  if (o.type === 'FeatureCollection' && Array.isArray(o.features)) return o.features;
  if (o.type === 'Feature') return [o];
  throw new NotGeoJsonError(
    `文件是 JSON，但不是 GeoJSON 要素集合（type 为「${quote(o.type ?? '')}」，应为 FeatureCollection）：请导出为 GeoJSON 要素集合`,
    `The file is JSON but not a GeoJSON FeatureCollection (type "${quote(o.type ?? '')}"); export a GeoJSON FeatureCollection`,
  );
}

export interface ReadRoadsOptions {
  crs?: Crs;
  /** Called now and then with features read so far and their total. */
  onProgress?: (done: number, total: number) => void;
  maxProblems?: number;
}

const ROLES: Record<string, 'class' | 'speed' | 'maxspeed' | 'oneway' | 'junction'> = {
  highway: 'class',
  fclass: 'class',
  road_class: 'class',
  roadclass: 'class',
  道路等级: 'class',
  等级: 'class',
  speed_kmh: 'speed',
  speed: 'speed',
  速度: 'speed',
  设计速度: 'speed',
  'speed(km/h)': 'speed',
  maxspeed: 'maxspeed',
  max_speed: 'maxspeed',
  限速: 'maxspeed',
  oneway: 'oneway',
  单行: 'oneway',
  junction: 'junction',
};

type Props = Partial<Record<'class' | 'speed' | 'maxspeed' | 'oneway' | 'junction', unknown>>;
function rolesOf(p: unknown): Props {
  const out: Props = {};
  if (typeof p !== 'object' || p === null) return out;
  for (const k of Object.keys(p)) {
    const role = ROLES[k] ?? ROLES[k.toLowerCase()];
    if (role && out[role] === undefined) out[role] = (p as Record<string, unknown>)[k];
  }
  return out;
}

export function readGeoJsonRoads(doc: unknown, opts: ReadRoadsOptions = {}): RoadReadResult {
  const features = geoJsonFeatures(doc);
  const crs = opts.crs ?? 'wgs84';
  const problems = new ProblemList(opts.maxProblems);
  const b = new RoadNetworkBuilder();
  const dropped: Record<string, number> = {};
  let skipped = 0;
  let outOfRange = 0;
  const total = features.length;
  const step = Math.max(1, Math.floor(total / 100));

  features.forEach((f, i) => {
    const n = i + 1;
    if (opts.onProgress && i % step === 0) opts.onProgress(i, total);
    const feature = f as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: unknown } | null;
    const geometry = feature?.geometry;
    if (!geometry || typeof geometry !== 'object') {
      problems.add(n, () => roadMsg.noGeometry(featureWho(n)));
      skipped++;
      return;
    }
    const gtype = typeText(geometry.type);
    if (gtype !== 'LineString' && gtype !== 'MultiLineString') {
      problems.add(n, () => roadMsg.notLine(featureWho(n), quote(gtype)));
      skipped++;
      return;
    }

    const p = rolesOf(feature.properties);
    const highway = normaliseClass(p.class);
    if (isDropped(highway)) {
      dropped[highway] = (dropped[highway] ?? 0) + 1;
      return;
    }
    let speed = parseSpeed(p.speed);
    if (speed === null) {
      if (!highway) {
        problems.add(n, () => roadMsg.badSpeedNoClass(featureWho(n), quote(p.speed)));
        skipped++;
        return;
      }
      problems.add(n, () => roadMsg.badSpeed(featureWho(n), quote(p.speed), highway));
      speed = undefined;
    }
    if (speed === undefined && p.speed === undefined) {
      const max = parseSpeed(p.maxspeed, true);
      if (max === null) {
        if (!highway) {
          problems.add(n, () => roadMsg.badSpeedNoClass(featureWho(n), quote(p.maxspeed)));
          skipped++;
          return;
        }
        problems.add(n, () => roadMsg.badSpeed(featureWho(n), quote(p.maxspeed), highway));
      } else speed = max;
    }
    if (!highway && speed === undefined) {
      problems.add(n, () => roadMsg.noClass(featureWho(n)));
      skipped++;
      return;
    }
    const roundabout = typeof p.junction === 'string' && /^(roundabout|circular)$/i.test(p.junction.trim());
    let oneway = parseOneway(p.oneway, roundabout ? 1 : 0);
    if (oneway === null) {
      problems.add(n, () => roadMsg.badOneway(featureWho(n), quote(p.oneway)));
      oneway = 0;
    }

    const parts = gtype === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    if (!Array.isArray(parts)) {
      problems.add(n, () => roadMsg.tooFewPoints(featureWho(n), null, 0));
      skipped++;
      return;
    }
    // Checked only when a line turns out bad, so valid files pay nothing for it.
    let deep: boolean | undefined;
    const tooDeep = () => (deep ??= nestedDeeperThan(geometry.coordinates, MAX_COORDINATE_DEPTH));
    parts.forEach((line, k) => {
      if (deep) return; // reported once for the feature
      const part = gtype === 'MultiLineString' ? k + 1 : null;
      const bad = Array.isArray(line) ? line.findIndex((c) => !Array.isArray(c) || !validLonLat(c[0], c[1])) : -1;
      if ((!Array.isArray(line) || bad >= 0) && tooDeep()) {
        problems.add(n, () => tooDeepMsg(n));
        skipped++;
        return;
      }
      if (!Array.isArray(line)) {
        problems.add(n, () => roadMsg.tooFewPoints(featureWho(n), part, 0));
        skipped++;
        return;
      }
      if (bad >= 0) {
        const c = line[bad] as unknown;
        if (Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1])) outOfRange++;
        problems.add(n, () => roadMsg.badCoordinate(featureWho(n), bad + 1, quote(c)));
        skipped++;
        return;
      }
      b.begin();
      for (const c of line as number[][]) {
        if (crs === 'wgs84') b.point(c[0]!, c[1]!);
        else {
          const [lon, lat] = toWgs84(crs, c[0]!, c[1]!);
          b.point(lon, lat);
        }
      }
      const count = b.pendingPoints;
      if (!b.end(highway, speed, oneway)) {
        problems.add(n, () => roadMsg.tooFewPoints(featureWho(n), part, count));
        skipped++;
      }
    });
  });
  opts.onProgress?.(total, total);
  const built = b.build();
  const list = problems.items;
  if (outOfRange > b.segments) list.unshift({ feature: 0, message: roadMsg.tooManyOutOfRange().zh, messageEn: roadMsg.tooManyOutOfRange().en });
  return {
    network: built.network,
    features: total,
    points: built.points,
    km: built.km,
    kmByClass: built.kmByClass,
    bbox: built.bbox,
    dropped,
    skipped,
    problems: list,
    problemsTruncated: problems.truncated,
  };
}
