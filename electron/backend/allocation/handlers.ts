/** The allocation methods of the service (their contract: shared/api/methods/allocation.ts). */
import type { PlannerService } from '../../../shared/api/contract.ts';
import type { ALLOCATION_API } from '../../../shared/api/methods/allocation.ts';
import type { Workspace } from '../workspace.ts';

export function allocationHandlers(_ws: Workspace): Pick<PlannerService, keyof typeof ALLOCATION_API> {
  return {};
}
