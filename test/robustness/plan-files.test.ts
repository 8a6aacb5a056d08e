// Plan files are never written when they must not be, and never lost (issue 13, items 1–4): a refused
// import creates no scenario, a killed `healthplan sample` never leaves a half-made plan, --force does not
// replace a plan another process has open, and a refused open touches neither the file nor its -wal.
// The CLI runs from out/: `node scripts/build.mjs` first.
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LATEST_VERSION } from '../../electron/backend/db/migrations.ts';
import { APPLICATION_ID, createPlanFile, openPlanFile } from '../../electron/backend/db/plan-file.ts';
import { listRows, upsertRows } from '../../electron/backend/db/tables.ts';
import { createPlannerService } from '../../electron/backend/service.ts';
import { buildSamplePlan } from '../../electron/backend/sample/load-sample.ts';
import { SAMPLE_FILE_NAME } from '../../electron/backend/sample/write-sample.ts';
import { COMMANDS } from '../../electron/cli/commands.ts';
import { printError } from '../../electron/cli/output.ts';
import { cliIn } from '../backend/cli-run.ts';
import { sha, tmpDir } from '../backend/tmp.ts';

const dir = tmpDir('hp-robust-');
const { healthplan, file } = cliIn(dir);
const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules', '.bin', 'node');
const at = (name: string) => path.join(dir, name);
const errCode = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

/** What a plan file holds, read with SQLite directly (a -wal beside it is recovered, as any open does). */
function contents(f: string) {
  const db = new Database(f, { fileMustExist: true });
  try {
    return {
      appId: db.pragma('application_id', { simple: true }) as number,
      units: db.prepare('SELECT count(*) FROM unit WHERE scenario_id = 1').pluck().get() as number,
      isSample: db.prepare("SELECT value FROM plan_meta WHERE key = 'is_sample'").pluck().get() ?? null,
      scenarios: db.prepare('SELECT name FROM scenario ORDER BY id').pluck().all() as string[],
    };
  } finally {
    db.close();
  }
}

/** Every row of every table: a plan's content (its bytes change on any open, the WAL switch counted). */
function dump(f: string) {
  const db = new Database(f, { fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).raw().all()]));
  } finally {
    db.close();
  }
}

const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度',
  '430105000000,开福区,,区,100000,112.985,28.256',
  '430105001000,东风路街道,430105000000,街道,60000,112.99,28.22',
].join('\r\n');
// A facility in a unit the plan does not have: the whole import is refused.
const BAD_FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,实有床位',
  'F1,东风路街道社区卫生服务中心,社区卫生服务中心,430105001000,30',
  'F2,不存在的中心,社区卫生服务中心,430105999000,20',
].join('\r\n');
const GOOD_FACILITIES = BAD_FACILITIES.split('\r\n').slice(0, 2).join('\r\n');

