// End-to-end: 总览 and 演示 on the sample plan — the headline figures (the gap engine's own, worded as
// the gap screen words them) and the charts on the dashboard; presentation mode stepped through slide by
// slide with the arrow keys at 1920×1080 and again at 1280×720, each slide checked for overflow (nothing
// outside the slide, nothing scrolling or clipped) and for empty charts, and screenshotted
// (test-results/screenshots/briefing-slide-NN.png, briefing-720-slide-NN.png); a scenario compared with
// the baseline (before/after on the slides); and the exports: PNG, PPTX and the printable PDF view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../electron/backend/service.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-briefing-');
let app: App;
const HOSPITAL = 'F430102-R01'; // 中南大学湘雅二医院
const SHAPING = '430105019000'; // 沙坪街道
const FIXED2 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
/** The service's typed call (a wrong argument or a result read wrongly is a compile error). */
const invoke: Service['call'] = (method, args) => app.door.service.call(method, args);

/** Every chart in `scope` has drawn its option, has points, and has ink on its canvas. */
async function chartsDrawn(scope: string): Promise<{ charts: number; empty: string[] }> {
  const sel = `${scope} .brief-chart, ${scope} .echart`;
  await expect
    .poll(() => app.page.locator(sel).evaluateAll((els) => els.every((e) => (e as HTMLElement).dataset.drawn === 'true')), { timeout: 20_000 })
    .toBe(true);
  return app.page.locator(sel).evaluateAll((els) => {
    const empty: string[] = [];
    for (const e of els as HTMLElement[]) {
      const canvas = e.querySelector('canvas');
      let ink = 0;
      const ctx = canvas?.getContext('2d');
      if (canvas && ctx) {
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235)) ink++;
      }
      if (Number(e.dataset.points) <= 0 || ink < 2000) empty.push(`${e.dataset.testid}: ${e.dataset.points} points, ${ink} inked pixels`);
    }
    return { charts: els.length, empty };
  });
}

/** What sticks out of the slide, scrolls or is clipped inside it. */
async function overflowOf(): Promise<string[]> {
  return q('presentation-slide')
    .locator('[data-testid=slide]')
    .evaluate((slide) => {
      const out: string[] = [];
      const box = slide.getBoundingClientRect();
      // An SVG element's className is an SVGAnimatedString (its baseVal the class), an HTML element's a string.
      const classOf = (e: Element) => {
        const c = (e as { className?: string | SVGAnimatedString }).className;
        return typeof c === 'object' ? c.baseVal : c;
      };
      const name = (e: Element) => `${e.tagName.toLowerCase()}.${String(classOf(e) ?? '').split(' ')[0]} «${(e.textContent ?? '').slice(0, 30)}»`;
      if (slide.scrollHeight > slide.clientHeight + 1 || slide.scrollWidth > slide.clientWidth + 1)
        out.push(`the slide scrolls: ${slide.scrollWidth}×${slide.scrollHeight} in ${slide.clientWidth}×${slide.clientHeight}`);
      for (const e of slide.querySelectorAll('*')) {
        // Inside a chart or the map, only the box itself counts.
        const chart = e.closest('.brief-chart, .echart, svg');
        if (chart && chart !== e) continue;
        const r = e.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) out.push(`outside the slide: ${name(e)}`);
        const cs = getComputedStyle(e);
        // A box that clips: nothing may be cut off. Vertically, a CJK font's line box is shorter than its
        // glyphs' content area (not their ink) by up to a quarter of an em: that much is not text cut off.
        if (e instanceof HTMLElement && (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') && !chart) {
          const slack = Math.max(1, 0.25 * parseFloat(cs.fontSize));
          if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + slack)
            out.push(`clipped: ${name(e)} ${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight}`);
        }
        if (cs.textOverflow === 'ellipsis' && e instanceof HTMLElement && e.scrollWidth > e.clientWidth + 1) out.push(`cut with …: ${name(e)}`);
      }
      return out;
    });
}

