/**
 * 最短板优先 (water-filling): raise the unit–resource pair furthest below its target first.
 *
 * Pair p (unit u, resource r, p = u × R + r) stands at level (base_p + x_p) ÷ target_p — the value
 * over the minimum, 1 when met. Conceptually one unit at a time goes to the lowest pair (ties: lower
 * p, i.e. unit order then resource order) that still has room (x_p < cap_p) and whose resource is
 * still affordable (its budget and, with a cost, the money); a resource that cannot pay for one more
 * is done. Each pair's levels rise with x, so the steps are taken in the global order of their
 * levels; the loop takes at once all the steps of the lowest pair that come before the next pair's,
 * which is the same allocation with one heap operation per run of steps rather than per unit.
 */

export interface FillInput {
  /** Resources per unit (R). */
  resources: number;
  /** Per pair: min × population ÷ per (the unrounded count that meets the target); 0: no need. */
  target: Float64Array;
  /** Per pair: the count before this run (current + committed + fixed amounts). */
  base: Float64Array;
  /** Per pair: the most it may receive, min(shortfall, room in its facilities); 0: none. */
  cap: Float64Array;
  /** Per resource: what is left to give (Infinity: unlimited). */
  budget: Float64Array;
  /** Per resource: yuan per unit (0: free of the money constraint). */
  cost: Float64Array;
  /** Yuan left to spend (Infinity: no money budget). */
  money: number;
}

/** 0 open · 1 its budget ran out · 2 the money ran out. */
export const STOP = { open: 0, budget: 1, money: 2 } as const;

export interface FillResult {
  /** Per pair: what it received. */
  given: Float64Array;
  budgetLeft: Float64Array;
  moneyLeft: number;
  /** Per resource: STOP code. */
  stop: Uint8Array;
}

export function waterFill(inp: FillInput): FillResult {
  const { resources: R, target, base, cap } = inp;
  const n = target.length;
  const given = new Float64Array(n);
  const key = new Float64Array(n);
  const budgetLeft = Float64Array.from(inp.budget);
  const cost = inp.cost;
  const stop = new Uint8Array(R);
  let money = inp.money;

  // A binary min-heap of pairs by (level, pair index).
  const heap = new Int32Array(n);
  let size = 0;
  for (let p = 0; p < n; p++) {
    if (cap[p]! > 0 && target[p]! > 0) { key[p] = base[p]! / target[p]!; heap[size++] = p; }
  }
  const less = (a: number, b: number) => key[a]! < key[b]! || (key[a] === key[b] && a < b);
  const siftDown = (i: number) => {
    const p = heap[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && less(heap[c + 1]!, heap[c]!)) c++;
      if (!less(heap[c]!, p)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = p;
  };
  const pop = () => { heap[0] = heap[--size]!; if (size > 0) siftDown(0); };
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);

  while (size > 0) {
    const p = heap[0]!;
    const r = p % R;
    if (stop[r]) { pop(); continue; }
    const c = cost[r]!;
    const affordable = Math.min(budgetLeft[r]!, c > 0 ? Math.floor(money / c) : Infinity);
    if (affordable < 1) { stop[r] = budgetLeft[r]! < 1 ? STOP.budget : STOP.money; pop(); continue; }
    let steps = Math.min(cap[p]! - given[p]!, affordable);
    if (size > 1) {
      const q = size > 2 && less(heap[2]!, heap[1]!) ? heap[2]! : heap[1]!;
      steps = Math.min(steps, stepsBefore(base[p]! + given[p]!, target[p]!, p, key[q]!, q));
    }
    given[p]! += steps;
    budgetLeft[r]! -= steps;
    if (c > 0) money -= steps * c;
    if (given[p]! >= cap[p]!) { pop(); continue; }
    key[p] = (base[p]! + given[p]!) / target[p]!;
    siftDown(0);
  }
  return { given, budgetLeft, moneyLeft: money, stop };
}

/**
 * How many of pair p's next steps (from count b) come before pair q at level kq: a step from count v
 * is at level v ÷ t. At least 1 (p is the lowest); the estimate is corrected with the same division
 * the heap uses, so the order is exactly that of one step at a time.
 */
function stepsBefore(b: number, t: number, p: number, kq: number, q: number): number {
  const before = (v: number) => { const k = v / t; return k < kq || (k === kq && p < q); };
  let s = Math.max(1, Math.floor(kq * t - b));
  while (s > 1 && !before(b + s - 1)) s--;
  while (before(b + s)) s++;
  return s;
}
