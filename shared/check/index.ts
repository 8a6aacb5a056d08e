/**
 * 数据检查 (the data check): the plan as the gap engine sees it for one standard set and year, read for
 * what a planner should fix — populations that do not add up (population.ts), implausible figures
 * (figures.ts), places (places.ts), and what the set's targets need and the plan lacks (targets.ts).
 * Each finding names its row, what it changes and the fix; none blocks work. Pure (no Node/DOM).
 */
import { checkContext } from './context.ts';
import { figureFindings } from './figures.ts';
import { CHECK_FAMILIES, type CheckFamily, type CheckFinding, type CheckInput } from './finding.ts';
import { placeFindings } from './places.ts';
import { populationFindings } from './population.ts';
import { targetFindings } from './targets.ts';

export type { CheckFamily, CheckFinding, CheckInput } from './finding.ts';
export { CHECK_FAMILIES } from './finding.ts';

export interface CheckCounts {
  total: number;
  byFamily: Record<CheckFamily, number>;
  /** Findings that change a figure of the set's targets (the gap screen's badge). */
  touchingTargets: number;
}

export function checkPlan(input: CheckInput): { findings: CheckFinding[]; counts: CheckCounts } {
  const c = checkContext(input);
  const findings = [...populationFindings(c), ...figureFindings(c), ...placeFindings(c), ...targetFindings(c)];
  return { findings, counts: countFindings(findings) };
}

export function countFindings(findings: readonly CheckFinding[]): CheckCounts {
  const byFamily = Object.fromEntries(CHECK_FAMILIES.map((f) => [f, 0])) as Record<CheckFamily, number>;
  for (const f of findings) byFamily[f.family]++;
  return { total: findings.length, byFamily, touchingTargets: findings.filter((f) => f.affects?.targets.length).length };
}
