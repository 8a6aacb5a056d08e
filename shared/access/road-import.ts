/**
 * 路网导入的共用部分: what every road reader (GeoJSON, OpenStreetMap .osm.pbf) shares — which road
 * classes are kept, how `oneway` and `maxspeed` are read, the problems a reader lists (in Chinese and
 * English), and a builder that packs segments into the plain typed arrays of {@link RoadNetworkData}.
 * Pure: no Node, no I/O.
 *
 * What is kept: a segment whose class is drivable (DRIVABLE_CLASSES: motorway … service, road), or a
 * class this module does not know (kept as written, e.g. a planner's own "县道"; its speed can be set
 * in the plan's speed table). What is dropped, counted by class: the classes in NON_DRIVABLE_CLASSES
 * — footways, paths, cycleways, steps, pedestrian streets, bridleways, tracks (farm and forest tracks:
 * not drivable for an ambulance, as in OSM routing profiles for cars), corridors, bus-only ways, roads
 * under construction or only proposed, and similar.
 */
import type { FeatureProblem } from '../model/issues.ts';
import type { RoadImportReport } from './road-report.ts';
import { distanceMetres } from '../geo/crs.ts';
import { DRIVABLE_CLASSES, type RoadNetworkData } from './network.ts';

/** Classes a car cannot use: dropped on import, counted by class. */
export const NON_DRIVABLE_CLASSES: ReadonlySet<string> = new Set([
  'footway',
  'path',
  'cycleway',
  'steps',
  'pedestrian',
  'bridleway',
  'track',
  'corridor',
  'busway',
  'bus_guideway',
  'construction',
  'proposed',
  'planned',
  'abandoned',
  'disused',
  'razed',
  'platform',
  'elevator',
  'via_ferrata',
  'raceway',
  'escape',
  'emergency_bay',
  'rest_area',
  'services',
  'bus_stop',
  'sidewalk',
  'crossing',
  'ladder',
]);

/**
 * Road classes as Chinese road data writes them, read as the OSM class closest to them (as OSM China
 * maps them): 高速公路 motorway, 快速路 trunk, 国道/主干路 primary, 省道/次干路 secondary,
 * 县道/支路 tertiary, 乡道 unclassified, 村道 residential. Also Geofabrik's shapefile `fclass`
 * values track_grade1…5 (tracks).
 */
export const ROAD_CLASS_ALIASES: Readonly<Record<string, string>> = {
  高速公路: 'motorway',
  高速: 'motorway',
  城市快速路: 'trunk',
  快速路: 'trunk',
  国道: 'primary',
  主干路: 'primary',
  主干道: 'primary',
  城市主干路: 'primary',
  省道: 'secondary',
  次干路: 'secondary',
  次干道: 'secondary',
  城市次干路: 'secondary',
  县道: 'tertiary',
  支路: 'tertiary',
  城市支路: 'tertiary',
  乡道: 'unclassified',
  村道: 'residential',
  匝道: 'motorway_link',
  人行道: 'footway',
  步行街: 'pedestrian',
  自行车道: 'cycleway',
  小路: 'path',
  台阶: 'steps',
  track_grade1: 'track',
  track_grade2: 'track',
  track_grade3: 'track',
  track_grade4: 'track',
  track_grade5: 'track',
};

/**
 * How major a class is, 1 (motorway) … 7 (service): for a map that shows major roads only. A link
 * ranks with its road; a class not listed ranks 6, with local streets.
 */
export const ROAD_CLASS_RANK: Readonly<Record<string, number>> = {
  motorway: 1,
  motorway_link: 1,
  trunk: 2,
  trunk_link: 2,
  primary: 3,
  primary_link: 3,
  secondary: 4,
  secondary_link: 4,
  tertiary: 5,
  tertiary_link: 5,
  unclassified: 6,
  residential: 6,
  road: 6,
  living_street: 7,
  service: 7,
};
export const MAP_CLASSES = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'living_street', 'service'] as const;
export const rankOf = (highway: string): number => ROAD_CLASS_RANK[highway] ?? 6;

/** A class as written → the class stored: trimmed, lower-case, Chinese names read as OSM classes. */
export function normaliseClass(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const s = raw.trim();
  return ROAD_CLASS_ALIASES[s] ?? ROAD_CLASS_ALIASES[s.toLowerCase()] ?? s.toLowerCase();
}

/** keep: drivable or a class of its own; drop: a class a car cannot use. */
export const isDropped = (highway: string) => highway !== '' && !DRIVABLE_CLASSES.has(highway) && NON_DRIVABLE_CLASSES.has(highway);

/**
 * oneway as OSM and GIS data write it: yes/true/1/F(orward) → 1, -1/reverse/T (Geofabrik: against
 * the digitising direction) → -1, no/false/0/B(oth) → 0, absent → `implied`. Anything else → null.
 */