describe('1. an import into a new scenario creates it in the same transaction, or not at all', () => {
  /** `healthplan import own.hplan …`, run in this process (the command as main.ts runs it), for speed. */
  async function importCmd(opts: Record<string, string | boolean>) {
    const svc = createPlannerService({ door: 'cli', home: at('home') });
    const said: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => {
      said.push(a.join(' '));
    });
    const err = vi.spyOn(console, 'error').mockImplementation((...a) => {
      said.push(a.join(' '));
    });
    try {
      return { code: await COMMANDS.import!.run(svc, at('own.hplan'), opts, 'zh').catch((e) => printError(e, 'zh')), said: said.join('\n') };
    } finally {
      log.mockRestore();
      err.mockRestore();
      svc.close();
    }
  }

  beforeAll(async () => {
    expect((await importCmd({ units: file('units.csv', UNITS) })).code).toBe(0);
  });

  it('a refused import with --scenario NEW leaves no scenario NEW and the plan as it was', async () => {
    const before = dump(at('own.hplan'));
    const r = await importCmd({ facilities: file('bad.csv', BAD_FACILITIES), scenario: '扩建方案' });
    expect(r.code).toBe(3);
    expect(r.said).toMatch(/未写入任何数据/);
    expect(r.said).not.toMatch(/已新建情景/);
    expect(contents(at('own.hplan')).scenarios).toEqual(['基线']);
    expect(dump(at('own.hplan'))).toEqual(before);
  });

  it('so does a refused populations import, and a dry run (checked against the baseline it would copy)', async () => {
    const pops = file('pops.csv', '区划代码,2025年常住人口\n430105999000,5\n'); // a unit the plan does not have
    expect((await importCmd({ populations: pops, scenario: '人口方案' })).code).toBe(3);
    const dry = await importCmd({ facilities: file('good.csv', GOOD_FACILITIES), scenario: '试算', 'dry-run': true });
    expect(dry.code, dry.said).toBe(0);
    expect(dry.said).toMatch(/情景「试算」尚不存在：按它将复制的基线检查/);
    expect(contents(at('own.hplan')).scenarios).toEqual(['基线']);
  });

  it('an accepted import with --scenario NEW creates it, a copy of the baseline holding the import', async () => {
    const r = await importCmd({ facilities: file('good.csv', GOOD_FACILITIES), scenario: '扩建方案' });
    expect(r.code, r.said).toBe(0);
    expect(r.said).toMatch(/已新建情景「扩建方案」/);
    const svc = createPlannerService({ door: 'direct', home: at('home') });
    try {
      await svc.call('plan.open', { path: at('own.hplan') });
      const [base, added] = await svc.call('scenarios.list', {});
      expect(added!.name).toBe('扩建方案');
      expect((await svc.call('units.list', { scenarioId: added!.id })).map((u) => u.code)).toEqual(['430105000000', '430105001000']);
      expect((await svc.call('facilities.list', { scenarioId: added!.id })).map((f) => f.id)).toEqual(['F1']);
      expect(await svc.call('facilities.list', { scenarioId: base!.id })).toEqual([]);
      // The service takes only a scenario that exists: a missing one is refused and none is made.
      await expect(
        svc.call('tables.import', { scenarioId: 99, facilities: { fileName: 'f.csv', dataBase64: Buffer.from(GOOD_FACILITIES).toString('base64') } }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await svc.call('scenarios.list', {})).map((s) => s.name)).toEqual(['基线', '扩建方案']);
    } finally {
      svc.close();
    }
  });
});

describe('2. a killed `healthplan sample` leaves no plan, or the whole sample — never a half-made one', () => {
  let complete = 0;
  beforeAll(() => {
    complete = buildSamplePlan().units.length;
  });

  /** Starts `healthplan sample F` and kills it -9 `ms` after start, or after F first appears. */
  function killed(f: string, when: { afterStart: number } | { afterAppear: number }) {
    return new Promise<{ killedAt: 'before end' | 'after end' }>((resolve) => {
      const child = spawn(node, [path.join(root, 'bin', 'healthplan.mjs'), 'sample', f], {
        cwd: dir,
        env: { ...process.env, HEALTHPLAN_HOME: at('home') },
        stdio: 'ignore',
      });
      let ended = false;
      const kill = () => {
        if (!ended) child.kill('SIGKILL');
      };
      if ('afterStart' in when) setTimeout(kill, when.afterStart);
      else {
        const poll = setInterval(() => {
          if (fs.existsSync(f)) {
            clearInterval(poll);
            setTimeout(kill, when.afterAppear);
          }
        }, 2);
        child.on('exit', () => clearInterval(poll));
      }
      child.on('exit', (code) => {
        ended = true;
        resolve({ killedAt: code === 0 ? 'after end' : 'before end' });
      });
    });
  }

  it('kill -9 at several moments: the plan is absent or complete', { timeout: 60_000 }, async () => {
    expect(complete).toBeGreaterThan(100);
    // Before the fix the plan appeared at once, empty, and was filled after: a kill soon after it appears
    // found 0 units. Now it appears complete, so each of these finds it whole or not at all.
    const moments = [{ afterStart: 300 }, { afterAppear: 0 }, { afterAppear: 40 }];
    const seen: string[] = [];
    for (const [i, when] of moments.entries()) {
      const f = at(`killed-${i}.hplan`);
      const { killedAt } = await killed(f, when);
      if (!fs.existsSync(f)) {
        seen.push(`${killedAt}: absent`);
        continue;
      }
      const c = contents(f);
      seen.push(`${killedAt}: ${c.units} units`);
      expect(c.appId, JSON.stringify(when)).toBe(APPLICATION_ID);
      expect(c.units, JSON.stringify(when)).toBe(complete);
      expect(c.isSample).toBe('true');
    }
    // At least one kill came before the command ended, so something was interrupted.
    expect(
      seen.some((s) => s.startsWith('before end')),
      seen.join('; '),
    ).toBe(true);
  });
});

