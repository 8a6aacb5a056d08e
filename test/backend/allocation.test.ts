// The allocator through the service on a real plan file: a hand-made district of two streets against
// 长沙"十四五" (beds 11 and physicians 4.2 per 1,000), figures worked by hand; applying it as a scenario
// closes exactly what it said on the gap screen; the workbook re-reads and LibreOffice prints it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { ApiArgs } from '../../shared/api/contract.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const b64 = (s: string) => Buffer.from(s).toString('base64');

// Each street 10,000 people in 2025: 110 beds and 42 physicians meet the targets.
// S1: H1 (二级医院) 50 beds in 20,000 m² (room for 200), 10 physicians. S2: C2 (社区卫生服务中心) 50 beds — a CHC's cap — and 40 physicians.
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
const q: ApiArgs<'allocation.run'> = { scenarioId: 1, budget: { beds: 100, physicians: 20 }, standardId: 'changsha-14fyp-2025', year: 2025, scope: 'township' };
const line = (r: { lines: { scope: string; code: string; resource: string }[] }, scope: string, code: string, resource: string) =>
  r.lines.find((l) => l.scope === scope && l.code === code && l.resource === resource) as Record<string, unknown> | undefined;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'alloc' });
  const r = await svc.call('tables.import', { scenarioId: 1, units: { fileName: 'u.csv', dataBase64: b64(UNITS) }, facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) } });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('allocation on a hand-made district', () => {
  it('gives 一街道 its 60 missing beds; 二街道\'s CHC is full, so its 60 need a new facility; 40 beds are left', async () => {
    const r = await svc.call('allocation.run', q);
    expect(line(r, 'unit', 'S1', 'beds')).toMatchObject({ current: 50, allocated: 60, result: 110, remaining_shortfall: 0 });
    expect(line(r, 'facility', 'H1', 'beds')).toMatchObject({ current: 50, allocated: 60, result: 110 });
    expect(line(r, 'unit', 'S2', 'beds')).toMatchObject({ allocated: 0, remaining_shortfall: 60 });
    expect(String(line(r, 'unit', 'S1', 'beds')!.reason)).toMatch(/^一街道：\+60 床，因每千常住人口床位数 5 < 11（长政办发〔2021〕62号/);
    expect(String(line(r, 'unit', 'S2', 'beds')!.reason)).toContain('需新建');
    expect(r.unspent.beds).toBe(40);
    expect(r.still_needed.beds).toEqual({ budget: 0, new_capacity: 60 });
  });

  it('physicians go to the street furthest below its target first: all 20 to 一街道 (10 of 42), none to 二街道 (40 of 42)', async () => {
    const r = await svc.call('allocation.run', q);
    expect(line(r, 'unit', 'S1', 'physicians')).toMatchObject({ allocated: 20, result: 30, remaining_shortfall: 12 });
    expect(line(r, 'unit', 'S2', 'physicians')).toMatchObject({ allocated: 0, remaining_shortfall: 2 });
    expect(r.unspent.physicians).toBe(0);
    expect(r.still_needed.physicians.budget).toBe(14);
    expect(r.allocated).toMatchObject({ beds: 60, physicians: 20, nurses: 0 });
  });

  it('never gives more than the budget, and the same answer every time', async () => {
    const small = await svc.call('allocation.run', { ...q, budget: { beds: 7, physicians: 3 } });
    expect(small.allocated.beds).toBe(7);
    expect(small.allocated.physicians).toBe(3);
    expect(await svc.call('allocation.run', q)).toEqual(await svc.call('allocation.run', q));
  });

  it('applied as a scenario, the gap screen shows what the allocation said would remain', async () => {
    const r = await svc.call('allocation.run', q);
    const lines = r.lines.filter((l) => l.scope === 'facility' && l.allocated > 0).map((l) => ({ facility: l.code, resource: l.resource, amount: l.allocated }));
    const s = await svc.call('allocation.apply', { scenarioId: 1, name: '配置方案', lines });
    const f = (await svc.call('facilities.list', { scenarioId: s.id })).find((x) => x.id === 'H1')!;
    expect([f.beds_open, f.physicians]).toEqual([110, 30]);
    const gaps = await svc.call('gaps.evaluate', { scenarioId: s.id, standardId: 'changsha-14fyp-2025', year: 2025, level: 'township' });
    const short = (t: string, code: string) => gaps.results.find((x) => x.target === t && x.code === code)!.shortfall;
    expect([short('beds-per-1000', 'S1'), short('beds-per-1000', 'S2'), short('physicians-per-1000', 'S1'), short('physicians-per-1000', 'S2')]).toEqual([0, 60, 12, 2]);
    expect((await svc.call('facilities.list', { scenarioId: 1 })).find((x) => x.id === 'H1')!.beds_open).toBe(50);
  });

  it('applied with a year, the additions are expansion projects: counted from that year on, not before', async () => {
    const r = await svc.call('allocation.run', q);
    const lines = r.lines.filter((l) => l.scope === 'facility' && l.allocated > 0).map((l) => ({ facility: l.code, resource: l.resource, amount: l.allocated }));
    const s = await svc.call('allocation.apply', { scenarioId: 1, name: '配置方案 2026', lines, year: 2026 });
    const projects = await svc.call('projects.list', { scenarioId: s.id });
    expect(projects.map((p) => [p.year, p.kind, p.facility_id, p.deltas])).toEqual([[2026, 'expand', 'H1', { beds_open: 60, physicians: 20 }]]);
    expect((await svc.call('facilities.list', { scenarioId: s.id })).find((x) => x.id === 'H1')!.beds_open).toBe(50);
    const short = async (year: number) => (await svc.call('gaps.evaluate', { scenarioId: s.id, standardId: 'changsha-14fyp-2025', year, level: 'township' }))
      .results.find((x) => x.target === 'beds-per-1000' && x.code === 'S1')!.shortfall;
    expect([await short(2025), await short(2026)]).toEqual([60, 0]);
  });

  it('counts the projects planned by the year, as the gap screen does: an expansion of 30 beds leaves 30 to give', async () => {
    const s = await svc.call('scenarios.create', { name: '已有扩建' });
    await svc.call('projects.add', { scenarioId: s.id, project: { year: 2025, kind: 'expand', facility_id: 'H1', deltas: { beds_open: 30 } } });
    const r = await svc.call('allocation.run', { ...q, scenarioId: s.id });
    expect(line(r, 'unit', 'S1', 'beds')).toMatchObject({ current: 80, allocated: 30, result: 110, remaining_shortfall: 0 });
    expect(r.notes[0]).toBe('机构按 2025 年计：已计入截至该年的规划项目 1 个（扩建 1 个）'); // the gap screen's own note
    const gaps = await svc.call('gaps.evaluate', { scenarioId: s.id, standardId: 'changsha-14fyp-2025', year: 2025, level: 'township' });
    expect(gaps.results.find((x) => x.target === 'beds-per-1000' && x.code === 'S1')!.shortfall).toBe(30);
    expect((await svc.call('allocation.run', { ...q, scenarioId: s.id, year: 2024 })).notes.join()).not.toContain('规划项目');
  });

  it('refuses a budget that is not a whole non-negative number, naming it', async () => {
    await expect(svc.call('allocation.run', { ...q, budget: { beds: -5 } })).rejects.toMatchObject({ code: 'INVALID_ARGS' });
    await expect(svc.call('allocation.run', { ...q, budget: { beds: 1.5 } })).rejects.toMatchObject({ code: 'INVALID_ARGS' });
  });
});

