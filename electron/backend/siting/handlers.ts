/**
 * The siting methods of the service: run a question and wait (CLI, tests) or start and follow it
 * (the map), read a candidate sheet, and put a proposal into a new scenario.
 */
import type { CandidateSheetOut, PlannerService, SitingJobOut } from '../../../shared/api/contract.ts';
import { FACILITY_TYPE_LABELS, UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import { parseCandidateSheet } from '../../../shared/model/parse-candidates.ts';
import type { SitingQuery, SitingResultOut } from '../../../shared/siting/query.ts';
import { ruleOfQuery } from '../../../shared/siting/rule.ts';
import { createScenario, getScenario } from '../db/scenarios.ts';
import { editCell } from '../edit-cell.ts';
import { gapSettings } from '../gaps.ts';
import { readSheet } from '../io/read-sheet.ts';
import { mappingRefusal, rememberedMapping, rememberMapping, settleWith } from '../io/mappings.ts';
import { listRows } from '../db/tables.ts';
import { addFacility, NEW_FACILITY_FIGURES, unitAt } from '../place-facility.ts';
import { addProject } from '../timeline/projects.ts';
import type { AnalysisRunner } from '../worker/runner.ts';
import { TrackedJobs } from '../worker/tracked-jobs.ts';
import type { Workspace } from '../workspace.ts';
import { addScenarioRule } from './rules.ts';
import { runSiting } from './run-siting.ts';

type SitingMethods = 'siting.run' | 'siting.start' | 'siting.job' | 'siting.cancel' | 'siting.readCandidates' | 'siting.apply';

export function sitingHandlers(ws: Workspace, runner: AnalysisRunner): Pick<PlannerService, SitingMethods> {
  const jobs = new TrackedJobs<SitingResultOut>(runner);
  const run = (q: SitingQuery, onJob?: (job: number) => void) => {
    const p = ws.requirePlan();
    getScenario(p.db, q.scenarioId);
    const query = { ...q, existingTypes: q.existingTypes.length ? q.existingTypes : [q.type] };
    return runSiting(p.db, p.path, query, query.year ?? gapSettings(p.db).year, runner, onJob);
  };
  return {
    'siting.run': (q) => run(q),
    'siting.start': (q) => jobs.start((onJob) => run(q, onJob)),
    'siting.job': ({ job }): SitingJobOut => jobs.status(job),
    'siting.cancel': ({ job }) => jobs.cancel(job),
    'siting.readCandidates': async ({ file, crs, mapping }): Promise<CandidateSheetOut> => {
      const { sheet } = await readSheet(file.fileName, Buffer.from(file.dataBase64, 'base64'));
      // Column mapping (mapping.ts): given, else remembered for the layout; guessed headers are confirmed first.
      const plan = ws.plan;
      const settled = settleWith('candidates', sheet, mapping, plan ? (sig) => rememberedMapping(plan.db, 'candidates', sig) : undefined);
      const refusal = mappingRefusal(settled);
      if (refusal) return { sites: [], problems: refusal, mapping: settled.proposal };
      const read = parseCandidateSheet(settled.sheet, crs);
      if (mapping && settled.used && read.problems.length === 0 && plan && !plan.readOnly) {
        ws.write((p) => rememberMapping(p.db, 'candidates', settled.proposal.signature, settled.used!.mapping));
      }
      return read.problems.length && !settled.used && !settled.proposal.sure ? { ...read, mapping: settled.proposal } : read;
    },
    // New sites are named after the street/town (乡镇/街道) they stand in, as the result list shows them
    // (文林街道新建120急救站; a second one there 文林街道新建120急救站（2）), a planner's site its own name,
    // and no beds, staff … (0, NEW_FACILITY_FIGURES); with a year they are projects of that year (the plan
    // counts them from then on). With the question, its rule stays with the new scenario (siting/rules.ts):
    // the gap screen and comparisons judge it, so the planner sees what the proposal was for.
    'siting.apply': ({ scenarioId, name, type, sites, year, query }) =>
      ws.write((p) => {
        const s = createScenario(p.db, name, scenarioId);
        const note = '来自设施选址';
        const units = listRows(p.db, 'units', scenarioId);
        const byCode = new Map(units.map((u) => [u.code, u]));
        const townAt = (lon: number, lat: number) => {
          let u = unitAt(units, lon, lat);
          while (u && (UNIT_KIND_LEVEL[u.kind] ?? 0) > 2) u = u.parent_code ? byCode.get(u.parent_code) : undefined;
          return u && UNIT_KIND_LEVEL[u.kind] === 2 ? u : undefined;
        };
        const used = new Map<string, number>();
        const newName = (lon: number, lat: number) => {
          const town = townAt(lon, lat);
          if (!town) return undefined; // no street above: the unit's own name (place-facility.ts)
          const base = `${town.name}新建${FACILITY_TYPE_LABELS[type].zh}`;
          const n = (used.get(base) ?? 0) + 1;
          used.set(base, n);
          return n === 1 ? base : `${base}（${n}）`;
        };
        for (const site of sites) {
          const own =
            site.source === 'list' ? `${site.name}${FACILITY_TYPE_LABELS[type].zh}` : site.source === 'upgrade' ? undefined : newName(site.lon, site.lat);
          if (year !== undefined) {
            addProject(
              p.db,
              s.id,
              site.source === 'upgrade'
                ? { year, kind: 'upgrade', facility_id: site.id, type, note }
                : { year, kind: 'new', type, lon: site.lon, lat: site.lat, ...(own ? { facility_name: own } : {}), fields: { ...NEW_FACILITY_FIGURES }, note },
            );
          } else if (site.source === 'upgrade') editCell(p, 'facilities', s.id, site.id, 'type', type);
          else addFacility(p, s.id, { type, lon: site.lon, lat: site.lat, ...(own ? { name: own } : {}) });
        }
        if (query) {
          // The area by code (the question may name a unit: 开福区), with its names.
          const area = query.within
            .map((k) => units.find((u) => u.code === k) ?? units.find((u) => u.name === k))
            .map((u, i) => u ?? { code: query.within[i]!, name: query.within[i]! });
          addScenarioRule(
            p.db,
            s.id,
            ruleOfQuery(
              { ...query, type, within: area.map((u) => u.code) },
              area.map((u) => u.name),
              year,
            ),
          );
        }
        return getScenario(p.db, s.id);
      }),
  };
}
