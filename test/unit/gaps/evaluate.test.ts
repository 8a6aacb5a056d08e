// The gap engine on hand-made plans, each figure computed by hand.
import { describe, expect, it } from 'vitest';
import { evaluateGaps } from '../../../shared/gaps/evaluate.ts';
import { StandardSet, type StandardSetInput, type TargetInput } from '../../../shared/gaps/standard.ts';
import { emptyFacility, type Facility, type Unit } from '../../../shared/model/entities.ts';
import type { FacilityType, UnitKind } from '../../../shared/model/kinds.ts';

const unit = (code: string, name: string, kind: UnitKind, parent: string | null, population: number | null): Unit => ({
  code,
  name,
  kind,
  parent_code: parent,
  urban: true,
  population,
  population_0_3: null,
  population_65_plus: null,
  area_km2: null,
  lon: null,
  lat: null,
  year: 2020,
  growth_rate: null,
});
const fac = (id: string, type: FacilityType, unit_code: string, extra: Partial<Facility> = {}): Facility => ({
  ...emptyFacility(id, id, type, unit_code),
  ...extra,
});
const src = { document: '测试〔2025〕1号', clause: '一', text: '测试' };
/** Targets are written `as const` here; the schema checks them at run time as it does a JSON file. */
const set = (targets: readonly object[], appliesTo?: string[]) =>
  StandardSet.parse({
    id: 't',
    name: '测试',
    nameEn: 'Test',
    year: 2025,
    appliesTo,
    documents: [{ number: '测试〔2025〕1号', title: 't' }],
    targets: targets as TargetInput[],
  } satisfies StandardSetInput);
const common = (id: string) => ({ id, name: id, nameEn: id, group: 'g', source: src });

// 市 C (100,000) → 区 A (60,000: streets A1 40,000, A2 20,000) and 县 B (40,000: town B1 40,000 with villages V1, V2)
const UNITS = [
  unit('C', '某市', 'city', null, 100_000),
  unit('A', '甲区', 'county', 'C', 60_000),
  unit('A1', '一街道', 'street', 'A', 40_000),
  unit('A2', '二街道', 'street', 'A', 20_000),
  unit('B', '乙县', 'county', 'C', 40_000),
  unit('B1', '三镇', 'town', 'B', 40_000),
  unit('V1', '东村', 'village', 'B1', 1_000),
  unit('V2', '西村', 'village', 'B1', 1_000),
  unit('Z', '别市', 'city', null, 500),
];
const get = (r: ReturnType<typeof evaluateGaps>, scope: string, code: string) => r.results.find((x) => x.scope === scope && x.code === code)!;

describe('ratio to population', () => {
  const facilities = [
    fac('H1', 'secondary_hospital', 'A1', { beds_open: 500 }),
    fac('H2', 'thc', 'B1', { beds_open: 100 }),
    fac('E', 'elderly_care', 'A2', { beds_open: 9999 }),
  ];
  const beds = {
    ...common('beds'),
    kind: 'ratio',
    measure: 'beds_open',
    per: 1000,
    min: 8,
    unit: '张',
    scopes: ['region', 'county', 'township'],
    facilityTypes: ['secondary_hospital', 'thc'],
  } as const;

  it('sums beds over the region, counties and streets, and says how many are short', () => {
    const r = evaluateGaps(UNITS, facilities, set([beds], ['某市']), { year: 2025 });
    // region: 600 beds / 100,000 × 1000 = 6 per 1,000; 8 needs 800 → 200 short
    expect(get(r, 'region', 'region')).toMatchObject({ name: '某市', value: 6, required: 8, shortfall: 200, status: 'short' });
    // 甲区: 500 / 60,000 = 8.3333 → met; 乙县: 100 / 40,000 = 2.5 → needs 320 − 100 = 220
    expect(get(r, 'county', 'A')).toMatchObject({ value: 8.3333, shortfall: 0, status: 'met', parent: 'region' });
    expect(get(r, 'county', 'B')).toMatchObject({ value: 2.5, shortfall: 220, status: 'short' });
    // 二街道: no beds at all (the elderly home does not count) → 160 short
    expect(get(r, 'township', 'A2')).toMatchObject({ value: 0, shortfall: 160, status: 'short', parent: 'A' });
  });

  it('is near within 10%, and refuses to divide by a missing or zero population', () => {
    const near = evaluateGaps(UNITS, [fac('H', 'thc', 'A1', { beds_open: 300 })], set([{ ...beds, min: 8, scopes: ['township'] }]), { year: 2025 });
    expect(get(near, 'township', 'A1')).toMatchObject({ value: 7.5, status: 'near', shortfall: 20 });
    const units = UNITS.map((u) => (u.code === 'A2' ? { ...u, population: 0 } : u.code === 'B1' ? { ...u, population: null } : u));
    const r = evaluateGaps(units, facilities, set([beds]), { year: 2025 });
    expect(get(r, 'township', 'A2')).toMatchObject({ status: 'missing_data', value: null, missing: '缺少常住人口' });
    // 三镇 has no figure of its own: its villages' 2,000 stand in
    expect(get(r, 'township', 'B1')).toMatchObject({ value: 50, status: 'met' });
  });

  it('counts a facility with no figure as 0 and says so', () => {
    const r = evaluateGaps(UNITS, [...facilities, fac('H3', 'thc', 'A1')], set([beds]), { year: 2025 });
    expect(get(r, 'township', 'A1').missing).toBe('1 所机构缺少「实有床位」数据，按 0 计');
  });
});

