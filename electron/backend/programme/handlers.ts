/** The programme methods of the service (their contract: shared/api/methods/programme.ts). */
import type { PlannerService } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { PROGRAMME_API } from '../../../shared/api/methods/programme.ts';
import { getScenario } from '../db/scenarios.ts';
import { getProgramme } from '../db/programme.ts';
import type { Workspace } from '../workspace.ts';

export function programmeHandlers(ws: Workspace): Pick<PlannerService, keyof typeof PROGRAMME_API> {
  const notYet = () => {
    throw new ApiError('INTERNAL', '实施计划测算尚未完成', 'The programme is not implemented yet');
  };
  return {
    'programme.run': notYet,
    'programme.export': notYet,
    'programme.apply': notYet,
    'programme.get': ({ scenarioId }) => {
      const p = ws.requirePlan();
      getScenario(p.db, scenarioId);
      return getProgramme(p.db, scenarioId);
    },
  };
}
