/** 方案情景: named variants of the plan. Each holds its own copy of units, facilities and projects (规划项目). */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.ts';
import { BASELINE_SCENARIO_ID, type Scenario } from '../../../shared/model/entities.ts';
import { copyProjects } from './projects.ts';
import { copyScenarioRows } from './tables.ts';

interface ScenarioRow {
  id: number;
  name: string;
  baseline: number;
  created_at: string;
  note: string | null;
}
const toScenario = (r: ScenarioRow): Scenario => ({ ...r, baseline: r.baseline === 1 });

export function listScenarios(db: Database.Database): Scenario[] {
  return (db.prepare('SELECT * FROM scenario ORDER BY baseline DESC, id').all() as ScenarioRow[]).map(toScenario);
}

export function getScenario(db: Database.Database, id: number): Scenario {
  const r = db.prepare('SELECT * FROM scenario WHERE id = ?').get(id) as ScenarioRow | undefined;
  if (!r) throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的情景`, `No scenario with id ${id}`);
  return toScenario(r);
}

function assertFreeName(db: Database.Database, name: string, exceptId?: number): void {
  const other = db.prepare('SELECT id FROM scenario WHERE name = ?').pluck().get(name) as number | undefined;
  if (other !== undefined && other !== exceptId) {
    throw new ApiError('CONFLICT', `已有名为「${name}」的情景，请换一个名称`, `A scenario named "${name}" already exists; choose another name`);
  }
}

/**
 * The plan_meta key of a scenario's siting rules (选址方案的目标, JSON; siting/rules.ts): they are copied
 * with the scenario and deleted with it.
 */
export const scenarioRulesKey = (id: number) => `scenario_rules:${id}`;

export function createScenario(db: Database.Database, name: string, copyFrom = BASELINE_SCENARIO_ID): Scenario {
  getScenario(db, copyFrom);
  assertFreeName(db, name);
  return db.transaction(() => {
    const id = Number(
      db.prepare("INSERT INTO scenario (name, baseline, created_at) VALUES (?, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))").run(name).lastInsertRowid,
    );
    copyScenarioRows(db, copyFrom, id);
    copyProjects(db, copyFrom, id); // 规划项目 go with the facilities they concern
    // The siting rules too (a key left by a deleted scenario of the same id is not inherited).
    db.prepare('DELETE FROM plan_meta WHERE key = ?').run(scenarioRulesKey(id));
    db.prepare('INSERT INTO plan_meta (key, value) SELECT ?, value FROM plan_meta WHERE key = ?').run(scenarioRulesKey(id), scenarioRulesKey(copyFrom));
    return getScenario(db, id);
  })();
}

export function renameScenario(db: Database.Database, id: number, name: string): Scenario {
  const s = getScenario(db, id);
  if (s.baseline) throw new ApiError('CONFLICT', '基线不能改名', 'The baseline cannot be renamed');
  assertFreeName(db, name, id);
  db.prepare('UPDATE scenario SET name = ? WHERE id = ?').run(name, id);
  return getScenario(db, id);
}

export function deleteScenario(db: Database.Database, id: number): void {
  const s = getScenario(db, id);
  if (s.baseline) throw new ApiError('CONFLICT', '基线不能删除', 'The baseline cannot be deleted');
  db.transaction(() => {
    db.prepare('DELETE FROM scenario WHERE id = ?').run(id); // units, facilities and edits cascade
    db.prepare('DELETE FROM plan_meta WHERE key = ?').run(scenarioRulesKey(id));
  })();
}
