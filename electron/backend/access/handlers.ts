/**
 * The access methods of the service: run an analysis and wait (CLI, tests), or start one and follow
 * it (the map: progress and cancel). Jobs run on the worker (runner.ts).
 */
import type { AccessJobOut, PlannerService } from '../../../shared/api/contract.ts';
import type { AccessQuery, AccessResultOut } from '../../../shared/access/result.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { gapSettings, type AccessOf } from '../gaps.ts';
import type { Workspace } from '../workspace.ts';
import { runAccess } from './run-access.ts';
import { AccessRunner } from './runner.ts';

interface Tracked { worker?: number; result?: AccessResultOut; error?: unknown; done: boolean }

export function accessHandlers(ws: Workspace, runner: AccessRunner): Pick<PlannerService, 'access.run' | 'access.start' | 'access.job' | 'access.cancel'> {
  const jobs = new Map<number, Tracked>();
  let seq = 0;
  const run = (q: AccessQuery, onJob?: (job: number) => void) => {
    const p = ws.requirePlan();
    return runAccess(p.db, p.path, q, gapSettings(p.db).year, runner, onJob);
  };
  return {
    'access.run': (q) => run(q),
    'access.start': (q) => {
      const id = ++seq;
      const t: Tracked = { done: false };
      jobs.set(id, t);
      for (const old of [...jobs.keys()].filter((k) => k < id - 20)) jobs.delete(old);
      run(q, (w) => { t.worker = w; }).then((r) => { t.result = r; }, (e: unknown) => { t.error = e; }).finally(() => { t.done = true; });
      return { job: id };
    },
    'access.job': ({ job }): AccessJobOut => {
      const t = jobs.get(job);
      if (!t) throw new ApiError('NOT_FOUND', `没有编号为 ${job} 的分析任务`, `No access job ${job}`);
      if (t.error) throw t.error;
      if (t.result) return { state: 'done', stage: 'done', share: 1, result: t.result };
      const s = t.worker !== undefined ? runner.status(t.worker) : undefined;
      if (s?.state === 'cancelled') return { state: 'cancelled', stage: s.stage, share: s.share };
      return { state: 'running', stage: s?.stage ?? 'prepare', share: s?.share ?? 0 };
    },
    'access.cancel': ({ job }) => {
      const t = jobs.get(job);
      return { cancelled: !!t && t.worker !== undefined && !t.done && runner.cancel(t.worker) };
    },
  };
}

/**
 * An access target of a standard set, evaluated for the gap screen: ambulance targets from the
 * station to the place, service circles from the place to the facility; the demand points are the
 * villages'/communities' centres.
 */
export function accessCoverageOf(ws: Workspace, runner: AccessRunner): AccessOf {
  return async (t, scenarioId, year) => {
    const p = ws.requirePlan();
    const fromStation = t.facilityTypes.every((x) => x === 'ems_station');
    const r = await runAccess(p.db, p.path, {
      scenarioId, types: t.facilityTypes, urbanMinutes: t.urbanMinutes, ruralMinutes: t.ruralMinutes,
      direction: fromStation ? 'from' : 'to', dispatchMinutes: 0, demand: 'centroids', gridMeters: 1000, measure: 'time',
    }, year, runner);
    const region = r.units.find((u) => u.scope === 'region');
    return {
      model: r.model,
      region: { population: region?.population ?? 0, covered: region?.covered ?? 0 },
      byUnit: new Map(r.units.filter((u) => u.scope !== 'region').map((u) => [u.code, { population: u.population, covered: u.covered }])),
    };
  };
}
