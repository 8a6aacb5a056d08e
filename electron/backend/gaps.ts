/**
 * Gaps for a scenario: the plan's standard set and year (or the ones asked for), evaluated on its rows
 * as of that year — the facilities with every project (规划项目) of that year or before applied
 * (shared/timeline/facilities-at.ts), the populations of that year — so each year stands against the
 * targets as the plan will be then.
 */
import type Database from 'better-sqlite3';
import type { GapReportOut, GapStatusesOut } from '../../shared/api/contract.ts';
import { evaluateGaps, type AccessCoverage, type ReferralCoverage } from '../../shared/gaps/evaluate.ts';
import { VERDICTS } from '../../shared/gaps/result.ts';
import { viewScope, type PlanRows } from './scope.ts';
// Where a view stands (set, year, region, rows): scope.ts; re-exported for the callers that found them here.
export { FALLBACK_SET, gapSettings, planRows, setAndYear, setGapSettings, type PlanRows } from './scope.ts';
import type { Scope, Target } from '../../shared/gaps/standard.ts';
import { getScenario } from './db/scenarios.ts';
import type { Facility } from '../../shared/model/entities.ts';
import { appliedInWords, type PlanAtYear } from '../../shared/timeline/facilities-at.ts';
import { inRuleAreas, withScenarioRules } from './siting/rules.ts';

export interface GapQuery {
  scenarioId: number;
  standardId?: string;
  year?: number;
  level?: Scope;
  onlyShort: boolean;
  region?: string[];
  /** Whose siting rules (选址方案的目标) are judged too: the scenario's own unless given (a comparison: every compared scenario's). */
  rulesOf?: readonly number[];
}

/**
 * Coverage of an access target in a scenario and year, from the access engine; `facilities`: those as of
 * the year (else the scenario's table); `within`: the set's region (unit codes), whose people alone count.
 */
export type AccessOf = ((
  t: Extract<Target, { kind: 'access' }>,
  scenarioId: number,
  year: number,
  facilities?: readonly Facility[],
  within?: readonly string[],
) => Promise<AccessCoverage>) & {
  /** The referral targets' analysis (referral/target.ts); without it they are not evaluated. */
  referral?: ReferralOf;
};

/** 转诊可及性 of a referral target in a scenario and year, from the referral analysis; arguments as AccessOf's. */
export type ReferralOf = (
  t: Extract<Target, { kind: 'referral' }>,
  scenarioId: number,
  year: number,
  facilities?: readonly Facility[],
  within?: readonly string[],
) => Promise<ReferralCoverage>;

/** What a report says about the projects counted in its year, and those that could not be. */
export function projectNotes(plan: PlanAtYear): { zh: string[]; en: string[] } {
  const zh: string[] = [],
    en: string[] = [];
  if (plan.applied.length) {
    const w = appliedInWords(plan.appliedByKind);
    zh.push(`机构按 ${plan.year} 年计：已计入截至该年的规划项目 ${plan.applied.length} 个（${w.zh}）`);
    en.push(`Facilities as of ${plan.year}: ${plan.applied.length} project${plan.applied.length === 1 ? '' : 's'} up to that year counted (${w.en})`);
  }
  for (const x of plan.problems) {
    zh.push(x.message);
    en.push(x.messageEn);
  }
  return { zh, en };
}

/** `rows`: the scenario's rows when the caller has them already (a timeline evaluates many years). */
export async function evaluatePlanGaps(db: Database.Database, q: GapQuery, accessOf?: AccessOf, rows?: PlanRows): Promise<GapReportOut> {
  const scope = viewScope(db, q, rows);
  const { year, rows: r, plan, region: where } = scope;
  const set = withScenarioRules(db, q.rulesOf ?? q.scenarioId, scope.set); // the siting proposal's rule, as an access target
  const scenario = getScenario(db, q.scenarioId);
  const access = new Map<string, AccessCoverage>();
  // The access engine takes the same facilities of the year (the map's own analyses take the present state) and the same region.
  if (accessOf && where.applicable)
    for (const t of set.targets) if (t.kind === 'access') access.set(t.id, await accessOf(t, q.scenarioId, year, plan.facilities, where.codes));
  // Referral targets: the referral analysis on the same facilities, "from" facilities in the same region (it rides on accessOf).
  const referral = new Map<string, ReferralCoverage>();
  if (accessOf?.referral && where.applicable)
    for (const t of set.targets) if (t.kind === 'referral') referral.set(t.id, await accessOf.referral(t, q.scenarioId, year, plan.facilities, where.codes));
  const report = evaluateGaps(r.units, plan.facilities, set, { year, populations: r.populations, access, referral, appliedTo: scope.appliedTo });
  // 只看不足: verdicts with a shortfall (a target not yet due or for reference is not short).
  const results = inRuleAreas(db, q.rulesOf ?? q.scenarioId, r.units, report.results).filter(
    (x) => (!q.level || x.scope === q.level) && (!q.onlyShort || ((x.shortfall ?? 0) > 0 && VERDICTS.includes(x.status))),
  );
  const said = projectNotes(plan);
  return {
    standard: set.id,
    standardName: set.name,
    year,
    scenario: scenario.name,
    targets: set.targets,
    results,
    notes: [...report.notes, ...said.zh],
    notesEn: [...report.notesEn, ...said.en],
    region: report.region,
    // What a street's drill-down lists: the region's facilities as the engine judged them, as of the year
    // (only for a report that reaches the facility level: the map's township colours need none of it).
    ...(!q.level || q.level === 'facility'
      ? { facilities: scope.facilities.map((f) => ({ id: f.id, name: f.name, type: f.type, unit_code: f.unit_code })) }
      : {}),
  };
}

/**
 * gaps.statuses: the report at street/town level cut to what a map colours by — the targets with a result
 * there and each street/town's status — from the same evaluation as gaps.evaluate (one truth).
 */
export async function planGapStatuses(db: Database.Database, q: Omit<GapQuery, 'level' | 'onlyShort'>, accessOf?: AccessOf): Promise<GapStatusesOut> {
  const report = await evaluatePlanGaps(db, { ...q, level: 'township', onlyShort: false }, accessOf);
  const at = new Map<string, number>();
  const codes: string[] = [];
  for (const r of report.results) if (!at.has(r.code)) at.set(r.code, codes.push(r.code) - 1);
  const statuses: GapStatusesOut['statuses'] = {};
  for (const r of report.results) (statuses[r.target] ??= new Array<null>(codes.length).fill(null))[at.get(r.code)!] = r.status;
  return {
    standard: report.standard,
    year: report.year,
    targets: report.targets.filter((t) => statuses[t.id]).map((t) => ({ id: t.id, name: t.name, nameEn: t.nameEn })),
    codes,
    statuses,
  };
}
