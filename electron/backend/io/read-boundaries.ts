/**
 * 读取单位边界: GeoJSON features with Polygon / MultiPolygon geometry → boundaries of the plan's units.
 *
 * A feature is matched by its code — property `code`, 区划代码, adcode, 统计用区划代码 (also 行政区划代码,
 * gb; names matched without regard to case) — where a 6-digit (county) or 9-digit (street/town) code
 * matches the plan's 12-digit code padded with zeros (430105 → 430105000000); else by its name
 * (`name`, 名称, 区划名称) when exactly one unit of the plan has that name. Features matched to the
 * same unit are joined into one MultiPolygon. Rings are checked: each position a longitude/latitude,
 * at least 3 distinct points; an unclosed ring is closed. An invalid outer ring drops its polygon, an
 * invalid hole drops the hole; both are listed. Self-intersections are not checked. Coordinates are
 * WGS-84 unless `crs` says GCJ-02 or BD-09, which are converted.
 */
import type { BoundaryGeometry, FeatureProblem } from '../../../shared/api/contract.ts';
import { geoJsonFeatures, MAX_COORDINATE_DEPTH, nestedDeeperThan, NotGeoJsonError, tooDeepMsg, typeText } from '../../../shared/access/read-geojson-roads.ts';
import { ProblemList, quote, validLonLat } from '../../../shared/access/road-import.ts';
import { toWgs84, type Crs } from '../../../shared/geo/crs.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { parseJsonFile, refuse, sniff } from './read-roads.ts';

export interface PlanUnitRef {
  code: string;
  name: string;
}
export interface Unmatched {
  feature: number;
  name?: string;
  code?: string;
  reason: string;
  reasonEn: string;
}
export interface BoundaryReadResult {
  features: number;
  /** Unit code → its boundary. */
  matches: Map<string, BoundaryGeometry>;
  byCode: number;
  byName: number;
  unmatched: Unmatched[];
  problems: FeatureProblem[];
  problemsTruncated: number;
}

const CODE_KEYS = new Set(['code', '区划代码', 'adcode', '统计用区划代码', '行政区划代码', 'gb', 'unit_code']);
const NAME_KEYS = new Set(['name', '名称', '区划名称', '单位名称']);

/** A code as matched: digits-only 6 or 9 digits padded with zeros to 12; anything else as written. */
export function matchKey(code: string): string {
  const c = code.trim();
  if (/^\d{6}$/.test(c)) return `${c}000000`;
  if (/^\d{9}$/.test(c)) return `${c}000`;
  return c;
}

