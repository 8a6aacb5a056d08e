// End-to-end, in Debian's Chromium against the web door: what a planner does on the first day.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-');
const work = tmpDir('hp-e2e-files-');
let app: App;
const CHC = 'F430105002-CHC'; // 东风路街道社区卫生服务中心 in the sample

const grid = (name: 'units' | 'facilities') => app.page.locator(`[data-testid=${name}-grid]`);
const row = (name: 'units' | 'facilities', id: string) => grid(name).locator(`[data-testid=grid-row][data-row-id="${id}"]`);
const cell = (name: 'units' | 'facilities', id: string, col: string) => row(name, id).locator(`[data-testid=grid-cell][data-col=${col}]`);

async function openFacilities() {
  await app.page.click('[data-testid=tab-facilities]');
  await grid('facilities').locator('[data-testid=grid-row]').first().waitFor();
}

async function search(name: 'units' | 'facilities', text: string) {
  await grid(name).locator('[data-testid=grid-search]').fill(text);
}

async function importFile(table: 'units' | 'facilities', file: string) {
  await app.page.click('[data-testid=menu-file]');
  await app.page.click(`[data-testid=menuitem-file-import-${table}]`);
  await app.page.locator('[data-testid=import-file-input]').setInputFiles(file);
  await app.page.click('[data-testid=dialog-submit]');
  return app.page.locator('[data-testid=import-report]').first();
}

