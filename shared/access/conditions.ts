/**
 * 通行条件 (travel conditions): free flow (平峰, the plan's road speeds as they are) or the peak hour
 * (高峰: each road class's speed × a factor, urban and rural separately).
 *
 * Entry points:
 * - `DEFAULT_PEAK_FACTORS`: the factors a plan starts from (editable per plan, plan_meta `peak_factors`).
 * - `segmentUrban(net, places)`: per segment, whether it runs through town (1) or country (0).
 * - `peakSegmentFactors(net, factors, urban)`: per segment, the factor buildRoadGraph multiplies its speed by.
 * - `peakFactorsKey(factors)`, `placesKey(places)`: canonical strings for the graph caches' keys.
 * - `conditionsText(conditions)`: the words for a model note.
 *
 * The default factors are EXAMPLE VALUES (待核实), not a standard: no seed document states peak-hour
 * speeds. They are read off the published congestion-delay indices of large Chinese cities (高德地图 /
 * 百度地图 年度交通报告: a peak-hour 拥堵延时指数 — peak travel time ÷ free-flow travel time — of about
 * 1.6–2.1 in the most congested cities, 1.3–1.6 in most others), so in town a trip at the peak takes about
 * 1.5–2 times as long as at free flow: arterials (primary, secondary) the most (× 0.5–0.55), expressways a
 * little less (× 0.6), local streets less (× 0.7), lanes hardly (× 0.8–0.9). Rural roads seldom queue:
 * × 0.85–0.9 on trunk and primary roads through market towns, nothing on village roads. A planner with
 * local figures (a city's own index by road class, floating-car speeds) sets them per plan.
 *
 * Which factors a segment takes — urban or rural — is decided by the place it runs through: the urban flag
 * (城镇/农村, as the demand points carry) of the nearest place (the lowest-level units with coordinates:
 * villages/communities, or a street/town with none listed under it) to the segment's middle point (its
 * middle vertex, or the middle of its two middle vertices). Without any place, every segment is rural.
 * Walking is not slowed by traffic: on foot the peak changes nothing; connectors (from a place off the
 * road to its node) keep their speed; without roads (the straight-line model) the two conditions agree.
 */
import KDBush from 'kdbush';
import { NearestSearch } from './nearest.ts';
import type { RoadNetworkData } from './network.ts';

export type TravelConditions = 'free' | 'peak';
export const TRAVEL_CONDITIONS = ['free', 'peak'] as const satisfies readonly TravelConditions[];

/** Per road class a factor in (0, 1] that multiplies the class's speed at the peak, in town and in the country. */
export interface PeakFactors {
  urban: Record<string, number>;
  rural: Record<string, number>;
}

/** A class missing from the table: an urban road like an arterial, a rural one as a trunk road. */
export const UNKNOWN_CLASS_PEAK_FACTOR = { urban: 0.6, rural: 0.9 } as const;

/** Example values (待核实, see the module's comment): not a standard. */
export const DEFAULT_PEAK_FACTORS: Readonly<PeakFactors> = {
  urban: {
    motorway: 0.6,
    motorway_link: 0.6,
    trunk: 0.55,
    trunk_link: 0.6,
    primary: 0.5,
    primary_link: 0.55,
    secondary: 0.55,
    secondary_link: 0.6,
    tertiary: 0.6,
    tertiary_link: 0.65,
    unclassified: 0.7,
    residential: 0.7,
    living_street: 0.9,
    service: 0.8,
    road: 0.6,
  },
  rural: {
    motorway: 0.9,
    motorway_link: 0.85,
    trunk: 0.85,
    trunk_link: 0.85,
    primary: 0.85,
    primary_link: 0.9,
    secondary: 0.9,
    secondary_link: 0.9,
    tertiary: 0.95,
    tertiary_link: 0.95,
    unclassified: 1,
    residential: 1,
    living_street: 1,
    service: 1,
    road: 0.95,
  },
};

/** A factor must be in (0, 1]: the peak never speeds a road up, and 0 would close it. */
export const validPeakFactor = (v: unknown): v is number => typeof v === 'number' && v > 0 && v <= 1;

/** The places a segment is classed by: their coordinates and urban flag (1 urban). */
export interface UrbanPlaces {
  lon: Float64Array;
  lat: Float64Array;
  urban: Uint8Array;
}

/**
 * The places that class segments: every unit with coordinates none of whose units below has any (the
 * villages/communities, or a street/town listed without them), with its urban flag. `parent[i]`: the
 * unit's parent's index, -1 for none.
 */
export function urbanPlaces(units: readonly { lon: number | null; lat: number | null; urban: boolean }[], parent: Int32Array): UrbanPlaces {
  const located = (i: number) => {
    const u = units[i]!;
    return u.lon !== null && u.lat !== null && Number.isFinite(u.lon) && Number.isFinite(u.lat);
  };
  const above = new Uint8Array(units.length);
  for (let i = 0; i < units.length; i++) {
    if (!located(i)) continue;
    for (let p = parent[i]!, d = 0; p >= 0 && d < 16 && !above[p]; p = parent[p]!, d++) above[p] = 1;
  }
  const keep: number[] = [];
  for (let i = 0; i < units.length; i++) if (located(i) && !above[i]) keep.push(i);
  return {
    lon: Float64Array.from(keep, (i) => units[i]!.lon!),
    lat: Float64Array.from(keep, (i) => units[i]!.lat!),
    urban: Uint8Array.from(keep, (i) => (units[i]!.urban ? 1 : 0)),
  };
}

