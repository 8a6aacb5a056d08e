/**
 * 可及性分析 for a scenario: demand points from the plan's villages/communities (or a grid inside the
 * streets'/towns' boundaries), the facilities of the chosen types, the plan's road network (or the
 * straight-line model without one), computed on the worker; then coverage per street/town, county and
 * the region, as AccessResultOut.
 */
import type Database from 'better-sqlite3';
import type { Facility } from '../../../shared/model/entities.ts';
import { accessGroups, coverage, shownTenths, straightLineTravel, travelNote, travelTimeBands } from '../../../shared/access/index.ts';
import type { AccessQuery, AccessResultOut, ComparedConditionsOut, DemandPointOut, UnitCoverageOut } from '../../../shared/access/result.ts';
import { conditionsNote, otherConditions, type TravelConditions } from '../../../shared/access/conditions.ts';
import { UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import { mismatchLines } from '../../../shared/model/population-check.ts';
import { facilitiesAt } from '../../../shared/timeline/facilities-at.ts';
import { PointKind } from '../../../shared/access/demand.ts';
import { listProjects } from '../db/projects.ts';
import { listRows } from '../db/tables.ts';
import { projectNotes } from '../gaps.ts';
import { areaName, demandKeyOf, demandOf, frameOf, networkUnder, unitsNamed } from './plan-inputs.ts';
import type { AnalysisRunner } from '../worker/runner.ts';
import { areasAsk, areasOut } from './areas.ts';

export interface RunAccessOptions {
  /** Learns the worker job, so a caller can follow its progress or cancel it. */
  onJob?: (job: number) => void;
  /** The facilities to take in place of the scenario's table: the gap screen's give those as of its year (规划项目 applied). */
  facilities?: readonly Facility[];
}

export async function runAccess(
  db: Database.Database,
  planPath: string,
  q: AccessQuery,
  year: number,
  runner: AnalysisRunner,
  opts: RunAccessOptions = {},
): Promise<AccessResultOut> {
  const onJob = opts.onJob ?? (() => {});
  const t0 = performance.now();
  const f = frameOf(db, q.scenarioId, year);
  const within = unitsNamed(f, q.within ?? [], { zh: '分析范围', en: 'Area' });
  const d = demandOf(db, f, q, within);
  const { points } = d;
  const types = new Set<string>(q.types);
  // The facilities as of the year: every project (规划项目) of that year or before applied, as the gap screen counts them.
  const plan = opts.facilities ? null : facilitiesAt(listRows(db, 'facilities', q.scenarioId), listProjects(db, q.scenarioId), year);
  const facilities = (opts.facilities ?? plan!.facilities).filter((x) => types.has(x.type) && x.lon !== null && x.lat !== null);
  const radius = q.measure === 'radius';
  const conditions = q.conditions ?? 'free';
  const net = radius ? null : networkUnder(db, planPath, f, conditions);
  // No facility of these types: nobody is reached (a real answer, not an error). A radius needs no worker.
  const none = facilities.length === 0;
  const ask = (network: typeof net) =>
    runner.start('access', {
      network,
      direction: q.direction === 'from' ? 'from_facility' : 'to_facility',
      dispatchSeconds: q.dispatchMinutes * 60,
      travel: q.travel,
      facilities: { lon: Float64Array.from(facilities, (x) => x.lon!), lat: Float64Array.from(facilities, (x) => x.lat!) },
      facilityKey: facilities.map((x) => x.id).join('\u0000'),
      demand: { lon: points.lon, lat: points.lat, urban: points.urban },
      demandKey: demandKeyOf(d, q.gridMeters),
      areas: areasAsk(q),
    });
  const job = none || radius ? -1 : ask(net);
  if (job >= 0) onJob(job);
  const n = points.lon.length;
  const out = none
    ? {
        minutes: new Float64Array(n).fill(Infinity),
        facility: new Int32Array(n).fill(-1),
        model: net ? ('road' as const) : ('straight_line' as const),
        offNetwork: 0,
      }
    : radius
      ? // Kilometres in place of minutes: no detour, and 60 km/h makes a minute a kilometre.
        {
          ...straightLineTravel(
            Float64Array.from(facilities, (x) => x.lon!),
            Float64Array.from(facilities, (x) => x.lat!),
            points,
            { detour: 1, urbanKmh: 60, ruralKmh: 60 },
          ),
          offNetwork: 0,
        }
      : await runner.wait<'access'>(job);

  // Coverage per street/town and county: each point counts for the unit it stands for's ancestors.
  const thresholds = { urbanMinutes: q.urbanMinutes, ruralMinutes: q.ruralMinutes };
  const rollUp = (minutes: Float64Array) => {
    // A remainder point stands for its street/town or county, so it counts there (and above).
    const byUnit = coverage(points, minutes, thresholds, f.units.length);
    const pop = new Float64Array(f.units.length),
      cov = new Float64Array(f.units.length);
    for (let u = 0; u < f.units.length; u++) {
      if (!(byUnit.unitPopulation[u]! > 0)) continue;
      for (const a of new Set([f.township[u]!, f.county[u]!]))
        if (a >= 0) {
          pop[a]! += byUnit.unitPopulation[u]!;
          cov[a]! += byUnit.unitCovered[u]!;
        }
    }
    return { byUnit, pop, cov };
  };
  const { byUnit, pop, cov } = rollUp(out.minutes);
  // 平峰 beside 高峰: the same question under the other condition, on the same worker (its own car graph).
  const compared = q.compare && !radius ? await comparedUnder(otherConditions(conditions)) : undefined;
  async function comparedUnder(other: TravelConditions): Promise<ComparedConditionsOut> {
    const minutes = none || !net ? out.minutes : (await runner.wait<'access'>(ask(networkUnder(db, planPath, f, other)))).minutes;
    const r = rollUp(minutes);
    const line = (scope: 'region' | 'county', code: string, name: string, population: number, covered: number) => ({
      scope,
      code,
      name,
      population,
      covered,
      share: population > 0 ? covered / population : null,
    });
    return {
      conditions: other,
      units: [
        line('region', 'region', areaName(f, within), r.byUnit.population, r.byUnit.covered),
        ...f.units.flatMap((u, i) => (UNIT_KIND_LEVEL[u.kind] === 1 && r.pop[i]! > 0 ? [line('county', u.code, u.name, r.pop[i]!, r.cov[i]!)] : [])),
      ],
    };
  }
  const units: UnitCoverageOut[] = [
    {
      scope: 'region',
      code: 'region',
      name: areaName(f, within),
      parent: null,
      population: byUnit.population,
      covered: byUnit.covered,
      share: byUnit.population > 0 ? byUnit.covered / byUnit.population : null,
    },
  ];
  f.units.forEach((u, i) => {
    const level = UNIT_KIND_LEVEL[u.kind];
    if ((level !== 1 && level !== 2) || !(pop[i]! > 0)) return;
    const parent = level === 1 ? 'region' : f.county[i]! >= 0 ? f.units[f.county[i]!]!.code : 'region';
    units.push({
      scope: level === 1 ? 'county' : 'township',
      code: u.code,
      name: u.name,
      parent,
      population: pop[i]!,
      covered: cov[i]!,
      share: cov[i]! / pop[i]!,
    });
  });

  const limitOf = (p: number) => (points.urban[p] === 1 ? q.urbanMinutes : q.ruralMinutes);
  const covered = new Uint8Array(out.minutes.length).fill(1);
  for (const p of byUnit.uncovered) covered[p] = 0;
  const pointsOut: DemandPointOut[] = [];
  for (let p = 0; p < out.minutes.length; p++) {
    const u = points.unit[p]!;
    const unit = f.units[u]!;
    const kind = points.kind[p]!;
    const m = out.minutes[p]!;
    const fac = out.facility[p]!;
    pointsOut.push({
      code: kind === PointKind.Cell ? `${unit.code}#${p}` : unit.code,
      name: unit.name,
      ...(kind === PointKind.Remainder ? { remainder: true } : {}),
      township: f.township[u]! >= 0 ? f.units[f.township[u]!]!.code : null,
      lon: points.lon[p]!,
      lat: points.lat[p]!,
      population: points.population[p]!,
      urban: points.urban[p] === 1,
      // Rounded on the side of its verdict: 10.03 minutes beyond a 10-minute limit shows 10.1, not 10.0.
      minutes: !radius && Number.isFinite(m) ? shownTenths(m, limitOf(p)) : null,
      ...(radius ? { km: Number.isFinite(m) ? shownTenths(m, limitOf(p)) : null } : {}),
      nearest: fac >= 0 ? facilities[fac]!.id : null,
      covered: covered[p] === 1,
    });
  }
  const b = travelTimeBands(out.minutes, points.population, 5, 60);
  // travelTimeBands ends with "beyond 60 min" and "unreachable": the first is upTo null, the second is said apart.
  const bandPop = [...b.population];
  const unreachable = bandPop.pop()!;
  const bands = bandPop.map((population, i) => ({ upTo: i < bandPop.length - 1 ? (i + 1) * 5 : null, population }));
  const gridNote =
    q.demand === 'grid' && !d.grid
      ? { zh: '；方案没有街道（乡镇）边界，需求点改用村/社区中心', en: '; the plan has no street/town boundaries, so village/community centres were used' }
      : d.grid
        ? { zh: `；需求点为 ${q.gridMeters} 米网格`, en: `; demand points on a ${q.gridMeters} m grid` }
        : { zh: '', en: '' };
  const said = plan ? projectNotes(plan) : { zh: [], en: [] };
  const mismatch = mismatchLines(d.mismatches, { demand: true });
  const noneNote = none
    ? { zh: `；当前情景中 ${year} 年没有所选类型且有坐标的机构`, en: `; no facility of the chosen types with coordinates in this scenario in ${year}` }
    : { zh: '', en: '' };
  const radiusNote = {
    zh: `按直线服务半径：城镇 ${q.urbanMinutes} 公里、农村 ${q.ruralMinutes} 公里以内（不计道路）`,
    en: `Straight-line service radius: ${q.urbanMinutes} km urban, ${q.ruralMinutes} km rural (roads not used)`,
  };
  const when = radius ? { zh: '', en: '' } : conditionsNote(conditions, out.model, !!compared);
  return {
    model: out.model,
    modelNote: `${radius ? radiusNote.zh : travelNote(q.travel, out.model, q.dispatchMinutes, out.offNetwork).zh}${when.zh}${gridNote.zh}${noneNote.zh}`,
    modelNoteEn: `${radius ? radiusNote.en : travelNote(q.travel, out.model, q.dispatchMinutes, out.offNetwork).en}${when.en}${gridNote.en}${noneNote.en}`,
    query: q,
    year,
    demand: d.description,
    notes: [...said.zh, ...mismatch.zh],
    notesEn: [...said.en, ...mismatch.en],
    points: pointsOut,
    units,
    bands,
    unreachable,
    facilities: facilities.map((x) => ({ id: x.id, name: x.name, type: x.type, lon: x.lon!, lat: x.lat! })),
    // 公平: the same points and verdicts split by urban/rural and age band, per county (shared/access/groups.ts).
    groups: accessGroups({ ...points, covered, units: f.units, parent: f.parent, county: f.county, total: f.population, ages: f.ages }),
    ...(radius ? {} : { conditions }),
    ...(compared ? { compared } : {}),
    ...(q.areas ? { areas: areasOut(q, out, points.population, facilities) } : {}),
    ms: Math.round(performance.now() - t0),
  };
}
