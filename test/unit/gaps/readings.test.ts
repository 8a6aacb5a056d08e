// Each target read as its document writes it (issue 12), on hand-made plans with figures worked by hand.
import { describe, expect, it } from 'vitest';
import { evaluateGaps } from '../../../shared/gaps/evaluate.ts';
import { StandardSet, type StandardSetInput, type TargetInput } from '../../../shared/gaps/standard.ts';
import { emptyFacility, type Facility, type Unit } from '../../../shared/model/entities.ts';
import type { FacilityType, UnitKind } from '../../../shared/model/kinds.ts';
import { statusInWords } from '../../../shared/gaps/words.ts';

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
  year: 2025,
  growth_rate: null,
});
const fac = (id: string, type: FacilityType, unit_code: string, extra: Partial<Facility> = {}): Facility => ({
  ...emptyFacility(id, id, type, unit_code),
  ...extra,
});
const set = (targets: readonly object[], year = 2025, appliesTo?: string[]) =>
  StandardSet.parse({
    id: 't',
    name: '测试',
    nameEn: 'Test',
    year,
    appliesTo,
    documents: [{ number: '测试', title: 't' }],
    targets: targets as TargetInput[],
  } satisfies StandardSetInput);
const src = (document: string, clause: string, text: string) => ({ document, clause, text });
const get = (r: ReturnType<typeof evaluateGaps>, scope: string, code: string) => r.results.find((x) => x.scope === scope && x.code === code);

// 开福区 (two streets) with a CHC each.
const KAIFU = [unit('K', '开福区', 'county', null, 100_000), unit('K1', '东风路街道', 'street', 'K', 60_000), unit('K2', '新河街道', 'street', 'K', 40_000)];

describe('a share stated for a whole area is pooled (Σ numerator ÷ Σ denominator), facilities listed as detail', () => {
  // 开政办发〔2022〕26号 §四(一)4: "三年内招聘医务人员不少于45人、中高级医务人员占比达到33%以上" — the district's share.
  const senior = {
    id: 'senior',
    name: '中高级职称人员占比',
    nameEn: 'Senior titles',
    group: '人员',
    kind: 'pooled_share',
    facilityTypes: ['chc', 'community_hospital'],
    measure: 'senior_or_intermediate_titles',
    relativeTo: 'health_technicians',
    min: 0.33,
    scopes: ['region', 'county', 'township'],
    unit: '人',
    source: src('开政办发〔2022〕26号', '§四(一)4', '中高级医务人员占比达到33%以上'),
  };
  // Centre 1: 40 of 100 (40%); centre 2: 10 of 50 (20%, below on its own). District: 50 / 150 = 33.33% ≥ 33% → met.
  const fs = [
    fac('C1', 'chc', 'K1', { senior_or_intermediate_titles: 40, health_technicians: 100 }),
    fac('C2', 'chc', 'K2', { senior_or_intermediate_titles: 10, health_technicians: 50 }),
  ];

  it('judges the district on the pooled share, not centre by centre', () => {
    const r = evaluateGaps(KAIFU, fs, set([senior], 2024, ['开福区']), { year: 2024 });
    expect(get(r, 'region', 'region')).toMatchObject({ value: 0.3333, required: 0.33, status: 'met', shortfall: 0 });
    // 新河街道 alone: 20% — needs ⌈0.33 × 50 − 10⌉ = 7 more senior staff.
    expect(get(r, 'township', 'K2')).toMatchObject({ value: 0.2, status: 'short', shortfall: 7 });
    // Each centre's own share is detail under the verdict.
    expect(get(r, 'facility', 'C2')).toMatchObject({ value: 0.2, status: 'short', parent: 'K2' });
    expect(get(r, 'facility', 'C1')).toMatchObject({ value: 0.4, status: 'met' });
  });

  it('leaves a centre without figures out of both sums and says so', () => {
    const r = evaluateGaps(KAIFU, [...fs, fac('C3', 'chc', 'K1', { health_technicians: 80 })], set([senior], 2024), { year: 2024 });
    expect(get(r, 'region', 'region')).toMatchObject({ value: 0.3333, missing: '1 所机构缺少「中高级职称」数据，未计入合计' });
    expect(get(r, 'facility', 'C3')).toMatchObject({ status: 'missing_data' });
  });
});

