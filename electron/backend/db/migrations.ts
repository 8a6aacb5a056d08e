/**
 * The plan file's schema, as numbered migrations that are only ever appended: never edit a released
 * one. `PRAGMA user_version` records the last applied. Each has its own test (test/backend/migrations).
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'plan metadata, scenarios, units, facilities, edit log',
    sql: `
      CREATE TABLE plan_meta (key TEXT PRIMARY KEY, value TEXT) STRICT;
      CREATE TABLE scenario (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        baseline INTEGER NOT NULL DEFAULT 0 CHECK (baseline IN (0, 1)),
        created_at TEXT NOT NULL,
        note TEXT
      ) STRICT;
      INSERT INTO scenario (id, name, baseline, created_at) VALUES (1, '基线', 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
      CREATE TABLE unit (
        scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        parent_code TEXT,
        kind TEXT NOT NULL,
        urban INTEGER NOT NULL,
        population INTEGER,
        population_0_3 INTEGER,
        population_65_plus INTEGER,
        area_km2 REAL,
        lon REAL,
        lat REAL,
        year INTEGER,
        PRIMARY KEY (scenario_id, code)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX unit_parent ON unit (scenario_id, parent_code);
      CREATE TABLE facility (
        scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        lon REAL,
        lat REAL,
        beds_open INTEGER,
        beds_approved INTEGER,
        physicians INTEGER,
        tcm_physicians INTEGER,
        gps INTEGER,
        public_health_physicians INTEGER,
        nurses INTEGER,
        pharmacists INTEGER,
        public_health_staff INTEGER,
        health_technicians INTEGER,
        bachelor_or_above INTEGER,
        senior_or_intermediate_titles INTEGER,
        ambulances INTEGER,
        floor_area_m2 REAL,
        childcare_places INTEGER,
        bed_occupancy_rate REAL,
        tcm_hall INTEGER,
        tcm_pavilion INTEGER,
        fever_clinic INTEGER,
        elderly_rehab_room INTEGER,
        service_standard TEXT,
        opened_year INTEGER,
        PRIMARY KEY (scenario_id, id)
      ) STRICT;
      CREATE INDEX facility_unit ON facility (scenario_id, unit_code);
      CREATE TABLE edit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        tbl TEXT NOT NULL,
        row_key TEXT NOT NULL,
        field TEXT NOT NULL,
        before TEXT,
        after TEXT,
        undone INTEGER NOT NULL DEFAULT 0,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX edit_log_scenario ON edit_log (scenario_id, undone, seq);
    `,
  },
  {
    version: 2,
    name: "the plan's own standard sets (copies of shipped ones, edited)",
    sql: `
      CREATE TABLE standard_set (
        id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'population by year: a growth rate per unit, and figures for other years (人口 by 年份)',
    sql: `
      ALTER TABLE unit ADD COLUMN growth_rate REAL;
      CREATE TABLE unit_population (
        scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        year INTEGER NOT NULL,
        population INTEGER,
        population_0_3 INTEGER,
        population_65_plus INTEGER,
        PRIMARY KEY (scenario_id, code, year)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'the road network (路网) and unit boundaries (边界), plan-wide',
    // coords: little-endian float64 lon, lat pairs, at least two points. Speeds per class live in
    // plan_meta (road_speeds), the import's summary in plan_meta (road_summary).
    sql: `
      CREATE TABLE road_segment (
        id INTEGER PRIMARY KEY,
        highway TEXT NOT NULL DEFAULT '',
        speed_kmh REAL,
        oneway INTEGER NOT NULL DEFAULT 0 CHECK (oneway IN (-1, 0, 1)),
        coords BLOB NOT NULL CHECK (length(coords) >= 32 AND length(coords) % 16 = 0)
      ) STRICT;
      CREATE TABLE unit_boundary (
        code TEXT PRIMARY KEY,
        geometry TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'projects with a year (规划项目: new, relocate, expand, upgrade, close), per scenario',
    // The facility table stays the plan's present state; shared/timeline/facilities-at.ts applies the
    // projects of each year to it. deltas and fields are JSON objects; cost is in 万元.
    sql: `
      CREATE TABLE project (
        id INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        kind TEXT NOT NULL CHECK (kind IN ('new', 'relocate', 'expand', 'upgrade', 'close')),
        facility_id TEXT NOT NULL,
        name TEXT NOT NULL,
        lon REAL,
        lat REAL,
        unit_code TEXT,
        type TEXT,
        facility_name TEXT,
        deltas TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(deltas) AND json_type(deltas) = 'object'),
        fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields) AND json_type(fields) = 'object'),
        cost REAL CHECK (cost IS NULL OR cost >= 0),
        source_document TEXT,
        source_clause TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX project_scenario ON project (scenario_id, year);
    `,
  },
  {
    version: 6,
    name:
      "a planner's own files: column mappings remembered per kind of file, their own facility-type names, "
      + "projects with 责任单位 and status, and projects that are no one facility's change",
    // column_mapping: the mapping a planner confirmed for a file layout (`signature`: its headers, normalised),
    // reused the next time the same layout is imported. type_alias: a facility type as the planner's sheets write
    // it (卫生机构类别 name or code) → one of ours. project is rebuilt (SQLite cannot change a CHECK): kind
    // 'other' (其他项目: an information platform, equipment, training) has no facility; every project gets a
    // 责任单位 and a status (计划/在建/完工).
    sql: `
      CREATE TABLE column_mapping (
        kind TEXT NOT NULL CHECK (kind IN ('units', 'facilities', 'populations', 'candidates', 'projects')),
        signature TEXT NOT NULL,
        mapping TEXT NOT NULL CHECK (json_valid(mapping) AND json_type(mapping) = 'object'),
        saved_at TEXT NOT NULL,
        PRIMARY KEY (kind, signature)
      ) STRICT;
      CREATE TABLE type_alias (
        written TEXT PRIMARY KEY CHECK (length(written) > 0),
        type TEXT NOT NULL
      ) STRICT;
      CREATE TABLE project_v6 (
        id INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        kind TEXT NOT NULL CHECK (kind IN ('new', 'relocate', 'expand', 'upgrade', 'close', 'other')),
        facility_id TEXT CHECK ((kind = 'other') = (facility_id IS NULL)),
        name TEXT NOT NULL,
        lon REAL,
        lat REAL,
        unit_code TEXT,
        type TEXT,
        facility_name TEXT,
        deltas TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(deltas) AND json_type(deltas) = 'object'),
        fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields) AND json_type(fields) = 'object'),
        cost REAL CHECK (cost IS NULL OR cost >= 0),
        source_document TEXT,
        source_clause TEXT,
        note TEXT,
        responsible_unit TEXT,
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'building', 'done'))
      ) STRICT;
      INSERT INTO project_v6 (id, scenario_id, year, kind, facility_id, name, lon, lat, unit_code, type, facility_name, deltas, fields, cost, source_document, source_clause, note)
        SELECT id, scenario_id, year, kind, facility_id, name, lon, lat, unit_code, type, facility_name, deltas, fields, cost, source_document, source_clause, note FROM project;
      DROP TABLE project;
      ALTER TABLE project_v6 RENAME TO project;
      CREATE INDEX project_scenario ON project (scenario_id, year);
    `,
  },
  {
    version: 7,
    name: 'the phased programme (分年度实施计划) a scenario was written from: its years, money and placed projects',
    // One row per scenario a programme wrote (programme.apply); read by the allocation workbook's 分年度实施计划
    // sheet and the briefing's programme slide. Gone with its scenario.
    sql: `
      CREATE TABLE programme (
        scenario_id INTEGER PRIMARY KEY REFERENCES scenario(id) ON DELETE CASCADE,
        programme TEXT NOT NULL CHECK (json_valid(programme) AND json_type(programme) = 'object')
      ) STRICT;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.length;

/** Brings a plan file up to LATEST_VERSION, each step in its own transaction. */
/** The refusal of a plan written by a newer version (format `current`). */
export function newerVersionError(current: number): ApiError {
  return new ApiError(
    'NEWER_VERSION',
    `此方案文件由更新版本的 HealthPlan 写入（格式版本 ${current}，本程序支持到 ${LATEST_VERSION}）：请升级程序后再打开。文件未做任何改动。`,
    `This plan was written by a newer HealthPlan (format ${current}; this version reads up to ${LATEST_VERSION}). Upgrade to open it. The file was not changed.`,
  );
}

export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) throw newerVersionError(current);
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
