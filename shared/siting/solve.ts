/**
 * solveSiting: one call from coverage sets to an answer with its proof of quality (see index.ts).
 */
import { assignmentFromMip, type CapacityResult, greedyCapacity, groupShares } from './capacity.ts';
import { type CoverageColumns, type CoverageSets, transpose } from './coverage-sets.ts';
import { buildInstance, type Instance } from './instance.ts';
import { lagrangianBound } from './lagrange.ts';
import { greedyCover } from './lscp.ts';
import { capacityModel, lscpModel, mclpModel, type MipModel, type MipSolver, openedIn, pMedianModel } from './mip.ts';
import { greedySwap, Search } from './search.ts';

export type SitingModel = 'mclp' | 'lscp' | 'pmedian';

export interface SitingProblem {
  /** Candidate → demand pairs (roadCoverageSets / straightLineCoverageSets), limits at least the thresholds (p-median: the cutoff). */
  sets: CoverageSets;
  /** Per demand point. */
  population: Float64Array;
  /** Per demand point: covered when reached within this many seconds (urban 600, rural 1800 for 1030). */
  thresholdSeconds: Float64Array;
  /** Per demand point: seconds to/from the nearest existing facility, Infinity for none (`existingSeconds(travel)`). */
  existingSeconds?: Float64Array;
  /** Per candidate: the people it can serve. MCLP only. */
  capacity?: Float64Array;
}

export interface SitingOptions {
  model: SitingModel;
  /** New sites to place (MCLP, p-median). */
  k?: number;
  /** p-median: a trip longer than this (and a point no site reaches) counts as this many seconds. Default 3600. */
  cutoffSeconds?: number;
  /**
   * 'auto' (default): exact when a solver is given and, after merging, at most `exactMaxCandidates`
   * (300) useful candidates and `exactMaxGroups` (5,000) demand groups remain — and, for p-median and
   * capacitated MCLP, whose models have a column and a row per (site, group) pair, at most
   * `exactMaxPairs` (20,000) pairs; 'always'; 'never'. (HiGHS as WebAssembly proves p-median
   * optimal on ~20,000 pairs in a few seconds, and runs out of 30 s on 45,000.)
   */
  exact?: 'auto' | 'always' | 'never';
  /** A MIP solver: `await loadMipSolver()` from electron/backend/siting/exact.ts. */
  solver?: MipSolver;
  exactMaxCandidates?: number;
  exactMaxGroups?: number;
  exactMaxPairs?: number;
  /** The MIP's time limit (default 30,000 ms). */
  timeLimitMs?: number;
  /** The MIP stops within this relative gap (default 0: prove optimality). */
  relGap?: number;
  /** Swap iterations at most (default 1000) and time for them (default 10,000 ms). */
  maxSwaps?: number;
  swapTimeLimitMs?: number;
  /**
   * The Lagrangian bound's subgradient steps (MCLP, p-median): by default as many as make 200
   * million pair visits, between 10 and 300 — a fixed amount of work, so the bound does not depend
   * on the machine's speed — and at most `boundTimeLimitMs` (default 5,000 ms; 0 skips the bound).
   */
  boundSteps?: number;
  boundTimeLimitMs?: number;
}

export type SitingNote =
  /** Fewer than k new sites already do as well as any k can: more would add nothing. */
  | 'fewer_sites_suffice'
  /** The capacitated answer is a heuristic's (greedy choice, greedy assignment by travel time). */
  | 'capacity_heuristic'
  /** The MIP stopped at its time limit: the best answer and bound found by then. */
  | 'exact_time_limit'
  /** 'auto' left the MIP out: the merged instance is beyond the exact limits. */
  | 'exact_too_large'
  /** The MIP solver failed; the heuristic's answer stands. */
  | 'exact_failed';

