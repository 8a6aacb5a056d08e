// End-to-end: 服务范围 on the map — the sample plan's 1030 analysis with "画出服务范围" ticked draws the
// 10- and 30-minute areas on its roads, the legend lists each band's people (the service's figures) and
// the method, and the panel says how they were drawn. Then other band minutes (10 and 15) and each
// station's catchment: outlined in its colour, the people each serves listed and under the pointer, all
// the service's figures. Screenshots: test-results/screenshots/map-areas-*.png.
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

  it('draws other band minutes and each station’s catchment, with the people each serves', async () => {
    // The picker offers 5/10/15/30/60 and the rule's limits: 10 and 30 ticked from the box above.
    expect(await q('access-band-10').isChecked()).toBe(true);
    expect(await q('access-band-30').isChecked()).toBe(true);
    await q('access-band-30').uncheck();
    await q('access-band-15').check();
    await q('access-catchments').check();
    expect(await q('access-stale').count()).toBe(1);
    await q('access-run').click();
    await q('access-catchment-list').waitFor({ timeout: 120_000 });
    await poll(() => q('access-busy').count(), 120_000).toBe(0);

    const scenarioId = (await service('scenarios.list', {}))[0]!.id;
    const r = await service('access.run', {
      scenarioId,
      types: ['ems_station'],
      urbanMinutes: 10,
      ruralMinutes: 30,
      areas: { bands: [10, 15], catchments: true },
    });
    const catchments = r.areas!.catchments!;
    // The bands asked, each with the service's people.
    const people = (await q('map-legend-area').locator('.map-legend-figure').allTextContents()).map((x) => Number(x.replace(/[^\d]/g, '')));
    expect(people).toEqual(r.areas!.bands.map((b) => Math.round(b.population)));
    expect(r.areas!.bands.map((b) => b.minutes)).toEqual([10, 15]);
    // One row per station, most people first, each the service's figure; together everyone some station reaches.
    const rows = q('access-catchment');
    await poll(() => rows.count()).toBe(catchments.length);
    const sorted = [...catchments].sort((a, b) => b.population - a.population);
    const listed = await rows.evaluateAll((els) => els.slice(0, 5).map((e) => [e.getAttribute('data-facility'), e.querySelector('td')?.textContent]));
    expect(listed).toEqual(sorted.slice(0, 5).map((c) => [c.facility, Math.round(c.population).toLocaleString('en-US')]));
    const reachable = r.points.filter((p) => p.minutes !== null).reduce((sum, p) => sum + p.population, 0);
    expect(catchments.reduce((sum, c) => sum + c.population, 0)).toBeCloseTo(reachable, 3);
    expect(await q('map-legend-catchments').textContent()).toContain(`${catchments.length} 所机构`);
    await poll(() => q('map-canvas').getAttribute('data-idle')).toBe('true');
    await screenshot(app.page, 'map-areas-catchments');

    // The pointer on the largest catchment's own station shows that station and its people.
    const top = sorted[0]!;
    const station = (await service('facilities.list', { scenarioId })).find((f) => f.id === top.facility)!;
    const el = q('map-canvas');
    const [box, cLon, cLat, zoom] = await Promise.all([
      el.boundingBox(),
      el.getAttribute('data-lon'),
      el.getAttribute('data-lat'),
      el.getAttribute('data-zoom'),
    ]);
    const world = 512 * 2 ** Number(zoom);
    const mx = (x: number) => ((x + 180) / 360) * world;
    const my = (y: number) => ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (y * Math.PI) / 360))) * world) / 360;
    const at = { x: box!.x + box!.width / 2 + mx(station.lon!) - mx(Number(cLon)), y: box!.y + box!.height / 2 + my(station.lat!) - my(Number(cLat)) };
    // (宁乡's station lies under the open legend: fold it first.)
    await app.page.locator('.map-legend-toggle').click();
    await app.page.mouse.move(at.x - 20, at.y - 20);
    await app.page.mouse.move(at.x, at.y, { steps: 5 });
    await poll(() => q('map-catchment-tip').textContent()).toBe(`${top.name}：服务 ${Math.round(top.population).toLocaleString('en-US')} 人`);
    await screenshot(app.page, 'map-areas-catchment-hover');
    // A small window: the band picker and the catchment switch fit the panel (no row wider than it).
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await q('access-catchments').scrollIntoViewIfNeeded();
    const panel = (await q('access-panel').boundingBox())!;
    for (const id of ['access-band-60', 'access-catchments']) {
      const b = (await q(id).boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(panel.x + panel.width);
    }
    await screenshot(app.page, 'map-areas-small');
  });
});
