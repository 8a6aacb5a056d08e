// 谁被落下 in the briefing: brief.get's equity is the access result's own groups for the set's access
// target (长沙市's 1530 circle), with hand-computed figures; the compared scenario's groups beside them;
// a set without an access target takes the coverage slide's 1030 rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrief } from '../../electron/backend/briefing/build.ts';
import { openPlanFile } from '../../electron/backend/db/plan-file.ts';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { AnalysisRunner } from '../../electron/backend/worker/runner.ts';
import { targetSettings } from '../../shared/access/presets.ts';
import { planSlides } from '../../shared/briefing/slides.ts';
import type { GroupCoverage } from '../../shared/access/groups.ts';
import type { Target } from '../../shared/gaps/standard.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
let planPath = '';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const CITY = '430100000000';
// 甲区 (urban): 一街道 (3,000; 90 aged 0–3, 360 aged 65+) with 东社区 at its CHC (1,000; 30 and 100) and
// 西社区 55 km north (2,000, no age figures: the street's 3% and 12%). 乙县 (rural): 二镇 (2,000; 40 and 300)
// with 远村 100 km east (500; 10 and 100) and 近村 at its THC (1,500, none of its own: the town's 2% and 15%).
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,0-3岁人口,65岁及以上人口,经度,纬度,年份',
  `${CITY},长沙市,,市,,,,113.0,28.0,2025`,
  `A,甲区,${CITY},区,,,,113.0,28.0,2025`,
  'S1,一街道,A,街道,3000,90,360,113.0,28.0,2025',
  'C1,东社区,S1,社区,1000,30,100,113.0,28.0,2025',
  'C2,西社区,S1,社区,2000,,,113.0,28.5,2025',
  `B,乙县,${CITY},县,,,,113.5,28.0,2025`,
  'T,二镇,B,镇,2000,40,300,113.5,28.0,2025',
  'V1,远村,T,行政村,500,10,100,114.5,28.0,2025',
  'V2,近村,T,行政村,1500,,,113.5,28.0,2025',
].join('\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度',
  'CHC1,东社区卫生服务中心,社区卫生服务中心,C1,113.0,28.0',
  'THC1,二镇卫生院,乡镇卫生院,V2,113.5,28.0',
].join('\n');
const by = (xs: readonly GroupCoverage[], g: string) => xs.find((x) => x.group === g)!;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  planPath = (await svc.call('plan.new', { path: 'brief-groups' })).path;
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
  await svc.call('gaps.setSettings', { standardId: 'changsha-14fyp-2025', year: 2025 });
});
afterAll(() => svc.close());

