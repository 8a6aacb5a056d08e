// The reconciliation suite (issue 12): every figure the dashboard and briefing, compare, timeline,
// allocation and the access analysis report for a standard set equals the gap engine's for the same
// target, scope and year — on the sample and on generated plans (partial village lists, projects,
// several counties, a plan whose region no set names) — and the demand of access adds up to the units'
// populations as the gap engine counts them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { GapReportOut } from '../../shared/api/contract.ts';
import type { GapResult } from '../../shared/gaps/result.ts';
import { tmpDir } from './tmp.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const regionRows = (r: { results: GapResult[] }) => r.results.filter((x) => x.scope === 'region');
const row = (r: GapReportOut, target: string, scope = 'region', code = 'region') =>
  r.results.find((x) => x.target === target && x.scope === scope && x.code === code);
/** The figures a screen shows for a result: what must be the same everywhere. */
const figures = (r: GapResult | undefined) =>
  r && { value: r.value, required: r.required, shortfall: r.shortfall, status: r.status, population: r.population, count: r.count };

/** Every view of one set, scenario and year, checked against gaps.evaluate. */
async function reconcile(svc: Service, standardId: string, year: number) {
  const gaps = await svc.call('gaps.evaluate', { scenarioId: 1, standardId, year });
  // Dashboard, presentation, PDF and PPTX all draw on brief.get.
  const brief = await svc.call('brief.get', { scenarioId: 1, standardId, year, lang: 'zh-CN' });
  expect(brief.standard).toMatchObject({ id: standardId, year });
  expect(brief.current.region).toEqual(regionRows(gaps));
  expect(brief.current.counties).toEqual(gaps.results.filter((x) => x.scope === 'county'));
  // The headline population and the number of counties are the gap table's.
  const ratio = gaps.results.find((x) => x.scope === 'region' && x.population !== undefined && gaps.targets.find((t) => t.id === x.target)?.kind === 'ratio');
  if (ratio) expect(brief.counts.population).toBe(ratio.population);
  const counties = new Set(gaps.results.filter((x) => x.scope === 'county').map((x) => x.code));
  if (counties.size) expect(brief.counts.counties).toBe(counties.size);
  // The coverage slide, the dashboard's curve and map count the people the gap table's access row counts.
  const accessRow = gaps.results.find((x) => x.scope === 'region' && brief.access?.target === x.target);
  if (accessRow && accessRow.population !== undefined) {
    expect(brief.access!.after.population).toBe(accessRow.population);
    expect(Math.round((brief.access!.after.covered / brief.access!.after.population) * 1e4) / 1e4).toBe(accessRow.value);
  }

  // Compare: a scenario beside itself shows the gap engine's figures, region and county.
  const cmp = await svc.call('scenarios.compare', { scenarioIds: [1, await scratch(svc)], standardId, year, level: 'county' });
  for (const r of cmp.rows) {
    const g = gaps.results.find((x) => x.target === r.target && x.scope === r.scope && x.code === r.code);
    if (!g) continue;
    expect({ target: r.target, code: r.code, ...figures({ ...g, ...r.cells[0]! } as GapResult) }).toEqual({ target: r.target, code: r.code, ...figures(g) });
  }
  expect(cmp.rows.filter((r) => r.scope === 'region').length).toBe(regionRows(gaps).length);

  // Timeline: the year's region line for every target but access (evaluated on the gap screen only).
  const tl = await svc.call('timeline.summary', { scenarioId: 1, standardId, fromYear: year, toYear: year });
  const tlYear = tl.years.find((y) => y.year === year)!;
  for (const r of tlYear.results) {
    if (gaps.targets.find((t) => t.id === r.target)?.kind === 'access') continue;
    expect({ target: r.target, ...figures(r) }).toEqual({ target: r.target, ...figures(row(gaps, r.target)) });
  }
  return gaps;
}

/** A copy of the baseline, made once per plan, to set beside it. */
const scratches = new WeakMap<Service, number>();
async function scratch(svc: Service): Promise<number> {
  let id = scratches.get(svc);
  if (id === undefined) {
    id = (await svc.call('scenarios.create', { name: '对照' })).id;
    scratches.set(svc, id);
  }
  return id;
}

