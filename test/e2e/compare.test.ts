// End-to-end: 情景比较 on the sample plan — a scenario with 500 more beds at 湘雅二医院 and a new CHC
// in 沙坪街道, set beside the baseline: the changed targets highlighted, the facility changes listed,
// the chart drawn, a cost table entered and the scenario's cost shown. Screenshots at each step
// (test-results/screenshots/compare-*.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../electron/backend/service.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-compare-');
let app: App;
let scenarioId: number;
const HOSPITAL = 'F430102-R01'; // 中南大学湘雅二医院
const SHAPING = '430105019000'; // 沙坪街道
const BEDS = 'beds-per-1000';

const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const row = (target: string) => q('compare-table').locator(`[data-testid=compare-row][data-target="${target}"]`);
const cell = (target: string, scenario: number) => row(target).locator(`[data-testid=compare-cell][data-scenario="${scenario}"]`);
/** The service's typed call (a wrong argument or a result read wrongly is a compile error). */
const invoke: Service['call'] = (method, args) => app.door.service.call(method, args);

/** The chart has drawn its current option (animations finished), so a screenshot shows it whole. */
async function chartDrawn() {
  await app.page.waitForTimeout(100);
  await expect.poll(() => q('compare-chart').getAttribute('data-drawn'), { timeout: 15_000 }).toBe('true');
}

/** Pixels of the chart's canvas that are not the white background. */
async function inkedPixels(): Promise<number> {
  return app.page
    .locator('[data-testid=compare-chart] canvas')
    .first()
    .evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235)) n++;
      return n;
    });
}

