/**
 * 资源配置测算: share budgets of beds, physicians, nurses, GPs and ambulances (and money) across units
 * and, inside each unit, across its facilities, to close the shortfalls against ratio targets.
 *
 * The rule — 最短板优先: one unit at a time goes to the unit–resource pair whose value is furthest below
 * its target, measured as achievement (current + given) ÷ (min × population ÷ per), ties to the earlier
 * unit, then resource (water-fill.ts); a pair receives at most its shortfall (a unit meeting its target
 * gets nothing) and at most the room left in its facilities that the target counts and that may
 * receive the resource; a resource stops when its budget, or the money for one more, runs out. Inside
 * a unit the amount is shared in proportion to the facilities' size, none over its limit (share.ts).
 *
 * The objective it attains — 先补最短板 (leximin): among all allocations within the budgets and limits,
 * the lowest achievement of any short pair is as high as it can be, then the next lowest, and so on
 * (max-min fairness, exact for the continuous problem; in whole units each pair is within one unit of
 * it, and where the money runs out cheaper resources may use the last yuan). In particular, where money
 * does not bind, every resource closes as much shortfall as its budget and the limits allow.
 * test/unit/allocation/lp.test.ts checks this against HiGHS.
 *
 * Fixed amounts come first: 已定项目 (commitments) and hand-set lines are taken out of the budgets and
 * counted in their unit's current (a facility's only where the target counts its type); a hand-set
 * line is kept exactly, the rest is allocated around it.
 */
import type { Said } from '../gaps/result.ts';
import { facilityReason, unitReason } from './explain.ts';
import { preferNeed } from './needs.ts';
import { prepareFacilities, R, typeMasks } from './prepare.ts';
import { DEFAULT_M2_PER_BED, RESOURCE_LABELS, RESOURCES, type Resource } from './resources.ts';
import { shareByWeight } from './share.ts';
import type { AllocationInput, AllocationLine, AllocationResult, StillNeeded, StopReason } from './types.ts';
import { STOP, waterFill } from './water-fill.ts';

const perResource = <T>(f: (r: Resource, i: number) => T) => Object.fromEntries(RESOURCES.map((r, i) => [r, f(r, i)])) as Record<Resource, T>;

