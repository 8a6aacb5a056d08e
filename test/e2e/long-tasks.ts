// The page's long tasks (the browser's 'longtask' entries: main-thread tasks over 50 ms) and the map
// gestures the e2e test and the province bench both measure them over.
import type { Page } from 'playwright-core';

interface Long {
  start: number;
  duration: number;
}
declare global {
  interface Window {
    __long?: Long[];
  }
}

/** Start recording every long task (buffered: those already past are kept too). */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Now on the page's clock (what `longTasksSince` takes). */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The long tasks since `from` (the page's clock): the longest, how many exceed `limit` ms, how many in all. */
export async function longTasksSince(page: Page, from: number, limit: number): Promise<{ longest: number; over: number; count: number }> {
  const tasks = await page.evaluate((t0) => (window.__long ?? []).filter((x) => x.start >= t0), from);
  return {
    longest: Math.round(Math.max(0, ...tasks.map((x) => x.duration))),
    over: tasks.filter((x) => x.duration > limit).length,
    count: tasks.length,
  };
}

/**
 * A planner looking round the map: four drags across the canvas, four wheel steps in on its middle, two
 * more drags; `idle` waited for after each part, `zoomed` called once the wheel is done (to check it zoomed).
 */
export async function panAndZoom(
  page: Page,
  canvas: { x: number; y: number; width: number; height: number },
  idle: () => Promise<unknown>,
  zoomed: () => Promise<void> = async () => {},
): Promise<void> {
  const cx = canvas.x + canvas.width / 2,
    cy = canvas.y + canvas.height / 2;
  const drag = async (dx: number, dy: number) => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(cx + (dx * i) / 8, cy + (dy * i) / 8);
    await page.mouse.up();
  };
  for (const [dx, dy] of [
    [220, 0],
    [0, 160],
    [-300, -80],
    [120, -60],
  ] as const)
    await drag(dx, dy);
  await idle();
  for (let i = 0; i < 4; i++) {
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(150);
  }
  await idle();
  await zoomed();
  for (const [dx, dy] of [
    [-200, 60],
    [160, -120],
  ] as const)
    await drag(dx, dy);
  await idle();
}
