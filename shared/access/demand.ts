/**
 * 需求点: where the people are, as points that carry a population, an urban/rural class (for the
 * threshold that applies to them) and the unit they belong to (for totals per unit).
 *
 * Entry points:
 * - `demandFromCentroids(units, opts?)`: one point per unit (village, community) at its lon/lat.
 * - `demandGrid(units, areas, cellMetres, opts?)`: a population grid — cells of `cellMetres` whose
 *   centres fall inside a unit's boundary, the unit's population split evenly among them.
 *
 * - `planDemand(input)`: the demand of a whole plan (or of some of its units) in which every unit's
 *   people are placed: the lowest units at their centres (or the streets/towns given an area spread
 *   over a grid), and wherever a unit's own figure exceeds what its units below hold (a street whose
 *   communities are only partly listed, a county over its streets), the rest at the unit's own
 *   centre. The total is each unit's own figure where it has one, else its units' sum — the gap
 *   engine's population (gaps/region-index.ts) — wherever no unit's children add up to more than it.
 *   `describeDemand` says how the demand was formed, in words.
 *
 * A `Unit` of the plan is a DemandUnit as it is; give `opts.population` to use the figures of a
 * target year (populationsAt in gaps/population.ts) instead of the units' own.
 */
import { type Area, bboxOf, centroidOf, crossingsAt, type Ring, ringsOf } from '../geo/polygon.ts';
import { UNIT_KIND_LEVEL, type UnitKind } from '../model/kinds.ts';
import { MIN_PEOPLE, MISMATCH_SHARE } from '../model/population-check.ts';

export interface DemandPoints {
  lon: Float64Array;
  lat: Float64Array;
  population: Float64Array;
  /** 1 urban (the urban threshold applies), 0 rural. */
  urban: Uint8Array;
  /** Per point: the index of its unit in the caller's list. */
  unit: Int32Array;
}

export interface DemandUnit {
  lon: number | null;
  lat: number | null;
  population: number | null;
  urban: boolean;
}

export interface DemandOptions {
  /** Per unit: the population to place (NaN: none), instead of `unit.population`. */
  population?: Float64Array;
}

/** Points and the units that could not be placed (no population, or no coordinates and no area). */
export interface DemandResult extends DemandPoints {
  skipped: Int32Array;
}

/** Metres per degree of latitude (mean Earth radius, as geo/crs.ts). */
const M_PER_DEG = (6371008.8 * Math.PI) / 180;
export const DEFAULT_MAX_DEMAND_POINTS = 5_000_000;

const populationOf = (units: readonly DemandUnit[], opts: DemandOptions, i: number) => (opts.population ? opts.population[i]! : (units[i]!.population ?? NaN));
const located = (u: DemandUnit): u is DemandUnit & { lon: number; lat: number } =>
  u.lon != null && u.lat != null && Number.isFinite(u.lon) && Number.isFinite(u.lat);

export function demandFromCentroids(units: readonly DemandUnit[], opts: DemandOptions = {}): DemandResult {
  const out = new PointList(units.length);
  const skipped: number[] = [];
  units.forEach((u, i) => {
    const pop = populationOf(units, opts, i);
    if (!located(u) || !(pop >= 0)) skipped.push(i);
    else out.push(u.lon, u.lat, pop, u.urban, i);
  });
  return { ...out.done(), skipped: Int32Array.from(skipped) };
}

export interface GridOptions extends DemandOptions {
  /** Refuse to make more points than this (a province at 100 m would be tens of millions). */
  maxPoints?: number;
}

/**
 * One lattice over all the units (its origin the south-west corner of their areas, square cells at
 * their middle latitude), so neighbouring units share it and no cell is counted twice. Each unit's
 * population is split in whole persons where it is whole: every cell gets ⌊P/k⌋ or ⌈P/k⌉, spread
 * along the cells, and the sum is exactly P. A unit whose area holds no cell centre gets one point
 * at its centroid (its own lon/lat, else the area's); a unit without an area, one at its lon/lat.
 */
