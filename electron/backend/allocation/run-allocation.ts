/** 资源配置测算 on a scenario: its needs against the standard set's ratio targets, then the allocator. */
import type Database from 'better-sqlite3';
import { allocate, allocationNeeds } from '../../../shared/allocation/index.ts';
import type { AllocationOut, AllocationQuery } from '../../../shared/api/methods/allocation.ts';
import type { z } from 'zod';
import { getScenario } from '../db/scenarios.ts';
import { listPopulations } from '../db/populations.ts';
import { listRows } from '../db/tables.ts';
import { listProjects } from '../db/projects.ts';
import { facilitiesAt } from '../../../shared/timeline/index.ts';
import { gapSettings } from '../gaps.ts';
import { getSet } from '../standards.ts';

export function runAllocation(db: Database.Database, q: z.output<typeof AllocationQuery>): AllocationOut {
  const settings = gapSettings(db);
  const set = getSet(db, q.standardId ?? settings.standardId);
  const year = q.year ?? (q.standardId ? set.year : settings.year);
  const scenario = getScenario(db, q.scenarioId);
  const units = listRows(db, 'units', q.scenarioId);
  // As of the year, as the gap screen counts them: projects (规划项目) of that year or before are already planned.
  const plan = facilitiesAt(listRows(db, 'facilities', q.scenarioId), listProjects(db, q.scenarioId), year);
  const facilities = plan.facilities;
  const needs = allocationNeeds(units, facilities, set, { year, scope: q.scope, populations: listPopulations(db, q.scenarioId) });
  const result = allocate({
    budget: q.budget, ...(q.costs ? { costs: q.costs } : {}), units: needs.units, needs: needs.needs, facilities: needs.facilities,
    commitments: q.commitments, manual: q.manual, ...(q.m2PerBed ? { rules: { m2PerBed: q.m2PerBed } } : {}),
  });
  const used = new Set(needs.needs.map((n) => n.target.id));
  const n = plan.applied.length;
  const planned = n ? { zh: [`机构按 ${year} 年计：已计入截至该年的规划项目 ${n} 个`], en: [`Facilities as of ${year}: ${n} project${n === 1 ? '' : 's'} up to that year counted`] } : { zh: [], en: [] };
  return {
    ...result, standard: set.id, standardName: set.name, standardNameEn: set.nameEn, year, scenario: scenario.name, scope: q.scope, budget: q.budget,
    targets: set.targets.filter((t) => used.has(t.id)),
    notes: [...planned.zh, ...needs.notes.map((n) => n.zh), ...result.warnings.map((w) => w.zh)],
    notesEn: [...planned.en, ...needs.notes.map((n) => n.en), ...result.warnings.map((w) => w.en)],
  };
}
