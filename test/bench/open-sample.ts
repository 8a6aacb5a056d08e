/// <reference lib="dom" />
// Benchmark: open the sample plan in the web door (Chromium) and time until the first table shows;
// then 50,000 facilities: time to first rows and to scroll to the end. Prints the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPlannerService } from '../../electron/backend/service.ts';
import { writeTable } from '../../electron/backend/io/write-sheet.ts';
import { emptyFacility } from '../../shared/model/entities.ts';
import { launchApp } from '../e2e/harness.ts';

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0).padStart(6)} ms`;
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-bench-ui-'));
try {
  // Write the sample once, so the figure is for opening it, not generating it.
  const svc = createPlannerService({ home, door: 'direct' });
  let t0 = performance.now();
  await svc.call('plan.openSample', {});
  console.log(`generate and write the sample plan              ${ms(t0)}`);
  svc.close();

  for (const run of ['cold', 'warm']) {
    t0 = performance.now();
    const app = await launchApp(home);
    await app.page.waitForSelector('[data-testid=grid-row]', { timeout: 30_000 });
    console.log(`open the sample in the web door → first table (${run}) ${ms(t0)}`);
    await app.close();
  }

  // 50,000 facilities
  const big = createPlannerService({ home, door: 'direct' });
  await big.call('plan.new', { path: 'big' });
  await big.call('table.import', {
    table: 'units',
    scenarioId: 1,
    file: { fileName: 'u.csv', dataBase64: Buffer.from('区划代码,名称,类型\nU1,某街道,街道\n').toString('base64') },
  });
  const rows = Array.from({ length: 50_000 }, (_, i) => ({ ...emptyFacility(`F${String(i).padStart(5, '0')}`, `机构${i}`, 'chc', 'U1'), beds_open: i % 300 }));
  await big.call('table.import', {
    table: 'facilities',
    scenarioId: 1,
    file: { fileName: 'f.csv', dataBase64: Buffer.from(await writeTable('facilities', rows, 'csv')).toString('base64') },
  });
  const bigPath = (await big.call('plan.info', {})).path;
  big.close();
  t0 = performance.now();
  const app = await launchApp(home, { open: bigPath });
  await app.page.click('[data-testid=tab-facilities]');
  await app.page.waitForSelector('[data-testid=facilities-grid] [data-testid=grid-row]', { timeout: 30_000 });
  console.log(`50,000 facilities → first rows                  ${ms(t0)}`);
  const domRows = await app.page.locator('[data-testid=facilities-grid] [data-testid=grid-row]').count();
  // Frame times while scrolling: wheel-sized steps (100 px a frame) and page jumps (a screenful a frame).
  const frames = (step: 'wheel' | 'page') =>
    app.page.evaluate(async (kind) => {
      const el = document.querySelector('[data-testid=facilities-grid] [data-testid=grid-scroll]') as HTMLElement;
      const times: number[] = [];
      let last = performance.now();
      for (let i = 1; i <= 120; i++) {
        el.scrollTop += kind === 'wheel' ? 100 : el.clientHeight;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      times.sort((a, b) => a - b);
      return { median: times[60]!, p95: times[114]! };
    }, step);
  for (const step of ['wheel', 'page'] as const) {
    const f = await frames(step);
    console.log(
      `  scrolling 50,000 rows, ${step === 'wheel' ? '100 px' : 'a screenful'} a frame: frame time median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms`,
    );
  }
  console.log(`  rows in the DOM: ${domRows} of 50,000`);
  await app.close();
} finally {
  fs.rmSync(home, { recursive: true, force: true });
}