export function demandGrid(
  units: readonly DemandUnit[],
  areas: readonly (Area | null | undefined)[],
  cellMetres: number,
  opts: GridOptions = {},
): DemandResult {
  if (!(cellMetres > 0)) throw new RangeError(`cell size must be positive, not ${cellMetres}`);
  const maxPoints = opts.maxPoints ?? DEFAULT_MAX_DEMAND_POINTS;
  const rings: (Ring[] | null)[] = units.map((_, i) => (areas[i] ? ringsOf(areas[i]) : null));
  const all = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  const boxes = rings.map((r) => {
    if (!r) return null;
    const b = bboxOf(r);
    all.minLon = Math.min(all.minLon, b.minLon);
    all.maxLon = Math.max(all.maxLon, b.maxLon);
    all.minLat = Math.min(all.minLat, b.minLat);
    all.maxLat = Math.max(all.maxLat, b.maxLat);
    return b;
  });
  const dLat = cellMetres / M_PER_DEG;
  const dLon = dLat / Math.cos((((all.minLat + all.maxLat) / 2) * Math.PI) / 180);
  const lon0 = all.minLon,
    lat0 = all.minLat;

  const out = new PointList(units.length * 4);
  const skipped: number[] = [];
  const crossings: number[] = [];
  units.forEach((u, i) => {
    const pop = populationOf(units, opts, i);
    const r = rings[i],
      b = boxes[i];
    if (!(pop >= 0)) {
      skipped.push(i);
      return;
    }
    const first = out.length;
    if (r && b && b.maxLat >= b.minLat) {
      const j0 = Math.max(0, Math.floor((b.minLat - lat0) / dLat - 0.5));
      for (let j = j0; lat0 + (j + 0.5) * dLat <= b.maxLat; j++) {
        const lat = lat0 + (j + 0.5) * dLat;
        crossingsAt(r, lat, crossings);
        // Inside where an odd number of crossings lie east: from crossing 2m (included) to 2m+1.
        for (let m = 0; m + 1 < crossings.length; m += 2) {
          const west = crossings[m]!,
            east = crossings[m + 1]!;
          for (let c = Math.max(0, Math.floor((west - lon0) / dLon - 0.5)); ; c++) {
            const lon = lon0 + (c + 0.5) * dLon;
            if (!(lon < east)) break;
            if (lon >= west) out.push(lon, lat, 0, u.urban, i);
          }
        }
        if (out.length > maxPoints) throw new RangeError(`a ${cellMetres} m grid over these units has more than ${maxPoints} cells: choose larger cells`);
      }
    }
    const k = out.length - first;
    if (k > 0) {
      out.spread(first, k, pop);
      return;
    }
    const at = located(u) ? [u.lon, u.lat] : areas[i] ? centroidOf(areas[i]) : null;
    if (at) out.push(at[0]!, at[1]!, pop, u.urban, i);
    else skipped.push(i);
  });
  return { ...out.done(), skipped: Int32Array.from(skipped) };
}

export interface PlanDemandUnit {
  kind: UnitKind;
  lon: number | null;
  lat: number | null;
  urban: boolean;
}

export interface PlanDemandInput {
  units: readonly PlanDemandUnit[];
  /** Per unit: its parent's index, -1 at the top. */
  parent: Int32Array;
  /** Per unit: its own population in the year, NaN where it has none. */
  own: Float64Array;
  /** Units whose people (their own figure, or their units' sum) are spread over a grid inside their area; null for none. */
  grid?: { areas: readonly (Area | null | undefined)[]; cellMetres: number; maxPoints?: number } | null;
  /** Only these units (with everything under them); absent or empty: the whole plan. */
  within?: ReadonlySet<number> | null;
}

