/**
 * Places (the places family of the data check):
 *
 * - `places.swapped`: latitude in 70–140 and longitude in 10–60 — China's longitude and latitude the
 *   wrong way round;
 * - `places.outside_china`: a point outside China's bounding box (shared/geo/crs.ts outOfChina);
 * - `places.crs`: a facility outside the boundary of its unit (or of the nearest unit above it that
 *   has one) that falls inside once read as GCJ-02 (高德/腾讯) or BD-09 (百度) and converted — when the
 *   plan as a whole fits its boundaries better so (CRS_MIN, CRS_RATIO): the plan stores WGS-84, so the
 *   points were most likely copied from one of those maps. One point cannot tell: the offset is
 *   300–700 m around 长沙, less than outlines are off by and far less than a facility's usual distance
 *   from its unit's centre (an offset from the centre is no better matched by the GCJ offset than by
 *   zero), so without boundaries this is not read at all;
 * - `places.outside`: a facility more than OUTSIDE_KM outside that boundary (not explained by GCJ-02/BD-09);
 * - `places.far`: where the unit has no boundary, a facility farther from the unit's centre than
 *   FAR_KM for its kind, or twice the radius of a circle of the unit's area when that is more;
 * - `places.duplicate`: two facilities with the same name within 100 m (or both without a place in the
 *   same unit); said on the second, naming the first;
 * - `places.no_centre`: a unit without a centre; `places.no_coords`: a facility without coordinates.
 * A finding affects the access targets (demand points are unit centres, supply the facilities' points).
 */
import { outOfChina, bd09ToWgs84, gcj02ToWgs84 } from '../geo/crs.ts';
import { pointInArea, ringsOf, type Area } from '../geo/polygon.ts';
import type { Facility, Unit } from '../model/entities.ts';
import type { UnitKind } from '../model/kinds.ts';
import type { Target } from '../gaps/standard.ts';
import { countsType, targetNames, targetRefs, type CheckContext } from './context.ts';
import { d2, type CheckFinding, type Said } from './finding.ts';

/** How far (km) a facility may stand from its unit's centre, by the unit's kind (the sample's farthest: 4.1 km in a town). */
export const FAR_KM: Record<UnitKind, number> = { city: 150, county: 80, street: 10, town: 25, township: 25, community: 3, village: 8 };
/**
 * A facility less than this (km) outside its boundary is not a finding: outlines are simplified (the
 * sample's are generated; its farthest facility stands 1.1 km outside), and a facility on the road that
 * is the boundary stands on either side of it.
 */
export const OUTSIDE_KM = 1.5;
/**
 * GCJ-02/BD-09 is read plan-wide: the points that fall into their boundary once converted must be at
 * least CRS_MIN and CRS_RATIO times those that fall out of it (WGS-84 data loses more than it gains:
 * the sample gains 109 and loses 215).
 */
export const CRS_MIN = 5;
export const CRS_RATIO = 2;
/** Two facilities of one name closer than this (km) are one facility listed twice. */
export const SAME_PLACE_KM = 0.1;

