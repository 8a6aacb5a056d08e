/**
 * The plan's populations by year (人口 by 年份), per scenario, beside each unit's own figure for its
 * `year`. Ratio targets use them through shared/gaps/population.ts.
 */
import type Database from 'better-sqlite3';
import type { PopulationFigure } from '../../../shared/model/entities.ts';

const COLS = 'code, year, population, population_0_3, population_65_plus';

export function listPopulations(db: Database.Database, scenarioId: number, code?: string): PopulationFigure[] {
  return code === undefined
    ? (db.prepare(`SELECT ${COLS} FROM unit_population WHERE scenario_id = ? ORDER BY code, year`).all(scenarioId) as PopulationFigure[])
    : (db.prepare(`SELECT ${COLS} FROM unit_population WHERE scenario_id = ? AND code = ? ORDER BY year`).all(scenarioId, code) as PopulationFigure[]);
}

/**
 * Writes figures, counting as an import does. With `merge` (an import) an empty figure keeps what the
 * plan has; without it (an edit) the figures are set as given, and a year left with no number is deleted.
 */
export function upsertPopulations(
  db: Database.Database,
  scenarioId: number,
  figures: readonly PopulationFigure[],
  opts: { merge: boolean; dryRun?: boolean },
): { added: number; changed: number; unchanged: number } {
  const get = db.prepare(`SELECT ${COLS} FROM unit_population WHERE scenario_id = ? AND code = ? AND year = ?`);
  const put = db.prepare(`INSERT INTO unit_population (scenario_id, ${COLS}) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (scenario_id, code, year) DO UPDATE SET population = excluded.population,
      population_0_3 = excluded.population_0_3, population_65_plus = excluded.population_65_plus`);
  const del = db.prepare('DELETE FROM unit_population WHERE scenario_id = ? AND code = ? AND year = ?');
  const counts = { added: 0, changed: 0, unchanged: 0 };
  for (const given of figures) {
    const old = get.get(scenarioId, given.code, given.year) as PopulationFigure | undefined;
    const f =
      opts.merge && old
        ? {
            ...given,
            population: given.population ?? old.population,
            population_0_3: given.population_0_3 ?? old.population_0_3,
            population_65_plus: given.population_65_plus ?? old.population_65_plus,
          }
        : given;
    const empty = f.population === null && f.population_0_3 === null && f.population_65_plus === null;
    if (old ? old.population === f.population && old.population_0_3 === f.population_0_3 && old.population_65_plus === f.population_65_plus : empty) {
      counts.unchanged++;
      continue;
    }
    if (old) counts.changed++;
    else counts.added++;
    if (opts.dryRun) continue;
    if (empty) del.run(scenarioId, f.code, f.year);
    else put.run(scenarioId, f.code, f.year, f.population, f.population_0_3, f.population_65_plus);
  }
  return counts;
}

export function copyPopulations(db: Database.Database, from: number, to: number): void {
  db.prepare(`INSERT INTO unit_population (scenario_id, ${COLS}) SELECT ?, ${COLS} FROM unit_population WHERE scenario_id = ?`).run(to, from);
}
