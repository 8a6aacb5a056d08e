/**
 * The Electron main process: one hardened window on the built renderer and one IPC handler that
 * passes validated calls to the same service the web door and the CLI use.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPlannerService, toErrorData } from '../backend/service.ts';
import { projectRoot } from '../backend/paths.ts';
import { failure, reply, type Reply } from '../../shared/api/reply.ts';
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
  door: 'electron',
  quit: () => {
    service.close();
    app.quit();
  },
});

// Every answer is the contract's reply envelope, with the open plan's revision.
ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, args: unknown): Promise<Reply> => {
  if (!isTrustedEvent(event, [win, printWin], rendererDir)) {
    return failure({ code: 'UNAUTHORIZED', message: '拒绝：来源不是本程序窗口', messageEn: 'Refused: not our window' }, service.revision());
  }
  try {
    // The methods only this door can answer: the system's file dialog, and printing with Chromium.
    const result =
      method === 'app.pickPath'
        ? await pickPath(win, args)
        : method === 'app.printBrief'
          ? await printBrief(rendererDir, preload, args, (w) => {
              printWin = w;
            })
          : await service.invoke(String(method), args);
    return reply(result, service.revision());
  } catch (e) {
    return failure(toErrorData(e), service.revision());
  }
});

function createWindow(): void {
  win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'HealthPlan 卫健资源规划台',
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  lockNavigation(win.webContents, rendererDir);
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(pathToFileURL(path.join(rendererDir, 'index.html')).href);
}

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});
app.on('web-contents-created', (_e, contents) => lockNavigation(contents, rendererDir));
app.on('window-all-closed', () => {
  service.close();
  app.quit();
});

app
  .whenReady()
  .then(() => {
    hardenSession(rendererDir);
    Menu.setApplicationMenu(null); // the app's own menu bar is in the renderer
    createWindow();
  })
  .catch((e: unknown) => {
    dialog.showErrorBox('HealthPlan', `启动失败 / failed to start: ${String(e)}`);
    app.exit(1);
  });