function property(props: unknown, keys: ReadonlySet<string>): string | undefined {
  if (typeof props !== 'object' || props === null) return undefined;
  for (const [k, v] of Object.entries(props)) {
    if (!keys.has(k) && !keys.has(k.toLowerCase())) continue;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

const msg = {
  notPolygon: (n: number, type: string) => ({
    zh: `第 ${n} 个要素的几何类型是 ${type}，不是面（Polygon 或 MultiPolygon）：已跳过`,
    en: `Feature ${n} is a ${type}, not a polygon (Polygon or MultiPolygon); skipped`,
  }),
  noGeometry: (n: number) => ({ zh: `第 ${n} 个要素没有几何（geometry 为空）：已跳过`, en: `Feature ${n} has no geometry; skipped` }),
  badRing: (n: number, polygon: number, ring: number, why: { zh: string; en: string }) => ({
    zh: `第 ${n} 个要素第 ${polygon} 个面的${ring === 1 ? '外环' : `第 ${ring - 1} 个内环（洞）`}无效（${why.zh}）：${ring === 1 ? '该面已跳过' : '该洞已去掉'}`,
    en: `Feature ${n}, polygon ${polygon}: ${ring === 1 ? 'the outer ring' : `hole ${ring - 1}`} is invalid (${why.en}); ${ring === 1 ? 'the polygon was skipped' : 'the hole was dropped'}`,
  }),
  nothingLeft: (n: number) => ({ zh: `第 ${n} 个要素没有有效的面：已跳过`, en: `Feature ${n} has no valid polygon left; skipped` }),
};

/** A ring of positions → a closed ring in WGS-84, or why it is invalid. */
function ring(r: unknown, crs: Crs): [number, number][] | { zh: string; en: string } {
  if (!Array.isArray(r)) return { zh: '不是坐标数组', en: 'not an array of positions' };
  const out: [number, number][] = [];
  for (let i = 0; i < r.length; i++) {
    const c = r[i] as unknown;
    if (!Array.isArray(c) || !validLonLat(c[0], c[1])) {
      return { zh: `第 ${i + 1} 个坐标 ${quote(c)} 不是有效的经纬度`, en: `position ${i + 1} ${quote(c)} is not a longitude/latitude` };
    }
    const [lon, lat] = crs === 'wgs84' ? [c[0] as number, c[1] as number] : toWgs84(crs, c[0] as number, c[1] as number);
    const last = out[out.length - 1];
    if (!last || last[0] !== lon || last[1] !== lat) out.push([lon, lat]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && out.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  const distinct = new Set(out.map(([x, y]) => `${x},${y}`)).size;
  if (distinct < 3) return { zh: `只有 ${distinct} 个不同的点，至少需要 3 个`, en: `${distinct} distinct point(s); a ring needs at least 3` };
  return out;
}

export function readBoundaryFile(
  fileName: string,
  bytes: Uint8Array,
  units: readonly PlanUnitRef[],
  opts: { crs?: Crs; maxProblems?: number } = {},
): BoundaryReadResult {
  const kind = sniff(bytes);
  if (kind !== 'json') throw refuse(fileName, kind, 'boundaries');
  let features: unknown[];
  try {
    features = geoJsonFeatures(parseJsonFile(fileName, bytes));
  } catch (e) {
    if (e instanceof NotGeoJsonError) throw new ApiError('FILE_ERROR', `「${fileName}」${e.zh}`, `"${fileName}" ${e.en}`, { fileName });
    throw e;
  }
  const crs = opts.crs ?? 'wgs84';
  const byKey = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const u of units) {
    const k = matchKey(u.code);
    if (!byKey.get(k)?.includes(u.code)) byKey.set(k, [...(byKey.get(k) ?? []), u.code]);
    const nm = u.name.trim();
    if (!byName.get(nm)?.includes(u.code)) byName.set(nm, [...(byName.get(nm) ?? []), u.code]);
  }
  const problems = new ProblemList(opts.maxProblems);
  const unmatched: Unmatched[] = [];
  const polygons = new Map<string, [number, number][][][]>();
  let nByCode = 0,
    nByName = 0;

  features.forEach((f, i) => {
    const n = i + 1;
    const feature = f as { geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: unknown } | null;
    const code = property(feature?.properties, CODE_KEYS);
    const name = property(feature?.properties, NAME_KEYS);
    const who = { ...(name !== undefined ? { name } : {}), ...(code !== undefined ? { code } : {}) };
    // Which unit?
    let unit: string | undefined;
    let how: 'code' | 'name' | undefined;
    const codes = code !== undefined ? byKey.get(matchKey(code)) : undefined;
    if (codes?.length === 1) {
      unit = codes[0];
      how = 'code';
    } else {
      const named = name !== undefined ? byName.get(name) : undefined;
      if (named?.length === 1) {
        unit = named[0];
        how = 'name';
      } else {
        const why =
          code === undefined && name === undefined
            ? { zh: '没有区划代码（code、区划代码、adcode）也没有名称（name、名称）', en: 'no code (code, 区划代码, adcode) and no name (name, 名称)' }
            : named && named.length > 1
              ? {
                  zh: `名称「${name}」在方案中有 ${named.length} 个单位，无法确定是哪一个：请给要素加上区划代码`,
                  en: `${named.length} units of the plan are named "${name}": give the feature a code`,
                }
              : codes && codes.length > 1
                ? { zh: `区划代码「${code}」对应方案中的多个单位`, en: `code "${code}" matches several units of the plan` }
                : {
                    zh: `方案中没有${code !== undefined ? `区划代码为「${code}」` : ''}${code !== undefined && name !== undefined ? '或' : ''}${name !== undefined ? `名称为「${name}」` : ''}的单位`,
                    en: `no unit of the plan has ${code !== undefined ? `code "${code}"` : ''}${code !== undefined && name !== undefined ? ' or ' : ''}${name !== undefined ? `name "${name}"` : ''}`,
                  };
        unmatched.push({ feature: n, ...who, reason: why.zh, reasonEn: why.en });
        return;
      }
    }
    // Its geometry.
    const g = feature?.geometry;
    if (!g || typeof g !== 'object') {
      problems.add(n, msg.noGeometry(n));
      return;
    }
    const type = typeText(g.type);
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      problems.add(n, () => msg.notPolygon(n, quote(type)));
      return;
    }
    const parts = (type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
    const kept: [number, number][][][] = [];
    // Nesting too deep is told apart from an ordinary bad ring only when a ring is bad: valid files pay nothing.
    let deep: boolean | undefined;
    const tooDeep = () => (deep ??= nestedDeeperThan(g.coordinates, MAX_COORDINATE_DEPTH));
    if (Array.isArray(parts)) {
      parts.forEach((poly, pi) => {
        if (deep) return;
        if ((!Array.isArray(poly) || poly.length === 0) && tooDeep()) return;
        if (!Array.isArray(poly) || poly.length === 0) {
          problems.add(n, () => msg.badRing(n, pi + 1, 1, { zh: '没有坐标', en: 'no positions' }));
          return;
        }
        const rings: [number, number][][] = [];
        for (let ri = 0; ri < poly.length; ri++) {
          const r = ring(poly[ri], crs);
          if (!Array.isArray(r) && tooDeep()) return;
          if (!Array.isArray(r)) {
            problems.add(n, () => msg.badRing(n, pi + 1, ri + 1, r));
            if (ri === 0) return;
            continue;
          }
          rings.push(r);
        }
        kept.push(rings);
      });
    }
    if (deep) {
      problems.add(n, () => tooDeepMsg(n));
      return;
    }
    if (kept.length === 0) {
      problems.add(n, () => msg.nothingLeft(n));
      return;
    }
    if (how === 'code') nByCode++;
    else nByName++;
    polygons.set(unit!, [...(polygons.get(unit!) ?? []), ...kept]);
  });

  const matches = new Map<string, BoundaryGeometry>();
  for (const [code, polys] of polygons) {
    matches.set(code, polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys });
  }
  return { features: features.length, matches, byCode: nByCode, byName: nByName, unmatched, problems: problems.items, problemsTruncated: problems.truncated };
}
