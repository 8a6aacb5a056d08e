// End-to-end: 服务范围 on the map — the sample plan's 1030 analysis with "画出服务范围" ticked draws the
// 10- and 30-minute areas on its roads, the legend lists each band's people (the service's figures) and
// the method, and the panel says how they were drawn. Screenshots: test-results/screenshots/map-areas-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../electron/backend/service.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-map-areas-');
let app: App;
const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout });
const service: Service['call'] = (method, args) => app.door.service.call(method, args);

describe('服务范围 on the map', () => {
  beforeAll(async () => {
    app = await launchApp(home);
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('draws the 10- and 30-minute areas of the 1030 rule, with their people and the method', async () => {
    await app.page.click('[data-testid=tab-map]');
    await poll(() => q('map-canvas').getAttribute('data-ready')).toBe('true');
    await q('access-preset').selectOption('1030');
    await q('access-areas').check();
    await q('access-run').click();
    await q('access-table').waitFor({ timeout: 120_000 });
    await poll(() => q('access-busy').count(), 120_000).toBe(0);
    const areas = q('map-legend-area');
    await poll(() => areas.count()).toBe(2);
    const legend = await q('map-legend-areas').textContent();
    expect(legend).toContain('服务范围（路网）');
    expect(legend).toMatch(/10 分钟内[\d,]+ 人/);
    expect(legend).toMatch(/边界误差约 \d+ 米/);
    expect(await q('access-areas-note').textContent()).toContain('最近路网节点的时间 + 直线连接线 ÷ 15 公里/小时');
    // The legend's people are the service's for the same run, and the 30-minute area holds the 10-minute one's.
    const scenarioId = (await service('scenarios.list', {}))[0]!.id;
    const r = await service('access.run', {
      scenarioId,
      types: ['ems_station'],
      urbanMinutes: 10,
      ruralMinutes: 30,
      areas: { bands: [10, 30], catchments: false },
    });
    const people = (await areas.locator('.map-legend-figure').allTextContents()).map((x) => Number(x.replace(/[^\d]/g, '')));
    expect(people).toEqual(r.areas!.bands.map((b) => Math.round(b.population)));
    expect(people[1]!).toBeGreaterThan(people[0]!);
    expect(r.areas!.bands.every((b) => b.polygons.length > 0)).toBe(true);
    await poll(() => q('map-canvas').getAttribute('data-idle')).toBe('true');
    await screenshot(app.page, 'map-areas-1030');
  });
});