describe('a target with its own due year is 未到期 before it and judged from it on', () => {
  // 长政办发〔2021〕62号 §三(七)3: "到2030年，每万人口全科医生数达到5人" — due 2030, not in a 2025 report.
  const gp2030 = {
    id: 'gp2030',
    name: '每万人口全科医生数（2030年）',
    nameEn: 'GPs 2030',
    group: '人员',
    kind: 'ratio',
    year: 2030,
    measure: 'gps',
    per: 10_000,
    min: 5,
    scopes: ['region', 'county'],
    unit: '人',
    source: src('长政办发〔2021〕62号', '§三(七)3', '到2030年，每万人口全科医生数达到5人'),
  };
  const fs = [fac('C1', 'chc', 'K1', { gps: 40 })]; // 40 / 100,000 × 10,000 = 4 per 10,000

  it('shows the value and what it would be now, with no verdict, in 2025', () => {
    const r = evaluateGaps(KAIFU, fs, set([gp2030]), { year: 2025 });
    const row = get(r, 'region', 'region')!;
    expect(row).toMatchObject({ value: 4, required: 5, status: 'not_due', judged: 'short', due: 2030, shortfall: 10 });
    expect(r.results.some((x) => x.status === 'short')).toBe(false);
    expect(statusInWords(row, 'zh')).toBe('未到期（2030 年；目前不足）');
  });

  it('is judged in 2030 and after', () => {
    const r = evaluateGaps(KAIFU, fs, set([gp2030]), { year: 2030 });
    expect(get(r, 'region', 'region')).toMatchObject({ status: 'short', due: 2030 });
    expect(get(r, 'region', 'region')!.judged).toBeUndefined();
  });

  it('a 2023 milestone in a 2024 set is judged in 2024 but not yet in 2022; rows carry the set year otherwise', () => {
    // 开政办发〔2022〕26号 §四(二)5: "2023年前，全区所有16家街道社区卫生服务中心通过“基本标准”评审"
    const basic = {
      id: 'basic',
      name: '基本标准',
      nameEn: 'Basic',
      group: '基层机构',
      kind: 'share',
      year: 2023,
      facilityTypes: ['chc'],
      condition: { field: 'service_standard', op: 'in', value: ['basic', 'recommended'] },
      min: 1,
      scopes: ['region'],
      unit: '个',
      source: src('开政办发〔2022〕26号', '§四(二)5', '2023年前，全区所有16家街道社区卫生服务中心通过“基本标准”评审'),
    };
    const plain = { ...gp2030, id: 'gp', year: undefined, min: 4 };
    const fs2 = [...fs, fac('C2', 'chc', 'K2', { service_standard: 'none' })];
    const in2024 = evaluateGaps(KAIFU, fs2, set([basic, plain], 2024), { year: 2024 });
    expect(get(in2024, 'region', 'region')).toMatchObject({ target: 'basic', status: 'short', due: 2023 });
    expect(in2024.results.find((x) => x.target === 'gp' && x.scope === 'region')).toMatchObject({ status: 'met', due: 2024 });
    const in2022 = evaluateGaps(KAIFU, fs2, set([basic], 2024), { year: 2022 });
    expect(get(in2022, 'region', 'region')).toMatchObject({ status: 'not_due', judged: 'short' });
  });
});

