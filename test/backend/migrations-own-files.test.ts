// Migration 6 (a planner's own files): create a database at 5 with a project, migrate to 6, check the rows
// are kept and the new tables and project columns hold what they should and refuse what they should not.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrations.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();

describe('migration 6', () => {
  it('keeps the projects of 5, adds 责任单位/status, projects of no facility, mappings and type names', () => {
    const db = new Database(path.join(dir, 'm6.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 5);
    db.prepare(`INSERT INTO project (scenario_id, year, kind, facility_id, name, deltas, fields, cost, source_document)
      VALUES (1, 2023, 'expand', 'F1', '新河街道社区卫生服务中心扩建提质', '{"floor_area_m2":1500}', '{}', 300.5, '开政办发〔2022〕26号')`).run();
    expect(migrate(db, 6)).toBe(6);

    const kept = db.prepare('SELECT * FROM project').get() as Record<string, unknown>;
    expect(kept).toMatchObject({
      id: 1,
      year: 2023,
      kind: 'expand',
      facility_id: 'F1',
      name: '新河街道社区卫生服务中心扩建提质',
      deltas: '{"floor_area_m2":1500}',
      cost: 300.5,
      source_document: '开政办发〔2022〕26号',
      responsible_unit: null,
      status: 'planned',
    });

    const ins = db.prepare(`INSERT INTO project (scenario_id, year, kind, facility_id, name, responsible_unit, status) VALUES (1, ?, ?, ?, ?, ?, ?)`);
    ins.run(2025, 'other', null, '区域全民健康信息平台', '区卫生健康局', 'building');
    expect(db.prepare("SELECT count(*) FROM project WHERE kind = 'other'").pluck().get()).toBe(1);
    const bad = (f: () => unknown) => expect(f).toThrow();
    bad(() => ins.run(2025, 'other', 'F1', '其他项目却挂在机构上', null, 'planned')); // 'other' has no facility
    bad(() => ins.run(2025, 'expand', null, '扩建却没有机构', null, 'planned')); // every other kind has one
    bad(() => ins.run(2025, 'expand', 'F1', 'x', null, 'started')); // status: planned/building/done

    db.prepare(
      'INSERT INTO column_mapping VALUES (\'facilities\', \'机构名称|床位\', \'{"机构名称":"name","床位":"beds_open"}\', \'2026-12-06T00:00:00Z\')',
    ).run();
    bad(() => db.prepare("INSERT INTO column_mapping VALUES ('roads', 's', '{}', 'now')").run()); // not a sheet kind
    bad(() => db.prepare("INSERT INTO column_mapping VALUES ('units', 's', '[]', 'now')").run()); // a JSON object
    db.prepare("INSERT INTO type_alias VALUES ('A211', 'chc')").run();
    bad(() => db.prepare("INSERT INTO type_alias VALUES ('A211', 'chs')").run()); // one meaning a name
    bad(() => db.prepare("INSERT INTO type_alias VALUES ('', 'chc')").run());

    // A scenario's projects still go with it.
    db.prepare('DELETE FROM scenario WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM project').pluck().get()).toBe(0);
    db.close();
  });
});
