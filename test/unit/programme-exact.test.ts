// 分年度实施计划 against an independent formulation: small random programmes (2–3 years, 3–6 actions) solved
// by the exact model (HiGHS, lexicographic stages) and by enumerating every schedule (each action in no year
// or one year: at most 4^6 = 4,096). The brute force keeps the schedules violation() allows, checks its own
// reading of the rules agrees, scores each from the definitions in problem.ts (written again here, not its
// evaluate()) and takes the lexicographic best: required (必做) actions left out, binding, expected, cost,
// then years away from those the plan gives.
// The instances have what compile.ts makes of a plan: facilities with 1–3 actions whose states add what the
// plan would count together (an expansion and an upgrade of one facility are not the sum of each alone),
// 'max' terms (a region's beds, a unit's centres) and 'direct' ones (每所机构 shortfalls), binding and not,
// money that binds with and without carry-over, fixed / not-before / after rules, recruit limits, required
// actions and preferred years.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMipSolver } from '../../electron/backend/siting/exact.ts';
import { greedy } from '../../shared/programme/greedy.ts';
import { solveProgramme } from '../../shared/programme/mip.ts';
import { evaluate, type Group, type Problem, type ProblemAction, type StateDelta, type Term, violation } from '../../shared/programme/problem.ts';
import { mulberry32 } from '../../shared/sample/prng.ts';
import type { MipSolver } from '../../shared/siting/mip.ts';

