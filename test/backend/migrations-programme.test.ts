// Migration 7 (分年度实施计划): a plan of format 6 gains the `programme` table — one JSON object per scenario a
// programme wrote, refused when not an object, and gone with its scenario.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrations.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();

describe('migration 7', () => {
  it('adds the programme a scenario was written from, kept with the scenario', () => {
    const db = new Database(path.join(dir, 'm7.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 6);
    db.prepare("INSERT INTO scenario (name, baseline, created_at) VALUES ('实施计划', 0, '2026-12-06T00:00:00Z')").run();
    const id = db.prepare("SELECT id FROM scenario WHERE name = '实施计划'").pluck().get() as number;
    expect(migrate(db, 7)).toBe(7);
    const put = db.prepare('INSERT INTO programme (scenario_id, programme) VALUES (?, ?)');
    put.run(id, JSON.stringify({ fromYear: 2025, toYear: 2030, money: [{ year: 2025, amount: 5000 }] }));
    expect(JSON.parse(db.prepare('SELECT programme FROM programme WHERE scenario_id = ?').pluck().get(id) as string)).toMatchObject({ fromYear: 2025 });
    expect(() => put.run(id, '{}')).toThrow(); // one a scenario
    expect(() => put.run(1, '[1, 2]')).toThrow(); // a JSON object
    expect(() => put.run(99, '{}')).toThrow(); // a scenario there is
    db.prepare('DELETE FROM scenario WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM programme').pluck().get()).toBe(0);
    db.close();
  });
});
