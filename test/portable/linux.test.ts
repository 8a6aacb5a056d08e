/**
 * The Linux x64 archive on a machine that never saw the project (issue 14): unpacked into a clean
 * folder and started with no node or npm on PATH and HOME an empty folder. The door answers, the sample
 * is written to ~/Documents/HealthPlan and opens in Chromium's app window (a screenshot is kept),
 * `healthplan gaps` inside the folder gives the development tree's figures, and closing the window
 * stops everything.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { archiveOf, callDoor, killUnder, processesUnder, readDoor, run, until } from './archives.ts';

const archive = archiveOf('linux-x64');
// The real binary, not Debian's wrapper script, which needs a full PATH.
const BROWSER = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((f) => fs.existsSync(f));
const here = process.platform === 'linux' && process.arch === 'x64';

describe.skipIf(!here)('the Linux x64 portable archive', () => {
  const work = tmpDir('hp-portable-linux-');
  const home = path.join(work, 'home');
  const bin = path.join(work, 'bin');
  let top = '';
  let env: NodeJS.ProcessEnv = {};

  it('unpacks into one folder and runs with no node on PATH', async () => {
    expect(archive, 'no linux-x64 archive in dist/portable: run `npm run portable`').toBeTruthy();
    expect(BROWSER, 'Chromium is not installed: apt-get install chromium').toBeTruthy();
    fs.mkdirSync(home);
    fs.mkdirSync(bin);
    // PATH holds only what a shell script needs: no node, no npm.
    for (const tool of ['sh', 'dirname']) fs.symlinkSync(fs.realpathSync(`/bin/${tool}`), path.join(bin, tool));
    const unpacked = path.join(work, 'unpacked');
    fs.mkdirSync(unpacked);
    expect((await run('tar', ['-xzf', archive!, '-C', unpacked])).code).toBe(0);
    const [folder, ...more] = fs.readdirSync(unpacked);
    expect(more).toEqual([]);
    expect(folder).toMatch(/^HealthPlan-\d+\.\d+\.\d+-linux-x64$/);
    top = path.join(unpacked, folder!);
    env = {
      PATH: bin,
      HOME: home,
      LANG: 'zh_CN.UTF-8',
      HEALTHPLAN_BROWSER: BROWSER,
      HEALTHPLAN_BROWSER_FLAGS: '--headless=new --remote-debugging-port=0',
    };
    expect((await run('sh', ['-c', 'command -v node npm || echo none'], { env })).out.trim()).toBe('none');
    console.log(`archive ${path.basename(archive!)}: ${(fs.statSync(archive!).size / 1e6).toFixed(1)} MB`);
  });

  const config = () => path.join(home, '.healthplan');

  /** Starts HealthPlan.sh as a planner's double-click would: its output kept, its end awaited with a limit. */
  function start() {
    fs.rmSync(path.join(config(), 'browser-profile', 'DevToolsActivePort'), { force: true }); // a last browser's
    const launcher = spawn(path.join(top, 'HealthPlan.sh'), [], { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    launcher.stdout.on('data', (d) => {
      log += d;
    });
    launcher.stderr.on('data', (d) => {
      log += d;
    });
    const exited = new Promise<number | null>((r) => launcher.on('exit', (c) => r(c)));
    return {
      log: () => log,
      ended: () => Promise.race([exited, new Promise((r) => setTimeout(() => r(`still running after 30 s: ${log}`), 30_000))]),
      /** After a failed check: nothing left running, so the folder can go. */
      cleanUp: () => {
        if (launcher.exitCode === null) launcher.kill('SIGKILL');
        killUnder(home);
      },
    };
  }

  /** The door's record and the app window Chromium opened on it, once the plan shows. */
  async function appWindow() {
    const door = await until(() => readDoor(path.join(config(), 'door.json')), 30_000, 'the door record');
    const port = await until(
      () => {
        try {
          return fs.readFileSync(path.join(config(), 'browser-profile', 'DevToolsActivePort'), 'utf8').split('\n')[0];
        } catch {
          return null;
        }
      },
      30_000,
      'Chromium',
    );
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const page = await until(
      () =>
        browser
          .contexts()[0]
          ?.pages()
          .find((p) => p.url().startsWith(`http://127.0.0.1:${door.port}/`)),
      30_000,
      'the app window',
    );
    await page.waitForSelector('[data-testid=plan-name]:not(:empty)', { timeout: 60_000 });
    return { door, browser, page };
  }

  const nothingLeft = () =>
    until(
      () => processesUnder(top).length === 0 && processesUnder(home).length === 0,
      10_000,
      `no process left: ${processesUnder(top).concat(processesUnder(home)).join('; ')}`,
    );

  it('starts the door, writes the sample to ~/Documents/HealthPlan and shows it in an app window; closing the window stops it all', async () => {
    const t0 = Date.now();
    const run = start();
    try {
      const { door, browser, page } = await appWindow();
      const firstScreen = Date.now() - t0;
      const status = await callDoor(door, 'app.status');
      expect(status.plan.path).toBe(path.join(home, 'Documents', 'HealthPlan', '示例-长沙市+益阳市资阳区.hplan'));
      expect(status.canQuit).toBe(true);
      await page.getByTestId('tab-gaps').click();
      await page.waitForSelector('[data-testid=gaps-summary]', { timeout: 60_000 });
      await page.waitForTimeout(500);
      fs.mkdirSync('test-results/screenshots', { recursive: true });
      await page.screenshot({ path: 'test-results/screenshots/portable-linux-x64.png' });
      expect(await page.getByTestId('plan-name').textContent()).toBe('示例: 长沙市 + 益阳市资阳区');
      console.log(`linux-x64: launch to first screen ${firstScreen} ms`);
      // The planner goes on in a copy of their own: the next start reopens it.
      expect((await callDoor(door, 'plan.saveAs', { path: '我的方案' })).path).toBe(path.join(home, 'Documents', 'HealthPlan', '我的方案.hplan'));

      // Closing the window ends the browser; the launcher then stops the door and leaves nothing behind.
      const cdp = await browser.newBrowserCDPSession();
      await cdp.send('Browser.close').catch(() => undefined);
      expect(await run.ended()).toBe(0);
      expect(run.log()).toMatch(/window closed/);
      expect(readDoor(path.join(config(), 'door.json'))).toBeNull();
      await expect(fetch(`http://127.0.0.1:${door.port}/`)).rejects.toThrow();
      await nothingLeft();
    } finally {
      run.cleanUp();
    }
  }, 180_000);

  it('a second start reopens the last plan; 文件 ▸ 退出 ends the program and its window', async () => {
    const run = start();
    try {
      const { page } = await appWindow();
      expect(await page.getByTestId('plan-name').textContent()).toBe('示例: 长沙市 + 益阳市资阳区');
      expect(await page.getByTestId('plan-name').getAttribute('title')).toBe(path.join(home, 'Documents', 'HealthPlan', '我的方案.hplan'));
      await page.getByTestId('menu-file').click();
      await page.getByTestId('menuitem-file-quit').waitFor();
      await page.screenshot({ path: 'test-results/screenshots/portable-file-menu.png' });
      await page.getByTestId('menuitem-file-quit').click();
      expect(await run.ended()).toBe(0);
      expect(run.log()).toMatch(/quit/);
      expect(readDoor(path.join(config(), 'door.json'))).toBeNull();
      await nothingLeft();
    } finally {
      run.cleanUp();
    }
  }, 180_000);

  it('`healthplan gaps` inside the folder gives the same figures as the development tree', async () => {
    const plan = path.join(home, 'Documents', 'HealthPlan', '示例-长沙市+益阳市资阳区.hplan');
    const portable = await run(path.join(top, 'healthplan'), ['gaps', plan, '--format', 'csv', '--out', path.join(work, 'portable.csv')], { cwd: home, env });
    expect(portable.code, portable.out).toBe(0);
    const dev = await run(process.execPath, ['bin/healthplan.mjs', 'gaps', plan, '--format', 'csv', '--out', path.join(work, 'dev.csv')], {
      env: { ...process.env, HEALTHPLAN_HOME: path.join(work, 'devhome') },
    });
    expect(dev.code, dev.out).toBe(0);
    const a = fs.readFileSync(path.join(work, 'portable.csv'), 'utf8');
    expect(a).toBe(fs.readFileSync(path.join(work, 'dev.csv'), 'utf8'));
    // Not an empty agreement: the sheet has the sample's rows, with their document numbers: 长沙市 is
    // 35,873 beds short of 长政办发〔2021〕62号's 11 per 1,000 (the figure the gap screen shows).
    expect(a.split('\n').length).toBeGreaterThan(50);
    // (说明: the 河西新院, a 2025 project of 长政办发〔2021〕62号 with no figures, counts as 0 beds.)
    expect(a).toContain(
      '每千常住人口床位数,beds-per-1000,全域,region,长沙市,7.686,11,35873,张,不足,2025,1 所机构缺少「实有床位」数据，按 0 计,长政办发〔2021〕62号',
    );
  }, 120_000);
});
