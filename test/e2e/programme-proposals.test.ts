// End-to-end: 实施计划's candidates from the other screens on the sample plan at 1280×720 — a small siting
// (开福区: 2 new 120 stations, the panel's preset) and a small allocation (200 beds and 20 GPs for 2025, by
// county) each added with 「加入实施计划候选」; the 实施计划 tab lists both under 候选项目 (label, how many
// actions, what the empty 造价标准 cannot price); 测算 for 2025–2027 at 3,000 万元 a year: their actions are
// 未定价 (来源 选址方案 / 资源配置); with the plan's 造价标准 filled in they are priced (new station 500 万元,
// 30 万元 a bed, 20 万元 a GP) and placed in years, the same as the service's programme for that query;
// unticking one leaves it out. Screenshots at each step (test-results/screenshots/programme-proposals-*.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeOut, ProgrammeQueryIn } from '../../shared/api/methods/programme.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-programme-proposals-');
let app: App;
const MONEY = 3000; // 万元 a year
const ALLOCATION = {
  scenarioId: 1,
  budget: { beds: 200, gps: 20 },
  standardId: 'changsha-14fyp-2025',
  year: 2025,
  scope: 'county' as const,
  m2PerBed: 100,
  manual: [],
};
/** 元: a new 120 station 500 万元, a bed 30 万元, a GP 20 万元. */
const COSTS = { perUnit: { beds: 300_000, gps: 200_000 }, perFacility: { ems_station: 5_000_000 } };

const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const poll = <T>(fn: () => Promise<T> | T, timeout = 60_000) => expect.poll(fn, { timeout });
const row = (kind: 'placed' | 'unscheduled-row', id: string) => q('pg-schedule').locator(`[data-testid=pg-${kind}][data-action="${id}"]`);
/** Every action of a programme with its year (null: not placed). */
const actionsOf = (r: ProgrammeOut) => [
  ...r.years.flatMap((y) => y.actions.map((a) => ({ a, year: y.year as number | null }))),
  ...r.unscheduled.map((a) => ({ a, year: null })),
];

/** The proposals in the middle of the settings column, for a screenshot. */
const showProposals = () =>
  q('pg-form')
    .locator('.pg-proposal')
    .first()
    .evaluate((e) => e.scrollIntoView({ block: 'center' }));

async function runProgramme() {
  await q('pg-run').click();
  await poll(() => q('pg-busy').count()).toBe(0);
  await poll(() => q('pg-changed').count()).toBe(0);
  await q('pg-schedule').waitFor();
}

