/**
 * kill -9 at random points of every write path (README, "Robustness": a kill never leaves a mixed state).
 * Each path runs once to completion (its duration and the state it leaves), then again from the same
 * start, killed after a seeded random delay spread over that duration. The plan the next start finds must
 * pass PRAGMA integrity_check, be ours (application_id HPLN), and hold either the state before or the state
 * after a completed run — row for row, timestamps aside — never a mix. A file that did not exist before may
 * still not exist. Default: 3 kills per path; HEALTHPLAN_FUZZ=long (npm run fuzz): 30.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../backend/tmp.ts';
import { APPLICATION_ID, checkPlanFile, facilitiesCsv, type FileCheck, LONG, report, rng, roadsGeojson, SEED, unitsCsv } from './hostile.ts';

const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules', '.bin', 'node');
const KILLS = LONG ? 30 : 3;
const dir = tmpDir('hp-faults-');
const home = path.join(dir, 'home');
const env = { ...process.env, HEALTHPLAN_HOME: home, HEALTHPLAN_LANG: '' };
const base = path.join(dir, 'base.hplan');

/** The service in a child process: opens `src`, says "ready", saves it as `dst`, says "done MS". */
const SAVE_AS_CHILD = `
import { startWebDoor } from ${JSON.stringify(path.join(root, 'out', 'web-door.mjs'))};
const [home, src, dst] = process.argv.slice(2);
const door = await startWebDoor({ home });
await door.service.invoke('plan.open', { path: src });
process.stdout.write('ready\\n');
const t = performance.now();
await door.service.invoke('plan.saveAs', { path: dst });
process.stdout.write('done ' + (performance.now() - t) + '\\n');
await door.close();
`;

interface WritePath {
  name: string;
  /** Makes the starting files for one run; returns the file the write path writes. */
  prepare(run: string): { target: string; argv: string[]; waitReady?: boolean; also?: string };
}

const cli = (...args: string[]) => [path.join(root, 'bin', 'healthplan.mjs'), ...args];
const copyBase = (run: string, name = 'plan.hplan') => {
  const f = path.join(run, name);
  fs.copyFileSync(base, f);
  return f;
};

const PATHS: WritePath[] = [
  {
    name: 'import units + facilities (3,000 villages, 3,030 facilities)',
    prepare: (run) => {
      const p = copyBase(run);
      return { target: p, argv: cli('import', p, '--units', path.join(dir, 'units.csv'), '--facilities', path.join(dir, 'facilities.csv')) };
    },
  },
  {
    name: 'import roads (3,000 GeoJSON segments)',
    prepare: (run) => {
      const p = copyBase(run);
      return { target: p, argv: cli('import', p, '--roads', path.join(dir, 'roads.geojson')) };
    },
  },
  {
    name: 'sample (a new plan file)',
    prepare: (run) => {
      const p = path.join(run, 'sample.hplan');
      return { target: p, argv: cli('sample', p) };
    },
  },
  {
    name: 'save-as (the service in a child process)',
    prepare: (run) => {
      const src = copyBase(run, 'src.hplan');
      const dst = path.join(run, 'copy.hplan');
      return { target: dst, argv: [path.join(dir, 'save-as-child.mjs'), path.join(run, 'home'), src, dst], waitReady: true, also: src };
    },
  },
  {
    name: 'site --apply (a new scenario with 3 ems stations)',
    prepare: (run) => {
      const p = copyBase(run);
      return {
        target: p,
        argv: cli('site', p, '--type', 'ems_station', '--add', '3', '--apply', '选址方案', '--format', 'json', '--out', path.join(run, 'site.json')),
      };
    },
  },
  {
    name: 'allocate --apply (a new scenario with the allocation)',
    prepare: (run) => {
      const p = copyBase(run);
      return {
        target: p,
        argv: cli(
          'allocate',
          p,
          '--budget',
          'beds=3000,physicians=400,gps=200',
          '--apply',
          '配置方案',
          '--format',
          'json',
          '--out',
          path.join(run, 'alloc.json'),
        ),
      };
    },
  },
];

