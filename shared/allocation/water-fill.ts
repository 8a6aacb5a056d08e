/**
 * 最短板优先 (water-filling): raise the unit–resource pair furthest below its target first.
 *
 * Pair p (unit u, resource r, p = u × R + r) stands at level (base_p + x_p) ÷ target_p — the value
 * over the minimum, 1 when met. Conceptually one unit at a time goes to the lowest pair (ties: lower
 * p, i.e. unit order then resource order) that still has room (x_p < cap_p) and whose resource is
 * still affordable (its budget and, with a cost, the money); a resource that cannot pay for one more
 * is done. Each pair's levels rise with x, so the steps are taken in the global order of their
 * levels. Taken one by one that is millions of heap operations on a large region; instead each round
 * searches the highest level below which every step can be paid for, gives all those steps at once,
 * then takes the few tied steps at that level exactly in order (runs of one pair's steps per heap
 * operation) until a resource stops — at most R + 1 rounds, the same allocation as one step at a time.
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
  const { resources: R, target } = inp;
  const st: State = { inp, given: new Float64Array(target.length), budgetLeft: Float64Array.from(inp.budget), money: inp.money, stop: new Uint8Array(R) };
  // Each round ends with a resource stopping, or everything given: R + 1 rounds (a few more in the rare
  // case where the bulk count's margin leaves a window without a stop; each such round still progresses).
  let width = 0; // of the last round's final bracket
  let o: Open | undefined;
  for (let round = 0; round < R + 64; round++) {
    o = openPairs(st, o);
    if (!o.n) break;
    // The longest run of the step order that every budget and the money can pay for, in bulk: every step
    // below level `a`, narrowed until only a handful of steps (or exact ties) lie between it and `b` …
    const [a, b] = searchLevel(st, o, width);
    width = Math.max(b - a, 1e-12);
    give(st, o, a);
    // … then the steps below `b` one run at a time, exactly in order, until a resource stops.
    exact(st, o, b);
  }
  return { given: st.given, budgetLeft: st.budgetLeft, moneyLeft: st.money, stop: st.stop };
}

/**
 * [a, b]: every open step below level a can be paid for, not every one below b, and b − a small. Regula
 * falsi with the Illinois rule (the slack is nearly linear in the level: a few evaluations where
 * bisection takes ~30), every third step a bisection to be sure of progress; after a stop the level
 * seldom moves far, so first a probe just above, widening from the last round's bracket.
 */
function searchLevel(st: State, o: Open, width: number): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < o.n; i++) {
    lo = Math.min(lo, o.from[i]! / o.t[i]!);
    hi = Math.max(hi, (o.from[i]! + o.room[i]! - 1) / o.t[i]!);
  }
  let a = lo,
    b = hi + Math.max(1e-9, Math.abs(hi) * 1e-12);
  let fb = slack(st, o, b);
  if (fb >= 0) return [b, b];
  let fa = slack(st, o, a),
    kept = 0;
  for (let d = width * 4; d > 0 && a + d < b; d *= 16) {
    const m = a + d,
      fm = slack(st, o, m);
    if (fm < 0) {
      b = m;
      fb = fm;
      break;
    }
    a = m;
    fa = fm;
  }
  // Down to a bracket a few steps wide on a large region (1e-5 of the level): exact() takes those in order.
  for (let i = 0; i < 200 && b - a > 1e-5 * Math.max(1e-3, Math.abs(b)); i++) {
    let m = i % 3 === 2 || !(fa > fb) ? a + (b - a) / 2 : a + ((b - a) * fa) / (fa - fb);
    if (!(m > a && m < b)) m = a + (b - a) / 2;
    if (m <= a || m >= b) break;
    const fm = slack(st, o, m);
    if (fm >= 0) {
      a = m;
      fa = fm;
      if (kept === -1) fb /= 2;
      kept = -1;
    } else {
      b = m;
      fb = fm;
      if (kept === 1) fa /= 2;
      kept = 1;
    }
  }
  return [a, b];
}

