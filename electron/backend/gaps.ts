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
import { setRegion } from '../../shared/gaps/region-index.ts';
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
import { withScenarioRules } from './siting/rules.ts';

/** The set a plan starts on when no shipped set names a unit of it: the national reference values. */
export const FALLBACK_SET = 'national-reference';

/**
 * The plan's choice, or (none made, or its own set since deleted) the first shipped set that names a
 * unit of the plan, else the national reference (a set written for another region would be 不适用).
 */
export function gapSettings(db: Database.Database): GapSettings {
  const id = getMeta(db, 'standard_id');
  const year = getMeta(db, 'target_year');
  const chosen = id ? findSet(db, id) : undefined;
  const region = getMeta(db, 'standard_region');
  if (chosen) return { standardId: chosen.id, year: year ? Number(year) : chosen.year, ...(region ? { region: JSON.parse(region) as string[] } : {}) };
  const names = new Set(db.prepare('SELECT name FROM unit WHERE scenario_id = 1 UNION SELECT code FROM unit WHERE scenario_id = 1').pluck().all() as string[]);
  const sets = [...shippedSets().values()];
  const set = sets.find((s) => s.appliesTo?.some((a) => names.has(a))) ?? shippedSets().get(FALLBACK_SET) ?? sets[0];
  if (!set) throw new ApiError('INTERNAL', '没有可用的指标标准：安装目录中缺少 data/standards', 'No standard sets: data/standards is missing from the installation');
  return { standardId: set.id, year: set.year };
}

export function setGapSettings(db: Database.Database, s: GapSettings): GapSettings {
  getSet(db, s.standardId); // must exist
  setMeta(db, 'standard_id', s.standardId);
  setMeta(db, 'target_year', String(s.year));
  setMeta(db, 'standard_region', s.region?.length ? JSON.stringify(s.region) : '');
  return s;
}

export interface GapQuery { scenarioId: number; standardId?: string; year?: number; level?: Scope; onlyShort: boolean; region?: string[];
  /** Whose siting rules (选址方案的目标) are judged too: the scenario's own unless given (a comparison: every compared scenario's). */
  rulesOf?: readonly number[] }

/**
 * Coverage of an access target in a scenario and year, from the access engine; `facilities`: those as of
 * the year (else the scenario's table); `within`: the set's region (unit codes), whose people alone count.
 */
export type AccessOf = (t: Extract<Target, { kind: 'access' }>, scenarioId: number, year: number, facilities?: readonly Facility[], within?: readonly string[]) => Promise<AccessCoverage>;

/** What gaps are evaluated on: a scenario's rows, its populations by year and its projects. */
export interface PlanRows { units: Unit[]; facilities: Facility[]; populations: PopulationFigure[]; projects: Project[] }

export function planRows(db: Database.Database, scenarioId: number): PlanRows {
  return { units: listRows(db, 'units', scenarioId), facilities: listRows(db, 'facilities', scenarioId), populations: listPopulations(db, scenarioId), projects: listProjects(db, scenarioId) };
}

/**
 * The standard set asked for (else the plan's), the year (asked, else the set's when one was named, else
 * the plan's) and the units it is applied to (asked, else the plan's choice for its own set, else the
 * region the set names). Every view of a standard set — gaps, dashboard, briefing, allocation, compare,
 * timeline — starts here, so they all measure the same place in the same year.
 */
export function setAndYear(db: Database.Database, q: { standardId?: string; year?: number; region?: string[] }): { set: StandardSet; year: number; region?: string[] } {
  const settings = gapSettings(db);
  const set = getSet(db, q.standardId ?? settings.standardId);
  const region = q.region ?? (set.id === settings.standardId ? settings.region : undefined);
  return { set, year: q.year ?? (q.standardId ? set.year : settings.year), ...(region?.length ? { region } : {}) };
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
  const { set: standard, year, region } = setAndYear(db, q);
  const set = withScenarioRules(db, q.rulesOf ?? q.scenarioId, standard); // the siting proposal's rule, as an access target
  const scenario = getScenario(db, q.scenarioId);
  const r = rows ?? planRows(db, q.scenarioId);
  const plan = facilitiesAt(r.facilities, r.projects, year);
  const access = new Map<string, AccessCoverage>();
  // The access engine takes the same facilities of the year (the map's own analyses take the present state).
  const where = setRegion(r.units, set.appliesTo, region);
  if (accessOf && where.applicable) for (const t of set.targets) if (t.kind === 'access') access.set(t.id, await accessOf(t, q.scenarioId, year, plan.facilities, where.codes));
  const report = evaluateGaps(r.units, plan.facilities, set, { year, populations: r.populations, access, appliedTo: region });
  const results = report.results.filter((x) => (!q.level || x.scope === q.level) && (!q.onlyShort || (x.shortfall ?? 0) > 0));
  const said = projectNotes(plan);
  return { standard: set.id, standardName: set.name, year, scenario: scenario.name, targets: set.targets, results,
    notes: [...report.notes, ...said.zh], notesEn: [...report.notesEn, ...said.en], region: report.region };
}
