/** Electron hardening: what a window may load, where it may navigate, and who may call the service. */
import { session, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const secureWebPreferences = (preload: string) => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
});

/** The renderer's own pages: file URLs under out/renderer and nothing else. */
export function isOwnUrl(url: string, rendererDir: string): boolean {
  return url.startsWith(pathToFileURL(rendererDir + path.sep).href);
}

/** Applies to every web contents: no navigation away, no new windows, no permission grants, CSP header, no network. */
export function hardenSession(rendererDir: string): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => {
    // Offline by design: only our own files (and devtools) load; everything else is refused.
    const ok = details.url.startsWith('file:') || details.url.startsWith('devtools:') || details.url.startsWith('blob:') || details.url.startsWith('data:');
    cb({ cancel: !ok || (details.url.startsWith('file:') && !isOwnUrl(details.url, rendererDir)) });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }));
}

export function lockNavigation(contents: WebContents, rendererDir: string): void {
  contents.on('will-navigate', (e, url) => { if (!isOwnUrl(url, rendererDir)) e.preventDefault(); });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

/** IPC is answered only for our own window's main frame, showing our own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, rendererDir: string): boolean {
  if (!win || win.isDestroyed() || event.sender.id !== win.webContents.id) return false;
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && isOwnUrl(frame.url, rendererDir);
}
