// The allocator against the optimum of the LP, solved with HiGHS.
//
// The objective the rule attains (shared/allocation/allocate.ts) is leximin on achievement: a short
// unit–resource pair's achievement is (current + x) ÷ (min × population ÷ per); among all allocations
// within the budgets, the money and the facilities' limits, the lowest achievement is as high as
// possible, then the next lowest, and so on. The LP has one variable per facility and resource (0 …
// its room) and is solved as the usual sequence: maximise t with every open pair at least t; a pair
// that cannot rise above t is fixed at t; repeat with the others. The allocator works in whole units,
// so each pair may differ by one unit (1 ÷ target ≤ 0.5% here), and where the money runs out a cheaper
// resource may use the last yuan (≤ one more unit with the costs below): within 1% of the target.
// Where money does not bind, every resource also closes the most shortfall possible (max Σ x: exact).
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../../shared/allocation/allocate.ts';
import { RESOURCES, type Resource } from '../../../shared/allocation/resources.ts';
import type { AllocationInput } from '../../../shared/allocation/types.ts';
import { mulberry32 } from '../../../shared/sample/prng.ts';
import { limitOf, randomInstance, threeStreets } from './helpers.ts';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

interface Pair {
  unit: number;
  r: Resource;
  target: number;
  current: number;
  shortfall: number;
  vars: string[];
}

/** The LP's pairs (short, with a budget), variables with their rooms, and the rows every model shares. */
function model(inp: AllocationInput) {
  const pairs: Pair[] = [];
  const bounds: string[] = [];
  const cost = new Map<string, number>();
  for (const n of inp.needs) {
    if (n.shortfall <= 0 || inp.budget[n.resource] === undefined) continue;
    const vars: string[] = [];
    inp.facilities.forEach((f, k) => {
      if (f.unit !== n.unit) return;
      const room = limitOf(f, n.resource) - (f.current[n.resource] ?? 0);
      if (room <= 0) return;
      const v = `y${k}_${RESOURCES.indexOf(n.resource)}`;
      vars.push(v);
      if (room < Infinity) bounds.push(`${v} <= ${room}`);
      cost.set(v, (inp.costs?.[n.resource] ?? 0) / 1000);
    });
    pairs.push({ unit: n.unit, r: n.resource, target: (n.target.min * n.population) / n.target.per, current: n.current, shortfall: n.shortfall, vars });
  }
  const rows: string[] = [];
  pairs.forEach((p, i) => {
    if (p.vars.length) rows.push(`s${i}: ${p.vars.join(' + ')} <= ${p.shortfall}`);
  });
  for (const r of RESOURCES) {
    const vars = pairs.filter((p) => p.r === r).flatMap((p) => p.vars);
    if (vars.length) rows.push(`b_${r}: ${vars.join(' + ')} <= ${inp.budget[r]}`);
  }
  if (inp.budget.money !== undefined && inp.costs && cost.size) {
    rows.push(`money: ${[...cost].map(([v, c]) => `${c} ${v}`).join(' + ')} <= ${inp.budget.money / 1000}`);
  }
  return { pairs, rows, bounds };
}

function solve(objective: string, rows: string[], bounds: string[]) {
  const lp = `Maximize\n obj: ${objective}\nSubject To\n ${rows.join('\n ')}\nBounds\n ${bounds.join('\n ') || 't >= 0'}\nEnd`;
  const r = highs.solve(lp, { output_flag: false });
  if (r.Status !== 'Optimal') throw new Error(`${r.Status}\n${lp}`);
  return r.ObjectiveValue;
}

