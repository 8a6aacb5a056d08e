// Demand that carries every unit's whole population (issue 12, "Populations that add up"), on a real
// plan file: a city and county whose streets and villages are only partly listed, a district whose
// streets add up to more than its own figure, and two sub-centres planned as projects for 2025.
// Access and siting take the year (facilities as of it) and the area (within), through the service
// and through `healthplan access/site`. No roads: straight line × 1.6 ÷ 30 km/h (urban) or 45 (rural).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { AccessResultOut } from '../../shared/access/result.ts';
import { indexRegion } from '../../shared/gaps/region-index.ts';
import { mismatchLines, populationMismatches } from '../../shared/model/population-check.ts';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
let planPath = '';
const b64 = (s: string) => Buffer.from(s).toString('base64');

// 甲市 1,200,000 lists one county, 甲县 320,000 (the city's other 880,000 are not listed: they stand at the city's centre).
// 甲县's streets/towns add up to 230,000 (85,000 + 45,000 + 100,000): its other 90,000 stand at the county's centre.
// 城关街道 85,000 lists 东社区 20,000 and 西社区 10,000: its other 55,000 stand at the street's centre.
// 二镇 has no figure of its own: 远村 40,000 and 近村 5,000 (no coordinates: its people go to 二镇, which has no
// place either, so to the population-weighted centre of its points, 远村's). 三镇 100,000 lists no villages.
// 乙区 (a second top unit) has 10,000 of its own but its two streets add up to 15,000.
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'M,甲市,,市,1200000,112.9,28.0,2025',
  'A,甲县,M,县,320000,113.12,28.0,2025',
  'S1,城关街道,A,街道,85000,113.09,28.0,2025',
  'C1,东社区,S1,社区,20000,113.1,28.0,2025',
  'C2,西社区,S1,社区,10000,113.08,28.0,2025',
  'S2,二镇,A,镇,,,,2025',
  'V1,远村,S2,行政村,40000,113.3,28.0,2025',
  'V2,近村,S2,行政村,5000,,,2025',
  'S3,三镇,A,镇,100000,113.5,28.0,2025',
  'B,乙区,,区,10000,114.0,28.0,2025',
  'B1,乙一街道,B,街道,8000,114.0,28.0,2025',
  'B2,乙二街道,B,街道,7000,114.01,28.0,2025',
].join('\n');
// One 120 station at 东社区.
const FACILITIES = '机构编码,机构名称,机构类型,所在区划代码,经度,纬度\nE1,急救站,120急救站,C1,113.1,28.0\n';
const q = { scenarioId: 1, types: ['ems_station' as const], urbanMinutes: 10, ruralMinutes: 30, year: 2025 };
const unit = (r: AccessResultOut, code: string) => r.units.find((u) => u.code === code)!;
const sum = (xs: { population: number }[]) => xs.reduce((s, p) => s + p.population, 0);

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'demand' });
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok, JSON.stringify(r.reports.flatMap((x) => x.problems))).toBe(true);
  planPath = (await svc.call('plan.info', {})).path;
});
afterAll(() => svc.close());

