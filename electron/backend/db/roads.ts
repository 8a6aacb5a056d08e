/**
 * The plan's road network (路网), plan-wide: one row per segment in `road_segment` (class, own speed,
 * one-way, the points as little-endian float64 lon/lat pairs), the speeds per class in plan_meta
 * `road_speeds`, the peak-hour factors in plan_meta `peak_factors`, and the last import's figures in plan_meta `road_summary`.
 *
 * Loading is built for networks of up to about a million segments: one prepared statement, rows as
 * arrays (`.raw()`), each BLOB copied straight into one Float64Array, class names interned.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.ts';
import { DEFAULT_PEAK_FACTORS, type PeakFactors, validPeakFactor } from '../../../shared/access/conditions.ts';
import { DEFAULT_ROAD_SPEEDS, type RoadNetworkData } from '../../../shared/access/network.ts';
import { MAX_SPEED_KMH, measureNetwork } from '../../../shared/access/road-import.ts';
import { getMeta, setMeta } from './meta.ts';

/** What a road import leaves behind for a summary that needs no reading of the segments. */
export interface StoredRoadSummary {
  /** A new random id with every replace: a cache of the network can key on it. */
  revision?: string;
  /** When the network was written (ISO). */
  importedAt?: string;
  segments: number;
  points: number;
  km: number;
  kmByClass: Record<string, number>;
  bbox: [number, number, number, number] | null;
}

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Points `from` … `to` − 1 as the BLOBs store them: little-endian float64 pairs. */
function bytesOf(coords: Float64Array, from: number, to: number): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(coords.buffer, coords.byteOffset + from * 16, (to - from) * 16);
  const out = Buffer.alloc((to - from) * 16);
  for (let i = 2 * from, o = 0; i < 2 * to; i++, o += 8) out.writeDoubleLE(coords[i]!, o);
  return out;
}

/**
 * Replaces the whole network in one transaction (a savepoint inside the caller's): the old segments go,
 * the new ones are written, the summary is stored. Either all of it is written or none. Segments are
 * written 65,536 at a time: their fields as one JSON array and their points as one BLOB, which SQLite
 * cuts into each row's BLOB (substr on a BLOB counts bytes) — a statement per chunk, not per row.
 */
export function replaceRoadNetwork(db: Database.Database, net: RoadNetworkData, summary?: StoredRoadSummary): StoredRoadSummary {
  const n = net.offsets.length - 1;
  const s: StoredRoadSummary = { ...(summary ?? { segments: n, ...measureNetwork(net) }), revision: crypto.randomUUID(), importedAt: new Date().toISOString() };
  const put = db.prepare(`INSERT INTO road_segment (id, highway, speed_kmh, oneway, coords)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, substr(@points, value ->> 4, value ->> 5) FROM json_each(@rows)`);
  db.transaction(() => {
    db.prepare('DELETE FROM road_segment').run();
    for (let lo = 0; lo < n; lo += LOAD_CHUNK) {
      const hi = Math.min(n, lo + LOAD_CHUNK);
      const base = net.offsets[lo]!;
      const rows: (string | number | null)[][] = [];
      for (let i = lo; i < hi; i++) {
        const sp = net.speedKmh[i]!;
        const from = net.offsets[i]!,
          to = net.offsets[i + 1]!;
        rows.push([i + 1, net.highway[i] ?? '', Number.isNaN(sp) ? null : sp, net.oneway[i]!, (from - base) * 16 + 1, (to - from) * 16]);
      }
      put.run({ rows: JSON.stringify(rows), points: bytesOf(net.coords, base, net.offsets[hi]!) });
    }
    setMeta(db, 'road_summary', JSON.stringify(s));
  })();
  return s;
}

export function clearRoadNetwork(db: Database.Database): number {
  return db.transaction(() => {
    const { changes } = db.prepare('DELETE FROM road_segment').run();
    db.prepare("DELETE FROM plan_meta WHERE key = 'road_summary'").run();
    return changes;
  })();
}

