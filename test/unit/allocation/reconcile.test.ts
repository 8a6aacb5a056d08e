// The allocation's default level and its totals against the gap screen's, worked by hand on a small city:
// 某市 100,000 people → 甲区 60,000 (一街道 40,000 with a 500-bed hospital, 二街道 20,000 with none) and 乙县
// 40,000 (三镇: THCs of 100 and 50 beds; a THC holds at most 100). Beds 8 per 1,000 for the city, its counties
// and streets/towns.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../shared/allocation/allocate.ts';
import { allocationNeeds } from '../../../shared/allocation/needs.ts';
import { reconcile } from '../../../shared/allocation/reconcile.ts';
import { judgedScope, type AllocationScope } from '../../../shared/allocation/scope.ts';
import type { Budget } from '../../../shared/allocation/types.ts';
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
const src = { document: '甲〔2025〕1号', clause: '一', text: '测试' };
const set = (targets: readonly object[]) =>
  StandardSet.parse({
    id: 's',
    name: 's',
    nameEn: 's',
    year: 2025,
    appliesTo: ['某市'],
    documents: [{ number: '甲〔2025〕1号', title: 's' }],
    targets: targets as TargetInput[],
  } satisfies StandardSetInput);
const ratio = (id: string, measure: string, per: number, min: number, scopes: string[], extra: object = {}) => ({
  id,
  name: id,
  nameEn: id,
  group: 'g',
  source: src,
  kind: 'ratio',
  measure,
  per,
  min,
  unit: '张',
  scopes,
  ...extra,
});
const emsCircle = {
  id: 'ems-1030',
  name: '“1030”急救圈',
  nameEn: '1030 circle',
  group: 'g',
  source: src,
  kind: 'access',
  facilityTypes: ['ems_station'],
  urbanMinutes: 10,
  ruralMinutes: 30,
  min: 1,
  scopes: ['region'],
};

const UNITS = [
  unit('C', '某市', 'city', null, 100_000),
  unit('A', '甲区', 'county', 'C', 60_000),
  unit('A1', '一街道', 'street', 'A', 40_000),
  unit('A2', '二街道', 'street', 'A', 20_000),
  unit('B', '乙县', 'county', 'C', 40_000),
  unit('B1', '三镇', 'town', 'B', 40_000),
];
const FACILITIES = [
  fac('H1', 'secondary_hospital', 'A1', { beds_open: 500 }),
  fac('H2', 'thc', 'B1', { beds_open: 100 }),
  fac('T2', 'thc', 'B1', { beds_open: 50 }),
];
const BEDS = set([ratio('beds-8', 'beds_open', 1000, 8, ['region', 'county', 'township'])]);

function run(s: StandardSet, scope: AllocationScope, budget: Budget) {
  const needs = allocationNeeds(UNITS, FACILITIES, s, { year: 2025, scope });
  const result = allocate({ budget, units: needs.units, needs: needs.needs, facilities: needs.facilities });
  return {
    needs,
    result,
    rec: reconcile({ scope, judged: judgedScope(s), needs: needs.needs, regions: needs.regions, later: needs.later, result, budget, set: s }),
  };
}

describe('judgedScope: the level an allocation shares across by default', () => {
  it('is the county for every shipped set — their ratio targets are judged for the region and its counties, streets only for reference', () => {
    const dir = path.resolve(import.meta.dirname, '../../../data/standards');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      expect(judgedScope(StandardSet.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))), f).toBe('county');
    }
  });

  it('is the street/town only for a set whose allocatable ratio targets are set per street/town alone', () => {
    expect(judgedScope(set([ratio('b', 'beds_open', 1000, 8, ['township'])]))).toBe('township');
    expect(judgedScope(set([ratio('b', 'beds_open', 1000, 8, ['township']), ratio('a', 'ambulances', 30000, 1, ['region'])]))).toBe('county');
    // Childcare places are not allocated: a per-street childcare ratio does not make the beds' level.
    expect(judgedScope(set([ratio('c', 'childcare_places', 1000, 4.5, ['township']), ratio('b', 'beds_open', 1000, 8, ['county'])]))).toBe('county');
    expect(judgedScope({ targets: [] })).toBe('county');
  });
});

