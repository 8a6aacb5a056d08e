/** The allocation methods of the service (their contract: shared/api/methods/allocation.ts). */
import { RESOURCE_MEASURE } from '../../../shared/allocation/index.ts';
import type { PlannerService } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ALLOCATION_API } from '../../../shared/api/methods/allocation.ts';
import { createScenario, getScenario } from '../db/scenarios.ts';
import { getRow, listRows } from '../db/tables.ts';
import { listProjects } from '../db/projects.ts';
import { getProgramme } from '../db/programme.ts';
import { programmeSchedule } from '../../../shared/briefing/index.ts';
import { projectLines, projectsBuilding } from '../../../shared/timeline/index.ts';
import { editCell } from '../edit-cell.ts';
import { writeAllocation } from '../io/write-allocation.ts';
import { isSamplePlan } from '../io/sample-mark.ts';
import type { Workspace } from '../workspace.ts';
import { runAllocation } from './run-allocation.ts';
import type { AccessOf } from '../gaps.ts';
import { addProject, updateProject } from '../timeline/projects.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `accessOf`: the access engine, for the people an ambulance budget's 1030 circle leaves out (without it the card points to the gap screen). */
export function allocationHandlers(ws: Workspace, accessOf?: AccessOf): Pick<PlannerService, keyof typeof ALLOCATION_API> {
  return {
    'allocation.run': (q) => runAllocation(ws.requirePlan().db, q, accessOf),
    'allocation.export': async (q) => {
      const p = ws.requirePlan();
      const r = await runAllocation(p.db, q, accessOf);
      const [all, facilities] = [listProjects(p.db, q.scenarioId), listRows(p.db, 'facilities', q.scenarioId)];
      const projects = projectLines(all, facilities);
      const stored = getProgramme(p.db, q.scenarioId); // 分年度实施计划 sheet when the scenario was written from a programme
      const programme = stored && programmeSchedule(stored, all, facilities);
      const bytes = await writeAllocation(r, { plan: p.path, projects, sample: isSamplePlan(p.db), programme });
      return { fileName: `资源配置测算-${r.scenario}-${r.year}.xlsx`, dataBase64: Buffer.from(bytes).toString('base64'), mimeType: XLSX };
    },
    // Each line raises one facility's resource (beds → 实有床位 …); lines for one facility and resource add up.
    'allocation.apply': ({ scenarioId, name, lines, year }) =>
      ws.write((p) => {
        const s = createScenario(p.db, name, scenarioId);
        // Per facility, what each of its fields gains (lines for one facility and resource add up).
        const gains = new Map<string, Record<string, number>>();
        for (const l of lines) {
          const g = gains.get(l.facility) ?? {};
          const field = RESOURCE_MEASURE[l.resource];
          g[field] = (g[field] ?? 0) + l.amount;
          gains.set(l.facility, g);
        }
        const builtBy = projectsBuilding(listProjects(p.db, s.id));
        for (const [id, g] of gains) {
          const f = getRow(p.db, 'facilities', s.id, id);
          const built = f ? undefined : builtBy.get(id);
          if (!f && !built) throw new ApiError('NOT_FOUND', `找不到机构「${id}」`, `No facility "${id}"`);
          const deltas = Object.fromEntries(Object.entries(g).filter(([, d]) => d !== 0));
          if (!Object.keys(deltas).length) continue;
          if (year !== undefined) {
            addProject(p.db, s.id, { year: Math.max(year, built?.year ?? year), kind: 'expand', facility_id: id, deltas, note: '来自资源配置测算' });
            continue;
          }
          if (built) {
            // A facility a 新建 project builds is in no table: it opens with what the allocation gives it.
            const fields: Record<string, number> = { ...(built.fields as Record<string, number>) };
            for (const [field, d] of Object.entries(deltas)) fields[field] = (fields[field] ?? 0) + d;
            const { id: projectId, ...rest } = built;
            updateProject(p.db, s.id, projectId, { ...rest, facility_id: id, fields } as Parameters<typeof updateProject>[3]);
            continue;
          }
          for (const [field, d] of Object.entries(deltas)) {
            const now = (f as Record<string, unknown>)[field];
            editCell(p, 'facilities', s.id, id, field, (typeof now === 'number' ? now : 0) + d);
          }
        }
        return getScenario(p.db, s.id);
      }),
  };
}
