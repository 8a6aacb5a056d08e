// End-to-end: the 地图与可及性 screen on the sample plan — the region drawn offline with Chinese labels,
// streets/towns coloured by a gap, the 1030 access analysis with covered shares per street/town, a 120
// station moved with the map's move mode and one added by clicking, the shares following each edit.
// Screenshots at each step (test-results/screenshots/map-*.png).
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiMethod } from '../../shared/api/contract.ts';
import type { Service } from '../../electron/backend/service.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-map-');
let app: App;
const STATION = 'F430121-EMS02'; // 长沙县开慧120急救站, a rural station
/** access.run comes with the access engine; until the service has it only its part is skipped. */
const HAS_ACCESS = isApiMethod('access.run');

interface Point {
  code: string;
  lon: number;
  lat: number;
  population: number;
  covered: boolean;
}
interface AccessResult {
  points: Point[];
  units: { scope: string; share: number | null }[];
}

const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
/** Waits for a value that follows a round trip to the service (a loaded machine can take seconds). */
const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout });
const canvas = () => q('map-canvas');
/** The service's typed call (a wrong argument or a result read wrongly is a compile error). */
const service: Service['call'] = (method, args) => app.door.service.call(method, args);
const totalShare = () => q('access-total').getAttribute('data-share');

/** Waits until the map has drawn everything it was given. */
async function mapIdle() {
  await poll(() => canvas().getAttribute('data-idle')).toBe('true');
}

/** Where a place is on the page: Web Mercator (512 px tiles) from the view the map reports. */
async function pixelOf(lon: number, lat: number): Promise<{ x: number; y: number; inside: boolean }> {
  const el = canvas();
  const [box, cLon, cLat, zoom] = await Promise.all([el.boundingBox(), el.getAttribute('data-lon'), el.getAttribute('data-lat'), el.getAttribute('data-zoom')]);
  const world = 512 * 2 ** Number(zoom);
  const mx = (x: number) => ((x + 180) / 360) * world;
  const my = (y: number) => ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (y * Math.PI) / 360))) * world) / 360;
  const x = box!.x + box!.width / 2 + mx(lon) - mx(Number(cLon));
  const y = box!.y + box!.height / 2 + my(lat) - my(Number(cLat));
  const inside = x > box!.x + 60 && x < box!.x + box!.width - 60 && y > box!.y + 60 && y < box!.y + box!.height - 60;
  return { x, y, inside };
}

/** How many distinct colours (in 32 levels per channel) a screenshot of an element has. */
async function colours(el: Locator): Promise<number> {
  const png = (await el.screenshot()).toString('base64');
  return app.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add(((d[i]! >> 3) << 10) | ((d[i + 1]! >> 3) << 5) | (d[i + 2]! >> 3));
    return seen.size;
  }, png);
}

/** Zooms out with the map's own button until a place is well inside the view. */
async function bringIntoView(lon: number, lat: number) {
  for (let i = 0; i < 6 && !(await pixelOf(lon, lat)).inside; i++) {
    await app.page.locator('.maplibregl-ctrl-zoom-out').click();
    await mapIdle();
  }
  expect((await pixelOf(lon, lat)).inside).toBe(true);
}

async function runAccess(): Promise<AccessResult> {
  return (await service('access.run', {
    scenarioId: 1,
    types: ['ems_station'],
    urbanMinutes: 10,
    ruralMinutes: 30,
    direction: 'from',
    dispatchMinutes: 0,
    demand: 'centroids',
    gridMeters: 1000,
  })) as AccessResult;
}

/** The most populous demand points not covered, far enough apart to be told apart on the map. */
function uncoveredPlaces(r: AccessResult): Point[] {
  const out: Point[] = [];
  for (const p of r.points.filter((x) => !x.covered).sort((a, b) => b.population - a.population)) {
    if (out.every((o) => Math.hypot(o.lon - p.lon, o.lat - p.lat) > 0.1)) out.push(p);
  }
  return out;
}

