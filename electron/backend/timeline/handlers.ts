/** The timeline methods of the service (their contract: shared/api/methods/timeline.ts). */
import type { PlannerService } from '../../../shared/api/contract.ts';
import type { TIMELINE_API } from '../../../shared/api/methods/timeline.ts';
import type { Workspace } from '../workspace.ts';

export function timelineHandlers(_ws: Workspace): Pick<PlannerService, keyof typeof TIMELINE_API> {
  return {};
}