describe('HealthPlan in the browser', () => {
  beforeAll(async () => {
    app = await launchApp(home);
  });
  afterAll(async () => app?.close());

  it('opens on the sample plan, labelled as sample data, on 总览, with the units tree a tab away', async () => {
    await openUnits(app.page);
    await expect.poll(() => app.page.locator('[data-testid=sample-badge]').textContent()).toContain('示例数据 — 部分数值为估算');
    expect(await app.page.locator('[data-testid=status-file]').textContent()).toContain('示例-长沙市+益阳市资阳区.hplan');
    expect(await cell('units', '430100000000', 'name').textContent()).toContain('长沙市');
    expect(await cell('units', '430100000000', 'population').textContent()).toBe('10,047,914');
    await screenshot(app.page, '01-units');
  });

  it('sorts and filters the facilities table', async () => {
    await openFacilities();
    const header = app.page.locator('[data-testid=facilities-grid] [data-testid=grid-header][data-col=beds_open]');
    for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== 'descending'; i++) await header.locator('button.hcell-sort').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const firstBeds = async () =>
      Number(
        (await grid('facilities').locator('[data-testid=grid-row]').first().locator('[data-testid=grid-cell][data-col=beds_open]').textContent())!.replace(
          /,/g,
          '',
        ),
      );
    await expect.poll(firstBeds).toBeGreaterThan(1000);
    await search('facilities', '东风路街道社区卫生服务中心');
    await expect.poll(() => grid('facilities').locator('[data-testid=grid-row]').count()).toBe(1);
    expect(await row('facilities', CHC).count()).toBe(1);
    await screenshot(app.page, '02-facilities-filtered');
  });

  it('edits a cell, and the edit is still there after a reload', async () => {
    await search('facilities', '东风路街道社区卫生服务中心');
    await cell('facilities', CHC, 'nurses').dblclick();
    const input = app.page.locator('[data-testid=cell-input]');
    await input.fill('33');
    await input.press('Enter');
    await expect.poll(() => cell('facilities', CHC, 'nurses').textContent()).toBe('33');
    await expect.poll(() => app.page.locator('[data-testid=status-save]').getAttribute('data-state')).toBe('saved');
    await app.page.reload();
    await openFacilities();
    await search('facilities', '东风路街道社区卫生服务中心');
    await expect.poll(() => cell('facilities', CHC, 'nurses').textContent()).toBe('33');
  });

  it('rejects a bad value in place, and undoes an edit', async () => {
    await search('facilities', '东风路街道社区卫生服务中心');
    await cell('facilities', CHC, 'beds_open').dblclick();
    await app.page.locator('[data-testid=cell-input]').fill('-5');
    await app.page.locator('[data-testid=cell-input]').press('Enter');
    await expect.poll(() => app.page.locator('[data-testid=cell-error]').count()).toBeGreaterThan(0);
    await screenshot(app.page, '03-cell-error');
    await app.page.keyboard.press('Escape');
    await app.page.click('[data-testid=menu-edit]');
    await app.page.click('[data-testid=menuitem-edit-undo]');
    await expect.poll(() => cell('facilities', CHC, 'nurses').textContent()).not.toBe('33');
  });

  it("keeps a scenario's edits out of the baseline", async () => {
    await app.page.click('[data-testid=scenario-switcher]');
    await app.page.click('[data-testid=scenario-new]');
    await app.page.locator('[data-testid=name-input]').fill('新增护士');
    await app.page.click('[data-testid=dialog-submit]');
    await expect.poll(() => app.page.locator('[data-testid=scenario-active-name]').textContent()).toBe('新增护士');
    await openFacilities();
    await search('facilities', '东风路街道社区卫生服务中心');
    await cell('facilities', CHC, 'nurses').dblclick();
    await app.page.locator('[data-testid=cell-input]').fill('99');
    await app.page.locator('[data-testid=cell-input]').press('Enter');
    await expect.poll(() => cell('facilities', CHC, 'nurses').textContent()).toBe('99');
    await app.page.click('[data-testid=scenario-switcher]');
    await app.page.click('[data-testid=scenario-option-1]');
    await expect.poll(() => app.page.locator('[data-testid=scenario-active-name]').textContent()).toBe('基线');
    await search('facilities', '东风路街道社区卫生服务中心');
    await expect.poll(() => cell('facilities', CHC, 'nurses').textContent()).not.toBe('99');
  });

  it('imports a bad file (nothing written, every problem listed) and then a good one', async () => {
    const bad = path.join(work, '坏的机构表.csv');
    fs.writeFileSync(
      bad,
      [
        '机构编码,机构名称,机构类型,所在区划代码,实有床位',
        'N1,新建社区卫生服务中心,社区卫生服务中心,430105002000,很多',
        'N2,另一个中心,社区卫生服务中心,000000000000,10',
      ].join('\r\n'),
    );
    const report = await importFile('facilities', bad);
    await expect.poll(() => report.getAttribute('data-ok')).toBe('false');
    expect(await app.page.locator('[data-testid=import-failed]').textContent()).toContain('未写入任何数据');
    expect(await app.page.locator('[data-testid=import-problem]').count()).toBe(2);
    await screenshot(app.page, '04-import-failed');
    await app.page.click('[data-testid=dialog-cancel]');
    await search('facilities', '新建社区卫生服务中心');
    await expect.poll(() => grid('facilities').locator('[data-testid=grid-row]').count()).toBe(0);

    const good = path.join(work, '机构表.csv');
    fs.writeFileSync(good, '\ufeff机构编码,机构名称,机构类型,所在区划代码,实有床位\r\nN1,新建社区卫生服务中心,社区卫生服务中心,430105002000,40\r\n');
    const ok = await importFile('facilities', good);
    await expect.poll(() => ok.getAttribute('data-ok')).toBe('true');
    expect(await app.page.locator('[data-testid=import-success]').textContent()).toMatch(/新增\s*1\s*条/);
    await screenshot(app.page, '05-import-ok');
    await app.page.click('[data-testid=dialog-submit]');
    await search('facilities', '新建社区卫生服务中心');
    await expect.poll(() => cell('facilities', 'N1', 'beds_open').textContent()).toBe('40');
  });

  it('switches to English and back', async () => {
    await app.page.click('[data-testid=lang-en]');
    await expect.poll(() => app.page.locator('[data-testid=tab-facilities]').textContent()).toMatch(/Facilities/i);
    await expect.poll(() => app.page.locator('[data-testid=sample-badge]').textContent()).toContain('Sample data');
    await screenshot(app.page, '06-english');
    await app.page.click('[data-testid=lang-zh]');
    await expect.poll(() => app.page.locator('[data-testid=tab-facilities]').textContent()).toContain('医疗卫生机构');
  });
});
