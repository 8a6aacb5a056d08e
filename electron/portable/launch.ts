/**
 * The portable build's launcher (HealthPlan.vbs / HealthPlan.cmd / HealthPlan.sh run
 * `node app/out/launch.mjs`): starts the loopback door with a fresh token, opens the last plan (or writes
 * and opens the sample on first start) and shows the app in its own browser window. Closing that window,
 * or 文件 ▸ 退出, stops the door; a second start opens another window on the running door.
 *
 * Options: --no-browser (serve only, e.g. on a machine reached by ssh -L; stops with Ctrl+C or 退出),
 * --port N, --home DIR (config; plans then go to DIR/plans), --plans DIR, --idle S (seconds with no page
 * calling before the door stops; 300).
 * Its log is <config>/launch.log, as the .vbs start has no console.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../backend/paths.ts';
import { configHome } from '../backend/workspace.ts';
import { startWebDoor, type WebDoor } from '../web/server.ts';
import { appModeArgs, defaultBrowserCommand, findAppBrowser, profileInUse, type BrowserEnv } from './browser.ts';
import { liveDoor, pidAlive, removeRecord, writeRecord } from './running.ts';
import { showError } from './show-error.ts';

/** A browser of ours that ends this soon with an error did not start (the default browser is tried). */
const FAILED_START_MS = 5_000;
/** The door stops after this long with no page calling (a plain browser tab closed, a browser lingering); --idle S. */
const IDLE_MS = 5 * 60_000;

