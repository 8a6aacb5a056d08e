/**
 * The greedy programme: year by year, the decided (fixed) actions first, then, while money and
 * recruits last, the action that closes the most binding shortfall per 万元 (then the most of the
 * others'), as long as it closes any. A feasible start for the exact model (mip.ts) and the answer when
 * the solver cannot run; its quality is then stated against the solver's bound.
 */
import { figures, type Problem, type Schedule, shortfallOf, stateOf } from './problem.ts';

/** Per action: its group and its bit in the group's state (−1: it changes no facility). */
export function actionGroups(p: Problem): { group: Int32Array; bit: Int32Array } {
  const group = new Int32Array(p.actions.length).fill(-1);
  const bit = new Int32Array(p.actions.length).fill(-1);
  p.groups.forEach((g, gi) =>
    g.actions.forEach((a, i) => {
      group[a] = gi;
      bit[a] = i;
    }),
  );
  return { group, bit };
}

export function greedy(p: Problem): Schedule {
  const n = p.actions.length;
  const s: Schedule = new Int32Array(n).fill(-1);
  const { group, bit } = actionGroups(p);
  const have = figures(p, s);
  const change = new Float64Array(p.terms.length);
  const touched: number[] = [];

  // What doing action a in year y (and keeping it) changes, binding and expected, summed over the years from y.
  const gain = (a: number, y: number, apply: boolean): [number, number] => {
    const gi = group[a]!;
    if (gi < 0) return [0, 0];
    const g = p.groups[gi]!;
    let gb = 0,
      ge = 0;
    for (let yy = y; yy < p.years; yy++) {
      const st = stateOf(g, s, yy);
      const st2 = st | (1 << bit[a]!);
      if (st2 === st) continue;
      const add = g.byYear[yy]![st2 - 1]!;
      for (let j = 0; j < add.terms.length; j++) {
        const t = add.terms[j]!;
        if (change[t] === 0) touched.push(t);
        change[t]! += add.deltas[j]!;
      }
      if (st > 0) {
        const sub = g.byYear[yy]![st - 1]!;
        for (let j = 0; j < sub.terms.length; j++) {
          const t = sub.terms[j]!;
          if (change[t] === 0) touched.push(t);
          change[t]! -= sub.deltas[j]!;
        }
      }
    }
    for (const t of touched) {
      const term = p.terms[t]!;
      const d = term.weight * (shortfallOf(term, have[t]!) - shortfallOf(term, have[t]! + change[t]!));
      if (term.binding) gb += d;
      else ge += d;
      if (apply) have[t]! += change[t]!;
      change[t] = 0;
    }
    touched.length = 0;
    return [gb, ge];
  };

  // What the fixed actions need by their year: themselves and, in turn, the actions they must come after (each its deadline).
  const deadline = new Int32Array(n).fill(p.years);
  p.actions.forEach((a, i) => {
    if (a.fixed >= 0) deadline[i] = a.fixed;
  });
  for (let round = 0, changed = true; changed && round <= n; round++) {
    changed = false;
    p.actions.forEach((a, i) => {
      for (const b of a.after)
        if (deadline[i]! < deadline[b]!) {
          deadline[b] = deadline[i]!;
          changed = true;
        }
    });
  }
  const spent = new Float64Array(p.years);
  let carried = 0;
  for (let y = 0; y < p.years; y++) {
    const staffUsed = new Float64Array(p.staffLimit.length);
    const place = (a: number) => {
      gain(a, y, true);
      s[a] = y;
      spent[y]! += p.actions[a]!.cost;
      p.actions[a]!.staff.forEach((k, c) => {
        staffUsed[c]! += k;
      });
    };
    for (let a = 0; a < n; a++) if (s[a]! < 0 && (p.actions[a]!.fixed === y || (deadline[a] === y && p.actions[a]!.first <= y))) place(a);
    const budget = () => (p.carryOver ? carried : 0) + p.money[y]! - spent[y]!;
    // With carry-over, what this year may spend keeps the money later years' fixed actions (and what they follow) need.
    const room = () => {
      let left = budget(),
        least = left;
      if (!p.carryOver) return left;
      const due = new Float64Array(p.years);
      for (let a = 0; a < n; a++) if (s[a]! < 0 && deadline[a]! < p.years) due[deadline[a]!]! += p.actions[a]!.cost;
      for (let k = y + 1; k < p.years; k++) {
        left += p.money[k]! - due[k]!;
        least = Math.min(least, left);
      }
      return least;
    };
    // `money`: room() as it stands (it changes only when an action is placed, so a scan reads it once).
    const fits = (a: number, money: number) => {
      const act = p.actions[a]!;
      return (
        s[a]! < 0
        && act.fixed < 0
        && act.first <= y
        && act.cost <= money + 1e-9
        && act.after.every((b) => s[b]! >= 0 && s[b]! <= y)
        && act.staff.every((k, c) => staffUsed[c]! + k <= p.staffLimit[c]! + 1e-9)
      );
    };
    // The plan's own commitments first, from their preferred year on, earliest preferred first.
    const due = p.actions
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => a.required && (a.preferred ?? 0) <= y)
      .sort((x, z) => (x.a.preferred ?? 0) - (z.a.preferred ?? 0) || x.i - z.i);
    for (const { i } of due) if (fits(i, room())) place(i);
    for (;;) {
      let best = -1,
        bestB = 0,
        bestE = 0,
        bestCost = 1;
      const money = room();
      for (let a = 0; a < n; a++) {
        if (!fits(a, money)) continue;
        const act = p.actions[a]!;
        const [gb, ge] = gain(a, y, false);
        if (gb <= 1e-9 && ge <= 1e-9) continue;
        const c = Math.max(act.cost, 1e-6);
        const better = best < 0 || (gb > 1e-9 || bestB > 1e-9 ? gb / c > bestB / bestCost + 1e-12 : ge / c > bestE / bestCost + 1e-12);
        if (better) {
          best = a;
          bestB = gb;
          bestE = ge;
          bestCost = c;
        }
      }
      if (best < 0) break;
      place(best);
    }
    carried = budget();
  }
  return s;
}