describe('the allocation against the gap screen', () => {
  // Gap screen: 某市 650 of 800 beds (150 short); 甲区 500 of 480 (met, 20 over); 乙县 150 of 320 (170 short);
  // 一街道 500 of 320, 二街道 0 of 160, 三镇 150 of 320. 100 beds: only T2 can grow (to its 100-bed cap): 50 given.
  const gaps = evaluateGaps(UNITS, FACILITIES, BEDS, { year: 2025 });
  const gap = (scope: string, code: string) => gaps.results.find((x) => x.scope === scope && x.code === code)!.shortfall;

  it("by county (the default): before the run the total is the region line's 150, not the counties' 170; after it 100 remain", () => {
    const { rec, result } = run(BEDS, 'county', { beds: 100 });
    expect(gap('region', 'region')).toBe(150);
    expect(result.allocated.beds).toBe(50);
    expect(rec.totals.beds).toMatchObject({
      target: 'beds-8',
      region: { name: '某市', shortfall: 150, remaining: 100 },
      units: { count: 2, short: 1, shortfall: 170, remaining: 120 },
    });
    // 还需 is the region's: the 100 left no existing facility can take (三镇's THCs are full).
    expect(rec.still_needed.beds).toEqual({ budget: 0, new_capacity: 100 });
    expect(result.still_needed.beds).toEqual({ budget: 0, new_capacity: 120 }); // the engine's, county by county
    expect(rec.totals.beds!.said!.zh).toBe(
      '全域（某市）缺口 150 床，同差距分析；配置后还缺 100 床。逐区县计缺口之和 170 床，高于全域：已达标区县的富余不抵补其他区县，配置后 120 床',
    );
    expect(rec.totals.beds!.said!.en).toBe(
      "某市 as a whole is short of 150 beds, as on the gap screen; 100 beds short after this run. County by county the shortfalls add up to 170 beds, more than the region's: a surplus in one county does not offset another's shortfall, 120 beds after this run",
    );
  });

  it("by street/town: says the streets' sum, 330, is more than the region's 150 and why, and both after the run", () => {
    const { rec } = run(BEDS, 'township', { beds: 100 });
    expect(gap('township', 'A2')! + gap('township', 'B1')! + gap('township', 'A1')!).toBe(160 + 170 + 0);
    expect(rec.totals.beds!.said!.zh).toBe(
      '按街道/乡镇测算，各街道/乡镇缺口之和 330 床，高于全域（某市）缺口 150 床（差距分析）：街道/乡镇间的富余不能相互抵补，该指标按全域和区县考核；配置后各街道/乡镇还缺 280 床，全域还缺 100 床',
    );
    expect(rec.totals.beds!.said!.en).toContain(
      "the streets/towns' shortfalls add up to 330 beds, more than the 150 beds 某市 is short of as a whole (gap screen): one street/town's surplus does not offset another's shortfall",
    );
    expect(rec.still_needed.beds).toEqual({ budget: 0, new_capacity: 100 });
  });

  it("a budget larger than the region's shortfall: the region is met, counties still short are said", () => {
    const rich = [...FACILITIES.slice(0, 2), fac('T2', 'secondary_hospital', 'B1', { beds_open: 50 })]; // room for 950
    const needs = allocationNeeds(UNITS, rich, BEDS, { year: 2025, scope: 'county' });
    const result = allocate({ budget: { beds: 500 }, units: needs.units, needs: needs.needs, facilities: needs.facilities });
    const rec = reconcile({
      scope: 'county',
      judged: 'county',
      needs: needs.needs,
      regions: needs.regions,
      later: needs.later,
      result,
      budget: { beds: 500 },
      set: BEDS,
    });
    expect(result.allocated.beds).toBe(170); // 乙县's whole shortfall: each county up to its own
    expect(rec.totals.beds!.region).toEqual({ name: '某市', shortfall: 150, remaining: 0 });
    expect(rec.still_needed.beds).toEqual({ budget: 0, new_capacity: 0 });
    expect(rec.totals.beds!.said!.zh).toBe(
      '全域（某市）缺口 150 床，同差距分析；配置后达标。逐区县计缺口之和 170 床，高于全域：已达标区县的富余不抵补其他区县，配置后 0 床',
    );
  });

  it('a target due later than the year: the allocation goes to the one due now and says how far it goes toward the later one', () => {
    const s = set([
      ratio('beds-8', 'beds_open', 1000, 8, ['region', 'county']),
      ratio('beds-10', 'beds_open', 1000, 10, ['region', 'county'], { year: 2030, name: '每千人口床位（2030年）' }),
    ]);
    const { rec, needs } = run(s, 'county', { beds: 100 });
    expect(needs.needs.every((n) => n.target.id === 'beds-8')).toBe(true);
    // 2030: 1,000 beds for 100,000 people, 650 now: 350 short; 50 given → 300.
    expect(rec.notes.map((n) => n.zh)).toContain(
      '「每千人口床位（2030年）」2030 年到期（未到期），本次先按到期指标配置；按它全域（某市）缺 350 床，配置后缺 300 床',
    );
  });
});

