// End-to-end: the File menu — Save As, New, Open (with a refusal), recent files, export and template downloads.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-files-');
let app: App;
const page = () => app.page;

async function menu(item: string, sub?: string) {
  await page().click('[data-testid=menu-file]');
  if (sub) await page().hover(`[data-testid=menuitem-${sub}]`);
  await page().click(`[data-testid=menuitem-${item}]`);
}

async function planDialog(item: 'file-new' | 'file-open' | 'file-save-as', file: string, name?: string) {
  await menu(item);
  await page().locator('[data-testid=plan-path-input]').fill(file);
  if (name) await page().locator('[data-testid=plan-name-input]').fill(name);
  await page().click('[data-testid=dialog-submit]');
}

const statusFile = () => page().locator('[data-testid=status-file]').textContent();

describe('the File menu', () => {
  beforeAll(async () => {
    app = await launchApp(home);
    await openUnits(page());
  });
  afterAll(async () => app?.close());

  it('saves the sample under a new name and continues there', async () => {
    const copy = path.join(home, '我的方案.hplan');
    await planDialog('file-save-as', copy);
    await expect.poll(statusFile).toContain('我的方案.hplan');
    expect(fs.existsSync(copy)).toBe(true);
    await expect.poll(() => page().locator('[data-testid=units-grid] [data-testid=grid-row]').count()).toBeGreaterThan(5);
  });

  it('creates an empty plan', async () => {
    await planDialog('file-new', path.join(home, '新方案.hplan'), '测试区规划');
    await expect.poll(statusFile).toContain('新方案.hplan');
    await expect.poll(() => page().locator('[data-testid=plan-name]').textContent()).toContain('测试区规划');
    await expect.poll(() => page().locator('[data-testid=units-grid] [data-testid=grid-row]').count()).toBe(0);
    await expect.poll(() => page().locator('[data-testid=sample-badge]').count()).toBe(0);
    await screenshot(page(), '10-new-plan');
  });

  it('refuses to open a file that is not a plan, saying so in the dialog', async () => {
    const notPlan = path.join(home, 'notes.hplan');
    fs.writeFileSync(notPlan, '这不是方案');
    await planDialog('file-open', notPlan);
    await expect.poll(() => page().locator('[data-testid=dialog-error]').textContent()).toContain('不是 HealthPlan 方案文件');
    await screenshot(page(), '11-open-refused');
    await page().click('[data-testid=dialog-cancel]');
    await expect.poll(statusFile).toContain('新方案.hplan');
    expect(fs.readFileSync(notPlan, 'utf8')).toBe('这不是方案');
  });

  it('reopens a plan from the recent files', async () => {
    await page().click('[data-testid=menu-file]');
    await page().hover('[data-testid=menuitem-file-recent]');
    const item = page().locator('[data-testid^=menuitem-recent-]', { hasText: '我的方案.hplan' });
    await item.click();
    await expect.poll(statusFile).toContain('我的方案.hplan');
    await expect.poll(() => page().locator('[data-testid=units-grid] [data-testid=grid-row]').count()).toBeGreaterThan(5);
  });

  it('exports the facilities table as .xlsx and saves an import template', async () => {
    const [download] = await Promise.all([page().waitForEvent('download'), menu('export-facilities-xlsx', 'file-export-facilities')]);
    expect(download.suggestedFilename()).toMatch(/医疗卫生机构\.xlsx$/);
    const saved = path.join(home, download.suggestedFilename());
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK'); // a zip: an .xlsx workbook
    await menu('file-template');
    await page().click('[data-testid=template-table-facilities]');
    await page().click('[data-testid=template-format-xlsx]');
    const [tpl] = await Promise.all([page().waitForEvent('download'), page().click('[data-testid=dialog-submit]')]);
    expect(tpl.suggestedFilename()).toContain('导入模板');
  });
});
