// End-to-end: 通行条件 (rush hour) on the sample — the 1030 analysis at the peak hour with the free-flow
// coverage beside (the panel's line equal to access.run's compared region), and the 高峰系数 table in
// 路网与边界 (a factor saved, a bad one refused). Screenshots: test-results/screenshots/map-peak-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../electron/backend/service.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-map-peak-');
let app: App;
const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const poll = <T>(fn: () => Promise<T> | T, timeout = 60_000) => expect.poll(fn, { timeout });
const service: Service['call'] = (method, args) => app.door.service.call(method, args);

describe('通行条件 on the map', () => {
  beforeAll(async () => {
    app = await launchApp(home, { width: 1280, height: 720 });
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('runs 1030 at the peak hour with free flow beside, as access.run gives them', async () => {
    await app.page.click('[data-testid=tab-map]');
    await poll(() => q('map-canvas').getAttribute('data-ready')).toBe('true');
    await q('access-preset').selectOption('1030');
    await q('access-conditions').selectOption('peak');
    await q('access-compare').check();
    await q('access-run').click();
    await q('access-compared').waitFor({ timeout: 120_000 });
    await poll(() => q('access-busy').count(), 120_000).toBe(0);

    const scenarioId = (await service('scenarios.list', {}))[0]!.id;
    const r = await service('access.run', {
      scenarioId,
      types: ['ems_station'],
      urbanMinutes: 10,
      ruralMinutes: 30,
      conditions: 'peak',
      compare: true,
    });
    const peak = r.units.find((u) => u.scope === 'region')!;
    const free = r.compared!.units.find((u) => u.scope === 'region')!;
    // The peak never covers more than free flow.
    expect(peak.covered).toBeLessThanOrEqual(free.covered);
    expect(await q('access-compared').getAttribute('data-conditions')).toBe('free');
    expect(await q('access-compared').textContent()).toBe(
      `平峰时：覆盖 ${(free.share! * 100).toFixed(1)}%（${Math.round(free.population).toLocaleString('en-US')} 人中 ${Math.round(free.covered).toLocaleString('en-US')} 人）`,
    );
    // This run's own condition said first, in the same words: the peak's share is not left to the table's foot.
    expect(await q('access-own-condition').getAttribute('data-conditions')).toBe('peak');
    expect(await q('access-own-condition').textContent()).toBe(
      `高峰时：覆盖 ${(peak.share! * 100).toFixed(1)}%（${Math.round(peak.population).toLocaleString('en-US')} 人中 ${Math.round(peak.covered).toLocaleString('en-US')} 人）`,
    );
    expect(await q('access-model-note').textContent()).toContain('高峰');
    expect(await q('access-stale').count()).toBe(0);
    await q('access-compared').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'map-peak-1030');
    // Back to free flow: the result is marked out of date until run again.
    await q('access-conditions').selectOption('free');
    expect(await q('access-stale').count()).toBe(1);
  });

  it('the 高峰系数 table in 路网与边界: a factor saved, one above 1 refused', async () => {
    await app.page.click('[data-testid=menu-file]');
    await app.page.click('[data-testid=menuitem-file-roads]');
    await q('roads-peak').waitFor();
    expect(await q('roads-peak-urban-primary').inputValue()).toBe('0.5');
    expect(await q('roads-peak').textContent()).toContain('示例值（待核实）');
    await q('roads-peak-rural-trunk').fill('1.2');
    expect(await q('roads-save-peak').isDisabled()).toBe(true);
    await q('roads-peak-rural-trunk').fill('0.8');
    await q('roads-save-peak').click();
    await poll(async () => (await service('roads.peakFactors', {})).factors.rural.trunk).toBe(0.8);
    await q('roads-peak').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'map-peak-roads');
  });
});
