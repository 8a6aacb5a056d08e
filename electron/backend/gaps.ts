/** Gaps for a scenario: the plan's standard set and year (or the ones asked for), evaluated on its rows. */
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors.ts';
import type { GapReportOut, GapSettings } from '../../shared/api/contract.ts';
import { evaluateGaps, type AccessCoverage } from '../../shared/gaps/evaluate.ts';
import type { Scope, Target } from '../../shared/gaps/standard.ts';
import { getMeta, setMeta } from './db/meta.ts';
import { getScenario } from './db/scenarios.ts';
import { listRows } from './db/tables.ts';
import { listPopulations } from './db/populations.ts';
import { findSet, getSet, shippedSets } from './standards.ts';

/**
 * The plan's choice, or (none made, or its own set since deleted) the first shipped set that names a
 * unit of the plan, else the first set.
 */
export function gapSettings(db: Database.Database): GapSettings {
  const id = getMeta(db, 'standard_id');
  const year = getMeta(db, 'target_year');
  const chosen = id ? findSet(db, id) : undefined;
  if (chosen) return { standardId: chosen.id, year: year ? Number(year) : chosen.year };
  const names = new Set(db.prepare('SELECT name FROM unit WHERE scenario_id = 1').pluck().all() as string[]);
  const sets = [...shippedSets().values()];
  const set = sets.find((s) => s.appliesTo?.some((a) => names.has(a))) ?? sets[0];
  if (!set) throw new ApiError('INTERNAL', '没有可用的指标标准：安装目录中缺少 data/standards', 'No standard sets: data/standards is missing from the installation');
  return { standardId: set.id, year: set.year };
}

export function setGapSettings(db: Database.Database, s: GapSettings): GapSettings {
  getSet(db, s.standardId); // must exist
  setMeta(db, 'standard_id', s.standardId);
  setMeta(db, 'target_year', String(s.year));
  return s;
}

export interface GapQuery { scenarioId: number; standardId?: string; year?: number; level?: Scope; onlyShort: boolean }

/** Coverage of an access target in a scenario and year, from the access engine. */
export type AccessOf = (t: Extract<Target, { kind: 'access' }>, scenarioId: number, year: number) => Promise<AccessCoverage>;

export async function evaluatePlanGaps(db: Database.Database, q: GapQuery, accessOf?: AccessOf): Promise<GapReportOut> {
  const settings = gapSettings(db);
  const set = getSet(db, q.standardId ?? settings.standardId);
  const year = q.year ?? (q.standardId ? set.year : settings.year);
  const scenario = getScenario(db, q.scenarioId);
  const access = new Map<string, AccessCoverage>();
  if (accessOf) for (const t of set.targets) if (t.kind === 'access') access.set(t.id, await accessOf(t, q.scenarioId, year));
  const report = evaluateGaps(listRows(db, 'units', q.scenarioId), listRows(db, 'facilities', q.scenarioId), set,
    { year, populations: listPopulations(db, q.scenarioId), access });
  const results = report.results.filter((r) => (!q.level || r.scope === q.level) && (!q.onlyShort || (r.shortfall ?? 0) > 0));
  return { standard: set.id, standardName: set.name, year, scenario: scenario.name, targets: set.targets, results, notes: report.notes, notesEn: report.notesEn };
}
