// End-to-end: 实施计划 on the sample plan at 1280×720 — 开福区's years 2022–2024 with 3,000 万元 a year: the
// settings (years, money 每年相同, the scenario's projects as candidates), 测算, the actions in their years
// (each year's spend within its money, the same as the service's programme), the year × target matrix
// before → after; a rule set from the table; 生成新情景… (the app switches to it) and 规划项目 showing the
// projects in their years; the workbook exported; the briefing's programme slide where it has landed.
// Screenshots at each step (test-results/screenshots/programme-*.png).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeOut, ProgrammeQueryIn } from '../../shared/api/methods/programme.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-programme-');
let app: App;
const MONEY = 3000; // 万元 a year
const NAME = '实施计划 2022–2024';
/** The query the tab sends for these settings (checked against the service's answer). */
const QUERY: ProgrammeQueryIn & { rules: NonNullable<ProgrammeQueryIn['rules']> } = {
  scenarioId: 1,
  standardId: 'changsha-14fyp-2025',
  fromYear: 2022,
  toYear: 2024,
  money: [2022, 2023, 2024].map((year) => ({ year, amount: MONEY })),
  carryOver: false,
  candidates: { projects: true, own: [] },
  rules: [],
};
/** 开福区's six CHC projects (开政办发〔2022〕26号 §四(一)3: three in 2022, two in 2023, one in 2024) and the 万元 the planner prices them at. */
const KAIFU = ['project:1', 'project:2', 'project:3', 'project:4', 'project:5', 'project:6'];
const COST: Record<string, number> = { 'project:1': 1100, 'project:2': 1200, 'project:3': 1300, 'project:4': 1400, 'project:5': 1500, 'project:6': 1600 };

const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const poll = <T>(fn: () => Promise<T> | T, timeout = 60_000) => expect.poll(fn, { timeout });
const num = (s: string | null) => Number((s ?? '').replace(/[^\d.-]/g, ''));
/** No element whose text is cut (scrollWidth beyond its box) inside the view: Chinese is wrapped, never clipped. */
const clipped = () =>
  app.page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=programme-view] *')]
      .filter((e) => {
        const s = getComputedStyle(e);
        return e.children.length === 0 && (e.textContent ?? '').trim() !== '' && s.overflow === 'hidden' && e.scrollWidth > e.clientWidth + 1;
      })
      .map((e) => e.textContent),
  );

