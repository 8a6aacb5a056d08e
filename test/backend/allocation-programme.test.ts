// The allocation workbook's 分年度实施计划 sheet: a scenario written from a programme (projects added with
// addProject, the programme kept with putProgramme, as programme.apply does) gets it — each year's
// projects, then its 小计 with the year's money, what could be spent, the spend (a SUM of its projects)
// and what is left, and a 合计 — figures worked by hand; a scenario without one has no such sheet.
// LibreOffice prints it (PNG: test-results/allocation-programme/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArgs } from '../../shared/api/contract.ts';
import { putProgramme } from '../../electron/backend/db/programme.ts';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { addProject } from '../../electron/backend/timeline/projects.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
const OUT = path.resolve(import.meta.dirname, '../../test-results/allocation-programme');
let svc: Service;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,年份',
  '430100000000,长沙市,,市,,2025',
  'A,甲区,430100000000,区,,2025',
  'S1,一街道,A,街道,10000,2025',
  'S2,二街道,A,街道,10000,2025',
].join('\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,实有床位,执业(助理)医师,业务用房面积',
  'H1,一街道医院,二级医院,S1,50,10,20000',
  'C2,二街道社区卫生服务中心,社区卫生服务中心,S2,50,40,5000',
].join('\n');
const q = (scenarioId: number): ApiArgs<'allocation.export'> => ({
  scenarioId,
  budget: { beds: 100 },
  standardId: 'changsha-14fyp-2025',
  year: 2025,
  scope: 'township',
});
let sid = 0;

async function workbook(scenarioId: number): Promise<{ wb: ExcelJS.Workbook; file: string }> {
  const out = await svc.call('allocation.export', q(scenarioId));
  const file = path.join(home, `${scenarioId}-${out.fileName}`);
  fs.writeFileSync(file, Buffer.from(out.dataBase64, 'base64'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { wb, file };
}

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'alloc-programme' });
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
  sid = (await svc.call('scenarios.create', { name: '实施计划' })).id;
  const db = svc.workspace.requirePlan().db;
  const platform = addProject(db, sid, { year: 2025, kind: 'other', name: '区域卫生信息平台', cost: 800, responsible_unit: '区卫生健康局' });
  const beds = addProject(db, sid, { year: 2026, kind: 'expand', facility_id: 'H1', deltas: { beds_open: 60 }, cost: 1500 });
  const doctors = addProject(db, sid, { year: 2026, kind: 'expand', facility_id: 'C2', deltas: { physicians: 2 }, cost: 300 });
  // Under way already, not placed by the programme: on the 规划项目 sheet, not on the programme's.
  addProject(db, sid, { year: 2025, kind: 'expand', facility_id: 'C2', deltas: { beds_open: 5 }, cost: 100, status: 'building' });
  putProgramme(db, sid, {
    standardId: 'changsha-14fyp-2025',
    fromYear: 2025,
    toYear: 2026,
    carryOver: false,
    money: [
      { year: 2025, amount: 1000 },
      { year: 2026, amount: 2000 },
    ],
    placed: [
      { project: platform.id, action: 'planner:platform', year: 2025, cost: 800 },
      { project: beds.id, action: 'alloc:H1', year: 2026, cost: 1500 },
      { project: doctors.id, action: 'alloc:C2', year: 2026, cost: 300 },
    ],
    objective: { binding: 0, expected: 0, cost: 2600 },
    gap: 0,
    optimal: true,
    written: '2025-03-01T08:00:00.000Z',
  });
});
afterAll(() => svc.close());

describe('the allocation workbook with a programme', () => {
  it('has a 分年度实施计划 sheet: each year its projects and 小计 (money, spend, what is left), then the 合计', async () => {
    const { wb, file } = await workbook(sid);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分单位', '分机构', '规划项目', '分年度实施计划', '指标来源']);
    const ws = wb.getWorksheet('分年度实施计划')!;
    expect(ws.getCell(1, 1).value).toBe('分年度实施计划（情景「实施计划」· 2025—2026 年 · 当年资金当年使用）');
    expect(ws.getRow(2).values).toEqual([undefined, '年份', '项目', '类型', '机构', '投资（万元）', '当年资金（万元）', '可用资金（万元）', '结余（万元）']);
    const v = (c: ExcelJS.CellValue) => (c && typeof c === 'object' && 'result' in c ? c.result : c);
    const rows = [3, 4, 5, 6, 7, 8].map((n) => (ws.getRow(n).values as ExcelJS.CellValue[]).slice(1).map(v));
    expect(rows).toEqual([
      [2025, '区域卫生信息平台', '其他项目', '区卫生健康局', 800],
      [2025, '小计（1 个项目）', undefined, undefined, 800, 1000, 1000, 200],
      [2026, '一街道医院扩建', '扩建', '一街道医院', 1500],
      [2026, '二街道社区卫生服务中心扩建', '扩建', '二街道社区卫生服务中心', 300],
      [2026, '小计（2 个项目）', undefined, undefined, 1800, 2000, 2000, 200],
      ['合计', '3 个项目', undefined, undefined, 2600, 3000, undefined, 400],
    ]);
    // The spend and the 合计 are formulas a spreadsheet recomputes.
    expect(ws.getCell(7, 5).value).toMatchObject({ formula: 'SUM(E5:E6)' });
    expect(ws.getCell(8, 5).value).toMatchObject({ formula: 'SUM(E4,E7)' });
    expect(ws.getCell(8, 8).value).toMatchObject({ formula: 'F8-E8' });
    expect(ws.getCell(10, 1).value).toBe('已证最优；生成于 2025-03-01。投资为情景中各项目的投资估算（未填的按计划测算时的造价）。');
    // The 在建 project is the 规划项目 sheet's, not the programme's.
    expect(wb.getWorksheet('规划项目')!.rowCount).toBe(6);

    const soffice = spawnSync('soffice', ['--version']).status === 0;
    if (!soffice) return;
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const lo = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(home, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', home, file],
      { encoding: 'utf8', timeout: 150_000 },
    );
    expect(lo.status, lo.stderr).toBe(0);
    const pdf = file.replace(/\.xlsx$/, '.pdf');
    const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
    const i = pages.findIndex((p) => p.includes('分年度实施计划（'));
    expect(i).toBeGreaterThanOrEqual(0);
    for (const s of ['小计（1 个项目）', '2,600.0', '3,000.0', '一街道医院扩建']) expect(pages[i], s).toContain(s);
    spawnSync('pdftoppm', ['-r', '70', '-png', '-f', String(i + 1), '-l', String(i + 1), pdf, path.join(OUT, 'sheet')]);
  }, 200_000);

  it('has no such sheet for a scenario not written from a programme', async () => {
    const { wb } = await workbook(1);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分单位', '分机构', '规划项目', '指标来源']);
  });
});
