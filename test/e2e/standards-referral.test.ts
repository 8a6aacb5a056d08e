// End-to-end: a referral-time target (转诊可及性) added to the plan's own copy of the Changsha set in the
// 指标标准 dialog, then on the gap screen: its region line is referral.run's share for the same types and
// minutes, and a county's drill-down lists the centres beyond the minutes. Screenshots
// test-results/screenshots/standards-referral-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-standards-referral-');
let app: App;
const FROM = 'changsha-14fyp-2025';
const COPY = `${FROM}-copy`;
const REF = 'referral-30';
const PCT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

const dialog = () => app.page.locator('[data-testid=standards-dialog]');
const sheet = (name: string) => dialog().locator(`[data-testid=standards-${name}-sheet]`);
const target = (id: string) => dialog().locator(`[data-testid=standard-target][data-id="${id}"]`);

describe('a referral target of the planner own', () => {
  beforeAll(async () => {
    app = await launchApp(home);
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('is added in the standards dialog: 乡镇卫生院 and 中心卫生院, a level up, 30 minutes, every centre', async () => {
    await app.page.click('[data-testid=tab-gaps]');
    await app.page.locator('[data-testid=gaps-manage-standards]').click();
    await dialog().locator('[data-testid=standards-detail]').waitFor();
    await dialog().locator('[data-testid=standards-copy]').click();
    await sheet('copy').locator('[data-testid=sheet-confirm]').click();
    await expect.poll(() => dialog().locator('[data-testid=standards-detail]').getAttribute('data-id')).toBe(COPY);

    await dialog().locator('[data-testid=standards-add-referral]').click();
    const s = sheet('referral');
    await s.waitFor();
    // Nothing to refer from: refused before it is added.
    await s.locator('[data-testid=standards-referral-from][data-type=thc] input').uncheck();
    await s.locator('[data-testid=standards-referral-from][data-type=central_thc] input').uncheck();
    expect(await s.locator('[data-testid=standards-referral-problem]').textContent()).toBe('请至少选择一类转出机构');
    expect(await s.locator('[data-testid=sheet-confirm]').isDisabled()).toBe(true);
    await s.locator('[data-testid=standards-referral-from][data-type=thc] input').check();
    await s.locator('[data-testid=standards-referral-from][data-type=central_thc] input').check();
    expect(await s.locator('[data-testid=standards-referral-name]').inputValue()).toBe('乡镇卫生院、中心卫生院30分钟转诊');
    expect(await s.locator('[data-testid=standards-referral-minutes] input, input[data-testid=standards-referral-minutes]').first().inputValue()).toBe('30');
    await screenshot(app.page, 'standards-referral-1-sheet');
    await s.locator('[data-testid=sheet-confirm]').click();

    await target(REF).waitFor();
    expect(await target(REF).textContent()).toContain('转诊可及性');
    expect(await target(REF).locator('[data-testid=standard-target-rule]').textContent()).toBe(
      '乡镇卫生院或中心卫生院驾车 30 分钟内可转诊至最近的上一级及以上机构的占比 ≥ 100%',
    );
    await target(REF).scrollIntoViewIfNeeded();
    await screenshot(app.page, 'standards-referral-2-card');
    await dialog().locator('[data-testid=standards-save]').click();
    await expect.poll(() => dialog().locator('[data-testid=standards-done]').textContent()).toContain('已保存');
    const saved = await app.door.service.call('standards.get', { id: COPY });
    expect(saved.targets.find((x) => x.id === REF)).toMatchObject({
      kind: 'referral',
      fromTypes: ['thc', 'central_thc'],
      minutes: 30,
      min: 1,
      scopes: ['region', 'county'],
    });
    await dialog().locator('[data-testid=standards-use]').click();
    await expect.poll(() => app.door.service.call('gaps.settings', {}).then((x) => x.standardId)).toBe(COPY);
    await dialog().locator('[data-testid=dialog-cancel]').click();
  });

  it("shows on the gap screen with referral.run's share, and a town's centres beyond 30 minutes under it", async () => {
    const report = await app.door.service.call('gaps.evaluate', { scenarioId: 1 });
    const run = await app.door.service.call('referral.run', {
      scenarioId: 1,
      from: ['thc', 'central_thc'],
      thresholdMinutes: 30,
      year: report.year,
      within: report.region.codes,
    });
    const region = run.counties[0]!;
    const line = report.results.find((x) => x.target === REF && x.scope === 'region')!;
    expect(line.count).toEqual({ met: region.within, of: region.facilities });
    expect(region.facilities).toBeGreaterThan(region.within);
    expect(line).toMatchObject({ status: 'short', shortfall: region.facilities - region.within });

    const item = app.page.locator(`[data-testid=gap-summary-item][data-target="${REF}"]`);
    await item.waitFor();
    await item.scrollIntoViewIfNeeded();
    expect(await item.locator('[data-testid=gap-summary-figure]').textContent()).toBe(`${PCT.format((region.within / region.facilities) * 100)}% / 100%`);
    expect(await item.locator('[data-testid=gap-summary-gap]').textContent()).toBe(`还需 ${region.facilities - region.within} 所机构在 30 分钟内可转诊`);
    await item.click();
    await screenshot(app.page, 'standards-referral-3-gaps');

    // The farthest centre that reaches one: under its county and its town (the set has town lines), with its minutes.
    const worst = run.facilities.find((f) => f.minutes !== null && !f.within)!;
    const row = report.results.find((x) => x.target === REF && x.scope === 'facility' && x.code === worst.id)!;
    expect(row).toMatchObject({ value: worst.minutes, required: 30, status: 'short' });
    await app.page.locator(`[data-testid=gaps-row][data-code="${worst.county}"] [data-testid=gaps-drill]`).click();
    await app.page.locator(`[data-testid=gaps-row][data-code="${row.parent}"] [data-testid=gaps-drill]`).click();
    const cell = app.page.locator(
      `[data-testid=gaps-table][data-kind=facility] [data-testid=gaps-row][data-code="${worst.id}"] [data-testid=gaps-cell][data-target="${REF}"]`,
    );
    expect(await cell.locator('[data-testid=gaps-figure]').textContent()).toBe(`${worst.minutes} 分钟`);
    await cell.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'standards-referral-4-county');
  });
});