describe('实施计划', () => {
  let expected: ProgrammeOut;

  beforeAll(async () => {
    app = await launchApp(home, { width: 1280, height: 720 });
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('sets 2022–2024 and 3,000 万元 a year, and runs', async () => {
    await app.page.click('[data-testid=tab-programme]');
    await q('pg-form').waitFor();
    // The plan's standard year (2025) … +5 by default; nothing runs without money.
    await poll(() => q('pg-from').inputValue()).toBe('2025');
    expect(await q('pg-to').inputValue()).toBe('2030');
    expect(await q('pg-run').isDisabled()).toBe(true);
    expect(await q('pg-run-why').textContent()).toBe('请至少填写一年的资金');
    expect(await q('pg-empty').textContent()).toContain('填写年份和各年资金后点「测算」');
    await screenshot(app.page, 'programme-01-empty');

    await q('pg-from').fill('2022');
    await q('pg-to').fill('2024');
    await q('pg-money-2022').fill(String(MONEY));
    await q('pg-money-same').click();
    expect(await q('pg-money-2024').inputValue()).toBe(String(MONEY));
    expect(await q('pg-money-total').textContent()).toBe('9,000');
    expect(await q('pg-projects').isChecked()).toBe(true);
    await q('pg-run').click();
    await poll(() => q('pg-schedule').count()).toBe(1);
    await poll(() => q('pg-busy').count()).toBe(0);
    expect(await q('pg-meta').textContent()).toMatch(/ · 2022–2024 年 · 情景：基线$/);
    const first = await app.door.service.call('programme.run', QUERY);
    // The sample's projects carry no 投资估算 and its 造价标准 is empty: each is 未定价, said so, with a field to price it.
    const unpriced = KAIFU.filter((id) => first.unscheduled.some((u) => u.id === id && u.why === 'unpriced'));
    for (const id of unpriced) {
      const row = q('pg-schedule').locator(`[data-testid=pg-unscheduled-row][data-action="${id}"]`);
      expect(await row.locator('[data-testid=pg-why]').textContent()).toBe(first.unscheduled.find((u) => u.id === id)!.whyText);
      await row.locator('[data-testid=pg-cost-input]').fill(String(COST[id]));
    }
    QUERY.rules = unpriced.map((id) => ({ action: id, cost: COST[id]! }));
    await poll(() => q('pg-changed').count()).toBe(unpriced.length ? 1 : 0);
    await screenshot(app.page, 'programme-02-priced');
    await q('pg-run').click();
    await poll(() => q('pg-changed').count()).toBe(0);
    await poll(() => q('pg-busy').count()).toBe(0);

    expected = await app.door.service.call('programme.run', QUERY);
    // Every action the service places, in the column of its year, with its cost.
    const placed = expected.years.flatMap((y) => y.actions.map((a) => ({ a, year: y.year })));
    expect(placed.length).toBeGreaterThan(0);
    expect(await q('pg-placed').count()).toBe(placed.length);
    for (const { a, year } of placed) {
      const row = q('pg-schedule').locator(`[data-testid=pg-placed][data-action="${a.id}"]`);
      expect(await row.getAttribute('data-year'), a.name).toBe(String(year));
      expect(await row.textContent()).toContain(a.name);
      if (a.cost !== null) expect(num(await row.locator('[data-testid=pg-bar]').textContent())).toBe(a.cost);
    }
    // Each year's spend is the sum of its actions' costs, within its money; the foot says so.
    for (const y of expected.years) {
      expect(y.spent).toBeCloseTo(
        y.actions.reduce((s, a) => s + (a.cost ?? 0), 0),
        6,
      );
      expect(y.spent).toBeLessThanOrEqual(MONEY + 1e-6);
      const spent = q('pg-schedule').locator(`[data-testid=pg-spent-cell][data-year="${y.year}"]`);
      expect(await spent.getAttribute('data-over')).toBe('false');
      expect(await spent.textContent()).toBe(`${y.spent.toLocaleString('en-US', { maximumFractionDigits: 2 })} / 3,000`);
    }
    // Unscheduled ones say why.
    expect(await q('pg-unscheduled-row').count()).toBe(expected.unscheduled.length);
    for (const u of expected.unscheduled)
      expect(await q('pg-schedule').locator(`[data-testid=pg-unscheduled-row][data-action="${u.id}"] [data-testid=pg-why]`).textContent()).toBe(u.whyText);
    // By hand: the document's three of 2022 cost 1,100 + 1,200 + 1,300 = 3,600 万元, more than 2022's 3,000: they cannot all be done
    // in 2022, and the six (8,100) fit in the three years' 9,000 only spread over them.
    const yearOf = (id: string) => expected.years.find((y) => y.actions.some((a) => a.id === id))?.year ?? null;
    if (unpriced.length === KAIFU.length) {
      expect(['project:1', 'project:2', 'project:3'].filter((id) => yearOf(id) === 2022).length).toBeLessThan(3);
      expect(expected.years.every((y) => y.spent <= MONEY)).toBe(true);
    }
    await screenshot(app.page, 'programme-03-schedule');

    // The matrix: every target by year, the figure with the programme as the service's; binding ones marked.
    expect(await q('pg-target').count()).toBe(expected.targets.length);
    for (const x of expected.targets) {
      const row = q('pg-matrix').locator(`[data-testid=pg-target][data-target="${x.target}"]`);
      expect(await row.getAttribute('data-binding')).toBe(String(x.binding));
      const met = (y: number | null) => (y === null ? '期内未达标' : String(y));
      expect(await row.locator('[data-testid=pg-met-year]').textContent()).toBe(`${met(x.met_year_before)} → ${met(x.met_year)}`);
      for (const y of [2022, 2023, 2024]) {
        const c = row.locator(`[data-testid=pg-cell][data-year="${y}"]`);
        expect(await c.getAttribute('data-status')).toBe(x.by_year[String(y)]?.status ?? 'none');
        expect(await c.getAttribute('data-before')).toBe(x.before[String(y)]?.status ?? 'none');
      }
    }
    expect(await q('pg-binding').count()).toBe(expected.targets.filter((x) => x.binding).length);
    await q('pg-matrix').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'programme-04-matrix');
    expect(await clipped()).toEqual([]);
  });

  it('a rule from the table: the settings change until run again', async () => {
    const first = q('pg-placed').first();
    const id = (await first.getAttribute('data-action'))!;
    await first.locator('[data-testid=pg-rule]').selectOption('fix:2024');
    await poll(() => q('pg-changed').count()).toBe(1);
    await q('pg-run').click();
    await poll(() => q('pg-changed').count()).toBe(0);
    await poll(() => q('pg-busy').count()).toBe(0);
    const again = await app.door.service.call('programme.run', { ...QUERY, rules: QUERY.rules.map((r) => (r.action === id ? { ...r, fixedYear: 2024 } : r)) });
    const year = again.years.find((y) => y.actions.some((a) => a.id === id))?.year ?? null;
    const row = q('pg-schedule').locator(`[data-testid=pg-placed][data-action="${id}"]`);
    if (year === null) expect(await row.count()).toBe(0);
    else expect(await row.getAttribute('data-year')).toBe(String(year));
    // Back to any year, and run again: the programme first shown.
    await row
      .or(q('pg-schedule').locator(`[data-testid=pg-unscheduled-row][data-action="${id}"]`))
      .locator('[data-testid=pg-rule]')
      .selectOption('');
    await q('pg-run').click();
    await poll(() => q('pg-changed').count()).toBe(0);
    await poll(() => q('pg-busy').count()).toBe(0);
    await poll(() => q('pg-placed').count()).toBe(expected.years.reduce((s, y) => s + y.actions.length, 0));

    // In English, at 1280×720 too.
    await app.page.click('[data-testid=lang-en]');
    await poll(() => q('pg-run').textContent()).toBe('Plan');
    expect(await q('pg-schedule').locator('h3').textContent()).toBe('Actions by year');
    await screenshot(app.page, 'programme-09-english');
    expect(await clipped()).toEqual([]);
    await app.page.click('[data-testid=lang-zh]');
    await poll(() => q('pg-run').textContent()).toBe('测算');
  });

  it('exports the workbook', async () => {
    const [download] = await Promise.all([app.page.waitForEvent('download'), q('pg-export').click()]);
    const saved = path.join(home, download.suggestedFilename());
    await download.saveAs(saved);
    expect(saved.endsWith('.xlsx')).toBe(true);
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
  });

  it('applies it as a new scenario, and 规划项目 shows the projects in their years', async () => {
    await q('pg-apply').click();
    await q('pg-apply-dialog').waitFor();
    expect(await q('name-input').inputValue()).toBe(NAME);
    const placed = expected.years.flatMap((y) => y.actions.map((a) => ({ a, year: y.year })));
    expect(await q('pg-apply-hint').textContent()).toContain(`复制情景「基线」，把 ${placed.length} 个项目按排定的年份写入规划项目`);
    await screenshot(app.page, 'programme-05-apply');
    await q('dialog-submit').click();
    await poll(() => q('scenario-active-name').textContent()).toBe(NAME);
    await q('pg-applied').waitFor();
    // The settings are the same, only the scenario is another: not said as changed, nor twice.
    expect(await q('pg-changed').count()).toBe(0);
    expect(await q('pg-other-scenario').count()).toBe(0);
    const scenario = (await app.door.service.call('scenarios.list', {})).find((s) => s.name === NAME)!;
    const stored = await app.door.service.call('programme.get', { scenarioId: scenario.id });
    expect(stored?.money).toEqual(QUERY.money);
    expect(stored?.placed.map((p) => [p.action, p.year]).sort()).toEqual(placed.map(({ a, year }) => [a.id, year]).sort());
    await screenshot(app.page, 'programme-06-applied');

    await q('pg-go-timeline').click();
    await q('timeline-projects').waitFor();
    const rows = q('timeline-projects').locator('[data-testid=timeline-project]');
    await poll(() => rows.count()).toBeGreaterThan(0);
    for (const { a, year } of placed) {
      const row = rows.filter({ hasText: a.name }).first();
      expect(await row.getAttribute('data-year'), a.name).toBe(String(year));
    }
    await screenshot(app.page, 'programme-07-timeline');
  });

  it("shows the programme slide in the briefing (where the briefing's part has landed)", async () => {
    await app.page.click('[data-testid=tab-dashboard]');
    await q('dashboard-present').waitFor({ timeout: 30_000 });
    await q('dashboard-present').click();
    await q('presentation-slide').waitFor();
    const total = Number(await q('presentation-counter').getAttribute('data-total'));
    let found = false;
    for (let n = 1; n <= total && !found; n++) {
      await poll(() => q('presentation-slide').getAttribute('data-n')).toBe(String(n));
      if ((await q('presentation-slide').getAttribute('data-kind')) === 'programme') {
        found = true;
        const text = (await q('presentation-slide').textContent()) ?? '';
        for (const y of expected.years.filter((y) => y.actions.length > 0)) expect(text).toContain(String(y.year));
        await screenshot(app.page, 'programme-08-slide');
      } else await app.page.keyboard.press('PageDown');
    }
    await app.page.keyboard.press('Escape');
    // The slide is another helper's part: said, not failed, when it has not landed.
    if (!found) console.warn('实施计划 e2e: no programme slide in the briefing yet (skipped)');
  });
});