/** Per segment 1 when the nearest place to its middle point is urban, else 0 (no place: all rural). */
export function segmentUrban(net: RoadNetworkData, places: UrbanPlaces): Uint8Array {
  const segments = net.offsets.length - 1;
  const out = new Uint8Array(segments);
  const n = places.lon.length;
  if (n === 0 || segments <= 0) return out;
  const tree = new KDBush(n, 32);
  for (let i = 0; i < n; i++) tree.add(places.lon[i]!, places.lat[i]!);
  tree.finish();
  const search = new NearestSearch(tree);
  const { offsets, coords } = net;
  for (let s = 0; s < segments; s++) {
    const a = offsets[s]!,
      b = offsets[s + 1]! - 1;
    if (b < a) continue;
    const lo = (a + b) >> 1,
      hi = (a + b + 1) >> 1;
    const x = (coords[2 * lo]! + coords[2 * hi]!) / 2,
      y = (coords[2 * lo + 1]! + coords[2 * hi + 1]!) / 2;
    if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) continue;
    const k = search.find(x, y, Infinity);
    if (k >= 0) out[s] = places.urban[k]!;
  }
  return out;
}

/** Per segment its peak factor: the table's for its class, urban or rural by `urban[s]`. */
export function peakSegmentFactors(net: RoadNetworkData, factors: PeakFactors, urban: Uint8Array): Float32Array {
  const segments = net.offsets.length - 1;
  const out = new Float32Array(segments);
  const byClass = [new Map<string, number>(), new Map<string, number>()];
  for (let s = 0; s < segments; s++) {
    const u = urban[s] === 1 ? 1 : 0;
    const h = net.highway[s] ?? '';
    const cache = byClass[u]!;
    let f = cache.get(h);
    if (f === undefined) {
      const table = u ? factors.urban : factors.rural;
      f = Object.hasOwn(table, h) && validPeakFactor(table[h]) ? table[h] : u ? UNKNOWN_CLASS_PEAK_FACTOR.urban : UNKNOWN_CLASS_PEAK_FACTOR.rural;
      cache.set(h, f);
    }
    out[s] = f;
  }
  return out;
}

/** The factors as a canonical string (classes sorted): equal tables give equal keys. */
export function peakFactorsKey(f: PeakFactors): string {
  const side = (t: Record<string, number>) =>
    Object.keys(t)
      .sort()
      .map((k) => `${k}=${t[k]}`)
      .join(',');
  return `u:${side(f.urban)};r:${side(f.rural)}`;
}

/** The places' identity (FNV-1a over their coordinates and flags): the same places give the same key. */
export function placesKey(p: UrbanPlaces): string {
  let h = 0x811c9dc5;
  for (const a of [p.lon, p.lat, p.urban]) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let k = 0; k < bytes.length; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  }
  return `${p.lon.length}:${(h >>> 0).toString(16)}`;
}

/** "平峰" / "高峰（道路车速按高峰系数折减，示例值待核实）" for a model note (inside a sentence in English). */
export function conditionsText(c: TravelConditions): { zh: string; en: string } {
  return c === 'peak'
    ? {
        zh: '高峰时段（各等级道路车速乘以城镇/农村高峰系数，系数为示例值、待核实）',
        en: 'at the peak hour (road speeds × the urban/rural peak factors, example values to be checked)',
      }
    : { zh: '平峰（自由流车速）', en: 'at free flow' };
}

/**
 * The model note's words for the conditions (after the travel note, starting with "；"): on the roads the
 * condition; without roads, at the peak, that the straight line is the same at any hour. `compared`: the
 * other condition's coverage is given beside.
 */
export function conditionsNote(c: TravelConditions, model: 'road' | 'straight_line', compared = false): { zh: string; en: string } {
  if (model !== 'road')
    return c === 'peak' || compared
      ? { zh: '；无路网时高峰与平峰相同（直线估算不分时段）', en: '; without roads the peak hour and free flow agree (the straight line knows no hour)' }
      : { zh: '', en: '' };
  const t = conditionsText(c);
  const o = conditionsText(otherConditions(c));
  return {
    zh: `；${t.zh}${compared ? `，并给出${o.zh.replace(/（.*$/, '')}的覆盖作对照` : ''}`,
    en: `; ${t.en}${compared ? `, with the coverage ${o.en.replace(/ \(.*$/, '')} beside` : ''}`,
  };
}

/** The other condition: what a result is also evaluated under. */
export const otherConditions = (c: TravelConditions): TravelConditions => (c === 'peak' ? 'free' : 'peak');