describe('the allocation workbook', () => {
  let file: string;
  beforeAll(async () => {
    const out = await svc.call('allocation.export', q);
    file = path.join(home, out.fileName);
    fs.writeFileSync(file, Buffer.from(out.dataBase64, 'base64'));
  });

  it('re-reads with its sheets, Chinese headers, frozen header rows, A4 landscape and the totals', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分单位', '分机构', '规划项目', '指标来源']);
    const units = wb.getWorksheet('分单位')!;
    expect(units.getRow(2).values).toEqual([undefined, '区划代码', '单位', '资源', '现有', '已定项目', '本次配置', '配置后', '尚缺', '说明']);
    expect(units.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(units.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    const total = units.getRow(units.rowCount);
    expect(total.getCell(1).value).toBe('合计');
    expect((total.getCell(6).value as { result: number }).result).toBe(80); // 60 beds + 20 physicians given
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getRow(3).values).toEqual([undefined, '床位', 100, 0, 60, 40, 0, 60, '缺口已补齐']);
    const sources = wb.getWorksheet('指标来源')!;
    expect(sources.getRow(3).getCell(3).value).toBe('长政办发〔2021〕62号');
  });

  const soffice = spawnSync('soffice', ['--version']).status === 0;
  it.skipIf(!soffice)('converts to PDF with LibreOffice headless (Debian package), every sheet printed', () => {
    const outDir = path.join(home, 'pdf');
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(home, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const pdf = path.join(outDir, path.basename(file).replace(/\.xlsx$/, '.pdf'));
    expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    if (text.status === 0) for (const word of ['资源配置测算汇总', '分单位配置', '一街道', '长政办发〔2021〕62号']) expect(text.stdout).toContain(word);
  }, 150_000);
});
