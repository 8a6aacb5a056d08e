/**
 * 数据检查: what a finding of the data check is — one row of the plan that looks wrong or is missing
 * something, what it changes in the gap figures, and how to fix it. A finding never blocks work.
 *
 * Pure (no Node/DOM).
 */
import type { Area } from '../geo/polygon.ts';
import type { Said } from '../gaps/result.ts';
import type { StandardSet } from '../gaps/standard.ts';
import type { Facility, PopulationFigure, Unit } from '../model/entities.ts';

export type { Said };
export const CHECK_FAMILIES = ['population', 'figures', 'places', 'targets'] as const;
export type CheckFamily = (typeof CHECK_FAMILIES)[number];

export interface CheckFinding {
  /** Stable across runs: the rule and the row (and the column or target where one row has several). */
  id: string;
  rule: string;
  family: CheckFamily;
  /**
   * The row to open: a unit (by code), a facility (by id), a unit's populations by year, or — for a facility
   * a 规划项目 builds, which is in no table of facilities — that project (by its id).
   */
  row: { table: 'units' | 'facilities' | 'populations' | 'projects'; key: string; name: string; column?: string };
  /** What is wrong, with the figures. */
  message: Said;
  /** The targets of the set in use whose figures it changes, and how. */
  affects?: { targets: { id: string; name: string }[]; effect: Said };
  fix: Said;
}

/** What the check reads: the plan as the gap engine sees it for one set and year. */
export interface CheckInput {
  /** The units the set is evaluated over (the region and all below it). */
  units: readonly Unit[];
  /** Those units' facilities as of the year (规划项目 applied). */
  facilities: readonly Facility[];
  /** The plan's populations by year, beside each unit's own figure. */
  populations?: readonly PopulationFigure[];
  /** Unit boundaries (WGS-84) by unit code, when the plan has them. */
  boundaries?: ReadonlyMap<string, Area>;
  /** The coordinate system the plan stores: always WGS-84 (imports convert; see shared/geo/crs.ts). */
  crs?: 'wgs84';
  set: StandardSet;
  year: number;
  /** The planner's choice of region for a set written for another. */
  appliedTo?: readonly string[];
  /** Facilities a 新建 project of the scenario builds, by facility id: their findings point at the project. */
  builtBy?: ReadonlyMap<string, { id: number; name: string }>;
}

/** 12,345 */
export const n0 = (v: number): string => Math.round(v).toLocaleString('en-US');
/** −2.3% / +1.5% of `base`. */
export const pct = (v: number, base: number): string => {
  const p = ((v - base) / base) * 100;
  return `${p < 0 ? '−' : '+'}${Math.abs(p).toFixed(1)}%`;
};
/** 2 decimals, trailing zeros dropped: 1.25, 0.4, 3. */
export const d2 = (v: number): string => String(Math.round(v * 100) / 100);