interface State {
  inp: FillInput;
  given: Float64Array;
  budgetLeft: Float64Array;
  money: number;
  stop: Uint8Array;
}
/**
 * The pairs that may still receive, packed for the search and grouped by resource (resource r's are
 * start[r] … start[r+1] − 1, so a count per resource is one local sum): pair, resource, target, count so
 * far, room left; and scratch for exact().
 */
interface Open {
  n: number;
  start: Int32Array;
  pair: Int32Array;
  r: Uint8Array;
  t: Float64Array;
  from: Float64Array;
  room: Float64Array;
  key: Float64Array;
  heap: Int32Array;
}

/** The first round's open pairs from all; later rounds' by compacting the last round's in place (only fewer can be open). */
function openPairs(st: State, last?: Open): Open {
  const { resources: R, target, base, cap } = st.inp;
  let o = last;
  if (!o) {
    let n = 0;
    for (let p = 0; p < target.length; p++) if (target[p]! > 0 && cap[p]! > 0) n++;
    o = {
      n,
      start: new Int32Array(R + 1),
      pair: new Int32Array(n),
      r: new Uint8Array(n),
      t: new Float64Array(n),
      from: new Float64Array(n),
      room: new Float64Array(n),
      key: new Float64Array(n),
      heap: new Int32Array(n),
    };
    let i = 0;
    for (let r = 0; r < R; r++) {
      for (let p = r; p < target.length; p += R)
        if (target[p]! > 0 && cap[p]! > 0) {
          o.pair[i] = p;
          o.r[i] = r;
          o.t[i] = target[p]!;
          i++;
        }
    }
  }
  let n = 0;
  for (let i = 0; i < o.n; i++) {
    const p = o.pair[i]!,
      r = o.r[i]!;
    if (st.given[p]! >= cap[p]! || st.stop[r]) continue;
    o.pair[n] = p;
    o.r[n] = r;
    o.t[n] = o.t[i]!;
    o.from[n] = base[p]! + st.given[p]!;
    o.room[n] = cap[p]! - st.given[p]!;
    n++;
  }
  o.n = n;
  o.start.fill(0);
  for (let i = 0; i < n; i++) o.start[o.r[i]! + 1]!++;
  for (let r = 0; r < R; r++) o.start[r + 1]! += o.start[r]!;
  return o;
}

/** Open pair i's steps below `level`: the counts v from `from` on with v ÷ t < level, at most its room. */
function stepsBelow(o: Open, i: number, level: number): number {
  const t = o.t[i]!,
    b = o.from[i]!,
    room = o.room[i]!;
  let j = Math.min(room, Math.max(0, Math.ceil(level * t - b)));
  while (j > 0 && !((b + j - 1) / t < level)) j--;
  while (j < room && (b + j) / t < level) j++;
  return j;
}

/**
 * How far every budget and the money cover all open steps below `level`: the smallest share left (≥ 0:
 * affordable; < 0: short). The counts are those of stepsBelow or a hair more (never fewer), without its
 * exact corrections: this is the search's hot loop.
 */
function slack(st: State, o: Open, level: number): number {
  const n = new Float64Array(st.inp.resources);
  countBelow(o, level, n);
  return slackOf(st, n);
}

/** The loops alone (V8 compiles a hot loop on its own; code after it in the same function deopts it on every call). */
function countBelow(o: Open, level: number, n: Float64Array): void {
  const { t, from, room, start } = o;
  for (let r = 0; r < n.length; r++) {
    let sum = 0;
    for (let i = start[r]!; i < start[r + 1]!; i++) {
      // branch-free (Math.min/max): the counts are 0 for every pair on the first calls
      const x = level * t[i]!;
      sum += Math.min(room[i]!, Math.max(0, Math.ceil(x - from[i]! + 1e-9 * (1 + x))));
    }
    n[r] = sum;
  }
}