describe('presence per unit', () => {
  it('one CHC per street, with one more above 30,000 residents', () => {
    const t = {
      ...common('chc'),
      kind: 'presence',
      facilityTypes: ['chc', 'chc_branch'],
      unitKinds: ['street'],
      extraAbove: { population: 30_000, extra: 1 },
    } as const;
    const r = evaluateGaps(UNITS, [fac('C1', 'chc', 'A1'), fac('C2', 'chc', 'A2')], set([t]), { year: 2025 });
    expect(get(r, 'township', 'A1')).toMatchObject({ value: 1, required: 2, shortfall: 1, status: 'short' });
    expect(get(r, 'township', 'A2')).toMatchObject({ value: 1, required: 1, shortfall: 0, status: 'met' });
    expect(get(r, 'county', 'A')).toMatchObject({ count: { met: 1, of: 2 }, shortfall: 1, status: 'short' });
    expect(get(r, 'region', 'region')).toMatchObject({ count: { met: 1, of: 2 }, shortfall: 1 });
  });

  it('a clinic in every village, rolled up to the town', () => {
    const t = { ...common('clinic'), kind: 'presence', facilityTypes: ['village_clinic'], unitKinds: ['village'] } as const;
    const r = evaluateGaps(UNITS, [fac('K1', 'village_clinic', 'V1')], set([t]), { year: 2025 });
    expect(get(r, 'township', 'B1')).toMatchObject({ count: { met: 1, of: 2 }, shortfall: 1, status: 'short', parent: 'B' });
    expect(r.results.some((x) => x.code === 'V1')).toBe(false); // villages are not a reporting level
  });

  it('named units with their own counts; a name not in the plan is reported, not ignored', () => {
    const t = {
      ...common('sub'),
      kind: 'presence',
      facilityTypes: ['sub_centre'],
      unitKinds: ['county'],
      named: [
        { unit: '乙县', min: 2 },
        { unit: '丙县', min: 1 },
      ],
    } as const;
    const r = evaluateGaps(UNITS, [fac('S1', 'sub_centre', 'B1')], set([t]), { year: 2025 });
    expect(get(r, 'county', 'B')).toMatchObject({ value: 1, required: 2, shortfall: 1, status: 'short' });
    expect(r.results.find((x) => x.code === '丙县')).toMatchObject({ status: 'missing_data', missing: '方案中没有「丙县」' });
    expect(r.results.some((x) => x.code === 'A')).toBe(false);
  });

  it('a count named for the region itself is the region line, with no roll-up beside it', () => {
    const t = { ...common('forty'), kind: 'presence', facilityTypes: ['community_hospital'], unitKinds: ['city'], named: [{ unit: '某市', min: 3 }] } as const;
    const r = evaluateGaps(UNITS, [fac('H1', 'community_hospital', 'A1'), fac('H2', 'community_hospital', 'B1')], set([t], ['某市']), { year: 2025 });
    expect(r.results).toEqual([
      expect.objectContaining({ scope: 'region', code: 'region', name: '某市', value: 2, required: 3, shortfall: 1, status: 'short' }),
    ]);
  });

  it('one per N residents, and a unit with no facilities at all', () => {
    const t = { ...common('per'), kind: 'presence', facilityTypes: ['chc'], unitKinds: ['street'], perPopulation: 30_000 } as const;
    const r = evaluateGaps(UNITS, [], set([t]), { year: 2025 });
    expect(get(r, 'township', 'A1')).toMatchObject({ value: 0, required: 2, shortfall: 2 }); // ⌈40,000 / 30,000⌉
    expect(get(r, 'township', 'A2')).toMatchObject({ value: 0, required: 1, shortfall: 1 });
  });
});