/** Steps through every slide with → and checks each; returns how many there were. */
async function presentAll(prefix: string, width: number, height: number): Promise<number> {
  await app.page.setViewportSize({ width, height });
  await q('dashboard-present').click();
  await q('presentation-slide').waitFor();
  const total = Number(await q('presentation-counter').getAttribute('data-total'));
  expect(total).toBeGreaterThan(5);
  for (let n = 1; n <= total; n++) {
    await expect.poll(() => q('presentation-slide').getAttribute('data-n')).toBe(String(n));
    expect(await q('presentation-counter').getAttribute('data-n')).toBe(String(n));
    expect(await q('presentation-slide').locator('[data-testid=slide-number]').textContent()).toBe(`${n} / ${total}`);
    // Scaled to fit the window at 16:9, centred.
    const r = (await q('presentation-slide').locator('[data-testid=slide]').boundingBox())!;
    expect(Math.abs(r.width / r.height - 16 / 9)).toBeLessThan(0.01);
    expect(r.width).toBeLessThanOrEqual(width + 0.5);
    expect(r.height).toBeLessThanOrEqual(height + 0.5);
    expect(Math.max(width - r.width, height - r.height)).toBeLessThan(2);
    const kind = await q('presentation-slide').getAttribute('data-kind');
    if (kind === 'bars' || kind === 'coverage') {
      const { charts, empty } = await chartsDrawn('[data-testid=presentation-slide]');
      expect(charts, `slide ${n} (${kind}) has its chart`).toBeGreaterThan(0);
      expect(empty, `slide ${n} (${kind})`).toEqual([]);
    }
    if (kind === 'coverage')
      expect(Number(await q('presentation-slide').locator('[data-testid=slide-map]').first().getAttribute('data-shapes'))).toBeGreaterThan(100);
    await app.page.waitForTimeout(80);
    expect(await overflowOf(), `slide ${n} (${kind}) at ${width}×${height}`).toEqual([]);
    await screenshot(app.page, `${prefix}-${String(n).padStart(2, '0')}`);
    await app.page.keyboard.press('ArrowRight');
  }
  // Past the end it stays on the last; ← and PageUp go back; Esc leaves.
  await app.page.keyboard.press('ArrowRight');
  expect(await q('presentation-slide').getAttribute('data-n')).toBe(String(total));
  await app.page.keyboard.press('ArrowLeft');
  await app.page.keyboard.press('PageUp');
  await expect.poll(() => q('presentation-slide').getAttribute('data-n')).toBe(String(total - 2));
  await app.page.keyboard.press('Home');
  await expect.poll(() => q('presentation-slide').getAttribute('data-n')).toBe('1');
  await app.page.keyboard.press('Escape');
  await expect.poll(() => q('presentation').count()).toBe(0);
  return total;
}