const { values } = parseArgs({
  options: {
    'no-browser': { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    home: { type: 'string' },
    plans: { type: 'string' },
    idle: { type: 'string' },
  },
});
const idleMs = values.idle ? Number(values.idle) * 1000 : IDLE_MS;
if (!(idleMs > 0)) {
  console.error(`--idle ${values.idle}: give the seconds, more than 0`);
  process.exit(2);
}
const IDLE_CHECK_MS = Math.min(30_000, idleMs / 2);
const home = configHome(values.home ?? process.env.HEALTHPLAN_HOME);
const browserEnv: BrowserEnv & { uid?: number } = {
  platform: process.platform,
  env: process.env,
  uid: process.getuid?.(),
  exists: (f) => {
    try {
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  },
};

function log(line: string): void {
  const text = `${new Date().toISOString()} [${process.pid}] ${line}\n`;
  process.stdout.write(text);
  try {
    const file = path.join(home, 'launch.log');
    if (fs.existsSync(file) && fs.statSync(file).size > 1 << 20) fs.renameSync(file, `${file}.1`);
    fs.appendFileSync(file, text);
  } catch {
    /* the log is a help, never a reason to fail */
  }
}

const profileDir = () => path.join(home, 'browser-profile');

/** Opens `url` in an app window of our profile; the child is ours to watch when the browser was found. */
function openWindow(url: string): ChildProcess | null {
  const browser = findAppBrowser(browserEnv);
  if (browser) {
    const child = spawn(browser, appModeArgs(url, profileDir(), browserEnv), { stdio: 'ignore', windowsHide: false });
    child.on('error', (e) => {
      log(`浏览器无法启动 / browser failed: ${browser}: ${e.message}`);
      openDefault(url);
    });
    log(`窗口 / window: ${browser} --app`);
    return child;
  }
  openDefault(url);
  return null;
}

function openDefault(url: string): void {
  const [cmd, args] = defaultBrowserCommand(process.platform, url);
  log(`未找到 Chromium 内核浏览器，用默认浏览器打开 / no Chromium-family browser: opening the default browser (${cmd})`);
  try {
    spawn(cmd, args, { stdio: 'ignore', detached: true })
      .on('error', () => log(`请在浏览器中打开 / open in a browser: ${url}`))
      .unref();
  } catch {
    log(`请在浏览器中打开 / open in a browser: ${url}`);
  }
}

/** Another launcher's door: open a window on it and leave. */
async function joinRunning(): Promise<boolean> {
  const running = await liveDoor(home);
  if (!running) return false;
  log(`已在运行（进程 ${running.pid}），打开新窗口 / already running (pid ${running.pid}): opening a window`);
  if (values['no-browser']) {
    console.log(running.url);
    return true;
  }
  const child = openWindow(running.url);
  child?.unref();
  return true;
}

/** Opens the plan last used, else the sample (written on first start). */
async function openStartPlan(door: WebDoor): Promise<void> {
  const [last] = (await door.service.call('app.status', {})).recent;
  if (last) {
    try {
      await door.service.call('plan.open', { path: last });
      return;
    } catch (e) {
      log(`未能打开上次的方案 / could not reopen ${last}: ${(e as Error).message}`);
    }
  }
  await door.service.call('plan.openSample', {});
}

/**
 * Only one launcher starts a door: the start lock is a file made exclusively (a double double-click
 * starts two launchers at once); a lock left by a killed launcher is taken over.
 */
function takeStartLock(): boolean {
  const file = path.join(home, 'start.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (pidAlive(holder) && Date.now() - fs.statSync(file).mtimeMs < 60_000) return false;
      fs.rmSync(file, { force: true });
    }
  }
  return false;
}
const releaseStartLock = () => fs.rmSync(path.join(home, 'start.lock'), { force: true });

async function main(): Promise<void> {
  fs.mkdirSync(home, { recursive: true });
  if (await joinRunning()) return;
  if (!takeStartLock()) {
    // Another launcher is starting the door: wait for it, then join it.
    for (let i = 0; i < 60 && !(await liveDoor(home)); i++) await new Promise((r) => setTimeout(r, 500));
    if (await joinRunning()) return;
    throw new Error('另一个 HealthPlan 正在启动但未能完成 / another start did not finish');
  }
  let browser: ChildProcess | null = null;
  let stopping = false;
  const started = Date.now();
  let door: WebDoor;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log(`停止 / stopping: ${why}`);
    removeRecord(home, process.pid);
    await door.close();
    if (browser && browser.exitCode === null && browser.signalCode === null) browser.kill();
    process.exit(0);
  };
  try {
    door = await startWebDoor({
      port: Number(values.port),
      home: values.home,
      plansDir: values.plans,
      staticDir: path.join(projectRoot(), 'out', 'renderer'),
      quit: () => void stop('退出 / quit'),
    });
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void stop(sig));
    await openStartPlan(door);
    writeRecord(home, { pid: process.pid, port: door.port, token: door.token, url: door.url, startedAt: new Date().toISOString() });
  } finally {
    releaseStartLock();
  }
  log(`HealthPlan ${door.url.replace(/token=\w+/, 'token=…')} 方案目录 / plans: ${door.service.workspace.plansDir}（${Date.now() - started} ms）`);
  console.log(`HealthPlan: ${door.url}`);
  if (values['no-browser']) return;

  // Whatever the window, the door stops when no page has called for a while: a tab closed in the default
  // browser, or a browser that lingers in the background after its last window closed.
  // A tick long overdue means the computer slept: its pages get a fresh grace period to call again.
  let lastTick = Date.now();
  let graceFrom = 0;
  setInterval(() => {
    const now = Date.now();
    if (now - lastTick > 3 * IDLE_CHECK_MS) graceFrom = now;
    lastTick = now;
    if (now - Math.max(door.lastCallAt(), graceFrom) > idleMs) void stop(`没有页面 / no page for ${idleMs / 1000} s`);
  }, IDLE_CHECK_MS).unref();
  // A browser left running on our profile (its door was killed) takes the window: not ours to watch.
  const handedOver = profileInUse(profileDir());
  browser = openWindow(door.url);
  if (!browser || handedOver) return;
  const opened = Date.now();
  browser.on('exit', (code, signal) => {
    log(`浏览器进程结束 / browser ended: ${code ?? signal} after ${Date.now() - opened} ms`);
    if (code !== 0 && Date.now() - opened < FAILED_START_MS) {
      openDefault(door.url);
      browser = null;
      return;
    }
    void stop('窗口已关闭 / window closed');
  });
  // Kept alive by the server; the interval above is unref'd.
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  log(`无法启动 / cannot start: ${message}`);
  showError(`HealthPlan 无法启动：${message}\n日志 / log: ${path.join(home, 'launch.log')}`);
  process.exit(1); // a door that started before the failure would keep the process alive
});
