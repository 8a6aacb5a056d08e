// End-to-end: 转诊可及性 on the map — the sample plan, map tab, the third side tab: 乡镇卫生院 and 社区卫生服务中心
// referred to the default (a level up the ladder) with a 30-minute limit. The county table and the summary
// are the service's referral.run figures; the map draws a line from each centre to its target (the worst,
// 葛家镇卫生院 → 荷花康华医院 at 77.7 min, in red); the legend counts the lines; a row beyond the limit flies
// there; another limit asks again. At 1280×720, Chinese and English. Screenshots:
// test-results/screenshots/map-referral-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../electron/backend/service.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-map-referral-');
let app: App;
const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout });
const service: Service['call'] = (method, args) => app.door.service.call(method, args);
const canvas = () => q('map-canvas');
const share = (s: number | null) => (s === null ? '—' : `${(s * 100).toFixed(1)}%`);

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
  const inside = x > box!.x + 40 && x < box!.x + box!.width - 40 && y > box!.y + 40 && y < box!.y + box!.height - 40;
  return { x, y, inside };
}

/** Pixels of a small box of the page (a screenshot of it) that are of the given kind. */
async function countPixels(x: number, y: number, half: number, kind: 'red' | 'green'): Promise<number> {
  const png = (await app.page.screenshot({ clip: { x: x - half, y: y - half, width: 2 * half, height: 2 * half } })).toString('base64');
  return app.page.evaluate(
    async ({ b64, kind }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        const [r, gr, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
        if (kind === 'red' ? r > 170 && gr < 110 && b < 100 : gr > 110 && r < 120 && b < 120 && gr > r + 30) n++;
      }
      return n;
    },
    { b64: png, kind },
  );
}

describe('转诊可及性 on the map', () => {
  beforeAll(async () => {
    app = await launchApp(home, { width: 1280, height: 720 });
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('draws each centre’s line to the nearest facility a level up, the county table equal to referral.run', async () => {
    await app.page.click('[data-testid=tab-map]');
    await poll(() => canvas().getAttribute('data-ready')).toBe('true');
    await q('map-side-referral').click();
    await q('referral-panel').waitFor();
    // 乡镇卫生院 and 社区卫生服务中心 by default, the default targets, 30 minutes.
    expect(await q('referral-from').locator('summary').textContent()).toBe('乡镇卫生院、社区卫生服务中心');
    expect(await q('referral-to').locator('summary').textContent()).toBe('默认（上一级及以上）');
    await q('referral-threshold').fill('30');
    await q('referral-run').click();
    await q('referral-counties').waitFor({ timeout: 60_000 });
    await poll(() => q('referral-busy').count(), 60_000).toBe(0);

    const scenarioId = (await service('scenarios.list', {}))[0]!.id;
    const r = await service('referral.run', { scenarioId, from: ['thc', 'chc'], thresholdMinutes: 30 });
    const region = r.counties.find((c) => c.scope === 'region')!;
    // The README's figure for the sample (2025, sub-centres of the year applied): 144 of 163 within 30 minutes.
    expect([region.within, region.facilities]).toEqual([144, 163]);
    expect(await q('referral-summary').textContent()).toBe(`144 / 163 所在 30 分钟内到达上级机构（${share(region.share)}）`);
    // Each county row is the service's: facilities, within, share, longest.
    const rows = q('referral-county');
    const counties = r.counties.filter((c) => c.scope === 'county');
    await poll(() => rows.count()).toBe(counties.length);
    for (let i = 0; i < counties.length; i++) {
      const c = counties[i]!;
      const cells = await rows.nth(i).locator('th, td').allTextContents();
      expect(cells).toEqual([c.name, String(c.facilities), String(c.within), share(c.share), c.worstMinutes === null ? '—' : c.worstMinutes.toFixed(1)]);
    }
    const liuyang = counties.find((c) => c.name === '浏阳市')!;
    expect([liuyang.within, liuyang.facilities, liuyang.worstMinutes]).toEqual([15, 26, 77.7]);
    // The facilities beyond the limit, worst first: 葛家镇卫生院 → 荷花康华医院, 77.7 minutes.
    const over = q('referral-over-row');
    await poll(() => over.count()).toBe(163 - 144);
    expect(await over.first().locator('th, td').allTextContents()).toEqual(['葛家镇卫生院乡镇卫生院', '荷花康华医院', '77.7']);
    // The legend counts the lines as the service judged them.
    const legend = await q('referral-legend-row').evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-kind'), e.querySelector('.map-legend-figure')?.textContent]),
    );
    expect(legend).toEqual([
      ['within', '144'],
      ['over', '19'],
      ['unreachable', '0'],
    ]);
    await mapIdle();
    await screenshot(app.page, 'map-referral-1280');

    // The worst line is drawn in red: fly to its facility (the row), zoom out until both ends show, look halfway along it.
    const worst = r.facilities[0]!;
    const target = r.targets.find((x) => x.id === worst.to)!;
    expect(worst.name).toBe('葛家镇卫生院');
    await over.first().click();
    await mapIdle();
    for (let i = 0; i < 6 && !((await pixelOf(worst.lon, worst.lat)).inside && (await pixelOf(target.lon, target.lat)).inside); i++) {
      await app.page.locator('.maplibregl-ctrl-zoom-out').click();
      await mapIdle();
    }
    const [a, b] = [await pixelOf(worst.lon, worst.lat), await pixelOf(target.lon, target.lat)];
    expect(a.inside && b.inside).toBe(true);
    expect(await countPixels((a.x + b.x) / 2, (a.y + b.y) / 2, 6, 'red')).toBeGreaterThan(4);
    await screenshot(app.page, 'map-referral-worst');

    // A looser limit asks again: 60 minutes leaves only the two beyond it.
    await q('referral-threshold').fill('60');
    expect(await q('referral-stale').count()).toBe(1);
    await q('referral-run').click();
    await poll(() => q('referral-summary').textContent(), 60_000).toMatch(/^\d+ \/ 163 所在 60 分钟内/);
    const r60 = await service('referral.run', { scenarioId, from: ['thc', 'chc'], thresholdMinutes: 60 });
    const region60 = r60.counties.find((c) => c.scope === 'region')!;
    expect(await q('referral-summary').textContent()).toContain(`${region60.within} / 163`);
    expect(await q('referral-over-row').count()).toBe(163 - region60.within);
    expect(r60.facilities.filter((f) => !f.within).map((f) => f.minutes! > 60)).not.toContain(false);
  });

  it('in English, and the access tab gets its own layers back', async () => {
    await q('lang-en').click();
    await poll(() => q('referral-summary').textContent()).toMatch(/^\d+ of 163 reach a higher-level facility within 60 min/);
    expect(await q('map-side-referral').textContent()).toBe('Referral');
    await mapIdle();
    await screenshot(app.page, 'map-referral-en');
    await q('lang-zh').click();
    // Leaving the tab hides the lines' legend; coming back shows the answer at once.
    await q('map-side-access').click();
    expect(await q('referral-legend').count()).toBe(0);
    await q('map-side-referral').click();
    await poll(() => q('referral-legend').count()).toBe(1);
  });
});
