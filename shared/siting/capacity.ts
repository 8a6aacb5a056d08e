/**
 * 容量约束的最大覆盖 (capacitated MCLP), the heuristic: each site serves at most its capacity in
 * people, so a covered point counts only as far as some chosen site has room for it. A heuristic
 * throughout — greedy choice, and people assigned greedily by travel time — with no swap phase;
 * the exact MIP (mip.ts) assigns optimally.
 *
 * - Choice: the candidate that could take the most still-unserved people within their thresholds,
 *   min(capacity, people in reach), k times; it takes the nearest of them first until full.
 * - Assignment: the chosen sites are then re-assigned as a whole, all (site, point) pairs in order
 *   of travel time, each taking what the point has left and the site has room for; whichever of
 *   the two assignments serves more people is kept. A point may be split between sites.
 */
import type { CoverageColumns, CoverageSets } from './coverage-sets.ts';
import type { Instance } from './instance.ts';

export interface CapacityInput {
  sets: CoverageSets;
  columns: CoverageColumns;
  /** Per demand point: people to serve (0 for points already covered). */
  weight: Float64Array;
  /** Per demand point: its threshold in seconds. */
  limit: Float64Array;
  /** Per candidate: people it can serve. */
  capacity: Float64Array;
  k: number;
}

export interface CapacityResult {
  chosen: number[];
  /** Per chosen site (same order): people it serves. */
  served: number[];
  /** Per demand point: people served by a new site, and the site serving most of them (-1: none). */
  assigned: Float64Array;
  site: Int32Array;
  /** The assignment itself: pairs of `sets` (by index) and the people each carries. */
  flowPair: Int32Array;
  flowAmount: Float64Array;
  total: number;
}

export function greedyCapacity(input: CapacityInput): CapacityResult {
  const { sets, columns, weight, limit, capacity } = input;
  const m = sets.candidateCount,
    n = sets.demandCount;
  const residual = weight.slice();
  const inReach = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    for (let i = sets.offsets[c]!, end = sets.offsets[c + 1]!; i < end; i++) {
      const d = sets.demand[i]!;
      if (sets.seconds[i]! <= limit[d]!) inReach[c]! += residual[d]!;
    }
  }
  let total = 0;
  for (let d = 0; d < n; d++) total += weight[d]!;
  const tol = 1e-9 * Math.max(1, total);
  const open = new Uint8Array(m);
  const chosen: number[] = [];
  const take = (d: number, amount: number) => {
    residual[d]! -= amount;
    for (let j = columns.offsets[d]!, end = columns.offsets[d + 1]!; j < end; j++) {
      if (columns.seconds[j]! <= limit[d]!) inReach[columns.candidate[j]!]! -= amount;
    }
  };
  while (chosen.length < input.k) {
    let best = -1,
      bestGain = tol;
    for (let c = 0; c < m; c++) {
      if (open[c]) continue;
      const g = Math.min(capacity[c]!, inReach[c]!);
      if (g > bestGain + (best < 0 ? 0 : tol)) {
        best = c;
        bestGain = g;
      }
    }
    if (best < 0) break;
    open[best] = 1;
    chosen.push(best);
    let room = capacity[best]!;
    for (const i of pairsByTime(sets, [best], limit)) {
      if (room <= 0) break;
      const d = sets.demand[i]!;
      const amount = Math.min(residual[d]!, room);
      if (amount > 0) {
        take(d, amount);
        room -= amount;
      }
    }
  }
  const sequential = assign(input, chosen, false),
    byTime = assign(input, chosen, true);
  return byTime.total > sequential.total + tol ? byTime : sequential;
}

/**
 * Assigns people to the chosen sites, site by site in the order chosen (each its nearest first),
 * or all pairs by travel time: a site takes what a point has left, up to its room.
 */
