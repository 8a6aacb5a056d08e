// End-to-end: the 差距分析 screen on the sample plan — the region overview, choosing a standard set,
// 只看不足, drilling down to a street's facilities, the source of a figure, and a facility edit showing
// up in the gaps at once. Screenshots at each step (test-results/screenshots/gaps-*.png).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-gaps-');
let app: App;
const KAIFU = '430105000000'; // 开福区
const SHAPING = '430105019000'; // 沙坪街道
// 沙坪街道 in the sample: its CHC (public-health physicians are counted per CHC) and 3 facilities no facility target applies to.
const STREET_FACILITIES = '4 个机构，其中 3 所机构没有适用的机构指标';
const CHC = 'F430105019-CHC'; // 沙坪街道社区卫生服务中心: 3 public-health physicians in the sample
const PHP = 'public-health-physicians-thc-chc'; // ≥2 per THC/CHC, 长政办发〔2023〕6号

const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const summaryItem = (target: string) => q('gaps-summary').locator(`[data-testid=gap-summary-item][data-target="${target}"]`);
const row = (code: string) => q('gaps-table').locator(`[data-testid=gaps-row][data-code="${code}"]`);
const cell = (code: string, target: string) => row(code).locator(`[data-testid=gaps-cell][data-target="${target}"]`);
const crumbs = () => q('gaps-breadcrumb').locator('[data-testid=gaps-crumb]').allTextContents();
const rowCount = () => q('gaps-row').count();

async function openGaps() {
  await app.page.click('[data-testid=tab-gaps]');
  await q('gaps-summary').waitFor();
}