/** How a point stands for its unit. */
export const PointKind = { Centre: 0, Cell: 1, Remainder: 2 } as const;
export type PointKind = (typeof PointKind)[keyof typeof PointKind];

export interface PlanDemand extends DemandPoints {
  /** Per point: PointKind (its unit's centre, a grid cell of it, or the rest of its people at its centre). */
  kind: Uint8Array;
  /** Per unit: the people its points and those of the units under it carry (its own figure, else its units' sum, when all are placed). */
  total: Float64Array;
  /** Units whose units below added up to a little more than their own figure (rounding), and took their own figure. */
  trimmed: number[];
  /** Remainders whose unit has no place of its own, placed at the population-weighted centre of the points under it. */
  remaindersAtCentroid: number;
  /** People that could not be placed (no place for the unit nor any above it in the area), and their units. */
  unplaced: number;
  unplacedUnits: number[];
  /** The units the demand was drawn from (within, or the plan's top units). */
  starts: number[];
}

/**
 * The demand of a plan, every unit's people placed (see the module note). Bottom-up: a unit's total
 * is its own figure, or its units' totals added up when they hold more (or it has none); what its
 * units below do not place — people not listed under it, or under units that have no place — goes
 * to a remainder point at its own place (else the weighted centre of the points below it).
 */
