/**
 * 设施选址引擎: where new facilities should go. Pure and on plain data (typed arrays in and out),
 * so it runs in a worker thread.
 *
 * The questions:
 * - MCLP 最大覆盖: where k new sites (120 ambulance stations, say) bring the most people within their
 *   threshold (10 min in town, 30 in the country) who are not within it of an existing facility.
 * - LSCP 最少设施覆盖: the fewest new sites that bring everyone within their threshold — everyone a
 *   candidate can reach: the others are reported as unreachable and do not make it infeasible.
 * - p-median: where k new sites minimise Σ population × travel seconds to the nearest facility,
 *   existing facilities fixed. A trip longer than the cutoff (default 3600 s), and a point no
 *   facility reaches, counts as the cutoff: the cutoff caps the cost, so the far-off cannot
 *   dominate the sum (set it high to make it a penalty).
 *
 * The flow (the travel-time engine's graph and snapping as in shared/access):
 * 1. Candidates: `cand = facilitySources(snapPoints(graph, index, lon, lat, connectorKmh), dispatchSeconds)`.
 *    Demand: `snapped = snapPoints(…)` of the demand points; thresholds per point in seconds
 *    (urban ? 600 : 1800). Optionally merge identical points first: `aggregateDemand([node,
 *    connector, threshold, existing], population)`.
 * 2. Existing facilities: `existing = existingSeconds(demandTravel(field, snapped))` (or of
 *    straightLineTravel), Infinity everywhere without any.
 * 3. `sets = roadCoverageSets(graph, 'from_facility', cand, snapped, thresholdSeconds, { skip:
 *    coveredMask(existing, thresholdSeconds) })`: for MCLP and LSCP the points already covered can
 *    be left out, and the searches then stop where nothing uncovered is left to reach (on the
 *    benchmark, 0.4 s instead of 7 s). For p-median: limit = the cutoff and no skip. Without
 *    roads: `straightLineCoverageSets(lon, lat, demand, limit, { skip })`.
 * 4. `result = solveSiting({ sets, population, thresholdSeconds, existingSeconds, capacity? },
 *    { model: 'mclp', k: 10, solver? })`.
 *
 * solveSiting(problem, options) → SitingResult:
 *   { model, chosen: candidate indices, newlyCovered / served per chosen site, site per demand point,
 *     totalPopulation, coveredBefore, coveredAfter, unreachable (+ points), objective, bound, gap,
 *     optimal, solver: 'greedy+swap' | 'highs', meanSeconds (p-median), swaps, groups,
 *     usefulCandidates, notes, ms, phaseMs }
 * `bound` is proven: the heuristics carry one (MCLP/p-median: the least of the submodular online
 * bound over the greedy steps and swaps and a Lagrangian bound; LSCP: a set of points no one
 * candidate covers two of), the MIP its dual bound. `gap` = |bound − objective| ÷ max of the two:
 * 0.004 reads "within 0.4 % of the optimum".
 *
 * Exact: give `options.solver` (the backend's `await loadMipSolver()`, HiGHS as WebAssembly, which
 * reads its .wasm with node:fs and so stays out of shared/). With exact 'auto' (the default) the MIP
 * runs when, after merging, ≤ 300 useful candidates and ≤ 5,000 demand groups remain (p-median
 * and capacitated MCLP, whose models grow with the (site, group) pairs: also ≤ 20,000 pairs), and
 * the heuristic is not already proven optimal; 'always' and 'never' force it. The heuristic's
 * answer starts the MIP; the MIP's answer replaces it when proven optimal or strictly better, and
 * its bound tightens the heuristic's when it stops at its time limit.
 *
 * Capacity (MCLP only, `problem.capacity` per candidate, in people): the MIP assigns optimally; the
 * heuristic assigns greedily by travel time and says so (note 'capacity_heuristic').
 *
 * Deterministic: ties go to the lower candidate index throughout the heuristics, and the bound's
 * work is counted in steps, not time (only the safety time limits — swaps 10 s, bound 5 s, MIP
 * 30 s — can make a run depend on the machine).
 */
export { type Aggregated, aggregateDemand, pick } from './aggregate.ts';
export {
  type CoverageColumns,
  type CoverageSetOptions,
  type CoverageSets,
  roadCoverageSets,
  type SnappedDemand,
  straightLineCoverageSets,
  type StraightLineOptions,
  transpose,
} from './coverage-sets.ts';
export { ReachSearch } from './reach.ts';
export type { MipModel, MipOptions, MipResult, MipSolver } from './mip.ts';
export {
  coveredMask,
  existingSeconds,
  type SitingModel,
  type SitingNote,
  type SitingOptions,
  type SitingProblem,
  type SitingResult,
  solveSiting,
} from './solve.ts';