describe('2. the sample and new plans appear whole', () => {
  it("plan.openSample (the app, the web door's --sample) writes again a sample an older version left half-made", async () => {
    const home = at('sample-home');
    const half = path.join(home, 'plans', SAMPLE_FILE_NAME);
    createPlanFile(half, buildSamplePlan().name).close(); // what a kill left: the name, no data
    const svc = createPlannerService({ door: 'web', home });
    try {
      const info = await svc.call('plan.openSample', {});
      expect(info.isSample).toBe(true);
      expect((await svc.call('units.list', { scenarioId: 1 })).length).toBe(buildSamplePlan().units.length);
    } finally {
      svc.close();
    }
    expect(fs.readdirSync(path.dirname(half))).toEqual([SAMPLE_FILE_NAME]); // no temporary file left
  });

  it("a -wal left beside a new plan's name by a deleted plan is not read as the new plan's", () => {
    const f = at('reused.hplan');
    const old = createPlanFile(f, '旧方案');
    upsertRows(old.db, 'units', 1, [
      {
        code: '430105',
        name: '开福区',
        parent_code: null,
        kind: 'county',
        urban: true,
        population: 1,
        population_0_3: null,
        population_65_plus: null,
        area_km2: null,
        lon: null,
        lat: null,
        year: 2020,
      },
    ]);
    fs.copyFileSync(`${f}-wal`, at('kept-wal')); // its committed row, still in the -wal
    old.close();
    fs.rmSync(f);
    fs.copyFileSync(at('kept-wal'), `${f}-wal`);
    const p = createPlanFile(f, '新方案');
    expect(listRows(p.db, 'units', 1)).toEqual([]);
    expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok');
    p.close();
  });
});

describe('3. `healthplan sample P --force` honours the lock of a plan another process has open', () => {
  // The holder is a process of its own: POSIX drops a process's locks on a file when any descriptor of
  // it closes, so reading the file here (sha) while this process held it would release the lock.
  function holder(f: string) {
    const script = `import(${JSON.stringify(path.join(root, 'electron/backend/service.ts'))}).then(async (m) => {
      const svc = m.createPlannerService({ door: 'direct', home: ${JSON.stringify(at('home'))} });
      await svc.call('plan.open', { path: ${JSON.stringify(f)} });
      console.log('open');
      process.stdin.once('data', async () => {
        await svc.call('units.update', { scenarioId: 1, code: '430105', field: 'population', value: 900000 });
        svc.close();
        console.log('closed');
      });
    })`;
    const child = spawn(node, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    const said = (word: string) =>
      new Promise<void>((resolve, reject) => {
        const on = (d: Buffer) => {
          if (String(d).includes(word)) {
            child.stdout.off('data', on);
            resolve();
          }
        };
        child.stdout.on('data', on);
        child.once('exit', (c) => reject(new Error(`holder exited (${c}) before "${word}"`)));
      });
    return {
      opened: said('open'),
      editAndClose: () => {
        const done = said('closed');
        child.stdin.write('go\n');
        child.stdin.end();
        return done;
      },
    };
  }

  it('refuses while the plan is open elsewhere, the plan and its edits intact; replaces it once closed', async () => {
    const f = at('held.hplan');
    const p = createPlanFile(f, '我的方案');
    upsertRows(p.db, 'units', 1, [
      {
        code: '430105',
        name: '开福区',
        parent_code: null,
        kind: 'county',
        urban: true,
        population: 820790,
        population_0_3: null,
        population_65_plus: null,
        area_km2: null,
        lon: null,
        lat: null,
        year: 2020,
      },
    ]);
    p.close();
    const h = holder(f);
    await h.opened;
    const before = [sha(f), sha(`${f}-wal`)];
    const r = healthplan('sample', f, '--force');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/已在另一个窗口或程序中打开/);
    expect([sha(f), sha(`${f}-wal`)]).toEqual(before);
    // The holder's later edits go to the plan on disk, not to a deleted file.
    await h.editAndClose();
    const reopened = openPlanFile(f);
    expect(listRows(reopened.db, 'units', 1).map((u) => [u.name, u.population])).toEqual([['开福区', 900000]]);
    reopened.close();
    // Closed: --force replaces it with the whole sample, and nothing is left beside it.
    const ok = healthplan('sample', f, '--force');
    expect(ok.code, ok.err).toBe(0);
    const c = contents(f);
    expect(c.isSample).toBe('true');
    expect(c.units).toBe(buildSamplePlan().units.length);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('held.hplan'))).toEqual(['held.hplan']);
  });
});

