/**
 * 贪心 + 交换: the heuristic for MCLP and p-median on the common form (instance.ts), with a proven
 * bound.
 *
 * - Greedy: add the candidate with the largest saving, k times (ties: the lower index), stopping
 *   early when no candidate saves anything (then the answer is optimal: fewer sites suffice).
 *   Every candidate's marginal saving is kept exact as sites are added — when a group's cost falls,
 *   only the candidates of that group's column change — so the whole greedy costs one pass over
 *   the pairs. (This replaces CELF's lazy re-evaluation: the same picks, and exact gains at every
 *   step make the bound below tight rather than built from stale upper bounds.)
 * - Swap (1-opt exchange): the best (remove s, add c) over all pairs, until none improves or the
 *   iteration/time budget runs out. The change of every swap comes from the exact gains, each
 *   group's best and second-best cost, and one pass over the groups the chosen sites serve
 *   (Resende & Werneck's fast interchange).
 * - Bound: the saving Σ weight × (base − cost) is monotone submodular, so for any S,
 *   saving(OPT) ≤ saving(S) + Σ of the k largest marginal savings w.r.t. S (Minoux; Leskovec et al.'s
 *   online bound). It is taken at every greedy step and after every swap; the least one holds.
 */
import type { Instance } from './instance.ts';

export interface SearchOptions {
  k: number;
  /** Swap iterations at most (default 1000). */
  maxSwaps?: number;
  /** Date.now() after which swapping stops (default: none). */
  deadline?: number;
  /** Skip the swap phase. */
  noSwap?: boolean;
}

export interface SearchResult {
  /** Chosen candidates, in the order greedy added them (a swap puts its site in the removed one's place). */
  chosen: number[];
  /** Σ weight × (base − cost) over the groups. */
  saving: number;
  /** Upper bound on the best saving with k sites. */
  bound: number;
  swaps: number;
  /** Why swapping stopped. */
  stop: 'converged' | 'iterations' | 'time' | 'skipped';
}

export function greedySwap(inst: Instance, opts: SearchOptions): SearchResult {
  const s = new Search(inst);
  const k = Math.min(opts.k, inst.candidateCount);
  let bound = Math.min(s.totalSaving(), s.bound(opts.k));
  while (s.chosen.length < k) {
    const c = s.bestAddition();
    if (c < 0) break;
    s.add(c);
    bound = Math.min(bound, s.bound(opts.k));
  }
  let swaps = 0;
  let stop: SearchResult['stop'] = 'skipped';
  if (!opts.noSwap && s.chosen.length === k && k > 0 && s.saving < bound - s.tol) {
    const maxSwaps = opts.maxSwaps ?? 1000,
      deadline = opts.deadline ?? Infinity;
    stop = 'converged';
    for (;;) {
      if (swaps >= maxSwaps) {
        stop = 'iterations';
        break;
      }
      if (Date.now() > deadline) {
        stop = 'time';
        break;
      }
      if (!s.bestSwap()) break;
      swaps++;
      bound = Math.min(bound, s.bound(opts.k));
    }
  }
  return { chosen: s.chosen.slice(), saving: s.saving, bound: Math.max(bound, s.saving), swaps, stop };
}

/** The state of a search: which sites are open and what each group pays. */
export class Search {
  readonly inst: Instance;
  readonly chosen: number[] = [];
  /** Per group: its cost now, the site that gives it (-1: the base), and the next best cost. */
  readonly cur: Float64Array;
  readonly best: Int32Array;
  readonly second: Float64Array;
  /** Per candidate: the saving it would add now (0 for an open site). */
  readonly gain: Float64Array;
  /** Per candidate: its place in `chosen`, -1 when closed. */
  readonly slot: Int32Array;
  saving = 0;
  /** Savings closer than this are equal (sums of many floats differ in the last bits). */
  readonly tol: number;
  private extra = new Float64Array(0);
  private loss = new Float64Array(0);
  private topK = new Float64Array(0);

  constructor(inst: Instance) {
    this.inst = inst;
    const G = inst.groupCount,
      m = inst.candidateCount;
    this.cur = inst.base.slice();
    this.second = inst.base.slice();
    this.best = new Int32Array(G).fill(-1);
    this.gain = new Float64Array(m);
    this.slot = new Int32Array(m).fill(-1);
    const { rowStart, rowGroup, rowCost, weight, base } = inst;
    let total = 0;
    for (let g = 0; g < G; g++) total += weight[g]! * base[g]!;
    for (let c = 0; c < m; c++) {
      let sum = 0;
      for (let i = rowStart[c]!, end = rowStart[c + 1]!; i < end; i++) {
        const g = rowGroup[i]!;
        sum += weight[g]! * (base[g]! - rowCost[i]!);
      }
      this.gain[c] = sum;
    }
    this.tol = 1e-9 * Math.max(1, total);
  }

  /** The saving if every candidate were open: no k sites can do better. */
  totalSaving(): number {
    const { colStart, colCost, weight, base, groupCount } = this.inst;
    let sum = 0;
    for (let g = 0; g < groupCount; g++) {
      let least = base[g]!;
      for (let i = colStart[g]!, end = colStart[g + 1]!; i < end; i++) least = Math.min(least, colCost[i]!);
      sum += weight[g]! * (base[g]! - least);
    }
    return sum;
  }

