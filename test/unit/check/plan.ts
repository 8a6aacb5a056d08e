/** Tiny hand-made plans for the data check's unit tests. */
import { checkPlan } from '../../../shared/check/index.ts';
import type { CheckInput } from '../../../shared/check/finding.ts';
import { StandardSet, type StandardSetInput, type TargetInput } from '../../../shared/gaps/standard.ts';
import { emptyFacility, type Facility, type Unit } from '../../../shared/model/entities.ts';
import type { FacilityType, UnitKind } from '../../../shared/model/kinds.ts';

export const unit = (code: string, name: string, kind: UnitKind, parent: string | null, population: number | null, extra: Partial<Unit> = {}): Unit => ({
  code,
  name,
  kind,
  parent_code: parent,
  urban: true,
  population,
  population_0_3: null,
  population_65_plus: null,
  area_km2: null,
  lon: 113,
  lat: 28,
  year: 2025,
  growth_rate: null,
  ...extra,
});
export const fac = (id: string, type: FacilityType, unit_code: string, extra: Partial<Facility> = {}): Facility => ({
  ...emptyFacility(id, id, type, unit_code),
  lon: 113,
  lat: 28,
  ...extra,
});
const src = { document: '测试〔2025〕1号', clause: '一', text: '测试' };
export const common = (id: string, name = id) => ({ id, name, nameEn: `${id} (en)`, group: 'g', source: src });
export const set = (targets: readonly object[], appliesTo?: string[]) =>
  StandardSet.parse({
    id: 't',
    name: '测试',
    nameEn: 'Test',
    year: 2025,
    appliesTo,
    documents: [{ number: '测试〔2025〕1号', title: 't' }],
    targets: targets as TargetInput[],
  } satisfies StandardSetInput);
/** 每千人口床位数 over the given types, at region, county and street. */
export const BEDS = {
  ...common('beds', '每千人口床位数'),
  kind: 'ratio',
  measure: 'beds_open',
  per: 1000,
  min: 6,
  unit: '张',
  scopes: ['region', 'county', 'township'],
} as const;

/** A target that reads no column and no population (a set cannot be empty): `[]` in a test stands for it. */
const NOTHING = { ...common('cdc', '疾控中心'), kind: 'presence', facilityTypes: ['cdc'], unitKinds: ['city'] } as const;
export function check(units: Unit[], facilities: Facility[], targets: readonly object[] = [BEDS], extra: Partial<CheckInput> = {}) {
  return checkPlan({ units, facilities, set: set(targets.length ? targets : [NOTHING]), year: 2025, ...extra });
}
export const rules = (r: ReturnType<typeof check>) => r.findings.map((f) => `${f.rule} ${f.row.key}`).sort();
export const one = (r: ReturnType<typeof check>, rule: string, key: string) => {
  const f = r.findings.filter((x) => x.rule === rule && x.row.key === key);
  if (f.length !== 1) throw new Error(`${rule} ${key}: ${f.length} findings (${rules(r).join(', ')})`);
  return f[0]!;
};
