// 公平 on a real plan file: access.run's groups (urban/rural, 0–3 and 65+ apportioned to the demand
// points) with hand-computed figures, and `healthplan access --by urban,age` giving the same splits as
// JSON and as a CSV table.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { GroupCoverage } from '../../shared/access/groups.ts';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
let planPath = '';
const b64 = (s: string) => Buffer.from(s).toString('base64');

// 甲区: 一街道 (urban; 3,000 people, 90 aged 0–3, 360 aged 65+) with 东社区 beside the station (1,000; 30 and
// 100 of its own) and 西社区 4 km west (2,000, no age figures: the street's 3% and 12%); 二镇 (rural, no
// figures of its own) with 远村 20 km east (500; 10 and 100). Without roads (straight line × 1.6): 东社区
// is within 10 minutes, 西社区 (12.6 min) and 远村 (41.9 min > 30) are not (test/backend/access.test.ts).
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,0-3岁人口,65岁及以上人口,经度,纬度,年份',
  'A,甲区,,区,,,,113.0,28.0,2025',
  'S,一街道,A,街道,3000,90,360,113.0,28.0,2025',
  'C1,东社区,S,社区,1000,30,100,113.0,28.0,2025',
  'C2,西社区,S,社区,2000,,,112.96,28.0,2025',
  'T,二镇,A,镇,,,,113.2,28.0,2025',
  'V1,远村,T,行政村,500,10,100,113.2,28.0,2025',
].join('\n');
const FACILITIES = '机构编码,机构名称,机构类型,所在区划代码,经度,纬度\nE1,急救站,120急救站,C1,113.0,28.0\n';
const q = { scenarioId: 1, types: ['ems_station' as const], urbanMinutes: 10, ruralMinutes: 30 };
const by = (xs: readonly GroupCoverage[], g: string) => xs.find((x) => x.group === g)!;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  planPath = (await svc.call('plan.new', { path: 'groups' })).path;
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('access.run: covered share by group', () => {
  it('splits the region by urban/rural and the age bands, apportioned by each community’s own share, else its street’s', async () => {
    const r = await svc.call('access.run', q);
    const g = r.groups.region;
    expect(g.map((x) => x.group)).toEqual(['all', 'urban', 'rural', 'age_0_3', 'age_65_plus']);
    expect(by(g, 'all')).toEqual({ group: 'all', population: 3500, covered: 1000, leftOut: 2500, share: 1000 / 3500 });
    expect(by(g, 'urban')).toEqual({ group: 'urban', population: 3000, covered: 1000, leftOut: 2000, share: 1 / 3 });
    expect(by(g, 'rural')).toEqual({ group: 'rural', population: 500, covered: 0, leftOut: 500, share: 0 });
    // 0–3: 东社区 30 (covered) + 西社区 2,000 × 90/3,000 = 60 + 远村 10 = 100; 65+: 100 + 2,000 × 0.12 = 240 + 100 = 440.
    expect(by(g, 'age_0_3')).toEqual({ group: 'age_0_3', population: 100, covered: 30, leftOut: 70, share: 0.3 });
    expect(by(g, 'age_65_plus')).toEqual({ group: 'age_65_plus', population: 440, covered: 100, leftOut: 340, share: 100 / 440 });
    // Urban + rural is the whole, as the region's coverage line says.
    const region = r.units.find((u) => u.scope === 'region')!;
    expect(by(g, 'urban').population + by(g, 'rural').population).toBe(region.population);
    expect(by(g, 'urban').covered + by(g, 'rural').covered).toBe(region.covered);
    expect(r.groups.ages).toEqual([
      { band: 'age_0_3', byOwn: 1500, byAbove: 2000, unknown: 0 },
      { band: 'age_65_plus', byOwn: 1500, byAbove: 2000, unknown: 0 },
    ]);
    // One county: it is the region, and the worst served are the region's groups.
    expect(r.groups.counties).toEqual([{ code: 'A', name: '甲区', groups: g }]);
    expect(r.groups.worst.map((w) => [w.group, w.share, w.leftOut])).toEqual([
      ['rural', 0, 500],
      ['age_65_plus', 100 / 440, 340],
      ['age_0_3', 0.3, 70],
      ['urban', 1 / 3, 2000],
    ]);
  });

  it('with 15 urban minutes 西社区 (12.6 min) is in: the groups follow the points', async () => {
    const r = await svc.call('access.run', { ...q, urbanMinutes: 15 });
    // 西社区 at 12.6 min is within 15: urban all covered, 0–3 now 30 + 60.
    expect(by(r.groups.region, 'urban')).toMatchObject({ covered: 3000, share: 1 });
    expect(by(r.groups.region, 'age_0_3')).toMatchObject({ covered: 90, leftOut: 10 });
  });
});

describe('healthplan access --by urban,age', () => {
  it('gives the same splits as JSON and as a CSV table; --by urban alone keeps urban/rural', async () => {
    const want = (await svc.call('access.run', q)).groups;
    svc.close();
    const dir = tmpDir();
    const { healthplan } = cliIn(dir);
    const r = healthplan('access', planPath, '--by', 'urban,age');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { groups: { region: GroupCoverage[]; counties: unknown[]; worst: { group: string; share: number }[]; note: string } };
    expect(j.groups.region).toEqual(want.region);
    expect(j.groups.counties).toEqual(want.counties);
    expect(j.groups.worst.map((w) => [w.group, w.share])).toEqual(want.worst.map((w) => [w.group, w.share]));
    expect(j.groups.note).toContain('按所在村/社区该年龄段人口占其人口的比例分摊');
    // No --by: no groups in the JSON (as before).
    expect(JSON.parse(healthplan('access', planPath).out)).not.toHaveProperty('groups');

    const u = JSON.parse(healthplan('access', planPath, '--by', 'urban').out) as typeof j;
    expect(u.groups.region.map((x) => x.group)).toEqual(['all', 'urban', 'rural']);

    const csv = healthplan('access', planPath, '--by', 'urban,age', '--format', 'csv', '--out', path.join(dir, 'g.csv'));
    expect(csv.code, csv.err).toBe(0);
    expect(csv.out).toContain('农村：覆盖 0.0%（500 人中未覆盖 500 人）');
    expect(csv.out).toContain('65 岁及以上：覆盖 22.7%（440 人中未覆盖 340 人）');
    const lines = fs
      .readFileSync(path.join(dir, 'g.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('范围,区划代码,名称,分组,人口,覆盖人口,未覆盖人口,覆盖率（%）');
    expect(lines).toContain('全域,,甲区,城镇,3000,1000,2000,33.3');
    expect(lines).toContain('全域,,甲区,0–3 岁,100,30,70,30');
    expect(lines.filter((l) => l.startsWith('区县,'))).toHaveLength(5);

    const bad = healthplan('access', planPath, '--by', 'income');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--by: urban,age');
  }, 60_000);
});
