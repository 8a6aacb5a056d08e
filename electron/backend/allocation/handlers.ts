/** The allocation methods of the service (their contract: shared/api/methods/allocation.ts). */
import { RESOURCE_MEASURE } from '../../../shared/allocation/index.ts';
import type { PlannerService } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ALLOCATION_API } from '../../../shared/api/methods/allocation.ts';
import { createScenario, getScenario } from '../db/scenarios.ts';
import { getRow, listRows } from '../db/tables.ts';
import { listProjects } from '../db/projects.ts';
import { projectLines } from '../../../shared/timeline/index.ts';
import { editCell } from '../edit-cell.ts';
import { writeAllocation } from '../io/write-allocation.ts';
import type { Workspace } from '../workspace.ts';
import { runAllocation } from './run-allocation.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function allocationHandlers(ws: Workspace): Pick<PlannerService, keyof typeof ALLOCATION_API> {
  return {
    'allocation.run': (q) => runAllocation(ws.requirePlan().db, q),
    'allocation.export': async (q) => {
      const p = ws.requirePlan();
      const r = runAllocation(p.db, q);
      const projects = projectLines(listProjects(p.db, q.scenarioId), listRows(p.db, 'facilities', q.scenarioId));
      const bytes = await writeAllocation(r, { plan: p.path, projects });
      return { fileName: `资源配置测算-${r.scenario}-${r.year}.xlsx`, dataBase64: Buffer.from(bytes).toString('base64'), mimeType: XLSX };
    },
    // Each line raises one facility's resource (beds → 实有床位 …); lines for one facility and resource add up.
    'allocation.apply': ({ scenarioId, name, lines }) => ws.write((p) => {
      const s = createScenario(p.db, name, scenarioId);
      const total = new Map<string, number>();
      for (const l of lines) total.set(`${l.facility}\u0000${l.resource}`, (total.get(`${l.facility}\u0000${l.resource}`) ?? 0) + l.amount);
      for (const [key, amount] of total) {
        const [id, resource] = key.split('\u0000') as [string, keyof typeof RESOURCE_MEASURE];
        const f = getRow(p.db, 'facilities', s.id, id);
        if (!f) throw new ApiError('NOT_FOUND', `找不到机构「${id}」`, `No facility "${id}"`);
        const field = RESOURCE_MEASURE[resource];
        const now = typeof f[field] === 'number' ? f[field] : 0;
        if (amount !== 0) editCell(p, 'facilities', s.id, id, field, now + amount);
      }
      return getScenario(p.db, s.id);
    }),
  };
}