export interface SitingResult {
  model: SitingModel;
  /** The candidates to build (indices into the candidate list). */
  chosen: number[];
  /** Per chosen site: people it newly brings within their threshold (each counted once, at its nearest new site). */
  newlyCovered: number[];
  /** Per chosen site: people for whom it is the nearest facility (p-median: nearer than existing ones and the cutoff); MCLP/LSCP: as newlyCovered. */
  served: number[];
  /** Per demand point: the chosen site (its candidate index) that newly covers it (p-median: serves it), -1 none. */
  site: Int32Array;
  /** With capacities (a point may be split between sites, or served in part): people per demand point a new site serves. */
  assigned?: Float64Array;
  totalPopulation: number;
  /** People within their threshold of an existing facility. */
  coveredBefore: number;
  /** … of an existing facility or a chosen site. */
  coveredAfter: number;
  /** People no candidate and no existing facility reaches within their threshold, and those points. */
  unreachable: number;
  unreachablePoints: Int32Array;
  /** MCLP: people newly covered; LSCP: new sites; p-median: Σ people × seconds (capped at the cutoff). */
  objective: number;
  /** Proven: MCLP no k sites cover more; LSCP no fewer sites cover all; p-median no k sites do better. */
  bound: number;
  /** |bound − objective| ÷ max(|bound|, |objective|): 0.004 = the answer is within 0.4 % of the optimum. */
  gap: number;
  /** Proven optimal: the objective within 1e-6 (relative) of the bound; gap is then 0. */
  optimal: boolean;
  solver: 'greedy+swap' | 'highs';
  /** p-median: objective ÷ total population. */
  meanSeconds?: number;
  swaps: number;
  /** Demand groups and candidates with a pair, after merging: the size of the problem solved. */
  groups: number;
  usefulCandidates: number;
  notes: SitingNote[];
  ms: number;
  /** Where the time went: merging into groups, the heuristic, the MIP, the per-site report. */
  phaseMs: { instance: number; heuristic: number; exact: number; report: number };
}

/** Per demand point, from the access engine's minutes (demandTravel / straightLineTravel). */
export const existingSeconds = (travel: { minutes: Float64Array }): Float64Array => travel.minutes.map((m) => m * 60);

/** Per demand point: 1 when an existing facility already covers it — the `skip` for MCLP/LSCP coverage sets. */
export function coveredMask(existing: Float64Array, thresholdSeconds: Float64Array): Uint8Array {
  const out = new Uint8Array(existing.length);
  for (let d = 0; d < existing.length; d++) if (existing[d]! <= thresholdSeconds[d]!) out[d] = 1;
  return out;
}

const OPTIMAL_GAP = 1e-6;