describe('实施计划: candidates from siting and allocation', () => {
  /** The facilities the allocation gives something to (each one 扩建 candidate). */
  let facilities: string[] = [];
  /** The two proposed sites' action ids (site:<the proposal's id>). */
  let siteIds: string[] = [];

  beforeAll(async () => {
    app = await launchApp(home, { width: 1280, height: 720 });
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('adds a siting proposal from the map', async () => {
    await app.page.click('[data-testid=tab-map]');
    await poll(() => q('map-canvas').getAttribute('data-ready'), 30_000).toBe('true');
    await q('map-side-siting').click();
    await q('siting-panel').waitFor();
    await q('siting-preset').selectOption('kaifu10'); // 开福区, 2 new 120 stations, 10-minute circle
    await q('siting-run').click();
    await q('siting-result').waitFor({ timeout: 60_000 });
    await poll(() => q('siting-busy').count()).toBe(0);
    expect(await q('siting-site-row').count()).toBe(2);
    const button = q('siting-to-programme');
    expect(await button.textContent()).toBe('加入实施计划候选');
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await poll(() => button.getAttribute('data-added')).toBe('true');
    expect(await button.textContent()).toBe('✓ 已加入实施计划候选');
    await poll(() => app.page.getByText('已加入实施计划候选：选址：新增120急救站 2 处').count()).toBe(1);
    await screenshot(app.page, 'programme-proposals-01-siting');
  });

  it('adds an allocation: 200 beds and 20 GPs for 2025', async () => {
    await app.page.click('[data-testid=tab-allocation]');
    await q('alloc-form').waitFor();
    await poll(() => q('alloc-standard').inputValue()).toBe('changsha-14fyp-2025');
    await q('alloc-budget-beds').fill('200');
    await q('alloc-budget-gps').fill('20');
    await q('alloc-year').fill('2025');
    await q('alloc-scope-county').click();
    await q('alloc-run').click();
    await q('alloc-summary').waitFor();
    await poll(() => q('alloc-busy').count()).toBe(0);
    const expected = await app.door.service.call('allocation.run', ALLOCATION);
    facilities = [...new Set(expected.lines.filter((l) => l.scope === 'facility' && l.allocated > 0).map((l) => l.code))];
    expect(facilities.length).toBeGreaterThan(0);
    await q('alloc-to-programme').click();
    await poll(() => q('alloc-to-programme').getAttribute('data-added')).toBe('true');
    await screenshot(app.page, 'programme-proposals-02-allocation');
  });

  it('lists both under 候选项目, says what the empty 造价标准 cannot price, and runs: 未定价, 来源 选址方案 / 资源配置', async () => {
    await app.page.click('[data-testid=tab-programme]');
    await q('pg-form').waitFor();
    // The plan's set by default, in the picker.
    await poll(() => q('pg-standard').inputValue()).toBe('changsha-14fyp-2025');
    await poll(() => q('pg-standard-hint').textContent()).toBe('方案默认的标准（差距分析所用）');
    const siting = q('pg-proposal-siting');
    const allocation = q('pg-proposal-allocation');
    expect(await siting.locator('[data-testid=pg-proposal-label]').textContent()).toMatch(/^选址：新增120急救站 2 处 \(\d{4}-\d\d-\d\d \d\d:\d\d\)$/);
    expect(await siting.textContent()).toContain('2 个候选项目');
    expect(await allocation.locator('[data-testid=pg-proposal-label]').textContent()).toMatch(
      new RegExp(`^资源配置：床位 \\+200、全科医生 \\+20（${facilities.length} 个机构） \\(`),
    );
    expect(await allocation.textContent()).toContain(`${facilities.length} 个候选项目`);
    expect(await q('pg-proposal-on-siting').isChecked()).toBe(true);
    // The sample's 造价标准 is empty.
    await poll(() => siting.locator('[data-testid=pg-proposal-price]').allTextContents()).toEqual([
      '造价标准未填120急救站的新建造价：2 处新建将列为未定价，可在结果中填写投资。',
    ]);
    expect(await allocation.locator('[data-testid=pg-proposal-price]').allTextContents()).toEqual([
      `造价标准未填床位、全科医生的单价：${facilities.length} 个机构的扩建将列为未定价，可在结果中填写投资。`,
    ]);

    await q('pg-from').fill('2025');
    await q('pg-to').fill('2027');
    await q('pg-money-2025').fill(String(MONEY));
    await q('pg-money-same').click();
    await showProposals();
    await screenshot(app.page, 'programme-proposals-03-settings');
    await runProgramme();
    siteIds = await q('pg-schedule')
      .locator('[data-action^="site:"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')!));
    expect(siteIds.length).toBe(2);
    // Each site and each facility's expansion is a candidate, 未定价 with a cost box, its source said.
    for (const id of [...siteIds, ...facilities.map((f) => `alloc:${f}`)]) {
      const r = row('unscheduled-row', id);
      expect(await r.getAttribute('data-why'), id).toBe('unpriced');
      expect(await r.textContent()).toContain(id.startsWith('site:') ? '选址方案' : '资源配置');
      expect(await r.locator('[data-testid=pg-cost-input]').count()).toBe(1);
    }
    await screenshot(app.page, 'programme-proposals-04-unpriced');
  });

  it("priced by the plan's 造价标准, they are placed in years as the service's programme", async () => {
    await app.door.service.call('costs.set', { costs: COSTS });
    await q('pg-run').click(); // the reply carries the new revision: the cost table is read again
    await poll(() => q('pg-busy').count()).toBe(0);
    await poll(() => q('pg-proposal-price').count()).toBe(0);
    await runProgramme();

    // The query the tab sent, rebuilt: the sites the siting panel proposed (its result's G1, G2) and the allocation's facility lines.
    const alloc = await app.door.service.call('allocation.run', ALLOCATION);
    const lines = alloc.lines
      .filter((l) => l.scope === 'facility' && Math.round(l.allocated) > 0)
      .map((l) => ({ facility: l.code, resource: l.resource, amount: Math.round(l.allocated) }));

    const query: ProgrammeQueryIn = {
      scenarioId: 1,
      standardId: 'changsha-14fyp-2025',
      fromYear: 2025,
      toYear: 2027,
      money: [2025, 2026, 2027].map((year) => ({ year, amount: MONEY })),
      carryOver: false,
      candidates: { projects: true, allocation: { lines }, own: [] },
      rules: [],
    };
    // Without the sites (their coordinates are the panel's), the allocation's part is checked against the service; the sites by their price.
    const placedIds = await q('pg-placed').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-action'), r.getAttribute('data-year')]));
    const placed = new Map(placedIds as [string, string][]);
    for (const id of siteIds) {
      if (!placed.has(id)) {
        expect(await row('unscheduled-row', id).getAttribute('data-why')).not.toBe('unpriced');
        expect(await row('unscheduled-row', id).textContent()).toContain('500 万元');
        continue;
      }
      // 500 万元 a new station.
      expect(await row('placed', id).locator('[data-testid=pg-bar]').textContent()).toContain('500');
      expect(await row('placed', id).textContent()).toContain('选址方案');
    }
    for (const f of facilities) {
      const id = `alloc:${f}`;
      const got = lines.filter((l) => l.facility === f);
      // 30 万元 a bed, 20 万元 a GP.
      const cost = got.reduce((s, l) => s + l.amount * (l.resource === 'beds' ? 30 : 20), 0);
      const r = placed.has(id) ? row('placed', id) : row('unscheduled-row', id);
      if (placed.has(id)) {
        expect(Number((await r.locator('[data-testid=pg-bar]').textContent())?.replace(/[^\d.]/g, '')), id).toBe(cost);
        expect(await r.textContent()).toContain('资源配置');
      } else expect(await r.getAttribute('data-why'), id).not.toBe('unpriced');
    }
    expect([...placed.keys()].some((id) => id.startsWith('alloc:'))).toBe(true);
    // Each year's spend within its money.
    for (const y of [2025, 2026, 2027]) {
      const spent = q('pg-schedule').locator(`[data-testid=pg-spent-cell][data-year="${y}"]`);
      expect(await spent.getAttribute('data-over')).toBe('false');
    }
    await screenshot(app.page, 'programme-proposals-05-placed');

    // Unticked, the siting proposal is left out: the settings changed; run again, no site:* action.
    await q('pg-proposal-on-siting').uncheck();
    await poll(() => q('pg-changed').count()).toBe(1);
    await runProgramme();
    expect(await q('pg-schedule').locator('[data-action^="site:"]').count()).toBe(0);
    // The allocation alone is what the service gives for that query, year by year.
    const service = await app.door.service.call('programme.run', query);
    const shown = await q('pg-placed').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-action'), r.getAttribute('data-year')]));
    expect(new Map(shown as [string, string][])).toEqual(
      new Map(
        actionsOf(service)
          .filter((x) => x.year !== null)
          .map((x) => [x.a.id, String(x.year)]),
      ),
    );
    await showProposals();
    await screenshot(app.page, 'programme-proposals-06-unticked');

    // 移除: gone from the list.
    await q('pg-proposal-siting').locator('[data-testid=pg-proposal-remove]').click();
    await poll(() => q('pg-proposal-siting').count()).toBe(0);
    expect(await q('pg-proposal-allocation').count()).toBe(1);

    // English.
    await app.page.click('[data-testid=lang-en]');
    await poll(() => q('pg-run').textContent()).toBe('Plan');
    expect(await q('pg-proposal-allocation').locator('[data-testid=pg-proposal-label]').textContent()).toMatch(/^Allocation: beds \+200, GPs \+20 \(/);
    await showProposals();
    await screenshot(app.page, 'programme-proposals-07-english');
    await app.page.click('[data-testid=lang-zh]');
  });
});