export function km(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const x = (lon2 - lon1) * r * Math.cos(((lat1 + lat2) / 2) * r),
    y = (lat2 - lat1) * r;
  return 6371 * Math.hypot(x, y);
}
/** How far (km) a point lies from the nearest edge of an area (a local flat projection, good to a few metres over a county). */
export function kmOutside(lon: number, lat: number, a: Area): number {
  const cl = Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  for (const ring of ringsOf(a)) {
    for (let i = 1; i < ring.length; i++) {
      const p = ring[i - 1]!,
        q = ring[i]!;
      const ax = (p[0]! - lon) * cl,
        ay = p[1]! - lat,
        dx = (q[0]! - p[0]!) * cl,
        dy = q[1]! - p[1]!;
      const len = dx * dx + dy * dy;
      const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best * 111.195;
}
const has = (lon: number | null, lat: number | null): boolean => lon != null && lat != null;
export const looksSwapped = (lon: number, lat: number): boolean => lat >= 70 && lat <= 140 && lon >= 10 && lon <= 60;

export function placeFindings(c: CheckContext): CheckFinding[] {
  const { ix, input } = c;
  const out: CheckFinding[] = [];
  const access = input.set.targets.filter((t): t is Extract<Target, { kind: 'access' }> => t.kind === 'access');
  const accessOf = (f: Facility) => access.filter((t) => t.facilityTypes.includes(f.type));
  const withAccess = (ts: Target[], effect: Said) => (ts.length ? { affects: { targets: targetRefs(ts), effect } } : {});
  const accessEffect = (ts: Target[], f: Facility): Said => ({
    zh: `${targetNames(ts).zh} 的通行时间按 ${f.name} 的位置计算`,
    en: `${targetNames(ts).en} measures travel to ${f.name} from where it stands`,
  });
  const boundaries = input.boundaries;
  /** The unit's own boundary, else the nearest above it with one. */
  const boundaryOf = (u: number): { area: Area; unit: Unit } | undefined => {
    for (let i = u, depth = 0; i >= 0 && depth < 16; i = ix.parent[i]!, depth++) {
      const a = boundaries?.get(ix.units[i]!.code);
      if (a) return { area: a, unit: ix.units[i]! };
    }
    return undefined;
  };

  // Units with no centre.
  ix.units.forEach((u, i) => {
    if (!ix.inRegion[i] || has(u.lon, u.lat)) return;
    out.push({
      id: `places.no_centre:units:${u.code}`,
      rule: 'places.no_centre',
      family: 'places',
      row: { table: 'units', key: u.code, name: u.name, column: 'lon' },
      message: { zh: `${u.name} 没有中心点坐标`, en: `${u.name} has no centre (coordinates)` },
      ...withAccess(access, {
        zh: `通行时间分析以村/社区中心为需求点：${u.name} 的人口无处可放，${targetNames(access).zh} 不计这些人`,
        en: `The travel-time analysis puts people at unit centres: ${u.name}'s cannot be placed, so ${targetNames(access).en} leaves them out`,
      }),
      fix: { zh: `填写 ${u.name} 的经度、纬度（政府驻地或中心，WGS-84）`, en: `Give ${u.name}'s longitude and latitude (its seat or centre, WGS-84)` },
    });
  });

  // Which points lie in their boundary as they are, and read as GCJ-02 or BD-09: a plan-wide signal first.
  const crsFit = new Map<string, { inside: boolean; gcj: boolean; bd: boolean }>();
  const gained = { gcj: 0, bd: 0 },
    lost = { gcj: 0, bd: 0 };
  ix.facilities.forEach((f, k) => {
    const u = ix.facilityUnit[k]!;
    if (u < 0 || !ix.inRegion[u] || !has(f.lon, f.lat)) return;
    const b = boundaryOf(u);
    if (!b) return;
    const inside = pointInArea(f.lon!, f.lat!, b.area);
    const gcj = pointInArea(...gcj02ToWgs84(f.lon!, f.lat!), b.area),
      bd = pointInArea(...bd09ToWgs84(f.lon!, f.lat!), b.area);
    crsFit.set(f.id, { inside, gcj, bd });
    if (!inside && gcj) gained.gcj++;
    if (inside && !gcj) lost.gcj++;
    if (!inside && bd) gained.bd++;
    if (inside && !bd) lost.bd++;
  });
  const signal = { gcj: gained.gcj >= CRS_MIN && gained.gcj >= CRS_RATIO * lost.gcj, bd: gained.bd >= CRS_MIN && gained.bd >= CRS_RATIO * lost.bd, gained };

  const seen = new Map<string, Facility[]>();
  ix.facilities.forEach((f, k) => {
    const u = ix.facilityUnit[k]!;
    if (u >= 0 && !ix.inRegion[u]) return;
    const row = (column: string) => ({ table: 'facilities' as const, key: f.id, name: f.name, column });
    const ts = accessOf(f);
    // The same name and place.
    const key = f.name.replace(/\s+/g, '');
    const same = seen.get(key);
    const first = same?.find((g) =>
      has(f.lon, f.lat) && has(g.lon, g.lat)
        ? km(f.lon!, f.lat!, g.lon!, g.lat!) < SAME_PLACE_KM
        : !has(f.lon, f.lat) && !has(g.lon, g.lat) && g.unit_code === f.unit_code,
    );
    if (first) {
      out.push({
        id: `places.duplicate:facilities:${f.id}`,
        rule: 'places.duplicate',
        family: 'places',
        row: row('name'),
        message: {
          zh: `${f.name}（${f.id}）与 ${first.id} 同名同址：可能重复录入`,
          en: `${f.name} (${f.id}) has the name and place of ${first.id}: listed twice?`,
        },
        affects: {
          targets: targetRefs(input.set.targets.filter((t) => countsType(t, f.type))),
          effect: { zh: '计入此类机构的每项指标都把它算了两次', en: 'every target counting facilities of its type counts it twice' },
        },
        fix: {
          zh: `删除重复的一行，或改正名称/位置（若确为两所机构）`,
          en: 'Remove the repeated row, or correct the name or place if they are two facilities',
        },
      });
    }
    if (same) same.push(f);
    else seen.set(key, [f]);

    if (!has(f.lon, f.lat)) {
      out.push({
        id: `places.no_coords:facilities:${f.id}`,
        rule: 'places.no_coords',
        family: 'places',
        row: row('lon'),
        message: { zh: `${f.name} 没有坐标`, en: `${f.name} has no coordinates` },
        ...withAccess(ts, { zh: `${targetNames(ts).zh} 的通行时间分析不计此机构`, en: `${targetNames(ts).en} leaves it out of the travel-time analysis` }),
        fix: {
          zh: '填写经度、纬度（WGS-84；从高德/百度取点时导入选对应坐标系）',
          en: "Give its longitude and latitude (WGS-84; choose the map's coordinate system when importing points from Amap or Baidu)",
        },
      });
      return;
    }
    const lon = f.lon!,
      lat = f.lat!;
    if (looksSwapped(lon, lat)) {
      out.push({
        id: `places.swapped:facilities:${f.id}`,
        rule: 'places.swapped',
        family: 'places',
        row: row('lat'),
        message: { zh: `${f.name} 经度 ${lon}、纬度 ${lat}：经纬度似乎填反了`, en: `${f.name} has longitude ${lon}, latitude ${lat}: the two look swapped` },
        ...withAccess(ts, accessEffect(ts, f)),
        fix: { zh: `交换经度与纬度（应为经度 ${lat}、纬度 ${lon}）`, en: `Swap them (longitude ${lat}, latitude ${lon})` },
      });
      return;
    }
    if (outOfChina(lon, lat)) {
      out.push({
        id: `places.outside_china:facilities:${f.id}`,
        rule: 'places.outside_china',
        family: 'places',
        row: row('lon'),
        message: { zh: `${f.name} 的坐标（${lon}, ${lat}）在中国境外`, en: `${f.name} stands outside China (${lon}, ${lat})` },
        ...withAccess(ts, accessEffect(ts, f)),
        fix: { zh: '核对经度、纬度（小数点位置、正负号）', en: 'Check the longitude and latitude (decimal point, sign)' },
      });
      return;
    }
    const b = u >= 0 ? boundaryOf(u) : undefined;
    const as = b ? crsFit.get(f.id) : undefined;
    if (b && as && !as.inside) {
      const crs =
        as.gcj && signal.gcj
          ? { name: 'GCJ-02（高德/腾讯）', en: 'GCJ-02 (Amap/Tencent)', p: gcj02ToWgs84(lon, lat) }
          : as.bd && signal.bd
            ? { name: 'BD-09（百度）', en: 'BD-09 (Baidu)', p: bd09ToWgs84(lon, lat) }
            : null;
      const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
      const outside = crs ? 0 : kmOutside(lon, lat, b.area);
      if (crs) {
        out.push({
          id: `places.crs:facilities:${f.id}`,
          rule: 'places.crs',
          family: 'places',
          row: row('lon'),
          message: {
            zh: `${f.name} 在 ${b.unit.name} 边界之外，按 ${crs.name} 坐标换算后落在边界内（方案中此类机构共 ${crs.name.startsWith('GCJ') ? signal.gained.gcj : signal.gained.bd} 所如此）：坐标可能取自该地图`,
            en: `${f.name} stands outside ${b.unit.name}'s boundary but inside once read as ${crs.en} (${crs.name.startsWith('GCJ') ? signal.gained.gcj : signal.gained.bd} facilities of the plan do): its point was likely taken from that map`,
          },
          ...withAccess(ts, accessEffect(ts, f)),
          fix: {
            zh: `改为换算后的 WGS-84 坐标（经度 ${r6(crs.p[0])}、纬度 ${r6(crs.p[1])}），或重新导入并选择 ${crs.name}`,
            en: `Use the converted WGS-84 point (${r6(crs.p[0])}, ${r6(crs.p[1])}), or import again choosing ${crs.en}`,
          },
        });
        return;
      }
      if (outside > OUTSIDE_KM) {
        out.push({
          id: `places.outside:facilities:${f.id}`,
          rule: 'places.outside',
          family: 'places',
          row: row('lon'),
          message: {
            zh: `${f.name} 在所属 ${b.unit.name} 的边界之外 ${d2(outside)} 公里`,
            en: `${f.name} stands ${d2(outside)} km outside the boundary of ${b.unit.name}`,
          },
          ...withAccess(ts, accessEffect(ts, f)),
          fix: { zh: '核对坐标，或核对所在区划代码是否填错', en: 'Check its coordinates, or whether its unit code is wrong' },
        });
      }
      return;
    }
    const unit = u >= 0 ? ix.units[u]! : undefined;
    if (unit && !boundaries?.has(unit.code) && has(unit.lon, unit.lat)) {
      const limit = Math.max(FAR_KM[unit.kind], unit.area_km2 ? 2 * Math.sqrt(unit.area_km2 / Math.PI) : 0);
      const d = km(lon, lat, unit.lon!, unit.lat!);
      if (d > limit) {
        out.push({
          id: `places.far:facilities:${f.id}`,
          rule: 'places.far',
          family: 'places',
          row: row('lon'),
          message: {
            zh: `${f.name} 距所属 ${unit.name} 的中心 ${d2(d)} 公里，超过此类单位的 ${d2(limit)} 公里`,
            en: `${f.name} stands ${d2(d)} km from the centre of ${unit.name}, its unit; more than the ${d2(limit)} km a unit of its kind spans`,
          },
          ...withAccess(ts, accessEffect(ts, f)),
          fix: { zh: '核对坐标，或核对所在区划代码是否填错', en: 'Check its coordinates, or whether its unit code is wrong' },
        });
      }
    }
  });
  return out;
}
