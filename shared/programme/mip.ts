/**
 * 精确模型: the programme as a mixed-integer program, solved in stages (lexicographic), each holding the
 * optima of those before: fewest required actions (the plan's own commitments) left out; least weighted
 * shortfall of the binding targets; of the others; least cost; least distance from the years the plan
 * gives its own projects. Columns:
 *   w[a][y] ∈ {0,1}  action a done in year y (only years it may be done in; fixed: that year, = 1);
 *   z[g][y][S] ∈ {0,1}  facility g is in state S in year y (groups of ≥ 2 actions; one action: its X);
 *   s[t] ≥ 0  shortfall of a 'max' term that the actions can change.
 * X[a][y] = Σ_{y' ≤ y} w[a][y'] (done by year y). Rows: each action at most once; after-dependencies
 * X[a][y] ≤ X[b][y]; money per year (or cumulative with carry-over); recruits per year and category;
 * Σ_S z = 1 with Σ_{S ∋ a} z = X[a][y] (so z is exactly the state); s[t] ≥ need − base − Σ delta·(X or z).
 */
import type { MipModel, MipSolver } from '../siting/mip.ts';
import { greedy } from './greedy.ts';
import { evaluate, figures, type Problem, type Schedule, shortfallOf, stateOf } from './problem.ts';

class Rows {
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly start: number[] = [0];
  readonly index: number[] = [];
  readonly value: number[] = [];
  row(lower: number, upper: number, cols: readonly number[], vals: readonly number[]): void {
    const merged = new Map<number, number>();
    cols.forEach((c, i) => merged.set(c, (merged.get(c) ?? 0) + vals[i]!));
    for (const [c, v] of merged) {
      if (v === 0) continue;
      this.index.push(c);
      this.value.push(v);
    }
    this.lower.push(lower);
    this.upper.push(upper);
    this.start.push(this.index.length);
  }
}

/** The model's columns and rows, before an objective is chosen. */
interface Built {
  cols: number;
  lower: Float64Array;
  upper: Float64Array;
  integer: Uint8Array;
  /** The rows; the staged solve appends each stage's optimum here, in place, for the stages after it. */
  rows: Rows;
  /** w column of action a in year y, or −1. */
  w: (a: number, y: number) => number;
  /** z columns of group g, year y, state S (≥ 1), or −1 (a one-action group uses its X). */
  z: (g: number, y: number, s: number) => number;
  /** s column of term t, or −1 (a 'direct' term, or one no action changes). */
  sCol: Int32Array;
  /** Per term: the columns and coefficients of Σ delta·(X or z). */
  expr: { cols: number[]; vals: number[] }[];
}