export const roadSegmentCount = (db: Database.Database): number => db.prepare('SELECT count(*) FROM road_segment').pluck().get() as number;

/** Segments read per query when loading: bounds the size of one chunk's values. */
const LOAD_CHUNK = 1 << 16;

/**
 * The network as the access engine takes it. An empty network has no segments (offsets = [0]).
 *
 * A row at a time would cost a Node Buffer per segment (microseconds each: seconds for a million).
 * Instead SQLite gathers each chunk of 65,536 segments (an id range, which a scan of the table's
 * rowid visits in id order) into a few values decoded in a few native calls:
 * - the points: `CAST(group_concat(coords, '') AS BLOB)` — group_concat appends the BLOBs' bytes as
 *   they are in a UTF-8 database (plans are) and the cast hands them back as one BLOB; checked
 *   against the chunk's point counts; read as hex in a database of another encoding;
 * - point counts, classes and own speeds as JSON arrays, one-way as a string of digits.
 * Sizes come from the ids (written 1…n) and the last import's point count, so there is no extra pass;
 * arrays are trimmed or grown when those are off. Figures: test/bench/roads-load.ts.
 */
export function loadRoadNetwork(db: Database.Database): RoadNetworkData {
  const [lo, hi] = db.prepare('SELECT (SELECT min(id) FROM road_segment), (SELECT max(id) FROM road_segment)').raw(true).get() as [
    number | null,
    number | null,
  ];
  if (lo === null || hi === null)
    return { offsets: new Uint32Array(1), coords: new Float64Array(0), highway: [], speedKmh: new Float32Array(0), oneway: new Int8Array(0) };
  const cap = hi - lo + 1;
  // group_concat hands BLOB bytes through unchanged only in a UTF-8 database (a UTF-16 one translates them).
  const utf8 = db.pragma('encoding', { simple: true }) === 'UTF-8';
  let hint = 0;
  try {
    hint = (JSON.parse(getMeta(db, 'road_summary') ?? '{}') as { points?: number }).points ?? 0;
  } catch {
    /* estimated below */
  }
  let offsets = new Uint32Array(cap + 1);
  let coords = new Float64Array(2 * Math.max(hint, 2 * cap));
  let speedKmh = new Float32Array(cap);
  let oneway = new Int8Array(cap);
  const highway: string[] = [];
  const interned = new Map<string, string>();
  const chunk = db
    .prepare(`SELECT count(*), CAST(group_concat(coords, '') AS BLOB), json_group_array(length(coords) / 16), group_concat(oneway + 1, ''),
      json_group_array(highway), json_group_array(speed_kmh)
    FROM road_segment WHERE id BETWEEN ? AND ?`)
    .raw(true);
  const hexOf = db.prepare("SELECT group_concat(hex(coords), '') FROM road_segment WHERE id BETWEEN ? AND ?").pluck();
  let s = 0,
    point = 0;
  for (let from = lo; from <= hi; from += LOAD_CHUNK) {
    const to = Math.min(hi, from + LOAD_CHUNK - 1);
    const [k, blob, lenj, ows, hj, spj] = chunk.get(from, to) as [number, Buffer | null, string, string | null, string, string];
    if (k === 0) continue;
    if (s + k > cap) throw new Error('road_segment changed while it was read');
    const lens = JSON.parse(lenj) as number[],
      hs = JSON.parse(hj) as string[],
      sp = JSON.parse(spj) as (number | null)[];
    const firstPoint = point;
    for (let i = 0; i < k; i++, s++) {
      const h = hs[i]!;
      let name = interned.get(h);
      if (name === undefined) interned.set(h, (name = h));
      highway.push(name);
      speedKmh[s] = sp[i] ?? NaN;
      oneway[s] = ows!.charCodeAt(i) - 49; // '0' '1' '2' → -1 0 1
      point += lens[i]!;
      offsets[s + 1] = point;
    }
    const size = (point - firstPoint) * 16;
    const bytes = utf8 && blob && blob.length === size ? blob : Buffer.from(hexOf.get(from, to) as string, 'hex');
    if (bytes.length !== size) throw new Error('road_segment: the points of a chunk could not be read');
    if (2 * point > coords.length) {
      const grown = new Float64Array(Math.max(2 * point, coords.length * 2));
      grown.set(coords.subarray(0, 2 * firstPoint));
      coords = grown;
    }
    if (LITTLE_ENDIAN) new Uint8Array(coords.buffer, firstPoint * 16, size).set(bytes);
    else for (let o = 0; o < size; o += 8) coords[2 * firstPoint + o / 8] = bytes.readDoubleLE(o);
  }
  if (s < cap) {
    offsets = offsets.slice(0, s + 1);
    speedKmh = speedKmh.slice(0, s);
    oneway = oneway.slice(0, s);
  }
  if (2 * point < coords.length) coords = coords.slice(0, 2 * point);
  return { offsets, coords, highway, speedKmh, oneway };
}

