// End-to-end: the 指标标准 dialog — copy a shipped set, edit it, make it the plan's set, and see the
// gaps computed against it; a refused save names the field; unsaved changes and deletion ask first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-standards-');
let app: App;

const FROM = 'changsha-14fyp-2025';
const COPY = `${FROM}-copy`; // the id the dialog suggests
const BEDS = 'beds-per-1000';
const REMOVED = 'childcare-per-street';
const ADD_FROM = 'changsha-primary-2025';
const ADDED = 'community-hospital-beds';

const dialog = () => app.page.locator('[data-testid=standards-dialog]');
const item = (id: string) => dialog().locator(`[data-testid=standards-item][data-id="${id}"]`);
const target = (id: string) => dialog().locator(`[data-testid=standard-target][data-id="${id}"]`);
const bedsMin = () => target(BEDS).locator('[data-testid=standard-target-min]');
const sheet = (name: string) => dialog().locator(`[data-testid=standards-${name}-sheet]`);

async function openDialog() {
  await app.page.click('[data-testid=tab-gaps]');
  await app.page.locator('[data-testid=gaps-manage-standards]').click();
  await dialog().locator('[data-testid=standards-detail]').waitFor();
}

async function evaluate() {
  return app.door.service.call('gaps.evaluate', { scenarioId: 1, onlyShort: false });
}

