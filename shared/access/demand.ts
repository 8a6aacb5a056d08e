/**
 * 需求点: where the people are, as points that carry a population, an urban/rural class (for the
 * threshold that applies to them) and the unit they belong to (for totals per unit).
 *
 * Entry points:
 * - `demandFromCentroids(units, opts?)`: one point per unit (village, community) at its lon/lat.
 * - `demandGrid(units, areas, cellMetres, opts?)`: a population grid — cells of `cellMetres` whose
 *   centres fall inside a unit's boundary, the unit's population split evenly among them.
 *
 * A `Unit` of the plan is a DemandUnit as it is; give `opts.population` to use the figures of a
 * target year (populationsAt in gaps/population.ts) instead of the units' own.
 */
import { type Area, bboxOf, centroidOf, crossingsAt, type Ring, ringsOf } from '../geo/polygon.ts';

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

const populationOf = (units: readonly DemandUnit[], opts: DemandOptions, i: number) => opts.population ? opts.population[i]! : (units[i]!.population ?? NaN);
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
export function demandGrid(units: readonly DemandUnit[], areas: readonly (Area | null | undefined)[], cellMetres: number, opts: GridOptions = {}): DemandResult {
  if (!(cellMetres > 0)) throw new RangeError(`cell size must be positive, not ${cellMetres}`);
  const maxPoints = opts.maxPoints ?? DEFAULT_MAX_DEMAND_POINTS;
  const rings: (Ring[] | null)[] = units.map((_, i) => (areas[i] ? ringsOf(areas[i]) : null));
  const all = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  const boxes = rings.map((r) => {
    if (!r) return null;
    const b = bboxOf(r);
    all.minLon = Math.min(all.minLon, b.minLon); all.maxLon = Math.max(all.maxLon, b.maxLon);
    all.minLat = Math.min(all.minLat, b.minLat); all.maxLat = Math.max(all.maxLat, b.maxLat);
    return b;
  });
  const dLat = cellMetres / M_PER_DEG;
  const dLon = dLat / Math.cos((((all.minLat + all.maxLat) / 2) * Math.PI) / 180);
  const lon0 = all.minLon, lat0 = all.minLat;

  const out = new PointList(units.length * 4);
  const skipped: number[] = [];
  const crossings: number[] = [];
  units.forEach((u, i) => {
    const pop = populationOf(units, opts, i);
    const r = rings[i], b = boxes[i];
    if (!(pop >= 0)) { skipped.push(i); return; }
    const first = out.length;
    if (r && b && b.maxLat >= b.minLat) {
      const j0 = Math.max(0, Math.floor((b.minLat - lat0) / dLat - 0.5));
      for (let j = j0; lat0 + (j + 0.5) * dLat <= b.maxLat; j++) {
        const lat = lat0 + (j + 0.5) * dLat;
        crossingsAt(r, lat, crossings);
        // Inside where an odd number of crossings lie east: from crossing 2m (included) to 2m+1.
        for (let m = 0; m + 1 < crossings.length; m += 2) {
          const west = crossings[m]!, east = crossings[m + 1]!;
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
    if (k > 0) { out.spread(first, k, pop); return; }
    const at = located(u) ? [u.lon, u.lat] : areas[i] ? centroidOf(areas[i]) : null;
    if (at) out.push(at[0]!, at[1]!, pop, u.urban, i);
    else skipped.push(i);
  });
  return { ...out.done(), skipped: Int32Array.from(skipped) };
}

/** A growing list of points on typed arrays. */
class PointList {
  length = 0;
  private lon: Float64Array; private lat: Float64Array; private pop: Float64Array;
  private urban: Uint8Array; private unit: Int32Array;
  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.lon = new Float64Array(n); this.lat = new Float64Array(n); this.pop = new Float64Array(n);
    this.urban = new Uint8Array(n); this.unit = new Int32Array(n);
  }
  push(lon: number, lat: number, pop: number, urban: boolean, unit: number): void {
    if (this.length === this.lon.length) this.grow();
    const k = this.length++;
    this.lon[k] = lon; this.lat[k] = lat; this.pop[k] = pop; this.urban[k] = urban ? 1 : 0; this.unit[k] = unit;
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
    return { lon: this.lon.slice(0, n), lat: this.lat.slice(0, n), population: this.pop.slice(0, n), urban: this.urban.slice(0, n), unit: this.unit.slice(0, n) };
  }
  private grow(): void {
    const n = this.lon.length * 2;
    const g = <T extends Float64Array | Uint8Array | Int32Array>(a: T, make: new (n: number) => T): T => { const b = new make(n); b.set(a); return b; };
    this.lon = g(this.lon, Float64Array); this.lat = g(this.lat, Float64Array); this.pop = g(this.pop, Float64Array);
    this.urban = g(this.urban, Uint8Array); this.unit = g(this.unit, Int32Array);
  }
}
