/** The archives `npm run portable` made (dist/portable/manifest.json), for the tests of test/portable. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TOKEN_HEADER } from '../../shared/api/http.ts';

export const PORTABLE_DIR = path.resolve('dist/portable');
export interface ArchiveEntry {
  target: string;
  file: string;
  bytes: number;
  sha256: string;
}

/** The archive of `target`, or null when it was not built. */
export function archiveOf(target: string): string | null {
  try {
    const list = JSON.parse(fs.readFileSync(path.join(PORTABLE_DIR, 'manifest.json'), 'utf8')) as ArchiveEntry[];
    const e = list.find((x) => x.target === target);
    return e && fs.existsSync(path.join(PORTABLE_DIR, e.file)) ? path.join(PORTABLE_DIR, e.file) : null;
  } catch {
    return null;
  }
}

export async function until<T>(what: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms: number, label: string): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface DoorRecord {
  pid: number;
  port: number;
  token: string;
  url: string;
}
export const readDoor = (file: string): DoorRecord | null => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DoorRecord;
  } catch {
    return null;
  }
};

// biome-ignore lint/suspicious/noExplicitAny: a test's loose reading of any door method's reply; the door's own tests check the shapes
export async function callDoor<T = any>(r: { port: number; token: string }, method: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${r.port}/api/${method}`, { method: 'POST', headers: { [TOKEN_HEADER]: r.token }, body: JSON.stringify(args) });
  const body = (await res.json()) as { ok: boolean; result?: T; error?: { code: string; messageEn: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.messageEn}`);
  return body.result as T;
}

/** Runs a command to its end: exit code and everything it printed. */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** Processes whose command line mentions `dir` (Linux /proc), other than this test's own. */
export function processesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(dir)) found.push(`${pid}: ${cmd.slice(0, 160)}`);
    } catch {
      /* gone */
    }
  }
  return found;
}

/** Ends every process whose command line mentions `dir`. */
export function killUnder(dir: string): void {
  for (const line of processesUnder(dir)) {
    try {
      process.kill(Number(line.split(':')[0]), 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}
