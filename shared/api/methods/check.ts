/** The contract's data-check section (数据检查; spread into API in ../contract.ts): shared/check read over a scenario. */
import type { CheckCounts, CheckFinding } from '../../check/index.ts';
import { InScenario, method, SetId, Year } from '../schemas.ts';

export type { CheckCounts, CheckFinding };
export interface CheckOut {
  findings: CheckFinding[];
  counts: CheckCounts;
  /** The set and year the plan was read for (the plan's choice unless asked). */
  judged: { standardId: string; year: number };
}

export const CHECK_API = {
  'plan.check': method<CheckOut>()(
    InScenario.extend({ standardId: SetId.optional(), year: Year.optional() }),
    "The data check: populations that do not add up, implausible figures, places, what the set's targets need and the plan lacks; each finding with its row, what it changes and the fix.",
  ),
} as const;
