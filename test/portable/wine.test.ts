/**
 * The Windows x64 archive, checked under Debian's wine64 (issue 14): Node for Windows and
 * better-sqlite3's win32-x64 binary load and run there. HealthPlan.cmd starts the door with the Windows
 * Node; this test calls it from Linux and gets the sample's gap figures equal to Linux's; the plans go
 * to the Documents shell folder; healthplan.cmd writes a gap sheet with the same figures; 退出 stops it.
 * (Under wine, Node needs NODE_SKIP_PLATFORM_CHECK=1, and its stdout to a pipe fails: output goes to
 * files through `cmd /c … > file`.)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createPlannerService } from '../../electron/backend/service.ts';
import { tmpDir } from '../backend/tmp.ts';
import { archiveOf, callDoor, readDoor, run, until } from './archives.ts';

const archive = archiveOf('win-x64');
const wine = ['/usr/bin/wine64', '/usr/bin/wine', '/usr/lib/wine/wine64'].find((f) => fs.existsSync(f));

// yauzl has no types of its own: the little of it used here.
interface ZipEntry {
  fileName: string;
}
interface ZipFile {
  on(event: 'entry', fn: (e: ZipEntry) => void): void;
  on(event: 'end' | 'error', fn: (e?: Error) => void): void;
  readEntry(): void;
  openReadStream(e: ZipEntry, cb: (err: Error | null, stream?: Readable) => void): void;
}
const yauzl = createRequire(import.meta.url)('yauzl') as {
  open(file: string, o: { lazyEntries: boolean }, cb: (err: Error | null, zip?: ZipFile) => void): void;
};

/** Unpacks a zip with yauzl (folders made as met). */
function unzip(file: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) {
        reject(err);
        return;
      }
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (e) => {
        const to = path.join(dest, e.fileName);
        if (!to.startsWith(dest + path.sep)) {
          reject(new Error(`entry outside the folder: ${e.fileName}`));
          return;
        }
        if (e.fileName.endsWith('/')) {
          fs.mkdirSync(to, { recursive: true });
          zip.readEntry();
          return;
        }
        fs.mkdirSync(path.dirname(to), { recursive: true });
        zip.openReadStream(e, (e2, stream) => {
          if (e2 || !stream) {
            reject(e2);
            return;
          }
          stream
            .pipe(fs.createWriteStream(to))
            .on('finish', () => zip.readEntry())
            .on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
}

/** A sheet's cell values, row by row. */
async function sheetValues(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe.skipIf(process.platform !== 'linux')('the Windows x64 portable archive under wine', () => {
  const work = tmpDir('hp-portable-wine-');
  const prefix = path.join(work, 'prefix');
  let top = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WINEPREFIX: prefix,
    // Wine links C:\users\<name>\Documents to $HOME/Documents, or to $HOME itself when there is none: a home
    // of the test's own, so a plan left in the real home by another run is never reopened here.
    HOME: path.join(work, 'home'),
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    NODE_SKIP_PLATFORM_CHECK: '1',
    DISPLAY: '',
    HEALTHPLAN_HOME: undefined,
  };
  // Wine's C:\users\<name> is this user's name.
  const winHome = () => path.join(prefix, 'drive_c', 'users', os.userInfo().username);
  const cmd = (line: string) => run(wine!, ['cmd', '/c', line], { cwd: top, env, timeoutMs: 240_000 });

  it('unpacks into one folder', async () => {
    expect(archive, 'no win-x64 archive in dist/portable: run `npm run portable`').toBeTruthy();
    expect(wine, 'wine is not installed: apt-get install wine wine64').toBeTruthy();
    const unpacked = path.join(work, 'unpacked');
    fs.mkdirSync(unpacked);
    fs.mkdirSync(env.HOME!, { recursive: true });
    await unzip(archive!, unpacked);
    const [folder, ...more] = fs.readdirSync(unpacked);
    expect(more).toEqual([]);
    expect(folder).toMatch(/^HealthPlan-\d+\.\d+\.\d+-win-x64$/);
    top = path.join(unpacked, folder!);
    for (const f of ['HealthPlan.vbs', 'HealthPlan.cmd', 'healthplan.cmd', 'node/node.exe', 'app/out/launch.mjs'])
      expect(fs.existsSync(path.join(top, f)), f).toBe(true);
    // A first start of wine makes its prefix (C:\users\…, the registry).
    expect((await run(wine!, ['wineboot', '--init'], { env, timeoutMs: 240_000 })).code).toBe(0);
  }, 300_000);

  it('HealthPlan.cmd starts the door with Windows Node; from Linux its gap figures equal Linux’s; 退出 stops it', async () => {
    const t0 = Date.now();
    const door = spawn(wine!, ['cmd', '/c', 'HealthPlan.cmd --no-browser > launch-out.txt 2>&1'], { cwd: top, env, stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => door.on('exit', (c) => r(c)));
    try {
      const rec = await until(() => readDoor(path.join(winHome(), '.healthplan', 'door.json')), 120_000, 'the door record under wine');
      const status = await callDoor(rec, 'app.status');
      console.log(`win-x64 under wine: door up with the sample in ${Date.now() - t0} ms`);
      // Plans go to the Documents shell folder, read from wine's registry.
      expect(status.plan.path).toBe(`C:\\users\\${os.userInfo().username}\\Documents\\HealthPlan\\示例-长沙市+益阳市资阳区.hplan`);
      expect(fs.existsSync(path.join(winHome(), 'Documents', 'HealthPlan', '示例-长沙市+益阳市资阳区.hplan'))).toBe(true);
      const onWindows = await callDoor(rec, 'gaps.evaluate', { scenarioId: 1 });

      const linux = createPlannerService({ home: path.join(work, 'linux-home'), door: 'direct' });
      try {
        await linux.call('plan.openSample', {});
        const onLinux = await linux.call('gaps.evaluate', { scenarioId: 1 });
        expect(onWindows.results.length).toBeGreaterThan(20);
        expect(onWindows).toEqual(onLinux);
      } finally {
        linux.close();
      }

      expect(await callDoor(rec, 'app.quit')).toEqual({ quitting: true });
      await until(() => readDoor(path.join(winHome(), '.healthplan', 'door.json')) === null, 60_000, 'the record removed');
      expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 60_000))])).toBe(0);
      await expect(fetch(`http://127.0.0.1:${rec.port}/`)).rejects.toThrow();
    } finally {
      if (door.exitCode === null) door.kill('SIGKILL');
      console.log(
        fs.existsSync(path.join(top, 'launch-out.txt'))
          ? fs.readFileSync(path.join(top, 'launch-out.txt'), 'utf8').replace(/token=\w+/g, 'token=…')
          : 'no launch-out.txt',
      );
    }
  }, 300_000);

  it('healthplan.cmd writes the sample and a gap sheet with the development tree’s figures', async () => {
    fs.mkdirSync(path.join(prefix, 'drive_c', 'hp'), { recursive: true });
    const sample = await cmd('healthplan.cmd sample C:\\hp\\sample.hplan > C:\\hp\\sample.txt 2>&1');
    expect(sample.code, fs.readFileSync(path.join(prefix, 'drive_c', 'hp', 'sample.txt'), 'utf8')).toBe(0);
    const gaps = await cmd('healthplan.cmd gaps C:\\hp\\sample.hplan --format xlsx --out C:\\hp\\gaps.xlsx > C:\\hp\\gaps.txt 2>&1');
    expect(gaps.code, fs.readFileSync(path.join(prefix, 'drive_c', 'hp', 'gaps.txt'), 'utf8')).toBe(0);

    const devPlan = path.join(work, 'dev-sample.hplan');
    const devEnv = { ...process.env, HEALTHPLAN_HOME: path.join(work, 'devhome') };
    expect((await run(process.execPath, ['bin/healthplan.mjs', 'sample', devPlan], { env: devEnv })).code).toBe(0);
    const dev = await run(process.execPath, ['bin/healthplan.mjs', 'gaps', devPlan, '--format', 'xlsx', '--out', path.join(work, 'dev-gaps.xlsx')], {
      env: devEnv,
    });
    expect(dev.code, dev.out).toBe(0);
    const windows = await sheetValues(path.join(prefix, 'drive_c', 'hp', 'gaps.xlsx'));
    expect(windows.length).toBeGreaterThan(20);
    expect(windows).toEqual(await sheetValues(path.join(work, 'dev-gaps.xlsx')));
  }, 300_000);
});
