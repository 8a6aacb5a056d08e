/**
 * The briefing's data for a scenario (and the one compared with): the gap engine's results for the
 * region and the counties, the access analysis of the set's access target (else the 1030 rule) with a
 * static map, the plan's counts, and the programme the scenario was written from (分年度实施计划) with
 * its last year's standing. Every figure comes from the engines the gap screen uses.
 */
import type Database from 'better-sqlite3';
import { ACCESS_PRESETS, targetSettings } from '../../../shared/access/presets.ts';
import type { AccessResultOut } from '../../../shared/access/result.ts';
import type { Brief, BriefAccess, BriefCoverage, BriefEquity, BriefMap } from '../../../shared/briefing/index.ts';
import { areaPaths, briefMap, briefProgramme } from '../../../shared/briefing/index.ts';
import { scenarioChanges } from '../../../shared/compare/index.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import { projectLines } from '../../../shared/timeline/index.ts';
import type { Facility, Unit } from '../../../shared/model/entities.ts';
import { UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import { targetAccess } from '../access/handlers.ts';
import { targetReferral } from '../referral/target.ts';
import { runAccess } from '../access/run-access.ts';
import { listBoundaries } from '../db/boundaries.ts';
import { getMeta } from '../db/meta.ts';
import { getProgramme } from '../db/programme.ts';
import { listProjects } from '../db/projects.ts';
import { listRows } from '../db/tables.ts';
import { findSet } from '../standards.ts';
import { readCosts } from '../compare/handlers.ts';
import { viewScope } from '../scope.ts';
import { type AccessOf, evaluatePlanGaps, gapSettings, planRows, type ReferralOf } from '../gaps.ts';
import type { AnalysisRunner } from '../worker/runner.ts';

export interface BriefArgs {
  scenarioId: number;
  compareId?: number;
  standardId?: string;
  year?: number;
  lang: 'zh-CN' | 'en';
}

type AccessTarget = Extract<Target, { kind: 'access' }>;

function coverageOf(r: AccessResultOut, scenario: string): BriefCoverage {
  const region = r.units.find((u) => u.scope === 'region');
  const population = region?.population ?? 0;
  let within = 0;
  const curve = r.bands
    .filter((b) => b.upTo !== null)
    .map((b) => {
      within += b.population;
      return { minutes: b.upTo!, share: population > 0 ? within / population : 0 };
    });
  return {
    scenario,
    population,
    covered: region?.covered ?? 0,
    curve,
    byTownship: Object.fromEntries(r.units.filter((u) => u.scope === 'township' && u.share !== null).map((u) => [u.code, u.share!])),
  };
}

/** 服务范围 at a rule's urban and rural limits (one band when they are equal), asked with its run for the map. */
const limitAreas = (s: { urbanMinutes: number; ruralMinutes: number; measure?: string }) =>
  s.measure === 'radius' ? undefined : { bands: [...new Set([s.urbanMinutes, s.ruralMinutes])].sort((a, b) => a - b), catchments: false };

/** The run's service areas as paths of the briefing's map (none when it drew none: no roads, a radius). */
function coverageAreas(r: AccessResultOut, map: BriefMap, en: boolean): BriefCoverage['areas'] {
  if (!r.areas || r.areas.cellMetres <= 0) return undefined;
  const paths = areaPaths(map, r.areas.bands);
  return paths.length ? paths.map((p) => ({ ...p, label: en ? `${p.minutes}-min service area (roads)` : `${p.minutes} 分钟服务范围（路网）` })) : undefined;
}

function planMap(units: readonly Unit[], boundaries: ReturnType<typeof listBoundaries>): BriefMap | null {
  const shapes = new Map(boundaries.map((b) => [b.code, b.geometry]));
  const at = (level: number) =>
    units
      .filter((u) => UNIT_KIND_LEVEL[u.kind] === level)
      .map((u) => ({ code: u.code, name: u.name, area: shapes.get(u.code) ?? null, lon: u.lon, lat: u.lat, population: u.population }));
  return briefMap(at(2), at(1));
}

export async function buildBrief(db: Database.Database, planPath: string, a: BriefArgs, runner: AnalysisRunner): Promise<Brief> {
  const en = a.lang === 'en';
  // The gap engine's access analyses, run as the gap screen runs them (targetAccess) and kept whole: the
  // coverage slide and 谁被落下 read these results, so no analysis is run twice.
  const kept = new Map<string, AccessResultOut>();
  const keyOf = (target: string, scenarioId: number, year: number) => `${scenarioId}|${year}|${target}`;
  const accessOf: AccessOf = Object.assign(
    async (...[t, scenarioId, year, facilities, within]: Parameters<AccessOf>) => {
      const { result, coverage } = await targetAccess(db, planPath, runner, t, scenarioId, year, facilities, within, limitAreas(targetSettings(t)));
      kept.set(keyOf(t.id, scenarioId, year), result);
      return coverage;
    },
    // Referral targets (转诊可及性) as the gap screen evaluates them.
    { referral: async (...args: Parameters<ReferralOf>) => (await targetReferral(db, planPath, runner, ...args)).coverage },
  );
  const settings = gapSettings(db);
  // Both scenarios on the same targets: the set and the siting rules either carries (选址方案的目标).
  const rulesOf = a.compareId !== undefined ? [a.scenarioId, a.compareId] : undefined;
  const query = { standardId: a.standardId ?? settings.standardId, year: a.year ?? settings.year, onlyShort: false, ...(rulesOf ? { rulesOf } : {}) };
  // Each scenario as of the year: its gaps, and its scope (the region's units, the facilities as of the year).
  const standing = async (scenarioId: number) => {
    const rows = planRows(db, scenarioId);
    const report = await evaluatePlanGaps(db, { ...query, scenarioId }, accessOf, rows);
    return {
      scenario: report.scenario,
      region: report.results.filter((r) => r.scope === 'region'),
      counties: report.results.filter((r) => r.scope === 'county'),
      report,
      scope: viewScope(db, { ...query, scenarioId }, rows),
    };
  };
  const current = await standing(a.scenarioId);
  const compare = a.compareId !== undefined ? await standing(a.compareId) : null;
  const { report } = current;

  // Coverage: the set's first access target (the analysis the gap screen ran for it), else the 1030 rule.
  const target = report.targets.find((t): t is AccessTarget => t.kind === 'access');
  const rule = target ? targetSettings(target) : ACCESS_PRESETS['1030'];
  // The set's region only, as the gap table counts it (a plan may hold more: 资阳区 beside 长沙市).
  const { scope } = current;
  const within = scope.region.codes;
  const accessIn = (scenarioId: number, facilities: readonly Facility[]) =>
    runAccess(
      db,
      planPath,
      { ...rule, scenarioId, ...(within.length ? { within } : {}), ...(limitAreas(rule) ? { areas: limitAreas(rule) } : {}) },
      report.year,
      runner,
      {
        facilities,
      },
    );
  const keptOf = (scenarioId: number) => (target ? kept.get(keyOf(target.id, scenarioId, report.year)) : undefined);
  const after = keptOf(a.scenarioId) ?? (await accessIn(a.scenarioId, scope.plan.facilities));
  const beforeResult = compare && a.compareId !== undefined ? (keptOf(a.compareId) ?? (await accessIn(a.compareId, compare.scope.plan.facilities))) : null;
  const access: BriefAccess = {
    target: target?.id ?? null,
    label: en
      ? (target?.nameEn ?? 'The “1030” emergency circle (120 stations: 10 min in town, 30 in the country)')
      : (target?.name ?? '“1030”急救圈（120 急救站：城镇 10 分钟、农村 30 分钟）'),
    urbanMinutes: rule.urbanMinutes,
    ruralMinutes: rule.ruralMinutes,
    modelNote: en ? after.modelNoteEn : after.modelNote,
    after: coverageOf(after, current.scenario),
    before: compare && beforeResult ? coverageOf(beforeResult, compare.scenario) : null,
  };
  // 谁被落下: each access target the gap screen evaluated, its kept result's groups; none: the coverage slide's rule.
  const equityOf = (r: AccessResultOut, t: AccessTarget | null, before: AccessResultOut | null | undefined): BriefEquity => ({
    target: t?.id ?? null,
    label: t ? (en ? t.nameEn : t.name) : access.label,
    urbanMinutes: r.query.urbanMinutes,
    ruralMinutes: r.query.ruralMinutes,
    groups: r.groups.region,
    worst: r.groups.worst,
    before: before ? before.groups.region : null,
    note: en ? r.groups.noteEn : r.groups.note,
  });
  const accessTargets = report.targets.filter((t): t is AccessTarget => t.kind === 'access' && kept.has(keyOf(t.id, a.scenarioId, report.year)));
  const equity = accessTargets.length
    ? accessTargets.map((t) =>
        equityOf(kept.get(keyOf(t.id, a.scenarioId, report.year))!, t, a.compareId !== undefined ? kept.get(keyOf(t.id, a.compareId, report.year)) : null),
      )
    : [equityOf(after, null, beforeResult)];

  // A set that does not apply counts the whole plan, as its (not applicable) rows say nothing of a region.
  const [units, facilities] = scope.region.applicable ? [scope.units, scope.facilities] : [scope.rows.units, scope.plan.facilities];
  const codes = new Set(units.map((u) => u.code));
  const regionPopulation =
    report.results.find((r) => r.scope === 'region' && r.population !== undefined)?.population
    ?? units.filter((u) => !u.parent_code || !codes.has(u.parent_code)).reduce((s, u) => s + (u.population ?? 0), 0);
  const set = report.targets;
  // The coverage maps draw the runs' service areas (their limits) under the county outlines.
  const map = planMap(units, listBoundaries(db));
  if (map) {
    const areasAfter = coverageAreas(after, map, en);
    if (areasAfter) access.after.areas = areasAfter;
    const areasBefore = access.before && beforeResult ? coverageAreas(beforeResult, map, en) : undefined;
    if (access.before && areasBefore) access.before.areas = areasBefore;
  }
  // The programme the scenario was written from, and its last year's standing by the gap engine (the briefed year's own when the same).
  const stored = getProgramme(db, a.scenarioId);
  let programme: Brief['programme'] = null;
  if (stored) {
    const last =
      stored.toYear === report.year
        ? current.region
        : (await evaluatePlanGaps(db, { ...query, year: stored.toYear, scenarioId: a.scenarioId }, accessOf, scope.rows)).results.filter(
            (r) => r.scope === 'region',
          );
    programme = briefProgramme(stored, scope.rows.projects, scope.rows.facilities, { year: stored.toYear, region: last }, a.lang);
  }
  return {
    planName: getMeta(db, 'name') ?? '',
    sample: getMeta(db, 'is_sample') === 'true',
    date: new Date().toISOString().slice(0, 10),
    // In English the set's English name where it has one (a plan's own set may have none).
    standard: { id: report.standard, name: (en && findSet(db, report.standard)?.nameEn) || report.standardName, year: report.year },
    targets: set,
    current: { scenario: current.scenario, region: current.region, counties: current.counties },
    compare: compare && { scenario: compare.scenario, region: compare.region, counties: compare.counties },
    counts: {
      population: regionPopulation,
      counties: units.filter((u) => UNIT_KIND_LEVEL[u.kind] === 1).length,
      townships: units.filter((u) => UNIT_KIND_LEVEL[u.kind] === 2).length,
      facilities: facilities.length,
    },
    access,
    equity,
    map,
    proposals: compare && a.compareId !== undefined ? proposals(db, a.compareId, a.scenarioId, compare.scenario) : null,
    projects: projectLines(scope.rows.projects, scope.rows.facilities, a.lang),
    programme,
    notes: en ? report.notesEn : report.notes,
  };
}

/** What the scenario changed against the one compared with, and its cost at the plan's prices. */
function proposals(db: Database.Database, fromId: number, toId: number, against: string): Brief['proposals'] {
  const input = (id: number) => ({
    scenario: { id, name: '', baseline: false },
    results: [],
    notes: [],
    notesEn: [],
    units: listRows(db, 'units', id),
    facilities: listRows(db, 'facilities', id),
    projects: listProjects(db, id), // 其他项目 costed by their own 投资估算
  });
  const from = input(fromId),
    to = input(toId);
  const changes = scenarioChanges(from, to, readCosts(db));
  const codes = new Set([...changes.facilities.added, ...changes.facilities.removed, ...changes.facilities.changed].map((f) => f.unit_code));
  const unitNames = Object.fromEntries([...from.units, ...to.units].filter((u) => codes.has(u.code)).map((u) => [u.code, u.name]));
  return { against, changes, unitNames };
}
