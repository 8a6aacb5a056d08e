/**
 * 规划项目 rows (table `project`, migration 5; 责任单位, status and 其他项目 with no facility: 6): a scenario's projects, copied with it. Checking them
 * is the caller's (electron/backend/timeline/projects.ts); this file only reads and writes.
 */
import type Database from 'better-sqlite3';
import type { FacilityType } from '../../../shared/model/kinds.ts';
import { byApplyOrder, type Project, type ProjectKind, type ProjectStatus } from '../../../shared/timeline/project.ts';

interface ProjectRow {
  id: number;
  year: number;
  kind: ProjectKind;
  facility_id: string | null;
  name: string;
  lon: number | null;
  lat: number | null;
  unit_code: string | null;
  type: string | null;
  facility_name: string | null;
  deltas: string;
  fields: string;
  cost: number | null;
  source_document: string | null;
  source_clause: string | null;
  note: string | null;
  responsible_unit: string | null;
  status: ProjectStatus;
}

const COLS =
  'year, kind, facility_id, name, lon, lat, unit_code, type, facility_name, deltas, fields, cost, source_document, source_clause, note, responsible_unit, status';

const fromRow = (r: ProjectRow): Project => ({
  ...r,
  type: r.type as FacilityType | null,
  deltas: JSON.parse(r.deltas) as Project['deltas'],
  fields: JSON.parse(r.fields) as Project['fields'],
});
const params = (p: Omit<Project, 'id'>) => [
  p.year,
  p.kind,
  p.facility_id,
  p.name,
  p.lon,
  p.lat,
  p.unit_code,
  p.type,
  p.facility_name,
  JSON.stringify(p.deltas),
  JSON.stringify(p.fields),
  p.cost,
  p.source_document,
  p.source_clause,
  p.note,
  p.responsible_unit,
  p.status,
];

/** The scenario's projects in the order they apply (year, kind, as entered). */
export function listProjects(db: Database.Database, scenarioId: number): Project[] {
  const rows = db.prepare(`SELECT id, ${COLS} FROM project WHERE scenario_id = ?`).all(scenarioId) as ProjectRow[];
  return rows.map(fromRow).sort(byApplyOrder);
}

export function getProject(db: Database.Database, scenarioId: number, id: number): Project | undefined {
  const r = db.prepare(`SELECT id, ${COLS} FROM project WHERE scenario_id = ? AND id = ?`).get(scenarioId, id) as ProjectRow | undefined;
  return r && fromRow(r);
}

export function insertProject(db: Database.Database, scenarioId: number, p: Omit<Project, 'id'>): Project {
  const id = Number(
    db
      .prepare(
        `INSERT INTO project (scenario_id, ${COLS}) VALUES (?, ${COLS.split(',')
          .map(() => '?')
          .join(', ')})`,
      )
      .run(scenarioId, ...params(p)).lastInsertRowid,
  );
  return { id, ...p };
}

export function replaceProject(db: Database.Database, scenarioId: number, id: number, p: Omit<Project, 'id'>): Project {
  const sets = COLS.split(',')
    .map((c) => `${c.trim()} = ?`)
    .join(', ');
  db.prepare(`UPDATE project SET ${sets} WHERE scenario_id = ? AND id = ?`).run(...params(p), scenarioId, id);
  return { id, ...p };
}

export function deleteProject(db: Database.Database, scenarioId: number, id: number): boolean {
  return db.prepare('DELETE FROM project WHERE scenario_id = ? AND id = ?').run(scenarioId, id).changes > 0;
}

/** Copies a scenario's projects into another (a new scenario starts as a copy), keeping the order they were entered in. */
export function copyProjects(db: Database.Database, from: number, to: number): void {
  db.prepare(`INSERT INTO project (scenario_id, ${COLS}) SELECT ?, ${COLS} FROM project WHERE scenario_id = ? ORDER BY id`).run(to, from);
}

/** A project placed by a programme: its year and the cost (万元) it was placed at. */
export function setProjectPlace(db: Database.Database, scenarioId: number, id: number, year: number, cost: number | null): void {
  db.prepare('UPDATE project SET year = ?, cost = ? WHERE scenario_id = ? AND id = ?').run(year, cost, scenarioId, id);
}
