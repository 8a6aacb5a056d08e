/**
 * 需求点合并: demand points that are the same for siting — equal in every key column (on roads:
 * node, connector seconds, threshold, existing-facility seconds) — become one point carrying their
 * summed population. Exact: every candidate reaches the merged point exactly when it reached each
 * of them, at the same time. (Points merely close together are not merged: that would move people.
 * The solver also merges, after the coverage sets, points that the same candidates cover alike.)
 *
 * Entry point: `aggregateDemand(keys, population)` → `{ population, first, of }`; take each key
 * column's values at `first` for the merged points, and read a merged answer back per original
 * point with `of` (e.g. `result.site[of[d]]`).
 */

export interface Aggregated {
  /** Per merged point: the summed population. */
  population: Float64Array;
  /** Per merged point: its first original point (merged points keep that order). */
  first: Int32Array;
  /** Per original point: its merged point. */
  of: Int32Array;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

export function aggregateDemand(keys: readonly ArrayLike<number>[], population: ArrayLike<number>): Aggregated {
  const n = population.length;
  for (const k of keys) if (k.length !== n) throw new RangeError('every key column needs one value per point');
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const of = new Int32Array(n);
  const first: number[] = [];
  const sums: number[] = [];
  const same = (a: number, b: number) => keys.every((k) => Object.is(k[a], k[b]) || k[a] === k[b]);
  for (let d = 0; d < n; d++) {
    let h = 0x811c9dc5;
    for (const k of keys) {
      f64[0] = k[d]! === 0 ? 0 : k[d]!; // -0 and 0 are one key
      h = Math.imul(h ^ u32[0]!, 0x01000193);
      h = Math.imul(h ^ u32[1]!, 0x01000193);
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    let slot = (h ^ (h >>> 13)) & mask;
    let e: number;
    while ((e = table[slot]!) !== -1 && !same(first[e]!, d)) slot = (slot + 1) & mask;
    if (e === -1) {
      e = first.length;
      table[slot] = e;
      first.push(d);
      sums.push(0);
    }
    sums[e]! += population[d]!;
    of[d] = e;
  }
  return { population: Float64Array.from(sums), first: Int32Array.from(first), of };
}

/** A column of key values at the merged points. */
export function pick<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(values: T, first: Int32Array): T {
  const out = values.slice(0, first.length) as T;
  for (let i = 0; i < first.length; i++) out[i] = values[first[i]!]!;
  return out;
}
