/**
 * The user's Documents folder (文档), where plans are kept by default: Documents/HealthPlan.
 * Windows: the "Personal" shell folder (it may be moved to D:\ or a network share); Linux: XDG's
 * DOCUMENTS dir from ~/.config/user-dirs.dirs (统信UOS and 麒麟 in Chinese name it ~/文档); else ~/Documents.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface UserDirsEnv {
  platform: NodeJS.Platform;
  home: string;
  env: Record<string, string | undefined>;
  /** A file's text, or null when it cannot be read. */
  readText(file: string): string | null;
  /** Windows: the registry's value for the Personal shell folder, or null. */
  windowsDocuments(): string | null;
}

/** XDG_DOCUMENTS_DIR from a user-dirs.dirs text ("$HOME/文档" → /home/u/文档); null when absent or not under $HOME or absolute. */
export function xdgDocuments(text: string, home: string): string | null {
  const m = /^\s*XDG_DOCUMENTS_DIR\s*=\s*"([^"]*)"/m.exec(text);
  if (!m) return null;
  const v = m[1]!.replace(/^\$HOME(?=\/|$)/, home).replace(/\\(.)/g, '$1');
  // "$HOME/" alone means the documents folder is switched off (the spec's rule): use the fallback.
  return path.isAbsolute(v) && path.resolve(v) !== path.resolve(home) ? v : null;
}

export function documentsDir(u: UserDirsEnv): string {
  if (u.platform === 'win32') {
    const reg = u.windowsDocuments();
    if (reg) return reg;
    return path.win32.join(u.env.USERPROFILE ?? u.home, 'Documents');
  }
  if (u.platform !== 'darwin') {
    const config = u.env.XDG_CONFIG_HOME || path.join(u.home, '.config');
    const text = u.readText(path.join(config, 'user-dirs.dirs'));
    const xdg = text === null ? null : xdgDocuments(text, u.home);
    if (xdg) return xdg;
  }
  return path.join(u.home, 'Documents');
}

/**
 * The registry's Personal folder (expanded), read with reg.exe; null if that fails. reg.exe writes to a
 * pipe in the system's ANSI code page, which cannot be told apart here: a path with non-ASCII letters
 * (C:\Users\张三\…) is not trusted, and the caller falls back to %USERPROFILE%\Documents (from Node, exact).
 */
function readWindowsDocuments(): string | null {
  try {
    const out = execFileSync('reg', ['query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders', '/v', 'Personal'], {
      timeout: 5000,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    if (out.some((b) => b > 0x7e)) return null;
    const m = /Personal\s+REG_\w+\s+(.+)/.exec(out.toString('latin1'));
    return m && fs.existsSync(m[1]!.trim()) ? m[1]!.trim() : null;
  } catch {
    return null;
  }
}

/** The plans folder a user finds without being told: Documents/HealthPlan. */
export function defaultPlansDir(): string {
  return path.join(
    documentsDir({
      platform: process.platform,
      home: os.homedir(),
      env: process.env,
      readText: (f) => {
        try {
          return fs.readFileSync(f, 'utf8');
        } catch {
          return null;
        }
      },
      windowsDocuments: readWindowsDocuments,
    }),
    'HealthPlan',
  );
}
