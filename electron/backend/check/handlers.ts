/** The data check of the service (its contract: shared/api/methods/check.ts), over what the gap engine sees (viewScope). */
import type Database from 'better-sqlite3';
import type { PlannerService } from '../../../shared/api/contract.ts';
import type { CHECK_API, CheckOut } from '../../../shared/api/methods/check.ts';
import { checkPlan } from '../../../shared/check/index.ts';
import type { Area } from '../../../shared/geo/polygon.ts';
import { listBoundaries } from '../db/boundaries.ts';
import { getScenario } from '../db/scenarios.ts';
import { viewScope } from '../scope.ts';
import { projectsBuilding } from '../../../shared/timeline/project.ts';
import type { Workspace } from '../workspace.ts';

/**
 * The scenario read for the set and year asked (else the plan's): the region's units, their facilities
 * as of the year (规划项目 applied), the populations by year and the boundaries. A set whose region is
 * not in the plan (不适用) is read over the whole plan, so the check still says what is wrong.
 */
export function checkScenario(db: Database.Database, q: { scenarioId: number; standardId?: string; year?: number }): CheckOut {
  const scope = viewScope(db, q);
  const all = !scope.region.applicable;
  const boundaries = new Map<string, Area>(listBoundaries(db).map((b) => [b.code, b.geometry as Area]));
  const { findings, counts } = checkPlan({
    units: all ? scope.rows.units : scope.units,
    facilities: all ? scope.plan.facilities : scope.facilities,
    populations: scope.rows.populations,
    boundaries,
    crs: 'wgs84',
    set: scope.set,
    year: scope.year,
    ...(scope.appliedTo ? { appliedTo: scope.appliedTo } : {}),
    builtBy: projectsBuilding(scope.rows.projects),
  });
  return { findings, counts, judged: { standardId: scope.set.id, year: scope.year } };
}

export function checkHandlers(ws: Workspace): Pick<PlannerService, keyof typeof CHECK_API> {
  return {
    'plan.check': (q) => {
      const db = ws.requirePlan().db;
      getScenario(db, q.scenarioId);
      return checkScenario(db, q);
    },
  };
}