describe('standard sets dialog', () => {
  beforeAll(async () => {
    app = await launchApp(home);
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('lists shipped sets, marks the one in use, and shows its targets with their sources', async () => {
    await openDialog();
    expect(await dialog().locator('[data-testid=standards-item]').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => item(FROM).textContent()).toContain('使用中');
    expect(await dialog().locator('[data-testid=standards-detail]').getAttribute('data-id')).toBe(FROM);
    const beds = target(BEDS);
    expect(await beds.textContent()).toContain('与人口之比');
    expect(await beds.locator('[data-testid=standard-target-rule]').textContent()).toBe('实有床位：每千常住人口 ≥ 11 张');
    expect(await beds.textContent()).toContain('长政办发〔2021〕62号');
    expect(await target('pharmacists-per-1000').textContent()).toContain('约束性');
    // A shipped set is read-only: no inputs, no save.
    expect(await bedsMin().count()).toBe(0);
    expect(await dialog().locator('[data-testid=standards-save]').count()).toBe(0);
    await screenshot(app.page, 'standards-01-shipped');
  });

  it('copies the Changsha set under a new name', async () => {
    await dialog().locator('[data-testid=standards-copy]').click();
    expect(await sheet('copy').locator('[data-testid=standards-copy-id]').inputValue()).toBe(COPY);
    await sheet('copy').locator('[data-testid=standards-copy-name]').fill('我的长沙标准');
    await screenshot(app.page, 'standards-02-copy');
    await sheet('copy').locator('[data-testid=sheet-confirm]').click();
    await expect.poll(() => dialog().locator('[data-testid=standards-detail]').getAttribute('data-id')).toBe(COPY);
    expect(await item(COPY).textContent()).toContain('我的长沙标准');
    expect(await bedsMin().inputValue()).toBe('11');
  });

  it('refuses a negative value, naming the target and the field', async () => {
    const error = dialog().locator('[data-testid=standards-error]');
    await bedsMin().fill('十一');
    await dialog().locator('[data-testid=standards-save]').click();
    await expect.poll(() => error.textContent()).toContain('有数值无法识别');
    await bedsMin().fill('-1');
    expect(await error.count()).toBe(0);
    await dialog().locator('[data-testid=standards-save]').click();
    await error.waitFor();
    // The planner's words, once: the target, the field and the fix; no error code, no zod path (issue 12).
    const said = await error.textContent();
    expect(said).toContain('未能保存');
    expect(said).toContain('指标「每千常住人口床位数」的「要求值」不能小于 0，请填写 0 或更大的数');
    expect(said!.split('不能小于 0').length).toBe(2);
    expect(said).not.toMatch(/错误代码|INVALID_ARGS|targets\.|Too small/);
    expect(await error.getAttribute('data-code')).toBe('INVALID_ARGS');
    expect(await bedsMin().getAttribute('aria-invalid')).toBe('true');
    await screenshot(app.page, 'standards-03-refused');
  });

  it('edits a value, removes a target, adds one from another set, saves and uses the set', async () => {
    await bedsMin().fill('9');
    await target(REMOVED).locator('[data-testid=standard-target-remove]').click();
    expect(await target(REMOVED).count()).toBe(0);

    await dialog().locator('[data-testid=standards-add-target]').click();
    await sheet('add').locator('[data-testid=standards-add-set]').selectOption(ADD_FROM);
    await sheet('add').locator(`[data-testid=standards-add-option][data-id="${ADDED}"]`).click();
    await screenshot(app.page, 'standards-04-add-target');
    await sheet('add').locator('[data-testid=sheet-confirm]').click();
    await target(ADDED).waitFor();
    await target(ADDED).scrollIntoViewIfNeeded();
    expect(await dialog().locator('[data-testid=standards-dirty]').isVisible()).toBe(true);
    await screenshot(app.page, 'standards-05-edited');

    // Nothing is written before 保存.
    expect((await app.door.service.call('standards.get', { id: COPY })).targets.find((x) => x.id === BEDS)?.min).toBe(11);
    await dialog().locator('[data-testid=standards-save]').click();
    await expect.poll(() => dialog().locator('[data-testid=standards-done]').textContent()).toBe('已保存「我的长沙标准」');
    expect(await dialog().locator('[data-testid=standards-dirty]').count()).toBe(0);
    expect(await dialog().locator('[data-testid=standards-error]').count()).toBe(0);

    await dialog().locator('[data-testid=standards-use]').click();
    await expect.poll(() => dialog().locator('[data-testid=standards-current]').textContent()).toBe('我的长沙标准');
    expect(await item(COPY).textContent()).toContain('使用中');
    await screenshot(app.page, 'standards-06-in-use');
    await dialog().locator('[data-testid=dialog-cancel]').click();
    expect(await dialog().count()).toBe(0);
    // The gaps screen reads the plan's choice again when the dialog closes.
    await expect.poll(() => app.page.locator('[data-testid=gaps-standard-select]').inputValue()).toBe(COPY);
    await screenshot(app.page, 'standards-07-gaps-screen');
  });

  it('the plan is now measured against the copy, with the new value', async () => {
    const settings = await app.door.service.call('gaps.settings', {});
    expect(settings).toEqual({ standardId: COPY, year: 2025 });
    const report = await evaluate();
    expect(report.standard).toBe(COPY);
    expect(report.standardName).toBe('我的长沙标准');
    expect(report.targets.find((x) => x.id === BEDS)?.min).toBe(9);
    expect(report.targets.some((x) => x.id === REMOVED)).toBe(false);
    expect(report.targets.some((x) => x.id === ADDED)).toBe(true);
    expect(report.results.find((r) => r.target === BEDS && r.scope === 'region')?.required).toBe(9);
  });

  it('reopens on the set in use with the edit kept; unsaved changes ask before closing', async () => {
    await openDialog();
    expect(await dialog().locator('[data-testid=standards-detail]').getAttribute('data-id')).toBe(COPY);
    expect(await bedsMin().inputValue()).toBe('9');
    expect(await target(REMOVED).count()).toBe(0);
    expect(await target(ADDED).count()).toBe(1);

    await bedsMin().fill('10');
    await app.page.keyboard.press('Escape');
    await sheet('discard').waitFor();
    await screenshot(app.page, 'standards-08-unsaved');
    await sheet('discard').locator('[data-testid=sheet-cancel]').click(); // 继续编辑
    expect(await bedsMin().inputValue()).toBe('10');
    await dialog().locator('[data-testid=dialog-cancel]').click();
    await sheet('discard').locator('[data-testid=sheet-confirm]').click(); // 放弃修改
    expect(await dialog().count()).toBe(0);
    expect((await evaluate()).targets.find((x) => x.id === BEDS)?.min).toBe(9);
  });

  it('reads well in English', async () => {
    await app.page.click('[data-testid=lang-en]');
    await openDialog();
    expect(await target(BEDS).locator('[data-testid=standard-target-rule]').textContent()).toBe('Open beds: ≥ 9 beds per 1,000 residents');
    await screenshot(app.page, 'standards-09-english');
    await dialog().locator('[data-testid=dialog-cancel]').click();
    await app.page.click('[data-testid=lang-zh]');
  });

  it('deletes the copy in use, after saying the plan falls back to a shipped set', async () => {
    await openDialog();
    await dialog().locator('[data-testid=standards-delete]').click();
    await sheet('delete').waitFor();
    expect(await sheet('delete').textContent()).toContain('删除后将改用内置标准「长沙市“十四五”卫生健康事业发展规划（2025年）」');
    await screenshot(app.page, 'standards-10-delete');
    await sheet('delete').locator('[data-testid=sheet-confirm]').click();
    await expect.poll(() => item(COPY).count()).toBe(0);
    await expect.poll(() => dialog().locator('[data-testid=standards-detail]').getAttribute('data-id')).toBe(FROM);
    expect((await app.door.service.call('gaps.settings', {})).standardId).toBe(FROM);
    expect((await evaluate()).standard).toBe(FROM);
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(app.page, 'standards-11-small-window');
  });
});
