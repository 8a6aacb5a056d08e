/**
 * Unit–resource pairs (p = u × R + r): the need each is measured against, what is fixed to it, what
 * it may receive; and, once the water-filling has given each its amount, how that lands on the unit's
 * facilities. Each step is its own function: small loops the JIT optimises one by one.
 */
import type { Said } from '../gaps/result.ts';
import { preferNeed } from './needs.ts';
import { R, typeMasks, type Facilities, type UnitFixed } from './prepare.ts';
import { RESOURCE_LABELS, RESOURCES } from './resources.ts';
import { fillByRoom } from './share.ts';
import type { AllocationInput } from './types.ts';

export interface Pairs {
  /** The need of each pair (index into input.needs), or −1; where two are given, the one asking more. */
  needAt: Int32Array;
  /** Per facility type, whether the pair's target counts it. */
  counts: Uint8Array[];
  /** min × population ÷ per: achievement = count ÷ target. */
  target: Float64Array;
  /** Current + fixed amounts the target counts; the most this run may give (shortfall and room). */
  base: Float64Array;
  cap: Float64Array;
  /** 已定项目 and hand-set amounts the target counts (hand-set: the whole line when set on the unit). */
  committed: Float64Array;
  manual: Float64Array;
  /** A hand-set unit line's amount still to place on its facilities. */
  manualNet: Float64Array;
  /** Per resource: committed (all of it) and hand-set amounts, taken out of the budget first. */
  committedUse: Float64Array;
  fixedUse: Float64Array;
}

export function pickNeeds(inp: AllocationInput): { needAt: Int32Array; counts: Uint8Array[] } {
  const U = inp.units.length;
  const needAt = new Int32Array(U * R).fill(-1);
  inp.needs.forEach((n, k) => {
    const r = RESOURCES.indexOf(n.resource);
    if (r < 0 || !(n.unit >= 0 && n.unit < U && Number.isInteger(n.unit))) throw new RangeError(`need ${k}: unit ${n.unit} / resource ${n.resource} unknown`);
    const p = n.unit * R + r;
    if (needAt[p]! < 0 || preferNeed(inp.needs[needAt[p]!]!, n)) needAt[p] = k;
  });
  const mask = typeMasks(),
    all = mask(undefined);
  const counts = Array.from(needAt, (k) => (k < 0 ? all : mask(inp.needs[k]!.target.facilityTypes)));
  return { needAt, counts };
}

export function preparePairs(inp: AllocationInput, fac: Facilities, unitFixed: UnitFixed, picked: ReturnType<typeof pickNeeds>, warnings: Said[]): Pairs {
  const U = inp.units.length,
    { F, unitStart } = fac,
    { needAt, counts } = picked;
  const target = new Float64Array(U * R),
    base = new Float64Array(U * R),
    cap = new Float64Array(U * R);
  const committed = new Float64Array(U * R),
    manual = new Float64Array(U * R),
    manualNet = new Float64Array(U * R);
  const fixedUse = new Float64Array(R),
    committedUse = new Float64Array(R);
  for (let p = 0; p < U * R; p++) {
    const u = (p / R) | 0,
      r = p - u * R,
      k = needAt[p]!,
      m = counts[p]!;
    let cAll = 0,
      cf = 0,
      mf = 0,
      mAll = 0,
      room = 0,
      anyManual = 0;
    for (let j = unitStart[u]!; j < unitStart[u + 1]!; j++) {
      // j: a facility's position (prepare.ts)
      const i = r * F + j;
      cAll += fac.committed[i]!;
      mAll += fac.manual[i]!;
      anyManual |= fac.manualSet[i]!;
      if (!m[fac.type[j]!]) continue;
      cf += fac.committed[i]!;
      mf += fac.manual[i]!;
      room += fac.room[i]!;
    }
    committedUse[r]! += unitFixed.committed[p]! + cAll;
    if (k < 0) {
      if (unitFixed.manualSet[p] || anyManual) {
        const l = RESOURCE_LABELS[RESOURCES[r]!],
          name = inp.units[u]!.name;
        warnings.push({ zh: `「${name}」没有${l.zh}缺口，手工指定未计入`, en: `${name} has no ${l.en} need: the hand-set amount is ignored` });
      }
      continue;
    }
    const n = inp.needs[k]!;
    committed[p] = unitFixed.committed[p]! + cf;
    const set = unitFixed.manualSet[p] === 1;
    manualNet[p] = set ? Math.max(0, unitFixed.manual[p]! - mf) : 0;
    manual[p] = mf + manualNet[p]!;
    fixedUse[r]! += mAll + manualNet[p]!;
    base[p] = n.current + committed[p]! + manual[p]!;
    target[p] = n.population > 0 && n.target.per > 0 ? (n.target.min * n.population) / n.target.per : 0;
    cap[p] = set || !(target[p]! > 0) ? 0 : Math.max(0, Math.min(n.required - base[p]!, room));
  }
  return { needAt, counts, target, base, cap, committed, manual, manualNet, committedUse, fixedUse };
}

/**
 * Each pair's amount (given by the water-filling, or hand-set on the unit) onto its counted facilities
 * with room, most room first (share.ts). Returns what each facility got (r × F + position) and the room
 * each pair's facilities have left.
 */
export function placeInUnits(
  inp: AllocationInput,
  fac: Facilities,
  pairs: Pairs,
  given: Float64Array,
  warnings: Said[],
): { got: Float64Array; roomLeft: Float64Array } {
  const U = inp.units.length,
    { F, unitStart } = fac;
  const got = new Float64Array(R * F),
    roomLeft = new Float64Array(U * R);
  const size = new Float64Array(F),
    room = new Float64Array(F),
    out = new Float64Array(F),
    idx = new Int32Array(F);
  for (let p = 0; p < U * R; p++) {
    if (pairs.needAt[p]! < 0) continue;
    const u = (p / R) | 0,
      r = p - u * R,
      m = pairs.counts[p]!;
    let n = 0;
    for (let j = unitStart[u]!; j < unitStart[u + 1]!; j++) {
      const i = r * F + j;
      if (!m[fac.type[j]!] || !(fac.room[i]! > 0)) continue;
      idx[n] = j;
      room[n] = fac.room[i]!;
      size[n] = fac.current[i]!;
      n++;
    }
    const amount = given[p]! + pairs.manualNet[p]!;
    let left = 0;
    if (amount > 0) {
      const placed = fillByRoom(amount, room, size, n, out);
      for (let j = 0; j < n; j++) {
        got[r * F + idx[j]!] = out[j]!;
        left += room[j]! - out[j]!;
      }
      if (placed < amount) {
        const name = inp.units[u]!.name;
        warnings.push({
          zh: `「${name}」手工指定的 ${amount - placed} 超出现有机构可扩充量，需新建`,
          en: `${name}: ${amount - placed} of the hand-set amount exceed the room in existing facilities: new ones are needed`,
        });
      }
    } else for (let j = 0; j < n; j++) left += room[j]!;
    roomLeft[p] = left;
  }
  return { got, roomLeft };
}
