// The command line, run as a planner would run it, on real files in a temp folder.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sha, tmpDir } from './tmp.ts';
import { cliIn } from './cli-run.ts';

const dir = tmpDir();
const { healthplan, file } = cliIn(dir);

describe('healthplan CLI', () => {
  it('has --help for the whole and for every command', () => {
    const top = healthplan('--help');
    expect(top.code).toBe(0);
    for (const c of ['sample', 'info', 'import', 'export', 'gaps', 'access']) {
      expect(top.out).toContain(`healthplan ${c}`);
      const h = healthplan(c, '--help');
      expect(h.code).toBe(0);
      expect(h.out).toContain(`healthplan ${c}`);
    }
    expect(healthplan('frobnicate').code).toBe(2);
    expect(healthplan('info').code).toBe(2);
  });

  it('writes the sample plan, and info --json counts it', () => {
    const s = healthplan('sample', 'sample.hplan');
    expect(s.code, s.err).toBe(0);
    expect(healthplan('sample', 'sample.hplan').code).toBe(2); // exists: refuses without --force
    const r = healthplan('info', 'sample.hplan', '--json');
    expect(r.code, r.err).toBe(0);
    const info = JSON.parse(r.out);
    expect(info.sample).toBe(true);
    expect(info.units.county).toBe(10);
    expect(info.units.street + info.units.town + (info.units.township ?? 0)).toBeGreaterThan(170);
    expect(info.facilities.chc).toBeGreaterThanOrEqual(info.units.street);
    expect(info.scenarios).toEqual([{ id: 1, name: '基线', baseline: true }]);
    // The 2020 census: Changsha's nine units 10,047,914 and Ziyang 356,405
    expect(info.population).toBe(10_404_319);
    expect(healthplan('info', 'sample.hplan').out).toContain('示例数据 — 部分数值为估算');
  });

  it('imports GBK units and facilities into a new plan, then rejects a bad file without writing', () => {
    const units = file(
      '单位.csv',
      iconv.encode(
        ['区划代码,名称,上级区划代码,类型,常住人口', '430105000000,开福区,,区,820790', '430105002000,沙坪街道,430105000000,街道,52000'].join('\r\n'),
        'gb18030',
      ),
    );
    const good = file(
      '机构.csv',
      iconv.encode(
        ['机构编码,机构名称,机构类型,所在区划代码,实有床位,执业(助理)医师', 'F1,沙坪街道社区卫生服务中心,社区卫生服务中心,430105002000,45,14'].join('\r\n'),
        'gb18030',
      ),
    );
    const r = healthplan('import', 'new.hplan', '--units', units, '--facilities', good);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('新增 2 条');
    expect(r.out).toContain('新增 1 条');

    const bad = file(
      'bad.csv',
      [
        '机构编码,机构名称,机构类型,所在区划代码,实有床位',
        'F2,新河街道社区卫生服务中心,社区卫生服务中心,430105002000,abc',
        'F3,某中心,诊所之类,430105002000,10',
        'F4,某中心,社区卫生服务中心,999,10',
        'F2,重复,社区卫生服务中心,430105002000,1',
      ].join('\n'),
    );
    // Opening a plan touches SQLite's header counters, so compare the plan's data, not its bytes.
    const dump = () => {
      healthplan('export', 'new.hplan', '--units', 'dump-u.csv', '--facilities', 'dump-f.csv');
      return sha(path.join(dir, 'dump-u.csv')) + sha(path.join(dir, 'dump-f.csv'));
    };
    const before = dump();
    const b = healthplan('import', 'new.hplan', '--facilities', bad);
    expect(b.code).toBe(3);
    for (const row of [2, 3, 4, 5]) expect(b.err).toContain(`第 ${row} 行`);
    expect(b.err).toContain('未写入任何数据');
    expect(dump()).toBe(before);
    const empty = healthplan('import', 'new.hplan', '--facilities', file('empty.csv', ''));
    expect(empty.code).toBe(3);
    expect(dump()).toBe(before);
  });

  it('exports .xlsx and .csv that import into another plan unchanged', () => {
    for (const ext of ['xlsx', 'csv']) {
      const e = healthplan('export', 'sample.hplan', '--units', `u.${ext}`, '--facilities', `f.${ext}`);
      expect(e.code, e.err).toBe(0);
      const i = healthplan('import', `copy-${ext}.hplan`, '--units', `u.${ext}`, '--facilities', `f.${ext}`);
      expect(i.code, i.err).toBe(0);
      const a = JSON.parse(healthplan('info', 'sample.hplan', '--json').out);
      const b = JSON.parse(healthplan('info', `copy-${ext}.hplan`, '--json').out);
      expect(b.units).toEqual(a.units);
      expect(b.facilities).toEqual(a.facilities);
      expect(b.population).toBe(a.population);
      const again = healthplan('import', `copy-${ext}.hplan`, '--units', `u.${ext}`, '--facilities', `f.${ext}`);
      expect(again.out).not.toMatch(/修改 [1-9]/);
      expect(again.out).toMatch(/新增 0 条，修改 0 条/);
    }
  });

  it('imports into a named scenario without touching the baseline', () => {
    const change = file('change.csv', '机构编码,机构名称,机构类型,所在区划代码,实有床位\nF1,沙坪街道社区卫生服务中心,社区卫生服务中心,430105002000,90\n');
    const r = healthplan('import', 'new.hplan', '--facilities', change, '--scenario', '扩建');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已新建情景「扩建」');
    expect(r.out).toContain('修改 1 条');
    const base = path.join(dir, 'base.csv');
    expect(healthplan('export', 'new.hplan', '--facilities', base).code).toBe(0);
    expect(fs.readFileSync(base, 'utf8')).toMatch(/,45[,\r\n]/);
    const sc = path.join(dir, 'sc.csv');
    expect(healthplan('export', 'new.hplan', '--facilities', sc, '--scenario', '扩建').code).toBe(0);
    expect(fs.readFileSync(sc, 'utf8')).toMatch(/,90[,\r\n]/);
  });

  it('leaves no file behind when an import into a new plan is rejected', () => {
    const bad = file('bad-units.csv', '区划代码,名称,类型\nV1,某街道,小区\n');
    const r = healthplan('import', 'never.hplan', '--units', bad);
    expect(r.code).toBe(3);
    expect(r.err).toContain('第 2 行「类型」');
    expect(fs.existsSync(path.join(dir, 'never.hplan'))).toBe(false);
  });

  it('gaps: JSON in the documented shape, filtered by level and shortfall, and as csv/xlsx', () => {
    const r = healthplan('gaps', 'sample.hplan', '--level', 'region', '--year', '2020');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ standard: 'changsha-14fyp-2025', year: 2020, scenario: '基线' });
    const beds = j.results.find((x: { target: string }) => x.target === 'beds-per-1000');
    expect(Object.keys(beds)).toEqual(
      expect.arrayContaining(['target', 'scope', 'code', 'name', 'value', 'required', 'shortfall', 'unit', 'status', 'source']),
    );
    expect(beds).toMatchObject({
      scope: 'region',
      code: 'region',
      name: '长沙市',
      value: 8.28,
      required: 11,
      unit: '张',
      status: 'short',
      source: { document: '长政办发〔2021〕62号', clause: '指标表第9行' },
    });
    const short = JSON.parse(healthplan('gaps', 'sample.hplan', '--standard', 'ziyang-2025', '--level', 'facility', '--only-short').out);
    expect(short.results.length).toBeGreaterThan(0);
    expect(short.results.every((x: { scope: string; shortfall: number }) => x.scope === 'facility' && x.shortfall > 0)).toBe(true);
    const csv = healthplan('gaps', 'sample.hplan', '--format', 'csv', '--level', 'county', '--out', 'gaps.csv');
    expect(csv.code, csv.err).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'gaps.csv'), 'utf8')).toMatch(/^\ufeff指标,指标编号,层级,代码,名称,现值,目标值,缺口/);
    expect(healthplan('gaps', 'sample.hplan', '--format', 'xlsx', '--out', 'gaps.xlsx').code).toBe(0);
    expect(fs.statSync(path.join(dir, 'gaps.xlsx')).size).toBeGreaterThan(5000);
    expect(healthplan('gaps', 'sample.hplan', '--format', 'xlsx').code).toBe(2); // xlsx needs --out
    expect(healthplan('gaps', 'sample.hplan', '--level', 'street').code).toBe(2);
    expect(healthplan('gaps', 'sample.hplan', '--standard', 'nope').code).toBe(1);
    expect(healthplan('gaps', 'sample.hplan', '--list').out).toContain('kaifu-2024');
  });

  it("import --populations: a year's figure changes the ratio for that year", () => {
    const pops = file('人口.csv', iconv.encode('区划代码,2025年常住人口\r\n430105000000,1000000\r\n', 'gb18030'));
    const before = JSON.parse(healthplan('gaps', 'new.hplan', '--standard', 'kaifu-2024', '--year', '2025', '--level', 'region').out);
    const r = healthplan('import', 'new.hplan', '--populations', pops);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('人口（按年份）');
    expect(r.out).toContain('新增 1 条');
    const after = JSON.parse(healthplan('gaps', 'new.hplan', '--standard', 'kaifu-2024', '--year', '2025', '--level', 'region').out);
    const gps = (j: { results: { target: string; required: number; shortfall: number }[] }) => j.results.find((x) => x.target === 'gps-per-10000')!;
    // No GPs recorded: 820,790 residents (a figure with no year, taken as it is) need 329; 1,000,000 in 2025 need 400.
    expect(gps(before).shortfall).toBe(329);
    expect(gps(after).shortfall).toBe(400);
    const bad = healthplan('import', 'new.hplan', '--populations', file('bad-pop.csv', '区划代码,年份,常住人口\n430105000000,2025,很多\n'));
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('第 2 行「常住人口」');
  });

  it("access: the 1030 rule on the sample's roads, as JSON and CSV", () => {
    const r = healthplan('access', 'sample.hplan', '--preset', '1030');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.model).toBe('road');
    expect(j.query).toMatchObject({ types: ['ems_station'], urbanMinutes: 10, ruralMinutes: 30, direction: 'from' });
    expect(Object.keys(j.points[0])).toEqual(['code', 'name', 'population', 'urban', 'minutes', 'nearest', 'covered']);
    const region = j.units.find((u: { scope: string }) => u.scope === 'region');
    expect(region.share).toBeGreaterThan(0.5);
    expect(region.share).toBeLessThan(1); // the sample's hill villages are beyond 30 minutes
    const covered = j.points.filter((p: { covered: boolean }) => p.covered).reduce((s: number, p: { population: number }) => s + p.population, 0);
    expect(covered).toBe(region.covered);
    const wider = JSON.parse(healthplan('access', 'sample.hplan', '--thresholds', 'urban=15,rural=60').out);
    expect(wider.units.find((u: { scope: string }) => u.scope === 'region').share).toBeGreaterThan(region.share);
    const csv = healthplan('access', 'sample.hplan', '--preset', '1530', '--format', 'csv', '--out', 'access.csv');
    expect(csv.code, csv.err).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'access.csv'), 'utf8')).toMatch(/^\ufeff区划代码,名称,所在街道乡镇,人口,城乡,分钟,最近机构,是否覆盖,数据说明\r\n/); // the sample: 数据说明 on every row
    expect(healthplan('access', 'sample.hplan', '--types', 'ambulance').code).toBe(2);
    expect(healthplan('access', 'sample.hplan', '--thresholds', 'urban=x').code).toBe(2);
  });

  it('refuses a file that is not a plan, and leaves it alone', () => {
    const f = file('not-a-plan.hplan', 'just text');
    const r = healthplan('info', f);
    expect(r.code).toBe(1);
    expect(r.err).toContain('NOT_A_PLAN');
    expect(fs.readFileSync(f, 'utf8')).toBe('just text');
  });
});