export function planDemand(input: PlanDemandInput): PlanDemand {
  const { units, parent, own } = input;
  const n = units.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p >= 0 && p !== i) children[p]!.push(i);
  }
  const gridArea = (i: number) => input.grid?.areas[i] ?? null;

  // Totals, children before parents (a parent loop is cut where it closes). Units below that add up
  // to a little more than the unit's own figure (rounding of separate projections: at most 0.5 % or 100
  // people, not a mismatch worth a note) take the unit's own figure, shared among them below.
  const total = new Float64Array(n).fill(-1);
  const childSum = new Float64Array(n);
  const trimmed: number[] = [];
  const totalOf = (i: number, depth: number): number => {
    if (total[i]! >= 0) return total[i]!;
    total[i] = 0;
    let sum = 0;
    if (depth < 32) for (const c of children[i]!) sum += totalOf(c, depth + 1);
    childSum[i] = sum;
    const o = own[i]!;
    const over = sum - o;
    if (o >= 0 && over > 0 && !(over > MISMATCH_SHARE * o && over > MIN_PEOPLE)) {
      total[i] = o;
      trimmed.push(i);
    } else total[i] = o >= 0 ? Math.max(o, sum) : sum;
    return total[i]!;
  };
  for (let i = 0; i < n; i++) totalOf(i, 0);

  const within = input.within?.size ? input.within : null;
  // Whether a unit lies under another of the set (a parent loop back to itself is not "under").
  const under = (i: number, set: ReadonlySet<number>) => {
    for (let u = parent[i]!, d = 0; u >= 0 && u !== i && d < 32; u = parent[u]!, d++) if (set.has(u)) return true;
    return false;
  };
  const starts = within
    ? [...within].filter((i) => !under(i, within)).sort((a, b) => a - b)
    : Array.from({ length: n }, (_, i) => i).filter((i) => parent[i]! < 0 || parent[i] === i);

  // Pre-order from the starts, not below a gridded unit.
  const order: number[] = [];
  const seen = new Uint8Array(n);
  const gridded: number[] = [];
  for (const s of starts) {
    const stack = [s];
    while (stack.length) {
      const i = stack.pop()!;
      if (seen[i]) continue;
      seen[i] = 1;
      order.push(i);
      if (gridArea(i)) {
        gridded.push(i);
        continue;
      }
      for (let k = children[i]!.length - 1; k >= 0; k--) stack.push(children[i]![k]!);
    }
  }

  // What each unit's points carry, parents first: a unit's total, shared among its units below (and its
  // own rest) in proportion where its parent had less to give, in whole persons (largest remainders).
  const target = new Float64Array(n);
  for (const st of starts) target[st] = total[st]!;
  for (const i of order) {
    if (gridArea(i)) continue;
    const kids = children[i]!;
    if (!kids.length) continue;
    const rest = Math.max(0, total[i]! - childSum[i]!);
    const base = childSum[i]! + rest;
    if (Math.abs(target[i]! - base) < 1e-9) {
      for (const c of kids) target[c] = total[c]!;
      continue;
    }
    const shares = apportion(target[i]!, [...kids.map((c) => total[c]!), rest]);
    kids.forEach((c, k) => {
      target[c] = shares[k]!;
    });
  }

  const out = new PointList(order.length + 16);
  const kind: number[] = [];
  const placed = new Float64Array(n),
    wLon = new Float64Array(n),
    wLat = new Float64Array(n),
    wPop = new Float64Array(n);
  const cLon = new Float64Array(n),
    cLat = new Float64Array(n),
    count = new Float64Array(n);
  const add = (i: number, lon: number, lat: number, pop: number) => {
    placed[i]! += pop;
    wLon[i]! += lon * pop;
    wLat[i]! += lat * pop;
    wPop[i]! += pop;
    cLon[i]! += lon;
    cLat[i]! += lat;
    count[i]! += 1;
  };
  const pushPoint = (i: number, lon: number, lat: number, pop: number, k: PointKind) => {
    out.push(lon, lat, pop, units[i]!.urban, i);
    kind.push(k);
    add(i, lon, lat, pop);
  };

  // The gridded units first, on one lattice (neighbours share it, no cell counted twice).
  if (gridded.length && input.grid) {
    const g = demandGrid(
      gridded.map((i) => ({ lon: units[i]!.lon, lat: units[i]!.lat, population: target[i]!, urban: units[i]!.urban })),
      gridded.map((i) => gridArea(i)),
      input.grid.cellMetres,
      { maxPoints: input.grid.maxPoints },
    );
    for (let p = 0; p < g.lon.length; p++) pushPoint(gridded[g.unit[p]!]!, g.lon[p]!, g.lat[p]!, g.population[p]!, PointKind.Cell);
  }
  const griddedSet = new Set(gridded);
  const located = (u: PlanDemandUnit) => u.lon != null && u.lat != null && Number.isFinite(u.lon) && Number.isFinite(u.lat);
  let remaindersAtCentroid = 0;
  const startSet = new Set(starts);
  const unplacedUnits: number[] = [];
  let unplaced = 0;
  // Children before parents: the reverse of a pre-order.
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const u = units[i]!;
    if (!griddedSet.has(i)) {
      const leaf = children[i]!.length === 0;
      if (leaf) {
        if (own[i]! >= 0 && located(u)) pushPoint(i, u.lon!, u.lat!, target[i]!, PointKind.Centre);
      } else {
        const rest = target[i]! - placed[i]!;
        if (rest > 1e-6) {
          if (located(u)) pushPoint(i, u.lon!, u.lat!, rest, PointKind.Remainder);
          else if (count[i]! > 0) {
            remaindersAtCentroid++;
            const at = wPop[i]! > 0 ? [wLon[i]! / wPop[i]!, wLat[i]! / wPop[i]!] : [cLon[i]! / count[i]!, cLat[i]! / count[i]!];
            pushPoint(i, at[0]!, at[1]!, rest, PointKind.Remainder);
          }
        }
      }
    }
    const p = parent[i]!;
    if (startSet.has(i) || p < 0) {
      const left = target[i]! - placed[i]!;
      if (left > 1e-6) {
        unplaced += left;
        unplacedUnits.push(i);
      }
      continue;
    }
    placed[p]! += placed[i]!;
    wLon[p]! += wLon[i]!;
    wLat[p]! += wLat[i]!;
    wPop[p]! += wPop[i]!;
    cLon[p]! += cLon[i]!;
    cLat[p]! += cLat[i]!;
    count[p]! += count[i]!;
  }
  return { ...out.done(), kind: Uint8Array.from(kind), total, trimmed: trimmed.filter((i) => seen[i]), remaindersAtCentroid, unplaced, unplacedUnits, starts };
}