describe('brief.get: 谁被落下', () => {
  it('splits the set’s 1530 circle by urban/rural and age band, by hand', async () => {
    const b = await svc.call('brief.get', { scenarioId: 1 });
    expect(b.equity).toHaveLength(1);
    const e = b.equity![0]!;
    expect(e).toMatchObject({ target: 'access-1530', urbanMinutes: 15, ruralMinutes: 30, before: null });
    // 东社区 and 近村 are at their centres; 西社区 and 远村 are far beyond 15 / 30 minutes.
    expect(by(e.groups, 'all')).toEqual({ group: 'all', population: 5000, covered: 2500, leftOut: 2500, share: 0.5 });
    expect(by(e.groups, 'urban')).toEqual({ group: 'urban', population: 3000, covered: 1000, leftOut: 2000, share: 1 / 3 });
    expect(by(e.groups, 'rural')).toEqual({ group: 'rural', population: 2000, covered: 1500, leftOut: 500, share: 0.75 });
    // 0–3: 30 + 2,000 × 3% = 60 + 10 + 1,500 × 2% = 30 (covered: 30 + 30); 65+: 100 + 240 + 100 + 225 (covered 100 + 225).
    expect(by(e.groups, 'age_0_3')).toEqual({ group: 'age_0_3', population: 130, covered: 60, leftOut: 70, share: 60 / 130 });
    expect(by(e.groups, 'age_65_plus')).toEqual({ group: 'age_65_plus', population: 665, covered: 325, leftOut: 340, share: 325 / 665 });
    // Worst by county: 甲区 65+ (100/340), 甲区 urban and 0–3 (both 1/3, most left out first), 乙县 65+ (225/325), 乙县 rural (0.75, before its 0–3 with 10 left out).
    expect(e.worst.map((w) => [w.name, w.group, w.leftOut])).toEqual([
      ['甲区', 'age_65_plus', 240],
      ['甲区', 'urban', 2000],
      ['甲区', 'age_0_3', 60],
      ['乙县', 'age_65_plus', 100],
      ['乙县', 'rural', 500],
    ]);
    expect(e.note).toContain('0–3 岁、65 岁及以上人口按所在村/社区该年龄段人口占其人口的比例分摊');
    // The slide follows the coverage slide, whose figures are the same analysis's.
    expect(b.access!.after).toMatchObject({ population: 5000, covered: 2500 });
    const kinds = planSlides(b).map((x) => x.kind);
    expect(kinds.indexOf('equity')).toBe(kinds.indexOf('coverage') + 1);
  });

  it('equals access.run’s groups for the same analysis, and the gap screen’s coverage line', async () => {
    const b = await svc.call('brief.get', { scenarioId: 1 });
    const gaps = await svc.call('gaps.evaluate', { scenarioId: 1 });
    const t = gaps.targets.find((x): x is Extract<Target, { kind: 'access' }> => x.id === 'access-1530')!;
    const r = await svc.call('access.run', { scenarioId: 1, ...targetSettings(t), within: [CITY], year: 2025 });
    expect(b.equity![0]!.groups).toEqual(r.groups.region);
    expect(b.equity![0]!.worst).toEqual(r.groups.worst);
    const line = gaps.results.find((x) => x.scope === 'region' && x.target === 'access-1530')!;
    expect(line.population).toBe(5000);
  });

  it('compared: the other scenario’s groups beside; in English the note is English', async () => {
    const s = await svc.call('scenarios.create', { name: '西社区新中心' });
    await svc.call('facilities.add', { scenarioId: s.id, type: 'chc', lon: 113.0, lat: 28.5, fields: {} });
    const b = await svc.call('brief.get', { scenarioId: s.id, compareId: 1, lang: 'en' });
    const e = b.equity![0]!;
    expect(by(e.groups, 'urban')).toMatchObject({ population: 3000, covered: 3000, leftOut: 0, share: 1 });
    expect(by(e.groups, 'age_0_3')).toMatchObject({ population: 130, covered: 120 });
    expect(by(e.before!, 'urban')).toMatchObject({ covered: 1000, share: 1 / 3 });
    expect(e.note).toContain('apportioned to each demand point');
    expect(e.label).toBe(b.targets.find((x) => x.id === 'access-1530')!.nameEn);
  });

  it('a set without an access target: the coverage slide’s 1030 rule, split the same way', async () => {
    const b = await svc.call('brief.get', { scenarioId: 1, standardId: 'changsha-primary-2025' });
    expect(b.equity).toHaveLength(1);
    // No 120 station in the plan: nobody is covered, everyone is left out.
    expect(b.equity![0]).toMatchObject({ target: null, urbanMinutes: 10, ruralMinutes: 30, label: b.access!.label });
    expect(by(b.equity![0]!.groups, 'rural')).toEqual({ group: 'rural', population: 2000, covered: 0, leftOut: 2000, share: 0 });
  });

  it('runs the 1530 analysis once: the gap engine’s result is the one the coverage slide and 谁被落下 read', async () => {
    svc.close();
    const p = openPlanFile(planPath);
    const runner = new AnalysisRunner();
    const started: string[] = [];
    const start = runner.start.bind(runner);
    runner.start = ((kind, input) => {
      started.push(kind);
      return start(kind, input);
    }) as typeof runner.start;
    try {
      const b = await buildBrief(p.db, planPath, { scenarioId: 1, lang: 'zh-CN' }, runner);
      expect(b.equity![0]!.target).toBe('access-1530');
      expect(started).toEqual(['access']);
    } finally {
      runner.close();
      p.close();
    }
  });
});
