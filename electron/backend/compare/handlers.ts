/** The compare methods of the service (their contract: shared/api/methods/compare.ts). */
import type { PlannerService } from '../../../shared/api/contract.ts';
import type { COMPARE_API } from '../../../shared/api/methods/compare.ts';
import type { Workspace } from '../workspace.ts';

export function compareHandlers(_ws: Workspace): Pick<PlannerService, keyof typeof COMPARE_API> {
  return {};
}
