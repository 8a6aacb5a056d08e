// The Electron main process answers only its own window and loads only its own files.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
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

  it('answers IPC only from our window\'s main frame showing our page', () => {
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
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });
});
