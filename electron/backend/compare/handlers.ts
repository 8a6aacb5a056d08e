/**
 * The compare methods of the service (their contract: shared/api/methods/compare.ts): the plan's cost
 * table, kept in plan_meta as JSON, and scenarios side by side — each scenario's gaps evaluated by the
 * gap engine (access targets on the worker) on the set plus every compared scenario's siting rules
 * (siting/rules.ts), its rows read, and the comparison made in shared/compare.
 */
import type { PlannerService } from '../../../shared/api/contract.ts';
import type { COMPARE_API } from '../../../shared/api/methods/compare.ts';
import { compareScenarios, type ScenarioInput } from '../../../shared/compare/compare.ts';
import { normaliseCostTable, readCostTable, type CostTable } from '../../../shared/compare/costs.ts';
import { getMeta, setMeta } from '../db/meta.ts';
import { getScenario } from '../db/scenarios.ts';
import { evaluatePlanGaps, planRows, type AccessOf } from '../gaps.ts';
import { getSet } from '../standards.ts';
import type { Workspace } from '../workspace.ts';
import type Database from 'better-sqlite3';

/** The plan_meta key of the cost table. */
export const COSTS_META_KEY = 'costs';

export function readCosts(db: Database.Database): CostTable {
  return readCostTable(getMeta(db, COSTS_META_KEY));
}

/** `access`: the service's access engine (its worker), for the sets' access targets. */
export function compareHandlers(ws: Workspace, access: AccessOf): Pick<PlannerService, keyof typeof COMPARE_API> {
  return {
    'costs.get': () => readCosts(ws.requirePlan().db),
    'costs.set': ({ costs }) =>
      ws.write((p) => {
        const kept = normaliseCostTable(costs);
        setMeta(p.db, COSTS_META_KEY, JSON.stringify(kept));
        return kept;
      }),
    'scenarios.compare': async ({ scenarioIds, standardId, year, level }) => {
      const t0 = performance.now();
      const db = ws.requirePlan().db;
      const scenarios = scenarioIds.map((id) => getScenario(db, id)); // NOT_FOUND before any work
      const inputs: ScenarioInput[] = [];
      let first: Awaited<ReturnType<typeof evaluatePlanGaps>> | null = null;
      for (const s of scenarios) {
        const rows = planRows(db, s.id);
        // Every scenario on the same targets: the set and the union of the compared scenarios' siting rules,
        // so a proposal's rule shows before (a scenario without it) and after.
        const report = await evaluatePlanGaps(db, { scenarioId: s.id, standardId, year, onlyShort: false, rulesOf: scenarioIds }, access, rows);
        first ??= report;
        inputs.push({
          scenario: { id: s.id, name: s.name, baseline: s.baseline },
          results: report.results,
          notes: report.notes,
          notesEn: report.notesEn,
          units: rows.units,
          facilities: rows.facilities,
          projects: rows.projects, // 其他项目 costed by their own 投资估算
        });
      }
      const set = getSet(db, first!.standard);
      return compareScenarios(
        {
          standard: { id: set.id, name: set.name, nameEn: set.nameEn, year: first!.year, targets: first!.targets },
          level,
          scenarios: inputs,
          costs: readCosts(db),
        },
        Math.round(performance.now() - t0),
      );
    },
  };
}
