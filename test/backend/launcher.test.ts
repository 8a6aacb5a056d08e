/**
 * The portable launcher (out/launch.mjs, issue 14) run from the development tree: it starts one door
 * with a fresh token and the sample open, records it for a second start, which joins it instead of
 * starting a second server; the window's browser gets an app window on its own profile, and the door
 * stops when that window closes or on 文件 ▸ 退出. The archives themselves are tested by test/portable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../shared/api/http.ts';
import { tmpDir } from './tmp.ts';

const launcher = path.resolve('out/launch.mjs');

interface Run {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}
function launch(home: string, args: string[] = [], env: Record<string, string> = {}): Run {
  let out = '';
  const child = spawn(process.execPath, [launcher, '--home', home, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, out: () => out, exited };
}

async function until<T>(what: () => T | undefined | null | false, ms = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = what();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const record = (home: string) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(home, 'door.json'), 'utf8')) as { pid: number; port: number; token: string; url: string };
  } catch {
    return null;
  }
};
async function call(r: { port: number; token: string }, method: string, args: unknown = {}) {
  const res = await fetch(`http://127.0.0.1:${r.port}/api/${method}`, { method: 'POST', headers: { [TOKEN_HEADER]: r.token }, body: JSON.stringify(args) });
  // biome-ignore lint/suspicious/noExplicitAny: the door's answer to any method, read loosely by the assertions
  return (await res.json()) as { ok: boolean; result?: any; error?: { code: string } };
}

describe('the portable launcher', () => {
  it('starts one door with the sample open; a second start joins it; 退出 stops it and removes its record', async () => {
    const home = tmpDir('hp-launch-');
    const first = launch(home, ['--no-browser']);
    const rec = await until(() => record(home));
    expect(rec.pid).toBe(first.child.pid);
    expect(rec.url).toBe(`http://127.0.0.1:${rec.port}/?token=${rec.token}`);
    // The record holds the token: readable by the user alone.
    if (process.platform !== 'win32') expect(fs.statSync(path.join(home, 'door.json')).mode & 0o077).toBe(0);
    const status = await call(rec, 'app.status');
    expect(status.result.canQuit).toBe(true);
    expect(path.dirname(status.result.plan.path)).toBe(path.join(home, 'plans'));
    expect(status.result.plan.name).toMatch(/^示例/);
    expect((await fetch(`http://127.0.0.1:${rec.port}/api/app.status`, { method: 'POST', body: '{}' })).status).toBe(401);

    const second = launch(home, ['--no-browser']);
    expect(await second.exited).toBe(0);
    expect(second.out()).toContain(rec.url);
    expect(second.out()).toMatch(/already running/);
    expect(record(home)!.pid).toBe(first.child.pid);

    expect((await call(rec, 'app.quit')).result).toEqual({ quitting: true });
    expect(await first.exited).toBe(0);
    expect(record(home)).toBeNull();
    // The plan was closed cleanly: SQLite folded its write-ahead log back in.
    expect(fs.existsSync(`${status.result.plan.path}-wal`)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${rec.port}/`)).rejects.toThrow();
  });

  it('opens an app window on its own profile and stops when that window’s browser ends, however soon', async () => {
    const home = tmpDir('hp-launch-');
    // A stand-in browser: notes its switches, stays up 1 s (a window open and soon closed), then ends.
    const fake = path.join(home, 'browser.sh');
    fs.writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > "${home}/args.txt"\nsleep 1\n`, { mode: 0o755 });
    const run = launch(home, [], { HEALTHPLAN_BROWSER: fake });
    const args = await until(() => fs.existsSync(path.join(home, 'args.txt')) && fs.readFileSync(path.join(home, 'args.txt'), 'utf8').split('\n'));
    const rec = record(home)!;
    expect(args).toContain(`--app=${rec.url}`);
    expect(args).toContain(`--user-data-dir=${path.join(home, 'browser-profile')}`);
    expect(await run.exited).toBe(0);
    expect(run.out()).toMatch(/window closed/);
    expect(record(home)).toBeNull();
  }, 30_000);

  it('when a browser already runs on its profile (its door was killed), the window is handed to it and the door stays up', async () => {
    const home = tmpDir('hp-launch-');
    const profile = path.join(home, 'browser-profile');
    fs.mkdirSync(profile, { recursive: true });
    // Chromium's mark of a running browser: SingletonLock → "host-pid" (this test's own pid is alive).
    fs.symlinkSync(`somehost-${process.pid}`, path.join(profile, 'SingletonLock'));
    const fake = path.join(home, 'browser.sh');
    fs.writeFileSync(fake, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const run = launch(home, [], { HEALTHPLAN_BROWSER: fake });
    const rec = await until(() => record(home));
    await new Promise((r) => setTimeout(r, 1500));
    expect(run.child.exitCode).toBeNull();
    expect((await call(rec, 'app.quit')).ok).toBe(true);
    expect(await run.exited).toBe(0);
  }, 30_000);

  it('with no Chromium-family browser, opens the default browser; with no page calling, the door stops by itself', async () => {
    const home = tmpDir('hp-launch-');
    // PATH holds only a stand-in xdg-open (the default browser), which notes the address and opens nothing.
    const bin = path.join(home, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > "${home}/opened.txt"\n`, { mode: 0o755 });
    const run = launch(home, ['--idle', '2'], { PATH: bin, HEALTHPLAN_BROWSER: '' });
    const opened = await until(() => fs.existsSync(path.join(home, 'opened.txt')) && fs.readFileSync(path.join(home, 'opened.txt'), 'utf8'));
    expect(opened).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    expect(await run.exited).toBe(0);
    expect(run.out()).toMatch(/no Chromium-family browser/);
    expect(run.out()).toMatch(/no page for 2 s/);
    expect(record(home)).toBeNull();
  }, 30_000);

  it('takes over from a launcher that was killed (a stale record and start lock)', async () => {
    const home = tmpDir('hp-launch-');
    fs.writeFileSync(path.join(home, 'door.json'), JSON.stringify({ pid: 999_999, port: 1, token: 'x', url: 'http://127.0.0.1:1/?token=x' }));
    fs.writeFileSync(path.join(home, 'start.lock'), '999999');
    const run = launch(home, ['--no-browser']);
    const rec = await until(() => {
      const r = record(home);
      return r?.pid === run.child.pid && r;
    });
    expect((await call(rec, 'plan.info')).ok).toBe(true);
    expect(fs.existsSync(path.join(home, 'start.lock'))).toBe(false);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
