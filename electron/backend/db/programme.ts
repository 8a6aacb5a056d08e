/** The programme (分年度实施计划) a scenario was written from, kept beside it (plan format 7, table `programme`). */
import type Database from 'better-sqlite3';
import type { StoredProgramme } from '../../../shared/api/methods/programme.ts';

export function getProgramme(db: Database.Database, scenarioId: number): StoredProgramme | null {
  const row = db.prepare('SELECT programme FROM programme WHERE scenario_id = ?').get(scenarioId) as { programme: string } | undefined;
  return row ? (JSON.parse(row.programme) as StoredProgramme) : null;
}

export function putProgramme(db: Database.Database, scenarioId: number, p: StoredProgramme): void {
  db.prepare('INSERT INTO programme (scenario_id, programme) VALUES (?, ?) ON CONFLICT (scenario_id) DO UPDATE SET programme = excluded.programme').run(
    scenarioId,
    JSON.stringify(p),
  );
}
