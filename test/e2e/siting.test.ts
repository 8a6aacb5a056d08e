// End-to-end: 设施选址 on the map tab of the sample plan — "开福区: 2 new 120 stations, 10-minute circle"
// (maximal covering, generated candidates) asked in the panel, run with progress, the proposed sites
// on the map and in the table, coverage before → after; the proposal applied as a new scenario that
// keeps the rule it was for, 在差距分析中查看 opening the gap screen at 开福区 on that rule's row (the plan's
// set has no such target, so the rule is its own row, its source the proposal); on 开福区's own set the
// 10-minute emergency circle judges it, and its coverage gap shrinks against the baseline. Also: a p-median question, a candidate sheet with problems, points clicked on the map,
// English, a small window. Screenshots at each step (test-results/screenshots/siting-*.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../electron/backend/service.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-siting-');
let app: App;
const KAIFU = '430105000000'; // 开福区
const CIRCLE = 'ems-10-minute-circle'; // kaifu-2024: 10分钟急救服务圈全域覆盖, 开政办发〔2022〕26号
const NAME = '选址：开福区新增2个120急救站';
const RULE = '开福区 120急救站 城乡10分钟 覆盖（选址方案的目标）';

const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout });
/** The service's typed call (a wrong argument or a result read wrongly is a compile error). */
const service: Service['call'] = (method, args) => app.door.service.call(method, args);
const canvas = () => q('map-canvas');
const num = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));

async function mapIdle() {
  await poll(() => canvas().getAttribute('data-idle')).toBe('true');
}

async function waitForResult() {
  await q('siting-result').waitFor({ timeout: 60_000 });
  await poll(() => q('siting-busy').count(), 60_000).toBe(0);
}

/** The 10-minute circle on the gap screen: the region's status and the people still beyond it. */
async function circleGap(): Promise<{ status: string | null; short: number }> {
  const item = q('gaps-summary').locator(`[data-testid=gap-summary-item][data-target="${CIRCLE}"]`);
  await item.waitFor();
  await poll(() => q('gaps-busy').count(), 30_000).toBe(0);
  const gap = item.locator('[data-testid=gap-summary-gap]');
  return { status: await item.getAttribute('data-status'), short: (await gap.count()) ? num(await gap.textContent()) : 0 };
}

const serviceShortfall = async (scenarioId: number) =>
  (await service('gaps.evaluate', { scenarioId, standardId: 'kaifu-2024' })).results.find(
    (r) => r.target === CIRCLE && r.scope === 'county' && r.code === KAIFU,
  )!.shortfall!;