export function solveSiting(problem: SitingProblem, options: SitingOptions): SitingResult {
  const t0 = Date.now();
  const { sets, population, thresholdSeconds: limit, capacity } = problem;
  const m = sets.candidateCount,
    n = sets.demandCount;
  const model = options.model;
  if (population.length !== n || limit.length !== n || (problem.existingSeconds && problem.existingSeconds.length !== n)) {
    throw new RangeError('population, thresholds and existing seconds need one value per demand point');
  }
  if (capacity && (model !== 'mclp' || capacity.length !== m)) throw new RangeError('capacity is one value per candidate, and for MCLP only');
  const k = model === 'lscp' ? m : (options.k ?? NaN);
  if (!(Number.isInteger(k) && k >= 0)) throw new RangeError(`k must be a whole number ≥ 0, not ${options.k}`);
  const cutoff = options.cutoffSeconds ?? 3600;
  if (model === 'pmedian' && !(cutoff > 0 && cutoff < Infinity)) throw new RangeError(`the cutoff must be a positive number of seconds, not ${cutoff}`);
  const existing = problem.existingSeconds;
  const before = new Uint8Array(n);
  if (existing) for (let d = 0; d < n; d++) if (existing[d]! <= limit[d]!) before[d] = 1;

  // The common form: MCLP/LSCP pay 1 per uncovered person, p-median the seconds to the nearest facility.
  const columns = transpose(sets);
  const base = new Float64Array(n),
    weight = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    const pop = population[d]! > 0 ? population[d]! : 0;
    if (model === 'pmedian') {
      base[d] = fallbackOf(existing, d, cutoff);
      weight[d] = pop;
    } else {
      base[d] = 1;
      weight[d] = before[d] ? 0 : pop;
    }
  }
  const phaseMs = { instance: 0, heuristic: 0, exact: 0, report: 0 };
  let tPhase = Date.now();
  const lap = (phase: keyof typeof phaseMs) => {
    const now = Date.now();
    phaseMs[phase] += now - tPhase;
    tPhase = now;
  };
  const inst = buildInstance({ candidateCount: m, columns, weight, base, cost: model === 'pmedian' ? 'time' : 'cover', limit });
  let useful = 0;
  for (let c = 0; c < m; c++) if (inst.rowStart[c + 1]! > inst.rowStart[c]!) useful++;
  const maximise = model === 'mclp';
  const notes: SitingNote[] = [];
  lap('instance');

  // The heuristic, with its bound.
  let chosen: number[],
    bound: number,
    swaps = 0;
  let assignment: CapacityResult | null = null;
  if (model === 'lscp') {
    const r = greedyCover(inst);
    chosen = r.chosen;
    bound = r.bound;
  } else if (capacity) {
    assignment = greedyCapacity({ sets, columns, weight, limit, capacity, k });
    chosen = assignment.chosen;
    bound = Math.min(greedySwap(inst, { k, noSwap: true }).bound, capacityBound(inst, capacity, k));
    notes.push('capacity_heuristic');
  } else {
    const r = greedySwap(inst, { k, maxSwaps: options.maxSwaps, deadline: Date.now() + (options.swapTimeLimitMs ?? 10_000) });
    chosen = r.chosen;
    swaps = r.swaps;
    bound = model === 'mclp' ? r.bound : baseCost(inst) - r.bound;
  }
  let objective = assignment ? assignment.total : objectiveOf(inst, chosen, model);
  const boundMs = options.boundTimeLimitMs ?? 5000;
  if (model !== 'lscp' && boundMs > 0 && gapOf(objective, bound) > OPTIMAL_GAP) {
    const totalBase = model === 'pmedian' ? baseCost(inst) : 0;
    const saving = model === 'pmedian' ? totalBase - objective : objective;
    const maxSteps = options.boundSteps ?? Math.max(10, Math.min(300, Math.floor(2e8 / Math.max(1, inst.rowStart[m]!))));
    const lag = lagrangianBound(inst, { k, target: saving, sites: chosen, maxSteps, deadline: Date.now() + boundMs });
    bound = model === 'pmedian' ? Math.max(bound, totalBase - lag) : Math.min(bound, lag);
  }
  let solver: SitingResult['solver'] = 'greedy+swap';
  lap('heuristic');

  // The exact model, when asked and worth it (not when the heuristic is already proven optimal).
  const mode = options.exact ?? 'auto';
  const pairModel = model === 'pmedian' || capacity !== undefined;
  const small =
    useful <= (options.exactMaxCandidates ?? 300)
    && inst.groupCount <= (options.exactMaxGroups ?? 5000)
    && (!pairModel || inst.rowStart[m]! <= (options.exactMaxPairs ?? 20_000));
  if (mode === 'always' && !options.solver) throw new Error('exact siting needs a MIP solver: loadMipSolver() in electron/backend/siting/exact.ts');
  if (mode === 'auto' && options.solver && !small) notes.push('exact_too_large');
  if (options.solver && gapOf(objective, bound) > OPTIMAL_GAP && (mode === 'always' || (mode === 'auto' && small))) {
    const mip: MipModel =
      model === 'lscp'
        ? lscpModel(inst, chosen)
        : model === 'pmedian'
          ? pMedianModel(inst, k, chosen)
          : capacity
            ? capacityModel(inst, k, capacity, { chosen, share: groupShares(inst, sets, assignment!) })
            : mclpModel(inst, k, chosen);
    const res = options.solver(mip, { timeLimitSeconds: (options.timeLimitMs ?? 30_000) / 1000, relGap: options.relGap ?? 0 });
    if (res.status === 'failed' || res.status === 'infeasible') notes.push('exact_failed');
    else {
      if (res.status === 'time_limit') notes.push('exact_time_limit');
      const mipBound = model === 'lscp' ? Math.ceil(res.bound - 1e-6) : res.bound;
      if (Number.isFinite(mipBound)) bound = maximise ? Math.min(bound, mipBound) : Math.max(bound, mipBound);
      if (res.x) {
        const exact = capacity ? assignmentFromMip(inst, res.x, weight) : null;
        const exactChosen = exact ? exact.chosen : openedIn(res.x, m);
        const value = exact ? exact.total : objectiveOf(inst, exactChosen, model);
        // The MIP's answer when proven, else when strictly better than the heuristic's.
        if (
          res.status === 'optimal'
            ? (maximise ? value >= objective : value <= objective) || gapOf(value, objective) <= OPTIMAL_GAP
            : maximise
              ? value > objective
              : value < objective
        ) {
          chosen = exactChosen;
          objective = value;
          solver = 'highs';
          assignment = exact;
          if (exact && notes.includes('capacity_heuristic')) notes.splice(notes.indexOf('capacity_heuristic'), 1);
        }
      }
    }
  }
  lap('exact');
  bound = maximise ? Math.max(bound, objective) : Math.min(bound, objective);
  if (model !== 'lscp' && chosen.length < k && gapOf(objective, bound) <= OPTIMAL_GAP) notes.push('fewer_sites_suffice');

  // Proven on the instance itself: p-median's constant below would only dilute the gap.
  const optimal = gapOf(objective, bound) <= OPTIMAL_GAP;
  // A heuristic's capacitated answer proven optimal needs no warning that it is a heuristic's.
  if (optimal && notes.includes('capacity_heuristic')) notes.splice(notes.indexOf('capacity_heuristic'), 1);

  const out = report(problem, columns, before, chosen, model, cutoff, assignment, inst.groupOf);
  lap('report');
  // p-median: the points outside the instance pay their base whatever is chosen.
  if (model === 'pmedian') {
    objective = out.cost;
    bound += out.outsideCost;
  }
  const gap = optimal ? 0 : gapOf(objective, bound);
  return {
    model,
    chosen,
    newlyCovered: out.newlyCovered,
    served: out.served,
    site: out.site,
    ...(assignment ? { assigned: assignment.assigned } : {}),
    totalPopulation: out.totalPopulation,
    coveredBefore: out.coveredBefore,
    coveredAfter: out.coveredAfter,
    unreachable: out.unreachable,
    unreachablePoints: out.unreachablePoints,
    objective,
    bound,
    gap,
    optimal,
    solver,
    ...(model === 'pmedian' ? { meanSeconds: out.totalPopulation > 0 ? objective / out.totalPopulation : 0 } : {}),
    swaps,
    groups: inst.groupCount,
    usefulCandidates: useful,
    notes,
    ms: Date.now() - t0,
    phaseMs,
  };
}