let solver: MipSolver;
beforeAll(async () => {
  solver = await loadMipSolver();
});

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** A random small programme, as compile.ts would shape one. */
function randomProblem(seed: number): Problem {
  const r = mulberry32(seed);
  const Y = int(r, 2, 3);
  const n = int(r, 3, 6);
  const integral = r() < 0.5; // whole beds and 万元 (ties, so the cost stage decides) or not

  // Facilities: consecutive runs of 1–3 actions; now and then an action on no facility (其他项目).
  const groups: number[][] = [];
  for (let a = 0; a < n; ) {
    if (r() < 0.1) {
      a++;
      continue;
    }
    const k = Math.min(n - a, int(r, 1, 3));
    groups.push(Array.from({ length: k }, (_, i) => a + i));
    a += k;
  }

  // Targets: 1–3, each 'max' (one term a year, or one per unit: presence) or 'direct'.
  const targets = Array.from({ length: int(r, 1, 3) }, () => ({
    kind: r() < 0.7 ? ('max' as const) : ('direct' as const),
    binding: r() < 0.5,
    units: r() < 0.3 ? 2 : 1,
    dueFrom: r() < 0.2 ? 1 : 0,
  }));
  const terms: Term[] = [];
  const termsOf: number[][] = Array.from({ length: Y }, () => []);
  for (let y = 0; y < Y; y++)
    targets.forEach((t, ti) => {
      if (y < t.dueFrom) return;
      for (let u = 0; u < t.units; u++) {
        termsOf[y]!.push(terms.length);
        terms.push({
          year: y,
          target: ti,
          kind: t.kind,
          need: t.kind === 'max' ? int(r, 5, 60) : 0,
          base: 0,
          weight: integral ? int(r, 1, 5) * 1000 : 100 + r() * 5000,
          binding: t.binding,
        });
      }
    });

  // Each action's own effect on each term (by its place in a year's list), mostly adding (beds, a centre) and
  // for direct terms mostly closing (a facility's own shortfall); sometimes taking away (an upgrade leaves a count).
  const single = Array.from({ length: n }, () =>
    targets.map((t) => {
      if (r() < 0.35) return 0;
      const v = integral ? int(r, 1, 25) : 0.5 + r() * 25;
      const sign = r() < 0.12 ? -1 : 1;
      return t.kind === 'max' ? sign * v : -sign * v;
    }),
  );
  const byGroup: Group[] = groups.map((acts) => {
    const byYear: StateDelta[][] = [];
    // The interaction of a state (two or more actions): a fixed extra per state, the same every year.
    const extra = Array.from({ length: 1 << acts.length }, (_, s) =>
      targets.map(() => ((s & (s - 1)) !== 0 && r() < 0.5 ? (integral ? int(r, -10, 10) : -10 + r() * 20) : 0)),
    );
    for (let y = 0; y < Y; y++) {
      const states: StateDelta[] = [];
      for (let s = 1; s < 1 << acts.length; s++) {
        const t: number[] = [],
          d: number[] = [];
        for (const ti of termsOf[y]!) {
          const target = terms[ti]!.target;
          // A facility is in one unit: a presence-like target with two units is touched only in the first.
          if (targets[target]!.units > 1 && ti !== termsOf[y]!.find((x) => terms[x]!.target === target)) continue;
          let v = extra[s]![target]!;
          acts.forEach((a, bit) => {
            if (s & (1 << bit)) v += single[a]![target]!;
          });
          if (v !== 0) {
            t.push(ti);
            d.push(v);
          }
        }
        states.push({ terms: Int32Array.from(t), deltas: Float64Array.from(d) });
      }
      byYear.push(states);
    }
    return { actions: acts, byYear };
  });
  // Bases: a 'max' term some way below or above its need; a 'direct' one at least what every facility could close.
  for (const [i, t] of terms.entries()) {
    if (t.kind === 'max') t.base = Math.max(0, t.need - int(r, -5, 70));
    else {
      let closable = 0;
      for (const g of byGroup) {
        let most = 0;
        for (const d of g.byYear[t.year]!) d.terms.forEach((x, j) => x === i && (most = Math.max(most, -d.deltas[j]!)));
        closable += most;
      }
      t.base = closable + int(r, 0, 10);
    }
  }

  const actions: ProblemAction[] = Array.from({ length: n }, () => ({
    cost: integral ? int(r, 1, 12) * 50 : 20 + r() * 600,
    fixed: -1,
    first: 0,
    after: [],
    staff: [0, 0],
  }));
  for (const [i, a] of actions.entries()) {
    if (r() < 0.15) a.first = int(r, 1, Y - 1);
    if (r() < 0.1) a.fixed = int(r, a.first, Y - 1);
    if (i > 0 && r() < 0.2) a.after = [int(r, 0, i - 1)];
    if (r() < 0.4) a.staff = [int(r, 0, 3), int(r, 0, 2)];
    if (r() < 0.05) a.cost = 0;
    // The plan's own commitments (必做) and the years the plan gives them.
    if (r() < 0.2) a.required = true;
    if (r() < 0.25) a.preferred = int(r, 0, Y - 1);
  }
  const total = actions.reduce((s, a) => s + a.cost, 0);
  // Money that binds: all of it would buy 30–90% of the candidates.
  const share = 0.3 + r() * 0.6;
  const money = Float64Array.from({ length: Y }, () => (total * share * (0.5 + r())) / Y);
  if (integral) money.forEach((m, y) => (money[y] = Math.round(m / 50) * 50));
  const staffLimit = r() < 0.3 ? Float64Array.of(int(r, 2, 5), int(r, 1, 3)) : Float64Array.of(Infinity, Infinity);
  return { years: Y, money, carryOver: r() < 0.5, staffLimit, actions, groups: byGroup, terms };
}

/** The rules as the issue states them, read again: fixed year, not before, after (same year or later), money, recruits. */
function allowed(p: Problem, s: Int32Array): boolean {
  for (let i = 0; i < p.actions.length; i++) {
    const a = p.actions[i]!;
    if (a.fixed >= 0 && s[i] !== a.fixed) return false;
    if (s[i]! < 0) continue;
    if (s[i]! < a.first) return false;
    for (const b of a.after) if (s[b]! < 0 || s[b]! > s[i]!) return false;
  }
  let had = 0,
    spent = 0;
  for (let y = 0; y < p.years; y++) {
    let year = 0;
    const staff = [0, 0];
    p.actions.forEach((a, i) => {
      if (s[i] !== y) return;
      year += a.cost;
      a.staff.forEach((k, c) => {
        staff[c]! += k;
      });
    });
    if (p.carryOver) {
      had += p.money[y]!;
      spent += year;
      if (spent > had + 1e-6) return false;
    } else if (year > p.money[y]! + 1e-6) return false;
    if (staff.some((k, c) => k > p.staffLimit[c]!)) return false;
  }
  return true;
}

