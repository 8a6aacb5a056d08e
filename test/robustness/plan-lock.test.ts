// A plan open in one window or process is refused in every other one for as long as it is open — not only
// sometimes (issue 15: the lock test needed a retry). Two ways the lock used to end early, each shown here
// deterministically: the garbage collector closing a plan its opener kept no reference to, and a refused
// second open in the same process closing a descriptor of the file (POSIX then drops all the process's
// locks on it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlanFile, deletePlanFile, openPlanFile } from '../../electron/backend/db/plan-file.ts';
import { listRows, upsertRows } from '../../electron/backend/db/tables.ts';
import { sha, tmpDir } from '../backend/tmp.ts';
import { planWithUnit as planIn } from '../backend/plan-with-unit.ts';

const dir = tmpDir('hp-lock-');
const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules', '.bin', 'node');
const planFileTs = JSON.stringify(path.join(root, 'electron/backend/db/plan-file.ts'));
const errCode = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

const planWithUnit = (name: string) => planIn(dir, name);

/** What another process gets when it opens `file`: the error's code, or 'opened' (and it closes it again). */
function openElsewhere(file: string): string {
  const r = spawnSync(
    node,
    [
      '-e',
      `import(${planFileTs}).then((m) => {
    try { m.openPlanFile(${JSON.stringify(file)}).close(); console.log('opened'); } catch (e) { console.log(e.code ?? e.message); }
  })`,
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

describe('the lock of an open plan', () => {
  it('holds while the plan is open even if its opener keeps no reference to it (the garbage collector runs)', async () => {
    const file = planWithUnit('unreferenced.hplan');
    // The holder drops the PlanDb at once and forces full collections, as V8's memory reducer does by
    // itself some 8 s after start-up (that is when the old lock test's holder lost its lock under load).
    const holder = spawn(node, [
      '--expose-gc',
      '-e',
      `import(${planFileTs}).then(async (m) => {
      m.openPlanFile(${JSON.stringify(file)});
      for (let i = 0; i < 3; i++) { gc(); await new Promise((r) => setTimeout(r, 20)); }
      console.log('open');
      setTimeout(() => {}, 30000);
    })`,
    ]);
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => {
          if (String(d).includes('open')) resolve();
        });
        holder.on('exit', (c) => reject(new Error(`holder exited (${c})`)));
      });
      let err: { code?: string; message?: string } = {};
      try {
        openPlanFile(file).close();
      } catch (e) {
        err = e as typeof err;
      }
      expect(err.code).toBe('LOCKED');
      expect(err.message).toMatch(/已在另一个窗口或程序中打开/);
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((r) => holder.on('exit', r));
    const p = openPlanFile(file); // the end of the process ends its lock
    expect(listRows(p.db, 'units', 1).map((u) => u.population)).toEqual([820790]);
    p.close();
  });

  it('a second open here (same path, or a link to the file) is refused and leaves the plan locked for other processes', () => {
    const file = planWithUnit('twice.hplan');
    const link = path.join(dir, 'twice-link.hplan');
    fs.linkSync(file, link);
    const p = openPlanFile(file);
    try {
      expect(openElsewhere(file)).toBe('LOCKED');
      expect(errCode(() => openPlanFile(file))).toBe('LOCKED');
      expect(openElsewhere(file)).toBe('LOCKED');
      expect(errCode(() => openPlanFile(link))).toBe('LOCKED');
      expect(openElsewhere(file)).toBe('LOCKED');
      // Replacing or deleting it from here is refused the same way, and the lock stays.
      expect(errCode(() => createPlanFile(link, 'new', { replace: true }))).toBe('LOCKED');
      expect(openElsewhere(file)).toBe('LOCKED');
      expect(errCode(() => deletePlanFile(file))).toBe('LOCKED');
      expect(openElsewhere(link)).toBe('LOCKED');
      // The plan open here is the one still there, and still writable.
      upsertRows(p.db, 'units', 1, [{ ...listRows(p.db, 'units', 1)[0]!, population: 900000 }]);
    } finally {
      p.close();
    }
    // Closed: another process opens it, with the edit made while it was held.
    expect(openElsewhere(file)).toBe('opened');
    const again = openPlanFile(link);
    expect(listRows(again.db, 'units', 1).map((u) => u.population)).toEqual([900000]);
    again.close();
    expect(sha(file)).toBe(sha(link));
  });
});
