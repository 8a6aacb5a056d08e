// End-to-end: 文件 → 路网与边界… — what the plan has, importing a road file (with a bad feature listed),
// the speeds by class. Screenshots: test-results/screenshots/roads-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-roads-');
let app: App;
const q = (id: string) => app.page.locator(`[data-testid=${id}]`);

async function openDialog() {
  await app.page.click('[data-testid=menu-file]');
  await app.page.click('[data-testid=menuitem-file-roads]');
  await q('roads-summary').waitFor();
}

describe('路网与边界', () => {
  beforeAll(async () => {
    app = await launchApp(home);
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it("shows the sample's generated network and boundaries, and its speeds", async () => {
    await openDialog();
    await expect.poll(() => q('roads-summary').textContent()).toMatch(/路网：[\d,]+ 段，共 [\d,.]+ 公里/);
    expect(await q('roads-summary').textContent()).toMatch(/边界：\d+ 个单位/);
    expect(await q('roads-speed-residential').inputValue()).toBe('25');
    await screenshot(app.page, 'roads-01-summary');
  });

  it('imports a road file, listing the bad feature, and saves a speed', async () => {
    const file = path.join(home, '道路.geojson');
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { highway: 'primary' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [112.9, 28.2],
                [113.0, 28.2],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { highway: 'footway' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [112.9, 28.21],
                [113.0, 28.21],
              ],
            },
          },
          { type: 'Feature', properties: { highway: 'primary' }, geometry: { type: 'LineString', coordinates: [[112.9, 28.22]] } },
        ],
      }),
    );
    await q('roads-file-input').setInputFiles(file);
    await q('roads-dry-run').check();
    await app.page.click('[data-testid=dialog-submit]');
    await expect.poll(() => q('roads-report').getAttribute('data-ok')).toBe('true');
    expect(await q('roads-report').textContent()).toContain('检查通过：将导入 1 段');
    expect(await q('roads-report').textContent()).toContain('footway 1');
    await expect.poll(() => q('roads-problem').count()).toBe(1);
    expect(await q('roads-problem').locator('td').first().textContent()).toBe('3');
    await screenshot(app.page, 'roads-02-dry-run');

    await q('roads-speed-residential').fill('20');
    await q('roads-save-speeds').click();
    await expect.poll(async () => (await app.door.service.call('roads.summary', {})).speeds.residential).toBe(20);
    await q('roads-speed-primary').fill('0');
    expect(await q('roads-save-speeds').isDisabled()).toBe(true);
    await screenshot(app.page, 'roads-03-speeds');
    // The dry run wrote nothing: the sample's network is still there.
    expect((await app.door.service.call('roads.summary', {})).segments).toBeGreaterThan(1000);
  });
});