/** Figures of the stored network: from the last import's summary, or measured when there is none. */
export function storedRoadSummary(db: Database.Database): StoredRoadSummary {
  const n = roadSegmentCount(db);
  if (n === 0) return { segments: 0, points: 0, km: 0, kmByClass: {}, bbox: null };
  try {
    const s = JSON.parse(getMeta(db, 'road_summary') ?? 'null') as StoredRoadSummary | null;
    if (s && s.segments === n && typeof s.km === 'number') return s;
  } catch {
    /* measured below */
  }
  return { segments: n, ...measureNetwork(loadRoadNetwork(db)) };
}

/** Speeds (km/h) by class: the defaults, with the plan's own values over them. */
export function getRoadSpeeds(db: Database.Database): Record<string, number> {
  const speeds: Record<string, number> = { ...DEFAULT_ROAD_SPEEDS };
  try {
    const own = JSON.parse(getMeta(db, 'road_speeds') ?? '{}') as unknown;
    if (own && typeof own === 'object' && !Array.isArray(own)) {
      for (const [k, v] of Object.entries(own)) if (typeof v === 'number' && v > 0 && v <= MAX_SPEED_KMH) speeds[k] = v;
    }
  } catch {
    /* a damaged entry: the defaults stand */
  }
  return speeds;
}

/**
 * Sets the speeds of the classes given (others keep theirs) and returns the whole table. Each must be
 * a number above 0 and at most 150 km/h; a class name is 1–64 characters.
 */
export function setRoadSpeeds(db: Database.Database, speeds: Record<string, number>): Record<string, number> {
  for (const [k, v] of Object.entries(speeds)) {
    if (!k.trim() || k.length > 64)
      throw new ApiError(
        'INVALID_ARGS',
        `道路等级名称「${k.slice(0, 64)}」无效：应为 1～64 个字符`,
        `Road class name "${k.slice(0, 64)}" is invalid: 1–64 characters`,
      );
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > MAX_SPEED_KMH) {
      throw new ApiError(
        'INVALID_ARGS',
        `道路等级「${k}」的速度 ${String(v)} 无效：应大于 0 且不超过 ${MAX_SPEED_KMH} km/h`,
        `The speed ${String(v)} for road class "${k}" is invalid: it must be above 0 and at most ${MAX_SPEED_KMH} km/h`,
      );
    }
  }
  let own: Record<string, number> = {};
  try {
    const parsed = JSON.parse(getMeta(db, 'road_speeds') ?? '{}') as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) own = parsed as Record<string, number>;
  } catch {
    /* replaced below */
  }
  const next = { ...own };
  for (const [k, v] of Object.entries(speeds)) next[k.trim()] = v;
  setMeta(db, 'road_speeds', JSON.stringify(next));
  return getRoadSpeeds(db);
}

