/**
 * 资源配置测算 (the budget allocator, pure): `allocationNeeds(units, facilities, sets, { year, scope })`
 * derives the needs from the plan's ratio targets; `allocate({ budget, costs, units, needs, facilities,
 * commitments, manual, rules })` shares the budgets out and explains each line. The rule and the
 * objective it attains are stated in allocate.ts. `judgedScope(set)` is the level shared across by
 * default (scope.ts); `reconcile(…)` states the totals against the gap screen's region lines (reconcile.ts).
 */
export { allocate } from './allocate.ts';
export { allocationNeeds, preferNeed, type AllocationNeeds, type NeedsOptions, type RegionLine } from './needs.ts';
export { reconcile, type AllocationTotals, type EmsAccess, type Reconciled, type ResourceTotal } from './reconcile.ts';
export { judgedScope, type AllocationScope } from './scope.ts';
export {
  DEFAULT_ELIGIBLE,
  DEFAULT_M2_PER_BED,
  DEFAULT_TYPE_CAPS,
  RESOURCE_LABELS,
  RESOURCE_MEASURE,
  RESOURCES,
  resourceOfMeasure,
  type Amounts,
  type Resource,
} from './resources.ts';
export type * from './types.ts';