export function allocate(inp: AllocationInput): AllocationResult {
  const warnings: Said[] = [];
  const U = inp.units.length;
  const { fac, unitFixed } = prepareFacilities(inp, warnings);
  const { F, order, unitStart } = fac;

  // The need of each pair p = u × R + r (where two are given, the one asking more).
  const needAt = new Int32Array(U * R).fill(-1);
  inp.needs.forEach((n, k) => {
    const r = RESOURCES.indexOf(n.resource);
    if (r < 0 || !(n.unit >= 0 && n.unit < U && Number.isInteger(n.unit))) throw new RangeError(`need ${k}: unit ${n.unit} / resource ${n.resource} unknown`);
    const p = n.unit * R + r;
    if (needAt[p]! < 0 || preferNeed(inp.needs[needAt[p]!]!, n)) needAt[p] = k;
  });

  // Per pair: fixed amounts counted by its target, room, and how much the run may give it.
  const mask = typeMasks();
  const target = new Float64Array(U * R), base = new Float64Array(U * R), cap = new Float64Array(U * R);
  const committedP = new Float64Array(U * R), manualP = new Float64Array(U * R), manualNet = new Float64Array(U * R);
  const fixedUse = new Float64Array(R), committedUse = new Float64Array(R);
  for (let u = 0; u < U; u++) {
    for (let r = 0; r < R; r++) {
      const p = u * R + r, k = needAt[p]!;
      committedUse[r]! += unitFixed.committed[p]!;
      for (let j = unitStart[u]!; j < unitStart[u + 1]!; j++) committedUse[r]! += fac.committed[r * F + order[j]!]!;
      if (k < 0) {
        if (unitFixed.manualSet[p] || hasManual(fac, r, u)) warnings.push({ zh: `「${inp.units[u]!.name}」没有${RESOURCE_LABELS[RESOURCES[r]!].zh}缺口，手工指定未计入`, en: `${inp.units[u]!.name} has no ${RESOURCE_LABELS[RESOURCES[r]!].en} need: the hand-set amount is ignored` });
        continue;
      }
      const n = inp.needs[k]!, m = mask(n.target.facilityTypes);
      let cf = 0, mf = 0, mAll = 0, room = 0;
      for (let j = unitStart[u]!; j < unitStart[u + 1]!; j++) {
        const f = order[j]!, i = r * F + f;
        mAll += fac.manual[i]!;
        if (!m[fac.type[f]!]) continue;
        cf += fac.committed[i]!; mf += fac.manual[i]!; room += fac.room[i]!;
      }
      committedP[p] = unitFixed.committed[p]! + cf;
      const set = unitFixed.manualSet[p] === 1;
      manualNet[p] = set ? Math.max(0, unitFixed.manual[p]! - mf) : 0;
      manualP[p] = mf + manualNet[p]!;
      fixedUse[r]! += mAll + manualNet[p]!;
      base[p] = n.current + committedP[p]! + manualP[p]!;
      target[p] = n.population > 0 && n.target.per > 0 ? (n.target.min * n.population) / n.target.per : 0;
      cap[p] = set || !(target[p]! > 0) ? 0 : Math.max(0, Math.min(n.required - base[p]!, room));
    }
  }

  // Budgets after the fixed amounts; money only with a money budget and costs.
  const money = inp.budget.money, costs = inp.costs;
  const moneyBinds = money !== undefined && costs !== undefined;
  const cost = Float64Array.from(RESOURCES, (r) => costs?.[r] ?? 0);
  for (const c of cost) if (!(c >= 0 && c < Infinity)) throw new RangeError(`costs must be finite and ≥ 0, got ${c}`);
  if (money !== undefined && !(money >= 0)) throw new RangeError(`budget.money must be ≥ 0, got ${money}`);
  const budget = Float64Array.from(RESOURCES, (r) => {
    const b = inp.budget[r];
    if (b !== undefined && !(b >= 0 && (Number.isInteger(b) || b === Infinity))) throw new RangeError(`budget.${r} must be a whole number ≥ 0, got ${b}`);
    return b ?? 0;
  });
  const budgetLeft = budget.map((b, r) => {
    const left = b - committedUse[r]! - fixedUse[r]!;
    if (left < 0 && inp.budget[RESOURCES[r]!] !== undefined) warnings.push({ zh: `已定项目与手工指定的${RESOURCE_LABELS[RESOURCES[r]!].zh}超出预算 ${-left}`, en: `commitments and hand-set lines exceed the ${RESOURCE_LABELS[RESOURCES[r]!].en} budget by ${-left}` });
    return Math.max(0, left);
  });
  const fixedMoney = cost.reduce((s, c, r) => s + c * (committedUse[r]! + fixedUse[r]!), 0);
  if (moneyBinds && fixedMoney > money) warnings.push({ zh: `已定项目与手工指定所需资金超出预算 ${fixedMoney - money} 元`, en: `commitments and hand-set lines exceed the money budget by ${fixedMoney - money} yuan` });

  const fill = waterFill({ resources: R, target, base, cap, budget: budgetLeft, cost: moneyBinds ? cost : new Float64Array(R), money: moneyBinds ? Math.max(0, money - fixedMoney) : Infinity });

  // Inside each unit: share the pair's amount among its counted facilities with room.
  const got = new Float64Array(R * F);
  const weight = new Float64Array(F), room = new Float64Array(F), out = new Float64Array(F), idx = new Int32Array(F);
  const roomLeft = new Float64Array(U * R);
  for (let p = 0; p < U * R; p++) {
    const k = needAt[p]!;
    if (k < 0) continue;
    const u = (p / R) | 0, r = p % R, m = mask(inp.needs[k]!.target.facilityTypes);
    let n = 0;
    for (let j = unitStart[u]!; j < unitStart[u + 1]!; j++) {
      const f = order[j]!, i = r * F + f;
      if (!m[fac.type[f]!] || !(fac.room[i]! > 0)) continue;
      idx[n] = f; room[n] = fac.room[i]!; weight[n] = fac.current[i]! + 1; n++;
    }
    const amount = fill.given[p]! + manualNet[p]!;
    const placed = amount > 0 ? shareByWeight(amount, weight, room, n, out) : 0;
    let left = 0;
    for (let j = 0; j < n; j++) { if (amount > 0) got[r * F + idx[j]!] = out[j]!; left += room[j]! - (amount > 0 ? out[j]! : 0); }
    roomLeft[p] = left;
    if (placed < amount) warnings.push({ zh: `「${inp.units[u]!.name}」手工指定的 ${amount - placed} 超出现有机构可扩充量，需新建`, en: `${inp.units[u]!.name}: ${amount - placed} of the hand-set amount exceed the room in existing facilities: new ones are needed` });
  }

  const stopped = perResource<StopReason>((r, i) => {
    let open = false;
    for (let p = i; p < U * R && !open; p += R) open = fill.given[p]! < cap[p]!;
    return !open ? 'closed' : inp.budget[r] === undefined ? 'no_budget' : fill.stop[i] === STOP.money ? 'money' : 'budget';
  });
  const still = perResource<StillNeeded>(() => ({ budget: 0, new_capacity: 0 }));
  const allocated = perResource((_, r) => fixedUse[r]!);
  const lines: AllocationLine[] = [];
  const m2PerBed = inp.rules?.m2PerBed ?? DEFAULT_M2_PER_BED;
  for (let u = 0; u < U; u++) {
    const unit = inp.units[u]!;
    for (let r = 0; r < R; r++) {
      const p = u * R + r, k = needAt[p]!;
      if (k < 0) continue;
      const n = inp.needs[k]!, resource = RESOURCES[r]!;
      const set = unitFixed.manualSet[p] === 1;
      const given = manualP[p]! + fill.given[p]!;
      allocated[resource] += fill.given[p]!;
      const result = n.current + committedP[p]! + given;
      const remaining = Math.max(0, n.required - result);
      const absorbable = Math.min(remaining, roomLeft[p]!);
      still[resource].budget += absorbable;
      still[resource].new_capacity += remaining - absorbable;
      const why = unitReason({ unitName: unit.name, resource, target: n.target, population: n.population, current: n.current, committed: committedP[p]!,
        allocated: given, manual: set, shortfall: n.shortfall, remaining, absorbable, stop: set ? 'manual' : stopped[resource] });
      lines.push({ scope: 'unit', code: unit.code, name: unit.name, unitCode: unit.code, resource, current: n.current, committed: committedP[p]!, allocated: given,
        result, remaining_shortfall: remaining, manual: set, reason: why.zh, reasonEn: why.en });
      for (let j = unitStart[u]!; j < unitStart[u + 1]!; j++) {
        const f = order[j]!, i = r * F + f;
        const manual = fac.manualSet[i] === 1;
        const add = manual ? fac.manual[i]! : got[i]!;
        if (add === 0 && fac.committed[i] === 0 && !manual) continue;
        const facility = inp.facilities[f]!;
        const fwhy = facilityReason({ resource, type: facility.type, current: fac.current[i]!, committed: fac.committed[i]!, allocated: add, manual,
          limit: fac.limit[i]!, limitKind: fac.limitKind[i]!, floorArea: facility.floorArea, m2PerBed });
        lines.push({ scope: 'facility', code: facility.id, name: facility.name, unitCode: unit.code, resource, current: fac.current[i]!, committed: fac.committed[i]!,
          allocated: add, result: fac.current[i]! + fac.committed[i]! + add, remaining_shortfall: null, manual, reason: fwhy.zh, reasonEn: fwhy.en });
      }
    }
  }

  const committed = perResource((_, r) => committedUse[r]!);
  const spent = RESOURCES.reduce((s, r, i) => s + cost[i]! * (committed[r] + allocated[r]), 0);
  const unspentMoney = money === undefined ? null : Math.max(0, money - (moneyBinds ? spent : 0));
  return {
    lines, allocated, committed,
    unspent: { ...perResource((r) => (inp.budget[r] === undefined ? null : Math.max(0, inp.budget[r] - committed[r] - allocated[r]))), money: unspentMoney },
    spent_money: spent,
    still_needed: { ...still, money: costs === undefined ? null : Math.max(0, RESOURCES.reduce((s, r, i) => s + cost[i]! * still[r].budget, 0) - (unspentMoney ?? 0)) },
    stopped, warnings,
  };
}

function hasManual(fac: { F: number; manualSet: Uint8Array; order: Int32Array; unitStart: Int32Array }, r: number, u: number): boolean {
  for (let j = fac.unitStart[u]!; j < fac.unitStart[u + 1]!; j++) if (fac.manualSet[r * fac.F + fac.order[j]!]) return true;
  return false;
}