describe('on the sample', () => {
  const home = tmpDir();
  let svc: Service;
  beforeAll(async () => {
    svc = createPlannerService({ home, door: 'direct' });
    await svc.call('plan.openSample', {});
  }, 120_000);
  afterAll(() => svc.close());

  it('长沙市"十四五" (长政办发〔2021〕62号), 2025: every view equals the gap engine; the coverage counts Changsha only', async () => {
    const gaps = await reconcile(svc, 'changsha-14fyp-2025', 2025);
    // The set names 长沙市: 资阳区 (also in the sample) is not counted anywhere.
    expect(gaps.region).toMatchObject({ name: '长沙市', applicable: true });
    const beds = row(gaps, 'beds-per-1000')!;
    const access = await svc.call('access.run', {
      scenarioId: 1,
      types: ['chc', 'community_hospital', 'chc_branch', 'chs_station', 'thc', 'central_thc', 'sub_centre'],
      urbanMinutes: 15,
      ruralMinutes: 30,
      direction: 'to',
      dispatchMinutes: 0,
      demand: 'centroids',
      gridMeters: 1000,
      measure: 'time',
      within: gaps.region.codes,
      year: 2025,
    });
    // The demand adds up to the population the ratios divide by.
    expect(access.units.find((u) => u.scope === 'region')!.population).toBe(beds.population);
    // 长政办发〔2021〕62号 §三(七)3 "到2030年，每万人口全科医生数达到5人": not yet due in 2025.
    expect(row(gaps, 'gps-per-10000-2030')).toMatchObject({ status: 'not_due', due: 2030 });
    // §一(一) "完善“1530”就医服务圈" is background: a reference line, never 不足.
    expect(row(gaps, 'access-1530')!.status).toBe('reference');
  }, 240_000);

  it("开福区 (开政办发〔2022〕26号), 2024: senior titles judged on the district's pooled share; every view equals the gap engine", async () => {
    const gaps = await reconcile(svc, 'kaifu-2024', 2024);
    // §四(一)4 "中高级医务人员占比达到33%以上": the district's share, about 33.5% on the sample.
    const senior = row(gaps, 'senior-titles-share')!;
    expect(senior.status).toBe('met');
    expect(senior.value).toBeGreaterThanOrEqual(0.33);
  }, 240_000);

  it('资阳区 (益资政办发〔2023〕20号), 2025: the fever-clinic row is there with no sub-centre built', async () => {
    const gaps = await reconcile(svc, 'ziyang-2025', 2025);
    // §三(一)3 "医疗次中心要设置发热门诊": 0 of the 2 named sub-centres exist.
    expect(row(gaps, 'sub-centre-fever-clinic')).toMatchObject({ count: { met: 0, of: 2 }, status: 'short' });
  }, 240_000);

  it('鼓楼区 (鼓卫办〔2020〕8号) is not applicable to the sample unless applied to one of its districts', async () => {
    const gaps = await svc.call('gaps.evaluate', { scenarioId: 1, standardId: 'gulou-2020' });
    expect(gaps.results.every((r) => r.status === 'not_applicable')).toBe(true);
    const applied = await svc.call('gaps.evaluate', { scenarioId: 1, standardId: 'gulou-2020', region: ['开福区'] });
    expect(applied.region).toMatchObject({ name: '开福区', applicable: true });
    expect(applied.results.some((r) => r.status === 'short' || r.status === 'met')).toBe(true);
  }, 60_000);
});