/** Runs a child; with `killAfter`, kills it -9 that many ms after it starts (or after it says "ready"). */
async function runChild(
  argv: string[],
  waitReady: boolean,
  killAfter?: number,
): Promise<{ code: number | null; killed: boolean; ms: number; out: string; err: string }> {
  const child = spawn(node, argv, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '',
    err = '';
  let ready: () => void;
  const readyP = new Promise<void>((res) => {
    ready = res;
  });
  child.stdout.on('data', (d: Buffer) => {
    out += d;
    if (out.includes('ready\n')) ready();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d;
  });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  let done = false;
  void exited.then(() => {
    done = true;
    ready();
  });
  const t0 = performance.now();
  if (!waitReady) ready!();
  await readyP;
  const t1 = performance.now();
  let killed = false;
  if (killAfter !== undefined) {
    await Promise.race([sleep(killAfter), exited]);
    if (!done) {
      child.kill('SIGKILL');
      killed = true;
    }
  }
  const code = await exited;
  const ms = waitReady ? Number(/done ([\d.]+)/.exec(out)?.[1] ?? performance.now() - t1) : performance.now() - t0;
  return { code, killed, ms, out, err };
}

const describeState = (c: FileCheck) =>
  !c.exists ? 'absent' : c.error ? `unreadable: ${c.error}` : `integrity ${c.integrity}, id ${c.applicationId}, counts ${JSON.stringify(c.state?.counts)}`;

const totals = { cases: 0, faults: 0, failures: 0, notes: [] as string[] };

describe(`kill -9 during every write path (${KILLS} kills each, seed ${SEED})`, () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(root, 'out', 'cli.mjs')) || !fs.existsSync(path.join(root, 'out', 'web-door.mjs'))) {
      spawnSync(node, [path.join(root, 'scripts', 'build.mjs'), '--node'], { cwd: root, stdio: 'inherit' });
    }
    const r = spawnSync(node, cli('sample', base), { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`sample: ${r.stderr}`);
    const g = rng(SEED);
    fs.writeFileSync(path.join(dir, 'units.csv'), unitsCsv(30, 100, g));
    fs.writeFileSync(path.join(dir, 'facilities.csv'), facilitiesCsv(30, 100, g));
    fs.writeFileSync(path.join(dir, 'roads.geojson'), roadsGeojson(3000, g));
    fs.writeFileSync(path.join(dir, 'save-as-child.mjs'), SAVE_AS_CHILD);
  });

  afterAll(() => report('faults', totals));

  PATHS.forEach((wp, index) => {
    it(
      wp.name,
      async () => {
        const r = rng(SEED + index * 7919);
        // Once to completion: the state after, and how long the write takes.
        const ref = fs.mkdtempSync(path.join(dir, 'ref-'));
        const refRun = wp.prepare(ref);
        const before = checkPlanFile(refRun.target);
        const alsoBefore = refRun.also ? checkPlanFile(refRun.also) : undefined;
        const completed = await runChild(refRun.argv, !!refRun.waitReady);
        expect(completed.code, `${wp.name}: ${completed.err}`).toBe(0);
        const after = checkPlanFile(refRun.target);
        expect(after.integrity).toBe('ok');
        expect(after.state!.hash, 'the completed run changes the plan').not.toBe(before.state?.hash);

        const failures: string[] = [];
        let faults = 0;
        for (let k = 0; k < KILLS; k++) {
          const run = fs.mkdtempSync(path.join(dir, 'run-'));
          const { target, argv, waitReady, also } = wp.prepare(run);
          const delay = Math.round(completed.ms * r.between(waitReady ? 0 : 0.1, 1.05));
          const res = await runChild(argv, !!waitReady, delay);
          totals.cases++;
          if (res.killed) {
            faults++;
            totals.faults++;
          }
          if (!res.killed && res.code !== 0) failures.push(`kill ${k}: finished before the kill with exit ${res.code}: ${res.err.slice(0, 300)}`);
          const c = checkPlanFile(target);
          const isOld = before.exists ? c.state?.hash === before.state!.hash : !c.exists;
          const isNew = c.exists && c.state?.hash === after.state!.hash;
          const sound = !c.exists || (c.integrity === 'ok' && c.applicationId === APPLICATION_ID);
          if (!sound || !(isOld || isNew))
            failures.push(
              `kill ${k} after ${delay} ms (${res.killed ? 'killed' : `exited ${res.code}`}): ${describeState(c)}; before: ${describeState(before)}; after: ${describeState(after)}`,
            );
          if (also) {
            const a = checkPlanFile(also);
            if (a.integrity !== 'ok' || a.state?.hash !== alsoBefore!.state!.hash) failures.push(`kill ${k}: the source plan changed: ${describeState(a)}`);
          }
          fs.rmSync(run, { recursive: true, force: true });
        }
        totals.failures += failures.length;
        totals.notes.push(`${wp.name}: ${KILLS} runs, ${faults} killed before finishing (${Math.round(completed.ms)} ms run), ${failures.length} failures`);
        expect(failures).toEqual([]);
      },
      LONG ? 900_000 : 60_000,
    );
  });
});