export function parseOneway(v: unknown, implied: -1 | 0 | 1 = 0): -1 | 0 | 1 | null {
  if (v === undefined || v === null || v === '') return implied;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v === 1 ? 1 : v === -1 ? -1 : v === 0 ? 0 : null;
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  if (['yes', 'true', '1', 'f', 'forward', '是', '单行'].includes(s)) return 1;
  if (['-1', 'reverse', 't', 'backward'].includes(s)) return -1;
  if (['no', 'false', '0', 'b', 'both', '否', '双向'].includes(s)) return 0;
  if (s === 'reversible' || s === 'alternating') return 0; // direction changes by time of day: both, as an approximation
  return null;
}

export const MAX_SPEED_KMH = 150;
const MPH = 1.609344;
/**
 * A speed in km/h: a number, "50", "50 km/h", "50kmh", "30 mph", "50;60" (the first). Returns
 * undefined when absent (also OSM's "none", "signals", "walk", "CN:urban" and the like, which name no
 * number, and Geofabrik's 0 for unknown when `zeroIsAbsent`), null when written but unreadable or
 * outside (0, 150].
 */
export function parseSpeed(v: unknown, zeroIsAbsent = false): number | null | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  let kmh: number;
  if (typeof v === 'number') kmh = v;
  else if (typeof v === 'string') {
    const s = v.trim().toLowerCase().split(';')[0]!.trim();
    if (!/\d/.test(s)) return undefined;
    const m = /^(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|公里\/小时|千米\/小时|mph|knots)?$/.exec(s);
    if (!m) return /^[a-z]{2}:/.test(s) ? undefined : null;
    kmh = Number(m[1]) * (m[2] === 'mph' ? MPH : m[2] === 'knots' ? 1.852 : 1);
  } else return null;
  if (zeroIsAbsent && kmh === 0) return undefined;
  if (!Number.isFinite(kmh) || kmh <= 0 || kmh > MAX_SPEED_KMH) return null;
  return Math.round(kmh * 10) / 10;
}

export const validLonLat = (lon: unknown, lat: unknown): boolean =>
  typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;

/** The problems a reader lists: at most `max`, then only counted. */
export class ProblemList {
  readonly items: FeatureProblem[] = [];
  truncated = 0;
  private readonly max: number;
  constructor(max = 1000) {
    this.max = max;
  }
  add(feature: number, m: { zh: string; en: string } | (() => { zh: string; en: string })): void {
    if (this.items.length >= this.max) {
      this.truncated++;
      return;
    }
    const { zh, en } = typeof m === 'function' ? m() : m;
    this.items.push({ feature, message: zh, messageEn: en });
  }
  get count(): number {
    return this.items.length + this.truncated;
  }
}

/** What a road reader hands back: the network and what it kept, dropped and found wrong (as the import report says it). */
export type RoadReadResult = Pick<RoadImportReport, 'features' | 'points' | 'km' | 'kmByClass' | 'dropped' | 'skipped' | 'problems' | 'problemsTruncated'> & {
  network: RoadNetworkData;
  bbox: [number, number, number, number] | null;
};

/** Grows typed arrays as segments are added; `build()` hands back exactly-sized arrays. */
export class RoadNetworkBuilder {
  private offsets = new Uint32Array(1024);
  private coords = new Float64Array(8192);
  private speed = new Float32Array(1024);
  private oneway = new Int8Array(1024);
  private readonly highway: string[] = [];
  private readonly metresByClass = new Map<string, number>();
  private n = 0;
  private points = 0;
  private w = Infinity;
  private s = Infinity;
  private e = -Infinity;
  private nn = -Infinity;

  get segments(): number {
    return this.n;
  }

  /**
   * Starts a segment; then `point()` for each of its points, then `end()`, which keeps it if it has at
   * least two distinct points (consecutive repeats are dropped) and returns whether it did.
   */
  begin(): void {
    this.pending = this.points;
  }
  private pending = 0;

  point(lon: number, lat: number): void {
    const at = this.points;
    if (at > this.pending) {
      const pl = this.coords[2 * at - 2]!,
        pt = this.coords[2 * at - 1]!;
      if (pl === lon && pt === lat) return;
    }
    if (2 * at + 2 > this.coords.length) this.coords = grow(this.coords, 2 * at + 2);
    this.coords[2 * at] = lon;
    this.coords[2 * at + 1] = lat;
    this.points = at + 1;
  }

  /** Points of the segment begun, so far. */
  get pendingPoints(): number {
    return this.points - this.pending;
  }

