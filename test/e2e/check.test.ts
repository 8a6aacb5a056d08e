// End-to-end: 数据检查 opened from the gap screen on the sample plan at 1280×720. Against its own set
// (长沙市十四五, 2025) the sample's one defect is 长政办发〔2021〕62号's 市妇幼保健院（河西新院）, a new site a
// 规划项目 of 2025 adds without staff or bed figures (shared/sample/seed-projects.ts): 7 findings, one per
// empty column a target reads; in 2024 it is not open yet, so nothing. Against 开福区's set (kaifu-2024):
// the sample keeps no 中医阁 flag, and 「建成中医阁」 counts every centre of the district — 16
// 社区卫生服务中心 and 2 社区医院, 18 findings. The count on the gap screen for its set and year, the
// panel's groups, a facility link showing the row in 医疗卫生机构 (also when the table is grouped by street
// and searched for something else), the project's new facility sending to 规划项目, the English texts.
// Screenshots: test-results/screenshots/check-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-check-');
let app: App;
const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const panel = () => q('check-panel');
const group = (family: string) => panel().locator(`[data-testid=check-group][data-family=${family}]`);
const facilityRow = (id: string) => app.page.locator(`[data-testid=facilities-grid] [data-testid=grid-row][data-row-id="${id}"]`);
/** The cell is on screen: inside the grid's scrolling area, below its header, and left of the check panel. */
async function onScreen(cell: import('playwright-core').Locator) {
  const c = (await cell.boundingBox())!;
  const grid = (await app.page.locator('[data-testid=facilities-grid] [data-testid=grid-scroll]').boundingBox())!;
  const side = (await panel().boundingBox())!;
  expect(c.x).toBeGreaterThanOrEqual(grid.x);
  expect(c.x + c.width).toBeLessThanOrEqual(Math.min(grid.x + grid.width, side.x) + 1);
  expect(c.y).toBeGreaterThan(grid.y + 30);
  expect(c.y + c.height).toBeLessThanOrEqual(grid.y + grid.height + 1);
}
const FIRST = 'F430105001-CHC'; // 芙蓉北路街道社区卫生服务中心, the check's first finding (开福区's first street)
const LAST = 'F430105021-CHC'; // 青竹湖街道社区卫生服务中心, its last