/** `hard`: every 'max' term must be met and every 'direct' one be 0 (no s columns): for the cost to meet a target. */
function build(p: Problem, hard = false): Built {
  const Y = p.years;
  const wCol = new Int32Array(p.actions.length * Y).fill(-1);
  let cols = 0;
  const lower: number[] = [],
    upper: number[] = [],
    integer: number[] = [];
  const col = (lo: number, up: number, int: boolean) => {
    lower.push(lo);
    upper.push(up);
    integer.push(int ? 1 : 0);
    return cols++;
  };
  p.actions.forEach((a, i) => {
    for (let y = a.first; y < Y; y++) if (a.fixed < 0 || a.fixed === y) wCol[i * Y + y] = col(a.fixed === y ? 1 : 0, 1, true);
  });
  const w = (a: number, y: number) => wCol[a * Y + y]!;
  /** X[a][y] as columns. */
  const X = (a: number, y: number, coef: number, cs: number[], vs: number[]) => {
    for (let yy = 0; yy <= y; yy++) {
      const c = w(a, yy);
      if (c >= 0) {
        cs.push(c);
        vs.push(coef);
      }
    }
  };
  const zStart = new Int32Array(p.groups.length * Y).fill(-1);
  p.groups.forEach((g, gi) => {
    if (g.actions.length < 2) return;
    for (let y = 0; y < Y; y++) {
      zStart[gi * Y + y] = cols;
      for (let s = 1; s < 1 << g.actions.length; s++) col(0, 1, true);
    }
  });
  const z = (g: number, y: number, s: number) => (zStart[g * Y + y]! < 0 ? -1 : zStart[g * Y + y]! + s - 1);

  const expr = p.terms.map(() => ({ cols: [] as number[], vals: [] as number[] }));
  p.groups.forEach((g, gi) => {
    for (let y = 0; y < Y; y++) {
      const states = g.byYear[y]!;
      states.forEach((d, k) => {
        for (let j = 0; j < d.terms.length; j++) {
          const e = expr[d.terms[j]!]!;
          if (g.actions.length === 1) X(g.actions[0]!, y, d.deltas[j]!, e.cols, e.vals);
          else {
            e.cols.push(z(gi, y, k + 1));
            e.vals.push(d.deltas[j]!);
          }
        }
      });
    }
  });
  const sCol = new Int32Array(p.terms.length).fill(-1);
  if (!hard) p.terms.forEach((t, i) => t.kind === 'max' && expr[i]!.cols.length > 0 && (sCol[i] = col(0, Infinity, false)));

  const rows = new Rows();
  p.actions.forEach((a, i) => {
    const cs: number[] = [];
    for (let y = 0; y < Y; y++) if (w(i, y) >= 0) cs.push(w(i, y));
    if (cs.length > 1)
      rows.row(
        -Infinity,
        1,
        cs,
        cs.map(() => 1),
      );
    for (const b of a.after)
      for (let y = 0; y < Y; y++) {
        const c: number[] = [],
          v: number[] = [];
        X(i, y, 1, c, v);
        X(b, y, -1, c, v);
        if (c.length) rows.row(-Infinity, 0, c, v);
      }
  });
  let money = 0;
  for (let y = 0; y < Y; y++) {
    money = (p.carryOver ? money : 0) + p.money[y]!;
    if (!Number.isFinite(money)) continue;
    const c: number[] = [],
      v: number[] = [];
    p.actions.forEach((a, i) => {
      for (let yy = p.carryOver ? 0 : y; yy <= y; yy++)
        if (w(i, yy) >= 0 && a.cost !== 0) {
          c.push(w(i, yy));
          v.push(a.cost);
        }
    });
    if (c.length) rows.row(-Infinity, money, c, v);
  }
  p.staffLimit.forEach((limit, k) => {
    if (!Number.isFinite(limit)) return;
    for (let y = 0; y < Y; y++) {
      const c: number[] = [],
        v: number[] = [];
      p.actions.forEach((a, i) => {
        if (w(i, y) >= 0 && (a.staff[k] ?? 0) > 0) {
          c.push(w(i, y));
          v.push(a.staff[k]!);
        }
      });
      if (c.length) rows.row(-Infinity, limit, c, v);
    }
  });
  p.groups.forEach((g, gi) => {
    if (g.actions.length < 2) return;
    const states = 1 << g.actions.length;
    for (let y = 0; y < Y; y++) {
      const all: number[] = [];
      for (let s = 1; s < states; s++) all.push(z(gi, y, s));
      rows.row(
        -Infinity,
        1,
        all,
        all.map(() => 1),
      );
      g.actions.forEach((a, bit) => {
        const c: number[] = [],
          v: number[] = [];
        for (let s = 1; s < states; s++)
          if (s & (1 << bit)) {
            c.push(z(gi, y, s));
            v.push(1);
          }
        X(a, y, -1, c, v);
        rows.row(0, 0, c, v);
      });
    }
  });
  p.terms.forEach((t, i) => {
    const e = expr[i]!;
    if (t.kind === 'max' && sCol[i]! >= 0) rows.row(t.need - t.base, Infinity, [sCol[i]!, ...e.cols], [1, ...e.vals]);
    else if (hard && t.kind === 'max') rows.row(t.need - t.base, Infinity, e.cols, e.vals);
    else if (hard) rows.row(-Infinity, -t.base, e.cols, e.vals);
  });
  return { cols, lower: Float64Array.from(lower), upper: Float64Array.from(upper), integer: Uint8Array.from(integer), rows, w, z, sCol, expr };
}

/** The columns' values for a schedule (a start for the solver). */
function startOf(p: Problem, b: Built, s: Schedule): Float64Array {
  const x = new Float64Array(b.cols);
  s.forEach((y, a) => {
    if (y >= 0 && b.w(a, y) >= 0) x[b.w(a, y)] = 1;
  });
  p.groups.forEach((g, gi) => {
    if (g.actions.length < 2) return;
    for (let y = 0; y < p.years; y++) {
      const st = stateOf(g, s, y);
      if (st > 0) x[b.z(gi, y, st)] = 1;
    }
  });
  const have = figures(p, s);
  p.terms.forEach((t, i) => {
    if (b.sCol[i]! >= 0) x[b.sCol[i]!] = shortfallOf(t, have[i]!);
  });
  return x;
}