describe('ambulances', () => {
  it("against the set's ambulance ratio: 0 of 4 for 100,000 people at 1 per 30,000, shared by county", () => {
    const s = set([ratio('amb', 'ambulances', 30000, 1, ['region', 'county'], { facilityTypes: ['ems_station', 'secondary_hospital', 'thc'] })]);
    const { rec, result } = run(s, 'county', { ambulances: 6 });
    // 甲区 60,000 → 2 (H1 may take them); 乙县 40,000 → 1.33 → 2, but a THC may not receive ambulances: 2 need a station or hospital.
    expect(result.allocated.ambulances).toBe(2);
    expect(result.unspent.ambulances).toBe(4);
    expect(rec.totals.ambulances!.region).toEqual({ name: '某市', shortfall: 4, remaining: 2 });
    expect(rec.still_needed.ambulances).toEqual({ budget: 0, new_capacity: 2 });
    // By street/town the target is not set: the card says so rather than dropping the 6.
    const t = run(s, 'township', { ambulances: 6 });
    expect(t.rec.totals.ambulances!.said!.zh).toBe('「amb」只按全域、区县考核，按街道/乡镇测算时未纳入：按区县测算可配置；6 辆救护车未分配');
  });

  it('with no ambulance target: says so, leaves them unspent and points to siting and to a set that has one', () => {
    const needs = allocationNeeds(UNITS, FACILITIES, BEDS, { year: 2025, scope: 'county' });
    const result = allocate({ budget: { beds: 10, ambulances: 6 }, units: needs.units, needs: needs.needs, facilities: needs.facilities });
    const rec = reconcile({
      scope: 'county',
      judged: 'county',
      needs: needs.needs,
      regions: needs.regions,
      later: needs.later,
      result,
      budget: { beds: 10, ambulances: 6 },
      set: BEDS,
      ems: [],
      ambulanceSets: [{ name: '国家参考值', nameEn: 'National reference', min: 1, per: 30000 }],
    });
    expect(result.unspent.ambulances).toBe(6);
    expect(result.stopped.ambulances).toBe('no_target'); // not "closed": the workbook's 说明 says so
    expect(rec.totals.ambulances!.said!.zh).toBe(
      '本标准没有救护车配置指标；6 辆救护车未分配。按『1030』急救圈布局急救站见设施选址；按人口配置救护车的指标见「国家参考值」每3万人口 1 辆，可选用该标准测算',
    );
    expect(rec.notes.map((n) => n.zh)).toContain(rec.totals.ambulances!.said!.zh);
  });

  it('with a 1030 circle: the people the gap screen finds outside it, and that ambulances do not change the time', () => {
    const s = set([ratio('beds-8', 'beds_open', 1000, 8, ['region', 'county']), emsCircle]);
    const needs = allocationNeeds(UNITS, FACILITIES, s, { year: 2025, scope: 'county' });
    const result = allocate({ budget: { ambulances: 6 }, units: needs.units, needs: needs.needs, facilities: needs.facilities });
    const rec = reconcile({
      scope: 'county',
      judged: 'county',
      needs: needs.needs,
      regions: needs.regions,
      later: needs.later,
      result,
      budget: { ambulances: 6 },
      set: s,
      ems: [{ name: '“1030”急救圈', nameEn: '1030 circle', uncovered: 12_345, regionName: '某市' }],
    });
    expect(rec.totals.ambulances!.said!.zh).toBe(
      '本标准没有救护车数量指标，急救指标是覆盖范围「“1030”急救圈」：全域（某市）12,345 人不在时限内。增加救护车不缩短急救站到现场的时间：补覆盖需新建急救站，见设施选址；6 辆救护车未分配',
    );
    expect(rec.totals.ambulances!.said!.en).toContain('12,345 people in 某市 are not reached in time');
  });
});