function gapOf(objective: number, bound: number): number {
  const scale = Math.max(Math.abs(objective), Math.abs(bound));
  return scale === 0 ? 0 : Math.abs(bound - objective) / scale;
}

/** p-median: what a point pays without a new site — its existing facility's time, capped at the cutoff (no time, or NaN: the cutoff). */
function fallbackOf(existing: Float64Array | undefined, d: number, cutoff: number): number {
  const e = existing?.[d] ?? Infinity;
  return e < cutoff ? e : cutoff;
}

/** Σ weight × base: the instance's cost with no new site. */
function baseCost(inst: Instance): number {
  let sum = 0;
  for (let g = 0; g < inst.groupCount; g++) sum += inst.weight[g]! * inst.base[g]!;
  return sum;
}

/** Σ weight × cost of the groups with these sites open, i.e. p-median's objective on the instance. */
function costOf(inst: Instance, chosen: readonly number[]): number {
  const s = new Search(inst);
  for (const c of chosen) s.add(c);
  let cost = 0;
  for (let g = 0; g < inst.groupCount; g++) cost += inst.weight[g]! * s.cur[g]!;
  return cost;
}

/** The objective on the instance (p-median: without the points left out of it, which the report adds). */
function objectiveOf(inst: Instance, chosen: readonly number[], model: SitingModel): number {
  if (model === 'lscp') return chosen.length;
  if (model === 'pmedian') return costOf(inst, chosen);
  const s = new Search(inst);
  for (const c of chosen) s.add(c);
  return s.saving;
}

