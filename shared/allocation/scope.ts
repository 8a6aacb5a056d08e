/** 测算层级: the level an allocation shares its budget across by default. */
import type { StandardSet } from '../gaps/standard.ts';
import { resourceOfMeasure } from './resources.ts';

/** Across counties (区县) or streets/towns (街道/乡镇). */
export type AllocationScope = 'county' | 'township';

/**
 * The level a standard set's ratio targets are judged at, which an allocation shares across unless the
 * planner chooses another — the one place the service, the CLI and the 资源配置 screen take it from.
 *
 * A ratio target (每千人口床位 11 张) is written for an area that plans: the region the document governs
 * (全市, 全区) and the counties that take it down into plans of their own. The gap screen shows it for the
 * region and each county, and also for each street/town — but a street's figure is for reference (the
 * sets' notes say so: "街道/乡镇一级的数值只作参考：大医院集中在少数街道"; "街道一级的结果供逐级查看"):
 * a hospital serves far beyond its street, so one street's surplus of beds covers its neighbours', and
 * streets' shortfalls do not add up to the region's. Allocated street by street, a budget is measured
 * against needs that the document does not state (on the sample, 65,608 beds street by street against
 * the gap screen's 35,873 for 长沙市). So: `county` whenever a ratio target on an allocatable resource is
 * judged for the region or its counties (every shipped set); `township` only when those targets are set
 * for streets/towns alone (a document that states a ratio per street); `county` for a set without any
 * (no ratio to allocate against: the counties' lines say so). Targets on other measures count only when
 * the set has none on an allocatable one.
 */
export function judgedScope(set: Pick<StandardSet, 'targets'>): AllocationScope {
  const ratios = set.targets.filter((t) => t.kind === 'ratio');
  const allocatable = ratios.filter((t) => resourceOfMeasure(t.measure) !== undefined);
  const judged = allocatable.length ? allocatable : ratios;
  if (judged.some((t) => t.scopes.includes('region') || t.scopes.includes('county'))) return 'county';
  if (judged.some((t) => t.scopes.includes('township'))) return 'township';
  return 'county';
}
