/**
 * 最少设施覆盖 (LSCP, location set covering): the fewest new sites so that every group that some
 * candidate can reach is covered (groups no candidate reaches are not in the instance: they are
 * reported as unreachable and do not make the problem infeasible).
 *
 * - Greedy (Chvátal): the candidate covering the most still-uncovered demand points, then the most
 *   people, then the lower index; counts kept exact through the columns as groups get covered.
 * - Redundancy removal: the sites, last chosen first, whose every group another chosen site also
 *   covers are dropped.
 * - Lower bound: groups no two of which one candidate covers each need a site of their own; a
 *   greedy such set (groups with the fewest candidates first) proves that many sites are needed.
 */
import type { Instance } from './instance.ts';

export interface CoverResult {
  chosen: number[];
  /** At least this many sites are needed. */
  bound: number;
}

export function greedyCover(inst: Instance): CoverResult {
  const { candidateCount: m, groupCount: G, rowStart, rowGroup, colStart, colCandidate, weight, points } = inst;
  const countGain = new Float64Array(m),
    popGain = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    for (let r = rowStart[c]!, end = rowStart[c + 1]!; r < end; r++) {
      countGain[c]! += points[rowGroup[r]!]!;
      popGain[c]! += weight[rowGroup[r]!]!;
    }
  }
  const covered = new Uint8Array(G);
  const open = new Uint8Array(m);
  const chosen: number[] = [];
  let left = G;
  while (left > 0) {
    let best = -1;
    for (let c = 0; c < m; c++) {
      if (open[c] || countGain[c]! <= 0) continue;
      if (best < 0 || countGain[c]! > countGain[best]! || (countGain[c] === countGain[best] && popGain[c]! > popGain[best]!)) best = c;
    }
    if (best < 0) break; // cannot happen: every group has a candidate
    open[best] = 1;
    chosen.push(best);
    for (let r = rowStart[best]!, end = rowStart[best + 1]!; r < end; r++) {
      const g = rowGroup[r]!;
      if (covered[g]) continue;
      covered[g] = 1;
      left--;
      for (let j = colStart[g]!, jEnd = colStart[g + 1]!; j < jEnd; j++) {
        countGain[colCandidate[j]!]! -= points[g]!;
        popGain[colCandidate[j]!]! -= weight[g]!;
      }
    }
  }
  return { chosen: dropRedundant(inst, chosen), bound: coverLowerBound(inst) };
}

/** Drops, last chosen first, every site whose groups are all covered by other chosen sites. */
export function dropRedundant(inst: Instance, chosen: readonly number[]): number[] {
  const { rowStart, rowGroup } = inst;
  const times = new Int32Array(inst.groupCount);
  for (const c of chosen) for (let r = rowStart[c]!, end = rowStart[c + 1]!; r < end; r++) times[rowGroup[r]!]!++;
  const keep = chosen.map(() => true);
  for (let i = chosen.length - 1; i >= 0; i--) {
    const c = chosen[i]!;
    let needed = false;
    for (let r = rowStart[c]!, end = rowStart[c + 1]!; r < end && !needed; r++) needed = times[rowGroup[r]!]! < 2;
    if (needed) continue;
    keep[i] = false;
    for (let r = rowStart[c]!, end = rowStart[c + 1]!; r < end; r++) times[rowGroup[r]!]!--;
  }
  return chosen.filter((_, i) => keep[i]);
}

/** The size of a set of groups that pairwise share no candidate. */
export function coverLowerBound(inst: Instance): number {
  const { groupCount: G, colStart, colCandidate } = inst;
  const order = new Uint32Array(G);
  for (let g = 0; g < G; g++) order[g] = g;
  const size = (g: number) => colStart[g + 1]! - colStart[g]!;
  order.sort((a, b) => size(a) - size(b) || a - b);
  const used = new Uint8Array(inst.candidateCount);
  let count = 0;
  for (const g of order) {
    let free = true;
    for (let j = colStart[g]!, end = colStart[g + 1]!; j < end && free; j++) free = !used[colCandidate[j]!];
    if (!free) continue;
    count++;
    for (let j = colStart[g]!, end = colStart[g + 1]!; j < end; j++) used[colCandidate[j]!] = 1;
  }
  return count;
}