describe('background the document states is a reference line (参考), never counted among 不足', () => {
  // 长政办发〔2021〕62号 §一(一) (发展基础): "不断健全基层医疗卫生服务网络、完善“1530”就医服务圈" — what was done, not a 2025 target.
  const circle = {
    id: '1530',
    name: '“1530”就医服务圈',
    nameEn: '1530',
    group: '基层机构',
    kind: 'access',
    reference: true,
    facilityTypes: ['chc'],
    urbanMinutes: 15,
    ruralMinutes: 30,
    scopes: ['region'],
    source: src('长政办发〔2021〕62号', '§一(一)', '完善“1530”就医服务圈'),
  };
  it('keeps the value and sets the verdict aside', () => {
    const access = new Map([
      [
        '1530',
        { model: 'road' as const, region: { population: 100_000, covered: 60_000 }, byUnit: new Map([['K', { population: 100_000, covered: 60_000 }]]) },
      ],
    ]);
    const r = evaluateGaps(KAIFU, [], set([circle]), { year: 2025, access });
    expect(get(r, 'region', 'region')).toMatchObject({ value: 0.6, status: 'reference', judged: 'short', shortfall: 40_000 });
  });
});

describe('"or" read as the sentence says: one centre per street', () => {
  // 长政办发〔2021〕62号 §三(六)1: "在每个街道办事处范围或每3~10万居民规划设置1所社区卫生服务中心"
  const perStreet = {
    id: 'chc',
    name: '每个街道1所',
    nameEn: 'CHC per street',
    group: '基层机构',
    kind: 'presence',
    facilityTypes: ['chc'],
    unitKinds: ['street'],
    min: 1,
    source: src('长政办发〔2021〕62号', '§三(六)1', '在每个街道办事处范围或每3~10万居民规划设置1所社区卫生服务中心'),
  };
  it('a street of 160,000 with one centre meets it (the shipped set carries no per-100,000 add-on)', () => {
    const units = [unit('K', '开福区', 'county', null, 200_000), unit('K1', '大街道', 'street', 'K', 160_000), unit('K2', '小街道', 'street', 'K', 40_000)];
    const r = evaluateGaps(units, [fac('C1', 'chc', 'K1'), fac('C2', 'chc', 'K2')], set([perStreet]), { year: 2025 });
    expect(get(r, 'township', 'K1')).toMatchObject({ value: 1, required: 1, status: 'met' });
  });
});

describe('a count is a count, not a share', () => {
  // 开政办发〔2022〕26号 §四(二)5: "争取6家通过“推荐标准”评审"; §四(二)7: "2023年前，建成…10个中医阁"
  const six = {
    id: 'six',
    name: '推荐标准',
    nameEn: 'Recommended',
    group: '基层机构',
    kind: 'count',
    facilityTypes: ['chc', 'community_hospital'],
    condition: { field: 'service_standard', op: 'in', value: ['recommended'] },
    min: 6,
    unit: '家',
    source: src('开政办发〔2022〕26号', '§四(二)5', '争取6家通过“推荐标准”评审'),
  };
  const pavilions = {
    id: 'pav',
    name: '中医阁',
    nameEn: 'TCM pavilions',
    group: '中医药',
    kind: 'count',
    facilityTypes: ['chs_station'],
    condition: { field: 'tcm_pavilion', op: '==', value: true },
    min: 10,
    unit: '个',
    source: src('开政办发〔2022〕26号', '§四(二)7', '2023年前，建成3个旗舰中医馆、10个中医阁'),
  };
  it('6 of 20 centres meet "争取6家" whatever the number of centres (as a share 0.375 it would need 8)', () => {
    const fs = Array.from({ length: 20 }, (_, i) => fac(`C${i}`, 'chc', i % 2 ? 'K1' : 'K2', { service_standard: i < 6 ? 'recommended' : 'basic' }));
    const r = evaluateGaps(KAIFU, fs, set([six]), { year: 2025 });
    expect(get(r, 'region', 'region')).toMatchObject({ value: 6, required: 6, status: 'met', shortfall: 0, count: { met: 6, of: 20 } });
  });
  it('7 of 12 stations with a pavilion: 3 more to build', () => {
    const fs = Array.from({ length: 12 }, (_, i) => fac(`S${i}`, 'chs_station', 'K1', { tcm_pavilion: i < 7 }));
    expect(get(evaluateGaps(KAIFU, fs, set([pavilions]), { year: 2025 }), 'region', 'region')).toMatchObject({
      value: 7,
      required: 10,
      shortfall: 3,
      status: 'short',
    });
  });
});

