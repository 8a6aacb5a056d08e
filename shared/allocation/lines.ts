/** The result's lines: per unit and resource its unit line, then the lines of its facilities that got or hold something fixed. */
import { facilityReason, unitReason } from './explain.ts';
import type { Pairs } from './pairs.ts';
import { R, type Facilities } from './prepare.ts';
import { DEFAULT_M2_PER_BED, RESOURCES, type Resource } from './resources.ts';
import type { AllocationInput, AllocationLine, StillNeeded, StopReason } from './types.ts';

export interface Placed {
  /** Per pair: what the water-filling gave. */
  given: Float64Array;
  /** Per facility × resource (r × F + position): what it got; per pair: the room its facilities have left. */
  got: Float64Array;
  roomLeft: Float64Array;
  stopped: Record<Resource, StopReason>;
}

export function buildLines(inp: AllocationInput, fac: Facilities, unitManualSet: Uint8Array, pairs: Pairs, placed: Placed) {
  const lines: AllocationLine[] = [];
  const allocated = new Float64Array(R),
    budget = new Float64Array(R),
    newCapacity = new Float64Array(R);
  const m2PerBed = inp.rules?.m2PerBed ?? DEFAULT_M2_PER_BED;
  for (let p = 0; p < pairs.needAt.length; p++) {
    const k = pairs.needAt[p]!;
    if (k < 0) continue;
    const u = (p / R) | 0,
      r = p - u * R;
    const n = inp.needs[k]!,
      unit = inp.units[u]!,
      resource = RESOURCES[r]!;
    const manual = unitManualSet[p] === 1,
      committed = pairs.committed[p]!;
    const given = pairs.manual[p]! + placed.given[p]!;
    allocated[r]! += placed.given[p]!;
    const result = n.current + committed + given;
    const remaining = Math.max(0, n.required - result);
    const absorbable = Math.min(remaining, placed.roomLeft[p]!);
    budget[r]! += absorbable;
    newCapacity[r]! += remaining - absorbable;
    const why = unitReason({
      unitName: unit.name,
      resource,
      target: n.target,
      population: n.population,
      current: n.current,
      committed,
      allocated: given,
      manual,
      shortfall: n.shortfall,
      remaining,
      absorbable,
      stop: manual ? 'manual' : placed.stopped[resource],
    });
    lines.push({
      scope: 'unit',
      code: unit.code,
      name: unit.name,
      unitCode: unit.code,
      resource,
      current: n.current,
      committed,
      allocated: given,
      result,
      remaining_shortfall: remaining,
      manual,
      reason: why.zh,
      reasonEn: why.en,
    });
    facilityLines(inp, fac, u, r, placed.got, m2PerBed, lines);
  }
  const still = Object.fromEntries(RESOURCES.map((res, r) => [res, { budget: budget[r]!, new_capacity: newCapacity[r]! }])) as Record<Resource, StillNeeded>;
  return { lines, allocated, still };
}

function facilityLines(inp: AllocationInput, fac: Facilities, u: number, r: number, got: Float64Array, m2PerBed: number, lines: AllocationLine[]): void {
  const { F, unitStart, order } = fac,
    unitCode = inp.units[u]!.code,
    resource = RESOURCES[r]!;
  for (let j = unitStart[u]!; j < unitStart[u + 1]!; j++) {
    const i = r * F + j;
    const manual = fac.manualSet[i] === 1;
    const add = manual ? fac.manual[i]! : got[i]!;
    const committed = fac.committed[i]!;
    if (add === 0 && committed === 0 && !manual) continue;
    const facility = inp.facilities[order[j]!]!;
    const current = fac.current[i]!;
    const why = facilityReason({
      resource,
      type: facility.type,
      current,
      committed,
      allocated: add,
      manual,
      limit: fac.limit[i]!,
      limitKind: fac.limitKind[i]!,
      floorArea: facility.floorArea,
      m2PerBed,
    });
    lines.push({
      scope: 'facility',
      code: facility.id,
      name: facility.name,
      unitCode,
      resource,
      current,
      committed,
      allocated: add,
      result: current + committed + add,
      remaining_shortfall: null,
      manual,
      reason: why.zh,
      reasonEn: why.en,
    });
  }
}
