// One test per migration: create a database, migrate to n, insert, check.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../electron/backend/db/migrations.ts';
import { FACILITY_COLUMNS, UNIT_COLUMNS } from '../../shared/model/columns.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();
const fresh = (name: string) => new Database(path.join(dir, `${name}.db`));

describe('migrations', () => {
  it('are numbered 1..n without gaps (append-only)', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('1: creates the baseline scenario and tables holding every interchange column', () => {
    const db = fresh('m1');
    expect(migrate(db, 1)).toBe(1);
    expect(db.prepare('SELECT id, name, baseline FROM scenario').all()).toEqual([{ id: 1, name: '基线', baseline: 1 }]);
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('unit')).toEqual(['scenario_id', ...UNIT_COLUMNS.map((c) => c.key)]);
    expect(cols('facility')).toEqual(['scenario_id', ...FACILITY_COLUMNS.map((c) => c.key)]);
    db.prepare("INSERT INTO unit (scenario_id, code, name, kind, urban) VALUES (1, '430105', '开福区', 'county', 1)").run();
    db.prepare("INSERT INTO facility (scenario_id, id, name, type, unit_code, beds_open) VALUES (1, 'F1', '测试中心', 'chc', '430105', 30)").run();
    expect(db.prepare('SELECT beds_open FROM facility').pluck().get()).toBe(30);
    // STRICT tables refuse a wrong type instead of storing it.
    expect(() => db.prepare("INSERT INTO facility (scenario_id, id, name, type, unit_code, beds_open) VALUES (1, 'F2', 'x', 'chc', '430105', 'many')").run()).toThrow();
    // Deleting a scenario takes its rows with it.
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO scenario (id, name, created_at) VALUES (2, 'S', 'now')").run();
    db.prepare("INSERT INTO unit (scenario_id, code, name, kind, urban) VALUES (2, '430105', '开福区', 'county', 1)").run();
    db.prepare('DELETE FROM scenario WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM unit WHERE scenario_id = 2').pluck().get()).toBe(0);
    db.close();
  });

  it('running migrate again changes nothing', () => {
    const db = fresh('again');
    migrate(db);
    db.prepare("INSERT INTO plan_meta VALUES ('name', 'x')").run();
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT count(*) FROM scenario').pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a database from a newer version without touching it', () => {
    const db = fresh('newer');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/更新版本/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    db.close();
  });
});
