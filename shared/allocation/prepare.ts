/**
 * The allocator's input as typed arrays, once per run: facilities laid out by unit (by id inside each,
 * so the input order does not matter, and a unit's facilities sit side by side for the loops over
 * them), each facility's limit and room per resource, and the fixed amounts (已定项目 and hand-set
 * lines) summed per facility and per unit.
 */
import { int } from './format.ts';
import type { Said } from '../gaps/result.ts';
import { FACILITY_TYPES } from '../model/kinds.ts';
import { DEFAULT_ELIGIBLE, DEFAULT_M2_PER_BED, DEFAULT_TYPE_CAPS, RESOURCE_LABELS, RESOURCES, type Resource } from './resources.ts';
import type { AllocationInput, FixedAmount } from './types.ts';

export const R = RESOURCES.length;
const BEDS = RESOURCES.indexOf('beds');
const TYPE_INDEX = new Map<string, number>(FACILITY_TYPES.map((t, i) => [t, i]));

/** What set a facility's limit: none · its type's cap · its floor area · its own limit · its type may not receive it. */
export const LIMIT = { none: 0, type: 1, floor: 2, own: 3, notAllowed: 4 } as const;

/**
 * Facilities by position: unit u's are positions unitStart[u] … unitStart[u+1] − 1, by id; position j
 * is input facility order[j]. Per facility × resource arrays are indexed r × F + j.
 */
export interface Facilities {
  F: number;
  order: Int32Array;
  unitStart: Int32Array;
  type: Uint8Array;
  current: Float64Array;
  limit: Float64Array;
  limitKind: Uint8Array;
  /** Room for this run: limit − current − committed − hand-set, 0 where it may not receive or its line is set by hand. */
  room: Float64Array;
  committed: Float64Array;
  manual: Float64Array;
  manualSet: Uint8Array;
}

/** Per unit × resource (index u × R + r): amounts fixed to the unit itself. */
export interface UnitFixed {
  committed: Float64Array;
  manual: Float64Array;
  manualSet: Uint8Array;
}

const whole = (v: number, what: string) => {
  if (!(v >= 0) || (!Number.isInteger(v) && v !== Infinity)) throw new RangeError(`${what} must be a whole number ≥ 0, got ${v}`);
  return v;
};

export function prepareFacilities(inp: AllocationInput, warnings: Said[]): { fac: Facilities; unitFixed: UnitFixed } {
  const { order, unitStart } = positions(inp);
  const limits = limitsOf(inp, order);
  const fixed = fixedAmounts(inp, order, warnings);
  const { current, limit, limitKind } = limits,
    { committed, manual, manualSet } = fixed.facilities;
  const F = order.length,
    room = new Float64Array(R * F);
  for (let i = 0; i < R * F; i++) {
    if (limitKind[i] === LIMIT.notAllowed || manualSet[i]) continue;
    room[i] = Math.max(0, limit[i]! - current[i]! - committed[i]!);
  }
  warnManualOverLimits(inp, order, limits, fixed.facilities, warnings);
  return { fac: { F, order, unitStart, ...limits, room, committed, manual, manualSet }, unitFixed: fixed.units };
}

/** Facility positions: a counting sort by unit, then by id inside each unit. */
function positions(inp: AllocationInput): { order: Int32Array; unitStart: Int32Array } {
  const U = inp.units.length,
    F = inp.facilities.length;
  const unitStart = new Int32Array(U + 1);
  for (const f of inp.facilities) {
    if (!(f.unit >= 0 && f.unit < U && Number.isInteger(f.unit))) throw new RangeError(`facility ${f.id}: unit ${f.unit} is not one of the ${U} units`);
    unitStart[f.unit + 1]!++;
  }
  for (let u = 0; u < U; u++) unitStart[u + 1]! += unitStart[u]!;
  const order = new Int32Array(F);
  const next = unitStart.slice(0, U);
  for (let k = 0; k < F; k++) order[next[inp.facilities[k]!.unit]!++] = k;
  const ids = inp.facilities.map((f) => f.id);
  for (let u = 0; u < U; u++) {
    const a = unitStart[u]!,
      b = unitStart[u + 1]!;
    if (b - a > 8) order.subarray(a, b).sort((x, y) => (ids[x]! < ids[y]! ? -1 : 1));
    else
      for (let j = a + 1; j < b; j++) {
        // insertion sort for the usual handful
        const x = order[j]!,
          id = ids[x]!;
        let i = j - 1;
        for (; i >= a && ids[order[i]!]! > id; i--) order[i + 1] = order[i]!;
        order[i + 1] = x;
      }
  }
  return { order, unitStart };
}

