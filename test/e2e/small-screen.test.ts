// End-to-end at 1280×720, the smallest window a planner's laptop gives: the app opens on 总览, and
// 情景比较 gives its targets table the room (the chart beside it, not over it). Screenshots in
// test-results/screenshots/small-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-small-');
let app: App;
const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);

describe('at 1280×720', () => {
  beforeAll(async () => {
    app = await launchApp(home, { width: 1280, height: 720 });
  });
  afterAll(async () => app?.close());

  it('opens on 总览', async () => {
    await q('pane-dashboard').waitFor();
    expect(await q('tab-dashboard').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => q('pane-dashboard').textContent(), { timeout: 30_000 }).toMatch(/不足/);
    await screenshot(app.page, 'small-dashboard');
    // In English the subtitle names the set in English (its nameEn), not in Chinese.
    await q('lang-en').click();
    await expect.poll(() => q('dashboard-standard').textContent(), { timeout: 30_000 }).toContain('Changsha 14th Five-Year Health Plan targets (2025)');
    await screenshot(app.page, 'small-dashboard-en');
    await q('lang-zh').click();
  });

  it('shows 情景比较 with the targets table taking the room', async () => {
    await app.door.service.call('scenarios.create', { name: '方案乙' });
    await app.page.reload();
    await q('tab-compare').click();
    await q('compare-table').waitFor();
    await expect.poll(() => q('compare-chart').getAttribute('data-drawn'), { timeout: 15_000 }).toBe('true');
    await screenshot(app.page, 'small-compare');
    // Rows of the table wholly inside the visible part of its scroll box.
    const visible = await app.page.evaluate(() => {
      const box = document.querySelector('.compare-table-scroll')!.getBoundingClientRect();
      const bottom = Math.min(box.bottom, window.innerHeight);
      return [...document.querySelectorAll('[data-testid=compare-row]')].filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= box.top && b.bottom <= bottom;
      }).length;
    });
    expect(visible).toBeGreaterThanOrEqual(8);
    // The chart is still whole on screen.
    const chart = (await q('compare-chart').boundingBox())!;
    expect(chart.y + chart.height).toBeLessThanOrEqual(720);
    expect(chart.height).toBeGreaterThanOrEqual(200);
  });

  it('shows 差距分析', async () => {
    await q('tab-gaps').click();
    await q('gap-summary-item').first().waitFor();
    // The population note counts units with a thousands separator (was "1657 个单位").
    expect(await q('gaps-notes').textContent()).toMatch(/人口：\d{1,3}(,\d{3})+ 个单位/);
    await screenshot(app.page, 'small-gaps');
  });
});
