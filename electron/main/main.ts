/**
 * The Electron main process: one hardened window on the built renderer and one IPC handler that
 * passes validated calls to the same service the web door and the CLI use.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPlannerService, toErrorData } from '../backend/service.ts';
import { projectRoot } from '../backend/paths.ts';
import { INVOKE_CHANNEL } from '../preload/channel.ts';
import { pickPath } from './pick-path.ts';
import { printBrief } from './print-brief.ts';
import { hardenSession, isTrustedEvent, lockNavigation } from './security.ts';
import { secureWebPreferences } from './trust.ts';

const root = projectRoot();
const rendererDir = path.join(root, 'out', 'renderer');
const preload = path.join(root, 'out', 'preload.cjs');
let win: BrowserWindow | null = null;
/** The hidden window printing the briefing, while it prints: its calls are answered too. */
let printWin: BrowserWindow | null = null;

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

// Plans in Documents/HealthPlan (文档), the config in the app's user-data folder; HEALTHPLAN_HOME keeps both there.
const givenHome = process.env.HEALTHPLAN_HOME;
const service = createPlannerService({
  home: givenHome ?? path.join(app.getPath('userData'), 'plans-home'),
  plansDir: givenHome ? undefined : path.join(app.getPath('documents'), 'HealthPlan'),
  door: 'electron', quit: () => { service.close(); app.quit(); },
});

ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, args: unknown) => {
  if (!isTrustedEvent(event, [win, printWin], rendererDir)) return { ok: false, error: { code: 'UNAUTHORIZED', message: '拒绝：来源不是本程序窗口', messageEn: 'Refused: not our window' } };
  try {
    // The methods only this door can answer: the system's file dialog, and printing with Chromium.
    if (method === 'app.pickPath') return { ok: true, result: await pickPath(win, args) };
    if (method === 'app.printBrief') return { ok: true, result: await printBrief(rendererDir, preload, args, (w) => { printWin = w; }) };
    return { ok: true, result: await service.invoke(String(method), args) };
  } catch (e) {
    return { ok: false, error: toErrorData(e) };
  }
});

function createWindow(): void {
  win = new BrowserWindow({
    width: 1440, height: 900, title: 'HealthPlan 卫健资源规划台', show: false,
    webPreferences: secureWebPreferences(preload),
  });
  lockNavigation(win.webContents, rendererDir);
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => { win = null; });
  void win.loadURL(pathToFileURL(path.join(rendererDir, 'index.html')).href);
}

app.on('second-instance', () => { if (win) { if (win.isMinimized()) win.restore(); win.focus(); } });
app.on('web-contents-created', (_e, contents) => lockNavigation(contents, rendererDir));
app.on('window-all-closed', () => { service.close(); app.quit(); });

app.whenReady().then(() => {
  hardenSession(rendererDir);
  Menu.setApplicationMenu(null); // the app's own menu bar is in the renderer
  createWindow();
}).catch((e: unknown) => {
  dialog.showErrorBox('HealthPlan', `启动失败 / failed to start: ${String(e)}`);
  app.exit(1);
});
