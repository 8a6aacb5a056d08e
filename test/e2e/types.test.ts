// End-to-end: 文件 → 机构类别对照… on the sample plan at 1280×720. The plan's own table starts empty; D110 (WS 218-2002
// 综合门诊部, a category the tool does not plan) is added as 社区卫生服务站 and listed, then changed and removed; a
// name the tool already reads (中心卫生院, C210) is refused with the service's message; the built-in categories are
// searched and name their source. Screenshots: test-results/screenshots/types-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-types-');
let app: App;
const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const planAliases = async () => (await app.door.service.call('types.aliases', {})).plan;

describe('机构类别对照', () => {
  beforeAll(async () => {
    app = await launchApp(home, { width: 1280, height: 720 });
    await openUnits(app.page);
  }, 120_000);
  afterAll(async () => app?.close());

  it('opens from 文件 with the plan’s table empty and the 37 built-in categories, their source named', async () => {
    await app.page.click('[data-testid=menu-file]');
    await app.page.click('[data-testid=menuitem-file-types]');
    await q('types-dialog').waitFor();
    await q('types-plan-empty').waitFor();
    await expect.poll(() => q('types-builtin-row').count()).toBe(37);
    expect(await q('types-source').textContent()).toContain('WS 218-2002《卫生机构（组织）分类与代码》');
    // A 综合医院 reads by its level; 门诊部 is not planned.
    expect(await q('types-builtin-row').and(app.page.locator('[data-code=A100]')).textContent()).toContain('按医院等级');
    expect(await q('types-builtin-row').and(app.page.locator('[data-code=D110]')).textContent()).toBe('D110综合门诊部（门诊部）本工具不规划这类机构');
  });

  it('asks for the text first, then adds D110 → 社区卫生服务站 and lists it', async () => {
    await q('types-add').click();
    expect(await q('types-said-error').textContent()).toBe('请填写表中的写法');
    await q('types-add-written').fill('D110');
    await q('types-add').click();
    expect(await q('types-said-error').textContent()).toBe('请选择「D110」对应的本工具类型');
    expect(await planAliases()).toEqual([]);

    await q('types-add-type').selectOption('chs_station');
    await q('types-add').click();
    await expect.poll(() => q('types-said-ok').textContent()).toBe('已添加：「D110」→ 社区卫生服务站');
    await expect.poll(() => q('types-alias').count()).toBe(1);
    expect(await q('types-alias').getAttribute('data-written')).toBe('D110');
    expect(await q('types-alias-type').inputValue()).toBe('chs_station');
    expect(await planAliases()).toEqual([{ written: 'D110', type: 'chs_station' }]);
    expect(await q('types-add-written').inputValue()).toBe('');
  });

  it('refuses a name the tool already reads, with the service’s message, and keeps the table as it was', async () => {
    await q('types-add-written').fill('中心卫生院');
    await q('types-add-type').selectOption('thc');
    await q('types-add-written').press('Enter'); // Enter in the add row adds it
    await expect.poll(() => q('types-said-error').textContent()).toBe('「中心卫生院」本工具已能读出（中心卫生院），不需要对照');
    expect(await planAliases()).toEqual([{ written: 'D110', type: 'chs_station' }]);
    expect(await q('types-alias').count()).toBe(1);
  });

  it('searches the built-in categories (卫生院: C100, C210, C220) and fits 1280×720 without cutting the Chinese', async () => {
    await q('types-search').fill('卫生院');
    await expect.poll(() => q('types-builtin-row').count()).toBe(3);
    expect(await q('types-builtin-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-code')))).toEqual(['C100', 'C210', 'C220']);
    expect(await q('types-builtin-count').textContent()).toBe('3 / 37 类');
    // Nothing in the dialog is wider than the dialog (no text pushed out sideways).
    const overflow = await q('types-dialog').evaluate((d) => {
      const body = d.querySelector('.modal-body')!;
      return { body: body.scrollWidth - body.clientWidth, dialog: d.getBoundingClientRect().right <= window.innerWidth };
    });
    expect(overflow).toEqual({ body: 0, dialog: true });
    await screenshot(app.page, 'types-01-dialog');
  });

  it('changes an entry by its select and removes it', async () => {
    await q('types-alias-type').selectOption('village_clinic');
    await expect.poll(() => q('types-said-ok').textContent()).toBe('已改为：「D110」→ 村卫生室');
    expect(await planAliases()).toEqual([{ written: 'D110', type: 'village_clinic' }]);
    await q('types-alias-remove').click();
    await q('types-plan-empty').waitFor();
    expect(await q('types-said-ok').textContent()).toBe('已删除「D110」的对照');
    expect(await planAliases()).toEqual([]);
    await screenshot(app.page, 'types-02-removed');
  });

  it('in English: the menu item, the title, the source, and A100 (read only with a level) added and removed', async () => {
    await q('types-close').click();
    await app.page.click('[data-testid=lang-en]');
    await app.page.click('[data-testid=menu-file]');
    expect(await app.page.locator('[data-testid=menuitem-file-types]').textContent()).toBe('Facility-type table…');
    await app.page.click('[data-testid=menuitem-file-types]');
    await expect.poll(() => app.page.locator('[data-testid=types-dialog] h2').textContent()).toBe('Facility-type table');
    expect(await q('types-source').textContent()).toContain('WS 218-2002');
    expect(await q('types-builtin-count').textContent()).toBe('37 / 37 categories');
    await q('types-add-written').fill('A100');
    await q('types-add-type').selectOption('tertiary_hospital');
    await q('types-add').click();
    // 综合医院 (A100) reads by its level: without one it is not a type the tool reads, so the plan may map it.
    await expect.poll(() => q('types-said-ok').textContent()).toBe('Added: “A100” → Tertiary hospital');
    await screenshot(app.page, 'types-03-english');
    await q('types-alias-remove').click();
    await q('types-plan-empty').waitFor();
  });
});
