/**
 * One siting job, as the worker runs it: travel times from the existing facilities (the access
 * engine), coverage sets of the candidates (one bounded search each, on the plan's roads or in a
 * straight line), then solveSiting — with HiGHS for the exact model unless told not to.
 *
 * Travel modes: by car or on foot per urban/rural point. With both in one run, the coverage sets
 * are found per mode over that mode's points (the walking graph for the walkers) and joined per
 * candidate; generated sites stand on the car graph's nodes then, and join the walking graph by
 * the nearest walkable node at walking speed.
 */
import { DRIVE, facilitySources, modeOf, modesUsed, snapPoints, travelFallback, type Direction, type TravelModes } from '../../../shared/access/index.ts';
import {
  coveredMask,
  type CoverageSets,
  roadCoverageSets,
  type SitingModel,
  type SitingResult,
  solveSiting,
  straightLineCoverageSets,
} from '../../../shared/siting/index.ts';
import { computeAccess } from '../access/compute.ts';
import { cachedNetwork, type NetworkInput, snappedDemand } from '../worker/network-cache.ts';
import { loadMipSolver } from './exact.ts';

export interface SitingComputeInput {
  network: NetworkInput | null;
  direction: Direction;
  dispatchSeconds: number;
  demand: { lon: Float64Array; lat: Float64Array; urban: Uint8Array; population: Float64Array };
  demandKey: string;
  /** By car or on foot, per urban/rural point (default by car everywhere); no dispatch on foot. */
  travel?: TravelModes;
  /** Per demand point: covered within this many seconds (urban or rural threshold). */
  thresholdSeconds: Float64Array;
  existing: { lon: Float64Array; lat: Float64Array };
  existingKey: string;
  /** onNode 1: a generated site — moved onto its road node, and one site per node. */
  candidates: { lon: Float64Array; lat: Float64Array; onNode: Uint8Array };
  /** People a new site can serve (MCLP), or null. */
  capacity: number | null;
  model: SitingModel;
  k: number;
  cutoffSeconds: number;
  exact: 'auto' | 'always' | 'never';
  timeLimitMs: number;
}

export interface SitingComputeOutput {
  result: SitingResult;
  /** The candidates solved over (indices into the input list): those off the network and the second on a node are left out; `result.chosen` indexes this. */
  used: Int32Array;
  /** Where each used candidate stands (a generated one on its road node). */
  lon: Float64Array;
  lat: Float64Array;
  /** Per demand point: seconds to/from the nearest existing facility, and with the chosen sites added (Infinity: none within reach). */
  beforeSeconds: Float64Array;
  afterSeconds: Float64Array;
  model: 'road' | 'straight_line';
  offNetwork: number;
}

export type SitingProgress = (stage: 'graph' | 'snap' | 'existing' | 'sets' | 'solve' | 'done', share: number) => void;

/** What the solver is given: the coverage sets over the candidates used, and each point's time to the existing facilities. */
export interface SitingSets {
  sets: CoverageSets;
  used: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  beforeSeconds: Float64Array;
  road: boolean;
  offNetwork: number;
}

export async function computeSiting(input: SitingComputeInput, progress: SitingProgress = () => {}): Promise<SitingComputeOutput> {
  const { demand, thresholdSeconds } = input;
  const { sets, used, lon, lat, beforeSeconds, road, offNetwork } = sitingSets(input, progress);

  progress('solve', 0.6);
  const solver = input.exact === 'never' ? undefined : await loadMipSolver();
  const result = solveSiting(
    {
      sets,
      population: demand.population,
      thresholdSeconds,
      existingSeconds: beforeSeconds,
      ...(input.capacity !== null && input.model === 'mclp' ? { capacity: new Float64Array(used.length).fill(input.capacity) } : {}),
    },
    { model: input.model, k: input.k, cutoffSeconds: input.cutoffSeconds, exact: input.exact, solver, timeLimitMs: input.timeLimitMs },
  );

  // With the chosen sites: each point's time is the nearer of its existing facility and the chosen sites' pairs.
  const afterSeconds = beforeSeconds.slice();
  for (const c of result.chosen) {
    for (let p = sets.offsets[c]!; p < sets.offsets[c + 1]!; p++) {
      const d = sets.demand[p]!;
      if (sets.seconds[p]! < afterSeconds[d]!) afterSeconds[d] = sets.seconds[p]!;
    }
  }
  progress('done', 1);
  return { result, used, lon, lat, beforeSeconds, afterSeconds, model: road ? 'road' : 'straight_line', offNetwork: road ? offNetwork : 0 };
}

/**
 * The existing facilities' times and the candidates' coverage sets, as computeSiting gives them to
 * the solver (exported so the province bench can hand the very same sets to another solver).
 */
