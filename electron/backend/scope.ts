/**
 * 口径: what every view of a standard set measures — the set, the year, the units it is evaluated over
 * (the region the set names, or the one the planner applied it to), those units' rows, the facilities as
 * of the year (规划项目 applied) and the populations of that year. The gap screen, dashboard, briefing,
 * allocation, compare, timeline and the programme (实施计划) all take their scope from here, so one figure is the same everywhere.
 */
import type Database from 'better-sqlite3';
import type { StandardSet } from '../../shared/gaps/standard.ts';
import { setRegion } from '../../shared/gaps/region-index.ts';
import type { Facility, Unit } from '../../shared/model/entities.ts';
import { facilitiesAt, type PlanAtYear } from '../../shared/timeline/facilities-at.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { GapSettings } from '../../shared/api/contract.ts';
import type { PopulationFigure } from '../../shared/model/entities.ts';
import type { Project } from '../../shared/timeline/project.ts';
import { getMeta, setMeta } from './db/meta.ts';
import { listPopulations } from './db/populations.ts';
import { listProjects } from './db/projects.ts';
import { listRows } from './db/tables.ts';
import { findSet, getSet, shippedSets } from './standards.ts';

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
  if (!set)
    throw new ApiError('INTERNAL', '没有可用的指标标准：安装目录中缺少 data/standards', 'No standard sets: data/standards is missing from the installation');
  return { standardId: set.id, year: set.year };
}

export function setGapSettings(db: Database.Database, s: GapSettings): GapSettings {
  getSet(db, s.standardId); // must exist
  setMeta(db, 'standard_id', s.standardId);
  setMeta(db, 'target_year', String(s.year));
  setMeta(db, 'standard_region', s.region?.length ? JSON.stringify(s.region) : '');
  return s;
}

/** What gaps are evaluated on: a scenario's rows, its populations by year and its projects. */
export interface PlanRows {
  units: Unit[];
  facilities: Facility[];
  populations: PopulationFigure[];
  projects: Project[];
}

export function planRows(db: Database.Database, scenarioId: number): PlanRows {
  return {
    units: listRows(db, 'units', scenarioId),
    facilities: listRows(db, 'facilities', scenarioId),
    populations: listPopulations(db, scenarioId),
    projects: listProjects(db, scenarioId),
  };
}

/**
 * The standard set asked for (else the plan's), the year (asked, else the set's when one was named, else
 * the plan's) and the units it is applied to (asked, else the plan's choice for its own set, else the
 * region the set names). Every view of a standard set — gaps, dashboard, briefing, allocation, compare,
 * timeline — starts here, so they all measure the same place in the same year.
 */
export function setAndYear(
  db: Database.Database,
  q: { standardId?: string; year?: number; region?: string[] },
): { set: StandardSet; year: number; region?: string[] } {
  const settings = gapSettings(db);
  const set = getSet(db, q.standardId ?? settings.standardId);
  const region = q.region ?? (set.id === settings.standardId ? settings.region : undefined);
  return { set, year: q.year ?? (q.standardId ? set.year : settings.year), ...(region?.length ? { region } : {}) };
}

export interface ViewScope {
  set: StandardSet;
  year: number;
  /** The planner's choice of region for a set written for another, when made. */
  appliedTo?: string[];
  /** The region's top units (codes); `applicable` false when the set's region is not in the plan. */
  region: { codes: string[]; applicable: boolean };
  rows: PlanRows;
  /** The facilities as of the year, with the projects counted. */
  plan: PlanAtYear;
  /** The region's units (its top units and all below them) and their facilities as of the year. */
  units: Unit[];
  facilities: Facility[];
}

export function viewScope(db: Database.Database, q: { scenarioId: number; standardId?: string; year?: number; region?: string[] }, rows?: PlanRows): ViewScope {
  const { set, year, region: appliedTo } = setAndYear(db, q);
  const r = rows ?? planRows(db, q.scenarioId);
  const region = setRegion(r.units, set.appliesTo, appliedTo);
  const plan = facilitiesAt(r.facilities, r.projects, year);
  const units = unitsUnder(r.units, region.applicable ? region.codes : []);
  const codes = new Set(units.map((u) => u.code));
  return { set, year, ...(appliedTo ? { appliedTo } : {}), region, rows: r, plan, units, facilities: plan.facilities.filter((f) => codes.has(f.unit_code)) };
}

/** The given top units and every unit below them, in plan order. */
export function unitsUnder(units: readonly Unit[], roots: readonly string[]): Unit[] {
  const keep = new Set(roots);
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parent_code) continue;
    const list = children.get(u.parent_code);
    if (list) list.push(u.code);
    else children.set(u.parent_code, [u.code]);
  }
  const stack = [...roots];
  while (stack.length)
    for (const c of children.get(stack.pop()!) ?? [])
      if (!keep.has(c)) {
        keep.add(c);
        stack.push(c);
      }
  return units.filter((u) => keep.has(u.code));
}