describe('地图与可及性', () => {
  const requests: string[] = [];

  beforeAll(async () => {
    app = await launchApp(home);
    app.page.on('request', (r) => requests.push(r.url()));
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('draws the region offline, with Chinese labels and a legend', async () => {
    // The page's own fetches of object URLs: MapLibre's worker would ask the page to read (and parse, and send
    // back) the roads' and boundaries' GeoJSON text; map-worker.ts reads them in the worker.
    await app.page.evaluate(() => {
      const w = window as unknown as { fetch: typeof fetch; blobFetches: number };
      const f = w.fetch;
      w.blobFetches = 0;
      w.fetch = (input, init) => {
        if ((input instanceof Request ? input.url : String(input)).startsWith('blob:')) w.blobFetches++;
        return f.call(window, input, init);
      };
    });
    await app.page.click('[data-testid=tab-map]');
    await q('map-view').waitFor();
    await poll(() => canvas().getAttribute('data-ready'), 30_000).toBe('true');
    await mapIdle();
    expect(await canvas().locator('canvas.maplibregl-canvas').count()).toBe(1);
    // Not blank: background, streets/towns, facilities of many colours, labels.
    expect(await colours(canvas())).toBeGreaterThan(40);
    expect(await q('map-legend').textContent()).toContain('120急救站');
    await screenshot(app.page, 'map-01-region');
    expect(await app.page.evaluate(() => (window as unknown as { blobFetches: number }).blobFetches)).toBe(0);

    // Nothing left the machine: our own origin, and data:/blob: URLs made in the page.
    const origin = new URL(app.door.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  });

  it('colours the streets/towns by a gap', async () => {
    await q('map-target-select').selectOption('beds-per-1000');
    const legend = q('map-legend');
    await poll(() => legend.textContent()).toContain('每千常住人口床位数');
    for (const s of ['达标', '接近', '不足', '无数据']) expect(await legend.textContent()).toContain(s);
    const short = Number(await legend.locator('[data-testid=map-legend-status][data-status=short] .map-legend-figure').textContent());
    expect(short).toBeGreaterThan(10);
    await mapIdle();
    await screenshot(app.page, 'map-02-gap-beds');
    await q('map-target-select').selectOption('');
    await poll(() => q('map-legend-status').count()).toBe(0);
  });

  it.skipIf(!HAS_ACCESS)('runs the 1030 analysis: covered shares per street/town and the region total', async () => {
    await q('access-preset').selectOption('1030');
    await q('access-run').click();
    await q('access-busy').waitFor(); // progress while it runs
    await q('access-table').waitFor({ timeout: 60_000 });
    await poll(() => q('access-busy').count(), 60_000).toBe(0);
    const rows = q('access-row');
    expect(await rows.count()).toBeGreaterThan(100);
    const share = await rows.first().locator('[data-testid=access-share]').textContent();
    expect(share).toMatch(/^\d+\.\d%$/);
    expect(await q('access-total').textContent()).toMatch(/全域合计[\d,]+[\d,]+\d+\.\d%/);
    const total = Number(await totalShare());
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(1);
    expect(await q('access-model-note').textContent()).not.toBe('');
    await poll(() => q('map-legend-band').count()).toBe(6);
    await mapIdle();
    await screenshot(app.page, 'map-03-access-1030');

    // The villages/communities beyond 10/30 minutes, most people first.
    await q('access-list-toggle').click();
    const listed = q('access-uncovered-list').locator('[data-testid=access-uncovered-row]');
    await expect.poll(() => listed.count()).toBeGreaterThan(0);
    const people = (await listed.locator('td.is-num:first-of-type').allTextContents()).map((x) => Number(x.replace(/,/g, '')));
    expect(people).toEqual([...people].sort((a, b) => b - a));
    expect(await listed.first().textContent()).toMatch(/分钟|不可达/);
    await screenshot(app.page, 'map-03b-uncovered-list');
    await q('access-list-toggle').click();
    await q('access-table').waitFor();

    // Sorted by share: worst first, then the other way round.
    const shares = async () => await q('access-share').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-share'))));
    const asc = await shares();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await q('access-sort-share').click();
    const desc = await shares();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));

    // Slower roads, saved in 路网与边界: the shares shown follow (the plan's revision moved), and back again.
    const before = Number(await totalShare());
    const setSpeeds = async (kmh: string | null) => {
      const saved = (await service('roads.summary', {})).speeds;
      await app.page.click('[data-testid=menu-file]');
      await app.page.click('[data-testid=menuitem-file-roads]');
      for (const c of ['primary', 'secondary', 'tertiary', 'residential']) await q(`roads-speed-${c}`).fill(kmh ?? String(original[c]));
      await q('roads-save-speeds').click();
      await poll(async () => (await service('roads.summary', {})).speeds.residential).not.toBe(saved.residential);
      await q('dialog-close').click();
    };
    const original = (await service('roads.summary', {})).speeds;
    await setSpeeds('5');
    await poll(async () => Number(await totalShare()), 60_000).toBeLessThan(before);
    await setSpeeds(null);
    await poll(async () => Number(await totalShare()), 60_000).toBe(before);
  });

  it('moves a 120 station with the move mode, and the shares follow', async () => {
    const station = ((await service('facilities.list', { scenarioId: 1 })) as { id: string; lon: number; lat: number }[]).find((f) => f.id === STATION)!;
    const target = HAS_ACCESS ? uncoveredPlaces(await runAccess())[0]! : { lon: station.lon + 0.15, lat: station.lat - 0.1 };
    const before = HAS_ACCESS ? await totalShare() : null;

    // Zoom in on the station (a double click keeps the place under the pointer), then pick it.
    let at = await pixelOf(station.lon, station.lat);
    await app.page.mouse.dblclick(at.x, at.y);
    await mapIdle();
    at = await pixelOf(station.lon, station.lat);
    await app.page.mouse.click(at.x, at.y);
    const popup = q('map-facility-popup');
    await poll(() => popup.getAttribute('data-id')).toBe(STATION);
    expect(await popup.textContent()).toContain('长沙县开慧120急救站');
    expect(await popup.textContent()).toContain('120急救站');
    await screenshot(app.page, 'map-04-station-selected');

    await q('map-move').click();
    await poll(() => q('map-mode-hint').count()).toBe(1);
    await bringIntoView(target.lon, target.lat);
    const to = await pixelOf(target.lon, target.lat);
    await app.page.mouse.click(to.x, to.y);
    await poll(async () => {
      const f = ((await service('facilities.list', { scenarioId: 1 })) as { id: string; lon: number; lat: number }[]).find((x) => x.id === STATION)!;
      return Math.hypot(f.lon - target.lon, f.lat - target.lat);
    }).toBeLessThan(0.005);
    await poll(() => popup.getAttribute('data-id')).toBe(STATION);
    if (before !== null) {
      await poll(totalShare, 60_000).not.toBe(before);
      await poll(() => q('access-busy').count(), 60_000).toBe(0);
    }
    await mapIdle();
    await screenshot(app.page, 'map-05-station-moved');
  });

  it('adds a 120 station by clicking the map, and the shares follow', async () => {
    const count = async () => (await service('facilities.list', { scenarioId: 1 })).length;
    const n = await count();
    const before = HAS_ACCESS ? await totalShare() : null;
    const place = HAS_ACCESS ? uncoveredPlaces(await runAccess())[0]! : null;

    await q('map-popup-close').click();
    await q('map-add-type').selectOption('ems_station');
    await q('map-add-mode').click();
    expect(await q('map-mode-hint').textContent()).toContain('120急救站');
    let at: { x: number; y: number };
    if (place) {
      await bringIntoView(place.lon, place.lat);
      at = await pixelOf(place.lon, place.lat);
    } else {
      const box = (await canvas().boundingBox())!;
      at = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.6 };
    }
    await app.page.mouse.click(at.x, at.y);
    await poll(count).toBe(n + 1);
    const popup = q('map-facility-popup');
    await poll(() => popup.getAttribute('data-id')).toMatch(/^NEW-ems_station-\d+$/);
    expect(await q('map-mode-hint').count()).toBe(0);
    if (before !== null) {
      await poll(totalShare, 60_000).not.toBe(before);
      expect(Number(await totalShare())).toBeGreaterThan(Number(before));
    }
    await mapIdle();
    await screenshot(app.page, 'map-06-station-added');

    // 删除 in its popup takes it away; undo brings it back (each one edit).
    await q('map-remove').click();
    await poll(count).toBe(n);
    expect(await q('map-facility-popup').count()).toBe(0);
    await app.page.keyboard.press('Control+z');
    await poll(count).toBe(n + 1);
  });

  it.skipIf(!HAS_ACCESS)('measures the 120 service radius in kilometres', async () => {
    await q('access-preset').selectOption('radius');
    expect(await q('access-measure').inputValue()).toBe('radius');
    expect(await q('access-direction').count()).toBe(0); // a straight line has no direction
    await q('access-run').click();
    await poll(() => q('access-busy').count(), 60_000).toBe(0);
    await poll(() => q('map-legend').textContent()).toContain('≤ 20 公里');
    expect(await q('map-legend').textContent()).toContain('未覆盖（城镇 5 / 农村 20 公里）');
    expect(Number(await totalShare())).toBeGreaterThan(0);
    await mapIdle();
    await screenshot(app.page, 'map-07-radius');
  });

  it('reads in English', async () => {
    await app.page.click('[data-testid=lang-en]');
    await poll(() => q('access-panel').textContent()).toContain('Access analysis');
    expect(await q('map-legend').textContent()).toContain('120 ambulance station');
    await mapIdle();
    await screenshot(app.page, 'map-08-english');
    await app.page.click('[data-testid=lang-zh]');
    await poll(() => q('access-panel').textContent()).toContain('可及性分析');
  });
});
