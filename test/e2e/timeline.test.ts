// End-to-end: the 规划项目 tab on the sample plan — 开福区's six projects from 开政办发〔2022〕26号, the
// year matrix against the Kaifu set, 查看年份, adding an expansion, an upgrade and a new 120 station
// through the form (a refusal first), editing and removing one, and the gap screen's year counting them; a 其他项目
// (an information platform, 在建, with its 责任单位 and cost), the projects sheet exported and imported back (all
// unchanged) and a sheet of one row checked with 替换. Screenshots at each step (test-results/screenshots/timeline-*.png).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-timeline-');
let app: App;
const XINHE = 'F430105009-CHC'; // 新河街道社区卫生服务中心
const HOSPITAL = 'F430105-PH'; // 长沙市开福区人民医院

const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const projectRows = () => q('timeline-projects').locator('[data-testid=timeline-project]');
const cell = (target: string, year: number) => q('timeline-matrix').locator(`[data-testid=timeline-cell][data-target="${target}"][data-year="${year}"]`);
/** Waits for what the service recomputes (a summary over many years, cold on first use, takes a second or two). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const names = () => projectRows().locator('[data-testid=timeline-project-name]').allTextContents();

describe('规划项目', () => {
  beforeAll(async () => {
    app = await launchApp(home);
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it("lists the six Kaifu projects with their years, changes and source, then the other seeds' 17", async () => {
    await app.page.click('[data-testid=tab-timeline]');
    await q('timeline-matrix').waitFor();
    await poll(() => projectRows().count()).toBe(23);
    // After 开福区's six: 62号's 河西新院, 6号's 12 sub-centres and 62号's 云平台 (2025); 资阳区's two sub-centres and 智慧医疗中心 (2030).
    expect(await projectRows().evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-year')} ${r.getAttribute('data-kind')}`))).toEqual([
      '2022 relocate',
      '2022 relocate',
      '2022 relocate',
      '2023 relocate',
      '2023 expand',
      '2024 relocate',
      '2025 new',
      ...Array<string>(12).fill('2025 upgrade'),
      '2025 other',
      '2030 upgrade',
      '2030 upgrade',
      '2030 other',
    ]);
    const all = await names();
    for (const street of ['望麓园', '伍家岭', '沙坪', '新河', '芙蓉北路', '秀峰'])
      expect(
        all.some((n) => n.startsWith(street)),
        street,
      ).toBe(true);
    const xinhe = projectRows().filter({ hasText: '新河街道社区卫生服务中心扩建提质' });
    expect(await xinhe.locator('[data-testid=timeline-project-changes]').textContent()).toContain('业务用房面积 +1,500 ㎡');
    expect(await xinhe.textContent()).toContain('开政办发〔2022〕26号 §四(一)3');
    expect(await q('timeline-projects-count').textContent()).toBe('共 23 个');
    await screenshot(app.page, 'timeline-01-projects');
  });

  it('shows the matrix of years × targets for the Kaifu set, and 查看年份 marks a year', async () => {
    await q('timeline-standard').selectOption('kaifu-2024');
    // A target only the Kaifu set has: the summary of the set chosen has arrived.
    await poll(() => q('timeline-matrix').locator('[data-testid=timeline-row][data-target="senior-titles-share"]').count()).toBe(1);
    await poll(() => q('timeline-from').inputValue()).toBe('2021');
    // To the year after the last project: 资阳区's of 2030.
    expect(await q('timeline-to').inputValue()).toBe('2031');
    const years = await q('timeline-year').evaluateAll((hs) => hs.map((h) => h.getAttribute('data-year')));
    expect(years).toEqual(['2021', '2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030', '2031']);
    expect(await q('timeline-matrix').locator('[data-testid=timeline-year-projects][data-year="2022"]').textContent()).toBe('3 个');
    // 4 GPs per 10,000 (开政办发〔2022〕26号 §四(一)4): the sample falls short, and further as the population grows.
    await poll(() => cell('gps-per-10000', 2024).getAttribute('data-status')).toBe('short');
    // The 10-minute circle (§四(二)9) each year by the access engine, as the gap screen judges it for that year.
    expect(await cell('ems-10-minute-circle', 2024).getAttribute('data-status')).toBe('short');
    expect(await q('timeline-notes').textContent()).not.toContain('可及性指标未逐年计算');
    // The year viewed follows the set's year, then the slider / the year's header.
    expect(await q('timeline-view-year').inputValue()).toBe('2024');
    expect(await q('timeline-done-by').textContent()).toBe('截至 2024 年完成 6 个，其后 17 个');
    await q('timeline-matrix').locator('[data-testid=timeline-year][data-year="2022"] button').click();
    await poll(() => q('timeline-done-by').textContent()).toBe('截至 2022 年完成 3 个，其后 20 个');
    expect(await projectRows().evaluateAll((rows) => rows.filter((r) => r.classList.contains('is-done')).length)).toBe(3);
    expect(await q('timeline-tally').textContent()).toMatch(/^2022 年：达标 \d+ 项，接近 \d+ 项，不足 \d+ 项$/);
    await screenshot(app.page, 'timeline-02-matrix-kaifu');
  });

  it('refuses an expansion without changes, then adds one: the matrix follows', async () => {
    await q('timeline-standard').selectOption('changsha-primary-2025');
    await poll(() => q('timeline-matrix').locator('[data-testid=timeline-row][data-target="community-hospital-beds"]').count()).toBe(1);
    await q('timeline-add').click();
    await q('timeline-form').waitFor();
    await q('tl-year').fill('2024');
    await q('tl-kind-expand').check();
    await q('tl-facility').fill(HOSPITAL);
    await poll(() => q('tl-facility-picked').textContent()).toContain('长沙市开福区人民医院');
    await q('dialog-submit').click();
    await poll(() => q('dialog-error').textContent()).toContain('「变化」扩建项目须至少填写一项增减');
    await screenshot(app.page, 'timeline-03-form-refused');

    await q('tl-figure-beds_open').fill('40');
    await q('tl-figure-floor_area_m2').fill('2000');
    await q('tl-cost').fill('3500');
    await q('tl-document').fill('开政办发〔2022〕26号');
    await q('tl-clause').fill('§四(一)1');
    await screenshot(app.page, 'timeline-04-form-filled');
    await q('dialog-submit').click();
    await poll(() => q('timeline-form').count()).toBe(0);
    await poll(() => projectRows().count()).toBe(24);
    const added = projectRows().filter({ hasText: '长沙市开福区人民医院扩建' });
    expect(await added.locator('[data-testid=timeline-project-changes]').textContent()).toBe('床位 +40；业务用房面积 +2,000 ㎡');
    expect(await added.textContent()).toContain('3,500');
    expect(await q('timeline-view-year').inputValue()).toBe('2024'); // the year of the project just added
    await screenshot(app.page, 'timeline-05-added');
  });

  it('adds an upgrade (CHC → community hospital) in 2025: the community-hospital targets change from that year', async () => {
    const communityHospitals = async (year: number) => Number((await cell('community-hospitals-40', year).textContent())?.match(/^(\d+)/)?.[1]);
    await poll(() => cell('community-hospitals-40', 2025).count()).toBe(1);
    const before = await communityHospitals(2025);
    const floorArea = q('timeline-matrix').locator('[data-testid=timeline-row][data-target="community-hospital-floor-area"] [data-testid=timeline-met-from]');
    expect(await floorArea.textContent()).toBe('各年均达标');
    await q('timeline-add').click();
    await q('timeline-form').waitFor();
    await q('tl-year').fill('2025');
    await q('tl-kind-upgrade').check();
    await q('tl-facility').fill(XINHE);
    await poll(() => q('tl-type').inputValue()).toBe('community_hospital'); // what a CHC usually becomes
    await q('tl-facility-name').fill('长沙市开福区新河社区医院（二部）');
    await q('tl-figure-beds_open').fill('30');
    await q('dialog-submit').click();
    await poll(() => projectRows().count()).toBe(25);
    const upgraded = projectRows().filter({ hasText: '新河街道社区卫生服务中心升级' });
    expect(await upgraded.locator('[data-testid=timeline-project-changes]').textContent()).toBe(
      '社区卫生服务中心 → 社区医院；更名为「长沙市开福区新河社区医院（二部）」；床位 +30',
    );
    await poll(() => communityHospitals(2025)).toBe(before + 1);
    expect(await communityHospitals(2024)).toBe(before);
    // As a community hospital its 2,650 m² (1,150 + 1,500 from 2023) falls short of 3,000 m² (长政办发〔2023〕6号).
    expect(await floorArea.textContent()).toBe('2025 年起不达标');
    expect(await cell('community-hospital-floor-area', 2025).getAttribute('data-status')).toBe('near');
    await screenshot(app.page, 'timeline-06-upgrade');
  });

  it('adds a new facility (a 120 station) in 2026 at a site, named after its community', async () => {
    await q('timeline-add').click();
    await q('timeline-form').waitFor();
    await q('tl-year').fill('2026');
    await q('tl-kind-new').check();
    expect(await q('tl-facility').count()).toBe(0);
    await q('tl-type').selectOption('ems_station');
    await q('tl-lon').fill('113.0705');
    await q('tl-lat').fill('28.2790');
    await q('tl-figure-ambulances').fill('2');
    await screenshot(app.page, 'timeline-07-form-new');
    await q('dialog-submit').click();
    await poll(() => projectRows().count()).toBe(26);
    // After the 7 projects up to 2024 and the 15 of 2025, before 资阳区's 3 of 2030.
    const built = projectRows().nth(22);
    expect(await built.getAttribute('data-kind')).toBe('new');
    expect(await built.locator('[data-testid=timeline-project-changes]').textContent()).toBe('新建120急救站；救护车 2 辆');
    expect(await built.locator('[data-testid=timeline-project-name]').textContent()).toMatch(/社区新建120急救站$/);
    const at = await app.door.service.call('timeline.facilities', { scenarioId: 1, year: 2026 });
    expect(at.facilities.find((f) => f.id === 'NEW-ems_station-1')).toMatchObject({
      type: 'ems_station',
      ambulances: 2,
      unit_code: expect.stringMatching(/^430105019\d{3}$/),
    });
  });

  it('edits and removes a project', async () => {
    const added = projectRows().filter({ hasText: '长沙市开福区人民医院扩建' });
    await added.locator('[data-testid=timeline-edit]').click();
    await q('timeline-form').waitFor();
    expect(await q('tl-figure-beds_open').inputValue()).toBe('40');
    await q('tl-figure-beds_open').fill('60');
    await q('dialog-submit').click();
    await poll(() => added.locator('[data-testid=timeline-project-changes]').textContent()).toBe('床位 +60；业务用房面积 +2,000 ㎡');

    const upgraded = projectRows().filter({ hasText: '新河街道社区卫生服务中心升级' });
    await upgraded.locator('[data-testid=timeline-remove]').click();
    expect(await upgraded.locator('[data-testid=timeline-remove]').textContent()).toBe('确认删除');
    await upgraded.locator('[data-testid=timeline-remove]').click();
    await poll(() => projectRows().count()).toBe(25);
    const ps = await app.door.service.call('projects.list', { scenarioId: 1 });
    expect(ps.find((p) => p.name === '长沙市开福区人民医院扩建')!.deltas).toEqual({ beds_open: 60, floor_area_m2: 2000 });
  });

  it("the gap screen's year counts the projects up to it", async () => {
    await app.page.click('[data-testid=tab-gaps]');
    await q('gaps-summary').waitFor();
    await poll(() => q('gaps-notes').textContent()).toContain('已计入截至该年的规划项目 20 个（新建 1 个、迁建 5 个、扩建 2 个、升级 12 个）');
    await screenshot(app.page, 'timeline-08-gaps-notes');
    await app.page.click('[data-testid=tab-timeline]');
    await q('timeline-matrix').waitFor();
  });

  it('reads in English, and keeps its text whole in a smaller window', async () => {
    await app.page.click('[data-testid=lang-en]');
    await poll(() => q('timeline-projects-count').textContent()).toBe('25 in all');
    expect(await projectRows().first().locator('.tl-kind').textContent()).toBe('Relocation');
    await screenshot(app.page, 'timeline-09-english');
    await app.page.click('[data-testid=lang-zh]');
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await poll(() => q('timeline-projects-count').textContent()).toBe('共 25 个');
    await screenshot(app.page, 'timeline-10-small-window');
  });

  it('adds a 其他项目 (no facility) with its 责任单位 and 在建: the table tags it, the year and the range carry its cost', async () => {
    // Cost of 2025's projects before (the upgrade of 2025 was removed above; other sample projects may remain).
    const costOf = async (year: number) => {
      const text = (await q('timeline-matrix').locator(`[data-testid=timeline-year-cost][data-year="${year}"]`).textContent()) ?? '';
      return text === '·' ? 0 : Number(text.replace(/,/g, ''));
    };
    const rangeTotal = async () => Number((await q('timeline-range-cost').textContent())!.replace(/^合计 /, '').replace(/,/g, ''));
    await poll(() => q('timeline-matrix').locator('[data-testid=timeline-year-cost][data-year="2025"]').count()).toBe(1);
    const before2025 = await costOf(2025);
    const totalBefore = await rangeTotal();
    const n = await projectRows().count(); // after the edits above

    await q('timeline-add').click();
    await q('timeline-form').waitFor();
    await q('tl-year').fill('2025');
    await q('tl-kind-other').check();
    // No facility, no figures: 其他项目 changes none.
    expect(await q('tl-facility').count()).toBe(0);
    expect(await q('tl-figure-beds_open').count()).toBe(0);
    await q('tl-name').fill('开福区全民健康信息平台建设');
    await q('tl-cost').fill('1200');
    await q('tl-unit').fill('430105009000'); // 新河街道
    await poll(() => q('tl-unit-picked').textContent()).toContain('430105009000');
    await q('tl-responsible').fill('开福区卫生健康局');
    await q('tl-status').selectOption('building');
    await screenshot(app.page, 'timeline-11-form-other');
    await q('dialog-submit').click();
    await poll(() => q('timeline-form').count()).toBe(0);
    await poll(() => projectRows().count()).toBe(n + 1);

    const platform = projectRows().filter({ hasText: '开福区全民健康信息平台建设' });
    expect(await platform.getAttribute('data-kind')).toBe('other');
    expect(await platform.locator('.tl-kind').textContent()).toBe('其他项目');
    const tag = platform.locator('[data-testid=timeline-project-status]');
    expect(await tag.textContent()).toBe('在建');
    expect(await tag.evaluate((el) => el.classList.contains('is-building'))).toBe(true);
    expect(await platform.locator('[data-testid=timeline-project-responsible]').textContent()).toBe('开福区卫生健康局');
    // Where a facility would be: its 责任单位 and the unit it is in.
    expect(await platform.locator('.tl-facility').textContent()).toMatch(/^开福区卫生健康局 · .*新河/);
    expect(await platform.locator('[data-testid=timeline-project-changes]').textContent()).toBe('不改变机构（仅计投资）');
    // The sample's projects carry no status: 计划.
    expect(await projectRows().first().locator('[data-testid=timeline-project-status]').textContent()).toBe('计划');
    // 2025's cost and the range's total both grow by the platform's 1,200 万元.
    await poll(() => costOf(2025)).toBe(before2025 + 1200);
    expect(await rangeTotal()).toBe(totalBefore + 1200);
    expect(await q('timeline-cost').textContent()).toContain(`年投资合计 ${new Intl.NumberFormat('zh-CN').format(totalBefore + 1200)} 万元`);
    await platform.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'timeline-12-other-project');

    // Editing it shows what was given.
    await platform.locator('[data-testid=timeline-edit]').click();
    await q('timeline-form').waitFor();
    expect(await q('tl-responsible').inputValue()).toBe('开福区卫生健康局');
    expect(await q('tl-status').inputValue()).toBe('building');
    expect(await q('tl-unit').inputValue()).toBe('430105009000');
    await q('dialog-cancel').click();
  });

  it('exports the projects sheet and imports it back: the check finds every project unchanged, and the import changes nothing', async () => {
    const n = await projectRows().count(); // the projects after the edits above, and the platform
    const [download] = await Promise.all([app.page.waitForEvent('download'), q('timeline-export').click()]);
    expect(download.suggestedFilename()).toMatch(/-规划项目\.xlsx$/);
    const saved = path.join(home, download.suggestedFilename());
    await download.saveAs(saved);

    await q('timeline-import').click();
    await q('timeline-import-dialog').waitFor();
    await q('import-file-input').setInputFiles(saved);
    expect(await q('dialog-submit').textContent()).toBe('检查');
    await q('dialog-submit').click();
    await poll(() => q('import-success').textContent()).toBe(`检查通过（未写入）：将新增 0 条，修改 0 条，未变 ${n} 条`);
    expect(await q('dialog-submit').textContent()).toBe('确认导入');
    await screenshot(app.page, 'timeline-13-import-checked');
    await q('dialog-submit').click();
    await poll(() => q('import-success').textContent()).toBe(`导入完成：新增 0 条，修改 0 条，未变 ${n} 条`);
    await q('dialog-submit').click(); // 关闭
    await poll(() => q('timeline-import-dialog').count()).toBe(0);
    expect(await projectRows().count()).toBe(n);
    const ps = await app.door.service.call('projects.list', { scenarioId: 1 });
    expect(ps.find((p) => p.name === '开福区全民健康信息平台建设')).toMatchObject({
      name: '开福区全民健康信息平台建设',
      cost: 1200,
      responsible_unit: '开福区卫生健康局',
      status: 'building',
      unit_code: '430105009000',
      facility_id: null,
    });
  });

  it('checks a sheet of one row with 替换: one added, every other project would go; a bad status is refused with its row; nothing is written', async () => {
    const n = await projectRows().count();
    const one = path.join(home, '培训项目.csv');
    writeFileSync(one, '年份,项目类型,项目名称,投资（万元）,责任单位,状态\n2024,其他项目,基层卫生人员培训,80,开福区卫生健康局,完工\n');
    await q('timeline-import').click();
    await q('timeline-import-dialog').waitFor();
    await q('import-file-input').setInputFiles(one);
    await q('timeline-import-replace').check();
    await q('dialog-submit').click();
    await poll(() => q('import-success').textContent()).toBe('检查通过（未写入）：将新增 1 条，修改 0 条，未变 0 条');
    expect(await q('timeline-import-removed').textContent()).toBe(`将删除表中没有的 ${n} 个项目`);
    await screenshot(app.page, 'timeline-14-import-replace');

    const bad = path.join(home, '状态有误.csv');
    // 已开工 would read as 在建; 暂缓 is no status of ours.
    writeFileSync(bad, '年份,项目类型,项目名称,投资（万元）,状态\n2024,其他项目,基层卫生人员培训,80,暂缓\n');
    await q('import-file-input').setInputFiles(bad);
    expect(await q('import-report').count()).toBe(0); // another file: the check is asked again
    await q('dialog-submit').click();
    await poll(() => q('import-failed').count()).toBe(1);
    expect(await q('import-problem').first().textContent()).toContain('第 2 行「状态」的值「暂缓」不是项目状态：请填写 计划、在建 或 完工');
    expect(await q('dialog-submit').textContent()).toBe('检查');
    await q('dialog-cancel').click();
    expect(await projectRows().count()).toBe(n);
  });
});