/** No k capacitated sites serve more than their k largest min(capacity, people in reach). */
function capacityBound(inst: Instance, capacity: Float64Array, k: number): number {
  const take: number[] = [];
  for (let c = 0; c < inst.candidateCount; c++) {
    let reach = 0;
    for (let r = inst.rowStart[c]!, end = inst.rowStart[c + 1]!; r < end; r++) reach += inst.weight[inst.rowGroup[r]!]!;
    take.push(Math.min(Math.max(0, capacity[c]!), reach));
  }
  take.sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < Math.min(k, take.length); i++) sum += take[i]!;
  return sum;
}

/**
 * Per site and per point, from the chosen sites: each newly covered point counts at its nearest
 * chosen site within its threshold (ties: the lower index); p-median's `served` and `site` are the
 * nearest chosen site when it beats both the existing facilities and the cutoff.
 */
function report(
  problem: SitingProblem,
  columns: CoverageColumns,
  before: Uint8Array,
  chosen: readonly number[],
  model: SitingModel,
  cutoff: number,
  assignment: CapacityResult | null,
  groupOf: Int32Array,
) {
  const { population, thresholdSeconds: limit, existingSeconds: existing } = problem;
  const n = population.length;
  const slot = new Int32Array(problem.sets.candidateCount).fill(-1);
  chosen.forEach((c, i) => {
    slot[c] = i;
  });
  const newlyCovered = chosen.map(() => 0),
    served = chosen.map(() => 0);
  const site = new Int32Array(n).fill(-1);
  const unreachableAt: number[] = [];
  let total = 0,
    coveredBefore = 0,
    newly = 0,
    unreachable = 0,
    cost = 0,
    outsideCost = 0;
  for (let d = 0; d < n; d++) {
    const pop = population[d]! > 0 ? population[d]! : 0;
    total += pop;
    if (before[d]) coveredBefore += pop;
    let cover = -1,
      coverT = Infinity,
      near = -1,
      nearT = Infinity,
      reachable = false;
    for (let j = columns.offsets[d]!, end = columns.offsets[d + 1]!; j < end; j++) {
      const t = columns.seconds[j]!;
      if (t <= limit[d]!) reachable = true;
      const c = columns.candidate[j]!;
      if (slot[c]! < 0) continue;
      if (t < nearT) {
        near = c;
        nearT = t;
      }
      if (t <= limit[d]! && t < coverT) {
        cover = c;
        coverT = t;
      }
    }
    if (!before[d] && !reachable) {
      unreachable += pop;
      unreachableAt.push(d);
    }
    if (assignment) continue;
    if (!before[d] && cover >= 0) {
      newlyCovered[slot[cover]!]! += pop;
      newly += pop;
    }
    if (model !== 'pmedian') {
      if (!before[d] && cover >= 0) {
        site[d] = cover;
        served[slot[cover]!]! += pop;
      }
      continue;
    }
    const fallback = fallbackOf(existing, d, cutoff);
    if (near >= 0 && nearT < fallback) {
      site[d] = near;
      served[slot[near]!]! += pop;
    }
    if (pop > 0) cost += pop * Math.min(fallback, nearT);
    if (pop > 0 && groupOf[d]! < 0) outsideCost += pop * fallback;
  }
  if (assignment) {
    site.set(assignment.site);
    chosen.forEach((c, i) => {
      const at = assignment.chosen.indexOf(c);
      newlyCovered[i] = served[i] = at >= 0 ? assignment.served[at]! : 0;
    });
    newly = assignment.total;
  }
  return {
    newlyCovered,
    served,
    site,
    totalPopulation: total,
    coveredBefore,
    coveredAfter: coveredBefore + newly,
    unreachable,
    unreachablePoints: Int32Array.from(unreachableAt),
    cost,
    outsideCost,
  };
}