function scheduleOf(p: Problem, b: Built, x: Float64Array): Schedule {
  const s: Schedule = new Int32Array(p.actions.length).fill(-1);
  p.actions.forEach((_, a) => {
    for (let y = 0; y < p.years; y++) if (b.w(a, y) >= 0 && x[b.w(a, y)]! > 0.5) s[a] = y;
  });
  return s;
}

/** One stage's objective: its linear part (cost per column) and its constant. */
type Stage = 'required' | 'binding' | 'expected' | 'cost' | 'deviation';

function objective(p: Problem, b: Built, stage: Stage): { cost: Float64Array; offset: number } {
  const cost = new Float64Array(b.cols);
  let offset = 0;
  if (stage === 'required' || stage === 'deviation') {
    p.actions.forEach((a, i) => {
      if (stage === 'required' && !a.required) return;
      if (stage === 'required') offset += 1;
      for (let y = 0; y < p.years; y++)
        if (b.w(i, y) >= 0) cost[b.w(i, y)] = stage === 'required' ? -1 : a.preferred !== undefined && a.preferred >= 0 ? Math.abs(y - a.preferred) : 0;
    });
    return { cost, offset };
  }
  if (stage === 'cost') {
    p.actions.forEach((a, i) => {
      for (let y = 0; y < p.years; y++) if (b.w(i, y) >= 0) cost[b.w(i, y)] = a.cost;
    });
    return { cost, offset };
  }
  p.terms.forEach((t, i) => {
    if (t.binding !== (stage === 'binding') || t.weight === 0) return;
    if (t.kind === 'direct') {
      offset += t.weight * t.base;
      b.expr[i]!.cols.forEach((c, j) => {
        cost[c]! += t.weight * b.expr[i]!.vals[j]!;
      });
    } else if (b.sCol[i]! >= 0) cost[b.sCol[i]!]! += t.weight;
    else offset += t.weight * Math.max(0, t.need - t.base);
  });
  return { cost, offset };
}

function model(b: Built, cost: Float64Array, offset: number, start?: Float64Array): MipModel {
  const r = b.rows;
  return {
    sense: 'minimize',
    offset,
    colCost: cost,
    colLower: b.lower,
    colUpper: b.upper,
    integer: b.integer,
    rowLower: Float64Array.from(r.lower),
    rowUpper: Float64Array.from(r.upper),
    rowStart: Int32Array.from(r.start),
    index: Int32Array.from(r.index),
    value: Float64Array.from(r.value),
    ...(start ? { start } : {}),
  };
}

export interface Solved {
  schedule: Schedule;
  /** Required actions left out (the money could not hold them). */
  missing: number;
  binding: number;
  expected: number;
  cost: number;
  deviation: number;
  bound: { binding: number; expected: number };
  gap: number;
  optimal: boolean;
  solver: 'highs' | 'greedy';
  /** The rules cannot all hold (fixed actions over the money, a dependency on a later fixed action …). */
  infeasible: boolean;
}

const relGap = (obj: number, bound: number) => (obj <= 1e-9 ? 0 : Math.max(0, (obj - bound) / Math.abs(obj)));

