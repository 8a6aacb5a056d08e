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
    expect(cols('unit')).toEqual(['scenario_id', ...UNIT_COLUMNS.map((c) => c.key).filter((k) => k !== 'growth_rate')]);
    expect(cols('facility')).toEqual(['scenario_id', ...FACILITY_COLUMNS.map((c) => c.key)]);
    db.prepare("INSERT INTO unit (scenario_id, code, name, kind, urban) VALUES (1, '430105', '开福区', 'county', 1)").run();
    db.prepare("INSERT INTO facility (scenario_id, id, name, type, unit_code, beds_open) VALUES (1, 'F1', '测试中心', 'chc', '430105', 30)").run();
    expect(db.prepare('SELECT beds_open FROM facility').pluck().get()).toBe(30);
    // STRICT tables refuse a wrong type instead of storing it.
    expect(() =>
      db.prepare("INSERT INTO facility (scenario_id, id, name, type, unit_code, beds_open) VALUES (1, 'F2', 'x', 'chc', '430105', 'many')").run(),
    ).toThrow();
    // Deleting a scenario takes its rows with it.
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO scenario (id, name, created_at) VALUES (2, 'S', 'now')").run();
    db.prepare("INSERT INTO unit (scenario_id, code, name, kind, urban) VALUES (2, '430105', '开福区', 'county', 1)").run();
    db.prepare('DELETE FROM scenario WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM unit WHERE scenario_id = 2').pluck().get()).toBe(0);
    db.close();
  });

  it("2: adds the table of the plan's own standard sets, keeping the rows of 1", () => {
    const db = fresh('m2');
    migrate(db, 1);
    db.prepare("INSERT INTO unit (scenario_id, code, name, kind, urban) VALUES (1, '430105', '开福区', 'county', 1)").run();
    expect(migrate(db, 2)).toBe(2);
    db.prepare("INSERT INTO standard_set (id, json, updated_at) VALUES ('my-set', '{}', 'now')").run();
    expect(db.prepare('SELECT id FROM standard_set').pluck().all()).toEqual(['my-set']);
    expect(db.prepare('SELECT name FROM unit').pluck().get()).toBe('开福区');
    expect(() => db.prepare("INSERT INTO standard_set (id, json, updated_at) VALUES ('my-set', '{}', 'now')").run()).toThrow();
    db.close();
  });

  it("3: adds each unit's growth rate and a population table by year, keeping the rows of 2", () => {
    const db = fresh('m3');
    migrate(db, 2);
    db.prepare("INSERT INTO unit (scenario_id, code, name, kind, urban, population, year) VALUES (1, '430105', '开福区', 'county', 1, 600000, 2020)").run();
    expect(migrate(db, 3)).toBe(3);
    const cols = (db.prepare('PRAGMA table_info(unit)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(['scenario_id', ...UNIT_COLUMNS.map((c) => c.key)]);
    expect(db.prepare('SELECT population, growth_rate FROM unit').get()).toEqual({ population: 600000, growth_rate: null });
    db.prepare('UPDATE unit SET growth_rate = 1.5').run();
    db.prepare("INSERT INTO unit_population (scenario_id, code, year, population) VALUES (1, '430105', 2025, 650000)").run();
    expect(() => db.prepare("INSERT INTO unit_population (scenario_id, code, year, population) VALUES (1, '430105', 2025, 1)").run()).toThrow();
    expect(() => db.prepare("INSERT INTO unit_population (scenario_id, code, year, population) VALUES (1, '430105', 2030, 'many')").run()).toThrow();
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO scenario (id, name, created_at) VALUES (2, 'S', 'now')").run();
    db.prepare("INSERT INTO unit_population (scenario_id, code, year, population) VALUES (2, '430105', 2025, 1)").run();
    db.prepare('DELETE FROM scenario WHERE id = 2').run();
    expect(db.prepare('SELECT scenario_id, year, population FROM unit_population').all()).toEqual([{ scenario_id: 1, year: 2025, population: 650000 }]);
    db.close();
  });

  it('4: adds the road network and unit boundaries (plan-wide), keeping the rows of 3', () => {
    const db = fresh('m4');
    migrate(db, 3);
    db.prepare("INSERT INTO unit (scenario_id, code, name, kind, urban, growth_rate) VALUES (1, '430105', '开福区', 'county', 1, 1.5)").run();
    expect(migrate(db, 4)).toBe(4);
    const coords = Buffer.from(new Float64Array([112.98, 28.2, 112.99, 28.21]).buffer);
    db.prepare("INSERT INTO road_segment (id, highway, speed_kmh, oneway, coords) VALUES (1, 'primary', NULL, 1, ?)").run(coords);
    const row = db.prepare('SELECT highway, speed_kmh, oneway, coords FROM road_segment').get() as { coords: Buffer; oneway: number; speed_kmh: number | null };
    expect(row).toMatchObject({ highway: 'primary', speed_kmh: null, oneway: 1 });
    expect([...new Float64Array(new Uint8Array(row.coords).buffer)]).toEqual([112.98, 28.2, 112.99, 28.21]);
    const bad = (sql: string, ...args: unknown[]) => expect(() => db.prepare(sql).run(...args)).toThrow();
    bad("INSERT INTO road_segment (highway, oneway, coords) VALUES ('primary', 2, ?)", coords); // oneway is -1, 0 or 1
    bad("INSERT INTO road_segment (highway, coords) VALUES ('primary', ?)", coords.subarray(0, 16)); // one point is no road
    bad("INSERT INTO road_segment (highway, coords) VALUES ('primary', ?)", coords.subarray(0, 24)); // half a point
    bad("INSERT INTO road_segment (highway, speed_kmh, coords) VALUES ('primary', 'fast', ?)", coords); // STRICT
    db.prepare('INSERT INTO unit_boundary (code, geometry) VALUES (\'430105\', \'{"type":"Polygon","coordinates":[]}\')').run();
    bad("INSERT INTO unit_boundary (code, geometry) VALUES ('430105', '{}')");
    bad("INSERT INTO unit_boundary (code, geometry) VALUES ('430106', NULL)");
    expect(db.prepare('SELECT growth_rate FROM unit').pluck().get()).toBe(1.5);
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
