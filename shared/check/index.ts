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
  const findings = [...populationFindings(c), ...figureFindings(c), ...placeFindings(c), ...targetFindings(c)].map((f) => atProject(f, input.builtBy));
  return { findings, counts: countFindings(findings) };
}

/**
 * A facility a 新建 project builds is in no facilities table: its finding points at the project, and the
 * fix says to complete the project (the figures of a new facility are the project's).
 */
function atProject(f: CheckFinding, builtBy: CheckInput['builtBy']): CheckFinding {
  const project = f.row.table === 'facilities' ? builtBy?.get(f.row.key) : undefined;
  if (!project) return f;
  const where = { zh: `规划项目「${project.name}」`, en: `the project “${project.name}”` };
  return {
    ...f,
    row: { table: 'projects', key: String(project.id), name: project.name, ...(f.row.column ? { column: f.row.column } : {}) },
    fix: {
      zh: `${f.row.name} 由${where.zh}新建，不在机构表中：在「规划项目」中打开该项目，补填或更正新机构的这项数字`,
      en: `${f.row.name} is built by ${where.en} and is in no facilities table: open the project under Projects and complete or correct this figure of the new facility`,
    },
  };
}

export function countFindings(findings: readonly CheckFinding[]): CheckCounts {
  const byFamily = Object.fromEntries(CHECK_FAMILIES.map((f) => [f, 0])) as Record<CheckFamily, number>;
  for (const f of findings) byFamily[f.family]++;
  return { total: findings.length, byFamily, touchingTargets: findings.filter((f) => f.affects?.targets.length).length };
}