describe('差距分析', () => {
  beforeAll(async () => {
    app = await launchApp(home);
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('shows the region overview against the Changsha set', async () => {
    await openGaps();
    await expect.poll(() => q('gaps-standard-select').inputValue()).toBe('changsha-14fyp-2025');
    expect(await q('gaps-year').inputValue()).toBe('2025');
    const beds = summaryItem('beds-per-1000');
    await expect.poll(() => beds.getAttribute('data-status')).toBe('short');
    expect(await beds.textContent()).toContain('每千常住人口床位数');
    expect(await beds.locator('[data-testid=gap-summary-figure]').textContent()).toMatch(/^\d+\.\d\d \/ 11 张每千人$/);
    expect(await beds.locator('[data-testid=gap-summary-gap]').textContent()).toMatch(/^还需床位 [\d,]+ 张$/);
    // 长政办发〔2021〕62号 §一(一) (发展基础): the "1530" circle is a reference line (参考), its verdict kept aside.
    expect(await summaryItem('access-1530').getAttribute('data-status')).toBe('reference');
    expect(await summaryItem('access-1530').locator('[data-testid=gap-light]').getAttribute('data-judged')).toMatch(/^(met|near|short)$/);
    expect(await summaryItem('access-1530').textContent()).toMatch(/%/);
    expect(await summaryItem('access-1530').textContent()).toContain('参考（不计入不足）');
    // §三(七)3 "到2030年…5人": not yet due in 2025 — no red.
    expect(await summaryItem('gps-per-10000-2030').getAttribute('data-status')).toBe('not_due');
    expect(await summaryItem('gps-per-10000-2030').textContent()).toContain('2030 年到期');
    expect(await q('gaps-breadcrumb').textContent()).toBe('全域');
    expect(await row(KAIFU).count()).toBe(1); // the counties
    await screenshot(app.page, 'gaps-01-region');

    // A header sorts worst-first and shows where the target comes from.
    const header = q('gaps-table').locator('[data-testid=gaps-col][data-target="beds-per-1000"]');
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const bedFigures = async () => {
      const texts = await q('gaps-table').locator('[data-testid=gaps-cell][data-target="beds-per-1000"] [data-testid=gaps-figure]').allTextContents();
      return texts.map(Number);
    };
    const sorted = await bedFigures();
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
    await expect.poll(() => q('gap-source').getAttribute('data-target')).toBe('beds-per-1000');
    expect(await q('gap-source-document').textContent()).toBe('长政办发〔2021〕62号');
    await header.locator('button').click();
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await screenshot(app.page, 'gaps-01b-region-sorted-source');
  });

  it("the source panel follows a drill-down: the picked target at the new place, never the previous place's figure", async () => {
    const { results } = await app.door.service.call('gaps.evaluate', { scenarioId: 1, onlyShort: false });
    const beds = (scope: string, code: string) => results.find((r) => r.target === 'beds-per-1000' && r.scope === scope && r.code === code)!;
    const region = beds('region', 'region');
    const kaifu = beds('county', KAIFU);
    expect(kaifu.value!.toFixed(2)).not.toBe(region.value!.toFixed(2));
    const place = () => q('gap-source-result').locator('.gaps-source-place span').first().textContent();
    const value = () => q('gap-source-value').textContent();

    await summaryItem('beds-per-1000').click();
    await expect.poll(place).toBe(region.name); // 长沙市
    expect(await value()).toMatch(new RegExp(`^${region.value!.toFixed(2)} `));

    await row(KAIFU).locator('[data-testid=gaps-drill]').click();
    await expect.poll(crumbs).toEqual(['全域', '开福区']);
    // The same target, now 开福区's figure — not 长沙市's.
    await expect.poll(place).toBe('开福区');
    expect(await value()).toMatch(new RegExp(`^${kaifu.value!.toFixed(2)} `));
    expect(await q('gap-source').getAttribute('data-target')).toBe('beds-per-1000');
    expect(await summaryItem('beds-per-1000').getAttribute('class')).toContain('is-selected');
    await screenshot(app.page, 'gaps-01c-county-source-follows');

    // Back up the breadcrumb: 全域's figure again.
    await q('gaps-breadcrumb').locator('[data-testid=gaps-crumb][data-code=region]').click();
    await expect.poll(crumbs).toEqual(['全域']);
    await expect.poll(place).toBe(region.name);
    expect(await value()).toMatch(new RegExp(`^${region.value!.toFixed(2)} `));
  });

  it('switches to another standard set and keeps the choice in the plan', async () => {
    await q('gaps-standard-select').selectOption('changsha-primary-2025');
    await summaryItem('service-standard-recommended').waitFor();
    expect(await summaryItem('beds-per-1000').count()).toBe(0);
    expect(await summaryItem('service-standard-recommended').locator('[data-testid=gap-summary-figure]').textContent()).toMatch(/^[\d.]+% \/ 40%$/);
    await expect.poll(async () => (await app.door.service.call('gaps.settings', {})).standardId).toBe('changsha-primary-2025');
    await screenshot(app.page, 'gaps-02-primary-set');
  });

  it('drills into a county, and 只看不足 hides what is not short', async () => {
    await row(KAIFU).locator('[data-testid=gaps-drill]').click();
    await expect.poll(crumbs).toEqual(['全域', '开福区']);
    expect(await q('gaps-summary').locator('h2').textContent()).toBe('开福区');
    const all = await rowCount();
    const items = await q('gap-summary-item').count();
    expect(all).toBe(16);
    await q('gaps-only-short').check();
    await expect.poll(rowCount).toBeLessThan(all);
    expect(await q('gap-summary-item').count()).toBeLessThan(items);
    expect(await q('gaps-count').textContent()).toMatch(/显示 \d+ \/ 16 个街道（乡镇）/);
    await screenshot(app.page, 'gaps-03-county-only-short');
  });

  it('drills into a street and shows the source of a facility figure', async () => {
    // 沙坪街道 is short of nothing judged at the street under this set: show every street to reach it.
    await q('gaps-only-short').uncheck();
    await row(SHAPING).locator('[data-testid=gaps-drill]').click();
    await expect.poll(crumbs).toEqual(['全域', '开福区', '沙坪街道']);
    const php = cell(CHC, PHP);
    await expect.poll(() => php.getAttribute('data-status')).toBe('met');
    expect(await php.locator('[data-testid=gaps-figure]').textContent()).toBe('3');
    // Every facility of the street is listed, not only those a facility-level target applies to (issue 15):
    // the others' cells say 不适用.
    expect(await q('gaps-count').textContent()).toBe(STREET_FACILITIES);
    const bare = q('gaps-table').locator('[data-testid=gaps-cell][data-applies=false]');
    expect(await bare.count()).toBeGreaterThan(0);
    expect(await bare.first().textContent()).toBe('不适用');
    await php.locator('button').click();
    const source = q('gap-source');
    await expect.poll(() => source.getAttribute('data-target')).toBe(PHP);
    expect(await source.locator('[data-testid=gap-source-document]').textContent()).toBe('长政办发〔2023〕6号');
    expect(await source.textContent()).toContain('沙坪街道社区卫生服务中心');
    expect(await source.locator('[data-testid=gap-source-value]').textContent()).toBe('3 人');
    await screenshot(app.page, 'gaps-04-street-source');
  });

  it('follows an edit in the facilities table at once', async () => {
    await app.page.click('[data-testid=tab-facilities]');
    const grid = q('facilities-grid');
    await grid.locator('[data-testid=grid-row]').first().waitFor();
    await grid.locator('[data-testid=grid-search]').fill('沙坪街道社区卫生服务中心');
    const phys = grid.locator(`[data-testid=grid-row][data-row-id="${CHC}"] [data-testid=grid-cell][data-col=public_health_physicians]`);
    await phys.dblclick();
    await app.page.locator('[data-testid=cell-input]').fill('1');
    await app.page.locator('[data-testid=cell-input]').press('Enter');
    await expect.poll(() => phys.textContent()).toBe('1');

    await openGaps();
    expect(await crumbs()).toEqual(['全域', '开福区', '沙坪街道']); // the place is remembered
    const php = cell(CHC, PHP);
    await expect.poll(() => php.getAttribute('data-status')).toBe('short');
    expect(await php.locator('[data-testid=gaps-figure]').textContent()).toBe('1');
    expect(await php.textContent()).toContain('缺 1 名');
    await expect.poll(() => q('gap-source-value').textContent()).toBe('1 人');
    expect(await q('gap-source-gap').textContent()).toBe('还需公共卫生医师 1 名');
    // The street's own line rolls the facility up: none of its 1 centre meets it now.
    await expect.poll(() => summaryItem(PHP).getAttribute('data-status')).toBe('short');
    expect(await summaryItem(PHP).locator('[data-testid=gap-summary-figure]').textContent()).toBe('不足 1 / 共 1 所，达标 0');
    await screenshot(app.page, 'gaps-05-after-edit');

    // One level up, the street's row shows it too.
    await q('gaps-breadcrumb').getByText('开福区').click();
    await expect.poll(() => cell(SHAPING, PHP).getAttribute('data-status')).toBe('short');
  });

  it('reads in English', async () => {
    await app.page.click('[data-testid=lang-en]');
    await expect.poll(() => q('gaps-breadcrumb').textContent()).toContain('Whole region');
    expect(await q('gaps-only-short').locator('xpath=..').textContent()).toBe('Only shortfalls');
    await cell(SHAPING, PHP).locator('button').click();
    await expect.poll(() => q('gap-source-gap').textContent()).toBe('1 more public-health physician (1 facility below)');
    await screenshot(app.page, 'gaps-06-english');
    await app.page.click('[data-testid=lang-zh]');
    await expect.poll(() => q('gaps-breadcrumb').textContent()).toContain('全域');
  });

  it('exports the gaps, changes the year, and opens the standards dialog', async () => {
    const download = app.page.waitForEvent('download');
    await q('gaps-export').click();
    expect((await download).suggestedFilename()).toMatch(/差距-changsha-primary-2025-2025\.xlsx$/);

    await q('gaps-year').fill('2030');
    await q('gaps-year').press('Enter');
    await expect.poll(async () => (await app.door.service.call('gaps.settings', {})).year).toBe(2030);
    await expect.poll(() => q('gaps-busy').count()).toBe(0);
    await screenshot(app.page, 'gaps-07-year-2030');

    await q('gaps-manage-standards').click();
    await q('standards-dialog').waitFor();
    await app.page.keyboard.press('Escape');
    await expect.poll(() => q('standards-dialog').count()).toBe(0);

    // A smaller window: the three panes keep their text whole; the table scrolls.
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await q('gaps-breadcrumb').getByText('全域').click();
    await expect.poll(crumbs).toEqual(['全域']);
    await screenshot(app.page, 'gaps-08-small-window');
  });

  it('imports populations by year, and the ratios divide by them', async () => {
    await q('gaps-standard-select').selectOption('changsha-14fyp-2025');
    await expect.poll(() => summaryItem('beds-per-1000').count()).toBe(1);
    await summaryItem('beds-per-1000').click();
    const population = () => q('gap-source-population').textContent();
    await expect.poll(population).toMatch(/^[\d,]+$/);
    expect(await q('gap-source').textContent()).toContain('2030 年人口');
    const projected = await population();

    const csv = path.join(home, '长沙人口.csv');
    fs.writeFileSync(csv, '区划代码,名称,2030年常住人口\r\n430100000000,长沙市,12000000\r\n');
    await app.page.click('[data-testid=menu-file]');
    await app.page.click('[data-testid=menuitem-file-import-populations]');
    await q('import-populations-hint').waitFor();
    await q('import-file-input').setInputFiles(csv);
    await app.page.click('[data-testid=dialog-submit]');
    await expect.poll(() => q('import-success').count()).toBe(1);
    await screenshot(app.page, 'gaps-09-import-populations');
    await app.page.click('[data-testid=dialog-submit]');
    await expect.poll(population).toBe('12,000,000');
    expect(projected).not.toBe('12,000,000');
    await screenshot(app.page, 'gaps-10-population-in-source');
  });

  it('a set written for another region is 不适用 until applied to a district of the plan', async () => {
    await app.page.setViewportSize({ width: 1600, height: 900 });
    // 鼓卫办〔2020〕8号 is Fuzhou 鼓楼区's: the sample holds no 鼓楼区.
    await q('gaps-standard-select').selectOption('gulou-2020');
    await q('gaps-region-na').waitFor();
    expect(await q('gaps-region-na').textContent()).toContain('本标准适用于「鼓楼区」，方案中没有该单位：不适用');
    expect(await summaryItem('chc-elderly-rehab-room').getAttribute('data-status')).toBe('not_applicable');
    await screenshot(app.page, 'gaps-11-not-applicable');
    await q('gaps-region-select').selectOption({ label: '开福区' });
    await q('gaps-region-apply').click();
    await q('gaps-region-applied').waitFor();
    expect(await q('gaps-region-applied').textContent()).toContain('本标准已按您的选择应用于「开福区」');
    await expect.poll(() => summaryItem('chc-elderly-rehab-room').getAttribute('data-status')).toMatch(/^(met|near|short|missing_data)$/);
    await expect.poll(async () => (await app.door.service.call('gaps.settings', {})).region).toEqual(['430105000000']);
    await screenshot(app.page, 'gaps-12-applied-to-kaifu');
    await q('gaps-region-applied').locator('button').click();
    await q('gaps-region-na').waitFor();
    await q('gaps-standard-select').selectOption('changsha-14fyp-2025');
  });
});
