/** Electron hardening: what a window may load, where it may navigate, and who may call the service. */
import { session, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CSP, isAllowedRequest, isOwnUrl, isTrustedSender } from './trust.ts';

/** Applies to every web contents: no navigation away, no new windows, no permission grants, CSP header, no network. */
export function hardenSession(rendererDir: string): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => {
    // Offline by design: only our own files load; everything else, the network above all, is refused.
    cb({ cancel: !isAllowedRequest(details.url, rendererDir) });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );
}

export function lockNavigation(contents: WebContents, rendererDir: string): void {
  contents.on('will-navigate', (e, url) => {
    if (!isOwnUrl(url, rendererDir)) e.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

/** IPC is answered only for our own windows' main frames, showing our own page. */
export function isTrustedEvent(event: IpcMainInvokeEvent, windows: readonly (BrowserWindow | null)[], rendererDir: string): boolean {
  const frame = event.senderFrame;
  return windows.some((win) =>
    isTrustedSender(
      {
        senderId: event.sender.id,
        windowId: win && !win.isDestroyed() ? win.webContents.id : null,
        isMainFrame: !!frame && frame === event.sender.mainFrame,
        frameUrl: frame?.url ?? null,
      },
      rendererDir,
    ),
  );
}
