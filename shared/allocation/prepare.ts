/**
 * The allocator's input as typed arrays, once per run: facilities grouped by unit (sorted by id inside
 * each, so the input order does not matter), each facility's limit and room per resource, and the
 * fixed amounts (已定项目 and hand-set lines) summed per facility and per unit.
 */
import type { Said } from '../gaps/result.ts';
import { FACILITY_TYPES } from '../model/kinds.ts';
import { DEFAULT_ELIGIBLE, DEFAULT_M2_PER_BED, DEFAULT_TYPE_CAPS, RESOURCE_LABELS, RESOURCES, type Resource } from './resources.ts';
import type { AllocationInput, FixedAmount } from './types.ts';

export const R = RESOURCES.length;
const BEDS = RESOURCES.indexOf('beds');
const TYPE_INDEX = new Map<string, number>(FACILITY_TYPES.map((t, i) => [t, i]));

/** What set a facility's limit: none · its type's cap · its floor area · its own limit · its type may not receive it. */
export const LIMIT = { none: 0, type: 1, floor: 2, own: 3, notAllowed: 4 } as const;

/** Per facility × resource arrays are indexed r × F + f. */
export interface Facilities {
  F: number;
  /** Facility indices grouped by unit, by id inside a unit; unit u's are order[unitStart[u] … unitStart[u+1]). */
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
export interface UnitFixed { committed: Float64Array; manual: Float64Array; manualSet: Uint8Array }

const whole = (v: number, what: string) => {
  if (!(v >= 0) || (!Number.isInteger(v) && v !== Infinity)) throw new RangeError(`${what} must be a whole number ≥ 0, got ${v}`);
  return v;
};

export function prepareFacilities(inp: AllocationInput, warnings: Said[]): { fac: Facilities; unitFixed: UnitFixed } {
  const U = inp.units.length, F = inp.facilities.length;
  const rules = inp.rules ?? {};
  const m2PerBed = rules.m2PerBed ?? DEFAULT_M2_PER_BED;
  const eligible = RESOURCES.map((r) => new Set(rules.eligible?.[r] ?? DEFAULT_ELIGIBLE[r]));
  const caps = RESOURCES.map((r) => rules.typeCaps?.[r] ?? DEFAULT_TYPE_CAPS[r]);

  const unitStart = new Int32Array(U + 1);
  const type = new Uint8Array(F);
  const current = new Float64Array(R * F), limit = new Float64Array(R * F), limitKind = new Uint8Array(R * F);
  const byId = new Map<string, number>();
  inp.facilities.forEach((f, k) => {
    if (!(f.unit >= 0 && f.unit < U && Number.isInteger(f.unit))) throw new RangeError(`facility ${f.id}: unit ${f.unit} is not one of the ${U} units`);
    if (byId.has(f.id)) throw new RangeError(`facility id ${f.id} appears twice`);
    byId.set(f.id, k);
    unitStart[f.unit + 1]!++;
    type[k] = TYPE_INDEX.get(f.type) ?? 0;
    for (let r = 0; r < R; r++) {
      const res = RESOURCES[r]!;
      const i = r * F + k;
      current[i] = whole(f.current[res] ?? 0, `facility ${f.id} ${res}`);
      if (!eligible[r]!.has(f.type)) { limitKind[i] = LIMIT.notAllowed; continue; }
      let lim = Infinity, kind: number = LIMIT.none;
      const cap = caps[r]![f.type];
      if (cap !== undefined && cap < lim) { lim = cap; kind = LIMIT.type; }
      if (r === BEDS && typeof f.floorArea === 'number' && f.floorArea >= 0 && m2PerBed > 0) {
        const byArea = Math.floor(f.floorArea / m2PerBed + 1e-9);
        if (byArea < lim) { lim = byArea; kind = LIMIT.floor; }
      }
      const own = f.limits?.[res];
      if (own !== undefined && own < lim) { lim = own; kind = LIMIT.own; }
      limit[i] = Math.floor(lim);
      limitKind[i] = kind;
    }
  });
  for (let u = 0; u < U; u++) unitStart[u + 1]! += unitStart[u]!;
  // Counting sort by unit, then by id inside each unit.
  const order = new Int32Array(F);
  const fill = unitStart.slice(0, U);
  for (let k = 0; k < F; k++) order[fill[inp.facilities[k]!.unit]!++] = k;
  for (let u = 0; u < U; u++) {
    const a = unitStart[u]!, b = unitStart[u + 1]!;
    if (b - a > 1) order.subarray(a, b).sort((x, y) => (inp.facilities[x]!.id < inp.facilities[y]!.id ? -1 : 1));
  }

  const committed = new Float64Array(R * F), manual = new Float64Array(R * F), manualSet = new Uint8Array(R * F);
  const unitFixed: UnitFixed = { committed: new Float64Array(U * R), manual: new Float64Array(U * R), manualSet: new Uint8Array(U * R) };
  const unitByCode = new Map(inp.units.map((u, i) => [u.code, i]));
  const fix = (list: readonly FixedAmount[] | undefined, isManual: boolean) => {
    const what = isManual ? { zh: '手工调整', en: 'hand-set line' } : { zh: '已定项目', en: 'commitment' };
    for (const c of list ?? []) {
      const r = RESOURCES.indexOf(c.resource as Resource);
      if (r < 0) throw new RangeError(`${what.en}: unknown resource ${c.resource}`);
      const amount = whole(c.amount, `${what.en} amount`);
      if ((c.facility === undefined) === (c.unit === undefined)) throw new RangeError(`${what.en}: give a facility or a unit, not both or neither`);
      if (c.facility !== undefined) {
        const k = byId.get(c.facility);
        if (k === undefined) { warnings.push({ zh: `${what.zh}的机构「${c.facility}」不在测算范围内，未计入`, en: `${what.en}: facility ${c.facility} is not among those allocated to; ignored` }); continue; }
        (isManual ? manual : committed)[r * F + k]! += amount;
        if (isManual) manualSet[r * F + k] = 1;
      } else {
        const u = unitByCode.get(c.unit!);
        if (u === undefined) { warnings.push({ zh: `${what.zh}的单位「${c.unit}」不在测算范围内，未计入`, en: `${what.en}: unit ${c.unit} is not among those allocated to; ignored` }); continue; }
        (isManual ? unitFixed.manual : unitFixed.committed)[u * R + r]! += amount;
        if (isManual) unitFixed.manualSet[u * R + r] = 1;
      }
    }
  };
  fix(inp.commitments, false);
  fix(inp.manual, true);

  const room = new Float64Array(R * F);
  for (let i = 0; i < R * F; i++) {
    if (limitKind[i] === LIMIT.notAllowed || manualSet[i]) continue;
    room[i] = Math.max(0, limit[i]! - current[i]! - committed[i]!);
  }
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < F; k++) {
      const i = r * F + k;
      if (!manualSet[i] || !manual[i]) continue;
      const f = inp.facilities[k]!;
      if (limitKind[i] === LIMIT.notAllowed) {
        warnings.push({ zh: `手工指定「${f.name}」${manual[i]}，但该类机构不在${RESOURCE_LABELS[RESOURCES[r]!].zh}的配置范围内`, en: `the hand-set ${manual[i]} for ${f.name}: its type does not normally receive ${RESOURCE_LABELS[RESOURCES[r]!].en}s` });
      } else if (current[i]! + committed[i]! + manual[i]! > limit[i]!) {
        warnings.push({ zh: `手工指定「${f.name}」${manual[i]}，超过其上限 ${limit[i]}`, en: `the hand-set ${manual[i]} for ${f.name} exceeds its limit of ${limit[i]}` });
      }
    }
  }
  return { fac: { F, order, unitStart, type, current, limit, limitKind, room, committed, manual, manualSet }, unitFixed };
}

/** Per facility type: whether a target counts it (every type when none are given); one array per distinct list. */
export function typeMasks(): (types: readonly string[] | undefined) => Uint8Array {
  const cache = new Map<string, Uint8Array>();
  return (types) => {
    const key = types ? types.join(',') : '*';
    let m = cache.get(key);
    if (!m) { m = Uint8Array.from(FACILITY_TYPES, (t) => (!types || types.includes(t) ? 1 : 0)); cache.set(key, m); }
    return m;
  };
}
