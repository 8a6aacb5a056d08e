/**
 * 资源配置测算: share budgets of beds, physicians, nurses, GPs and ambulances (and money) across units
 * and, inside each unit, across its facilities, to close the shortfalls against ratio targets.
 *
 * The rule — 最短板优先: one unit at a time goes to the unit–resource pair whose value is furthest below
 * its target, measured as achievement (current + given) ÷ (min × population ÷ per), ties to the earlier
 * unit, then resource (water-fill.ts); a pair receives at most its shortfall (a unit meeting its target
 * gets nothing) and at most the room left in its facilities that the target counts and that may
 * receive the resource; a resource stops when its budget, or the money for one more, runs out. Inside
 * a unit the facility with the most room takes what it can, then the next (share.ts).
 *
 * The objective it attains — 先补最短板 (leximin): among all allocations within the budgets and limits,
 * the lowest achievement of any short pair is as high as it can be, then the next lowest, and so on
 * (max-min fairness, exact for the continuous problem; in whole units each pair is within about a unit of
 * it, and where the money runs out cheaper resources may use the last yuan). In particular, where money
 * does not bind, every resource closes as much shortfall as its budget and the limits allow.
 * test/unit/allocation/lp.test.ts checks this against HiGHS.
 *
 * Fixed amounts come first: 已定项目 (commitments) and hand-set lines are taken out of the budgets and
 * counted in their unit's current (a facility's only where the target counts its type); a hand-set
 * line is kept exactly, the rest is allocated around it.
 */
import type { Said } from '../gaps/result.ts';
import { int } from './format.ts';
import { buildLines } from './lines.ts';
import { pickNeeds, placeInUnits, preparePairs, type Pairs } from './pairs.ts';
import { prepareFacilities, R } from './prepare.ts';
import { RESOURCE_LABELS, RESOURCES, type Resource } from './resources.ts';
import type { AllocationInput, AllocationResult, StopReason } from './types.ts';
import { STOP, waterFill } from './water-fill.ts';

const perResource = <T>(f: (r: Resource, i: number) => T) => Object.fromEntries(RESOURCES.map((r, i) => [r, f(r, i)])) as Record<Resource, T>;

export function allocate(inp: AllocationInput): AllocationResult {
  const warnings: Said[] = [];
  const { fac, unitFixed } = prepareFacilities(inp, warnings);
  const pairs = preparePairs(inp, fac, unitFixed, pickNeeds(inp), warnings);
  const money = moneyOf(inp, pairs, warnings);
  const fill = waterFill({
    resources: R,
    target: pairs.target,
    base: pairs.base,
    cap: pairs.cap,
    budget: budgetsLeft(inp, pairs, warnings),
    cost: money.cost,
    money: money.left,
  });
  const { got, roomLeft } = placeInUnits(inp, fac, pairs, fill.given, warnings);
  const stopped = perResource<StopReason>((r, i) => {
    let asked = false;
    for (let p = i; p < pairs.needAt.length && !asked; p += R) asked = pairs.needAt[p]! >= 0;
    if (!asked) return 'no_target';
    let open = false;
    for (let p = i; p < pairs.cap.length && !open; p += R) open = fill.given[p]! < pairs.cap[p]!;
    return !open ? 'closed' : inp.budget[r] === undefined ? 'no_budget' : fill.stop[i] === STOP.money ? 'money' : 'budget';
  });
  const built = buildLines(inp, fac, unitFixed.manualSet, pairs, { given: fill.given, got, roomLeft, stopped });

  const allocated = perResource((_, r) => pairs.fixedUse[r]! + built.allocated[r]!);
  const committed = perResource((_, r) => pairs.committedUse[r]!);
  const cost = Float64Array.from(RESOURCES, (r) => inp.costs?.[r] ?? 0);
  const spent = RESOURCES.reduce((s, r, i) => s + cost[i]! * (committed[r] + allocated[r]), 0);
  const unspentMoney = inp.budget.money === undefined ? null : Math.max(0, inp.budget.money - (money.binds ? spent : 0));
  const stillMoney = RESOURCES.reduce((s, r, i) => s + cost[i]! * built.still[r].budget, 0);
  return {
    lines: built.lines,
    allocated,
    committed,
    unspent: { ...perResource((r) => (inp.budget[r] === undefined ? null : Math.max(0, inp.budget[r] - committed[r] - allocated[r]))), money: unspentMoney },
    spent_money: spent,
    still_needed: { ...built.still, money: inp.costs === undefined ? null : Math.max(0, stillMoney - (unspentMoney ?? 0)) },
    stopped,
    warnings,
  };
}

/** Each resource's budget after the fixed amounts (0 where none is given: it is not allocated). */
function budgetsLeft(inp: AllocationInput, pairs: Pairs, warnings: Said[]): Float64Array {
  return Float64Array.from(RESOURCES, (res, r) => {
    const b = inp.budget[res];
    if (b === undefined) return 0;
    if (!(b >= 0 && (Number.isInteger(b) || b === Infinity))) throw new RangeError(`budget.${res} must be a whole number ≥ 0, got ${b}`);
    const left = b - pairs.committedUse[r]! - pairs.fixedUse[r]!;
    const l = RESOURCE_LABELS[res];
    if (left < 0)
      warnings.push({
        zh: `已定项目与手工指定的${l.zh}超出预算 ${int(-left)}`,
        en: `commitments and hand-set lines exceed the ${l.en} budget by ${int(-left)}`,
      });
    return Math.max(0, left);
  });
}

/** Money constrains only with a money budget and costs: yuan per unit of each resource, and what is left after the fixed amounts. */
function moneyOf(inp: AllocationInput, pairs: Pairs, warnings: Said[]): { binds: boolean; cost: Float64Array; left: number } {
  const money = inp.budget.money,
    costs = inp.costs;
  const cost = Float64Array.from(RESOURCES, (r) => costs?.[r] ?? 0);
  for (const c of cost) if (!(c >= 0 && c < Infinity)) throw new RangeError(`costs must be finite and ≥ 0, got ${c}`);
  if (money !== undefined && !(money >= 0)) throw new RangeError(`budget.money must be ≥ 0, got ${money}`);
  if (money === undefined || costs === undefined) return { binds: false, cost: new Float64Array(R), left: Infinity };
  const fixed = cost.reduce((s, c, r) => s + c * (pairs.committedUse[r]! + pairs.fixedUse[r]!), 0);
  if (fixed > money)
    warnings.push({
      zh: `已定项目与手工指定所需资金超出预算 ${int(Math.round(fixed - money))} 元`,
      en: `commitments and hand-set lines exceed the money budget by ${int(Math.round(fixed - money))} yuan`,
    });
  return { binds: true, cost, left: Math.max(0, money - fixed) };
}
