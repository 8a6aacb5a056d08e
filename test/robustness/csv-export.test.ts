// One writer for every CSV the app makes (issue 13 item 9). README ("Spreadsheets"): "In exported CSV,
// digit-only codes are written ="430102001000" and text that would start a formula (= + - @) behind a ',
// so Excel/WPS neither mangles codes nor runs formulas; the import reads both back as they were."
// gaps (CLI and the API's gaps.export), access and site wrote such names raw; the tables did not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from '../../electron/backend/io/csv.ts';
import { createPlannerService } from '../../electron/backend/service.ts';
import { cliIn } from '../backend/cli-run.ts';
import { tmpDir } from '../backend/tmp.ts';

const dir = tmpDir('hp-csv-');
const { healthplan, file } = cliIn(dir);

// Three streets named like formulas, a facility whose name is one, a digit-only facility id, a negative growth rate.
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,人口年均增长率(%)',
  '430105000000,开福区,,区,820790,112.985,28.256,-1.5',
  '430105002000,+1,430105000000,街道,52000,112.98,28.32,',
  '430105001000,-2,430105000000,街道,60000,112.99,28.22,',
  '430105003000,@SUM(A1),430105000000,街道,40000,112.97,28.25,',
].join('\r\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度,实有床位,执业(助理)医师',
  'F1,"=HYPERLINK(""x"")",社区卫生服务中心,430105002000,112.981,28.321,45,14',
  '0012,-急救站,120急救站,430105000000,112.986,28.257,0,3',
].join('\r\n');
const NEUTRALISED = ["'+1", "'-2", "'@SUM(A1)", '\'=HYPERLINK("x")'];

const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');

/** The cells of a CSV the app wrote: UTF-8 BOM, CRLF after every row (checked), parsed per RFC 4180. */
function cells(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsv(text.slice(1), ',').filter((r) => r.some((c) => c !== ''));
}

/** No cell Excel/WPS would run as a formula: = only as ="digits", and never a leading + - @ (but a negative figure: -1.5). */
function formulaFree(rows: string[][], what: string): void {
  for (const row of rows) {
    for (const c of row) {
      if (/^-\d+(\.\d+)?$/.test(c)) continue;
      if (c.startsWith('=')) expect(c, `${what}: ${row.join(' | ')}`).toMatch(/^="\d+"$/);
      expect(c, `${what}: ${row.join(' | ')}`).not.toMatch(/^[+\-@\t\r]/);
    }
  }
}

const column = (rows: string[][], header: string) => {
  const i = rows[0]!.indexOf(header);
  expect(i, header).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[i]!);
};

describe('the one CSV writer', () => {
  it('neutralises text, keeps figures as figures, writes codes as ="…", BOM, CRLF, and the sample\'s 数据说明 column', () => {
    const text = writeCsv(
      ['代码', '名称', '人口', '增长率'],
      [
        ['0012', '-2', -2, '-1.5'],
        ['430105000000', '=HYPERLINK("x")', 52000, '0.933'],
        ['F1', '@SUM(A1)', null, '+1'],
        ['region', 'a,b', 1e-7, 'x'],
      ],
      { kinds: { 代码: 'code', 增长率: 'number' } },
    );
    expect(text).toBe(
      '\ufeff代码,名称,人口,增长率\r\n'
        + '"=""0012""",\'-2,-2,-1.5\r\n'
        + '"=""430105000000""","\'=HYPERLINK(""x"")",52000,0.933\r\n'
        + "F1,'@SUM(A1),,'+1\r\n" // "+1" is not a plain figure: written as text
        + 'region,"a,b",1e-7,x\r\n',
    );
    const sample = writeCsv(['名称'], [['+1']], { sample: true });
    expect(sample).toBe("\ufeff名称,数据说明\r\n'+1,示例数据 — 部分数值为估算\r\n");
    expect(writeCsv(['名称'], [])).toBe('\ufeff名称\r\n');
  });
});