describe('情景比较', () => {
  beforeAll(async () => {
    app = await launchApp(home);
    await openUnits(app.page);
    // The scenario, made through the service as another window would.
    scenarioId = (await invoke('scenarios.create', { name: '扩床与新建中心' })).id;
    const hospital = (await invoke('facilities.list', { scenarioId })).find((f) => f.id === HOSPITAL)!;
    await invoke('facilities.update', { scenarioId, id: HOSPITAL, field: 'beds_open', value: hospital.beds_open! + 500 });
    const shaping = (await invoke('units.list', { scenarioId })).find((u) => u.code === SHAPING)!;
    await invoke('facilities.add', {
      scenarioId,
      type: 'chc',
      lon: shaping.lon! + 0.004,
      lat: shaping.lat!,
      name: '沙坪街道第二社区卫生服务中心',
      unit_code: SHAPING,
      fields: { beds_open: 30, physicians: 8 },
    });
    await app.page.reload();
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('sets the scenario beside the baseline and highlights what changed', async () => {
    await app.page.click('[data-testid=tab-compare]');
    await q('compare-table').waitFor();
    expect(await q('compare-reference').inputValue()).toBe('1');
    expect(await app.page.locator(`[data-testid=compare-pick][data-id="${scenarioId}"]`).isChecked()).toBe(true);
    expect(await q('compare-standard').textContent()).toContain('2025');
    // Beds per 1,000 at the region: better, 530 fewer short.
    await expect.poll(() => row(BEDS).getAttribute('data-changed')).toBe('true');
    expect(await cell(BEDS, 1).getAttribute('data-direction')).toBe('reference');
    expect(await cell(BEDS, scenarioId).getAttribute('data-direction')).toBe('better');
    expect(await cell(BEDS, scenarioId).locator('[data-testid=compare-diff]').textContent()).toMatch(/^▲\+0\.\d\d · 缺口 −530 张$/);
    const bg = await cell(BEDS, scenarioId).evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).toBe('rgb(231, 245, 236)'); // --ok-bg
    // The unchanged targets are the same in both.
    const unchanged = row('childcare-places-per-1000');
    expect(await unchanged.getAttribute('data-changed')).toBe('false');
    expect(await unchanged.locator(`[data-testid=compare-cell][data-scenario="${scenarioId}"]`).getAttribute('data-direction')).toBe('same');

    // The facility changes: the hospital's beds old → new, the new centre.
    const changes = q('compare-changes');
    const changed = changes.locator(`[data-testid=compare-change][data-kind=changed][data-id="${HOSPITAL}"]`);
    await expect.poll(() => changed.count()).toBe(1);
    expect(await changed.textContent()).toMatch(/中南大学湘雅二医院.*实有床位[\d,]+→[\d,]+/);
    const added = changes.locator('[data-testid=compare-change][data-kind=added]');
    expect(await added.count()).toBe(1);
    expect(await added.textContent()).toContain('沙坪街道第二社区卫生服务中心');
    expect(await added.textContent()).toContain('社区卫生服务中心');
    // No prices yet: the cost says so.
    expect(await q('compare-costs-empty').count()).toBe(1);
    expect(await q('compare-cost').locator('[data-testid=compare-cost-total]').textContent()).toBe('未填造价');

    // The chart of the charted target by county: drawn, with a series per scenario and the target line.
    const chart = q('compare-chart');
    await expect.poll(() => chart.getAttribute('data-drawn'), { timeout: 15_000 }).toBe('true');
    expect(Number(await chart.getAttribute('data-series'))).toBe(3);
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(6);
    expect(await inkedPixels()).toBeGreaterThan(2000);
    expect(await q('compare-chart-title').textContent()).toBe('每千常住人口床位数（各区县）');
    await screenshot(app.page, 'compare-01-baseline-vs-scenario');
  });

  it('only the changed, at the street level; the chart follows and exports a PNG', async () => {
    const all = await q('compare-row').count();
    await q('compare-only-changed').check();
    await expect.poll(() => q('compare-row').count()).toBeLessThan(all);
    expect(await app.page.locator('[data-testid=compare-row][data-changed=false]').count()).toBe(0);
    await q('compare-level').selectOption('township');
    await q('compare-place').selectOption(SHAPING);
    await expect.poll(() => row('chc-per-street').count()).toBe(1);
    expect(await cell('chc-per-street', scenarioId).getAttribute('data-direction')).toBe('better');
    await row(BEDS).locator('button').click();
    await expect.poll(() => q('compare-chart-title').textContent()).toBe('每千常住人口床位数（各街道（乡镇））');
    // Only the streets whose beds changed are drawn.
    await expect.poll(async () => Number(await q('compare-chart').getAttribute('data-points'))).toBeLessThanOrEqual(3 * 2);
    await q('compare-chart-shortfall').click();
    await expect.poll(async () => (await inkedPixels()) > 500).toBe(true);
    const download = app.page.waitForEvent('download');
    await q('compare-chart-export').click();
    expect((await download).suggestedFilename()).toBe('情景比较-每千常住人口床位数-缺口.png');
    await chartDrawn();
    await screenshot(app.page, 'compare-02-street-only-changed');
    await q('compare-chart-value').click();
  });

  it("takes a cost table and shows the scenario's cost", async () => {
    await q('compare-costs-edit').click();
    const dialog = q('compare-cost-dialog');
    await dialog.locator('[data-testid=cost-item][data-key=beds]').waitFor();
    await dialog.locator('[data-testid=cost-item][data-key=beds]').fill('300,000');
    await dialog.locator('[data-testid=cost-type][data-key=chc]').fill('二千万');
    expect(await q('cost-bad').count()).toBe(1);
    expect(await q('dialog-submit').isDisabled()).toBe(true);
    await dialog.locator('[data-testid=cost-type][data-key=chc]').fill('20000000');
    await screenshot(app.page, 'compare-03-cost-table');
    await q('dialog-submit').click();
    await expect.poll(() => dialog.count()).toBe(0);
    // 1 CHC × 20,000,000 + 530 beds × 300,000 = 179,000,000; the 8 physicians have no price.
    const card = q('compare-cost');
    await expect.poll(() => card.locator('[data-testid=compare-cost-total]').textContent()).toBe('179,000,000 元（17,900 万元）');
    expect(await card.locator('[data-testid=compare-cost-line]').count()).toBe(2);
    expect(await card.locator('[data-testid=compare-cost-unpriced]').textContent()).toContain('执业（助理）医师 +8 人');
    expect(await invoke('costs.get', {})).toEqual({ perUnit: { beds: 300_000 }, perFacility: { chc: 20_000_000 } });
    await q('compare-only-changed').uncheck();
    await q('compare-level').selectOption('county');
    await q('compare-place').selectOption('region');
    await expect.poll(() => q('compare-busy').count()).toBe(0);
    await chartDrawn();
    await screenshot(app.page, 'compare-04-costs');
  });

  it('reads in English and keeps its text whole in a smaller window', async () => {
    await app.page.click('[data-testid=lang-en]');
    await expect.poll(() => q('compare-chart-title').textContent()).toBe('Beds per 1,000 residents — by county/district');
    expect(await q('compare-cost').locator('[data-testid=compare-cost-total]').textContent()).toBe('¥179,000,000 (179 million)');
    await chartDrawn();
    await screenshot(app.page, 'compare-05-english');
    await app.page.click('[data-testid=lang-zh]');
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await chartDrawn();
    await app.page.waitForTimeout(400); // the chart follows its box
    await screenshot(app.page, 'compare-06-small-window');
  });
});
