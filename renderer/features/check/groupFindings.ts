/**
 * The data check's findings as the panel lists them: by family in the check's order (人口, 数字, 位置,
 * 指标所需数据), every family present (an empty one says nothing was found there), optionally only
 * those that change a figure of the set's targets.
 */
import type { CheckFinding } from '../../../shared/api/contract.ts';
import { CHECK_FAMILIES, type CheckFamily } from '../../../shared/check/finding.ts';

export interface FindingGroup {
  family: CheckFamily;
  findings: CheckFinding[];
}

/** Whether the finding changes a figure of the set in use (the gap screen's count). */
export const touchesTargets = (f: CheckFinding): boolean => !!f.affects?.targets.length;

export function groupFindings(findings: readonly CheckFinding[], onlyTouching: boolean): FindingGroup[] {
  const kept = onlyTouching ? findings.filter(touchesTargets) : findings;
  return CHECK_FAMILIES.map((family) => ({ family, findings: kept.filter((f) => f.family === family) }));
}

/**
 * Where a finding's link goes: its row in 行政区划 or 医疗卫生机构 (populations by year have no table on
 * screen: their unit, in 行政区划), or 规划项目 for a facility a project builds (in no facilities table).
 */
export const linkOf = (f: CheckFinding): 'units' | 'facilities' | 'projects' => (f.row.table === 'populations' ? 'units' : f.row.table);
