// The allocator's needs come from the same figures as the gap screen: same region, populations, counted
// types and shortfalls.
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../shared/allocation/allocate.ts';
import { allocationNeeds } from '../../../shared/allocation/needs.ts';
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
const src = (document: string) => ({ document, clause: '一', text: '测试' });
const set = (id: string, document: string, targets: readonly object[]) =>
  StandardSet.parse({
    id,
    name: id,
    nameEn: id,
    year: 2025,
    appliesTo: ['某市'],
    documents: [{ number: document, title: id }],
    targets: targets as TargetInput[],
  } satisfies StandardSetInput);
const ratio = (id: string, measure: string, per: number, min: number, scopes: string[], extra: object = {}) => ({
  id,
  name: id,
  nameEn: id,
  group: 'g',
  source: src('甲〔2025〕1号'),
  kind: 'ratio',
  measure,
  per,
  min,
  unit: '张',
  scopes,
  ...extra,
});

// 某市 → 甲区 (一街道 40,000, 二街道 20,000) and 乙县 (三镇 40,000 with villages); 别市 lies outside.
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
const FACILITIES = [
  fac('H1', 'secondary_hospital', 'A1', { beds_open: 500, physicians: 100 }),
  fac('E', 'elderly_care', 'A2', { beds_open: 9999 }),
  fac('C2', 'chc', 'A2', { physicians: 12 }),
  fac('H2', 'thc', 'V1', { beds_open: 100 }), // in a village: counts toward 三镇
  fac('T2', 'thc', 'B1', { beds_open: 50, physicians: 30, floor_area_m2: 20_000 }),
  fac('ZH', 'secondary_hospital', 'Z', { beds_open: 7 }),
];
const MEDICAL = ['secondary_hospital', 'thc'];
const first = set('first', '甲〔2025〕1号', [
  ratio('beds-8', 'beds_open', 1000, 8, ['region', 'county', 'township'], { facilityTypes: MEDICAL }),
  ratio('physicians-3', 'physicians', 1000, 3, ['county', 'township']),
  ratio('gps-2030', 'gps', 10000, 5, ['township'], { year: 2030 }),
  ratio('ambulances', 'ambulances', 30000, 1, ['region', 'county']),
  ratio('childcare', 'childcare_places', 1000, 4.5, ['township']),
  { id: 'chc-each', name: 'chc', nameEn: 'chc', group: 'g', source: src('甲〔2025〕1号'), kind: 'presence', facilityTypes: ['chc'], unitKinds: ['street'] },
]);
const second = set('second', '乙〔2025〕2号', [ratio('beds-9', 'beds_open', 1000, 9, ['township'])]);

// Counties × (beds, physicians, ambulances); streets/towns × (beds, physicians, and GPs against gps-2030: no GP
// target is due in 2025); beds-9 is set for streets/towns only.
const COUNT: Record<string, number> = { 'first county': 2 * 3, 'first township': 3 * 3, 'second county': 0, 'second township': 3 };

