/** The timeline methods of the service (their contract: shared/api/methods/timeline.ts). */
import type { PlannerService } from '../../../shared/api/contract.ts';
import type { TIMELINE_API } from '../../../shared/api/methods/timeline.ts';
import { facilitiesAt } from '../../../shared/timeline/facilities-at.ts';
import { listProjects } from '../db/projects.ts';
import { getScenario } from '../db/scenarios.ts';
import { listRows } from '../db/tables.ts';
import type { Workspace } from '../workspace.ts';
import type { AccessOf } from '../gaps.ts';
import { addProject, projectsOut, removeProject, updateProject } from './projects.ts';
import { importProjects } from './import-projects.ts';
import { writeProjectSheet } from '../io/projects-sheet.ts';
import { Buffer } from 'node:buffer';
import path from 'node:path';

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv;charset=utf-8' } as const;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
import { timelineSummary } from './summary.ts';

/** `accessOf`: the access engine, so the matrix's access targets are evaluated each year as the gap screen does. */
export function timelineHandlers(ws: Workspace, accessOf?: AccessOf): Pick<PlannerService, keyof typeof TIMELINE_API> {
  const db = () => ws.requirePlan().db;
  const scenario = (id: number) => {
    getScenario(db(), id);
    return id;
  };
  return {
    'projects.list': ({ scenarioId }) => projectsOut(db(), scenario(scenarioId)),
    'projects.add': ({ scenarioId, project }) => ws.write((p) => addProject(p.db, scenario(scenarioId), project)),
    'projects.update': ({ scenarioId, id, project }) => ws.write((p) => updateProject(p.db, scenario(scenarioId), id, project)),
    'projects.remove': ({ scenarioId, id }) => {
      ws.write((p) => removeProject(p.db, scenario(scenarioId), id));
      return { removed: id };
    },
    'projects.export': async ({ scenarioId, format }) => {
      const p = ws.requirePlan();
      const bytes = await writeProjectSheet(listProjects(p.db, scenario(scenarioId)), listRows(p.db, 'facilities', scenarioId), format);
      return { fileName: `${path.basename(p.path, '.hplan')}-规划项目.${format}`, dataBase64: b64(bytes), mimeType: MIME[format] };
    },
    'projects.template': async ({ format }) => ({
      fileName: `导入模板-规划项目.${format}`,
      dataBase64: b64(await writeProjectSheet([], [], format)),
      mimeType: MIME[format],
    }),
    'projects.import': ({ scenarioId, file, dryRun, replace }) => {
      const p = dryRun ? ws.requirePlan() : ws.requireWritable();
      return importProjects(
        p.db,
        { fileName: file.fileName, bytes: Buffer.from(file.dataBase64, 'base64') },
        { scenarioId: scenario(scenarioId), dryRun, replace },
        (fn) => ws.write(fn),
      );
    },
    'timeline.facilities': ({ scenarioId, year }) => {
      const d = db();
      const at = facilitiesAt(listRows(d, 'facilities', scenario(scenarioId)), listProjects(d, scenarioId), year);
      return { year, facilities: at.facilities, applied: at.applied, problems: at.problems };
    },
    'timeline.summary': (q) => timelineSummary(db(), { ...q, scenarioId: scenario(q.scenarioId) }, accessOf),
  };
}
