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
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('allocation on a hand-made district', () => {
  it("gives 一街道 its 60 missing beds; 二街道's CHC is full, so its 60 need a new facility; 40 beds are left", async () => {
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
    const lines = r.lines
      .filter((l) => l.scope === 'facility' && l.allocated > 0)
      .map((l) => ({ facility: l.code, resource: l.resource, amount: l.allocated }));
    const s = await svc.call('allocation.apply', { scenarioId: 1, name: '配置方案', lines });
    const f = (await svc.call('facilities.list', { scenarioId: s.id })).find((x) => x.id === 'H1')!;
    expect([f.beds_open, f.physicians]).toEqual([110, 30]);
    const gaps = await svc.call('gaps.evaluate', { scenarioId: s.id, standardId: 'changsha-14fyp-2025', year: 2025, level: 'township' });
    const short = (t: string, code: string) => gaps.results.find((x) => x.target === t && x.code === code)!.shortfall;
    expect([short('beds-per-1000', 'S1'), short('beds-per-1000', 'S2'), short('physicians-per-1000', 'S1'), short('physicians-per-1000', 'S2')]).toEqual([
      0, 60, 12, 2,
    ]);
    expect((await svc.call('facilities.list', { scenarioId: 1 })).find((x) => x.id === 'H1')!.beds_open).toBe(50);
  });

  it('applied with a year, the additions are expansion projects: counted from that year on, not before', async () => {
    const r = await svc.call('allocation.run', q);
    const lines = r.lines
      .filter((l) => l.scope === 'facility' && l.allocated > 0)
      .map((l) => ({ facility: l.code, resource: l.resource, amount: l.allocated }));
    const s = await svc.call('allocation.apply', { scenarioId: 1, name: '配置方案 2026', lines, year: 2026 });
    const projects = await svc.call('projects.list', { scenarioId: s.id });
    expect(projects.map((p) => [p.year, p.kind, p.facility_id, p.deltas])).toEqual([[2026, 'expand', 'H1', { beds_open: 60, physicians: 20 }]]);
    expect((await svc.call('facilities.list', { scenarioId: s.id })).find((x) => x.id === 'H1')!.beds_open).toBe(50);
    const short = async (year: number) =>
      (await svc.call('gaps.evaluate', { scenarioId: s.id, standardId: 'changsha-14fyp-2025', year, level: 'township' })).results.find(
        (x) => x.target === 'beds-per-1000' && x.code === 'S1',
      )!.shortfall;
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
  it.skipIf(!soffice)(
    'converts to PDF with LibreOffice headless (Debian package), every sheet printed',
    () => {
      const outDir = path.join(home, 'pdf');
      const r = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${path.join(home, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const pdf = path.join(outDir, path.basename(file).replace(/\.xlsx$/, '.pdf'));
      expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      if (text.status === 0) for (const word of ['资源配置测算汇总', '分单位配置', '一街道', '长政办发〔2021〕62号']) expect(text.stdout).toContain(word);
    },
    150_000,
  );
});

// The sample plan against 长政办发〔2021〕62号 指标表 rows 9–13, "每千人口医疗卫生机构床位数 … 11张", "每千人口拥有执业(助理)医师数
// … 4.2人", "每千人口注册护士数 … 4.5人", "每万人口全科医师数 … 4人" (2025): figures for 全市 — the gap screen's region line.
// The set's notes call street figures "只作参考", so an allocation shares by county unless told otherwise, and
// what it says is still needed is that region line less what it gave.
describe('the allocation on the sample plan, against the gap screen', () => {
  const sampleHome = tmpDir();
  let sample: Service;
  const BUDGET = { beds: 3000, physicians: 400, gps: 200, ambulances: 6 };
  const TARGETS = { beds: 'beds-per-1000', physicians: 'physicians-per-1000', nurses: 'nurses-per-1000', gps: 'gps-per-10000' } as const;
  const fmt = (n: number) => n.toLocaleString('en-US');
  beforeAll(async () => {
    sample = createPlannerService({ home: sampleHome, door: 'direct' });
    await sample.call('plan.openSample', {});
  });
  afterAll(() => sample.close());

  it("shares by county by default, and its total shortfall before the run is the gap screen's region line (beds, physicians, nurses, GPs)", async () => {
    const r = await sample.call('allocation.run', { scenarioId: 1, budget: BUDGET });
    expect([r.standard, r.year, r.scope, r.judgedScope]).toEqual(['changsha-14fyp-2025', 2025, 'county', 'county']);
    const gaps = await sample.call('gaps.evaluate', { scenarioId: 1, standardId: r.standard, year: r.year });
    for (const [res, target] of Object.entries(TARGETS) as [keyof typeof TARGETS, string][]) {
      const region = gaps.results.find((x) => x.target === target && x.scope === 'region')!;
      const counties = gaps.results.filter((x) => x.target === target && x.scope === 'county');
      const t = r.totals[res]!;
      expect(t.target, res).toBe(target);
      expect(t.region, res).toMatchObject({ name: '长沙市', shortfall: region.shortfall });
      // The counties' own shortfalls, as the gap screen lists them, are the units' sum (they do not offset).
      expect(t.units.shortfall, res).toBe(counties.reduce((s, x) => s + (x.shortfall ?? 0), 0));
      expect(t.units.shortfall, res).toBeGreaterThanOrEqual(region.shortfall!);
      // 还需 = the region's shortfall less what was given (nothing was committed).
      const still = r.still_needed[res].budget + r.still_needed[res].new_capacity;
      expect(still, res).toBe(Math.max(0, region.shortfall! - r.allocated[res]));
      expect(t.region!.remaining, res).toBe(still);
      if (BUDGET[res as keyof typeof BUDGET] !== undefined) {
        expect(t.said!.zh, res).toMatch(new RegExp(`^全域（长沙市）缺口 ${fmt(region.shortfall!)} `));
        expect(r.notes).toContain(t.said!.zh); // in the JSON and the workbook's 汇总 too
      }
    }
    // The figures: 35,873 beds and 12,707 physicians short for 长沙市 — and no longer "还需追加 23,819 名医师".
    expect(r.still_needed.physicians.budget).toBe(r.totals.physicians!.region!.shortfall - 400);
  });

  it("by street/town, the cards say the streets' sum is more than the gap screen's region figure and why", async () => {
    const r = await sample.call('allocation.run', { scenarioId: 1, budget: BUDGET, scope: 'township' });
    const gaps = await sample.call('gaps.evaluate', { scenarioId: 1, standardId: r.standard, year: r.year });
    const sum = (target: string, scope: string) =>
      gaps.results.filter((x) => x.target === target && x.scope === scope).reduce((s, x) => s + (x.shortfall ?? 0), 0);
    const beds = r.totals.beds!;
    const streets = sum(TARGETS.beds, 'township'),
      region = sum(TARGETS.beds, 'region');
    expect(beds.units.shortfall).toBe(streets);
    expect(beds.region!.shortfall).toBe(region);
    const unitsAfter = r.lines.filter((l) => l.scope === 'unit' && l.resource === 'beds').reduce((s, l) => s + l.remaining_shortfall!, 0);
    expect(beds.said!.zh).toBe(
      `按街道/乡镇测算，各街道/乡镇缺口之和 ${fmt(streets)} 床，高于全域（长沙市）缺口 ${fmt(region)} 床（差距分析）：街道/乡镇间的富余不能相互抵补，该指标按全域和区县考核；`
        + `配置后各街道/乡镇还缺 ${fmt(unitsAfter)} 床，全域还缺 ${fmt(region - r.allocated.beds)} 床`,
    );
    expect(streets).toBeGreaterThan(region);
  });

  it('ambulances: allocated against 1 per 30,000 where the set has it; otherwise the card says what would be needed', async () => {
    const national = await sample.call('allocation.run', { scenarioId: 1, budget: BUDGET, standardId: 'national-reference', year: 2025 });
    const gaps = await sample.call('gaps.evaluate', { scenarioId: 1, standardId: 'national-reference', year: 2025, level: 'region' });
    const amb = gaps.results.find((x) => x.target === 'ambulances-per-30000')!;
    expect(national.allocated.ambulances).toBe(Math.min(6, amb.shortfall!));
    expect(national.totals.ambulances!.region!.shortfall).toBe(amb.shortfall);

    // 长沙 "十四五" has no ambulance target and no 120 coverage target: nothing silently dropped.
    const changsha = await sample.call('allocation.run', { scenarioId: 1, budget: BUDGET });
    expect(changsha.unspent.ambulances).toBe(6);
    expect(changsha.totals.ambulances!.said!.zh).toMatch(
      /^本标准没有救护车配置指标；6 辆救护车未分配。按『1030』急救圈布局急救站见设施选址；按人口配置救护车的指标见「国家参考值（待核实）」每3万人口 1 辆/,
    );

    // 开福区 (开政办发〔2022〕26号): "10分钟急救服务圈全域覆盖" — the people outside it are the gap screen's access row.
    const kaifu = await sample.call('allocation.run', { scenarioId: 1, budget: { ambulances: 6 }, standardId: 'kaifu-2024' });
    const circle = (await sample.call('gaps.evaluate', { scenarioId: 1, standardId: 'kaifu-2024', level: 'region' })).results.find(
      (x) => x.target === 'ems-10-minute-circle',
    )!;
    expect(circle.shortfall).toBeGreaterThan(0);
    expect(kaifu.totals.ambulances!.said!.zh).toContain(`：全域（开福区）${fmt(circle.shortfall!)} 人不在时限内。增加救护车不缩短急救站到现场的时间`);
    expect(kaifu.unspent.ambulances).toBe(6);
  }, 60_000);

  it("the 2030 GP target is not allocated against in 2025; the notes say how far the run goes toward it, in the gap screen's figures", async () => {
    const r = await sample.call('allocation.run', { scenarioId: 1, budget: BUDGET });
    const gaps = await sample.call('gaps.evaluate', { scenarioId: 1, year: 2025, level: 'region' });
    const later = gaps.results.find((x) => x.target === 'gps-per-10000-2030')!;
    expect(r.lines.every((l) => l.resource !== 'gps' || !l.reason.includes('2030'))).toBe(true);
    expect(r.notes).toContain(
      `「每万常住人口全科医生数（2030年）」2030 年到期（未到期），本次先按到期指标配置；按它全域（长沙市）缺 ${fmt(later.shortfall!)} 名全科医生，配置后缺 ${fmt(later.shortfall! - 200)} 名全科医生`,
    );
  });

  it('applied to a facility a 新建 project builds (the 河西新院, in no facilities table): the project opens it with the beds, or a later 扩建 adds them', async () => {
    const HEXI = 'F430111-R04-HX';
    const hexi = (await sample.call('projects.list', { scenarioId: 1 })).find((p) => p.kind === 'new' && p.facility_id === HEXI)!;
    const now = await sample.call('allocation.apply', {
      scenarioId: 1,
      name: '河西新院配床',
      lines: [
        { facility: HEXI, resource: 'beds', amount: 120 },
        { facility: HEXI, resource: 'beds', amount: 30 },
      ],
    });
    const built = (await sample.call('projects.list', { scenarioId: now.id })).find((p) => p.kind === 'new' && p.facility_id === HEXI)!;
    expect(built.fields).toMatchObject({ beds_open: 150 }); // lines for one facility and resource add up
    const at2025 = (await sample.call('timeline.facilities', { scenarioId: now.id, year: 2025 })).facilities.find((f) => f.id === HEXI)!;
    expect(at2025.beds_open).toBe(150);
    expect((await sample.call('projects.list', { scenarioId: 1 })).find((p) => p.id === hexi.id)!.fields).toEqual(hexi.fields); // the baseline keeps its project

    const later = await sample.call('allocation.apply', {
      scenarioId: 1,
      name: '河西新院扩床',
      year: 2026,
      lines: [{ facility: HEXI, resource: 'beds', amount: 80 }],
    });
    const expand = (await sample.call('projects.list', { scenarioId: later.id })).filter((p) => p.kind === 'expand' && p.facility_id === HEXI);
    expect(expand.map((p) => [p.year, p.deltas])).toEqual([[2026, { beds_open: 80 }]]);
    expect((await sample.call('timeline.facilities', { scenarioId: later.id, year: 2026 })).facilities.find((f) => f.id === HEXI)!.beds_open).toBe(80);
  });
});