interface Score {
  /** Required (必做) actions left out. */
  missing: number;
  binding: number;
  expected: number;
  cost: number;
  /** Years between each placed action and the year the plan gives it. */
  deviation: number;
}

/** The objective from the definitions: each term's figure is its base plus, per facility, what the facility's state that year adds. */
function score(p: Problem, s: Int32Array): Score {
  const out: Score = { missing: 0, binding: 0, expected: 0, cost: 0, deviation: 0 };
  p.terms.forEach((t, ti) => {
    let figure = t.base;
    for (const g of p.groups) {
      let state = 0;
      g.actions.forEach((a, bit) => {
        if (s[a]! >= 0 && s[a]! <= t.year) state += 2 ** bit;
      });
      if (state === 0) continue;
      const d = g.byYear[t.year]![state - 1]!;
      for (let j = 0; j < d.terms.length; j++) if (d.terms[j] === ti) figure += d.deltas[j]!;
    }
    const short = t.kind === 'max' ? (figure < t.need ? t.need - figure : 0) : figure;
    if (t.binding) out.binding += t.weight * short;
    else out.expected += t.weight * short;
  });
  p.actions.forEach((a, i) => {
    if (s[i]! < 0) out.missing += a.required ? 1 : 0;
    else {
      out.cost += a.cost;
      if (a.preferred !== undefined && a.preferred >= 0) out.deviation += Math.abs(s[i]! - a.preferred);
    }
  });
  return out;
}

const close = (a: number, b: number, rel = 1e-6) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
const PARTS = ['missing', 'binding', 'expected', 'cost', 'deviation'] as const;
/** a before b lexicographically (required left out, binding, expected, cost, deviation), ties within 1e-9 relative. */
function lexLess(a: Score, b: Score): boolean {
  for (const k of PARTS) if (!close(a[k], b[k], 1e-9)) return a[k] < b[k];
  return false;
}
/** a is at least b lexicographically on required left out, binding, expected (b a bound on the last two), within 1e-6 relative. */
function atLeast(a: Pick<Score, 'missing' | 'binding' | 'expected'>, b: Pick<Score, 'missing' | 'binding' | 'expected'>): boolean {
  if (a.missing !== b.missing) return a.missing > b.missing;
  if (!close(a.binding, b.binding)) return a.binding > b.binding;
  return a.expected >= b.expected - 1e-6 * Math.max(1, Math.abs(b.expected));
}

/** Every schedule: the best allowed one and how many are allowed. */
function bruteForce(p: Problem): { best: Score | null; schedule: Int32Array | null; feasible: number; disagree: number } {
  const n = p.actions.length;
  const s = new Int32Array(n).fill(-1);
  let best: Score | null = null,
    at: Int32Array | null = null,
    feasible = 0,
    disagree = 0;
  for (;;) {
    const ok = violation(p, s) === null;
    if (ok !== allowed(p, s)) disagree++;
    if (ok) {
      feasible++;
      const v = score(p, s);
      if (!best || lexLess(v, best)) {
        best = v;
        at = s.slice();
      }
    }
    let i = 0;
    while (i < n && s[i] === p.years - 1) s[i++] = -1;
    if (i === n) break;
    s[i]!++;
  }
  return { best, schedule: at, feasible, disagree };
}

