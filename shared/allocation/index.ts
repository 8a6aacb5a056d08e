/**
 * 资源配置测算 (the budget allocator, pure): `allocationNeeds(units, facilities, sets, { year, scope })`
 * derives the needs from the plan's ratio targets; `allocate({ budget, costs, units, needs, facilities,
 * commitments, manual, rules })` shares the budgets out and explains each line. The rule and the
 * objective it attains are stated in allocate.ts.
 */
export { allocate } from './allocate.ts';
export { allocationNeeds, preferNeed, type AllocationNeeds, type NeedsOptions } from './needs.ts';
export {
  DEFAULT_ELIGIBLE, DEFAULT_M2_PER_BED, DEFAULT_TYPE_CAPS, RESOURCE_LABELS, RESOURCE_MEASURE, RESOURCES, resourceOfMeasure,
  type Amounts, type Resource,
} from './resources.ts';
export type * from './types.ts';
