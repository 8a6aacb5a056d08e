// Imports on real plan files: a dry run writes nothing, even on a plan opened read-only.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIntoPlan } from '../../electron/backend/import-into-plan.ts';
import { createPlanFile, type PlanDb } from '../../electron/backend/db/plan-file.ts';
import { listRows } from '../../electron/backend/db/tables.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();
const csv = (s: string) => Buffer.from(s);
const UNITS = '区划代码,名称,类型,常住人口\n430105000000,开福区,区,820790\n';

describe('import into a plan', () => {
  it('a dry run counts what would change and writes nothing, even read-only', async () => {
    const file = path.join(dir, 'ro.hplan');
    const rw = createPlanFile(file, 'ro');
    await importIntoPlan(rw, [{ table: 'units', fileName: 'u.csv', bytes: csv(UNITS) }], { scenarioId: 1, crs: 'wgs84', dryRun: false }, (fn) =>
      rw.db.transaction(fn)(),
    );
    rw.close();

    const db = new Database(file, { readonly: true });
    const ro: PlanDb = { db, path: file, readOnly: true, readOnlyReason: 'test', close: () => db.close() };
    const change = '区划代码,名称,类型,常住人口\n430105000000,开福区,区,830000\n430105001000,东风路街道,街道,61000\n';
    const [report] = await importIntoPlan(
      ro,
      [{ table: 'units', fileName: 'u.csv', bytes: csv(change) }],
      { scenarioId: 1, crs: 'wgs84', dryRun: true },
      () => {
        throw new Error('a dry run must not write');
      },
    );
    expect(report).toMatchObject({ ok: true, dryRun: true, added: 1, changed: 1, unchanged: 0 });
    expect(listRows(db, 'units', 1).map((u) => u.population)).toEqual([820790]);
    ro.close();
  });
});
