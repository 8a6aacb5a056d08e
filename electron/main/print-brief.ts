/**
 * `app.printBrief` in Electron: the briefing's print view (index.html?print=brief&…) loaded in a hidden
 * window of our own, hardened like the main one, and printed to an A4 PDF by Chromium once the page
 * says every chart has drawn (document.body.dataset.briefReady).
 */
import { BrowserWindow } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { API } from '../../shared/api/contract.ts';
import { briefPrintSearch } from '../../shared/briefing/print-url.ts';
import { invalidArgs } from '../../shared/api/say-issues.ts';
import { lockNavigation } from './security.ts';
import { secureWebPreferences } from './trust.ts';

const TIMEOUT_MS = 120_000;

/** `register` makes the window's IPC trusted while it prints (it calls brief.get like the main window). */
export async function printBrief(
  rendererDir: string,
  preload: string,
  rawArgs: unknown,
  register: (w: BrowserWindow | null) => void,
): Promise<{ fileName: string; dataBase64: string; mimeType: string }> {
  // Validated as the service validates every call: INVALID_ARGS with the planner's sentence, not zod's raw output.
  const parsed = API['app.printBrief'].args.safeParse(rawArgs ?? {});
  if (!parsed.success) throw invalidArgs(parsed.error.issues, rawArgs);
  const a = parsed.data;
  const w = new BrowserWindow({ show: false, width: 1240, height: 1754, webPreferences: secureWebPreferences(preload) });
  register(w);
  try {
    lockNavigation(w.webContents, rendererDir);
    await w.loadURL(`${pathToFileURL(path.join(rendererDir, 'index.html')).href}${briefPrintSearch(a)}`);
    const t0 = Date.now();
    for (;;) {
      const state = (await w.webContents.executeJavaScript('[document.body.dataset.briefReady, document.body.dataset.briefError]')) as [
        string | undefined,
        string | undefined,
      ];
      if (state[1]) throw new Error(state[1]);
      if (state[0] === 'true') break;
      if (Date.now() - t0 > TIMEOUT_MS) throw new Error('the briefing did not finish drawing in 2 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    const pdf = await w.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    return { fileName: '汇报材料.pdf', dataBase64: Buffer.from(pdf).toString('base64'), mimeType: 'application/pdf' };
  } finally {
    register(null);
    w.destroy();
  }
}