/** `amount` shared in proportion to `weights`; in whole persons (largest remainders, ties to the first) when all are whole. */
function apportion(amount: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) return weights.map(() => 0);
  const quota = weights.map((w) => (w * amount) / sum);
  if (!Number.isInteger(amount) || !weights.every((w) => Number.isInteger(w))) return quota;
  const out = quota.map((q) => Math.floor(q + 1e-9));
  let left = amount - out.reduce((s, v) => s + v, 0);
  const order = quota.map((q, k) => [q - Math.floor(q + 1e-9), k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; left > 0 && j < order.length; j++, left--) out[order[j]![1]]! += 1;
  return out;
}

/** How a demand was formed, as a result carries it. */
export interface DemandDescription {
  /** Demand points in all. */
  points: number;
  /** Units standing at their centres or spread over their grid cells. */
  units: number;
  /** Units whose remaining people (beyond those of the units listed under them) stand at their centre. */
  remainders: number;
  remainderPopulation: number;
  /** People in the demand. */
  population: number;
  note: string;
  noteEn: string;
}

const LEVEL_ZH = ['市', '区县', '街道/乡镇', '村/社区'];
const LEVEL_EN = ['cities', 'counties/districts', 'streets/towns', 'villages/communities'];
const fmt = (v: number) => Math.round(v).toLocaleString('en-US');

export function describeDemand(d: PlanDemand, units: readonly PlanDemandUnit[], opts: { cellMetres?: number } = {}): DemandDescription {
  const centreBy = new Map<number, Set<number>>(),
    cellUnits = new Set<number>(),
    remBy = new Map<number, { n: number; pop: number }>();
  let cells = 0,
    remainders = 0,
    remainderPopulation = 0,
    population = 0;
  for (let p = 0; p < d.lon.length; p++) {
    const i = d.unit[p]!;
    const level = UNIT_KIND_LEVEL[units[i]!.kind];
    population += d.population[p]!;
    if (d.kind[p] === PointKind.Cell) {
      cells++;
      cellUnits.add(i);
    } else if (d.kind[p] === PointKind.Remainder) {
      remainders++;
      remainderPopulation += d.population[p]!;
      const r = remBy.get(level) ?? { n: 0, pop: 0 };
      r.n++;
      r.pop += d.population[p]!;
      remBy.set(level, r);
    } else {
      const s = centreBy.get(level) ?? new Set<number>();
      s.add(i);
      centreBy.set(level, s);
    }
  }
  const levels = (m: Map<number, unknown>) => [...m.keys()].sort((a, b) => b - a);
  const zh: string[] = [],
    en: string[] = [];
  if (cells) {
    zh.push(`${fmt(cells)} 个${opts.cellMetres ? ` ${opts.cellMetres} 米` : ''}网格点（${fmt(cellUnits.size)} 个街道/乡镇按边界铺开）`);
    en.push(`${fmt(cells)}${opts.cellMetres ? ` ${opts.cellMetres} m` : ''} grid cells (${fmt(cellUnits.size)} streets/towns spread over their boundaries)`);
  }
  for (const l of levels(centreBy)) {
    const k = centreBy.get(l)!.size;
    zh.push(`${fmt(k)} 个${LEVEL_ZH[l] ?? ''}中心`);
    en.push(`the centres of ${fmt(k)} ${LEVEL_EN[l] ?? 'units'}`);
  }
  let note = `需求点：${zh.join('、') || '无'}`;
  let noteEn = `Demand: ${en.join(', ') || 'none'}`;
  if (remainders) {
    const rz = levels(remBy).map((l) => {
      const r = remBy.get(l)!;
      return `${fmt(r.n)} 个${LEVEL_ZH[l] ?? ''}本级人口超出所列${LEVEL_ZH[l + 1] ?? '下级'}合计的 ${fmt(r.pop)} 人`;
    });
    const re = levels(remBy).map((l) => {
      const r = remBy.get(l)!;
      return `${fmt(r.pop)} people by which ${fmt(r.n)} ${LEVEL_EN[l] ?? 'units'} exceed their listed ${LEVEL_EN[l + 1] ?? 'units'}`;
    });
    note += `；另 ${rz.join('、')}置于其中心${d.remaindersAtCentroid ? `（其中 ${d.remaindersAtCentroid} 个单位无坐标，置于其下级点的人口加权中心）` : ''}`;
    noteEn += `; the ${re.join(', ')} at their centres${d.remaindersAtCentroid ? ` (${d.remaindersAtCentroid} without a place of their own at the population-weighted centre of their points)` : ''}`;
  }
  if (d.trimmed.length) {
    note += `；${d.trimmed.length} 个单位的下级合计略多于本级人口（不超过 0.5% 或 100 人），按本级人口按比例计`;
    noteEn += `; ${d.trimmed.length} units whose units add up to slightly more than their own figure (within 0.5 % or 100 people) take their own figure, shared in proportion`;
  }
  note += `；共 ${fmt(population)} 人`;
  noteEn += `; ${fmt(population)} people in all`;
  if (d.unplaced > 0) {
    note += `；另有 ${fmt(d.unplaced)} 人（${d.unplacedUnits.length} 个单位）无坐标可置，未计入`;
    noteEn += `; ${fmt(d.unplaced)} people (${d.unplacedUnits.length} units) have no place and are not counted`;
  }
  return {
    points: d.lon.length,
    units: cellUnits.size + [...centreBy.values()].reduce((s, x) => s + x.size, 0),
    remainders,
    remainderPopulation,
    population,
    note,
    noteEn,
  };
}

