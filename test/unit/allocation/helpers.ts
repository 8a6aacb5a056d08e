// Builders for the allocator's hand-made cases.
import type { FacilityType } from '../../../shared/model/kinds.ts';
import { DEFAULT_ELIGIBLE, DEFAULT_M2_PER_BED, DEFAULT_TYPE_CAPS, type Amounts, type Resource } from '../../../shared/allocation/resources.ts';
import type { AllocationFacility, AllocationInput, AllocationNeed, AllocationResult, NeedTarget } from '../../../shared/allocation/types.ts';

export const source = { document: '测试〔2025〕1号', clause: '一' };
export const BEDS: NeedTarget = { id: 'beds', name: '每千常住人口床位数', nameEn: 'Beds per 1,000', per: 1000, min: 5, ...source };
export const DOCTORS: NeedTarget = { id: 'physicians', name: '每千常住人口执业（助理）医师数', nameEn: 'Physicians per 1,000', per: 1000, min: 3, ...source };

/** A need from the facilities of the unit (every type counts), as allocationNeeds makes it. */
export function need(unit: number, resource: Resource, target: NeedTarget, population: number, current: number): AllocationNeed {
  const exact = (target.min * population) / target.per;
  const shortfall = Math.max(0, Math.ceil(exact - current - 1e-9));
  return { unit, resource, current, required: shortfall > 0 ? current + shortfall : Math.ceil(exact - 1e-9), shortfall, population, target };
}

export const fac = (id: string, unit: number, type: FacilityType, current: Amounts, extra: Partial<AllocationFacility> = {}): AllocationFacility => ({
  id,
  name: id,
  unit,
  type,
  current,
  ...extra,
});

/** The lines of one resource as [scope, code, allocated] for compact comparisons. */
export const given = (r: AllocationResult, resource: Resource) =>
  r.lines.filter((l) => l.resource === resource).map((l) => [l.scope === 'unit' ? 'U' : 'F', l.code, l.allocated] as const);

export const line = (r: AllocationResult, code: string, resource: Resource) => r.lines.find((l) => l.code === code && l.resource === resource)!;

/**
 * 3 streets, beds and physicians (worked by hand in allocate.test.ts):
 * 沙坪 20,000 people (H1 hospital 60 beds on 9,000 m², C1 CHC 10 beds), 望月湖 10,000 (C2 CHC 20 beds on
 * 2,500 m²), 东塘 30,000 (T3 THC 150 beds: met).
 */
export function threeStreets(budget: AllocationInput['budget'] = { beds: 20, physicians: 30 }): AllocationInput {
  const units = [
    { code: 'S1', name: '沙坪街道' },
    { code: 'S2', name: '望月湖街道' },
    { code: 'S3', name: '东塘街道' },
  ];
  const facilities = [
    fac('H1', 0, 'secondary_hospital', { beds: 60, physicians: 30 }, { floorArea: 9000 }),
    fac('C1', 0, 'chc', { beds: 10, physicians: 6 }),
    fac('C2', 1, 'chc', { beds: 20, physicians: 9 }, { floorArea: 2500 }),
    fac('T3', 2, 'thc', { beds: 150, physicians: 72 }),
  ];
  const needs = [
    need(0, 'beds', BEDS, 20_000, 70),
    need(1, 'beds', BEDS, 10_000, 20),
    need(2, 'beds', BEDS, 30_000, 150),
    need(0, 'physicians', DOCTORS, 20_000, 36),
    need(1, 'physicians', DOCTORS, 10_000, 9),
    need(2, 'physicians', DOCTORS, 30_000, 72),
  ];
  return { budget, units, needs, facilities };
}

const TYPES: readonly FacilityType[] = ['secondary_hospital', 'tcm_hospital', 'chc', 'thc', 'chs_station', 'ems_station', 'village_clinic'];
const TARGETS: Record<Resource, NeedTarget> = {
  beds: BEDS,
  physicians: DOCTORS,
  nurses: { id: 'nurses', name: '每千常住人口注册护士数', nameEn: 'Nurses per 1,000', per: 1000, min: 3.5, ...source },
  gps: { id: 'gps', name: '每万常住人口全科医生数', nameEn: 'GPs per 10,000', per: 10000, min: 4, ...source },
  ambulances: { id: 'ambulances', name: '每3万人口救护车数', nameEn: 'Ambulances per 30,000', per: 30000, min: 1, ...source },
};

