/** `app.pickPath` in Electron: the operating system's open/save dialog for plan files. */
import { dialog, type BrowserWindow } from 'electron';
import { API } from '../../shared/api/contract.ts';
import { invalidArgs } from '../../shared/api/say-issues.ts';

const FILTERS = [{ name: 'HealthPlan 方案 (*.hplan)', extensions: ['hplan'] }];

export async function pickPath(win: BrowserWindow | null, rawArgs: unknown): Promise<{ path: string | null }> {
  // Validated as the service validates every call: INVALID_ARGS with the planner's sentence, not zod's raw output.
  const parsed = API['app.pickPath'].args.safeParse(rawArgs ?? {});
  if (!parsed.success) throw invalidArgs(parsed.error.issues, rawArgs);
  const { purpose, defaultPath } = parsed.data;
  if (!win) return { path: null };
  if (purpose === 'open') {
    const r = await dialog.showOpenDialog(win, { title: '打开方案', defaultPath, filters: FILTERS, properties: ['openFile'] });
    return { path: r.canceled ? null : (r.filePaths[0] ?? null) };
  }
  const r = await dialog.showSaveDialog(win, {
    title: '保存方案',
    defaultPath,
    filters: FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return { path: r.canceled ? null : (r.filePath ?? null) };
}