/** The programme: greedy start, then the three stages with HiGHS (each a share of the time limit). */
export function solveProgramme(p: Problem, solver: MipSolver | undefined, opts: { timeLimitSeconds: number }): Solved {
  const start = greedy(p);
  const g = evaluate(p, start);
  const greedyOut = (infeasible: boolean): Solved => ({
    schedule: start,
    missing: g.missing,
    deviation: g.deviation,
    binding: g.binding,
    expected: g.expected,
    cost: g.cost,
    bound: { binding: 0, expected: 0 },
    gap: g.binding > 1e-9 ? 1 : relGap(g.expected, 0),
    optimal: g.binding <= 1e-9 && g.expected <= 1e-9,
    solver: 'greedy',
    infeasible,
  });
  // Nothing to place: the one schedule there is, is the best.
  if (p.actions.length === 0)
    return { ...greedyOut(false), bound: { binding: g.binding, expected: g.expected }, gap: 0, optimal: true, solver: solver ? 'highs' : 'greedy' };
  if (!solver) return greedyOut(false);
  const b = build(p);
  let x = startOf(p, b, start);
  const bound = { binding: 0, expected: 0 };
  let gap = 0,
    optimal = true,
    infeasible = false;
  const shares: Record<Stage, number> = { required: 0.1, binding: 0.35, expected: 0.35, cost: 0.1, deviation: 0.1 };
  const stages: Stage[] = [
    ...(p.actions.some((a) => a.required) ? (['required'] as const) : []),
    'binding',
    'expected',
    'cost',
    ...(p.actions.some((a) => a.preferred !== undefined && a.preferred >= 0) ? (['deviation'] as const) : []),
  ];
  // Each stage gets its share of the time the stages before it left (a stage proven fast passes its time on).
  const end = Date.now() + opts.timeLimitSeconds * 1000;
  for (const [k, stage] of stages.entries()) {
    const o = objective(p, b, stage);
    // The model's rows hold the earlier stages' optima too (each appended to b.rows as its stage ends).
    const m = model(b, o.cost, o.offset, x);
    const left = Math.max(0, end - Date.now()) / 1000;
    const share = shares[stage] / stages.slice(k).reduce((sum, x) => sum + shares[x], 0);
    const r = solver(m, { timeLimitSeconds: Math.max(0.05, left * share), relGap: 1e-6 });
    if (!r.x) {
      if (r.status === 'infeasible') infeasible = true;
      if (stage === stages[0]) return greedyOut(infeasible || r.status === 'infeasible');
      optimal = false;
      break;
    }
    x = r.x;
    const value = r.objective;
    const proven = Math.min(value, Number.isFinite(r.bound) ? r.bound : 0);
    if (stage === 'binding' || stage === 'expected') bound[stage] = proven;
    if (r.status !== 'optimal') {
      // The gap of the first part not proven optimal (later parts are optimal only given it).
      if (optimal) gap = relGap(value, proven);
      optimal = false;
    }
    const cols: number[] = [],
      vals: number[] = [];
    o.cost.forEach((c, j) => {
      if (c !== 0) {
        cols.push(j);
        vals.push(c);
      }
    });
    // This stage's optimum, held by the stages after it.
    b.rows.row(-Infinity, value - o.offset + Math.max(1e-6, 1e-7 * Math.abs(value)), cols, vals);
  }
  const schedule = scheduleOf(p, b, x);
  const e = evaluate(p, schedule);
  return {
    schedule,
    missing: e.missing,
    binding: e.binding,
    expected: e.expected,
    cost: e.cost,
    deviation: e.deviation,
    bound,
    gap,
    optimal,
    solver: 'highs',
    infeasible,
  };
}

/**
 * The least cost (万元) of candidate actions that, beside the fixed ones, would meet target `target` in
 * the last year whatever the money: null when no choice of the candidates meets it, undefined when the time
 * allowed found none either way.
 */
export function costToMeet(p: Problem, target: number, solver: MipSolver, timeLimitSeconds: number): number | null | undefined {
  const last = p.years - 1;
  const q: Problem = {
    years: 1,
    money: Float64Array.of(Infinity),
    carryOver: false,
    staffLimit: p.staffLimit.map(() => Infinity),
    actions: p.actions.map((a) => ({ ...a, first: 0, fixed: a.fixed >= 0 ? 0 : -1 })),
    groups: p.groups.map((g) => ({ actions: g.actions, byYear: [g.byYear[last]!] })),
    terms: [],
  };
  // Only the target's terms of the last year, renumbered.
  const keep = new Map<number, number>();
  p.terms.forEach((t, i) => {
    if (t.target === target && t.year === last) {
      keep.set(i, q.terms.length);
      q.terms.push({ ...t, year: 0 });
    }
  });
  q.groups = q.groups.map((g) => ({
    actions: g.actions,
    byYear: [
      g.byYear[0]!.map((d) => {
        const terms: number[] = [],
          deltas: number[] = [];
        d.terms.forEach((t, j) => {
          const k = keep.get(t);
          if (k !== undefined) {
            terms.push(k);
            deltas.push(d.deltas[j]!);
          }
        });
        return { terms: Int32Array.from(terms), deltas: Float64Array.from(deltas) };
      }),
    ],
  }));
  const b = build(q, true);
  // No column (nothing to place): met already, or no choice meets it.
  if (b.cols === 0) return q.terms.every((t) => (t.kind === 'max' ? t.need - t.base <= 1e-9 : t.base <= 1e-9)) ? 0 : null;
  const o = objective(q, b, 'cost');
  const r = solver(model(b, o.cost, 0), { timeLimitSeconds, relGap: 1e-6 });
  const fixed = p.actions.reduce((s, a) => s + (a.fixed >= 0 ? a.cost : 0), 0);
  if (r.x) return Math.max(0, r.objective - fixed);
  return r.status === 'infeasible' ? null : undefined;
}
