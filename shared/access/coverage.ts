/**
 * 覆盖: what the travel times mean for the people — each demand point's minutes to (or from) its
 * nearest facility, who is within the urban or rural threshold (the "1030" rule: 10 minutes in
 * town, 30 in the country), totals per unit and for the region, and time bands for maps.
 *
 * Entry points:
 * - `demandTravel(field, snapped, out?)`: per demand point, minutes and nearest facility by road.
 *   (`straightLineTravel` in fallback.ts gives the same without a road network.)
 * - `coverage(points, minutes, thresholds, unitCount)`: covered population per unit and in all.
 * - `travelTimeBands(minutes, population, bandMinutes, maxMinutes)`: counts and people per band.
 */
import type { DemandPoints } from './demand.ts';
import type { NearestFacility } from './dijkstra.ts';
import type { Snapped } from './snap.ts';

/** Per demand point. */
export interface DemandTravel {
  /** Minutes to/from the nearest facility; Infinity when off the network or out of reach. */
  minutes: Float64Array;
  /** That facility's index; -1 when none. */
  facility: Int32Array;
  model: 'road' | 'straight_line';
}

/**
 * A point's time is its node's time plus its own connector time: at the end of the trip from a
 * facility, at the start of the trip to one; the sum is the same.
 */
export function demandTravel(field: NearestFacility, snapped: Snapped, out?: DemandTravel): DemandTravel {
  const n = snapped.node.length;
  const minutes = out?.minutes ?? new Float64Array(n);
  const facility = out?.facility ?? new Int32Array(n);
  const { seconds } = field;
  for (let p = 0; p < n; p++) {
    const k = snapped.node[p]!;
    if (k < 0) {
      minutes[p] = Infinity;
      facility[p] = -1;
      continue;
    }
    const f = field.facility[k]!;
    minutes[p] = f < 0 ? Infinity : (seconds[k]! + snapped.seconds[p]!) / 60;
    facility[p] = f;
  }
  return { minutes, facility, model: 'road' };
}

export interface Thresholds {
  urbanMinutes: number;
  ruralMinutes: number;
}

export interface Coverage {
  population: number;
  covered: number;
  urbanPopulation: number;
  urbanCovered: number;
  ruralPopulation: number;
  ruralCovered: number;
  /** People no facility reaches at all (off the network, or no road to one). */
  unreachablePopulation: number;
  /** Per unit index. */
  unitPopulation: Float64Array;
  unitCovered: Float64Array;
  /** The points beyond their threshold (unreachable ones included), in point order. */
  uncovered: Int32Array;
}

/**
 * A time (or distance) to one decimal, as shown beside its verdict against `limit`: to the nearest tenth,
 * except where that would contradict the verdict — a point 10.03 minutes away is beyond a 10-minute limit,
 * so it shows 10.1, not 10.0 (and one within a limit that is not a whole tenth is rounded down). The verdict
 * itself is always judged on the unrounded value.
 */
export function shownTenths(value: number, limit: number): number {
  const r = Math.round(value * 10) / 10;
  // The nearest tenth on the verdict's side of the limit (10.1 beyond 10, 12.2 within 12.25).
  if (value > limit && r <= limit) return (Math.floor(limit * 10) + 1) / 10;
  if (value <= limit && r > limit) return Math.floor(limit * 10) / 10;
  return r;
}

/** A point is covered when its minutes are at most its class's threshold ("within 10 minutes"). */
export function coverage(points: DemandPoints, minutes: Float64Array, t: Thresholds, unitCount: number): Coverage {
  const n = minutes.length;
  const unitPopulation = new Float64Array(unitCount),
    unitCovered = new Float64Array(unitCount);
  let urbanPopulation = 0,
    urbanCovered = 0,
    ruralPopulation = 0,
    ruralCovered = 0,
    unreachable = 0,
    uncoveredCount = 0;
  const uncoveredAt = new Int32Array(n);
  const { population, urban, unit } = points;
  for (let p = 0; p < n; p++) {
    const pop = population[p]!,
      m = minutes[p]!,
      u = unit[p]!;
    const isUrban = urban[p] === 1;
    const ok = m <= (isUrban ? t.urbanMinutes : t.ruralMinutes);
    if (isUrban) {
      urbanPopulation += pop;
      if (ok) urbanCovered += pop;
    } else {
      ruralPopulation += pop;
      if (ok) ruralCovered += pop;
    }
    if (m === Infinity) unreachable += pop;
    if (!ok) uncoveredAt[uncoveredCount++] = p;
    if (u >= 0 && u < unitCount) {
      unitPopulation[u]! += pop;
      if (ok) unitCovered[u]! += pop;
    }
  }
  return {
    population: urbanPopulation + ruralPopulation,
    covered: urbanCovered + ruralCovered,
    urbanPopulation,
    urbanCovered,
    ruralPopulation,
    ruralCovered,
    unreachablePopulation: unreachable,
    unitPopulation,
    unitCovered,
    uncovered: uncoveredAt.slice(0, uncoveredCount),
  };
}

export interface TravelTimeBands {
  bandMinutes: number;
  /**
   * Per band: band i holds times in (i·b, (i+1)·b] (band 0 from 0), as coverage counts "within";
   * then one band beyond `maxMinutes`, then one for the unreachable. Length ⌈max/b⌉ + 2.
   */
  count: Uint32Array;
  population: Float64Array;
}

export function travelTimeBands(minutes: Float64Array, population: Float64Array, bandMinutes: number, maxMinutes: number): TravelTimeBands {
  const bands = Math.ceil(maxMinutes / bandMinutes);
  const count = new Uint32Array(bands + 2),
    people = new Float64Array(bands + 2);
  for (let p = 0; p < minutes.length; p++) {
    const m = minutes[p]!;
    const i = m === Infinity || Number.isNaN(m) ? bands + 1 : m > maxMinutes ? bands : m <= 0 ? 0 : Math.min(bands - 1, Math.ceil(m / bandMinutes) - 1);
    count[i]!++;
    people[i]! += population[p]!;
  }
  return { bandMinutes, count, population: people };
}
