/** The contract's compare methods (spread into API in ../contract.ts): 情景比较 and the plan's cost table (造价). */
import { z } from 'zod';
import { COMPARE_LEVELS, type CompareOut } from '../../compare/compare.ts';
import { CostTableSchema, type CostTable } from '../../compare/costs.ts';
import { method, None, ScenarioId, SetId, Year } from '../schemas.ts';

export type { CompareOut, CostTable };

const CompareQuery = z
  .object({
    /** The reference first, then the scenarios to set beside it; each once. */
    scenarioIds: z
      .array(ScenarioId)
      .min(2)
      .max(6)
      .refine((ids) => new Set(ids).size === ids.length, '每个情景只能选一次 / each scenario once'),
    standardId: SetId.optional(),
    year: Year.optional(),
    level: z.enum(COMPARE_LEVELS).default('county'),
  })
  .strict();

export const COMPARE_API = {
  'costs.get': method<CostTable>()(
    None,
    "The plan's cost table (造价, 元): per bed, physician, nurse, GP, other health technician, ambulance, m² of floor area, and per new facility by type; only what the planner entered.",
  ),
  'costs.set': method<CostTable>()(
    z.object({ costs: CostTableSchema }).strict(),
    "Replace the plan's cost table (non-negative yuan; an item left out has no price). Returns the table kept.",
  ),
  'scenarios.compare': method<CompareOut>()(
    CompareQuery,
    "Two to six scenarios side by side against the first: every target of the standard set (the plan's set and year unless given) at the region and at each unit of the level (default county), with each scenario's difference; facilities and units added, removed and changed; and each scenario's cost at the plan's prices (new facilities by type, Δ beds, staff, floor area, ambulances), with what has no price.",
  ),
} as const;