type Limits = Pick<Facilities, 'type' | 'current' | 'limit' | 'limitKind'>;

/** What each facility holds, and the most it may hold: its type's cap, its floor area (beds), its own limit; none where its type may not receive. */
function limitsOf(inp: AllocationInput, order: Int32Array): Limits {
  const rules = inp.rules ?? {},
    F = order.length,
    T = FACILITY_TYPES.length;
  const m2PerBed = rules.m2PerBed ?? DEFAULT_M2_PER_BED;
  // Per resource × type index: may it receive (0/1), and its type's cap (Infinity: none).
  const allowed = new Uint8Array(R * T),
    typeCap = new Float64Array(R * T).fill(Infinity);
  RESOURCES.forEach((res, r) => {
    const list = rules.eligible?.[res] ?? DEFAULT_ELIGIBLE[res],
      caps = rules.typeCaps?.[res] ?? DEFAULT_TYPE_CAPS[res];
    FACILITY_TYPES.forEach((t, ti) => {
      allowed[r * T + ti] = list.includes(t) ? 1 : 0;
      typeCap[r * T + ti] = caps[t] ?? Infinity;
    });
  });
  const type = new Uint8Array(F);
  const current = new Float64Array(R * F),
    limit = new Float64Array(R * F),
    limitKind = new Uint8Array(R * F);
  for (let j = 0; j < F; j++) {
    const f = inp.facilities[order[j]!]!;
    const ti = TYPE_INDEX.get(f.type) ?? 0;
    type[j] = ti;
    const c = f.current;
    const held = [c.beds, c.physicians, c.nurses, c.gps, c.ambulances]; // RESOURCES order, by name: fast on a hot path
    for (let r = 0; r < R; r++) {
      const i = r * F + j;
      const v = held[r] ?? 0;
      if (!(v >= 0 && Number.isInteger(v))) whole(v, `facility ${f.id} ${RESOURCES[r]}`);
      current[i] = v;
      if (!allowed[r * T + ti]) {
        limitKind[i] = LIMIT.notAllowed;
        continue;
      }
      let lim = typeCap[r * T + ti]!,
        kind: number = lim < Infinity ? LIMIT.type : LIMIT.none;
      if (r === BEDS && typeof f.floorArea === 'number' && f.floorArea >= 0 && m2PerBed > 0) {
        const byArea = Math.floor(f.floorArea / m2PerBed + 1e-9);
        if (byArea < lim) {
          lim = byArea;
          kind = LIMIT.floor;
        }
      }
      const own = f.limits?.[RESOURCES[r]!];
      if (own !== undefined && own < lim) {
        lim = own;
        kind = LIMIT.own;
      }
      limit[i] = Math.floor(lim);
      limitKind[i] = kind;
    }
  }
  return { type, current, limit, limitKind };
}

type FacilityFixed = Pick<Facilities, 'committed' | 'manual' | 'manualSet'>;