  end(highway: string, speedKmh: number | undefined, oneway: -1 | 0 | 1): boolean {
    const first = this.pending;
    if (this.points - first < 2) {
      this.points = first;
      return false;
    }
    const s = this.n;
    if (s + 2 > this.offsets.length) {
      this.offsets = grow(this.offsets, s + 2);
      this.speed = grow(this.speed, s + 2);
      this.oneway = grow(this.oneway, s + 2);
    }
    this.offsets[s] = first;
    this.offsets[s + 1] = this.points;
    this.speed[s] = speedKmh ?? NaN;
    this.oneway[s] = oneway;
    this.highway.push(highway);
    let m = 0;
    const c = this.coords;
    for (let i = first; i < this.points; i++) {
      const lon = c[2 * i]!,
        lat = c[2 * i + 1]!;
      if (lon < this.w) this.w = lon;
      if (lon > this.e) this.e = lon;
      if (lat < this.s) this.s = lat;
      if (lat > this.nn) this.nn = lat;
      if (i > first) m += distanceMetres(c[2 * i - 2]!, c[2 * i - 1]!, lon, lat);
    }
    this.metresByClass.set(highway, (this.metresByClass.get(highway) ?? 0) + m);
    this.n = s + 1;
    return true;
  }

  /** The network, and the figures a report gives: kilometres by class (to the metre) and the bounding box. */
  build(): { network: RoadNetworkData; points: number; km: number; kmByClass: Record<string, number>; bbox: [number, number, number, number] | null } {
    const n = this.n;
    const network: RoadNetworkData = {
      offsets: this.offsets.slice(0, n + 1),
      coords: this.coords.slice(0, 2 * this.points),
      highway: this.highway.slice(),
      speedKmh: this.speed.slice(0, n),
      oneway: this.oneway.slice(0, n),
    };
    return { network, points: this.points, ...kilometres(this.metresByClass), bbox: n ? [this.w, this.s, this.e, this.nn] : null };
  }
}

export function kilometres(metresByClass: Map<string, number>): { km: number; kmByClass: Record<string, number> } {
  const kmByClass: Record<string, number> = {};
  let total = 0;
  for (const [k, m] of [...metresByClass].sort((a, b) => rankOf(a[0]) - rankOf(b[0]) || b[1] - a[1])) {
    kmByClass[k] = Math.round(m) / 1000;
    total += m;
  }
  return { km: Math.round(total) / 1000, kmByClass };
}

function grow<T extends Uint32Array | Float64Array | Float32Array | Int8Array>(a: T, need: number): T {
  let size = a.length * 2;
  while (size < need) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a as never);
  return b;
}

/** Length in metres of every segment of a network, by class, and its bounding box (for a stored network). */
export function measureNetwork(net: RoadNetworkData): {
  points: number;
  km: number;
  kmByClass: Record<string, number>;
  bbox: [number, number, number, number] | null;
} {
  const byClass = new Map<string, number>();
  const c = net.coords;
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (let seg = 0; seg + 1 < net.offsets.length; seg++) {
    let m = 0;
    for (let i = net.offsets[seg]!; i < net.offsets[seg + 1]!; i++) {
      const lon = c[2 * i]!,
        lat = c[2 * i + 1]!;
      if (lon < w) w = lon;
      if (lon > e) e = lon;
      if (lat < s) s = lat;
      if (lat > n) n = lat;
      if (i > net.offsets[seg]!) m += distanceMetres(c[2 * i - 2]!, c[2 * i - 1]!, lon, lat);
    }
    const h = net.highway[seg] ?? '';
    byClass.set(h, (byClass.get(h) ?? 0) + m);
  }
  return { points: c.length / 2, ...kilometres(byClass), bbox: net.offsets.length > 1 ? [w, s, e, n] : null };
}

/** Who a message is about: a GeoJSON feature by its number, or an OSM way by its id. */
export interface Who {
  zh: string;
  en: string;
}
export const featureWho = (n: number): Who => ({ zh: `第 ${n} 个要素`, en: `Feature ${n}` });
export const wayWho = (id: number): Who => ({ zh: `OSM 路段 way ${id}`, en: `OSM way ${id}` });