describe('4. a refused open touches neither the file nor its -wal', () => {
  /**
   * A database as a crash leaves it: `before` runs in rollback mode (it reaches the file itself), `inWal`
   * in WAL mode, its commits kept in the -wal beside the file.
   */
  function crashedWithWal(name: string, before: (db: Database.Database) => void, inWal: (db: Database.Database) => void) {
    const src = at(`${name}.src`);
    const db = new Database(src);
    before(db);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    inWal(db);
    const f = at(name);
    fs.copyFileSync(src, f);
    fs.copyFileSync(`${src}-wal`, `${f}-wal`);
    db.close();
    expect(fs.statSync(`${f}-wal`).size).toBeGreaterThan(0);
    return f;
  }
  const emptyPlan = (name: string) => {
    const p = createPlanFile(at(`${name}.src`), name);
    p.close();
  };

  function refusedUntouched(f: string, expected: string) {
    const before = [sha(f), sha(`${f}-wal`)];
    expect(errCode(() => openPlanFile(f))).toBe(expected);
    expect([sha(f), sha(`${f}-wal`)]).toEqual(before);
  }

  it('a foreign SQLite file with a -wal', () => {
    refusedUntouched(
      crashedWithWal(
        'foreign.sqlite',
        (db) => db.exec('CREATE TABLE t (x)'),
        (db) => db.exec("INSERT INTO t VALUES ('kept in the wal')"),
      ),
      'NOT_A_PLAN',
    );
  });

  it('a plan of a newer version, said in the file or only in its -wal', () => {
    const newer = (db: Database.Database) => db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    const note = (db: Database.Database) => db.exec("INSERT INTO plan_meta (key, value) VALUES ('from', 'a newer version')");
    emptyPlan('newer-file.hplan');
    refusedUntouched(crashedWithWal('newer-file.hplan', newer, note), 'NEWER_VERSION');
    emptyPlan('newer-wal.hplan');
    refusedUntouched(
      crashedWithWal(
        'newer-wal.hplan',
        () => {},
        (db) => {
          newer(db);
          note(db);
        },
      ),
      'NEWER_VERSION',
    );
  });

  it('a plan of ours left with a -wal by a crash still opens, with what the -wal holds', () => {
    emptyPlan('crashed.hplan');
    const f = crashedWithWal(
      'crashed.hplan',
      () => {},
      (db) => db.exec("INSERT INTO plan_meta (key, value) VALUES ('note', 'only in the wal')"),
    );
    const opened = openPlanFile(f);
    expect(opened.db.prepare("SELECT value FROM plan_meta WHERE key = 'note'").pluck().get()).toBe('only in the wal');
    opened.close();
    expect(fs.existsSync(`${f}-wal`)).toBe(false);
  });
});
