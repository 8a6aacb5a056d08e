/**
 * 候选点: the sites a siting question chooses from — the planner's list, existing facilities that
 * could be upgraded, and sites generated on a spacing inside the area — each with the street/town it
 * stands in, less those in excluded units.
 */
import type Database from 'better-sqlite3';
import { demandFromCentroids, demandGrid, type DemandUnit } from '../../../shared/access/index.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { Facility } from '../../../shared/model/entities.ts';
import { UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import type { SiteSource, SitingQuery } from '../../../shared/siting/query.ts';
import type { Frame } from '../access/plan-inputs.ts';
import { listBoundaries } from '../db/boundaries.ts';
import type { Unit } from '../../../shared/model/entities.ts';

export interface Candidate {
  id: string;
  name: string;
  lon: number;
  lat: number;
  source: SiteSource;
  unit: number;
}

/** More would take minutes to search: ask for a wider spacing. */
export const MAX_CANDIDATES = 20_000;

/** Whether unit i is one of `set` or lies inside one. */
export function inside(f: Frame, i: number, set: Set<number>): boolean {
  for (let u = i, d = 0; u >= 0 && d < 16; u = f.parent[u]!, d++) if (set.has(u)) return true;
  return false;
}

export function siteCandidates(
  db: Database.Database,
  f: Frame,
  q: SitingQuery,
  within: Set<number>,
  exclude: Set<number>,
  facilities: readonly Facility[],
): Candidate[] {
  const { byCode } = f;
  const inArea = (i: number) => within.size === 0 || inside(f, i, within);
  const out: Candidate[] = [];
  const unitAt = unitLocator(f.units);
  for (const s of q.candidates.sites) {
    const u = unitAt(s.lon, s.lat);
    out.push({ ...s, source: 'list', unit: u >= 0 ? byCode.get(f.units[u]!.code)! : -1 });
  }
  const upgrade = new Set<string>(q.candidates.upgrade);
  for (const x of facilities) {
    if (!upgrade.has(x.type) || x.type === q.type || x.lon === null || x.lat === null) continue;
    const u = byCode.get(x.unit_code) ?? -1;
    if (u >= 0 && inArea(u)) out.push({ id: x.id, name: x.name, lon: x.lon, lat: x.lat, source: 'upgrade', unit: u });
  }
  if (q.candidates.generateMeters) out.push(...generated(db, f, inArea, q.candidates.generateMeters, out.length));
  const kept = exclude.size ? out.filter((c) => c.unit < 0 || !inside(f, c.unit, exclude)) : out;
  if (kept.length === 0) {
    throw new ApiError(
      'INVALID_ARGS',
      `没有可选的候选点：请提供候选点表、选择可升级的机构类型或按间距生成候选点（并检查排除的区域）`,
      'No candidate sites: give a list, choose facility types to upgrade, or generate sites on a spacing (and check the excluded units)',
    );
  }
  if (kept.length > MAX_CANDIDATES) {
    throw new ApiError(
      'INVALID_ARGS',
      `候选点过多（${kept.length} 个，上限 ${MAX_CANDIDATES}）：请加大生成间距或缩小范围`,
      `Too many candidate sites (${kept.length}, at most ${MAX_CANDIDATES}): use a wider spacing or a smaller area`,
    );
  }
  return kept;
}

/**
 * The unit a point stands in, as place-facility.ts unitAt finds it (the nearest centre among the
 * deepest units that have one, the first of equals; the same sums), its index in `units` or -1 —
 * with the deepest units' centres gathered once, not for every point: a province's 2,000 listed
 * sites against 25,000 villages took unitAt 20 s, this well under one.
 */
export function unitLocator(units: readonly Unit[]): (lon: number, lat: number) => number {
  // A kind this version does not know (a plan from a later one) has no level: such units are passed over.
  let deepest = -Infinity;
  for (const u of units) if (u.lon !== null && u.lat !== null && UNIT_KIND_LEVEL[u.kind] !== undefined) deepest = Math.max(deepest, UNIT_KIND_LEVEL[u.kind]);
  const which: number[] = [];
  units.forEach((u, i) => {
    if (u.lon !== null && u.lat !== null && UNIT_KIND_LEVEL[u.kind] === deepest) which.push(i);
  });
  const at = Int32Array.from(which),
    ux = Float64Array.from(which, (i) => units[i]!.lon!),
    uy = Float64Array.from(which, (i) => units[i]!.lat!);
  return (lon, lat) => {
    const k = Math.cos((lat * Math.PI) / 180);
    let best = -1,
      bestD = Infinity;
    for (let j = 0; j < at.length; j++) {
      const dx = (ux[j]! - lon) * k,
        dy = uy[j]! - lat;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = at[j]!;
      }
    }
    return best;
  };
}

/** Grid points on the spacing inside the streets'/towns' boundaries of the area; without boundaries, the villages'/communities' centres. */
function generated(db: Database.Database, f: Frame, inArea: (i: number) => boolean, metres: number, first: number): Candidate[] {
  const shapes = new Map(listBoundaries(db).map((b) => [b.code, b.geometry]));
  const asUnit = (i: number): DemandUnit => ({ lon: f.units[i]!.lon, lat: f.units[i]!.lat, population: 0, urban: f.units[i]!.urban });
  const towns = f.units.map((_, i) => i).filter((i) => UNIT_KIND_LEVEL[f.units[i]!.kind] === 2 && inArea(i) && shapes.has(f.units[i]!.code));
  const hasChild = new Set(f.units.map((u) => u.parent_code));
  const leaves = towns.length ? [] : f.units.map((_, i) => i).filter((i) => !hasChild.has(f.units[i]!.code) && inArea(i));
  const unitOf = towns.length ? towns : leaves;
  const pts = towns.length
    ? demandGrid(
        towns.map(asUnit),
        towns.map((i) => shapes.get(f.units[i]!.code) ?? null),
        metres,
      )
    : demandFromCentroids(leaves.map(asUnit));
  const out: Candidate[] = [];
  for (let p = 0; p < pts.lon.length; p++) {
    const unit = unitOf[pts.unit[p]!]!;
    const id = `G${first + out.length + 1}`;
    out.push({ id, name: `${f.units[unit]!.name}候选点 ${id}`, lon: pts.lon[p]!, lat: pts.lat[p]!, source: 'generated', unit });
  }
  return out;
}
