/** 资源配置测算 on a scenario: its needs against the standard set's ratio targets, then the allocator, then its totals against the gap screen's. */
import type Database from 'better-sqlite3';
import { allocate, allocationNeeds, judgedScope, reconcile, type EmsAccess } from '../../../shared/allocation/index.ts';
import type { AllocationOut, AllocationQuery } from '../../../shared/api/methods/allocation.ts';
import type { StandardSet } from '../../../shared/gaps/standard.ts';
import type { z } from 'zod';
import { facilitiesAt } from '../../../shared/timeline/index.ts';
import { getScenario } from '../db/scenarios.ts';
import { evaluatePlanGaps, planRows, projectNotes, setAndYear, type AccessOf, type PlanRows } from '../gaps.ts';
import { findSet, listSets } from '../standards.ts';

export async function runAllocation(db: Database.Database, q: z.output<typeof AllocationQuery>, accessOf?: AccessOf): Promise<AllocationOut> {
  const chosen: { set: StandardSet; year: number; region?: string[] } = setAndYear(db, q);
  const { set, year } = chosen;
  // By default the level the set's targets are judged at (shared/allocation/scope.ts says why).
  const judged = judgedScope(set);
  const scope = q.scope ?? judged;
  const scenario = getScenario(db, q.scenarioId);
  const rows = planRows(db, q.scenarioId);
  // As of the year, as the gap screen counts them: projects (规划项目) of that year or before are already planned.
  const plan = facilitiesAt(rows.facilities, rows.projects, year);
  const needs = allocationNeeds(rows.units, plan.facilities, set, {
    year,
    scope,
    populations: rows.populations,
    ...(chosen.region ? { appliedTo: chosen.region } : {}),
  });
  const result = allocate({
    budget: q.budget,
    ...(q.costs ? { costs: q.costs } : {}),
    units: needs.units,
    needs: needs.needs,
    facilities: needs.facilities,
    commitments: q.commitments,
    manual: q.manual,
    ...(q.m2PerBed ? { rules: { m2PerBed: q.m2PerBed } } : {}),
  });
  const ambulancesAsked = q.budget.ambulances !== undefined && !needs.needs.some((n) => n.resource === 'ambulances');
  const rec = reconcile({
    scope,
    judged,
    needs: needs.needs,
    regions: needs.regions,
    later: needs.later,
    result,
    budget: q.budget,
    ...(q.costs ? { costs: q.costs } : {}),
    set,
    ...(ambulancesAsked ? { ems: await emsAccess(db, q.scenarioId, set, year, rows, accessOf), ambulanceSets: ambulanceSets(db, set) } : {}),
  });
  const used = new Set(needs.needs.map((n) => n.target.id));
  const planned = projectNotes(plan);
  const said = [...needs.notes, ...rec.notes];
  return {
    ...result,
    still_needed: rec.still_needed,
    totals: rec.totals,
    standard: set.id,
    standardName: set.name,
    standardNameEn: set.nameEn,
    year,
    scenario: scenario.name,
    scope,
    judgedScope: judged,
    budget: q.budget,
    targets: set.targets.filter((t) => used.has(t.id)),
    notes: [...planned.zh, ...said.map((n) => n.zh), ...result.warnings.map((w) => w.zh)],
    notesEn: [...planned.en, ...said.map((n) => n.en), ...result.warnings.map((w) => w.en)],
  };
}

/** The set's access targets for 120 stations, with the people the gap screen finds outside them (null without the access engine). */
async function emsAccess(db: Database.Database, scenarioId: number, set: StandardSet, year: number, rows: PlanRows, accessOf?: AccessOf): Promise<EmsAccess[]> {
  const targets = set.targets.filter((t) => t.kind === 'access' && t.facilityTypes.includes('ems_station'));
  if (!targets.length) return [];
  const report = accessOf ? await evaluatePlanGaps(db, { scenarioId, standardId: set.id, year, level: 'region', onlyShort: false }, accessOf, rows) : undefined;
  return targets.map((t) => {
    const line = report?.results.find((x) => x.target === t.id && x.scope === 'region');
    return { name: t.name, nameEn: t.nameEn, uncovered: line?.shortfall ?? null, regionName: line?.name ?? '' };
  });
}

/** The other sets (shipped and the plan's own) that set ambulances per population. */
function ambulanceSets(db: Database.Database, set: StandardSet): { name: string; nameEn: string; min: number; per: number }[] {
  const out: { name: string; nameEn: string; min: number; per: number }[] = [];
  for (const s of listSets(db)) {
    if (s.id === set.id) continue;
    const t = findSet(db, s.id)?.targets.find((x) => x.kind === 'ratio' && x.measure === 'ambulances');
    if (t?.kind === 'ratio') out.push({ name: s.name, nameEn: s.nameEn, min: t.min, per: t.per });
  }
  return out;
}