describe("demand carries every unit's whole population", () => {
  it('甲市: the access region counts the 1,200,000 people the gap engine counts, not the 105,000 listed in villages', async () => {
    const r = await svc.call('access.run', { ...q, within: ['甲市'] });
    const units = await svc.call('units.list', { scenarioId: 1 });
    const gap = indexRegion(units, [], { appliesTo: ['M'], year: 2025 }).regionPopulation('total');
    expect(gap).toBe(1_200_000);
    expect(unit(r, 'region')).toMatchObject({ name: '甲市', population: 1_200_000 });
    expect(sum(r.points)).toBe(1_200_000);
    // The county as the gap engine has it (its own 320,000), and each street/town.
    const ix = indexRegion(units, [], { year: 2025 });
    for (const code of ['A', 'S1', 'S2', 'S3']) expect(unit(r, code).population).toBe(ix.population(ix.byCode.get(code)!, 'total'));
    expect([unit(r, 'A').population, unit(r, 'S1').population, unit(r, 'S2').population, unit(r, 'S3').population]).toEqual([320_000, 85_000, 45_000, 100_000]);
    // Listed villages/communities (3 with a place) and units at their centres; four remainders.
    expect(r.demand).toMatchObject({ points: 8, units: 4, remainders: 4, remainderPopulation: 55_000 + 5_000 + 90_000 + 880_000, population: 1_200_000 });
    expect(r.demand.note).toBe(
      '需求点：3 个村/社区中心、1 个街道/乡镇中心；另 2 个街道/乡镇本级人口超出所列村/社区合计的 60,000 人、'
        + '1 个区县本级人口超出所列街道/乡镇合计的 90,000 人、1 个市本级人口超出所列区县合计的 880,000 人置于其中心'
        + '（其中 1 个单位无坐标，置于其下级点的人口加权中心）；共 1,200,000 人',
    );
    expect(r.demand.noteEn).toContain('1,200,000 people in all');
    const rest = r.points.filter((p) => p.remainder).map((p) => [p.code, p.population, p.lon, p.lat]);
    expect(rest).toEqual(
      expect.arrayContaining([
        ['S1', 55_000, 113.09, 28.0],
        ['S2', 5_000, 113.3, 28.0],
        ['A', 90_000, 113.12, 28.0],
        ['M', 880_000, 112.9, 28.0],
      ]),
    );
  });

  it("counts a remainder's coverage in its own street and county", async () => {
    const r = await svc.call('access.run', { ...q, within: ['甲市'] });
    // From E1 (113.10°E): 城关街道's centre 0.01° ≈ 0.98 km × 1.6 ÷ 30 km/h = 3.1 min, covered: all 85,000, its 55,000 remainder too.
    expect(unit(r, 'S1')).toMatchObject({ population: 85_000, covered: 85_000 });
    // 甲县's 90,000 at 113.12°E (6.3 min, urban) count for the county, not for any street.
    expect(unit(r, 'A')).toMatchObject({ population: 320_000, covered: 85_000 + 90_000 });
    // 二镇's 5,000 stand at 远村 (0.2° ≈ 19.6 km, 41.9 min rural > 30): counted in 二镇, uncovered.
    expect(unit(r, 'S2')).toMatchObject({ population: 45_000, covered: 0 });
    expect(unit(r, 'region')).toMatchObject({ population: 1_200_000, covered: 175_000 });
    expect(r.points.find((p) => p.code === 'A')).toMatchObject({ remainder: true, township: null, covered: true });
  });

  it("flags a parent whose figure differs from its units' sum, and says which figure each use takes", async () => {
    const r = await svc.call('access.run', q);
    // The whole plan: 甲市 1,200,000 + 乙区's streets 15,000 (the demand takes the streets, more than 乙区's own 10,000).
    expect(unit(r, 'region')).toMatchObject({ name: '乙区、甲市', population: 1_215_000 });
    expect(unit(r, 'B').population).toBe(15_000);
    expect(r.notes).toEqual([
      '人口不一致：乙区 本级 10,000 人，下级合计 15,000 人；比例指标按本级 10,000 人计，需求按下级合计 15,000 人计',
      '人口不一致：甲市 本级 1,200,000 人，下级合计 320,000 人；比例指标按本级 1,200,000 人计，需求中差额 880,000 人置于其中心',
      '人口不一致：甲县 本级 320,000 人，下级合计 230,000 人；比例指标按本级 320,000 人计，需求中差额 90,000 人置于其中心',
      '人口不一致：城关街道 本级 85,000 人，下级合计 30,000 人；比例指标按本级 85,000 人计，需求中差额 55,000 人置于其中心',
    ]);
    expect(r.notesEn[0]).toBe(
      "Populations differ: 乙区 has 10,000 of its own, its units add up to 15,000; ratios use its own 10,000, the demand its units' 15,000",
    );
    // Within 甲市, 乙区 is not in the area and is not said.
    expect((await svc.call('access.run', { ...q, within: ['M'] })).notes.join()).not.toContain('乙区');
  });

  it('siting takes the same demand: 甲县 alone has 320,000 people', async () => {
    const r = await svc.call('siting.run', {
      scenarioId: 1,
      model: 'mclp',
      type: 'ems_station',
      k: 1,
      urbanMinutes: 10,
      ruralMinutes: 30,
      within: ['甲县'],
      year: 2025,
      candidates: { sites: [{ id: 'X', name: '三镇路口', lon: 113.5, lat: 28.0 }] },
    });
    expect(r.totalPopulation).toBe(320_000);
    expect(r.units[0]).toMatchObject({ name: '甲县', population: 320_000, coveredBefore: 175_000 });
    expect(r.demand).toMatchObject({ population: 320_000, remainders: 3 });
    // The new site at 三镇 covers its 100,000 (at its centre, 0 min).
    expect(r.chosen).toMatchObject([{ id: 'X', newlyCovered: 100_000 }]);
    expect(r.notes).toContain('人口不一致：甲县 本级 320,000 人，下级合计 230,000 人；比例指标按本级 320,000 人计，需求中差额 90,000 人置于其中心');
  });
});

