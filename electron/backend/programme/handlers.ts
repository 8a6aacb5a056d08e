/** The programme methods of the service (their contract: shared/api/methods/programme.ts). */
import type { PlannerService } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { PROGRAMME_API, ProgrammeOut, ProgrammeQueryOut } from '../../../shared/api/methods/programme.ts';
import type Database from 'better-sqlite3';
import { getProgramme, putProgramme } from '../db/programme.ts';
import { listProjects } from '../db/projects.ts';
import { createScenario, getScenario } from '../db/scenarios.ts';
import { loadMipSolver } from '../siting/exact.ts';
import { addProject } from '../timeline/projects.ts';
import { readCosts } from '../compare/handlers.ts';
import { deleteProject, setProjectPlace } from '../db/projects.ts';
import { writeProgramme } from '../io/write-programme.ts';
import { isSamplePlan } from '../io/sample-mark.ts';
import type { AccessOf } from '../gaps.ts';
import type { Workspace } from '../workspace.ts';
import { candidateActions, programmeScope } from './candidates.ts';
import { runProgramme } from './run.ts';
import type { AccessPoints } from './access-terms.ts';
import { targetAccess } from '../access/handlers.ts';
import type { AnalysisRunner } from '../worker/runner.ts';

/** The run as the contract gives it (the schedule and actions stay on the backend). */
export async function programmeOut(db: Database.Database, q: ProgrammeQueryOut, accessOf?: AccessOf, accessPoints?: AccessPoints): Promise<ProgrammeOut> {
  const { schedule: _s, actions: _a, ...out } = await runProgramme(db, q, await loadMipSolver(), accessOf, accessPoints);
  return out;
}

/** `accessOf`: the access engine, so each year's access targets are the gap screen's (not in the optimisation). */
export function programmeHandlers(ws: Workspace, accessOf?: AccessOf, runner?: AnalysisRunner): Pick<PlannerService, keyof typeof PROGRAMME_API> {
  // The access engine's points of an access target for the model, over the set's region as the run's scope found it.
  const pointsOf = (q: ProgrammeQueryOut): AccessPoints | undefined => {
    if (!runner) return undefined;
    return async (t, year, facilities, within) => {
      const p = ws.requirePlan();
      const { result } = await targetAccess(p.db, p.path, runner, t, q.scenarioId, year, facilities, within);
      return {
        codes: result.points.map((x) => x.code),
        population: Float64Array.from(result.points, (x) => x.population),
        covered: Uint8Array.from(result.points, (x) => (x.covered ? 1 : 0)),
      };
    };
  };
  return {
    'programme.run': (q) => programmeOut(ws.requirePlan().db, q, accessOf, pointsOf(q)),
    'programme.export': async (q) => {
      const p = ws.requirePlan();
      const out = await programmeOut(p.db, q, accessOf, pointsOf(q));
      const bytes = await writeProgramme(out, { plan: p.path, sample: isSamplePlan(p.db) });
      return {
        fileName: `分年度实施计划-${out.scenario}-${out.fromYear}-${out.toYear}.xlsx`,
        dataBase64: Buffer.from(bytes).toString('base64'),
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    },
    // The copy's projects are the source's in the same order (copyProjects), so the n-th of one is the n-th of the other.
    // A candidate project placed takes its year and the cost it was placed at (a cost given in the tab or a rule);
    // one not placed leaves the new scenario (its figures are the programme's); the notes and 未安排 list it.
    'programme.apply': ({ scenarioId, name, query: q, schedule, result }) =>
      ws.write((p) => {
        const scope = programmeScope(p.db, q, scenarioId);
        const { actions, isCandidate } = candidateActions(q, { db: p.db, scenarioId, scope, costs: readCosts(p.db) });
        const byId = new Map(actions.map((a) => [a.id, a]));
        const yearOf = new Map<string, number>();
        for (const s of schedule) {
          if (!byId.has(s.action)) throw new ApiError('INVALID_ARGS', `没有候选项目「${s.action}」`, `No candidate "${s.action}"`);
          if (s.year < q.fromYear || s.year > q.toYear)
            throw new ApiError(
              'INVALID_ARGS',
              `「${s.action}」的年份 ${s.year} 不在 ${q.fromYear}–${q.toYear} 年内`,
              `"${s.action}": ${s.year} is outside ${q.fromYear}–${q.toYear}`,
            );
          yearOf.set(s.action, s.year);
        }
        const source = listProjects(p.db, scenarioId);
        const s = createScenario(p.db, name, scenarioId);
        const copy = listProjects(p.db, s.id).sort((a, b) => a.id - b.id);
        const copyOf = new Map(
          source
            .slice()
            .sort((a, b) => a.id - b.id)
            .map((x, i) => [x.id, copy[i]!.id]),
        );
        const placed: { project: number; action: string; year: number; cost: number }[] = [];
        for (const x of source) {
          if (!isCandidate(x)) continue;
          const id = `project:${x.id}`;
          const year = yearOf.get(id);
          const mine = copyOf.get(x.id)!;
          if (year === undefined) deleteProject(p.db, s.id, mine);
          else {
            setProjectPlace(p.db, s.id, mine, year, byId.get(id)?.cost ?? x.cost);
            placed.push({ project: mine, action: id, year, cost: byId.get(id)?.cost ?? 0 });
          }
        }
        for (const a of actions) {
          const year = yearOf.get(a.id);
          if (year === undefined || a.source === 'project') continue;
          const saved = addProject(p.db, s.id, { ...a.project, year, cost: a.cost });
          placed.push({ project: saved.id, action: a.id, year, cost: a.cost ?? 0 });
        }
        putProgramme(p.db, s.id, {
          standardId: scope.set.id,
          fromYear: q.fromYear,
          toYear: q.toYear,
          carryOver: q.carryOver,
          money: q.money,
          placed: placed.sort((a, b) => a.year - b.year || a.project - b.project),
          objective: result?.objective ?? null,
          gap: result?.gap ?? null,
          optimal: result?.optimal ?? null,
          written: new Date().toISOString(),
        });
        return getScenario(p.db, s.id);
      }),
    'programme.get': ({ scenarioId }) => {
      const p = ws.requirePlan();
      getScenario(p.db, scenarioId);
      return getProgramme(p.db, scenarioId);
    },
  };
}
