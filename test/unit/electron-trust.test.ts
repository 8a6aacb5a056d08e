// The Electron main process answers only its own window and loads only its own files.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumLaunchArgs } from '../../electron/cli/brief-command.ts';
import { isAllowedRequest, isOwnUrl, isTrustedSender, secureWebPreferences } from '../../electron/main/trust.ts';

const dir = path.resolve('/opt/healthplan/out/renderer');
const page = pathToFileURL(path.join(dir, 'index.html')).href;

describe('Electron trust rules', () => {
  it('own pages are the renderer folder only', () => {
    expect(isOwnUrl(page, dir)).toBe(true);
    expect(isOwnUrl(pathToFileURL('/opt/healthplan/out/renderer-evil/index.html').href, dir)).toBe(false);
    expect(isOwnUrl(pathToFileURL('/etc/passwd').href, dir)).toBe(false);
    expect(isOwnUrl('https://example.com/', dir)).toBe(false);
  });

  it("answers IPC only from our window's main frame showing our page", () => {
    const ok = { senderId: 7, windowId: 7, isMainFrame: true, frameUrl: page };
    expect(isTrustedSender(ok, dir)).toBe(true);
    expect(isTrustedSender({ ...ok, senderId: 8 }, dir)).toBe(false);
    expect(isTrustedSender({ ...ok, windowId: null }, dir)).toBe(false);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, dir)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/' }, dir)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null }, dir)).toBe(false);
  });

  it('refuses every network request', () => {
    expect(isAllowedRequest(page, dir)).toBe(true);
    expect(isAllowedRequest(pathToFileURL(path.join(dir, 'assets', 'index.js')).href, dir)).toBe(true);
    expect(isAllowedRequest('blob:file:///abc', dir)).toBe(true);
    for (const url of ['https://tiles.example.com/1/2/3.png', 'http://127.0.0.1:8080/', 'ws://x/', pathToFileURL('/home/u/secret.txt').href]) {
      expect(isAllowedRequest(url, dir), url).toBe(false);
    }
  });

  it('windows are isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
  });
});

/** The top-level `electronFuses:` block of build/electron-builder.yml, as key → value text. */
function fusesOf(yml: string): Record<string, string> {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*(#.*)?$/.test(l));
  const fuses: Record<string, string> = {};
  if (start < 0) return fuses;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = /^ {2}([A-Za-z]+):\s*(\S+)\s*(#.*)?$/.exec(line);
    if (!m) break;
    fuses[m[1]!] = m[2]!;
  }
  return fuses;
}

describe('Electron fuses in the packaged app (Electron security checklist: flip the fuses)', () => {
  const yml = fs.readFileSync(path.resolve(import.meta.dirname, '../../build/electron-builder.yml'), 'utf8');
  const fuses = fusesOf(yml);

  it('no running as Node, no NODE_OPTIONS, no --inspect; code only from the checked app.asar; cookies encrypted', () => {
    expect(fuses).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      enableCookieEncryption: 'true',
    });
  });

  it('every fuse is a boolean and the asar is not turned off (integrity needs it)', () => {
    expect(Object.keys(fuses).length).toBeGreaterThanOrEqual(6);
    for (const [k, v] of Object.entries(fuses)) expect(['true', 'false'], k).toContain(v);
    expect(yml).not.toMatch(/^asar:\s*false/m);
  });

  it('the app does not rely on running Electron as Node (runAsNode off would break process.fork)', () => {
    const src = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? src(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    for (const f of src(path.resolve(import.meta.dirname, '../../electron/main'))) {
      expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(/ELECTRON_RUN_AS_NODE|child_process/);
    }
  });
});

describe("the briefing's Chromium keeps its sandbox unless the platform cannot", () => {
  it('sandboxed for an ordinary user on Linux, and on Windows and macOS', () => {
    for (const [platform, uid] of [
      ['linux', 1000],
      ['win32', undefined],
      ['darwin', 501],
      ['darwin', 0],
    ] as const) {
      const r = chromiumLaunchArgs(platform, uid, {}, 'zh');
      expect(r.args, platform).not.toContain('--no-sandbox');
      expect(r.chromiumSandbox, platform).toBe(true);
      expect(r.notice).toBeUndefined();
      expect(r.args).toContain('--headless');
    }
  });

  it('without the sandbox as root on Linux, and it says so (zh/en)', () => {
    const zh = chromiumLaunchArgs('linux', 0, {}, 'zh');
    expect(zh.args).toContain('--no-sandbox');
    expect(zh.chromiumSandbox).toBe(false);
    expect(zh.notice).toMatch(/无沙箱.*root/);
    expect(chromiumLaunchArgs('linux', 0, {}, 'en').notice).toMatch(/without its sandbox.*root/);
  });

  it('without the sandbox when HEALTHPLAN_CHROMIUM_NO_SANDBOX=1 (containers without user namespaces), only for "1"', () => {
    const r = chromiumLaunchArgs('linux', 1000, { HEALTHPLAN_CHROMIUM_NO_SANDBOX: '1' }, 'en');
    expect(r.args).toContain('--no-sandbox');
    expect(r.chromiumSandbox).toBe(false);
    expect(r.notice).toMatch(/HEALTHPLAN_CHROMIUM_NO_SANDBOX=1/);
    expect(chromiumLaunchArgs('linux', 1000, { HEALTHPLAN_CHROMIUM_NO_SANDBOX: '0' }, 'en').chromiumSandbox).toBe(true);
  });
});
