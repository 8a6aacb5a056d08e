/**
 * The programme as numbers (what compile.ts makes of a plan, what mip.ts and greedy.ts solve): years,
 * money, actions, and the targets as terms whose shortfall the actions' effects reduce.
 *
 * A *group* is one facility that candidate actions touch; its *state* in a year is which of its
 * actions are done by then (a bit mask over its own actions). What the facility adds to each term in
 * each state is computed beforehand by applying the projects (compile.ts), so two actions on one
 * facility (an expansion, then an upgrade) are counted as the plan would count them together, not as
 * the sum of each alone. A term's figure is `base + Σ groups' delta of their state`, and its shortfall
 *   - 'max' terms (a region's beds, a street's centres, a share):  max(0, need − figure);
 *   - 'direct' terms (per-facility shortfalls of a 每所机构 target): the figure itself.
 * Weighted shortfall = weight × shortfall; the objective sums it over terms, binding (约束性) first.
 * Before it: the plan's own commitments (required actions) left out; after it: cost, then how far
 * actions moved from the years the plan gives them.
 */

export interface ProblemAction {
  /** 万元. */
  cost: number;
  /** Year index it must be done in, or −1. */
  fixed: number;
  /** First year index it may be done in. */
  first: number;
  /** Indices of the actions it must come after (same year or later). */
  after: readonly number[];
  /** Recruits it needs, per staff category (index as in Problem.staffLimit). */
  staff: readonly number[];
  /** 必做: left out only when the money cannot hold it (the first thing the programme counts). */
  required?: boolean;
  /** Year index the plan gives it, or −1/absent: the last thing counted is the distance from it. */
  preferred?: number;
}

/** What one facility adds to the terms in one year and one state (beyond its state 0, which is in the terms' base). */
export interface StateDelta {
  terms: Int32Array;
  deltas: Float64Array;
}

export interface Group {
  /** Its actions (indices into Problem.actions), at most MAX_GROUP_ACTIONS. */
  actions: readonly number[];
  /** byYear[y][state − 1]: what state (1 … 2^k − 1) adds in year index y. */
  byYear: readonly (readonly StateDelta[])[];
}

export interface Term {
  year: number;
  /** Index of its target in the standard set. */
  target: number;
  kind: 'max' | 'direct';
  need: number;
  base: number;
  weight: number;
  binding: boolean;
}

export interface Problem {
  years: number;
  /** Per year, 万元. */
  money: Float64Array;
  carryOver: boolean;
  /** Per staff category, the recruits a year allows (Infinity: no limit). */
  staffLimit: Float64Array;
  actions: ProblemAction[];
  groups: Group[];
  terms: Term[];
}

/** A schedule: per action its year index, −1 when not done. */
export type Schedule = Int32Array;

/** At most this many candidate actions on one facility (2^k states per year). */
export const MAX_GROUP_ACTIONS = 6;

export interface Evaluated {
  /** Required actions left out. */
  missing: number;
  binding: number;
  expected: number;
  cost: number;
  /** Σ years between each placed action and its preferred year. */
  deviation: number;
  /** Per term, its shortfall (unweighted). */
  shortfall: Float64Array;
}

/** A group's state in year y under a schedule: bit i set when its i-th action is done by then. */
export function stateOf(g: Group, s: Schedule, y: number): number {
  let state = 0;
  for (let i = 0; i < g.actions.length; i++) {
    const at = s[g.actions[i]!]!;
    if (at >= 0 && at <= y) state |= 1 << i;
  }
  return state;
}

/** Every term's figure under a schedule. */
export function figures(p: Problem, s: Schedule): Float64Array {
  const have = Float64Array.from(p.terms, (t) => t.base);
  for (const g of p.groups) {
    for (let y = 0; y < p.years; y++) {
      const state = stateOf(g, s, y);
      if (state === 0) continue;
      const d = g.byYear[y]![state - 1]!;
      for (let j = 0; j < d.terms.length; j++) have[d.terms[j]!]! += d.deltas[j]!;
    }
  }
  return have;
}

export const shortfallOf = (t: Term, figure: number): number => (t.kind === 'max' ? Math.max(0, t.need - figure) : figure);

/** The objective of a schedule, computed directly (no solver): what the brute force and the greedy compare. */
export function evaluate(p: Problem, s: Schedule): Evaluated {
  const have = figures(p, s);
  const shortfall = new Float64Array(p.terms.length);
  let binding = 0,
    expected = 0;
  p.terms.forEach((t, i) => {
    const v = shortfallOf(t, have[i]!);
    shortfall[i] = v;
    if (t.binding) binding += t.weight * v;
    else expected += t.weight * v;
  });
  let cost = 0,
    missing = 0,
    deviation = 0;
  p.actions.forEach((a, i) => {
    if (s[i]! >= 0) {
      cost += a.cost;
      if (a.preferred !== undefined && a.preferred >= 0) deviation += Math.abs(s[i]! - a.preferred);
    } else if (a.required) missing++;
  });
  return { missing, binding, expected, cost, deviation, shortfall };
}

/** Why a schedule breaks the rules, or null: money (with or without carry-over), recruits, fixed years, not-before, dependencies. */
export function violation(p: Problem, s: Schedule): string | null {
  const spent = new Float64Array(p.years);
  const staff = p.staffLimit.map(() => 0);
  const staffByYear = Array.from({ length: p.years }, () => new Float64Array(p.staffLimit.length));
  for (let i = 0; i < p.actions.length; i++) {
    const a = p.actions[i]!,
      y = s[i]!;
    if (a.fixed >= 0 && y !== a.fixed) return `action ${i} is fixed to year ${a.fixed}`;
    if (y < 0) continue;
    if (y < a.first) return `action ${i} before its first year`;
    for (const b of a.after) if (s[b]! < 0 || s[b]! > y) return `action ${i} before action ${b}`;
    spent[y]! += a.cost;
    a.staff.forEach((n, c) => {
      staffByYear[y]![c]! += n;
    });
  }
  let left = 0;
  for (let y = 0; y < p.years; y++) {
    left = (p.carryOver ? left : 0) + p.money[y]! - spent[y]!;
    if (left < -1e-6) return `year ${y} spends more than it has`;
    for (let c = 0; c < staff.length; c++) if (staffByYear[y]![c]! > p.staffLimit[c]! + 1e-9) return `year ${y} recruits too many`;
  }
  return null;
}

type Ranked = Pick<Evaluated, 'binding' | 'expected' | 'cost'> & Partial<Pick<Evaluated, 'missing' | 'deviation'>>;

/**
 * Lexicographic order of objectives (negative: `a` is better): required actions left out, binding
 * shortfall, expected shortfall, cost, distance from the preferred years (with a relative tolerance).
 */
export function better(a: Ranked, b: Ranked): number {
  const tol = (x: number, y: number) => 1e-7 * Math.max(1, Math.abs(x), Math.abs(y));
  const order: [number, number][] = [
    [a.missing ?? 0, b.missing ?? 0],
    [a.binding, b.binding],
    [a.expected, b.expected],
    [a.cost, b.cost],
    [a.deviation ?? 0, b.deviation ?? 0],
  ];
  for (const [x, y] of order) if (Math.abs(x - y) > tol(x, y)) return x - y;
  return 0;
}
