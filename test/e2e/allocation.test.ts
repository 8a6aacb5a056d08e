// End-to-end: 资源配置 on the sample plan — "3,000 beds, 400 physicians, 200 GPs and 6 ambulances for
// 2025, shared across the counties": the summary of what was given (never more than the budget), the
// lines by unit and facility; one facility line set by hand and allocated again around it (it stays as
// set); the result applied as a new scenario (the app switches to it and the facilities hold what the
// lines said); the workbook exported. English and a smaller window. Screenshots at each step
// (test-results/screenshots/allocation-*.png).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllocationLine } from '../../shared/allocation/types.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-allocation-');
let app: App;
const BUDGET = { beds: 3000, physicians: 400, gps: 200, ambulances: 6 } as const;
const NAME = '资源配置 2025';

const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout });
const line = (scope: 'unit' | 'facility', code: string, resource: string) =>
  q('alloc-table').locator(`[data-testid=alloc-line][data-scope=${scope}][data-code="${code}"][data-resource=${resource}]`);
const num = (s: string | null) => Number((s ?? '').replace(/[^\d.-]/g, ''));
const query = (manual: { facility: string; resource: 'beds'; amount: number }[] = []) => ({
  scenarioId: 1,
  budget: { ...BUDGET },
  standardId: 'changsha-14fyp-2025',
  year: 2025,
  scope: 'county' as const,
  m2PerBed: 100,
  manual,
});

