/**
 * The portable launcher's choices (issue 14): which browser opens the app window and with what
 * switches, how the default browser is reached, and where a planner's plans go (Documents/HealthPlan).
 */
import { describe, expect, it } from 'vitest';
import { appModeArgs, browserCandidates, defaultBrowserCommand, findAppBrowser, type BrowserEnv } from '../../electron/portable/browser.ts';
import { documentsDir, xdgDocuments, type UserDirsEnv } from '../../electron/backend/user-dirs.ts';

const win: BrowserEnv = {
  platform: 'win32',
  exists: () => false,
  env: {
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    ProgramFiles: 'C:\\Program Files',
    LOCALAPPDATA: 'C:\\Users\\张三\\AppData\\Local',
    APPDATA: 'C:\\Users\\张三\\AppData\\Roaming',
  },
};

describe('the app window’s browser', () => {
  it('on Windows takes Edge first (every Windows 10/11 has it), then Chrome, then the 360 browsers', () => {
    const c = browserCandidates(win);
    expect(c[0]).toBe('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    const firstChrome = c.findIndex((f) => f.endsWith('chrome.exe'));
    expect(firstChrome).toBeGreaterThan(c.findIndex((f) => f.endsWith('msedge.exe')));
    expect(c.at(-1)).toBe('C:\\Users\\张三\\AppData\\Roaming\\360se6\\Application\\360se.exe');
    const only = (f: string) => findAppBrowser({ ...win, exists: (x) => x === f });
    expect(only('C:\\Users\\张三\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe')).toBe(
      'C:\\Users\\张三\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    );
    expect(findAppBrowser(win)).toBeNull();
  });

  it('on Linux looks on PATH, Chromium first, and HEALTHPLAN_BROWSER comes before all', () => {
    const linux: BrowserEnv = {
      platform: 'linux',
      env: { PATH: '/opt/x/bin:/usr/bin' },
      exists: (f) => f === '/usr/bin/chromium' || f === '/opt/x/bin/google-chrome',
    };
    expect(findAppBrowser(linux)).toBe('/usr/bin/chromium');
    expect(findAppBrowser({ ...linux, env: { ...linux.env, HEALTHPLAN_BROWSER: '/opt/x/bin/google-chrome' } })).toBe('/opt/x/bin/google-chrome');
    expect(findAppBrowser({ ...linux, exists: (f) => f === '/opt/x/bin/google-chrome' })).toBe('/opt/x/bin/google-chrome');
  });

  it('opens an app window on its own profile, fetches nothing for itself, and runs unsandboxed only as root on Linux', () => {
    const args = appModeArgs('http://127.0.0.1:5/?token=ab', '/h/browser-profile', { platform: 'linux', env: {}, exists: () => true, uid: 1000 });
    expect(args).toContain('--app=http://127.0.0.1:5/?token=ab');
    expect(args).toContain('--user-data-dir=/h/browser-profile');
    expect(args).toContain('--disable-background-networking');
    expect(args).not.toContain('--no-sandbox');
    expect(appModeArgs('u', 'p', { platform: 'linux', env: {}, exists: () => true, uid: 0 })).toContain('--no-sandbox');
    expect(appModeArgs('u', 'p', { platform: 'win32', env: { HEALTHPLAN_BROWSER_FLAGS: '--headless=new  --x' }, exists: () => true })).toEqual(
      expect.arrayContaining(['--headless=new', '--x']),
    );
  });

  it('falls back to the default browser with the address as one argument', () => {
    expect(defaultBrowserCommand('win32', 'http://127.0.0.1:5/?token=a&b')).toEqual([
      'rundll32',
      ['url.dll,FileProtocolHandler', 'http://127.0.0.1:5/?token=a&b'],
    ]);
    expect(defaultBrowserCommand('linux', 'u')).toEqual(['xdg-open', ['u']]);
    expect(defaultBrowserCommand('darwin', 'u')).toEqual(['open', ['u']]);
  });
});

describe('Documents (文档), where plans go', () => {
  const base: UserDirsEnv = { platform: 'linux', home: '/home/zs', env: {}, readText: () => null, windowsDocuments: () => null };

  it('reads XDG’s documents folder (统信UOS and 麒麟 in Chinese: ~/文档)', () => {
    const dirs = '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/桌面"\nXDG_DOCUMENTS_DIR="$HOME/文档"\n';
    expect(documentsDir({ ...base, readText: (f) => (f === '/home/zs/.config/user-dirs.dirs' ? dirs : null) })).toBe('/home/zs/文档');
    expect(xdgDocuments('XDG_DOCUMENTS_DIR="/data/docs"', '/home/zs')).toBe('/data/docs');
    // "$HOME/" means the folder is switched off; a relative value is not a folder: ~/Documents then.
    expect(xdgDocuments('XDG_DOCUMENTS_DIR="$HOME/"', '/home/zs')).toBeNull();
    expect(xdgDocuments('XDG_DOCUMENTS_DIR="docs"', '/home/zs')).toBeNull();
    expect(documentsDir(base)).toBe('/home/zs/Documents');
    expect(
      documentsDir({ ...base, env: { XDG_CONFIG_HOME: '/cfg' }, readText: (f) => (f === '/cfg/user-dirs.dirs' ? 'XDG_DOCUMENTS_DIR="$HOME/Docs"' : null) }),
    ).toBe('/home/zs/Docs');
  });

  it('on Windows takes the Personal shell folder (it may be moved to D:), else %USERPROFILE%\\Documents', () => {
    const w: UserDirsEnv = { ...base, platform: 'win32', home: 'C:\\Users\\zs', env: { USERPROFILE: 'C:\\Users\\张三' } };
    expect(documentsDir({ ...w, windowsDocuments: () => 'D:\\文档' })).toBe('D:\\文档');
    expect(documentsDir(w)).toBe('C:\\Users\\张三\\Documents');
  });
});