/**
 * 高峰系数: the peak-hour factors per road class, urban and rural (shared/access/conditions.ts): the
 * defaults (example values, 待核实) with the plan's own (plan_meta `peak_factors`) over them.
 */
export function getPeakFactors(db: Database.Database): PeakFactors {
  const out: PeakFactors = { urban: { ...DEFAULT_PEAK_FACTORS.urban }, rural: { ...DEFAULT_PEAK_FACTORS.rural } };
  try {
    const own = JSON.parse(getMeta(db, 'peak_factors') ?? '{}') as Partial<Record<'urban' | 'rural', unknown>>;
    for (const side of ['urban', 'rural'] as const) {
      const t = own?.[side];
      if (t && typeof t === 'object' && !Array.isArray(t)) for (const [k, v] of Object.entries(t)) if (validPeakFactor(v)) out[side][k] = v;
    }
  } catch {
    /* a damaged entry: the defaults stand */
  }
  return out;
}

/**
 * Sets the peak factors of the classes given, urban and/or rural (others keep theirs); `reset` first
 * drops the plan's own back to the defaults. Each factor must be above 0 and at most 1. Returns the whole table.
 */
export function setPeakFactors(db: Database.Database, factors: Partial<PeakFactors>, reset = false): PeakFactors {
  const sides = { urban: '城镇', rural: '农村' } as const;
  for (const side of ['urban', 'rural'] as const)
    for (const [k, v] of Object.entries(factors[side] ?? {})) {
      if (!k.trim() || k.length > 64)
        throw new ApiError(
          'INVALID_ARGS',
          `道路等级名称「${k.slice(0, 64)}」无效：应为 1～64 个字符`,
          `Road class name "${k.slice(0, 64)}" is invalid: 1–64 characters`,
        );
      if (!validPeakFactor(v))
        throw new ApiError(
          'INVALID_ARGS',
          `${sides[side]}道路等级「${k}」的高峰系数 ${String(v)} 无效：应大于 0 且不超过 1`,
          `The ${side} peak factor ${String(v)} for road class "${k}" is invalid: it must be above 0 and at most 1`,
        );
    }
  let own: Partial<PeakFactors> = {};
  if (!reset)
    try {
      const parsed = JSON.parse(getMeta(db, 'peak_factors') ?? '{}') as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) own = parsed as Partial<PeakFactors>;
    } catch {
      /* replaced below */
    }
  const next: PeakFactors = { urban: { ...(own.urban ?? {}) }, rural: { ...(own.rural ?? {}) } };
  for (const side of ['urban', 'rural'] as const) for (const [k, v] of Object.entries(factors[side] ?? {})) next[side][k.trim()] = v;
  setMeta(db, 'peak_factors', JSON.stringify(next));
  return getPeakFactors(db);
}

/** The table as roads.peakFactors answers it: the plan's, the defaults, and that they are example values. */
export function peakFactorsOut(factors: PeakFactors): { factors: PeakFactors; defaults: PeakFactors; note: string; noteEn: string } {
  return {
    factors,
    defaults: { urban: { ...DEFAULT_PEAK_FACTORS.urban }, rural: { ...DEFAULT_PEAK_FACTORS.rural } },
    note: '高峰系数为高峰时段车速与自由流车速之比（各等级道路，城镇、农村分列）。默认值为示例值（待核实），参考大城市公开的高峰拥堵延时指数（约 1.5–2），并非标准；请按本地数据修改。路段按其中点最近的村/社区中心分城镇、农村。',
    noteEn:
      "Peak factors are the peak-hour speed ÷ the free-flow speed per road class, urban and rural apart. The defaults are example values (to be checked), read off large Chinese cities' published peak congestion-delay indices (about 1.5–2), not a standard: set your own. A segment is urban or rural by the village/community centre nearest its middle.",
  };
}
