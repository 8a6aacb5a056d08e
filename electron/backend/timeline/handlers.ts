/** The timeline methods of the service (their contract: shared/api/methods/timeline.ts). */
import type { PlannerService } from '../../../shared/api/contract.ts';
import type { TIMELINE_API } from '../../../shared/api/methods/timeline.ts';
import { facilitiesAt } from '../../../shared/timeline/facilities-at.ts';
import { listProjects } from '../db/projects.ts';
import { getScenario } from '../db/scenarios.ts';
import { listRows } from '../db/tables.ts';
import type { Workspace } from '../workspace.ts';
import { addProject, projectsOut, removeProject, updateProject } from './projects.ts';
import { timelineSummary } from './summary.ts';

export function timelineHandlers(ws: Workspace): Pick<PlannerService, keyof typeof TIMELINE_API> {
  const db = () => ws.requirePlan().db;
  const scenario = (id: number) => { getScenario(db(), id); return id; };
  return {
    'projects.list': ({ scenarioId }) => projectsOut(db(), scenario(scenarioId)),
    'projects.add': ({ scenarioId, project }) => ws.write((p) => addProject(p.db, scenario(scenarioId), project)),
    'projects.update': ({ scenarioId, id, project }) => ws.write((p) => updateProject(p.db, scenario(scenarioId), id, project)),
    'projects.remove': ({ scenarioId, id }) => { ws.write((p) => removeProject(p.db, scenario(scenarioId), id)); return { removed: id }; },
    'timeline.facilities': ({ scenarioId, year }) => {
      const d = db();
      const at = facilitiesAt(listRows(d, 'facilities', scenario(scenarioId)), listProjects(d, scenarioId), year);
      return { year, facilities: at.facilities, applied: at.applied, problems: at.problems };
    },
    'timeline.summary': (q) => timelineSummary(db(), { ...q, scenarioId: scenario(q.scenarioId) }),
  };
}