describe('数据检查 from the gap screen', () => {
  beforeAll(async () => {
    app = await launchApp(home, { width: 1280, height: 720 });
    await openUnits(app.page);
  }, 120_000);
  afterAll(async () => app?.close());

  it('the gap screen shows the findings touching its figures for its set and year: 7 in 2025, none in 2024 (the 河西新院 opens in 2025)', async () => {
    await app.page.click('[data-testid=tab-gaps]');
    await q('gaps-summary').waitFor();
    await expect.poll(() => q('gaps-standard-select').inputValue()).toBe('changsha-14fyp-2025');
    expect(await q('gaps-year').inputValue()).toBe('2025');
    await expect.poll(() => q('gaps-check-count').textContent(), { timeout: 30_000 }).toBe('数据检查：7 条影响这些数字');
    await q('gaps-check-count').click();
    await panel().waitFor();
    await expect.poll(() => panel().locator('[data-testid=check-finding]').count()).toBe(7);
    const hexi = panel().locator('[data-testid=check-finding]').first();
    expect(await hexi.locator('[data-testid=check-message]').textContent()).toBe(
      '长沙市妇幼保健院（河西新院） 的「实有床位」为空（12 所妇幼保健院中 1 所为空）',
    );
    // in no facilities table: the finding names the project that builds it, and its link opens 规划项目
    expect(await hexi.locator('[data-testid=check-row-link]').getAttribute('data-table')).toBe('projects');
    expect(await hexi.locator('[data-testid=check-row-link]').textContent()).toMatch(/^规划项目.*河西新院.*实有床位$/);
    await screenshot(app.page, 'check-01-panel-own-set');
    await hexi.locator('[data-testid=check-row-link]').click();
    await app.page.locator('[data-testid=tab-timeline][aria-selected=true]').waitFor();
    await q('check-close').click();
    expect(await panel().count()).toBe(0);

    await app.page.click('[data-testid=tab-gaps]');
    await q('gaps-year').fill('2024');
    await q('gaps-year').press('Enter');
    await expect.poll(() => q('gaps-check-count').count(), { timeout: 30_000 }).toBe(0);
    await q('gaps-year').fill('2025');
    await q('gaps-year').press('Enter');
    await expect.poll(() => q('gaps-check-count').count(), { timeout: 30_000 }).toBe(1);

    await q('gaps-standard-select').selectOption('kaifu-2024');
    await expect.poll(() => q('gaps-year').inputValue()).toBe('2024');
    await expect.poll(() => q('gaps-check-count').textContent(), { timeout: 30_000 }).toBe('数据检查：18 条影响这些数字');
    await screenshot(app.page, 'check-02-gaps-count');
  });

  it('opens the check for that set and year: the four groups, 18 findings under 指标所需数据, each with its row, what it changes and the fix', async () => {
    await q('gaps-check-count').click();
    await panel().waitFor();
    await expect.poll(() => panel().locator('[data-testid=check-finding]').count()).toBe(18);
    expect(await q('check-judged').textContent()).toBe('按「开福区卫生健康三年行动计划（2022—2024年）」· 2024 年');
    expect(await q('check-summary').textContent()).toContain('共 18 条，其中 18 条影响当前指标的数字');
    expect(await panel().locator('[data-testid=check-group] summary').allTextContents()).toEqual([
      '人口未发现问题',
      '数字未发现问题',
      '位置未发现问题',
      '指标所需数据18 条',
    ]);
    const targets = group('targets').locator('[data-testid=check-finding]');
    expect(await targets.count()).toBe(18);
    const first = targets.first();
    expect(await first.getAttribute('data-key')).toBe(FIRST);
    expect(await first.locator('[data-testid=check-row-link]').textContent()).toBe(`医疗卫生机构芙蓉北路街道社区卫生服务中心${FIRST}中医阁`);
    expect(await first.locator('[data-testid=check-message]').textContent()).toBe(
      '芙蓉北路街道社区卫生服务中心 的「中医阁」为空（16 所社区卫生服务中心中 16 所为空）',
    );
    expect(await first.locator('[data-testid=check-affects]').textContent()).toBe('影响「建成中医阁」：此机构按未达到计');
    expect(await first.locator('[data-testid=check-fix]').textContent()).toBe('修改填写「中医阁」（在机构表中，或补一列后重新导入）');
    await screenshot(app.page, 'check-03-panel');
  });

  it('a facility link shows its row in 医疗卫生机构, at the column (hidden by default), with the list still open', async () => {
    await group('targets').locator(`[data-testid=check-finding][data-key="${FIRST}"] [data-testid=check-row-link]`).click();
    await app.page.locator('[data-testid=tab-facilities][aria-selected=true]').waitFor();
    const cell = facilityRow(FIRST).locator('[data-testid=grid-cell][data-col=tcm_pavilion]');
    await cell.waitFor();
    expect(await cell.getAttribute('class')).toContain('is-focused');
    await onScreen(cell);
    expect(await panel().isVisible()).toBe(true);
    await screenshot(app.page, 'check-04-facility-shown');
  });

  it('a row under a closed group and hidden by a search: the search is cleared and its street opened', async () => {
    await q('facilities-group-by').selectOption('street');
    await app.page.fill('[data-testid=facilities-grid] [data-testid=grid-search]', '浏阳');
    await expect.poll(() => facilityRow(LAST).count()).toBe(0);
    await group('targets').locator(`[data-testid=check-finding][data-key="${LAST}"] [data-testid=check-row-link]`).click();
    const cell = facilityRow(LAST).locator('[data-testid=grid-cell][data-col=tcm_pavilion]');
    await cell.waitFor();
    await expect.poll(() => cell.getAttribute('class')).toContain('is-focused');
    await onScreen(cell);
    expect(await app.page.inputValue('[data-testid=facilities-grid] [data-testid=grid-search]')).toBe('');
    // its street's group row, open above it
    expect(await facilityRow(LAST).getAttribute('data-depth')).toBe('2');
    await screenshot(app.page, 'check-05-grouped-shown');
    await q('facilities-group-by').selectOption('none');
  });

  it('in English, the count and the panel', async () => {
    await app.page.click('[data-testid=lang-en]');
    expect(await panel().locator('h2').textContent()).toBe('Data check');
    expect(await q('check-judged').textContent()).toMatch(/^Against “.+” · 2024$/);
    expect(await group('targets').locator('summary').textContent()).toBe('Data the targets need18 findings');
    expect(await group('population').locator('summary').textContent()).toBe('PopulationNothing found');
    const first = group('targets').locator('[data-testid=check-finding]').first();
    expect(await first.locator('[data-testid=check-fix]').textContent()).toMatch(/^FixFill in /);
    await screenshot(app.page, 'check-06-panel-en');
    await q('check-close').click();
    expect(await panel().count()).toBe(0);
    await app.page.click('[data-testid=tab-gaps]');
    await expect.poll(() => q('gaps-check-count').textContent()).toBe('Data check: 18 findings change these figures');
    await app.page.click('[data-testid=lang-zh]');
  });

  it("on a set the sample meets in full (长沙市基层, 2025) the count goes away; the 文件 menu opens the check for the plan's set", async () => {
    await q('gaps-standard-select').selectOption('changsha-primary-2025');
    await expect.poll(() => q('gaps-year').inputValue()).toBe('2025');
    await expect.poll(() => q('gaps-check-count').count(), { timeout: 30_000 }).toBe(0);
    await app.page.click('[data-testid=menu-file]');
    await app.page.click('[data-testid=menuitem-file-check]');
    await panel().waitFor();
    await expect.poll(() => q('check-none').textContent()).toBe('没有发现需要修改的数据。');
    expect(await q('check-judged').textContent()).toBe('按「长沙市促进基层卫生健康事业高质量发展（2025年）」· 2025 年');
    await screenshot(app.page, 'check-07-menu-none');
  });
});