describe('on a generated plan: a city over two counties, partial village lists, a project, a set naming it', () => {
  const home = tmpDir();
  let svc: Service;
  // 长沙市 has its own 1,200,000; 甲区 320,000 with 城关街道 85,000 listing only 30,000 of its communities and
  // 西街道 listing none; 乙县 has no figure of its own (its towns' 200,000 stand in).
  const UNITS = [
    '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
    '430100000000,长沙市,,市,1200000,113.0,28.2,2025',
    '430101000000,甲区,430100000000,区,320000,113.0,28.2,2025',
    '430101001000,城关街道,430101000000,街道,85000,113.0,28.2,2025',
    '430101001001,东社区,430101001000,社区,20000,113.01,28.21,2025',
    '430101001002,南社区,430101001000,社区,10000,113.0,28.19,2025',
    '430101002000,西街道,430101000000,街道,60000,112.95,28.2,2025',
    '430102000000,乙县,430100000000,县,,113.3,28.4,2025',
    '430102101000,甲镇,430102000000,镇,120000,113.3,28.4,2025',
    '430102102000,乙镇,430102000000,镇,80000,113.4,28.5,2025',
  ].join('\n');
  const FACILITIES = [
    '机构编码,机构名称,机构类型,所在区划代码,实有床位,执业(助理)医师,全科医生,经度,纬度',
    'H1,甲区人民医院,二级综合医院,430101001001,800,300,20,113.01,28.21',
    'T1,甲镇卫生院,乡镇卫生院,430102101000,60,20,8,113.3,28.4',
    'E1,甲区急救站,120急救站,430101001001,0,2,0,113.01,28.21',
  ].join('\n');

  beforeAll(async () => {
    svc = createPlannerService({ home, door: 'direct' });
    await svc.call('plan.new', { path: 'generated' });
    expect(
      (
        await svc.call('tables.import', {
          scenarioId: 1,
          units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
          facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
        })
      ).ok,
    ).toBe(true);
    // A new THC's beds in 乙镇, planned for 2025: counted from then on, in every view.
    await svc.call('projects.add', {
      scenarioId: 1,
      project: { year: 2025, kind: 'new', type: 'thc', unit_code: '430102102000', lon: 113.4, lat: 28.5, fields: { beds_open: 100, physicians: 30 } },
    });
    await svc.call('gaps.setSettings', { standardId: 'changsha-14fyp-2025', year: 2025 });
  }, 60_000);
  afterAll(() => svc.close());

  it('every view equals the gap engine, in 2024 and in 2025 (the project counted from 2025)', async () => {
    const g24 = await reconcile(svc, 'changsha-14fyp-2025', 2024);
    const g25 = await reconcile(svc, 'changsha-14fyp-2025', 2025);
    // Beds: 860 in 2024, 960 in 2025 over the city's own 1,200,000 (ratios use a unit's own figure).
    expect(row(g24, 'beds-per-1000')).toMatchObject({ population: 1_200_000, shortfall: 11 * 1200 - 860 });
    expect(row(g25, 'beds-per-1000')).toMatchObject({ population: 1_200_000, shortfall: 11 * 1200 - 960 });
    // The difference between the city's own figure and its counties' (320,000 + 200,000) is said.
    expect(g25.notes.some((n) => n.startsWith('人口不一致：长沙市 本级 1,200,000 人'))).toBe(true);
  }, 240_000);

  it('access counts every person the gap engine counts: partial village lists carry their remainder', async () => {
    const gaps = await svc.call('gaps.evaluate', { scenarioId: 1, level: 'county' });
    const a = await svc.call('access.run', {
      scenarioId: 1,
      types: ['ems_station'],
      urbanMinutes: 10,
      ruralMinutes: 30,
      direction: 'from',
      dispatchMinutes: 0,
      demand: 'centroids',
      gridMeters: 1000,
      measure: 'time',
      year: 2025,
    });
    const county = (code: string) => a.units.find((u) => u.scope === 'county' && u.code === code)!.population;
    // 甲区: its own 320,000 (城关街道 85,000 of which 30,000 listed, 西街道 60,000 with no list, the rest at the district's centre).
    expect(county('430101000000')).toBe(row(gaps, 'beds-per-1000', 'county', '430101000000')!.population);
    expect(county('430101000000')).toBe(320_000);
    expect(a.units.find((u) => u.code === '430101001000')!.population).toBe(85_000);
    // 乙县: no own figure, its towns' 200,000.
    expect(county('430102000000')).toBe(200_000);
    // The whole: the city's own 1,200,000 (the remainder at the city's centre).
    expect(a.units.find((u) => u.scope === 'region')!.population).toBe(1_200_000);
  }, 120_000);
});

describe('a plan whose region no shipped set names', () => {
  const home = tmpDir();
  let svc: Service;
  beforeAll(async () => {
    svc = createPlannerService({ home, door: 'direct' });
    await svc.call('plan.new', { path: 'elsewhere' });
    const units = ['区划代码,名称,上级区划代码,类型,常住人口,年份', '360100000000,南昌市,,市,,2025', '360102000000,东湖区,360100000000,区,500000,2025'].join(
      '\n',
    );
    expect((await svc.call('tables.import', { scenarioId: 1, units: { fileName: 'u.csv', dataBase64: b64(units) } })).ok).toBe(true);
  });
  afterAll(() => svc.close());

  it("starts on the national reference, not on 长沙; 长沙's set is 不适用 there", async () => {
    expect((await svc.call('gaps.settings', {})).standardId).toBe('national-reference');
    const cs = await svc.call('gaps.evaluate', { scenarioId: 1, standardId: 'changsha-14fyp-2025' });
    expect(cs.region.applicable).toBe(false);
    expect(new Set(cs.results.map((r) => r.status))).toEqual(new Set(['not_applicable']));
    const nat = await svc.call('gaps.evaluate', { scenarioId: 1 });
    expect(row(nat, 'beds-per-1000')).toMatchObject({ population: 500_000, value: 0 });
  });
});