/** A growing list of points on typed arrays. */
class PointList {
  length = 0;
  private lon: Float64Array;
  private lat: Float64Array;
  private pop: Float64Array;
  private urban: Uint8Array;
  private unit: Int32Array;
  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.pop = new Float64Array(n);
    this.urban = new Uint8Array(n);
    this.unit = new Int32Array(n);
  }
  push(lon: number, lat: number, pop: number, urban: boolean, unit: number): void {
    if (this.length === this.lon.length) this.grow();
    const k = this.length++;
    this.lon[k] = lon;
    this.lat[k] = lat;
    this.pop[k] = pop;
    this.urban[k] = urban ? 1 : 0;
    this.unit[k] = unit;
  }
  /** Shares P among the k points from `first`: ⌊(c+1)P/k⌋ − ⌊cP/k⌋ each, any fraction to the last. */
  spread(first: number, k: number, p: number): void {
    const whole = Math.floor(p);
    let before = 0;
    for (let c = 0; c < k; c++) {
      const upTo = Math.floor(((c + 1) * whole) / k);
      this.pop[first + c] = upTo - before;
      before = upTo;
    }
    this.pop[first + k - 1]! += p - whole;
  }
  done(): DemandPoints {
    const n = this.length;
    return {
      lon: this.lon.slice(0, n),
      lat: this.lat.slice(0, n),
      population: this.pop.slice(0, n),
      urban: this.urban.slice(0, n),
      unit: this.unit.slice(0, n),
    };
  }
  private grow(): void {
    const n = this.lon.length * 2;
    const g = <T extends Float64Array | Uint8Array | Int32Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(n);
      b.set(a);
      return b;
    };
    this.lon = g(this.lon, Float64Array);
    this.lat = g(this.lat, Float64Array);
    this.pop = g(this.pop, Float64Array);
    this.urban = g(this.urban, Uint8Array);
    this.unit = g(this.unit, Int32Array);
  }
}