describe('设施选址', () => {
  let newScenario = 0;
  let rule = '';

  beforeAll(async () => {
    app = await launchApp(home);
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('asks "开福区: 2 new 120 stations, 10-minute circle" in the siting panel', async () => {
    await app.page.click('[data-testid=tab-map]');
    await poll(() => canvas().getAttribute('data-ready'), 30_000).toBe('true');
    await q('map-side-siting').click();
    await q('siting-panel').waitFor();
    expect(await q('access-panel').count()).toBe(0);

    await q('siting-preset').selectOption('kaifu10');
    expect(await q('siting-model').inputValue()).toBe('mclp');
    expect(await q('siting-type').inputValue()).toBe('ems_station');
    expect(await q('siting-k').inputValue()).toBe('2');
    expect(await q('siting-urban').inputValue()).toBe('10');
    expect(await q('siting-rural').inputValue()).toBe('10');
    expect(await q('siting-generate').isChecked()).toBe(true);
    expect(await q('siting-spacing').inputValue()).toBe('1000');
    expect(await q('siting-area').locator('summary').textContent()).toBe('开福区');

    // The area picker: cleared to the whole plan, then 开福区 found by name.
    await q('siting-area').locator('summary').click();
    await q('siting-area').getByText('全部清除').click();
    expect(await q('siting-area').locator('summary').textContent()).toBe('全域（整个方案）');
    await q('siting-area-search').fill('开福');
    await q('siting-area').locator(`[data-testid=siting-area-option][data-code="${KAIFU}"]`).check();
    expect(await q('siting-area').locator('summary').textContent()).toBe('开福区');
    await screenshot(app.page, 'siting-01-area-picker');
    await q('siting-area').locator('summary').click();
    expect(await q('siting-preset').inputValue()).toBe('kaifu10');
    await mapIdle();
    await screenshot(app.page, 'siting-02-question');
  });

  it('runs it: 2 sites on the map and in the table, coverage after > before, the quality said', async () => {
    await q('siting-run').click();
    await waitForResult();
    const rows = q('siting-site-row');
    expect(await rows.count()).toBe(2);
    for (const cell of await q('siting-site-people').allTextContents()) expect(cell).toMatch(/^\d{1,3}(,\d{3})*$/);
    const covered = q('siting-covered');
    const before = Number(await covered.getAttribute('data-before')),
      after = Number(await covered.getAttribute('data-after'));
    expect(after).toBeGreaterThan(before);
    expect(await covered.textContent()).toMatch(/^[\d,]+ → [\d,]+共 [\d,]+ 人$/);
    expect(await q('siting-gained').textContent()).toBe(`${(after - before).toLocaleString('en-US')} 人`);
    expect(await q('siting-quality').textContent()).toMatch(/已证明最优|与最优相差(不超过 \d+\.\d%|不到 0\.1%)/);
    expect(await q('siting-quality').textContent()).toMatch(/精确求解（HiGHS）|启发式（贪心 \+ 交换）/);
    expect(await q('siting-model-note').textContent()).not.toBe('');
    // Per area: 开福区 and its streets, the total below.
    expect(await q('siting-unit-row').count()).toBeGreaterThan(5);
    expect(Number(await q('siting-total').getAttribute('data-after'))).toBe(after);
    expect(await q('siting-legend').textContent()).toContain('新增覆盖');
    await mapIdle();
    await screenshot(app.page, 'siting-03-result');

    // A row flies to its site.
    const zoom = Number(await canvas().getAttribute('data-zoom'));
    await rows.first().click();
    await poll(async () => Number(await canvas().getAttribute('data-zoom')), 10_000).toBeGreaterThan(Math.max(zoom, 13));
    await mapIdle();
    await screenshot(app.page, 'siting-04-site');
  });

  it('applies it as a new scenario and switches to it', async () => {
    const stations = async (id: number) => (await service('facilities.list', { scenarioId: id })).filter((f) => f.type === 'ems_station').length;
    await q('siting-apply').click();
    const dialog = q('siting-apply-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid=name-input]').inputValue()).toBe(NAME);
    expect(await q('siting-apply-hint').textContent()).toBe('复制情景「基线」，新建 2 个「120急救站」；生成后切换到新情景。');
    expect(await q('siting-apply-rule').textContent()).toBe(`选址的目标「${RULE}」随新情景保存，差距分析和情景比较都会评估它。`);
    // 按年份列为规划项目: offered, with its year; left off here (the proposal counts from now).
    await dialog.locator('[data-testid=planned-year-on]').check();
    expect(Number(await dialog.locator('[data-testid=planned-year-input]').inputValue())).toBeGreaterThanOrEqual(2000);
    await screenshot(app.page, 'siting-05b-apply-as-projects');
    await dialog.locator('[data-testid=planned-year-on]').uncheck();
    await screenshot(app.page, 'siting-05-apply');
    await dialog.locator('[data-testid=dialog-submit]').click();
    await poll(() => q('scenario-active-name').textContent()).toBe(NAME);
    await q('siting-applied').waitFor();
    expect(await q('siting-applied').textContent()).toContain(`带有选址的目标「${RULE}」`);
    const scenarios = await service('scenarios.list', {});
    newScenario = scenarios.find((s) => s.name === NAME)!.id;
    expect(await stations(newScenario)).toBe((await stations(1)) + 2);
    await poll(() => q('map-scenario').textContent()).toContain(NAME);
    await mapIdle();
    await screenshot(app.page, 'siting-06-new-scenario');
  });

  it("在差距分析中查看: the gap screen at 开福区, the rule's row picked, its source the proposal; the baseline has no such row", async () => {
    rule = (await q('siting-go-gaps').getAttribute('data-target'))!;
    expect(rule).toMatch(/^siting-ems_station-10-10-[0-9a-f]{8}$/);
    await q('siting-go-gaps').click();
    await q('gaps-summary').waitFor();
    await poll(() => q('gaps-busy').count(), 30_000).toBe(0);
    expect(await q('gaps-standard-select').inputValue()).toBe('changsha-14fyp-2025'); // the plan's set: no 120 target of its own
    await poll(() => q('gaps-breadcrumb').locator('[aria-current=page]').getAttribute('data-code')).toBe(KAIFU);
    const item = q('gaps-summary').locator(`[data-testid=gap-summary-item][data-target="${rule}"]`);
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('is-selected');
    // Its group comes last in the overview: brought into view.
    await poll(() =>
      item.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    expect(await item.textContent()).toContain(RULE);
    expect(await q('gap-source').getAttribute('data-target')).toBe(rule);
    expect(await q('gap-source-document').textContent()).toBe('本方案设施选址');
    // The service's figure for 开福区 is what the row says: all but the people no station reaches in 10 minutes.
    const row = (await service('gaps.evaluate', { scenarioId: newScenario })).results.find(
      (r) => r.target === rule && r.scope === 'county' && r.code === KAIFU,
    )!;
    expect(row.value).toBeGreaterThan(0.9);
    expect(await item.getAttribute('data-status')).toBe(row.shortfall ? (row.value! >= 0.9 ? 'near' : 'short') : 'met');
    await screenshot(app.page, 'siting-07a-gaps-rule');
    // The baseline has no proposal, so no such row (a comparison judges both on it).
    const base = await service('gaps.evaluate', { scenarioId: 1 });
    expect(base.targets.some((x) => x.id === rule)).toBe(false);
  });

  it("情景比较 of 基线 and the proposal, 只看有变化的: the rule's line, before and after", async () => {
    await app.page.click('[data-testid=tab-compare]');
    await q('compare-table').waitFor();
    await poll(() => q('compare-busy').count(), 60_000).toBe(0);
    expect(await q('compare-reference').inputValue()).toBe('1');
    expect(await app.page.locator(`[data-testid=compare-pick][data-id="${newScenario}"]`).isChecked()).toBe(true);
    await q('compare-only-changed').check();
    const row = q('compare-table').locator(`[data-testid=compare-row][data-target="${rule}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-changed')).toBe('true');
    expect(await row.locator(`[data-testid=compare-cell][data-scenario="${newScenario}"]`).getAttribute('data-direction')).toBe('better');
    await screenshot(app.page, 'siting-07b-compare-changed');
    await q('compare-only-changed').uncheck();
    await app.page.click('[data-testid=tab-gaps]');
    await q('gaps-summary').waitFor();
  });

  it('shows the coverage gap shrink on the gap screen', async () => {
    await q('gaps-standard-select').selectOption('kaifu-2024');
    await poll(() => q('gaps-scenario').textContent()).toContain(NAME);
    const after = await circleGap();
    await screenshot(app.page, 'siting-07-gaps-new-scenario');

    await q('scenario-switcher').click();
    await q('scenario-option-1').click();
    await poll(() => q('scenario-active-name').textContent()).toBe('基线');
    // The screen recomputes for the baseline: wait for its figures, not the proposal's still shown.
    await poll(() => q('gaps-scenario').textContent()).toContain('基线');
    await poll(async () => (await circleGap()).status, 30_000).toBe('short');
    const before = await circleGap();
    expect(before.short).toBeGreaterThan(0);
    expect(after.short).toBeLessThan(before.short);
    await screenshot(app.page, 'siting-08-gaps-baseline');
    // The same on the service, for 开福区 itself.
    expect(await serviceShortfall(newScenario)).toBeLessThan(await serviceShortfall(1));
  });

  it('answers the sub-centre question by p-median: people served and the mean travel time', async () => {
    await app.page.click('[data-testid=tab-map]');
    await q('siting-panel').waitFor();
    await q('siting-preset').selectOption('subcentre');
    expect(await q('siting-model').inputValue()).toBe('pmedian');
    expect(await q('siting-area').locator('summary').textContent()).toBe('资阳区');
    await q('siting-run').click();
    await poll(() => q('siting-mean').count(), 60_000).toBe(1);
    await poll(() => q('siting-busy').count(), 60_000).toBe(0);
    expect(await q('siting-mean').textContent()).toMatch(/^\d+\.\d → \d+\.\d 分钟$/);
    expect(await q('siting-sites').textContent()).toContain('服务人口');
    expect(await q('siting-sites').textContent()).toContain('升级');
    expect(await q('siting-units').textContent()).toContain('平均分钟');
    await mapIdle();
    await screenshot(app.page, 'siting-09-pmedian');
  });

  it('reads a candidate sheet (its problems by row and column) and takes points clicked on the map', async () => {
    await q('siting-file-input').setInputFiles({
      name: '候选点.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('编号,名称,经度,纬度\nC1,东站,113.05,28.25\nC2,,abc,28.3\n'),
    });
    await q('siting-file-problems').waitFor();
    await q('siting-file-problems').scrollIntoViewIfNeeded();
    const problem = q('siting-file-problem').first();
    expect(await problem.locator('td').first().textContent()).toBe('3');
    await screenshot(app.page, 'siting-10-sheet-problems');
    await q('siting-file-input').setInputFiles({
      name: '候选点.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('编号,名称,经度,纬度\nC1,东站,113.05,28.25\nC2,北站,113.02,28.32\n'),
    });
    await poll(() => q('siting-file-read').textContent()).toContain('2 个候选点');
    expect(await q('siting-file-problems').count()).toBe(0);

    await q('siting-pick').click();
    await poll(() => q('map-mode-hint').textContent()).toContain('添加候选点');
    const box = (await canvas().boundingBox())!;
    await app.page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.5);
    await app.page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.45);
    await poll(() => q('siting-map-count').textContent()).toBe('已选 2 个');
    expect(await q('map-facility-popup').count()).toBe(0);
    await app.page.keyboard.press('Escape');
    await poll(() => q('map-mode-hint').count()).toBe(0);
    await q('siting-stale').waitFor();
    await mapIdle();
    await screenshot(app.page, 'siting-11-own-candidates');
  });

  it('reads in English, and fits a small window', async () => {
    await app.page.click('[data-testid=lang-en]');
    await poll(() => q('siting-panel').textContent()).toContain('Facility siting');
    expect(await q('siting-panel').textContent()).toContain('Proposed sites (2)');
    await mapIdle();
    await screenshot(app.page, 'siting-12-english');
    await app.page.click('[data-testid=lang-zh]');
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await q('siting-preset').selectOption('kaifu10');
    await q('siting-run').click();
    await waitForResult();
    await mapIdle();
    await screenshot(app.page, 'siting-13-small-window');
    await q('siting-sites').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'siting-14-small-window-tables');
  });
});