describe('per-facility minimum', () => {
  it('≥2 public-health physicians per centre, rolled up with the total still needed', () => {
    const t = { ...common('php'), kind: 'facility_min', facilityTypes: ['chc', 'thc'], measure: 'public_health_physicians', min: 2, unit: '人' } as const;
    const fs = [fac('C1', 'chc', 'A1', { public_health_physicians: 0 }), fac('C2', 'chc', 'A2', { public_health_physicians: 3 }), fac('T1', 'thc', 'B1')];
    const r = evaluateGaps(UNITS, fs, set([t]), { year: 2025 });
    expect(get(r, 'facility', 'C1')).toMatchObject({ value: 0, shortfall: 2, status: 'short', parent: 'A1' });
    expect(get(r, 'facility', 'C2')).toMatchObject({ value: 3, shortfall: 0, status: 'met' });
    expect(get(r, 'facility', 'T1')).toMatchObject({ status: 'missing_data', missing: '缺少「公共卫生医师」' });
    expect(get(r, 'county', 'A')).toMatchObject({ count: { met: 1, of: 2 }, shortfall: 2 });
    expect(get(r, 'region', 'region')).toMatchObject({ count: { met: 1, of: 2 }, shortfall: 2, missing: '1 所机构缺少数据' });
  });

  it('TCM physicians ≥ 25% of physicians: short in people; a flag counts as 1', () => {
    const tcm = {
      ...common('tcm'),
      kind: 'facility_min',
      facilityTypes: ['chc'],
      measure: 'tcm_physicians',
      relativeTo: 'physicians',
      min: 0.25,
      unit: '人',
    } as const;
    const hall = { ...common('hall'), kind: 'facility_min', facilityTypes: ['chc'], measure: 'tcm_hall', min: 1, unit: '个' } as const;
    const r = evaluateGaps(
      UNITS,
      [
        fac('C1', 'chc', 'A1', { physicians: 10, tcm_physicians: 1, tcm_hall: false }),
        fac('C2', 'chc', 'A2', { physicians: 0, tcm_physicians: 0, tcm_hall: true }),
      ],
      set([tcm, hall]),
      { year: 2025 },
    );
    expect(r.results.find((x) => x.target === 'tcm' && x.code === 'C1')).toMatchObject({ value: 0.1, shortfall: 2, status: 'short' }); // ⌈2.5 − 1⌉
    expect(r.results.find((x) => x.target === 'tcm' && x.code === 'C2')).toMatchObject({ status: 'missing_data', missing: '「执业(助理)医师」为 0' });
    expect(r.results.find((x) => x.target === 'hall' && x.code === 'C1')).toMatchObject({ value: 0, shortfall: 1, status: 'short' });
    expect(r.results.find((x) => x.target === 'hall' && x.code === 'C2')).toMatchObject({ value: 1, status: 'met' });
  });
});

describe('share of facilities', () => {
  it('≥40% at the recommended standard: how many more centres must reach it', () => {
    const t = {
      ...common('rec'),
      kind: 'share',
      facilityTypes: ['chc', 'thc'],
      condition: { field: 'service_standard', op: 'in', value: ['recommended'] },
      min: 0.4,
      scopes: ['region', 'county'],
    } as const;
    const fs = ['A1', 'A1', 'A2', 'B1', 'B1'].map((u, i) => fac(`F${i}`, i < 3 ? 'chc' : 'thc', u, { service_standard: i === 0 ? 'recommended' : 'basic' }));
    const r = evaluateGaps(UNITS, fs, set([t]), { year: 2025 });
    expect(get(r, 'region', 'region')).toMatchObject({ value: 0.2, count: { met: 1, of: 5 }, shortfall: 1, status: 'short' }); // ⌈2 − 1⌉
    expect(get(r, 'county', 'A')).toMatchObject({ value: 0.3333, shortfall: 1 }); // ⌈1.2 − 1⌉
    expect(get(r, 'county', 'B')).toMatchObject({ value: 0, shortfall: 1 }); // ⌈0.8⌉
  });

  it('no facilities of the type: not a fake 0%', () => {
    const t = {
      ...common('none'),
      kind: 'share',
      facilityTypes: ['community_hospital'],
      condition: { field: 'beds_open', op: '>=', value: 30 },
      min: 0.2,
      scopes: ['region'],
    } as const;
    expect(get(evaluateGaps(UNITS, [], set([t]), { year: 2025 }), 'region', 'region')).toMatchObject({ status: 'missing_data', value: null });
  });
});