/** The smallest share of a budget or the money left after paying for counts n (per resource). */
function slackOf(st: State, n: Float64Array): number {
  const R = st.inp.resources;
  let least = Infinity,
    spend = 0;
  for (let k = 0; k < R; k++) {
    const left = st.budgetLeft[k]!;
    if (left < Infinity) least = Math.min(least, (left - n[k]!) / Math.max(1, left));
    spend += n[k]! * st.inp.cost[k]!;
  }
  if (st.money < Infinity) least = Math.min(least, (st.money - spend) / Math.max(1, st.money));
  return least === Infinity ? 1 : least;
}

function give(st: State, o: Open, level: number): void {
  for (let i = 0; i < o.n; i++) {
    const k = stepsBelow(o, i, level);
    if (!k) continue;
    const r = o.r[i]!,
      c = st.inp.cost[r]!;
    st.given[o.pair[i]!]! += k;
    st.budgetLeft[r]! -= k;
    if (c > 0) st.money -= k * c;
  }
}

/**
 * The open pairs' steps below level `end`, one run at a time in exact order (a binary min-heap of pairs by
 * level, then index), until a resource stops.
 */
function exact(st: State, o: Open, end: number): void {
  const { resources: R, target, base, cap, cost } = st.inp;
  const { given, budgetLeft, stop } = st;
  const { pair: open, key, heap } = o; // heap: positions in `open`
  let size = 0;
  for (let i = 0; i < o.n; i++) {
    const p = open[i]!;
    key[i] = (base[p]! + given[p]!) / target[p]!;
    if (given[p]! < cap[p]! && key[i]! < end) heap[size++] = i;
  }
  const less = (a: number, b: number) => key[a]! < key[b]! || (key[a] === key[b] && open[a]! < open[b]!);
  const siftDown = (i: number) => {
    const x = heap[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && less(heap[c + 1]!, heap[c]!)) c++;
      if (!less(heap[c]!, x)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = x;
  };
  const pop = () => {
    heap[0] = heap[--size]!;
    if (size > 0) siftDown(0);
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);

  while (size > 0) {
    const i = heap[0]!,
      p = open[i]!,
      r = p % R,
      c = cost[r]!;
    const affordable = Math.min(budgetLeft[r]!, c > 0 ? Math.floor(st.money / c) : Infinity);
    if (affordable < 1) {
      stop[r] = budgetLeft[r]! < 1 ? STOP.budget : STOP.money;
      return;
    }
    // Up to the next pair's level, or the window's end (strictly below it: q = −1).
    let kq = end,
      q = -1;
    if (size > 1) {
      const j = size > 2 && less(heap[2]!, heap[1]!) ? heap[2]! : heap[1]!;
      kq = key[j]!;
      q = open[j]!;
    }
    const steps = Math.min(cap[p]! - given[p]!, affordable, stepsBefore(base[p]! + given[p]!, target[p]!, p, kq, q));
    given[p]! += steps;
    budgetLeft[r]! -= steps;
    if (c > 0) st.money -= steps * c;
    key[i] = (base[p]! + given[p]!) / target[p]!;
    if (given[p]! >= cap[p]! || !(key[i]! < end)) {
      pop();
      continue;
    }
    siftDown(0);
  }
}

/**
 * How many of pair p's next steps (from count b) come before pair q at level kq: a step from count v
 * is at level v ÷ t. At least 1 (p is the lowest); the estimate is corrected with the same division
 * the heap uses, so the order is exactly that of one step at a time.
 */
function stepsBefore(b: number, t: number, p: number, kq: number, q: number): number {
  const before = (v: number) => {
    const k = v / t;
    return k < kq || (k === kq && p < q);
  };
  let s = Math.max(1, Math.floor(kq * t - b));
  while (s > 1 && !before(b + s - 1)) s--;
  while (before(b + s)) s++;
  return s;
}