describe('population mismatches (pure)', () => {
  const units = ['P', 'X', 'Y', 'Q', 'Z'].map((code) => ({ code, name: code }));
  it('flags a difference above 0.5 % and above 100 people only', () => {
    // P 10,000 over X 9,960 (0.4 %: not flagged); Q 100,000 over Z 99,400 (0.6 %, 600 people: flagged).
    const parent = Int32Array.of(-1, 0, -1, -1, 3);
    expect(populationMismatches(units, parent, Float64Array.of(10_000, 9_960, NaN, 100_000, 99_400))).toEqual([
      { code: 'Q', name: 'Q', own: 100_000, childrenSum: 99_400 },
    ]);
    // 0.9 % of 10,000 is 90 people: not flagged; a unit whose children have no figure is not compared (Y).
    expect(populationMismatches(units, parent, Float64Array.of(10_000, 9_910, NaN, NaN, 5))).toEqual([]);
  });

  it('lists at most five, children larger first, then "等 N 个"', () => {
    const many = Array.from({ length: 7 }, (_, k) => ({ code: `U${k}`, name: `U${k}`, own: 1000 * (k + 2), childrenSum: k === 6 ? 99_000 : 0 }));
    const l = mismatchLines(many);
    expect(l.zh).toHaveLength(6);
    expect(l.zh[0]).toContain('U6 本级 8,000 人，下级合计 99,000 人');
    expect(l.zh[5]).toBe('等 7 个单位上下级人口不一致');
  });
});

describe('the year: facilities as of it, projects counted', () => {
  let scenarioId = 0;
  beforeAll(async () => {
    const s = await svc.call('scenarios.create', { name: '两个次中心' });
    scenarioId = s.id;
    await svc.call('projects.add', {
      scenarioId,
      project: { year: 2025, kind: 'new', type: 'sub_centre', lon: 113.3, lat: 28.0, facility_name: '二镇医疗次中心' },
    });
    await svc.call('projects.add', {
      scenarioId,
      project: { year: 2025, kind: 'new', type: 'sub_centre', lon: 113.5, lat: 28.0, facility_name: '三镇医疗次中心' },
    });
  });
  const sub = () => ({ scenarioId, types: ['sub_centre' as const], urbanMinutes: 15, ruralMinutes: 30, direction: 'to' as const });

  it('2025: both planned sub-centres count (三镇 100,000 and 二镇 45,000 at 0 min), and the result says so', async () => {
    const r = await svc.call('access.run', { ...sub(), year: 2025 });
    expect(r.year).toBe(2025);
    expect(r.facilities.map((f) => f.name).sort()).toEqual(['三镇医疗次中心', '二镇医疗次中心']);
    expect(unit(r, 'S3').covered).toBe(100_000);
    expect(unit(r, 'S2').covered).toBe(45_000);
    expect(r.notes[0]).toBe('机构按 2025 年计：已计入截至该年的规划项目 2 个（新建 2 个）');
  });

  it('2024: not yet built — no facility of the type', async () => {
    const r = await svc.call('access.run', { ...sub(), year: 2024 });
    expect(r.facilities).toEqual([]);
    expect(unit(r, 'region').covered).toBe(0);
    expect(r.modelNote).toContain('2024 年没有所选类型且有坐标的机构');
  });

  it('siting counts them as existing in 2025, not in 2024', async () => {
    const ask = (year: number) =>
      svc.call('siting.run', {
        scenarioId,
        model: 'mclp',
        type: 'sub_centre',
        k: 1,
        urbanMinutes: 15,
        ruralMinutes: 30,
        direction: 'to',
        within: ['甲县'],
        year,
        candidates: { sites: [{ id: 'X', name: '三镇路口', lon: 113.5, lat: 28.0 }] },
      });
    // 2025: 三镇 is served already, the site adds nothing there; 2024: it brings 三镇's 100,000.
    expect((await ask(2025)).coveredBefore).toBe(145_000);
    expect((await ask(2024)).chosen[0]!.newlyCovered).toBe(100_000);
  });
});

