// Gaps through the service on real plan files: the sample against the shipped sets, the plan's own
// sets, its choice of set and year, populations by year, scenarios.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { GapReportOut } from '../../shared/api/contract.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const BASE = 1;
const KAIFU = '430105000000';
const region = (r: GapReportOut, target: string) => r.results.find((x) => x.target === target && x.scope === 'region')!;
const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (e) {
    return e as { code: string; message: string };
  }
};

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.openSample', {});
});
afterAll(() => svc.close());

describe('gaps of the sample plan', () => {
  it('uses the Changsha 2025 set by default', async () => {
    expect(await svc.call('gaps.settings', {})).toEqual({ standardId: 'changsha-14fyp-2025', year: 2025 });
  });

  it('reproduces the 2020 baseline ratios of 长政办发〔2021〕62号 at year 2020', async () => {
    const r = await svc.call('gaps.evaluate', { scenarioId: BASE, year: 2020, level: 'region', onlyShort: false });
    const v = (t: string) => region(r, t).value;
    expect([v('beds-per-1000'), v('physicians-per-1000'), v('tcm-physicians-per-1000'), v('nurses-per-1000'), v('pharmacists-per-1000')]).toEqual(
      [8.28, 3.26, 0.61, 4.25, 0.39].map((x) => expect.closeTo(x, 2)),
    );
    expect(v('gps-per-10000')).toBeCloseTo(2.7, 1);
    expect(v('childcare-places-per-1000')).toBeCloseTo(1.6, 1);
    // 10,047,914 residents need 110,527 beds at 11 per 1,000; the sample has 83,180 (8.28 × 10,047.914).
    const beds = region(r, 'beds-per-1000');
    expect(beds).toMatchObject({ name: '长沙市', required: 11, status: 'short', unit: '张' });
    expect(beds.shortfall).toBeGreaterThan(27_000);
    expect(r.results.every((x) => x.scope === 'region')).toBe(true);
  });

  it("projects the population to 2025 at the city's growth rate, so the same beds fall further short", async () => {
    const r2020 = await svc.call('gaps.evaluate', { scenarioId: BASE, year: 2020, level: 'region', onlyShort: false });
    const r2025 = await svc.call('gaps.evaluate', { scenarioId: BASE, level: 'region', onlyShort: false });
    expect(r2025.year).toBe(2025);
    expect(region(r2025, 'beds-per-1000').value).toBeCloseTo(8.28 / 1.015 ** 5, 2);
    expect(region(r2025, 'beds-per-1000').shortfall!).toBeGreaterThan(region(r2020, 'beds-per-1000').shortfall!);
    expect(r2025.notes.join('\n')).toMatch(/按年均增长率推算至 2025 年/);
  });

  it('filters by level and to what is short; access targets come from the access engine', async () => {
    const short = await svc.call('gaps.evaluate', { scenarioId: BASE, level: 'township', onlyShort: true });
    expect(short.results.length).toBeGreaterThan(0);
    expect(short.results.every((x) => x.scope === 'township' && (x.shortfall ?? 0) > 0)).toBe(true);
    const all = await svc.call('gaps.evaluate', { scenarioId: BASE, onlyShort: false });
    // 1530: residents to the nearest CHC/THC-type centre, 15 min in town and 30 in the country — a reference
    // line (长政办发〔2021〕62号 §一(一) 发展基础), its verdict set aside.
    const circle = region(all, 'access-1530');
    expect(circle).toMatchObject({ unit: '人', required: 1, status: 'reference', judged: expect.stringMatching(/^(met|near|short)$/) });
    expect(circle.value).toBeGreaterThan(0.5);
    expect(circle.value).toBeLessThanOrEqual(1);
    expect(Math.abs(circle.shortfall! - circle.population! * (1 - circle.value!))).toBeLessThan(circle.population! * 1e-4 + 1);
    expect(all.targets.find((t) => t.id === 'beds-per-1000')!.source).toMatchObject({ document: '长政办发〔2021〕62号', clause: '指标表第9行' });
  });

  it("follows the scenario: an edit in a scenario changes its gaps, never the baseline's", async () => {
    const s = await svc.call('scenarios.create', { name: '加公卫医师' });
    const ziyang = { standardId: 'ziyang-2025', level: 'facility' as const, onlyShort: false };
    const before = await svc.call('gaps.evaluate', { scenarioId: s.id, ...ziyang });
    const short = before.results.find((x) => x.target === 'public-health-physician-per-centre' && x.status === 'short')!;
    expect(short).toBeDefined();
    await svc.call('facilities.update', { scenarioId: s.id, id: short.code, field: 'public_health_physicians', value: 1 });
    const after = await svc.call('gaps.evaluate', { scenarioId: s.id, ...ziyang });
    expect(after.results.find((x) => x.target === short.target && x.code === short.code)).toMatchObject({ status: 'met', shortfall: 0 });
    const base = await svc.call('gaps.evaluate', { scenarioId: BASE, ...ziyang });
    expect(base.results.find((x) => x.target === short.target && x.code === short.code)).toMatchObject({ status: 'short' });
  });
});

