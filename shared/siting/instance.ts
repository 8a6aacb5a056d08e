/**
 * The models' common form (internal): demand groups that pay a cost for being served — the least
 * cost among the chosen sites that serve them, or their own `base` cost when none does.
 * Minimising Σ weight × cost with at most k sites is
 * - MCLP: cost 0 from a site within the point's threshold, base 1 (so the saving is the newly
 *   covered population);
 * - p-median: cost the travel seconds, base the nearer of the existing facilities and the cutoff.
 * A pair is kept only when it costs less than the base: only then can a site matter.
 *
 * Demand points that the same pairs (candidates and costs) and the same base make indistinguishable
 * are merged into one group, weights summed: exact for every model, and what shrinks a grid of
 * 50,000 points to the few thousand distinct patterns a MIP can handle.
 */
import type { CoverageColumns } from './coverage-sets.ts';

export interface Instance {
  candidateCount: number;
  groupCount: number;
  /** Per group: population (summed). */
  weight: Float64Array;
  /** Per group: how many demand points it merges. */
  points: Float64Array;
  /** Per group: the cost when no chosen site serves it. */
  base: Float64Array;
  /** Group → (candidate, cost), candidates ascending. */
  colStart: Uint32Array;
  colCandidate: Uint32Array;
  colCost: Float64Array;
  /** Candidate → (group, cost), groups ascending. */
  rowStart: Uint32Array;
  rowGroup: Uint32Array;
  rowCost: Float64Array;
  /** Per demand point: its group, -1 when left out (no weight, or no pair). */
  groupOf: Int32Array;
}

export interface GroupInput {
  candidateCount: number;
  columns: CoverageColumns;
  /** Per demand point: population that counts (0 leaves it out). */
  weight: Float64Array;
  /** Per demand point: its base cost. */
  base: Float64Array;
  /**
   * 'cover': a pair within `limit[d]` seconds costs 0 (base should be 1);
   * 'time': a pair costs its seconds, kept when below the base.
   */
  cost: 'cover' | 'time';
  limit?: Float64Array;
  /** Merge identical points (default true). */
  merge?: boolean;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** FNV-1a over 32-bit words, then a final avalanche (murmur3's). */
const mix = (h: number, x: number) => Math.imul(h ^ x, 0x01000193);
const avalanche = (h: number) => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

export function buildInstance(input: GroupInput): Instance {
  const { columns, weight, base, limit, candidateCount: m } = input;
  const n = weight.length;
  const merge = input.merge ?? true;
  const cover = input.cost === 'cover';
  if (cover && !limit) throw new RangeError('cover costs need the limits');
  const groupOf = new Int32Array(n).fill(-1);
  const w = new Growing(Float64Array, 1024),
    pts = new Growing(Float64Array, 1024),
    b = new Growing(Float64Array, 1024);
  const colStart = new Growing(Uint32Array, 1024);
  const cand = new Growing(Uint32Array, Math.max(1024, columns.candidate.length >> 2));
  const cost = new Growing(Float64Array, Math.max(1024, columns.candidate.length >> 2));
  colStart.push(0);
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const table = new Int32Array(merge ? capacity : 0).fill(-1);
  const hashOf = new Uint32Array(merge ? n : 0);
  const mask = capacity - 1;
  for (let d = 0; d < n; d++) {
    const wd = weight[d]!,
      bd = base[d]!;
    if (!(wd > 0)) continue;
    // Append d's kept pairs as a tentative new group; drop them again if an equal group exists.
    const first = cand.length;
    f64[0] = bd;
    let h = mix(mix(0x811c9dc5, u32[0]!), u32[1]!);
    for (let i = columns.offsets[d]!, end = columns.offsets[d + 1]!; i < end; i++) {
      const s = columns.seconds[i]!;
      const t = cover ? (s <= limit![d]! ? 0 : NaN) : s < bd ? s : NaN;
      if (Number.isNaN(t)) continue;
      const c = columns.candidate[i]!;
      cand.push(c);
      cost.push(t);
      f64[0] = t;
      h = mix(mix(mix(h, c), u32[0]!), u32[1]!);
    }
    const count = cand.length - first;
    if (count === 0) continue;
    let g = -1;
    if (merge) {
      h = avalanche(h);
      let slot = h & mask;
      for (let e: number; (e = table[slot]!) !== -1; slot = (slot + 1) & mask) {
        if (hashOf[e] !== h || b.data[e] !== bd) continue;
        const s0 = colStart.data[e]!,
          len = colStart.data[e + 1]! - s0;
        if (len !== count) continue;
        let same = true;
        for (let i = 0; i < count && same; i++) same = cand.data[s0 + i] === cand.data[first + i] && cost.data[s0 + i] === cost.data[first + i];
        if (same) {
          g = e;
          break;
        }
      }
      if (g < 0) {
        table[slot] = w.length;
        hashOf[w.length] = h;
      }
    }
    if (g >= 0) {
      cand.length = first;
      cost.length = first;
      w.data[g]! += wd;
      pts.data[g]! += 1;
    } else {
      g = w.length;
      w.push(wd);
      pts.push(1);
      b.push(bd);
      colStart.push(cand.length);
    }
    groupOf[d] = g;
  }
  const groups = w.length,
    pairs = cand.length;
  const colCandidate = cand.done(),
    colCost = cost.done(),
    starts = colStart.done();
  // Rows by a counting sort of the columns (groups come out ascending).
  const rowStart = new Uint32Array(m + 1);
  for (let i = 0; i < pairs; i++) rowStart[colCandidate[i]! + 1]!++;
  for (let c = 0; c < m; c++) rowStart[c + 1]! += rowStart[c]!;
  const fill = rowStart.slice(0, m);
  const rowGroup = new Uint32Array(pairs),
    rowCost = new Float64Array(pairs);
  for (let g = 0; g < groups; g++) {
    for (let i = starts[g]!, end = starts[g + 1]!; i < end; i++) {
      const at = fill[colCandidate[i]!]!++;
      rowGroup[at] = g;
      rowCost[at] = colCost[i]!;
    }
  }
  return {
    candidateCount: m,
    groupCount: groups,
    weight: w.done(),
    points: pts.done(),
    base: b.done(),
    colStart: starts,
    colCandidate,
    colCost,
    rowStart,
    rowGroup,
    rowCost,
    groupOf,
  };
}

type TypedCtor<T> = new (n: number) => T;

/** A growing typed array; `length` may be cut back to drop the last items. */
class Growing<T extends Float64Array | Uint32Array> {
  length = 0;
  data: T;
  private readonly make: TypedCtor<T>;
  constructor(make: TypedCtor<T>, capacity: number) {
    this.make = make;
    this.data = new make(capacity);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new this.make(this.length * 2);
      next.set(this.data as never);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}