describe('every CSV export of a plan whose names look like formulas', () => {
  it("gaps, the API's gaps.export, access, site and the tables write them neutralised; the import reads the tables back as they were", async () => {
    const made = healthplan('import', 'f.hplan', '--units', file('u.csv', UNITS), '--facilities', file('f.csv', FACILITIES));
    expect(made.code, made.err).toBe(0);

    // gaps (was: +1, -2, @SUM(A1) and =HYPERLINK("x") written raw)
    expect(healthplan('gaps', 'f.hplan', '--standard', 'kaifu-2024', '--level', 'township', '--format', 'csv', '--out', 'g-town.csv').code).toBe(0);
    const town = cells(read('g-town.csv'));
    formulaFree(town, 'gaps township');
    expect(new Set(column(town, '名称'))).toEqual(new Set(["'+1", "'-2", "'@SUM(A1)"]));
    expect(new Set(column(town, '代码'))).toEqual(new Set(['="430105002000"', '="430105001000"', '="430105003000"']));
    const g = healthplan('gaps', 'f.hplan', '--standard', 'kaifu-2024', '--level', 'facility', '--format', 'csv');
    expect(g.code, g.err).toBe(0);
    const fac = cells(g.out);
    formulaFree(fac, 'gaps facility');
    expect(column(fac, '名称')).toContain('\'=HYPERLINK("x")');

    // The API's export (the app's 导出 button), through the service.
    const svc = createPlannerService({ door: 'direct', home: path.join(dir, 'home') });
    try {
      await svc.call('plan.open', { path: path.join(dir, 'f.hplan') });
      const api = await svc.call('gaps.export', { scenarioId: 1, standardId: 'kaifu-2024', level: 'township', format: 'csv' });
      const rows = cells(Buffer.from(api.dataBase64, 'base64').toString('utf8'));
      formulaFree(rows, 'gaps.export');
      expect(column(rows, '名称')).toContain("'@SUM(A1)");
    } finally {
      svc.close();
    }

    // access: the demand points are the streets; the nearest station's id 0012 stays 0012.
    const a = healthplan('access', 'f.hplan', '--preset', 'radius', '--format', 'csv');
    expect(a.code, a.err).toBe(0);
    const acc = cells(a.out);
    formulaFree(acc, 'access');
    expect(column(acc, '名称')).toEqual(expect.arrayContaining(["'+1", "'-2", "'@SUM(A1)"]));
    expect(new Set(column(acc, '最近机构'))).toEqual(new Set(['="0012"']));
    expect(column(acc, '人口')).toEqual(expect.arrayContaining(['52000', '60000', '40000'])); // figures stay figures

    // site: a candidate from a file named like a formula, in street +1.
    const cand = file('cand.csv', '编号,名称,经度,纬度\r\nA1,"=HYPERLINK(""x"")",112.98,28.32\r\n');
    const s = healthplan('site', 'f.hplan', '--type', 'ems_station', '--add', '1', '--candidates', cand, '--format', 'csv');
    expect(s.code, s.err).toBe(0);
    const site = cells(s.out);
    formulaFree(site, 'site');
    expect(site[1]).toEqual(['1', 'A1', '\'=HYPERLINK("x")', '候选表', "'+1", '112.98', '28.32', '52000', '52000']);

    // The tables: neutralised, and read back as they were (export → import → export gives the same bytes).
    expect(healthplan('export', 'f.hplan', '--units', 'u1.csv', '--facilities', 'f1.csv').code).toBe(0);
    const units = cells(read('u1.csv'));
    const facilities = cells(read('f1.csv'));
    formulaFree(units, 'units');
    formulaFree(facilities, 'facilities');
    expect([...column(units, '名称'), ...column(facilities, '机构名称')]).toEqual(expect.arrayContaining([...NEUTRALISED, "'-急救站"]));
    expect(column(units, '人口年均增长率(%)')).toContain('-1.5'); // a negative figure is a figure, not a formula
    expect(column(facilities, '机构编码')).toContain('="0012"');
    const back = healthplan('import', 'back.hplan', '--units', 'u1.csv', '--facilities', 'f1.csv');
    expect(back.code, back.err).toBe(0);
    expect(healthplan('export', 'back.hplan', '--units', 'u2.csv', '--facilities', 'f2.csv').code).toBe(0);
    expect(read('u2.csv')).toBe(read('u1.csv'));
    expect(read('f2.csv')).toBe(read('f1.csv'));
    const again = createPlannerService({ door: 'direct', home: path.join(dir, 'home') });
    try {
      await again.call('plan.open', { path: path.join(dir, 'back.hplan') });
      const names = (await again.call('units.list', { scenarioId: 1 })).map((u) => u.name);
      expect(names).toEqual(expect.arrayContaining(['+1', '-2', '@SUM(A1)']));
      const f = await again.call('facilities.list', { scenarioId: 1 });
      expect(f.map((x) => [x.id, x.name])).toEqual(
        expect.arrayContaining([
          ['F1', '=HYPERLINK("x")'],
          ['0012', '-急救站'],
        ]),
      );
      expect((await again.call('units.list', { scenarioId: 1 })).find((u) => u.code === '430105000000')?.growth_rate).toBe(-1.5);
    } finally {
      again.close();
    }
  });
});