/** 已定项目 and hand-set amounts summed per facility (by position) and per unit; an unknown facility or unit is said and left out. */
function fixedAmounts(inp: AllocationInput, order: Int32Array, warnings: Said[]): { facilities: FacilityFixed; units: UnitFixed } {
  const U = inp.units.length,
    F = order.length;
  const facilities: FacilityFixed = { committed: new Float64Array(R * F), manual: new Float64Array(R * F), manualSet: new Uint8Array(R * F) };
  const units: UnitFixed = { committed: new Float64Array(U * R), manual: new Float64Array(U * R), manualSet: new Uint8Array(U * R) };
  // Built only when a fixed amount names one (ids are unique in a plan; the last of a repeated one wins).
  let byId: Map<string, number> | undefined, byCode: Map<string, number> | undefined;
  const add = (list: readonly FixedAmount[] | undefined, isManual: boolean) => {
    const what = isManual ? { zh: '手工调整', en: 'hand-set line' } : { zh: '已定项目', en: 'commitment' };
    for (const c of list ?? []) {
      const r = RESOURCES.indexOf(c.resource as Resource);
      if (r < 0) throw new RangeError(`${what.en}: unknown resource ${c.resource}`);
      const amount = whole(c.amount, `${what.en} amount`);
      if ((c.facility === undefined) === (c.unit === undefined)) throw new RangeError(`${what.en}: give a facility or a unit, not both or neither`);
      if (c.facility !== undefined) {
        const j = (byId ??= new Map(Array.from(order, (k, pos) => [inp.facilities[k]!.id, pos]))).get(c.facility);
        if (j === undefined) {
          warnings.push({
            zh: `${what.zh}的机构「${c.facility}」不在测算范围内，未计入`,
            en: `${what.en}: facility ${c.facility} is not among those allocated to; ignored`,
          });
          continue;
        }
        (isManual ? facilities.manual : facilities.committed)[r * F + j]! += amount;
        if (isManual) facilities.manualSet[r * F + j] = 1;
      } else {
        const u = (byCode ??= new Map(inp.units.map((x, i) => [x.code, i]))).get(c.unit!);
        if (u === undefined) {
          warnings.push({
            zh: `${what.zh}的单位「${c.unit}」不在测算范围内，未计入`,
            en: `${what.en}: unit ${c.unit} is not among those allocated to; ignored`,
          });
          continue;
        }
        (isManual ? units.manual : units.committed)[u * R + r]! += amount;
        if (isManual) units.manualSet[u * R + r] = 1;
      }
    }
  };
  add(inp.commitments, false);
  add(inp.manual, true);
  return { facilities, units };
}

/** A hand-set amount is kept as set, but the reader is told where it breaks a rule. */
function warnManualOverLimits(inp: AllocationInput, order: Int32Array, limits: Limits, fixed: FacilityFixed, warnings: Said[]): void {
  const F = order.length,
    { current, limit, limitKind } = limits,
    { committed, manual, manualSet } = fixed;
  for (let i = 0; i < R * F; i++) {
    if (!manualSet[i] || !manual[i]) continue;
    const r = (i / F) | 0,
      f = inp.facilities[order[i - r * F]!]!,
      l = RESOURCE_LABELS[RESOURCES[r]!];
    if (limitKind[i] === LIMIT.notAllowed) {
      warnings.push({
        zh: `手工指定「${f.name}」${manual[i]}，但该类机构不在${l.zh}的配置范围内`,
        en: `the hand-set ${manual[i]} for ${f.name}: its type does not normally receive ${l.en}s`,
      });
    } else if (current[i]! + committed[i]! + manual[i]! > limit[i]!) {
      warnings.push({
        zh: `手工指定「${f.name}」+${int(manual[i]!)} 后为 ${int(current[i]! + committed[i]! + manual[i]!)}，超过其上限 ${int(limit[i]!)}`,
        en: `the hand-set +${int(manual[i]!)} for ${f.name} brings it to ${int(current[i]! + committed[i]! + manual[i]!)}, over its limit of ${int(limit[i]!)}`,
      });
    }
  }
}

/** Per facility type: whether a target counts it (every type when none are given); one array per distinct list. */
export function typeMasks(): (types: readonly string[] | undefined) => Uint8Array {
  const all = new Uint8Array(FACILITY_TYPES.length).fill(1);
  const byList = new WeakMap<readonly string[], Uint8Array>(); // the same list object for every unit of a target: no join
  const byKey = new Map<string, Uint8Array>();
  return (types) => {
    if (!types) return all;
    let m = byList.get(types);
    if (!m) {
      const key = types.join(',');
      m = byKey.get(key) ?? Uint8Array.from(FACILITY_TYPES, (t) => (types.includes(t) ? 1 : 0));
      byKey.set(key, m);
      byList.set(types, m);
    }
    return m;
  };
}