  /** The closed candidate with the largest gain (ties: lower index), -1 when none saves anything. */
  bestAddition(): number {
    const gain = this.gain,
      slot = this.slot;
    let best = -1,
      bestGain = this.tol;
    for (let c = 0; c < gain.length; c++)
      if (slot[c]! < 0 && gain[c]! > bestGain + (best < 0 ? 0 : this.tol)) {
        best = c;
        bestGain = gain[c]!;
      }
    return best;
  }

  add(c: number): void {
    this.slot[c] = this.chosen.length;
    this.chosen.push(c);
    this.refreshRow(c);
  }

  /** Closes the site in place i and opens c there. */
  replace(i: number, c: number): void {
    const s = this.chosen[i]!;
    this.slot[s] = -1;
    this.slot[c] = i;
    this.chosen[i] = c;
    this.refreshRow(s);
    this.refreshRow(c);
  }

  /** saving(S) + the k largest gains: at least the best saving of any k sites. */
  bound(k: number): number {
    if (this.topK.length !== k) this.topK = new Float64Array(k);
    const top = this.topK; // ascending; top[0] the smallest kept
    top.fill(0);
    const gain = this.gain;
    for (let c = 0; c < gain.length; c++) {
      const x = gain[c]!;
      if (!(x > top[0]!)) continue;
      let i = 1;
      while (i < k && top[i]! < x) {
        top[i - 1] = top[i]!;
        i++;
      }
      top[i - 1] = x;
    }
    let sum = this.saving;
    for (let i = 0; i < k; i++) sum += top[i]!;
    return sum;
  }

  /** Applies the best improving swap; false when none improves. */
  bestSwap(): boolean {
    const { inst, chosen, cur, best, second, gain, slot } = this;
    const m = inst.candidateCount,
      k = chosen.length;
    if (this.extra.length !== k * m) {
      this.extra = new Float64Array(k * m);
      this.loss = new Float64Array(k);
    }
    const extra = this.extra,
      loss = this.loss;
    extra.fill(0);
    loss.fill(0);
    const { rowStart, rowGroup, colStart, colCandidate, colCost, weight } = inst;
    // Groups served by chosen site s: closing s costs them (second − cur); opening c as well gives
    // back (second − max(cost_c, cur)) where c costs less than second.
    for (let i = 0; i < k; i++) {
      const s = chosen[i]!,
        off = i * m;
      let l = 0;
      for (let r = rowStart[s]!, end = rowStart[s + 1]!; r < end; r++) {
        const g = rowGroup[r]!;
        if (best[g] !== s) continue;
        const w = weight[g]!,
          cg = cur[g]!,
          sg = second[g]!;
        l += w * (sg - cg);
        for (let j = colStart[g]!, jEnd = colStart[g + 1]!; j < jEnd; j++) {
          const t = colCost[j]!;
          if (t < sg) extra[off + colCandidate[j]!]! += w * (sg - (t > cg ? t : cg));
        }
      }
      loss[i] = l;
    }
    let bi = -1,
      bc = -1,
      bestDelta = this.tol;
    for (let i = 0; i < k; i++) {
      const off = i * m,
        l = loss[i]!;
      for (let c = 0; c < m; c++) {
        if (slot[c]! >= 0) continue;
        const delta = gain[c]! + extra[off + c]! - l;
        if (delta > bestDelta + (bi < 0 ? 0 : this.tol)) {
          bi = i;
          bc = c;
          bestDelta = delta;
        }
      }
    }
    if (bi < 0) return false;
    this.replace(bi, bc);
    return true;
  }

  /** After candidate c opened or closed: each group of its row takes its best among the open sites. */
  private refreshRow(c: number): void {
    const { rowStart, rowGroup } = this.inst;
    for (let r = rowStart[c]!, end = rowStart[c + 1]!; r < end; r++) this.refresh(rowGroup[r]!);
  }

  private refresh(g: number): void {
    const { colStart, colCandidate, colCost, weight, base } = this.inst;
    const slot = this.slot;
    let c1 = base[g]!,
      b1 = -1,
      c2 = base[g]!;
    const start = colStart[g]!,
      end = colStart[g + 1]!;
    for (let j = start; j < end; j++) {
      const c = colCandidate[j]!;
      if (slot[c]! < 0) continue;
      const t = colCost[j]!;
      if (t < c1) {
        c2 = c1;
        c1 = t;
        b1 = c;
      } else if (t < c2) c2 = t; // candidates ascend: ties keep the lower index
    }
    const old = this.cur[g]!;
    this.best[g] = b1;
    this.second[g] = c2;
    if (c1 === old) return;
    const w = weight[g]!;
    const gain = this.gain;
    for (let j = start; j < end; j++) {
      const t = colCost[j]!;
      gain[colCandidate[j]!]! += w * ((c1 > t ? c1 - t : 0) - (old > t ? old - t : 0));
    }
    this.saving += w * (old - c1);
    this.cur[g] = c1;
  }
}