describe('a target whose subject is absent still shows', () => {
  // 益资政办发〔2023〕20号 §三(一)3: "医疗次中心要设置发热门诊和肠道门诊"; §三(一)1: two sub-centres, 新桥河镇 and 茈湖口镇.
  const ZIYANG = [unit('Z', '资阳区', 'county', null, 400_000), unit('Z1', '新桥河镇', 'town', 'Z', 50_000), unit('Z2', '茈湖口镇', 'town', 'Z', 40_000)];
  const subCentres = {
    id: 'sub-centres',
    name: '医疗次中心',
    nameEn: 'Sub-centres',
    group: '基层机构',
    kind: 'presence',
    facilityTypes: ['sub_centre'],
    unitKinds: ['town'],
    named: [
      { unit: '新桥河镇', min: 1 },
      { unit: '茈湖口镇', min: 1 },
    ],
    source: src('益资政办发〔2023〕20号', '§三(一)1', '建设长春垸、民主垸两个医疗次中心'),
  };
  const fever = {
    id: 'fever',
    name: '医疗次中心设发热门诊',
    nameEn: 'Fever clinic',
    group: '公共卫生',
    kind: 'facility_min',
    facilityTypes: ['sub_centre'],
    measure: 'fever_clinic',
    min: 1,
    expectedFrom: 'sub-centres',
    unit: '个',
    source: src('益资政办发〔2023〕20号', '§三(一)3', '医疗次中心要设置发热门诊和肠道门诊'),
  };
  it('no sub-centre yet: 0 of the 2 named', () => {
    const r = evaluateGaps(ZIYANG, [fac('T1', 'central_thc', 'Z1')], set([subCentres, fever]), { year: 2025 });
    expect(r.results.find((x) => x.target === 'fever' && x.scope === 'region')).toMatchObject({
      value: 0,
      required: 2,
      count: { met: 0, of: 2 },
      shortfall: 2,
      status: 'short',
      missing: '其中 2 所尚未设立（按「医疗次中心」应有）',
    });
  });
  it('one built with a fever clinic: 1 of 2', () => {
    const r = evaluateGaps(ZIYANG, [fac('S1', 'sub_centre', 'Z1', { fever_clinic: true })], set([subCentres, fever]), { year: 2025 });
    expect(r.results.find((x) => x.target === 'fever' && x.scope === 'region')).toMatchObject({ count: { met: 1, of: 2 }, status: 'short' });
  });
  it('a set naming a presence target that does not exist is refused', () => {
    expect(() => set([{ ...fever, expectedFrom: 'nope' }])).toThrow(/expectedFrom/);
  });
});

describe('populations that do not add up are said', () => {
  it("a city of 1,200,000 over one county of 320,000: ratios use the city's own figure, and the report says so", () => {
    const units = [unit('C', '某市', 'city', null, 1_200_000), unit('A', '某县', 'county', 'C', 320_000)];
    const beds = {
      id: 'b',
      name: 'b',
      nameEn: 'b',
      group: 'g',
      kind: 'ratio',
      measure: 'beds_open',
      per: 1000,
      min: 1,
      scopes: ['region'],
      unit: '张',
      source: src('x', 'y', 'z'),
    };
    const r = evaluateGaps(units, [fac('H', 'thc', 'A', { beds_open: 1200 })], set([beds]), { year: 2025 });
    expect(get(r, 'region', 'region')).toMatchObject({ value: 1, population: 1_200_000 });
    expect(r.notes).toContain('人口不一致：某市 本级 1,200,000 人，下级合计 320,000 人；比例指标按本级 1,200,000 人计');
  });
});
