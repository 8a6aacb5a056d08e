// `healthplan site`, run as a planner would: the sample's two questions (开福区's 2 new 120 stations for
// its 10-minute circle; 资阳区's 2 sub-centres among its health centres), a proposal applied as a new
// scenario, a candidate file with a bad row, and usage errors.
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();
const { healthplan, file } = cliIn(dir);
interface SiteJson {
  model: string;
  chosen: { id: string; name: string; lon: number; lat: number; newly_covered: number; served: number; source: string }[];
  covered_before: number;
  covered_after: number;
  total_population: number;
  objective: number;
  bound: number;
  optimal: boolean;
  solver: string;
  applied_scenario?: string;
  units: { scope: string; name: string; covered_before: number; covered_after: number }[];
}

beforeAll(() => {
  expect(healthplan('sample', 's.hplan').code).toBe(0);
}, 120_000);

describe('healthplan site', () => {
  it('开福区: two new 120 stations on generated sites bring its 10-minute coverage up, and go into a new scenario', () => {
    const r = healthplan(
      'site',
      's.hplan',
      '--type',
      'ems_station',
      '--model',
      'mclp',
      '--add',
      '2',
      '--thresholds',
      'urban=10,rural=10',
      '--within',
      '开福区',
      '--candidates',
      'generated',
      '--apply',
      '开福新增急救站',
    );
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as SiteJson;
    expect(j.model).toBe('mclp');
    expect(j.chosen).toHaveLength(2);
    for (const s of j.chosen)
      expect(s).toMatchObject({ source: 'generated', id: expect.stringMatching(/^G\d+$/), lon: expect.any(Number), lat: expect.any(Number) });
    expect(j.chosen[0]!.newly_covered).toBeGreaterThanOrEqual(j.chosen[1]!.newly_covered);
    expect(j.covered_after - j.covered_before).toBe(j.chosen[0]!.newly_covered + j.chosen[1]!.newly_covered);
    expect(j.covered_after).toBeGreaterThan(j.covered_before);
    expect(j.covered_after).toBeLessThanOrEqual(j.total_population);
    expect(j.bound).toBeGreaterThanOrEqual(j.objective);
    expect(j.units[0]).toMatchObject({ scope: 'region', name: '开福区' });
    expect(j.applied_scenario).toBe('开福新增急救站');
    expect(r.err).toContain('已新建情景「开福新增急救站」');
    // The new scenario's 10-minute access in 开福区 is what the proposal promised.
    const a = healthplan('access', 's.hplan', '--preset', 'kaifu10', '--scenario', '开福新增急救站');
    const kaifu = (JSON.parse(a.out) as { units: { name: string; covered: number }[] }).units.find((u) => u.name === '开福区')!;
    expect(kaifu.covered).toBe(j.covered_after);
  }, 120_000);

  it('资阳区: two sub-centres among its health centres (p-median, hospitals fixed), as CSV', () => {
    const r = healthplan(
      'site',
      's.hplan',
      '--type',
      'sub_centre',
      '--model',
      'pmedian',
      '--add',
      '2',
      '--within',
      '资阳区',
      '--candidates',
      'upgrade',
      '--existing',
      'tertiary_hospital,secondary_hospital,sub_centre',
      '--thresholds',
      'urban=15,rural=30',
      '--format',
      'csv',
    );
    expect(r.code, r.err).toBe(0);
    const rows = r.out
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('序号,编号,名称,来源,所在街道乡镇,经度,纬度,新增覆盖人口,服务人口,数据说明'); // the sample says so on every row
    expect(rows).toHaveLength(3);
    for (const row of rows.slice(1)) expect(row).toMatch(/卫生院,升级,.+镇,/);
  }, 120_000);

  it('reads a GBK candidate file, and refuses one with a bad row naming the row and column', () => {
    const good = file('候选点.csv', iconv.encode('编号,名称,经度,纬度\nA,湘江北路口,112.98,28.25\nB,芙蓉北路口,113.011,28.2967\n', 'gb18030'));
    const r = healthplan(
      'site',
      's.hplan',
      '--type',
      'ems_station',
      '--add',
      '1',
      '--within',
      '开福区',
      '--thresholds',
      'urban=10,rural=10',
      '--candidates',
      good,
      '--heuristic',
    );
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as SiteJson).chosen.map((s) => [s.id, s.name, s.source])).toEqual([['B', '芙蓉北路口', 'list']]);
    const bad = file('bad.csv', iconv.encode('编号,名称,经度,纬度\nA,湘江北路口,112.98,二十八\n', 'gb18030'));
    const b = healthplan('site', 's.hplan', '--type', 'ems_station', '--candidates', bad);
    expect(b.code).toBe(2);
    expect(b.err).toContain('第 2 行 [纬度]');
  }, 120_000);

  it('says what is wrong with the arguments', () => {
    expect(healthplan('site', 's.hplan', '--type', 'ems_station', '--model', 'best').err).toContain('--model: mclp | lscp | pmedian');
    expect(healthplan('site', 's.hplan', '--model', 'mclp').err).toContain('--type');
    expect(healthplan('site', 's.hplan', '--type', 'ems_station', '--within', '火星区').err).toContain('没有「火星区」');
  }, 120_000);
});