function assign(input: CapacityInput, chosen: number[], allByTime: boolean): CapacityResult {
  const { sets, weight, limit, capacity } = input;
  const n = sets.demandCount;
  const left = weight.slice();
  const assigned = new Float64Array(n),
    site = new Int32Array(n).fill(-1),
    most = new Float64Array(n);
  const served: number[] = [];
  const pairs: number[] = allByTime ? pairsByTime(sets, chosen, limit) : chosen.flatMap((c) => pairsByTime(sets, [c], limit));
  const siteOf = new Map<number, number>(chosen.map((c, at) => [c, at]));
  const room = chosen.map((c) => capacity[c]!);
  for (let at = 0; at < chosen.length; at++) served.push(0);
  const flowPair: number[] = [],
    flowAmount: number[] = [];
  for (const i of pairs) {
    const c = candidateOfPair(sets, i);
    const at = siteOf.get(c)!;
    const d = sets.demand[i]!;
    const amount = Math.min(left[d]!, room[at]!);
    if (!(amount > 0)) continue;
    left[d]! -= amount;
    room[at]! -= amount;
    served[at]! += amount;
    assigned[d]! += amount;
    if (amount > most[d]!) {
      most[d] = amount;
      site[d] = c;
    }
    flowPair.push(i);
    flowAmount.push(amount);
  }
  let total = 0;
  for (const s of served) total += s;
  return { chosen: chosen.slice(), served, assigned, site, flowPair: Int32Array.from(flowPair), flowAmount: Float64Array.from(flowAmount), total };
}

/** The pairs of these candidates within the points' limits, by travel time (then candidate, point). */
function pairsByTime(sets: CoverageSets, candidates: readonly number[], limit: Float64Array): number[] {
  const out: number[] = [];
  for (const c of candidates) {
    for (let i = sets.offsets[c]!, end = sets.offsets[c + 1]!; i < end; i++) if (sets.seconds[i]! <= limit[sets.demand[i]!]!) out.push(i);
  }
  return out.sort((a, b) => sets.seconds[a]! - sets.seconds[b]! || a - b);
}

/** The candidate whose row holds pair i (rows are consecutive: a binary search of the offsets). */
export function candidateOfPair(sets: CoverageSets, i: number): number {
  let lo = 0,
    hi = sets.candidateCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sets.offsets[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Per (group, site): the people the heuristic assigned, for the MIP start. */
export function groupShares(inst: Instance, sets: CoverageSets, r: CapacityResult): (g: number, c: number) => number {
  const share = new Map<number, number>();
  for (let i = 0; i < r.flowPair.length; i++) {
    const p = r.flowPair[i]!;
    const g = inst.groupOf[sets.demand[p]!]!;
    if (g < 0) continue;
    const key = g * inst.candidateCount + candidateOfPair(sets, p);
    share.set(key, (share.get(key) ?? 0) + r.flowAmount[i]!);
  }
  return (g, c) => share.get(g * inst.candidateCount + c) ?? 0;
}

/**
 * The capacitated MIP's assignment (columns after the m site columns: one per pair, in the
 * groups' column order) back on the demand points: each point of a group gets the group's share.
 */
export function assignmentFromMip(inst: Instance, x: Float64Array, weight: Float64Array): CapacityResult {
  const m = inst.candidateCount,
    n = weight.length;
  const servedBy = new Map<number, number>();
  const share = new Float64Array(inst.groupCount),
    siteOf = new Int32Array(inst.groupCount).fill(-1),
    most = new Float64Array(inst.groupCount);
  for (let g = 0; g < inst.groupCount; g++) {
    for (let j = inst.colStart[g]!, end = inst.colStart[g + 1]!; j < end; j++) {
      const v = Math.min(1, x[m + j]!);
      if (!(v > 1e-9)) continue;
      const c = inst.colCandidate[j]!;
      share[g]! += v;
      servedBy.set(c, (servedBy.get(c) ?? 0) + v * inst.weight[g]!);
      if (v > most[g]!) {
        most[g] = v;
        siteOf[g] = c;
      }
    }
  }
  const assigned = new Float64Array(n),
    site = new Int32Array(n).fill(-1);
  for (let d = 0; d < n; d++) {
    const g = inst.groupOf[d]!;
    if (g < 0) continue;
    assigned[d] = Math.min(1, share[g]!) * weight[d]!;
    site[d] = siteOf[g]!;
  }
  const chosen: number[] = [];
  for (let c = 0; c < m; c++) if (x[c]! > 0.5) chosen.push(c);
  const served = chosen.map((c) => servedBy.get(c) ?? 0);
  let total = 0;
  for (const s of served) total += s;
  return { chosen, served, assigned, site, flowPair: new Int32Array(0), flowAmount: new Float64Array(0), total };
}