describe('the exact programme against brute-force enumeration', () => {
  it('agrees with every schedule enumerated on 240 random programmes; the bound holds; the greedy never beats it', () => {
    const t0 = performance.now();
    let compared = 0,
      infeasible = 0,
      greedyBetterThanBound = 0,
      greedyBroke = 0,
      greedyOptimal = 0;
    const kinds = { carry: 0, staff: 0, fixed: 0, after: 0, notBefore: 0, interacting: 0, direct: 0, required: 0, preferred: 0 };
    for (let seed = 1; compared < 240; seed++) {
      const p = randomProblem(seed);
      const bf = bruteForce(p);
      expect(bf.disagree, `seed ${seed}: violation() and the rules as stated differ`).toBe(0);
      const solved = solveProgramme(p, solver, { timeLimitSeconds: 10 });
      if (!bf.best) {
        // No schedule keeps the rules (a fixed action over its year's money, or before what it must follow).
        expect(solved.infeasible || solved.solver === 'greedy', `seed ${seed}: nothing is allowed, yet the solver says it solved`).toBe(true);
        infeasible++;
        continue;
      }
      compared++;
      const where = `seed ${seed}: solver ${JSON.stringify([solved.missing, solved.binding, solved.expected, solved.cost, solved.deviation])}, brute force ${JSON.stringify(bf.best)} at [${bf.schedule!.join(',')}], solver at [${solved.schedule.join(',')}]`;
      expect(solved.solver, where).toBe('highs');
      expect(solved.optimal, where).toBe(true);
      expect(violation(p, solved.schedule), where).toBeNull();
      // Its figures are the schedule's, read from the definitions.
      const mine = score(p, solved.schedule);
      for (const k of PARTS) expect(close(mine[k], solved[k]), `${where}: its ${k}`).toBe(true);
      // The optimum, in every part.
      for (const k of PARTS) expect(close(solved[k], bf.best[k]), `${where}: ${k}`).toBe(true);
      // The bound is a bound: no schedule does better.
      expect(atLeast(bf.best, { missing: solved.missing, ...solved.bound }), `${where}: bound ${JSON.stringify(solved.bound)}`).toBe(true);
      // The greedy: when it keeps the rules, never better than the bound (nor the optimum).
      const g = greedy(p);
      if (violation(p, g) !== null) greedyBroke++;
      else {
        const e = evaluate(p, g);
        if (!atLeast(e, { missing: solved.missing, ...solved.bound })) greedyBetterThanBound++;
        expect(lexLess(e, bf.best), `seed ${seed}: greedy ${JSON.stringify([e.missing, e.binding, e.expected, e.cost, e.deviation])} beats the optimum`).toBe(
          false,
        );
        if (!lexLess(bf.best, e)) greedyOptimal++;
      }
      kinds.carry += p.carryOver ? 1 : 0;
      kinds.staff += Number.isFinite(p.staffLimit[0]!) ? 1 : 0;
      kinds.fixed += p.actions.some((a) => a.fixed >= 0) ? 1 : 0;
      kinds.after += p.actions.some((a) => a.after.length > 0) ? 1 : 0;
      kinds.notBefore += p.actions.some((a) => a.first > 0) ? 1 : 0;
      kinds.interacting += p.groups.some((g) => g.actions.length > 1) ? 1 : 0;
      kinds.direct += p.terms.some((t) => t.kind === 'direct') ? 1 : 0;
      kinds.required += p.actions.some((a) => a.required) ? 1 : 0;
      kinds.preferred += p.actions.some((a) => (a.preferred ?? -1) >= 0) ? 1 : 0;
    }
    expect(greedyBetterThanBound).toBe(0);
    // The greedy keeps the rules wherever some schedule does, on these instances: it places what a fixed action
    // must follow by the fixed year, and with carry-over keeps the money later fixed actions need.
    expect(greedyBroke).toBe(0);
    // The instances exercise every rule: at least a fifth of them each.
    for (const [k, v] of Object.entries(kinds)) expect(v, k).toBeGreaterThanOrEqual(compared / 5);
    console.log(
      `programme-exact: ${compared} compared, ${infeasible} with no allowed schedule, greedy optimal on ${greedyOptimal}, greedy broke a rule on ${greedyBroke}; ${JSON.stringify(kinds)}; ${(performance.now() - t0).toFixed(0)} ms`,
    );
  });
});