describe('healthplan access/site: --within, --year, the radius CSV', () => {
  const dir = tmpDir();
  const { healthplan } = cliIn(dir);
  let plan = '';
  beforeAll(async () => {
    // The file at rest (closed: no write-ahead log beside it), copied for the CLI.
    svc.close();
    plan = path.join(dir, 'demand.hplan');
    fs.copyFileSync(planPath, plan);
    svc = createPlannerService({ home, door: 'direct' });
    await svc.call('plan.open', { path: planPath });
  });

  it("--within 甲县 --year 2025: the county's 320,000 people, named", () => {
    const r = healthplan('access', plan, '--within', '甲县', '--year', '2025');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as {
      year: number;
      units: { scope: string; name: string; population: number; covered: number }[];
      demand: { population: number; note: string };
    };
    expect(j.year).toBe(2025);
    expect(j.units[0]).toMatchObject({ scope: 'region', name: '甲县', population: 320_000, covered: 175_000 });
    expect(j.demand.population).toBe(320_000);
  });

  it('--year 2024 in the scenario with the sub-centres: none yet; 2025: both', () => {
    const at = (y: string) =>
      JSON.parse(
        healthplan('access', plan, '--scenario', '两个次中心', '--types', 'sub_centre', '--thresholds', 'urban=15,rural=30', '--direction', 'to', '--year', y)
          .out,
      ) as { units: { scope: string; covered: number }[]; notes: string[] };
    expect(at('2024').units[0]!.covered).toBe(0);
    const y25 = at('2025');
    expect(y25.units[0]!.covered).toBeGreaterThan(0);
    expect(y25.notes).toContain('机构按 2025 年计：已计入截至该年的规划项目 2 个（新建 2 个）');
  });

  it('refuses an unknown unit or year, naming it', () => {
    const r = healthplan('access', plan, '--within', '丙县');
    expect(r.code).toBe(2);
    expect(r.err).toContain('丙县');
    expect(healthplan('site', plan, '--type', 'ems_station', '--within', '丙县').code).toBe(2);
    expect(healthplan('access', plan, '--year', '二〇二五').code).toBe(2);
  });

  it('--preset radius --format csv carries the distance in 公里', () => {
    const r = healthplan('access', plan, '--preset', 'radius', '--within', '城关街道', '--format', 'csv');
    expect(r.code, r.err).toBe(0);
    const rows = r.out
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .map((row) => row.split(','));
    expect(rows[0]).toEqual(['区划代码', '名称', '所在街道乡镇', '人口', '城乡', '公里', '最近机构', '是否覆盖']);
    // 西社区 0.02° east-west at 28°N: 1.96 km in a straight line; 城关街道's own remainder 0.98 km.
    expect(rows.find((x) => x[0] === 'C2')).toEqual(['C2', '西社区', 'S1', '10000', '城镇', '2', 'E1', '是']);
    expect(rows.find((x) => x[0] === 'S1')).toEqual(['S1', '城关街道（未列入下级的人口）', 'S1', '55000', '城镇', '1', 'E1', '是']);
  });

  it('site --year 2024 sees no sub-centre in the scenario yet', () => {
    const r = healthplan(
      'site',
      plan,
      '--scenario',
      '两个次中心',
      '--type',
      'sub_centre',
      '--direction',
      'to',
      '--thresholds',
      'urban=15,rural=30',
      '--within',
      '甲县',
      '--year',
      '2024',
      '--candidates',
      'generated',
      '--spacing',
      '20000',
    );
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { year: number; covered_before: number; note: string };
    expect(j).toMatchObject({ year: 2024, covered_before: 0 });
    expect(j.note).toContain('现有 0 个机构');
  });
});