export function sitingSets(input: SitingComputeInput, progress: SitingProgress = () => {}): SitingSets {
  const { demand, candidates, thresholdSeconds } = input;
  const n = demand.lon.length;
  progress('existing', 0.05);
  const travel = input.travel ?? DRIVE;
  const modes = modesUsed(travel, demand.urban);
  const existing =
    input.existing.lon.length === 0
      ? { minutes: new Float64Array(n).fill(Infinity), offNetwork: 0 }
      : computeAccess(
          {
            network: input.network,
            direction: input.direction,
            dispatchSeconds: input.dispatchSeconds,
            facilities: input.existing,
            facilityKey: input.existingKey,
            demand,
            demandKey: input.demandKey,
            travel,
          },
          (stage) => {
            if (stage === 'graph' || stage === 'snap') progress(stage, 0.1);
          },
        );
  const beforeSeconds = existing.minutes.map((m) => m * 60);
  // p-median: every trip up to the cutoff counts (and no point is skipped); covering: up to the threshold, uncovered points only.
  const limit = input.model === 'pmedian' ? thresholdSeconds.map((t) => Math.max(t, input.cutoffSeconds)) : thresholdSeconds;
  const skip = input.model === 'pmedian' ? undefined : coveredMask(beforeSeconds, thresholdSeconds);

  progress('sets', 0.3);
  // One mode's sets: that mode's points only (the others skipped), or all points with one mode.
  const skipFor = (mode: string): Uint8Array | undefined => {
    if (modes.length === 1) return skip;
    const out = new Uint8Array(n);
    for (let d = 0; d < n; d++) out[d] = skip?.[d] || modeOf(travel, demand.urban[d]!) !== mode ? 1 : 0;
    return out;
  };
  const dispatchOf = (mode: string) => (mode === 'walk' ? 0 : input.dispatchSeconds);
  let sets: CoverageSets,
    used: Int32Array,
    lon: Float64Array,
    lat: Float64Array,
    offNetwork = 0;
  const road = !!input.network?.data;
  if (input.network?.data) {
    const net = { ...input.network, data: input.network.data };
    // Sites stand on the graph of the first mode (by car when any point drives).
    const c = cachedNetwork(net, () => {}, modes[0]);
    const cand = snapPoints(c.graph, c.index, candidates.lon, candidates.lat, c.connectorKmh);
    const keep: number[] = [];
    const taken = new Set<number>();
    for (let i = 0; i < cand.node.length; i++) {
      const node = cand.node[i]!;
      if (node < 0) continue; // off the network: it reaches nothing
      if (candidates.onNode[i]) {
        if (taken.has(node)) continue;
        taken.add(node);
        cand.seconds[i] = 0;
      }
      keep.push(i);
    }
    used = Int32Array.from(keep);
    lon = Float64Array.from(keep, (i) => (candidates.onNode[i] ? c.graph.lon[cand.node[i]!]! : candidates.lon[i]!));
    lat = Float64Array.from(keep, (i) => (candidates.onNode[i] ? c.graph.lat[cand.node[i]!]! : candidates.lat[i]!));
    const parts = modes.map((mode, k) => {
      const g = k === 0 ? c : cachedNetwork(net, () => {}, mode);
      const snap = snappedDemand(g, input.demandKey, demand.lon, demand.lat);
      for (let d = 0; d < n; d++) if (snap.node[d]! < 0 && (modes.length === 1 || modeOf(travel, demand.urban[d]!) === mode)) offNetwork++;
      // The sites as placed; on another mode's graph, snapped to it at its connector speed.
      const at =
        k === 0
          ? { node: Int32Array.from(keep, (i) => cand.node[i]!), seconds: Float32Array.from(keep, (i) => cand.seconds[i]!) }
          : snapPoints(g.graph, g.index, lon, lat, g.connectorKmh);
      return roadCoverageSets(g.graph, input.direction, facilitySources(at, dispatchOf(mode)), snap, limit, { skip: skipFor(mode) });
    });
    sets = joinSets(parts);
  } else {
    used = Int32Array.from(candidates.lon, (_, i) => i);
    lon = candidates.lon;
    lat = candidates.lat;
    const model = travelFallback(travel);
    sets = joinSets(
      modes.map((mode) =>
        straightLineCoverageSets(lon, lat, demand, limit, { skip: skipFor(mode), model, startSeconds: new Float64Array(lon.length).fill(dispatchOf(mode)) }),
      ),
    );
  }

  return { sets, used, lon, lat, beforeSeconds, road, offNetwork };
}

/** The pairs of sets over the same candidates and demand points, joined per candidate (one set: itself). */
function joinSets(parts: CoverageSets[]): CoverageSets {
  if (parts.length === 1) return parts[0]!;
  const { candidateCount: m, demandCount } = parts[0]!;
  let total = 0;
  for (const p of parts) total += p.demand.length;
  const offsets = new Uint32Array(m + 1),
    demand = new Uint32Array(total),
    seconds = new Float64Array(total);
  let at = 0;
  for (let c = 0; c < m; c++) {
    offsets[c] = at;
    for (const p of parts) {
      const from = p.offsets[c]!,
        to = p.offsets[c + 1]!;
      demand.set(p.demand.subarray(from, to), at);
      seconds.set(p.seconds.subarray(from, to), at);
      at += to - from;
    }
  }
  offsets[m] = at;
  return { candidateCount: m, demandCount, offsets, demand, seconds };
}