/**
 * A random plan of `units` units with 0–4 facilities each; every resource's need counts every facility.
 * Populations from `minPopulation` to 3 times that; a unit holds 30–100% of its target (15% of them above it);
 * yuan per unit in `costs` (default 50,000–550,000).
 */
export function randomInstance(
  rand: () => number,
  opts: { units: number; resources: readonly Resource[]; minPopulation?: number; money?: boolean; fixed?: boolean; costs?: readonly [number, number] },
): AllocationInput {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const units = Array.from({ length: opts.units }, (_, u) => ({ code: `U${u}`, name: `单位${u}` }));
  const facilities: AllocationFacility[] = [];
  const needs: AllocationNeed[] = [];
  const budget: AllocationInput['budget'] = {};
  const costs: Amounts = {};
  const short: Amounts = {};
  for (let u = 0; u < opts.units; u++) {
    const population = (opts.minPopulation ?? 5000) * (1 + rand() * 2);
    const n = Math.floor(rand() * 5);
    const here: AllocationFacility[] = [];
    for (let k = 0; k < n; k++) {
      const f = fac(
        `F${u}-${k}`,
        u,
        pick(TYPES),
        {},
        rand() < 0.4 ? { floorArea: Math.round(rand() * 40_000) } : rand() < 0.2 ? { limits: { physicians: Math.round(rand() * 200) } } : {},
      );
      here.push(f);
    }
    for (const r of opts.resources) {
      const t = TARGETS[r];
      const exact = (t.min * population) / t.per;
      const level = rand() < 0.15 ? 1 + rand() * 0.3 : 0.3 + rand() * 0.7;
      let current = 0;
      for (const f of here) {
        const v = Math.round((exact * level) / here.length);
        f.current[r] = v;
        current += v;
      }
      const nd = need(u, r, t, population, current);
      needs.push(nd);
      short[r] = (short[r] ?? 0) + nd.shortfall;
    }
    facilities.push(...here);
  }
  for (const r of opts.resources) {
    budget[r] = Math.round((short[r] ?? 0) * rand() * 1.2);
    costs[r] = opts.costs ? opts.costs[0] + Math.round(rand() * (opts.costs[1] - opts.costs[0])) : 50_000 + Math.round(rand() * 10) * 50_000;
  }
  const input: AllocationInput = { budget, units, needs, facilities };
  if (opts.money) {
    input.costs = costs;
    budget.money = Math.round(opts.resources.reduce((s, r) => s + (short[r] ?? 0) * costs[r]!, 0) * rand() * 0.8);
  }
  if (opts.fixed && facilities.length) {
    input.commitments = [
      { resource: opts.resources[0]!, amount: 2, facility: pick(facilities).id },
      { resource: pick(opts.resources), amount: 3, unit: pick(units).code },
    ];
    input.manual = [
      { resource: pick(opts.resources), amount: 1, facility: pick(facilities).id },
      { resource: pick(opts.resources), amount: 4, unit: pick(units).code },
    ];
  }
  return input;
}

/** A facility's limit with the default rules, worked out here rather than taken from the engine (its current where it may not receive). */
export function limitOf(f: AllocationFacility, r: Resource): number {
  if (!DEFAULT_ELIGIBLE[r].includes(f.type)) return f.current[r] ?? 0;
  let lim = DEFAULT_TYPE_CAPS[r][f.type] ?? Infinity;
  if (r === 'beds' && typeof f.floorArea === 'number') lim = Math.min(lim, Math.floor(f.floorArea / DEFAULT_M2_PER_BED));
  return Math.max(Math.min(lim, f.limits?.[r] ?? Infinity), f.current[r] ?? 0);
}
