/** 资源配置测算 on a scenario: its needs against the standard set's ratio targets, then the allocator. */
import type Database from 'better-sqlite3';
import { allocate, allocationNeeds } from '../../../shared/allocation/index.ts';
import type { AllocationOut, AllocationQuery } from '../../../shared/api/methods/allocation.ts';
import type { z } from 'zod';
import { getScenario } from '../db/scenarios.ts';
import { listPopulations } from '../db/populations.ts';
import { listRows } from '../db/tables.ts';
import { gapSettings } from '../gaps.ts';
import { getSet } from '../standards.ts';

export function runAllocation(db: Database.Database, q: z.output<typeof AllocationQuery>): AllocationOut {
  const settings = gapSettings(db);
  const set = getSet(db, q.standardId ?? settings.standardId);
  const year = q.year ?? (q.standardId ? set.year : settings.year);
  const scenario = getScenario(db, q.scenarioId);
  const units = listRows(db, 'units', q.scenarioId);
  const facilities = listRows(db, 'facilities', q.scenarioId);
  const needs = allocationNeeds(units, facilities, set, { year, scope: q.scope, populations: listPopulations(db, q.scenarioId) });
  const result = allocate({
    budget: q.budget, ...(q.costs ? { costs: q.costs } : {}), units: needs.units, needs: needs.needs, facilities: needs.facilities,
    commitments: q.commitments, manual: q.manual, ...(q.m2PerBed ? { rules: { m2PerBed: q.m2PerBed } } : {}),
  });
  const used = new Set(needs.needs.map((n) => n.target.id));
  return {
    ...result, standard: set.id, standardName: set.name, standardNameEn: set.nameEn, year, scenario: scenario.name, scope: q.scope, budget: q.budget,
    targets: set.targets.filter((t) => used.has(t.id)),
    notes: [...needs.notes.map((n) => n.zh), ...result.warnings.map((w) => w.zh)],
    notesEn: [...needs.notes.map((n) => n.en), ...result.warnings.map((w) => w.en)],
  };
}
