/**
 * The window of the portable build: the machine's Chromium-family browser in app mode (`--app=URL`, its
 * own profile folder, no address bar), else the default browser. Edge is on every Windows 10/11; on
 * 统信UOS/麒麟 the 信创 browsers are Chromium underneath and take the same switches.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pidAlive } from './running.ts';

export interface BrowserEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists(file: string): boolean;
}

/** Linux commands looked for on PATH, best first (the last ones are names the 信创 browsers install under). */
const LINUX_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'microsoft-edge-stable',
  'microsoft-edge',
  'browser360-cn-stable',
  'qaxbrowser-safe-stable',
  'uos-browser-stable',
  'deepin-browser',
];
const MAC_APPS = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Chromium.app/Contents/MacOS/Chromium'];

/** Where app-mode browsers may be, best first: HEALTHPLAN_BROWSER, then the usual places of each platform. */
export function browserCandidates(b: BrowserEnv): string[] {
  const { env } = b;
  const given = env.HEALTHPLAN_BROWSER ? [env.HEALTHPLAN_BROWSER] : [];
  if (b.platform === 'win32') {
    const w = path.win32;
    const roots = (...keys: string[]) => keys.map((k) => env[k]).filter((v): v is string => !!v);
    const programs = roots('ProgramFiles(x86)', 'ProgramFiles', 'ProgramW6432', 'LOCALAPPDATA');
    return [
      ...given,
      ...programs.map((r) => w.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
      ...programs.map((r) => w.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots('LOCALAPPDATA').map((r) => w.join(r, 'Chromium', 'Application', 'chrome.exe')),
      ...roots('LOCALAPPDATA').map((r) => w.join(r, '360ChromeX', 'Chrome', 'Application', '360ChromeX.exe')),
      ...roots('LOCALAPPDATA').map((r) => w.join(r, '360Chrome', 'Chrome', 'Application', '360chrome.exe')),
      ...roots('APPDATA').map((r) => w.join(r, '360se6', 'Application', '360se.exe')),
    ];
  }
  if (b.platform === 'darwin') return [...given, ...MAC_APPS.map((a) => path.join('/Applications', a))];
  const dirs = (env.PATH ?? '/usr/bin:/bin').split(path.delimiter).filter(Boolean);
  return [...given, ...LINUX_NAMES.flatMap((n) => dirs.map((d) => path.join(d, n)))];
}

/** The first candidate that is there, or null (the caller then opens the default browser). */
export function findAppBrowser(b: BrowserEnv): string | null {
  return browserCandidates(b).find((f) => b.exists(f)) ?? null;
}

/**
 * The switches: the app window on `url` with our own profile (so the window is ours: when its process
 * ends, the window is closed), nothing fetched by the browser for itself, and extra switches from
 * HEALTHPLAN_BROWSER_FLAGS (the tests run it headless). As root on Linux Chromium only starts unsandboxed.
 */
export function appModeArgs(url: string, profileDir: string, b: BrowserEnv & { uid?: number }): string[] {
  const extra = (b.env.HEALTHPLAN_BROWSER_FLAGS ?? '').split(/\s+/).filter(Boolean);
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--window-size=1440,900',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter',
    '--disable-quic',
    // Its process ends with its last window (no background apps keeping it), which ends the door.
    '--disable-background-mode',
    ...(b.platform === 'linux' && b.uid === 0 ? ['--no-sandbox'] : []),
    ...extra,
  ];
}

/** How to open `url` in the default browser, where no app-mode browser is found. */
export function defaultBrowserCommand(platform: NodeJS.Platform, url: string): [string, string[]] {
  // rundll32's URL handler takes the address as one argument, with no shell parsing of `&`.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  if (platform === 'darwin') return ['open', [url]];
  return ['xdg-open', [url]];
}

/**
 * Whether a browser already runs on this profile folder: then a new start hands its window to that
 * browser and ends at once, and the window is not ours to watch. Chromium marks the profile with
 * SingletonLock (a link to "host-pid") on Linux and macOS, and keeps `lockfile` open on Windows.
 */
export function profileInUse(profileDir: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') {
    const lock = path.join(profileDir, 'lockfile');
    if (!fs.existsSync(lock)) return false;
    try {
      fs.rmSync(lock);
      return false;
    } catch {
      return true;
    } // held open by a running browser
  }
  let target: string;
  try {
    target = fs.readlinkSync(path.join(profileDir, 'SingletonLock'));
  } catch {
    return false;
  }
  return pidAlive(Number(target.split('-').pop()));
}