describe('资源配置', () => {
  /** The facility line set by hand, and to what. */
  let hand: AllocationLine;
  let handAmount = 0;

  beforeAll(async () => {
    app = await launchApp(home);
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('runs "3,000 beds, 400 physicians, 200 GPs, 6 ambulances, by county, 2025"', async () => {
    await app.page.click('[data-testid=tab-allocation]');
    await q('alloc-form').waitFor();
    // The plan's standard set and year by default.
    await poll(() => q('alloc-standard').inputValue()).toBe('changsha-14fyp-2025');
    await poll(() => q('alloc-standard-name').textContent()).toContain('长沙市'); // the set's name loads after its id
    expect(await q('alloc-year').inputValue()).toBe('2025');
    expect(await q('alloc-run').isDisabled()).toBe(true);
    await poll(() => q('alloc-run-why').textContent()).toBe('请至少填写一项资源预算');
    // By county unless chosen otherwise: the level 长政办发〔2021〕62号's ratios are judged at (streets "只作参考").
    await poll(() => q('alloc-scope-county').getAttribute('aria-checked')).toBe('true');
    expect(await q('alloc-scope-hint').textContent()).toBe('默认按标准的考核层级（区县）：合计与差距分析的全域缺口一致。');
    await screenshot(app.page, 'allocation-01-empty');

    for (const [r, n] of Object.entries(BUDGET)) await q(`alloc-budget-${r}`).fill(String(n));
    await q('alloc-scope-county').click();
    expect(await q('alloc-scope-county').getAttribute('aria-checked')).toBe('true');
    await q('alloc-year').fill('2025');
    await q('alloc-budget-nurses').focus(); // the others now show their thousands separators
    expect(await q('alloc-budget-beds').inputValue()).toBe('3,000');
    await q('alloc-run').click();
    await q('alloc-summary').waitFor();
    await poll(() => q('alloc-busy').count()).toBe(0);

    // What was given, per resource: never more than the budget, and the same as the service says.
    const expected = await app.door.service.call('allocation.run', query());
    for (const [r, budget] of Object.entries(BUDGET) as [keyof typeof BUDGET, number][]) {
      const card = q(`alloc-sum-${r}`);
      expect(num(await card.getAttribute('data-budget'))).toBe(budget);
      const given = num(await card.getAttribute('data-given'));
      expect(given).toBeLessThanOrEqual(budget);
      expect(given).toBe(expected.allocated[r]);
      expect(num(await card.locator('[data-testid=alloc-sum-given]').textContent())).toBe(given);
      expect(await card.locator('[data-testid=alloc-sum-budget]').textContent()).toBe(budget.toLocaleString('en-US'));
    }
    expect(expected.allocated.beds + expected.allocated.physicians + expected.allocated.gps + expected.allocated.ambulances).toBeLessThanOrEqual(
      BUDGET.beds + BUDGET.physicians + BUDGET.gps + BUDGET.ambulances,
    );
    // Physicians and GPs run out; beds cannot all be placed in existing facilities.
    expect(await q('alloc-sum-physicians').locator('[data-testid=alloc-sum-need]').textContent()).toMatch(/^还需追加 [\d,]+ 名医师$/);
    expect(await q('alloc-sum-gps').locator('[data-testid=alloc-sum-need]').textContent()).toMatch(/^还需追加 [\d,]+ 名全科医生$/);
    expect(await q('alloc-sum-beds').locator('[data-testid=alloc-sum-need]').textContent()).toMatch(/[\d,]+ 床需新建机构/);
    expect(await q('alloc-unbudgeted').textContent()).toMatch(/注册护士 [\d,]+ 名护士/);
    // Each card reconciles with the gap screen's region line (长沙市), as the service says; ambulances have no target in this set.
    const gaps = await app.door.service.call('gaps.evaluate', { scenarioId: 1, standardId: 'changsha-14fyp-2025', year: 2025, level: 'region' });
    const bedsShort = gaps.results.find((x) => x.target === 'beds-per-1000')!.shortfall!;
    expect(await q('alloc-sum-beds').locator('[data-testid=alloc-sum-recon]').textContent()).toBe(expected.totals.beds!.said!.zh);
    expect(expected.totals.beds!.said!.zh).toMatch(
      new RegExp(
        `^全域（长沙市）缺口 ${bedsShort.toLocaleString('en-US')} 床，同差距分析；配置后还缺 ${(bedsShort - expected.allocated.beds).toLocaleString('en-US')} 床`,
      ),
    );
    expect(await q('alloc-sum-ambulances').locator('[data-testid=alloc-sum-need]').textContent()).toMatch(/^本标准没有救护车配置指标；6 辆救护车未分配。/);
    expect(num(await q('alloc-sum-ambulances').getAttribute('data-unspent'))).toBe(6);
    // The cards' sentences are not repeated in the notes below them.
    expect(await q('alloc-notes').textContent()).not.toContain('全域（长沙市）缺口');
    expect(await q('alloc-meta').textContent()).toBe('长沙市“十四五”卫生健康事业发展规划（2025年） · 2025 年 · 按区县 · 情景：基线');

    // The lines: unit lines with their facility lines beneath, each with its reason.
    const units = expected.lines.filter((l) => l.scope === 'unit');
    const facilities = expected.lines.filter((l) => l.scope === 'facility');
    expect(await q('alloc-line').count()).toBe(expected.lines.length);
    const shortUnit = units.find((l) => l.resource === 'beds' && l.allocated > 0)!;
    const unitRow = line('unit', shortUnit.code, 'beds');
    expect(await unitRow.locator('[data-testid=alloc-cell-allocated]').textContent()).toBe(shortUnit.allocated.toLocaleString('en-US'));
    expect(await unitRow.locator('.alloc-reason').textContent()).toContain(`+${shortUnit.allocated.toLocaleString('en-US')} 床，因每千常住人口床位数`);
    const bedLines = facilities.filter((l) => l.resource === 'beds');
    expect(bedLines.reduce((s, l) => s + l.allocated, 0)).toBe(expected.allocated.beds);
    await screenshot(app.page, 'allocation-02-result');

    // Sorting by 本次配置 puts the largest first; 只看有配置的 leaves out the units given nothing.
    await q('alloc-table').locator('[data-testid=alloc-col][data-col=allocated] button').click();
    const header = q('alloc-table').locator('[data-testid=alloc-col][data-col=allocated]');
    const firstUnits = async () =>
      (await q('alloc-table').locator('[data-testid=alloc-line][data-scope=unit] [data-testid=alloc-cell-allocated]').allTextContents()).map(num);
    const sortDir = await header.getAttribute('aria-sort');
    const figures = await firstUnits();
    expect(figures).toEqual([...figures].sort((a, b) => (sortDir === 'descending' ? b - a : a - b)));
    await q('alloc-only-given').check();
    await poll(() => q('alloc-line').count()).toBe(units.filter((l) => l.allocated > 0).length + facilities.filter((l) => l.allocated > 0).length);
    await screenshot(app.page, 'allocation-03-sorted-only-given');
    // 按机构: the facility lines alone, each with its unit.
    await q('alloc-view-facility').click();
    await poll(() => q('alloc-line').count()).toBe(facilities.filter((l) => l.allocated > 0).length);
    expect(await q('alloc-table').locator('[data-testid=alloc-line][data-scope=unit]').count()).toBe(0);
    await screenshot(app.page, 'allocation-03b-by-facility');
    await q('alloc-view-unit').click();
    await header.locator('button').click();
    if ((await header.getAttribute('aria-sort')) !== 'none') await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await q('alloc-only-given').uncheck();

    hand = bedLines.filter((l) => l.allocated >= 10).sort((a, b) => b.allocated - a.allocated)[0]!;
    handAmount = hand.allocated - 5;
  });

  it('keeps a facility line set by hand when allocating again', async () => {
    const row = line('facility', hand.code, 'beds');
    await row.locator('[data-testid=alloc-edit]').click();
    await q('alloc-edit-input').fill(String(handAmount));
    await q('alloc-edit-input').press('Enter');
    await poll(() => row.getAttribute('data-pending')).toBe('true');
    expect(await row.locator('[data-testid=alloc-chip-pending]').textContent()).toBe('待测算');
    expect(await q('alloc-rerun').textContent()).toBe('重新测算（1 处手工调整）');
    expect(await q('alloc-apply').isDisabled()).toBe(true);
    expect(await q('alloc-apply').getAttribute('title')).toBe('有未测算的手工调整，请先重新测算');
    await row.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'allocation-04-hand-set');

    await q('alloc-rerun').click();
    await poll(() => row.getAttribute('data-pending')).toBe('false');
    await poll(() => q('alloc-busy').count()).toBe(0);
    expect(await row.getAttribute('data-manual')).toBe('true');
    expect(num(await row.locator('[data-testid=alloc-cell-allocated]').textContent())).toBe(handAmount);
    expect(await row.locator('[data-testid=alloc-chip-manual]').textContent()).toBe('手工');
    expect(await row.locator('.alloc-reason').textContent()).toBe(`手工指定 +${handAmount} 床`);
    expect(await q('alloc-rerun').count()).toBe(0);
    // The service, asked the same with the line fixed, agrees; the total stays within the budget.
    const again = await app.door.service.call('allocation.run', query([{ facility: hand.code, resource: 'beds', amount: handAmount }]));
    expect(again.lines.find((l) => l.scope === 'facility' && l.code === hand.code && l.resource === 'beds')!.allocated).toBe(handAmount);
    expect(num(await q('alloc-sum-beds').getAttribute('data-given'))).toBe(again.allocated.beds);
    expect(again.allocated.beds).toBeLessThanOrEqual(BUDGET.beds);
    await row.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'allocation-05-hand-set-kept');

    // Reset and set again: the reset shows as pending; setting it back leaves nothing to allocate.
    await row.locator('[data-testid=alloc-reset]').click();
    await poll(() => row.getAttribute('data-pending')).toBe('true');
    await row.locator('[data-testid=alloc-edit]').click();
    await q('alloc-edit-input').fill(String(handAmount));
    await q('alloc-edit-input').press('Enter');
    await poll(() => row.getAttribute('data-pending')).toBe('false');
    expect(await q('alloc-apply').isDisabled()).toBe(false);
  });

  it('applies the result as a new scenario and switches to it', async () => {
    const result = await app.door.service.call('allocation.run', query([{ facility: hand.code, resource: 'beds', amount: handAmount }]));
    const given = result.lines.filter((l) => l.scope === 'facility' && l.allocated !== 0);
    // The allocation works on the facilities as of its year (2025), projects applied: the sample's 河西新院, built by a
    // 2025 project with no figures, is among them (and takes beds); so the figures are read as of that year.
    const asOf = async (scenarioId: number) =>
      new Map((await app.door.service.call('timeline.facilities', { scenarioId, year: 2025 })).facilities.map((f) => [f.id, f]));
    const before = await asOf(1);

    await q('alloc-apply').click();
    await q('alloc-apply-dialog').waitFor();
    expect(await q('name-input').inputValue()).toBe(NAME);
    expect(await q('alloc-apply-hint').textContent()).toContain(`复制情景「基线」，把 ${given.length} 条机构配置`);
    await screenshot(app.page, 'allocation-06-apply-dialog');
    await q('dialog-submit').click();
    await poll(() => q('scenario-active-name').textContent()).toBe(NAME);
    await q('alloc-applied').waitFor();
    expect(await q('alloc-applied').textContent()).toContain(`已生成情景「${NAME}」，现为当前情景；上面的结果按情景「基线」测算。`);
    expect(await q('alloc-apply').isDisabled()).toBe(true); // not twice from a result of another scenario
    expect(await q('alloc-apply').getAttribute('title')).toBe('数据已变化或已切换情景，请先重新测算');
    await screenshot(app.page, 'allocation-07-applied');

    const scenario = (await app.door.service.call('scenarios.list', {})).find((s) => s.name === NAME)!;
    const after = await asOf(scenario.id);
    const field = { beds: 'beds_open', physicians: 'physicians', nurses: 'nurses', gps: 'gps', ambulances: 'ambulances' } as const;
    const value = (f: object | undefined, k: string) => Number((f as Record<string, unknown> | undefined)?.[k] ?? 0);
    // The facility set by hand went up by exactly what its line said; every other line too.
    expect(value(after.get(hand.code), 'beds_open')).toBe(value(before.get(hand.code), 'beds_open') + handAmount);
    for (const l of given)
      expect(value(after.get(l.code), field[l.resource]), `${l.name} ${l.resource}`).toBe(value(before.get(l.code), field[l.resource]) + l.allocated);
    // The baseline is unchanged.
    const baseline = await asOf(1);
    expect(value(baseline.get(hand.code), 'beds_open')).toBe(value(before.get(hand.code), 'beds_open'));
  });

  it('exports the workbook', async () => {
    const [download] = await Promise.all([app.page.waitForEvent('download'), q('alloc-export').click()]);
    expect(download.suggestedFilename()).toBe('资源配置测算-基线-2025.xlsx');
    const saved = path.join(home, download.suggestedFilename());
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK'); // a zip: an .xlsx workbook
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分单位', '分机构', '规划项目', '指标来源']);
    // The hand-set line is in the facility sheet as set.
    let found = false;
    wb.getWorksheet('分机构')!.eachRow((r) => {
      if (r.getCell(1).value === hand.code && r.getCell(4).value === '床位') found = Number(r.getCell(7).value) === handAmount;
    });
    expect(found).toBe(true);
  });

  it('reads in English and keeps its text whole in a smaller window', async () => {
    await app.page.click('[data-testid=lang-en]');
    await poll(() => q('alloc-run').textContent()).toBe('Allocate');
    expect(await q('alloc-sum-physicians').locator('[data-testid=alloc-sum-need]').textContent()).toMatch(/^Another [\d,]+ physicians needed$/);
    await screenshot(app.page, 'allocation-08-english');

    await app.page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(app.page, 'allocation-09-english-1280');
    await app.page.click('[data-testid=lang-zh]');
    await poll(() => q('alloc-run').textContent()).toBe('测算');
    await screenshot(app.page, 'allocation-10-1280');
    // Back on the baseline, allocate again at the street/town level: the table opens by unit.
    await q('scenario-switcher').click();
    await q('scenario-option-1').click();
    await poll(() => q('scenario-active-name').textContent()).toBe('基线');
    await poll(() => q('alloc-apply').isDisabled()).toBe(false); // the rows it was computed on, unchanged
    expect(await q('alloc-stale').count()).toBe(0);
    expect(await q('alloc-applied').count()).toBe(0);
    await q('alloc-scope-township').click();
    await poll(() => q('alloc-changed').count()).toBe(1);
    expect(await q('alloc-scope-hint').textContent()).toBe('标准的比例指标按全域和区县考核；按此层级测算，各单位缺口之和与全域缺口不同，结果中会说明。');
    await q('alloc-run').click();
    await poll(() => q('alloc-meta').textContent()).toContain('按街道/乡镇');
    await poll(() => q('alloc-busy').count()).toBe(0);
    expect(await q('alloc-stale').count()).toBe(0);
    // The streets' sum is more than the gap screen's region figure, and the card says why.
    expect(await q('alloc-sum-beds').locator('[data-testid=alloc-sum-recon]').textContent()).toMatch(
      /^按街道\/乡镇测算，各街道\/乡镇缺口之和 [\d,]+ 床，高于全域（长沙市）缺口 [\d,]+ 床（差距分析）：街道\/乡镇间的富余不能相互抵补/,
    );
    await screenshot(app.page, 'allocation-11-township-1280');

    // Money binds only with unit costs: 5,000 万元 at 30 万元 a bed and 20 万元 a physician (the hand-set line cleared).
    await q('alloc-reset-all').click();
    expect(await q('alloc-reset-all').count()).toBe(0);
    await q('alloc-budget-money').fill('5000');
    await poll(() => q('alloc-money-no-costs').count()).toBe(1);
    await q('alloc-costs').locator('summary').click();
    await q('alloc-cost-beds').fill('300000');
    await q('alloc-cost-physicians').fill('200000');
    expect(await q('alloc-money-no-costs').count()).toBe(0);
    await q('alloc-run').click();
    const money = q('alloc-sum-money');
    await money.waitFor();
    await poll(() => q('alloc-busy').count()).toBe(0);
    expect(await money.locator('[data-testid=alloc-sum-budget]').textContent()).toBe('5,000 万元');
    const priced = await app.door.service.call('allocation.run', {
      scenarioId: 1,
      budget: { ...BUDGET, money: 50_000_000 },
      costs: { beds: 300_000, physicians: 200_000 },
      standardId: 'changsha-14fyp-2025',
      year: 2025,
      scope: 'township',
      m2PerBed: 100,
    });
    expect(priced.spent_money).toBeLessThanOrEqual(50_000_000);
    expect(num(await q('alloc-sum-beds').getAttribute('data-given'))).toBe(priced.allocated.beds);
    expect(num(await money.locator('[data-testid=alloc-sum-given]').textContent())).toBe(priced.spent_money / 10_000);
    await screenshot(app.page, 'allocation-12-money-1280');
  });
});
