/**
 * A referral target of a standard set (kind 'referral', 转诊可及性), evaluated for the gap screen by the
 * referral analysis (run-referral.ts, on the worker): the target's "from" and "to" types and minutes, the
 * facilities as of the year the gap engine counts, "from" facilities in the set's region only. The gap
 * engine reads the region and county lines (how many facilities, how many within) and the facilities
 * beyond the minutes, listed under their county.
 */
import type Database from 'better-sqlite3';
import type { ReferralResultOut } from '../../../shared/access/referral.ts';
import type { ReferralCoverage } from '../../../shared/gaps/evaluate.ts';
import type { ReferralOf } from '../gaps.ts';
import type { Workspace } from '../workspace.ts';
import type { AnalysisRunner } from '../worker/runner.ts';
import { runReferral } from './run-referral.ts';

/** The gap engine's provider for referral targets (set as `accessOf.referral` in service.ts). */
export function referralCoverageOf(ws: Workspace, runner: AnalysisRunner): ReferralOf {
  return async (t, scenarioId, year, facilities, within) => {
    const p = ws.requirePlan();
    return (await targetReferral(p.db, p.path, runner, t, scenarioId, year, facilities, within)).coverage;
  };
}

/** A referral target's analysis as the gap screen runs it: the whole result, and the coverage the gap engine reads. */
export async function targetReferral(
  db: Database.Database,
  planPath: string,
  runner: AnalysisRunner,
  ...[t, scenarioId, year, facilities, within]: Parameters<ReferralOf>
): Promise<{ result: ReferralResultOut; coverage: ReferralCoverage }> {
  const r = await runReferral(
    db,
    planPath,
    {
      scenarioId,
      from: [...t.fromTypes],
      ...(t.toTypes?.length ? { to: [...t.toTypes] } : {}),
      thresholdMinutes: t.minutes,
      year,
      ...(within?.length ? { within: [...within] } : {}),
    },
    year,
    runner,
    { facilities },
  );
  const region = r.counties.find((c) => c.scope === 'region');
  return {
    result: r,
    coverage: {
      model: r.model,
      region: { facilities: region?.facilities ?? 0, within: region?.within ?? 0 },
      byUnit: new Map(r.counties.filter((c) => c.scope === 'county').map((c) => [c.code, { facilities: c.facilities, within: c.within }])),
      beyond: r.facilities.filter((f) => !f.within).map((f) => ({ id: f.id, name: f.name, county: f.county, minutes: f.minutes })),
    },
  };
}
