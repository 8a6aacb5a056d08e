// Every output made from the sample plan says 示例数据 — 部分数值为估算 (issue 12, "Words"), as the app and the
// PDF already do: JSON carries sample/sample_note, CSV a 数据说明 column on every row (the project's CSV
// readers take every line as data, so no "#" line), a workbook the note in its title and printed header.
// A planner's own plan carries none of it.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const NOTE = '示例数据 — 部分数值为估算';
const dir = tmpDir();
const { healthplan, file } = cliIn(dir);

const run = (...args: string[]) => {
  const r = healthplan(...args);
  expect(r.code, r.err).toBe(0);
  return r;
};
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const csvLines = (text: string) =>
  text
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');

async function workbook(name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(dir, name)) as unknown as ArrayBuffer);
  return wb;
}

beforeAll(() => {
  run('sample', 'sample.hplan');
  // A planner's own plan: one district, two streets, a centre in each and a 120 station.
  const units = file(
    'units.csv',
    [
      '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度',
      '430105000000,开福区,,区,100000,112.985,28.256',
      '430105001000,东风路街道,430105000000,街道,60000,112.99,28.22',
      '430105002000,沙坪街道,430105000000,街道,40000,113.01,28.34',
    ].join('\r\n'),
  );
  const facilities = file(
    'facilities.csv',
    [
      '机构编码,机构名称,机构类型,所在区划代码,实有床位,执业(助理)医师,经度,纬度',
      'F1,东风路街道社区卫生服务中心,社区卫生服务中心,430105001000,30,12,112.99,28.22',
      'F2,沙坪街道社区卫生服务中心,社区卫生服务中心,430105002000,45,14,113.01,28.34',
      'E1,开福区急救站,120急救站,430105001000,0,2,112.99,28.23',
    ].join('\r\n'),
  );
  run('import', 'own.hplan', '--units', units, '--facilities', facilities);
}, 120_000);

describe('outputs of the sample plan say 示例数据', () => {
  it('gaps: JSON, CSV and the workbook', async () => {
    const j = JSON.parse(run('gaps', 'sample.hplan', '--level', 'region').out);
    expect(j).toMatchObject({ sample: true, sample_note: NOTE });
    expect(Object.keys(j).slice(0, 2)).toEqual(['sample', 'sample_note']);
    expect(JSON.parse(run('gaps', 'sample.hplan', '--level', 'region', '--lang', 'en').out).sample_note).toBe('Sample data — some figures are estimates');

    run('gaps', 'sample.hplan', '--level', 'county', '--format', 'csv', '--out', 'gaps.csv');
    const lines = csvLines(read('gaps.csv'));
    expect(lines[0]).toMatch(/^指标,指标编号,层级,代码,名称,.*,数据说明$/);
    expect(lines.length).toBeGreaterThan(2);
    // Every data row ends with the note (as its own column, so a reader of the CSV keeps it per row).
    for (const l of lines.slice(1)) expect(l.endsWith(`,${NOTE}`), l).toBe(true);

    run('gaps', 'sample.hplan', '--format', 'xlsx', '--out', 'gaps.xlsx');
    const ws = (await workbook('gaps.xlsx')).worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain(`【${NOTE}】`);
    expect(ws.headerFooter.oddHeader).toContain(NOTE);
    expect(ws.getRow(2).getCell(1).value).toBe('指标'); // the header row stays where it was
  }, 120_000);

  it('access: JSON and CSV', () => {
    const j = JSON.parse(run('access', 'sample.hplan', '--preset', '1030').out);
    expect(j).toMatchObject({ sample: true, sample_note: NOTE, model: 'road' });
    const lines = csvLines(run('access', 'sample.hplan', '--preset', '1030', '--format', 'csv').out);
    expect(lines[0]).toMatch(/^区划代码,名称,所在街道乡镇,人口,城乡,分钟,最近机构,是否覆盖,数据说明$/);
    for (const l of lines.slice(1, 20)) expect(l.endsWith(`,${NOTE}`), l).toBe(true);
  }, 120_000);

  it('site: JSON', () => {
    const j = JSON.parse(
      run('site', 'sample.hplan', '--type', 'ems_station', '--add', '1', '--within', '开福区', '--thresholds', 'urban=10,rural=10', '--heuristic').out,
    );
    expect(j).toMatchObject({ sample: true, sample_note: NOTE, model: 'mclp' });
    expect(j.chosen).toHaveLength(1);
  }, 120_000);

  it('allocate: JSON and the workbook (title of 汇总, the printed header of every sheet)', async () => {
    const j = JSON.parse(run('allocate', 'sample.hplan', '--budget', 'beds=300').out);
    expect(j).toMatchObject({ sample: true, sample_note: NOTE });
    run('allocate', 'sample.hplan', '--budget', 'beds=300', '--format', 'xlsx', '--out', 'alloc.xlsx');
    const wb = await workbook('alloc.xlsx');
    expect(wb.worksheets[0]!.name).toBe('汇总');
    expect(String(wb.worksheets[0]!.getCell(1, 1).value)).toMatch(new RegExp(`^资源配置测算汇总.*【${NOTE}】$`));
    for (const ws of wb.worksheets) expect(ws.headerFooter.oddHeader, ws.name).toContain(NOTE);
    // The page footer the workbook had stays.
    expect(wb.worksheets[0]!.headerFooter.oddFooter).toContain('第 &P 页');
  }, 120_000);
});

describe("a planner's own plan carries none of it", () => {
  it('gaps, access, site, allocate: sample false, no note, no 数据说明 column, plain titles', async () => {
    const gaps = JSON.parse(run('gaps', 'own.hplan', '--standard', 'kaifu-2024', '--level', 'region').out);
    expect(gaps.sample).toBe(false);
    expect(gaps).not.toHaveProperty('sample_note');
    run('gaps', 'own.hplan', '--standard', 'kaifu-2024', '--format', 'csv', '--out', 'own-gaps.csv');
    expect(read('own-gaps.csv')).not.toContain('数据说明');
    expect(read('own-gaps.csv')).not.toContain('示例数据');
    run('gaps', 'own.hplan', '--standard', 'kaifu-2024', '--format', 'xlsx', '--out', 'own-gaps.xlsx');
    const gws = (await workbook('own-gaps.xlsx')).worksheets[0]!;
    expect(String(gws.getCell(1, 1).value)).not.toContain('示例数据');
    expect(gws.headerFooter?.oddHeader ?? '').not.toContain('示例数据');

    const access = run('access', 'own.hplan', '--preset', '1030');
    expect(JSON.parse(access.out)).toMatchObject({ sample: false });
    expect(access.out).not.toContain('示例数据');
    expect(run('access', 'own.hplan', '--preset', '1030', '--format', 'csv').out).not.toContain('数据说明');

    const site = run('site', 'own.hplan', '--type', 'ems_station', '--add', '1', '--heuristic');
    expect(JSON.parse(site.out).sample).toBe(false);
    expect(site.out).not.toContain('示例数据');

    const alloc = run('allocate', 'own.hplan', '--standard', 'kaifu-2024', '--budget', 'gps=10');
    expect(JSON.parse(alloc.out).sample).toBe(false);
    run('allocate', 'own.hplan', '--standard', 'kaifu-2024', '--budget', 'gps=10', '--format', 'xlsx', '--out', 'own-alloc.xlsx');
    for (const ws of (await workbook('own-alloc.xlsx')).worksheets) {
      expect(String(ws.getCell(1, 1).value)).not.toContain('示例数据');
      expect(ws.headerFooter?.oddHeader ?? '').not.toContain('示例数据');
    }
  }, 120_000);
});
