/**
 * 设施选址 for a scenario: the area's villages/communities as demand, the existing facilities as fixed,
 * the candidates (candidates.ts), solved on the worker (compute.ts); then the proposal with coverage
 * before and after per street/town, county and the area, as SitingResultOut.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.ts';
import { UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import { conditionsNote, otherConditions, type TravelConditions, travelNote } from '../../../shared/access/index.ts';
import type { SitingNote } from '../../../shared/siting/index.ts';
import type { SitingPointOut, SitingQuery, SitingResultOut, SitingUnitOut } from '../../../shared/siting/query.ts';
import { mismatchLines } from '../../../shared/model/population-check.ts';
import { facilitiesAt } from '../../../shared/timeline/facilities-at.ts';
import { areaName, demandKeyOf, demandOf, frameOf, networkUnder, unitsNamed } from '../access/plan-inputs.ts';
import { listProjects } from '../db/projects.ts';
import { listRows } from '../db/tables.ts';
import { projectNotes } from '../gaps.ts';
import type { AnalysisRunner } from '../worker/runner.ts';
import { inside, siteCandidates } from './candidates.ts';

const NOTE_TEXT: Record<SitingNote, { zh: string; en: string }> = {
  fewer_sites_suffice: { zh: '更少的新址已能达到同样效果：再多设也不会增加覆盖', en: 'Fewer new sites already do as well: more would add nothing' },
  capacity_heuristic: {
    zh: '考虑容量时为启发式答案（贪心选址，按通行时间分配人口），其与最优的差距见“界限”',
    en: "With capacities the answer is a heuristic's (greedy sites, people assigned by travel time); the bound says how far from the optimum it can be",
  },
  exact_time_limit: {
    zh: '精确求解到时限仍未证明最优：给出当时最好的答案和界限',
    en: 'The exact solver reached its time limit: the best answer and bound found by then',
  },
  exact_too_large: {
    zh: '问题规模超出精确求解范围：给出启发式答案及其已证明的界限',
    en: "Too large for the exact solver: the heuristic's answer with its proven bound",
  },
  exact_failed: { zh: '精确求解失败：采用启发式答案', en: "The exact solver failed: the heuristic's answer stands" },
};

const minutesOf = (s: number) => (Number.isFinite(s) ? Math.round(s / 6) / 10 : null);

export async function runSiting(
  db: Database.Database,
  planPath: string,
  q: SitingQuery,
  year: number,
  runner: AnalysisRunner,
  onJob: (job: number) => void = () => {},
): Promise<SitingResultOut> {
  const t0 = performance.now();
  const f = frameOf(db, q.scenarioId, year);
  const within = unitsNamed(f, q.within, { zh: '选址范围', en: 'Area' });
  const exclude = unitsNamed(f, q.exclude, { zh: '排除区域', en: 'Excluded unit' });
  if (q.model !== 'lscp' && !(q.k >= 1)) throw new ApiError('INVALID_ARGS', '新设施数量至少为 1', 'The number of new sites must be at least 1');

  // Demand: the area's villages/communities, and the rest of each unit's people not listed under it at its centre.
  const all = demandOf(db, f, { demand: 'centroids', gridMeters: 1000 }, within);
  const demand = { lon: all.points.lon, lat: all.points.lat, urban: all.points.urban, population: all.points.population };
  const unitOfPoint = all.points.unit;
  const n = unitOfPoint.length;
  if (n === 0) throw new ApiError('INVALID_ARGS', '所选范围内没有有人口和坐标的村/社区', 'No village/community with a population and a place in the area');
  const threshold = Float64Array.from(demand.urban, (u) => (u ? q.urbanMinutes : q.ruralMinutes) * 60);

  // Existing facilities and upgrade candidates as of the year: the projects (规划项目) up to it applied.
  const plan = facilitiesAt(listRows(db, 'facilities', q.scenarioId), listProjects(db, q.scenarioId), year);
  const facilities = plan.facilities;
  const fixedTypes = new Set<string>(q.existingTypes);
  const existing = facilities.filter((x) => fixedTypes.has(x.type) && x.lon !== null && x.lat !== null);
  const cands = siteCandidates(db, f, q, within, exclude, facilities);

  // 通行条件: sited under the condition asked for (the peak hour for 'worse'), then evaluated under the other.
  const sitedUnder: TravelConditions = q.siteFor === 'worse' ? 'peak' : (q.conditions ?? 'free');
  const job = runner.start('siting', {
    network: networkUnder(db, planPath, f, sitedUnder),
    direction: q.direction === 'from' ? 'from_facility' : 'to_facility',
    dispatchSeconds: q.dispatchMinutes * 60,
    travel: q.travel,
    demand,
    demandKey: `siting|${demandKeyOf(all, 1000)}`,
    thresholdSeconds: threshold,
    existing: { lon: Float64Array.from(existing, (x) => x.lon!), lat: Float64Array.from(existing, (x) => x.lat!) },
    existingKey: existing.map((x) => x.id).join('\u0000'),
    candidates: {
      lon: Float64Array.from(cands, (c) => c.lon),
      lat: Float64Array.from(cands, (c) => c.lat),
      onNode: Uint8Array.from(cands, (c) => (c.source === 'generated' ? 1 : 0)),
    },
    capacity: q.capacity,
    model: q.model,
    k: q.k,
    cutoffSeconds: q.cutoffMinutes * 60,
    exact: q.exact,
    timeLimitMs: q.timeLimitSeconds * 1000,
  });
  onJob(job);
  const out = await runner.wait<'siting'>(job);
  const r = out.result;

  // Coverage after: covering models say which points the new sites take (capacities included); p-median by time.
  const coveredBefore = Uint8Array.from(out.beforeSeconds, (s, d) => (s <= threshold[d]! ? 1 : 0));
  // Share of each point's people within their threshold afterwards (with capacities a point may be served in part).
  const coveredAfter = Float64Array.from(coveredBefore, (b, d) =>
    b
      ? 1
      : r.assigned
        ? demand.population[d]! > 0
          ? r.assigned[d]! / demand.population[d]!
          : 0
        : (q.model === 'pmedian' ? out.afterSeconds[d]! <= threshold[d]! : r.site[d]! >= 0)
          ? 1
          : 0,
  );
  const township = (u: number) => f.township[u]!;
  const pop = new Float64Array(f.units.length),
    before = new Float64Array(f.units.length),
    after = new Float64Array(f.units.length);
  for (let d = 0; d < n; d++) {
    const u = unitOfPoint[d]!;
    for (const a of new Set([township(u), f.county[u]!])) {
      if (a < 0) continue;
      pop[a]! += demand.population[d]!;
      before[a]! += coveredBefore[d]! * demand.population[d]!;
      after[a]! += coveredAfter[d]! * demand.population[d]!;
    }
  }
  const units: SitingUnitOut[] = [
    {
      scope: 'region',
      code: 'region',
      name: areaName(f, within),
      parent: null,
      population: r.totalPopulation,
      coveredBefore: r.coveredBefore,
      coveredAfter: 0,
    },
  ];
  f.units.forEach((u, i) => {
    const level = UNIT_KIND_LEVEL[u.kind];
    if ((level !== 1 && level !== 2) || !(pop[i]! > 0)) return;
    units.push({
      scope: level === 1 ? 'county' : 'township',
      code: u.code,
      name: u.name,
      parent: level === 1 ? 'region' : f.county[i]! >= 0 ? f.units[f.county[i]!]!.code : 'region',
      population: pop[i]!,
      coveredBefore: before[i]!,
      coveredAfter: after[i]!,
    });
  });
  let totalAfter = 0;
  for (let d = 0; d < n; d++) totalAfter += coveredAfter[d]! * demand.population[d]!;
  units[0]!.coveredAfter = totalAfter;

  // The proposal is listed by the people each site brings (p-median: serves), most first.
  const order = r.chosen
    .map((_, k) => k)
    .sort((a, b) => (q.model === 'pmedian' ? r.served[b]! - r.served[a]! : r.newlyCovered[b]! - r.newlyCovered[a]!) || a - b);
  const rank = new Map<number, number>(); // candidate index → place in the listed proposal
  order.forEach((k, i) => {
    rank.set(r.chosen[k]!, i);
  });
  const points: SitingPointOut[] = [];
  for (let d = 0; d < n; d++) {
    const u = f.units[unitOfPoint[d]!]!;
    const t = township(unitOfPoint[d]!);
    points.push({
      code: u.code,
      name: u.name,
      township: t >= 0 ? f.units[t]!.code : null,
      lon: demand.lon[d]!,
      lat: demand.lat[d]!,
      population: demand.population[d]!,
      urban: demand.urban[d] === 1,
      minutesBefore: minutesOf(out.beforeSeconds[d]!),
      minutesAfter: minutesOf(out.afterSeconds[d]!),
      coveredBefore: coveredBefore[d] === 1,
      coveredAfter: coveredAfter[d]! >= 0.5,
      site: rank.get(r.site[d]!) ?? -1,
    });
  }
  const chosen = order.map((k) => {
    const c = r.chosen[k]!;
    const cand = cands[out.used[c]!]!;
    const t = cand.unit >= 0 ? township(cand.unit) : -1;
    return {
      id: cand.id,
      name: cand.name,
      lon: out.lon[c]!,
      lat: out.lat[c]!,
      source: cand.source,
      township: t >= 0 ? { code: f.units[t]!.code, name: f.units[t]!.name } : null,
      newlyCovered: r.newlyCovered[k]!,
      served: r.served[k]!,
    };
  });
  const meanOf = (s: Float64Array) => {
    let sum = 0;
    for (let d = 0; d < n; d++) sum += demand.population[d]! * Math.min(s[d]!, q.cutoffMinutes * 60);
    return r.totalPopulation > 0 ? Math.round(sum / r.totalPopulation / 6) / 10 : null;
  };
  const notes = r.notes.map((x) => NOTE_TEXT[x]);
  const said = projectNotes(plan),
    mismatch = mismatchLines(all.mismatches, { demand: true });
  said.zh.forEach((zh, i) => notes.push({ zh, en: said.en[i]! }));
  mismatch.zh.forEach((zh, i) => notes.push({ zh, en: mismatch.en[i]! }));
  const outside = within.size ? cands.filter((c) => c.source === 'list' && (c.unit < 0 || !inside(f, c.unit, within))).length : 0;
  if (outside)
    notes.push({
      zh: `${outside} 个候选表中的点不在选址范围内，仍参与选址（只计范围内的人口）`,
      en: `${outside} listed candidate sites lie outside the area; they take part (only the area's people count)`,
    });
  const dropped = cands.length - out.used.length;
  if (dropped > 0)
    notes.push({
      zh: `${dropped} 个候选点离路网超过 5 公里或与其他生成点落在同一路网节点，未参与选址`,
      en: `${dropped} candidate sites over 5 km from a road, or on the same road node as another generated site, were left out`,
    });
  if (r.unreachable > 0)
    notes.push({
      zh: `${Math.round(r.unreachable)} 人在时限内既到不了现有机构也到不了任何候选点`,
      en: `${Math.round(r.unreachable)} people are within reach of no existing facility and no candidate`,
    });
  // The proposal under the other condition: existing facilities and the chosen sites (where they stand), minutes by the access engine.
  const otherUnder = otherConditions(sitedUnder);
  const sites = order.map((k) => r.chosen[k]!);
  const sitesLon = Float64Array.from([...existing.map((x) => x.lon!), ...sites.map((c) => out.lon[c]!)]);
  const sitesLat = Float64Array.from([...existing.map((x) => x.lat!), ...sites.map((c) => out.lat[c]!)]);
  const evalUnder = async (c: TravelConditions) =>
    sitesLon.length === 0
      ? new Float64Array(n).fill(Infinity)
      : (
          await runner.run('access', {
            network: networkUnder(db, planPath, f, c),
            direction: q.direction === 'from' ? 'from_facility' : 'to_facility',
            dispatchSeconds: q.dispatchMinutes * 60,
            travel: q.travel,
            facilities: { lon: sitesLon, lat: sitesLat },
            facilityKey: [...existing.map((x) => x.id), ...sites.map((c) => `site:${out.lon[c]},${out.lat[c]}`)].join('\u0000'),
            demand,
            demandKey: `siting|${demandKeyOf(all, 1000)}`,
          })
        ).minutes;
  // The existing facilities alone first: the proposal's field is then theirs with the chosen sites added (compute.ts), not a second full search.
  let otherBefore = 0;
  if (existing.length) {
    const before = await runner.run('access', {
      network: networkUnder(db, planPath, f, otherUnder),
      direction: q.direction === 'from' ? 'from_facility' : 'to_facility',
      dispatchSeconds: q.dispatchMinutes * 60,
      travel: q.travel,
      facilities: { lon: sitesLon.subarray(0, existing.length), lat: sitesLat.subarray(0, existing.length) },
      facilityKey: existing.map((x) => x.id).join('\u0000'),
      demand,
      demandKey: `siting|${demandKeyOf(all, 1000)}`,
    });
    for (let d = 0; d < n; d++) if (before.minutes[d]! * 60 <= threshold[d]!) otherBefore += demand.population[d]!;
  }
  const otherMinutes = await evalUnder(otherUnder);
  let otherAfter = 0,
    lost = 0;
  for (let d = 0; d < n; d++) {
    const within = otherMinutes[d]! * 60 <= threshold[d]! ? 1 : 0;
    otherAfter += within * demand.population[d]!;
    if (coveredAfter[d]! > 0 && !within) lost += coveredAfter[d]! * demand.population[d]!;
  }
  // Whole people: a capacity may leave a fraction of a point's people, and sums carry float dust.
  const meets = (covered: number) => covered >= r.totalPopulation - 0.5;
  const other = { conditions: otherUnder, coveredBefore: otherBefore, coveredAfter: otherAfter, meetsRule: meets(otherAfter), lost };
  const cz = { free: '平峰', peak: '高峰' } as const,
    ce = { free: 'at free flow', peak: 'at the peak hour' } as const;
  if (meets(totalAfter) && !other.meetsRule)
    notes.push({
      zh: `方案在${cz[sitedUnder]}时全部达标，${cz[otherUnder]}时不再达标：${Math.round(r.totalPopulation - otherAfter)} 人超出时限`,
      en: `The proposal meets the rule ${ce[sitedUnder]} but not ${ce[otherUnder]}: ${Math.round(r.totalPopulation - otherAfter)} people beyond the limit`,
    });
  const travelWords = travelNote(q.travel, out.model, q.dispatchMinutes, out.offNetwork);
  const when = conditionsNote(sitedUnder, out.model);
  const worse = q.siteFor === 'worse' ? { zh: '（按两者中较差的高峰选址）', en: ' (sited for the worse of the two, the peak hour)' } : { zh: '', en: '' };
  return {
    query: q,
    model: q.model,
    travelModel: out.model,
    modelNote: `${travelWords.zh}${when.zh}${worse.zh}；现有 ${existing.length} 个机构固定不动`,
    modelNoteEn: `${travelWords.en}${when.en}${worse.en}; the ${existing.length} existing facilities stay`,
    year,
    demand: all.description,
    chosen,
    candidateCount: out.used.length,
    candidates: Array.from(out.used.subarray(0, 5000), (c, i) => ({ lon: out.lon[i]!, lat: out.lat[i]!, source: cands[c]!.source })),
    totalPopulation: r.totalPopulation,
    coveredBefore: r.coveredBefore,
    coveredAfter: totalAfter,
    unreachable: r.unreachable,
    meanMinutesBefore: q.model === 'pmedian' ? meanOf(out.beforeSeconds) : null,
    meanMinutesAfter: q.model === 'pmedian' ? meanOf(out.afterSeconds) : null,
    objective: r.objective,
    bound: r.bound,
    gap: r.gap,
    optimal: r.optimal,
    solver: r.solver,
    units,
    points,
    conditions: sitedUnder,
    meetsRule: meets(totalAfter),
    other,
    notes: notes.map((x) => x.zh),
    notesEn: notes.map((x) => x.en),
    ms: Math.round(performance.now() - t0),
  };
}