describe('allocationNeeds', () => {
  it("gives the gap screen's shortfall for every target and unit", () => {
    for (const s of [first, second]) {
      for (const scope of ['county', 'township'] as const) {
        const got = allocationNeeds(UNITS, FACILITIES, s, { year: 2025, scope });
        const gaps = evaluateGaps(UNITS, FACILITIES, s, { year: 2025 });
        expect(got.needs.length).toBe(COUNT[`${s.id} ${scope}`]);
        for (const n of got.needs) {
          const g = gaps.results.find((x) => x.target === n.target.id && x.scope === scope && x.code === got.units[n.unit]!.code)!;
          expect(n.shortfall, `${s.id} ${n.target.id} ${g.code}`).toBe(g.shortfall);
          expect(n.population).toBe(g.population);
          expect((n.current / n.population) * n.target.per).toBeCloseTo(g.value!, 4);
          expect(Math.max(0, n.required - n.current)).toBe(n.shortfall);
        }
      }
    }
  });

  it('keeps the larger requirement where two targets ask for the same resource, and leaves out what cannot be allocated', () => {
    const got = allocationNeeds(UNITS, FACILITIES, [first, second], { year: 2025, scope: 'township' });
    expect(got.units).toEqual([
      { code: 'A1', name: '一街道' },
      { code: 'A2', name: '二街道' },
      { code: 'B1', name: '三镇' },
    ]);
    const row = (code: string, r: string) => got.needs.find((n) => got.units[n.unit]!.code === code && n.resource === r);
    // 一街道: both met (500 ≥ 320 and ≥ 360): the higher requirement, 360 (beds-9).
    expect(row('A1', 'beds')).toMatchObject({ current: 500, required: 360, shortfall: 0, target: { id: 'beds-9' } });
    // 二街道: beds-8 counts hospitals and THCs only (0 of 160); beds-9 counts the elderly home (9,999 ≥ 180).
    expect(row('A2', 'beds')).toMatchObject({ current: 0, required: 160, shortfall: 160, target: { id: 'beds-8', document: '甲〔2025〕1号' } });
    // 三镇: 150 beds (the village THC's included); beds-8 needs 320 (170 short), beds-9 360 (210 short).
    expect(row('B1', 'beds')).toMatchObject({ current: 150, required: 360, shortfall: 210, target: { id: 'beds-9' } });
    expect(row('B1', 'physicians')).toMatchObject({ current: 30, required: 120, shortfall: 90 });
    // GPs: only gps-2030 asks for them, due in 2030 — with no GP target due by 2025 it is allocated against, and said.
    expect(row('B1', 'gps')).toMatchObject({ current: 0, required: 20, shortfall: 20, target: { id: 'gps-2030' } });
    expect(row('B1', 'ambulances')).toBeUndefined(); // not a street/town target
    expect(got.needs.map((n) => n.resource).sort()).toEqual(['beds', 'beds', 'beds', 'gps', 'gps', 'gps', 'physicians', 'physicians', 'physicians']);
    expect(got.notes.map((n) => n.zh)).toEqual([
      // The gap screen's notes (on the populations here), once for the two sets.
      ...evaluateGaps(UNITS, FACILITIES, first, { year: 2025 }).notes,
      '「ambulances」不在街道/乡镇一级考核，未纳入',
      '「gps-2030」2030 年到期（未到期）：没有 2025 年到期的全科医生指标，按它配置',
    ]);
    expect(got.facilities.map((f) => [f.id, got.units[f.unit]!.code])).toEqual([
      ['H1', 'A1'],
      ['E', 'A2'],
      ['C2', 'A2'],
      ['H2', 'B1'],
      ['T2', 'B1'],
    ]);
    expect(got.facilities.find((f) => f.id === 'T2')).toMatchObject({ type: 'thc', current: { beds: 50, physicians: 30 }, floorArea: 20_000 });
  });

  it("gives each resource the gap screen's region line of its target; a target due later beside one due now is left for the notes", () => {
    const got = allocationNeeds(UNITS, FACILITIES, first, { year: 2025, scope: 'county' });
    const gaps = evaluateGaps(UNITS, FACILITIES, first, { year: 2025 });
    const region = (t: string) => gaps.results.find((x) => x.target === t && x.scope === 'region')!;
    // 某市 100,000 people: beds-8 counts the hospital and THCs, 500 + 100 + 50 = 650 of 800 (别市's 7 are outside): 150 short.
    // Ambulances: 0 of 100,000 ÷ 30,000 = 3.33 → 4. physicians-3 is not judged for the region: no line.
    expect(got.regions.map((l) => [l.resource, l.target.id, l.name, l.population, l.current, l.shortfall])).toEqual([
      ['beds', 'beds-8', '某市', 100_000, 650, 150],
      ['ambulances', 'ambulances', '某市', 100_000, 0, 4],
    ]);
    for (const l of got.regions) expect(l.shortfall).toBe(region(l.target.id).shortfall);
    // A GP target due in 2025 beside gps-2030: the 2025 one is allocated against, gps-2030 listed as later with its region line.
    const both = set('both', '甲〔2025〕1号', [
      ratio('gps-4', 'gps', 10000, 4, ['region', 'county']),
      ratio('gps-2030', 'gps', 10000, 5, ['region', 'county'], { year: 2030 }),
    ]);
    const g = allocationNeeds(UNITS, FACILITIES, both, { year: 2025, scope: 'county' });
    expect(new Set(g.needs.map((n) => n.target.id))).toEqual(new Set(['gps-4']));
    expect(g.regions.map((l) => [l.target.id, l.shortfall])).toEqual([['gps-4', 40]]);
    expect(g.later.map((l) => [l.target.id, l.shortfall, l.due])).toEqual([['gps-2030', 50, 2030]]);
    // From 2030 on both are due: the one asking more (gps-2030) is kept.
    expect(new Set(allocationNeeds(UNITS, FACILITIES, both, { year: 2030, scope: 'county' }).needs.map((n) => n.target.id))).toEqual(new Set(['gps-2030']));
  });

  it('feeds the allocator', () => {
    const got = allocationNeeds(UNITS, FACILITIES, [first, second], { year: 2025, scope: 'township' });
    const r = allocate({ budget: { beds: 100 }, units: got.units, needs: got.needs, facilities: got.facilities });
    // 三镇's THCs: H2 at 100 of its 100 (type cap), T2 at 50: room 50. 二街道: no THC or hospital to grow.
    expect(r.lines.filter((l) => l.resource === 'beds' && l.allocated > 0).map((l) => [l.code, l.allocated])).toEqual([
      ['B1', 50],
      ['T2', 50],
    ]);
    expect(r.still_needed.beds).toEqual({ budget: 0, new_capacity: 160 + 160 });
    expect(r.unspent.beds).toBe(50);
  });
});