/** The messages the readers give, in Chinese for the planner and in English. */
export const roadMsg = {
  notLine: (w: Who, type: string) => ({
    zh: `${w.zh}的几何类型是 ${type}，不是线（LineString 或 MultiLineString）：已跳过。路网只读线要素，点和面请从文件中删除`,
    en: `${w.en} is a ${type}, not a line (LineString or MultiLineString); skipped. A road network holds lines only: remove points and polygons`,
  }),
  noGeometry: (w: Who) => ({
    zh: `${w.zh}没有几何（geometry 为空）：已跳过`,
    en: `${w.en} has no geometry; skipped`,
  }),
  tooFewPoints: (w: Who, part: number | null, count: number) => ({
    zh: `${w.zh}${part !== null ? `的第 ${part} 段` : ''}只有 ${count} 个不同的点，一条路至少要 2 个点：已跳过`,
    en: `${w.en}${part !== null ? `, part ${part},` : ''} has ${count} distinct point(s); a road needs at least 2; skipped`,
  }),
  badCoordinate: (w: Who, point: number, shownValue: string) => ({
    zh: `${w.zh}的第 ${point} 个坐标 ${shownValue} 不是有效的经纬度（经度 −180～180、纬度 −90～90 的数字）：已跳过。坐标须为经纬度（度）；投影坐标（米）请先在 GIS 软件中转换为 EPSG:4326`,
    en: `${w.en}: coordinate ${point} ${shownValue} is not a longitude/latitude (numbers, −180…180 and −90…90); skipped. Coordinates must be degrees; reproject projected (metre) data to EPSG:4326 first`,
  }),
  noClass: (w: Who) => ({
    zh: `${w.zh}既没有道路等级（highway）也没有速度（speed_kmh 或 maxspeed）：已跳过。请在属性中写明 highway（如 primary、residential、国道）或 speed_kmh`,
    en: `${w.en} has neither a road class (highway) nor a speed (speed_kmh or maxspeed); skipped. Give highway (e.g. primary, residential) or speed_kmh`,
  }),
  badSpeed: (w: Who, v: string, cls: string) => ({
    zh: `${w.zh}的速度「${v}」无法识别或不在 0～${MAX_SPEED_KMH} km/h 之间：已忽略，按道路等级「${cls}」的速度计`,
    en: `${w.en}: speed "${v}" is unreadable or outside 0–${MAX_SPEED_KMH} km/h; ignored, the speed of class "${cls}" applies`,
  }),
  badSpeedNoClass: (w: Who, v: string) => ({
    zh: `${w.zh}的速度「${v}」无法识别或不在 0～${MAX_SPEED_KMH} km/h 之间，且没有道路等级：已跳过。请写 speed_kmh（如 40）或 highway`,
    en: `${w.en}: speed "${v}" is unreadable or outside 0–${MAX_SPEED_KMH} km/h and there is no road class; skipped. Give speed_kmh (e.g. 40) or highway`,
  }),
  badOneway: (w: Who, v: string) => ({
    zh: `${w.zh}的单行标记 oneway「${v}」无法识别（可写 yes、no、-1）：按双向通行计`,
    en: `${w.en}: oneway "${v}" is not recognised (use yes, no or -1); taken as two-way`,
  }),
  missingNodes: (ways: number, lost: number) => ({
    zh: `${ways} 条路段引用了文件中没有的节点（提取范围边缘被截断）：已在缺失处断开，保留范围内的部分${lost ? `；其中 ${lost} 条在范围内不足 2 个点，已跳过` : ''}。提取时可用 osmium extract 的 --strategy complete_ways 保留完整路段`,
    en: `${ways} way(s) refer to nodes not in the file (cut at the extract's border): split where nodes are missing, the parts inside kept${lost ? `; ${lost} had fewer than 2 points inside and were skipped` : ''}. osmium extract --strategy complete_ways keeps whole ways`,
  }),
  tooManyOutOfRange: () => ({
    zh: '多数坐标超出经纬度范围，文件很可能是投影坐标（单位为米，如 EPSG:3857 或 CGCS2000 高斯投影）：请在 GIS 软件（如 QGIS）中另存为 EPSG:4326（WGS-84 经纬度）的 GeoJSON 后再导入',
    en: 'Most coordinates are outside longitude/latitude ranges: the file is likely in projected coordinates (metres, e.g. EPSG:3857 or a CGCS2000 Gauss-Krüger zone). Save it as GeoJSON in EPSG:4326 (WGS-84 degrees), e.g. with QGIS, and import again',
  }),
  noRoads: () => ({
    zh: '文件中没有可用的道路：方案中的路网未做改动',
    en: "The file holds no usable road; the plan's road network was not changed",
  }),
  noDrivable: (dropped: string) => ({
    zh: `文件中的道路都不能行车（${dropped}）：方案中的路网未做改动。请导入含机动车道路（highway 为 primary、residential 等）的文件`,
    en: `None of the file's roads is drivable (${dropped}); the plan's road network was not changed. Import a file with roads for cars (highway primary, residential …)`,
  }),
};

/** A value as quoted in a message, at most 40 characters. */
export function quote(v: unknown): string {
  let s: string;
  // A hostile file's array nested a million deep overflows JSON.stringify and String alike.
  try {
    s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    s = Array.isArray(v) ? '[…]' : typeof v === 'object' && v !== null ? '{…}' : String(v);
  }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
