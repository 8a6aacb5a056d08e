/** Drives the real app in Debian's Chromium through the loopback web door (Electron cannot run here). */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebDoor, type WebDoor } from '../../electron/web/server.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

/**
 * The flags our closed-network machines need: no background connections, no sandbox as root; and
 * WebGL for the map on the software renderer (SwiftShader), asked for explicitly: Chromium is
 * phasing out falling back to it on its own.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--enable-unsafe-swiftshader',
];

export interface App {
  door: WebDoor;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function launchApp(home: string, opts: { width?: number; height?: number; open?: string } = {}): Promise<App> {
  const staticDir = path.join(ROOT, 'out', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` (npm test does)');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (see README)`);
  const door = await startWebDoor({ home, staticDir });
  if (opts.open) await door.service.invoke('plan.open', { path: opts.open });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1600, height: opts.height ?? 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(door.url);
  return {
    door,
    browser,
    page,
    async close() {
      await browser.close();
      await door.close();
      if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    },
  };
}

/**
 * The app opens on 总览 (the dashboard); a test that starts from the units table goes there as a
 * planner would, after the plan has loaded.
 */
export async function openUnits(page: Page): Promise<void> {
  await page.locator('[data-testid=tab-dashboard][aria-selected=true]').waitFor();
  await page.click('[data-testid=tab-units]');
  await page.locator('[data-testid=units-grid] [data-testid=grid-row]').first().waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
