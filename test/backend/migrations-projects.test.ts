// Migration 5 (规划项目): create a database at 4, migrate to 5, insert, check.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrations.ts';
import { copyProjects, insertProject, listProjects } from '../../electron/backend/db/projects.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();

describe('migration 5', () => {
  it('adds the projects table per scenario, keeping the rows of 4', () => {
    const db = new Database(path.join(dir, 'm5.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 4);
    db.prepare(
      "INSERT INTO facility (scenario_id, id, name, type, unit_code, beds_open) VALUES (1, 'F1', '新河街道社区卫生服务中心', 'chc', '430105009000', 0)",
    ).run();
    const coords = Buffer.from(new Float64Array([112.98, 28.2, 112.99, 28.21]).buffer);
    db.prepare("INSERT INTO road_segment (highway, coords) VALUES ('primary', ?)").run(coords);
    expect(migrate(db, 5)).toBe(5);
    expect(db.prepare('SELECT name FROM facility').pluck().get()).toBe('新河街道社区卫生服务中心');
    expect(db.prepare('SELECT count(*) FROM road_segment').pluck().get()).toBe(1);
    // The code writes format 6's columns (责任单位, status); 6 keeps 5's checks below.
    expect(migrate(db, 6)).toBe(6);

    const p = insertProject(db, 1, {
      year: 2023,
      kind: 'expand',
      facility_id: 'F1',
      name: '新河街道社区卫生服务中心扩建提质',
      lon: null,
      lat: null,
      unit_code: null,
      type: null,
      facility_name: null,
      deltas: { floor_area_m2: 1500 },
      fields: {},
      cost: 300.5,
      source_document: '开政办发〔2022〕26号',
      source_clause: '§四(一)3',
      note: null,
      responsible_unit: null,
      status: 'planned',
    });
    expect(listProjects(db, 1)).toEqual([p]);

    const bad = (sql: string) => expect(() => db.prepare(sql).run()).toThrow();
    const cols = '(scenario_id, year, kind, facility_id, name, deltas, fields, cost)';
    bad(`INSERT INTO project ${cols} VALUES (1, 1999, 'expand', 'F1', 'x', '{}', '{}', NULL)`); // year 2000–2100
    bad(`INSERT INTO project ${cols} VALUES (1, 2024, 'demolish', 'F1', 'x', '{}', '{}', NULL)`); // a kind that is not one
    bad(`INSERT INTO project ${cols} VALUES (1, 2024, 'expand', 'F1', 'x', '[1]', '{}', NULL)`); // deltas: a JSON object
    bad(`INSERT INTO project ${cols} VALUES (1, 2024, 'expand', 'F1', 'x', 'not json', '{}', NULL)`);
    bad(`INSERT INTO project ${cols} VALUES (1, 2024, 'expand', 'F1', 'x', '{}', '{}', -1)`); // no negative cost
    bad(`INSERT INTO project ${cols} VALUES (1, 'soon', 'expand', 'F1', 'x', '{}', '{}', NULL)`); // STRICT
    bad(`INSERT INTO project ${cols} VALUES (7, 2024, 'expand', 'F1', 'x', '{}', '{}', NULL)`); // no scenario 7

    // A scenario's projects are copied with it and go when it is deleted.
    db.prepare("INSERT INTO scenario (id, name, created_at) VALUES (2, 'S', 'now')").run();
    copyProjects(db, 1, 2);
    const [copy] = listProjects(db, 2);
    expect(copy).toEqual({ ...p, id: copy!.id });
    expect(copy!.id).not.toBe(p.id);
    db.prepare('DELETE FROM scenario WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM project WHERE scenario_id = 2').pluck().get()).toBe(0);
    db.close();
  });
});