/** Each pair's achievement at the leximin optimum of the LP. */
function leximin(inp: AllocationInput): { pairs: Pair[]; level: number[] } {
  const { pairs, rows, bounds } = model(inp);
  const level: number[] = pairs.map(() => NaN);
  const floorRow = (p: Pair, i: number, t: string) => `f${i}: ${p.vars.length ? p.vars.join(' + ') : '0 y_none'} ${t} >= ${(-p.current).toFixed(9)}`;
  while (level.some((l) => Number.isNaN(l))) {
    // Every open pair at least t, every fixed pair at least its level.
    const fixed = pairs.flatMap((p, i) =>
      Number.isNaN(level[i]!) || !p.vars.length ? [] : [`f${i}: ${p.vars.join(' + ')} >= ${(level[i]! * p.target - p.current - 1e-7).toFixed(9)}`],
    );
    const open = pairs.flatMap((p, i) => (Number.isNaN(level[i]!) ? [floorRow(p, i, `- ${p.target} t`)] : []));
    const t = solve('t', [...rows, ...fixed, ...open], bounds);
    const atT = pairs.flatMap((p, i) =>
      Number.isNaN(level[i]!) && p.vars.length ? [`f${i}: ${p.vars.join(' + ')} >= ${(t * p.target - p.current - 1e-7).toFixed(9)}`] : [],
    );
    pairs.forEach((p, i) => {
      if (!Number.isNaN(level[i]!)) return;
      const most = p.vars.length ? solve(p.vars.join(' + '), [...rows, ...fixed, ...atT], bounds) : 0;
      if ((p.current + most) / p.target <= t + 1e-6) level[i] = t;
    });
  }
  return { pairs, level };
}

/** Compares the allocator with the LP: every pair's achievement within 1% of its target; totals exact without money. */
function check(inp: AllocationInput) {
  const result = allocate(inp);
  const { pairs, level } = leximin(inp);
  pairs.forEach((p, i) => {
    const line = result.lines.find((l) => l.scope === 'unit' && l.code === inp.units[p.unit]!.code && l.resource === p.r)!;
    expect(Math.abs(line.result / p.target - level[i]!), `${line.code} ${p.r}: ${line.result / p.target} vs LP ${level[i]}`).toBeLessThanOrEqual(0.01);
  });
  if (inp.budget.money === undefined) {
    const { rows, bounds } = model(inp);
    for (const r of RESOURCES) {
      const vars = pairs.filter((p) => p.r === r).flatMap((p) => p.vars);
      if (vars.length) expect(result.allocated[r], r).toBe(Math.round(solve(vars.join(' + '), rows, bounds)));
    }
  }
  return { result, pairs, level };
}

/** threeStreets with ten times the people, facilities and budgets (targets of 300–1,500). */
function tenfold(budget: AllocationInput['budget']): AllocationInput {
  const inp = threeStreets(budget);
  return {
    ...inp,
    needs: inp.needs.map((n) => ({ ...n, population: n.population * 10, current: n.current * 10, required: n.required * 10, shortfall: n.shortfall * 10 })),
    facilities: inp.facilities.map((f) => ({
      ...f,
      floorArea: f.floorArea && f.floorArea * 10,
      current: Object.fromEntries(Object.entries(f.current).map(([k, v]) => [k, v * 10])),
    })),
  };
}

describe('the allocator attains the leximin optimum of the LP (HiGHS)', () => {
  it('on three streets, ten times over: budgets binding', () => {
    const { level } = check(tenfold({ beds: 200, physicians: 300 }));
    // Beds: at ten times the size both CHCs are over their type cap of 50, so only H1 (floor area for 900)
    // can grow: 沙坪 (700 + 200) / 1,000 = 0.9, 望月湖 stays at 200 / 500 = 0.4. Physicians: all three rise to
    // the common level L with (60L − 360) + (30L − 90) + (90L − 720) = 300 → L = 1,470 / 1,800 = 0.8167.
    expect(level.map((l) => Math.round(l * 1000) / 1000)).toEqual([0.9, 0.4, 0.817, 0.817, 0.817]);
  });

  it('on three streets, ten times over: money binding', () => {
    check({ ...tenfold({ beds: 200, physicians: 300, money: 20_000_000 }), costs: { beds: 150_000, physicians: 100_000 } });
  });

  it('on three streets, ten times over: more budget than room', () => {
    check(tenfold({ beds: 5000, physicians: 5000 }));
  });

  it('on 20 random plans with and without money', () => {
    const rand = mulberry32(11);
    const stops = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const inp = randomInstance(rand, {
        units: 2 + Math.floor(rand() * 4),
        resources: i % 3 === 0 ? ['beds'] : ['beds', 'physicians', 'nurses'],
        minPopulation: 70_000,
        money: i % 2 === 1,
        costs: [100_000, 150_000],
      });
      for (const s of Object.values(check(inp).result.stopped)) stops.add(s);
    }
    expect([...stops].sort()).toEqual(['budget', 'closed', 'money', 'no_target']); // every way a resource can end was checked (no_target: those no need asks for)
  });
});
