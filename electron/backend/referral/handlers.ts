/** The referral method of the service (转诊可及性): run on the worker (runner.ts) and wait; the sample's whole run takes well under a second. */
import type { PlannerService } from '../../../shared/api/contract.ts';
import { gapSettings } from '../gaps.ts';
import type { Workspace } from '../workspace.ts';
import type { AnalysisRunner } from '../worker/runner.ts';
import { runReferral } from './run-referral.ts';

export function referralHandlers(ws: Workspace, runner: AnalysisRunner): Pick<PlannerService, 'referral.run'> {
  return {
    'referral.run': (q) => {
      const p = ws.requirePlan();
      // The year asked for, else the plan's target year: facilities as of it (projects applied).
      return runReferral(p.db, p.path, q, q.year ?? gapSettings(p.db).year, runner);
    },
  };
}
