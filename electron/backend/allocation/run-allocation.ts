/** 资源配置测算 on a scenario: its needs against the standard set's ratio targets, then the allocator. */
import type Database from 'better-sqlite3';
import { allocate, allocationNeeds } from '../../../shared/allocation/index.ts';
import type { AllocationOut, AllocationQuery } from '../../../shared/api/methods/allocation.ts';
import type { z } from 'zod';
import { facilitiesAt } from '../../../shared/timeline/index.ts';
import { getScenario } from '../db/scenarios.ts';
import { planRows, projectNotes, setAndYear } from '../gaps.ts';

export function runAllocation(db: Database.Database, q: z.output<typeof AllocationQuery>): AllocationOut {
  const { set, year } = setAndYear(db, q);
  const scenario = getScenario(db, q.scenarioId);
  const rows = planRows(db, q.scenarioId);
  // As of the year, as the gap screen counts them: projects (规划项目) of that year or before are already planned.
  const plan = facilitiesAt(rows.facilities, rows.projects, year);
  const needs = allocationNeeds(rows.units, plan.facilities, set, { year, scope: q.scope, populations: rows.populations });
  const result = allocate({
    budget: q.budget, ...(q.costs ? { costs: q.costs } : {}), units: needs.units, needs: needs.needs, facilities: needs.facilities,
    commitments: q.commitments, manual: q.manual, ...(q.m2PerBed ? { rules: { m2PerBed: q.m2PerBed } } : {}),
  });
  const used = new Set(needs.needs.map((n) => n.target.id));
  const planned = projectNotes(plan);
  return {
    ...result, standard: set.id, standardName: set.name, standardNameEn: set.nameEn, year, scenario: scenario.name, scope: q.scope, budget: q.budget,
    targets: set.targets.filter((t) => used.has(t.id)),
    notes: [...planned.zh, ...needs.notes.map((n) => n.zh), ...result.warnings.map((w) => w.zh)],
    notesEn: [...planned.en, ...needs.notes.map((n) => n.en), ...result.warnings.map((w) => w.en)],
  };
}