describe("the plan's own standard sets", () => {
  it('copies a shipped set, edits a value, removes and adds targets, and evaluates it', async () => {
    const copy = await svc.call('standards.copy', { from: 'changsha-14fyp-2025', id: 'my-changsha', name: '我的长沙标准' });
    expect(copy).toMatchObject({ id: 'my-changsha', name: '我的长沙标准' });
    const kaifu = await svc.call('standards.get', { id: 'kaifu-2024' });
    const targets = copy.targets.filter((t) => t.id !== 'access-1530').map((t) => (t.id === 'beds-per-1000' ? { ...t, min: 9 } : t));
    targets.push(kaifu.targets.find((t) => t.id === 'ems-stations')!);
    await svc.call('standards.save', { set: { ...copy, targets } });
    const list = await svc.call('standards.list', {});
    expect(list.find((s) => s.id === 'my-changsha')).toMatchObject({ builtin: false, targets: copy.targets.length });
    expect(list.filter((s) => s.builtin).map((s) => s.id)).toEqual(expect.arrayContaining(['changsha-14fyp-2025', 'kaifu-2024', 'national-reference']));
    const r = await svc.call('gaps.evaluate', { scenarioId: BASE, standardId: 'my-changsha', level: 'region', onlyShort: false });
    expect(region(r, 'beds-per-1000').required).toBe(9);
    expect(r.results.some((x) => x.target === 'access-1530')).toBe(false);
    expect(r.results.some((x) => x.target === 'ems-stations')).toBe(true);
  });

  it('remembers the chosen set and year in the plan file', async () => {
    await svc.call('gaps.setSettings', { standardId: 'my-changsha', year: 2024 });
    const path = (await svc.call('plan.info', {})).path;
    svc.close();
    svc = createPlannerService({ home, door: 'direct' });
    await svc.call('plan.open', { path });
    expect(await svc.call('gaps.settings', {})).toEqual({ standardId: 'my-changsha', year: 2024 });
    const r = await svc.call('gaps.evaluate', { scenarioId: BASE, level: 'region', onlyShort: false });
    expect([r.standard, r.year]).toEqual(['my-changsha', 2024]);
  });

  it('refuses to change or delete a shipped set, an invalid set, and an unknown one, with a message', async () => {
    const shipped = await svc.call('standards.get', { id: 'kaifu-2024' });
    expect(await errorOf(svc.call('standards.save', { set: { ...shipped, name: 'x' } }))).toMatchObject({ code: 'CONFLICT' });
    expect(await errorOf(svc.call('standards.delete', { id: 'kaifu-2024' }))).toMatchObject({ code: 'CONFLICT' });
    const mine = await svc.call('standards.get', { id: 'my-changsha' });
    const bad = { ...mine, targets: mine.targets.map((t) => (t.id === 'beds-per-1000' ? { ...t, min: -1 } : t)) };
    const e = await errorOf(svc.call('standards.save', { set: bad }));
    expect(e).toMatchObject({ code: 'INVALID_ARGS' });
    // In the planner's words (issue 12): the target, the field, the fix — not a path such as targets.0.min.
    expect(e!.message).toBe('指标「每千常住人口床位数」的「要求值」不能小于 0，请填写 0 或更大的数');
    expect(await errorOf(svc.call('gaps.setSettings', { standardId: 'nope', year: 2025 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(svc.call('standards.copy', { from: 'kaifu-2024', id: 'my-changsha', name: 'dup' }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('deleting the set in use falls back to a shipped one', async () => {
    await svc.call('standards.delete', { id: 'my-changsha' });
    expect((await svc.call('gaps.settings', {})).standardId).toBe('changsha-14fyp-2025');
  });
});

describe('populations by year', () => {
  it('a figure for the target year is used instead of the projection; it is kept per scenario', async () => {
    const s = await svc.call('scenarios.create', { name: '人口 2025' });
    const q = { scenarioId: s.id, standardId: 'kaifu-2024', year: 2024, onlyShort: false } as const;
    const gps = (r: GapReportOut) => r.results.find((x) => x.target === 'gps-per-10000' && x.scope === 'region')!;
    const before = gps(await svc.call('gaps.evaluate', q));
    expect(
      await svc.call('populations.set', {
        scenarioId: s.id,
        figures: [{ code: KAIFU, year: 2024, population: 2_000_000, population_0_3: null, population_65_plus: null }],
      }),
    ).toEqual({ added: 1, changed: 0, unchanged: 0 });
    const after = gps(await svc.call('gaps.evaluate', q));
    expect(after.value!).toBeLessThan(before.value!);
    expect(after.shortfall).toBe(Math.ceil(800 - after.value! * 200)); // 4 per 10,000 of 2,000,000 = 800 GPs
    expect(await svc.call('populations.list', { scenarioId: BASE })).toEqual([]);
    const copy = await svc.call('scenarios.create', { name: '人口副本', copyFrom: s.id });
    expect(await svc.call('populations.list', { scenarioId: copy.id, code: KAIFU })).toHaveLength(1);
    // All figures empty: the year is removed.
    await svc.call('populations.set', {
      scenarioId: s.id,
      figures: [{ code: KAIFU, year: 2024, population: null, population_0_3: null, population_65_plus: null }],
    });
    expect(await svc.call('populations.list', { scenarioId: s.id })).toEqual([]);
    expect(
      await errorOf(
        svc.call('populations.set', {
          scenarioId: s.id,
          figures: [{ code: '999', year: 2024, population: 1, population_0_3: null, population_65_plus: null }],
        }),
      ),
    ).toMatchObject({ code: 'INVALID_ARGS' });
  });

  it('imports a wide sheet all or nothing, merging with what the plan has', async () => {
    const s = await svc.call('scenarios.create', { name: '人口导入' });
    const csv = (text: string) => ({ fileName: '人口.csv', dataBase64: Buffer.from(text).toString('base64') });
    const bad = await svc.call('populations.import', {
      scenarioId: s.id,
      file: csv(`区划代码,2025年常住人口\n${KAIFU},1000000\n430105999000,5\n`),
      dryRun: false,
    });
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual([expect.objectContaining({ row: 3, column: '区划代码' })]);
    expect(await svc.call('populations.list', { scenarioId: s.id })).toEqual([]);
    const dry = await svc.call('populations.import', { scenarioId: s.id, file: csv(`区划代码,2025年常住人口\n${KAIFU},1000000\n`), dryRun: true });
    expect(dry).toMatchObject({ ok: true, added: 1, dryRun: true });
    expect(await svc.call('populations.list', { scenarioId: s.id })).toEqual([]);
    await svc.call('populations.import', { scenarioId: s.id, file: csv(`区划代码,2025年常住人口\n${KAIFU},1000000\n`), dryRun: false });
    const again = await svc.call('populations.import', { scenarioId: s.id, file: csv(`区划代码,年份,65岁及以上人口\n${KAIFU},2025,150000\n`), dryRun: false });
    expect(again).toMatchObject({ ok: true, table: 'populations', changed: 1 });
    expect(await svc.call('populations.list', { scenarioId: s.id })).toEqual([
      { code: KAIFU, year: 2025, population: 1_000_000, population_0_3: null, population_65_plus: 150_000 },
    ]);
    // The export reads back unchanged, in both formats.
    for (const format of ['xlsx', 'csv'] as const) {
      const out = await svc.call('populations.export', { scenarioId: s.id, format });
      expect(out.fileName).toMatch(new RegExp(`分年份人口\\.${format}$`));
      const back = await svc.call('populations.import', { scenarioId: s.id, file: out, dryRun: false });
      expect(back).toMatchObject({ ok: true, added: 0, changed: 0, unchanged: 1, ignoredColumns: ['名称'] });
    }
  });
});

describe('the gap sheet', () => {
  it('exports xlsx with Chinese headers, the sources, and one row per result', async () => {
    const q = { scenarioId: BASE, standardId: 'changsha-14fyp-2025', level: 'county' as const, onlyShort: false };
    const report = await svc.call('gaps.evaluate', q);
    const f = await svc.call('gaps.export', { ...q, format: 'xlsx' });
    expect(f.fileName).toMatch(/差距-changsha-14fyp-2025-2025\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['指标', '现值', '目标值', '缺口', '文号', '原文']));
    expect(ws.rowCount).toBe(report.results.length + 2);
    const docs = new Set<string>();
    const docCol = (ws.getRow(2).values as unknown[]).indexOf('文号');
    ws.eachRow((row, n) => {
      if (n > 2) docs.add(String(row.getCell(docCol).value));
    });
    expect([...docs]).toEqual(['长政办发〔2021〕62号']);
  });
});
