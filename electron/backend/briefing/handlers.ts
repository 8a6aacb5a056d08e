/** The briefing methods of the service (their contract: shared/api/methods/briefing.ts). */
import type { PlannerService } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { BRIEFING_API } from '../../../shared/api/methods/briefing.ts';
import type { AccessOf } from '../gaps.ts';
import type { AnalysisRunner } from '../worker/runner.ts';
import type { Workspace } from '../workspace.ts';
import { buildBrief } from './build.ts';

/** `_accessOf`: the service's access engine; the briefing runs the same analyses itself (build.ts) to keep their whole results. */
export function briefingHandlers(ws: Workspace, runner: AnalysisRunner, _accessOf?: AccessOf): Pick<PlannerService, keyof typeof BRIEFING_API> {
  return {
    'brief.get': (q) => {
      const p = ws.requirePlan();
      return buildBrief(p.db, p.path, q, runner);
    },
    'app.printBrief': () => {
      throw new ApiError(
        'UNAVAILABLE',
        '此模式下由浏览器打印汇报材料：请在打印页面选择“另存为 PDF”',
        'Here the browser prints the briefing: choose "Save as PDF" in its print dialog',
      );
    },
  };
}
