/**
 * The access methods of the service: run an analysis and wait (CLI, tests), or start one and follow
 * it (the map: progress and cancel). Jobs run on the worker (runner.ts).
 */
import type Database from 'better-sqlite3';
import type { AccessJobOut, PlannerService } from '../../../shared/api/contract.ts';
import type { AccessCoverage } from '../../../shared/gaps/evaluate.ts';
import type { AccessQuery, AccessResultOut } from '../../../shared/access/result.ts';
import { targetSettings } from '../../../shared/access/presets.ts';
import { gapSettings, type AccessOf } from '../gaps.ts';
import type { Workspace } from '../workspace.ts';
import { runAccess } from './run-access.ts';
import type { AnalysisRunner } from '../worker/runner.ts';
import { TrackedJobs } from '../worker/tracked-jobs.ts';
import { AreasApart } from './areas-geojson.ts';

export function accessHandlers(
  ws: Workspace,
  runner: AnalysisRunner,
): Pick<PlannerService, 'access.run' | 'access.start' | 'access.job' | 'access.cancel' | 'access.areasGeoJson'> {
  const jobs = new TrackedJobs<AccessResultOut>(runner);
  // Areas asked apart (the map): their polygons stay here until read as GeoJSON text.
  const apart = new AreasApart();
  const run = async (q: AccessQuery, onJob?: (job: number) => void) => {
    const p = ws.requirePlan();
    // The year asked for, else the plan's target year: facilities as of it (projects applied), populations of it.
    return apart.take(await runAccess(p.db, p.path, q, q.year ?? gapSettings(p.db).year, runner, { onJob }));
  };
  return {
    'access.run': (q) => run(q),
    'access.start': (q) => jobs.start((onJob) => run(q, onJob)),
    'access.job': ({ job }): AccessJobOut => jobs.status(job),
    'access.cancel': ({ job }) => jobs.cancel(job),
    'access.areasGeoJson': ({ shapes }) => apart.text(shapes),
  };
}

/**
 * An access target of a standard set, evaluated for the gap screen: ambulance targets from the
 * station to the place, service circles from the place to the facility; the demand points are the
 * villages'/communities' centres.
 */
export function accessCoverageOf(ws: Workspace, runner: AnalysisRunner): AccessOf {
  return async (t, scenarioId, year, facilities, within) => {
    const p = ws.requirePlan();
    return (await targetAccess(p.db, p.path, runner, t, scenarioId, year, facilities, within)).coverage;
  };
}

/**
 * An access target's analysis as the gap screen runs it: the whole result, and the coverage the gap engine
 * reads from it (the briefing keeps both, and asks for the service areas of its limits too: `areas`).
 */
export async function targetAccess(
  db: Database.Database,
  planPath: string,
  runner: AnalysisRunner,
  ...[t, scenarioId, year, facilities, within, areas]: [...Parameters<AccessOf>, areas?: AccessQuery['areas']]
): Promise<{ result: AccessResultOut; coverage: AccessCoverage }> {
  // Within the set's region: its people alone, the remainders at its own centres included.
  const q = { ...targetSettings(t), scenarioId, ...(within?.length ? { within: [...within] } : {}), ...(areas ? { areas } : {}) };
  const r = await runAccess(db, planPath, q, year, runner, { facilities });
  const region = r.units.find((u) => u.scope === 'region');
  return {
    result: r,
    coverage: {
      model: r.model,
      ...(within?.length ? { area: [...within] } : {}),
      region: { population: region?.population ?? 0, covered: region?.covered ?? 0 },
      byUnit: new Map(r.units.filter((u) => u.scope !== 'region').map((u) => [u.code, { population: u.population, covered: u.covered }])),
    },
  };
}
