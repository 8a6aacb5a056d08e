/**
 * Gaps for a scenario: the plan's standard set and year (or the ones asked for), evaluated on its rows
 * as of that year — the facilities with every project (规划项目) of that year or before applied
 * (shared/timeline/facilities-at.ts), the populations of that year — so each year stands against the
 * targets as the plan will be then.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors.ts';
import type { GapReportOut, GapSettings } from '../../shared/api/contract.ts';
import { evaluateGaps, type AccessCoverage } from '../../shared/gaps/evaluate.ts';
import type { Scope, StandardSet, Target } from '../../shared/gaps/standard.ts';
import { getMeta, setMeta } from './db/meta.ts';
import { getScenario } from './db/scenarios.ts';
import { listRows } from './db/tables.ts';
import { listPopulations } from './db/populations.ts';
import { findSet, getSet, shippedSets } from './standards.ts';
import type { Facility, PopulationFigure, Unit } from '../../shared/model/entities.ts';
import { appliedInWords, facilitiesAt, type PlanAtYear } from '../../shared/timeline/facilities-at.ts';
import type { Project } from '../../shared/timeline/project.ts';
import { listProjects } from './db/projects.ts';

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

/** Coverage of an access target in a scenario and year, from the access engine; `facilities`: those as of the year (else the scenario's table). */
export type AccessOf = (t: Extract<Target, { kind: 'access' }>, scenarioId: number, year: number, facilities?: readonly Facility[]) => Promise<AccessCoverage>;

/** What gaps are evaluated on: a scenario's rows, its populations by year and its projects. */
export interface PlanRows { units: Unit[]; facilities: Facility[]; populations: PopulationFigure[]; projects: Project[] }

export function planRows(db: Database.Database, scenarioId: number): PlanRows {
  return { units: listRows(db, 'units', scenarioId), facilities: listRows(db, 'facilities', scenarioId), populations: listPopulations(db, scenarioId), projects: listProjects(db, scenarioId) };
}

/** The standard set asked for (else the plan's) and the year: asked, else the set's when one was named, else the plan's. */
export function setAndYear(db: Database.Database, q: { standardId?: string; year?: number }): { set: StandardSet; year: number } {
  const settings = gapSettings(db);
  const set = getSet(db, q.standardId ?? settings.standardId);
  return { set, year: q.year ?? (q.standardId ? set.year : settings.year) };
}

/** What a report says about the projects counted in its year, and those that could not be. */
export function projectNotes(plan: PlanAtYear): { zh: string[]; en: string[] } {
  const zh: string[] = [], en: string[] = [];
  if (plan.applied.length) {
    const w = appliedInWords(plan.appliedByKind);
    zh.push(`机构按 ${plan.year} 年计：已计入截至该年的规划项目 ${plan.applied.length} 个（${w.zh}）`);
    en.push(`Facilities as of ${plan.year}: ${plan.applied.length} project${plan.applied.length === 1 ? '' : 's'} up to that year counted (${w.en})`);
  }
  for (const x of plan.problems) { zh.push(x.message); en.push(x.messageEn); }
  return { zh, en };
}

/** `rows`: the scenario's rows when the caller has them already (a timeline evaluates many years). */
export async function evaluatePlanGaps(db: Database.Database, q: GapQuery, accessOf?: AccessOf, rows?: PlanRows): Promise<GapReportOut> {
  const { set, year } = setAndYear(db, q);
  const scenario = getScenario(db, q.scenarioId);
  const r = rows ?? planRows(db, q.scenarioId);
  const plan = facilitiesAt(r.facilities, r.projects, year);
  const access = new Map<string, AccessCoverage>();
  // The access engine takes the same facilities of the year (the map's own analyses take the present state).
  if (accessOf) for (const t of set.targets) if (t.kind === 'access') access.set(t.id, await accessOf(t, q.scenarioId, year, plan.facilities));
  const report = evaluateGaps(r.units, plan.facilities, set, { year, populations: r.populations, access });
  const results = report.results.filter((x) => (!q.level || x.scope === q.level) && (!q.onlyShort || (x.shortfall ?? 0) > 0));
  const said = projectNotes(plan);
  return { standard: set.id, standardName: set.name, year, scenario: scenario.name, targets: set.targets, results,
    notes: [...report.notes, ...said.zh], notesEn: [...report.notesEn, ...said.en] };
}