describe('总览 and 演示', () => {
  beforeAll(async () => {
    app = await launchApp(home, { width: 1600, height: 900 });
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('总览 shows the headline figures as the gap engine has them, and the charts drawn', async () => {
    await app.page.click('[data-testid=tab-dashboard]');
    await q('dashboard-figures').waitFor({ timeout: 30_000 });
    expect(await q('dashboard-standard').textContent()).toContain('2025');
    expect(await q('dashboard-sample').textContent()).toContain('示例数据');
    const settings = await invoke('gaps.settings', {});
    const report = await invoke('gaps.evaluate', { scenarioId: 1, standardId: settings.standardId, year: settings.year, onlyShort: false });
    const region = (id: string) => report.results.find((r) => r.scope === 'region' && r.target === id)!;
    const beds = q('dashboard-figures').locator('[data-testid=dashboard-figure][data-target="beds-per-1000"]');
    expect(await beds.locator('[data-testid=dashboard-figure-figure]').textContent()).toBe(`${FIXED2.format(region('beds-per-1000').value!)} / 11 张每千人`);
    expect(await beds.locator('[data-testid=dashboard-figure-gap]').textContent()).toBe(
      `还需床位 ${region('beds-per-1000').shortfall!.toLocaleString('en')} 张`,
    );
    expect(await beds.getAttribute('data-status')).toBe('short');
    const shown = await q('dashboard-figures')
      .locator('[data-testid=dashboard-figure]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.target));
    expect(shown).toEqual(expect.arrayContaining(['beds-per-1000', 'physicians-per-1000', 'nurses-per-1000', 'gps-per-10000', 'access-1530']));
    // Every figure carries its source note.
    expect(
      await q('dashboard-figures')
        .locator('[data-testid=dashboard-figure]')
        .evaluateAll((els) => els.every((e) => e.querySelector('[data-testid=slide-ref]'))),
    ).toBe(true);

    const { charts, empty } = await chartsDrawn('[data-testid=dashboard-view]');
    expect(charts).toBe(2);
    expect(empty).toEqual([]);
    expect(Number(await q('dashboard-bars').getAttribute('data-points'))).toBe(9); // 长沙市's nine counties
    expect(Number(await q('dashboard-map').getAttribute('data-shapes'))).toBeGreaterThan(100);
    // The three share bands and no data, then the 1530 run's service areas (its 30- and 15-minute limits) drawn on the map.
    expect(await q('dashboard-map-legend').locator('li').allTextContents()).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
      expect.any(String),
      '30 分钟服务范围（路网）',
      '15 分钟服务范围（路网）',
    ]);
    expect(
      await q('dashboard-map')
        .locator('[data-testid=brief-map-area]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-minutes'))),
    ).toEqual(['30', '15']);
    await screenshot(app.page, 'briefing-00-dashboard');

    // Another target by county; the map by a target's standing.
    await q('dashboard-bars-target').selectOption('gps-per-10000');
    await q('dashboard-map-colour').selectOption('beds-per-1000');
    await chartsDrawn('[data-testid=dashboard-view]');
    expect(await q('dashboard-map-legend').textContent()).toContain('不足');
    await q('dashboard-view')
      .locator('.brief-dash-scroll')
      .evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await screenshot(app.page, 'briefing-00b-dashboard-map');
  });

  it('exports a chart and the map as PNG, the deck as PPTX, and opens the printable PDF view', async () => {
    const png = async (button: string) => {
      const [dl] = await Promise.all([app.page.waitForEvent('download'), q(button).click()]);
      expect(dl.suggestedFilename()).toMatch(/\.png$/);
      const file = await dl.path();
      const buf = (await import('node:fs')).readFileSync(file);
      expect(buf.subarray(1, 4).toString()).toBe('PNG');
      expect(buf.length).toBeGreaterThan(10_000);
    };
    await png('dashboard-bars-png');
    await png('dashboard-curve-png');
    await png('dashboard-map-png');
    const [deck] = await Promise.all([app.page.waitForEvent('download', { timeout: 30_000 }), q('dashboard-pptx').click()]);
    expect(deck.suggestedFilename()).toMatch(/汇报材料\.pptx$/);
    const bytes = (await import('node:fs')).readFileSync(await deck.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBeGreaterThan(100_000);
    // 导出 PDF in the browser: the print view in a new tab (which then opens the print dialog).
    const [popup] = await Promise.all([app.page.context().waitForEvent('page'), q('dashboard-pdf').click()]);
    await popup.waitForFunction(() => document.body.dataset.briefReady === 'true' || document.body.dataset.briefError, undefined, { timeout: 60_000 });
    expect(await popup.evaluate(() => document.body.dataset.briefError ?? null)).toBeNull();
    expect(popup.url()).toContain('print=brief');
    expect(popup.url()).not.toContain('token=');
    const pages = await popup.locator('[data-testid=brief-page]').count();
    expect(pages).toBe(
      Number(
        await q('dashboard-present')
          .textContent()
          .then((s) => s!.match(/（(\d+)）/)![1]),
      ),
    );
    await popup.close();
  });

  it('presents every slide at 1920×1080 without overflow or an empty chart', async () => {
    const total = await presentAll('briefing-slide', 1920, 1080);
    expect(total).toBeGreaterThanOrEqual(18);
  });

  it('and at 1280×720', async () => {
    await presentAll('briefing-720-slide', 1280, 720);
  });

  it('compares a scenario with the baseline: before and after on the dashboard and the slides', async () => {
    const id = (await invoke('scenarios.create', { name: '扩床与新建中心' })).id;
    const hospital = (await invoke('facilities.list', { scenarioId: id })).find((f) => f.id === HOSPITAL)!;
    await invoke('facilities.update', { scenarioId: id, id: HOSPITAL, field: 'beds_open', value: hospital.beds_open! + 500 });
    const shaping = (await invoke('units.list', { scenarioId: id })).find((u) => u.code === SHAPING)!;
    await invoke('facilities.add', {
      scenarioId: id,
      type: 'chc',
      lon: shaping.lon! + 0.004,
      lat: shaping.lat!,
      name: '沙坪街道第二社区卫生服务中心',
      unit_code: SHAPING,
      fields: { beds_open: 30, physicians: 8 },
    });
    await app.page.setViewportSize({ width: 1600, height: 900 });
    await app.page.reload();
    await openUnits(app.page);
    await app.page.click('[data-testid=scenario-switcher]');
    await app.page.click(`[data-testid=scenario-option-${id}]`);
    await app.page.click('[data-testid=tab-dashboard]');
    await q('dashboard-figures').waitFor({ timeout: 30_000 });
    await q('dashboard-compare').selectOption('1');
    await expect.poll(() => q('dashboard-bars').getAttribute('data-series'), { timeout: 30_000 }).toBe('2');
    await chartsDrawn('[data-testid=dashboard-view]');
    expect(await q('dashboard-figures').locator('[data-target="beds-per-1000"]').textContent()).toMatch(/基线：\d+\.\d\d/);
    await screenshot(app.page, 'briefing-10-compare-dashboard');

    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await q('dashboard-present').click();
    await q('presentation-slide').waitFor();
    const total = Number(await q('presentation-counter').getAttribute('data-total'));
    const seen = new Set<string>();
    for (let n = 1; n <= total; n++) {
      await expect.poll(() => q('presentation-slide').getAttribute('data-n')).toBe(String(n));
      const kind = (await q('presentation-slide').getAttribute('data-kind'))!;
      // The title, the overview, one group, one bars slide, coverage (two maps) and the proposals.
      if (!seen.has(kind) && ['title', 'overview', 'group', 'bars', 'coverage', 'proposals'].includes(kind)) {
        seen.add(kind);
        if (kind === 'bars' || kind === 'coverage') expect((await chartsDrawn('[data-testid=presentation-slide]')).empty).toEqual([]);
        if (kind === 'coverage') expect(await q('presentation-slide').locator('[data-testid=slide-map]').count()).toBe(2);
        if (kind === 'bars') expect(await q('presentation-slide').locator('[data-testid=slide-chart]').getAttribute('data-series')).toBe('2');
        if (kind === 'proposals') expect(await q('presentation-slide').locator('[data-testid=slide-proposal]').count()).toBeGreaterThanOrEqual(2);
        await app.page.waitForTimeout(80);
        expect(await overflowOf(), `compare slide ${n} (${kind})`).toEqual([]);
        await screenshot(app.page, `briefing-11-compare-${String(n).padStart(2, '0')}-${kind}`);
      }
      await app.page.keyboard.press('PageDown');
    }
    expect([...seen].sort()).toEqual(['bars', 'coverage', 'group', 'overview', 'proposals', 'title']);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => q('presentation').count()).toBe(0);
  });
});
