/**
 * Who the main process trusts and how its windows are locked down, as pure functions (no `electron` import) so they are tested without
 * the Electron binary: only our own pages, and IPC only from our window's main frame showing them.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The renderer's own pages: file URLs under out/renderer and nothing else. */
export function isOwnUrl(url: string, rendererDir: string): boolean {
  return url.startsWith(pathToFileURL(rendererDir + path.sep).href);
}

/** The parts of an IPC event and of our window that decide whether to answer. */
export interface SenderFacts {
  senderId: number;
  windowId: number | null;
  /** The sending frame is the page's main frame (not an iframe). */
  isMainFrame: boolean;
  frameUrl: string | null;
}

export function isTrustedSender(f: SenderFacts, rendererDir: string): boolean {
  return f.windowId !== null && f.senderId === f.windowId && f.isMainFrame && f.frameUrl !== null && isOwnUrl(f.frameUrl, rendererDir);
}

/** Requests the renderer may make: its own files, and local data/blob URLs (downloads, images). */
export function isAllowedRequest(url: string, rendererDir: string): boolean {
  if (url.startsWith('blob:') || url.startsWith('data:') || url.startsWith('devtools:')) return true;
  return url.startsWith('file:') && isOwnUrl(url, rendererDir);
}

/** The page's content security policy (also in index.html, less frame-ancestors, which a meta tag cannot carry). */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