describe('access and region', () => {
  const t1030 = {
    ...common('1030'),
    kind: 'access',
    facilityTypes: ['ems_station'],
    urbanMinutes: 10,
    ruralMinutes: 30,
    scopes: ['region', 'county'],
  } as const;

  it('access targets without an access analysis are not evaluated: no value', () => {
    const r = evaluateGaps(UNITS, [], set([t1030]), { year: 2025 });
    expect(r.results.map((x) => [x.scope, x.code, x.status, x.value])).toEqual([
      ['region', 'region', 'not_evaluated', null],
      ['county', 'A', 'not_evaluated', null],
      ['county', 'B', 'not_evaluated', null],
    ]);
  });

  it('access targets with coverage: the share reached in time, and the people still to reach', () => {
    const access = new Map([
      [
        '1030',
        {
          model: 'straight_line' as const,
          region: { population: 100_000, covered: 90_000 },
          byUnit: new Map([
            ['A', { population: 60_000, covered: 60_000 }],
            ['B', { population: 40_000, covered: 30_000 }],
          ]),
        },
      ],
    ]);
    const r = evaluateGaps(UNITS, [], set([t1030]), { year: 2025, access });
    expect(get(r, 'region', 'region')).toMatchObject({ value: 0.9, required: 1, shortfall: 10_000, status: 'near', unit: '人', population: 100_000 });
    expect(get(r, 'county', 'A')).toMatchObject({ value: 1, shortfall: 0, status: 'met' });
    expect(get(r, 'county', 'B')).toMatchObject({ value: 0.75, shortfall: 10_000, status: 'short', missing: '无路网：按直线距离×绕行系数÷车速估算' });
    // A set for 某市 alone: the region line is its counties', not the whole analysis's (which held 别市 too).
    const wider = new Map([['1030', { ...access.get('1030')!, region: { population: 100_500, covered: 90_000 } }]]);
    expect(get(evaluateGaps(UNITS, [], set([t1030], ['某市']), { year: 2025, access: wider }), 'region', 'region')).toMatchObject({
      value: 0.9,
      population: 100_000,
    });
    const none = evaluateGaps(UNITS, [], set([t1030]), { year: 2025, access: new Map([['1030', { ...access.get('1030')!, byUnit: new Map() }]]) });
    expect(get(none, 'county', 'B')).toMatchObject({ status: 'missing_data', value: null });
  });

  it('a set written for a region the plan does not hold is not applicable (不适用) unless the planner applies it to a region of theirs', () => {
    const beds = { ...common('b'), kind: 'ratio', measure: 'beds_open', per: 1000, min: 1, unit: '张', scopes: ['region', 'county'] } as const;
    const fs = [fac('H1', 'thc', 'A1', { beds_open: 100 })];
    const r = evaluateGaps(UNITS, fs, set([beds], ['鼓楼区']), { year: 2020 });
    expect(r.results).toEqual([expect.objectContaining({ scope: 'region', status: 'not_applicable', value: null, name: '鼓楼区' })]);
    expect(r.region).toEqual({ codes: [], name: '鼓楼区', applicable: false });
    expect(r.notes[0]).toBe('本标准适用于「鼓楼区」，方案中没有该单位：不适用（可在差距分析中指定应用于本方案的区域）');
    // Applied to 甲区 by the planner: 100 beds / 60,000 × 1,000 = 1.6667 per 1,000.
    const applied = evaluateGaps(UNITS, fs, set([beds], ['鼓楼区']), { year: 2020, appliedTo: ['甲区'] });
    expect(get(applied, 'region', 'region')).toMatchObject({ value: 1.6667, name: '甲区', status: 'met' });
    expect(applied.region).toEqual({ codes: ['A'], name: '甲区', applicable: true });
    expect(applied.notes[0]).toBe('本标准原适用于「鼓楼区」，按规划人员的选择应用于「甲区」');
  });

  it('a set that applies to one city leaves other cities out; without appliesTo the whole plan counts', () => {
    const beds = { ...common('b'), kind: 'ratio', measure: 'beds_open', per: 1000, min: 1, unit: '张', scopes: ['region'] } as const;
    const fs = [fac('H1', 'thc', 'A1', { beds_open: 100 })];
    expect(get(evaluateGaps(UNITS, fs, set([beds], ['C']), { year: 2025 }), 'region', 'region')).toMatchObject({ value: 1 });
    expect(get(evaluateGaps(UNITS, fs, set([beds]), { year: 2025 }), 'region', 'region')).toMatchObject({ value: 0.995, name: '某市、别市' }); // 100 / 100,500
  });
});
