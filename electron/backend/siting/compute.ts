/**
 * One siting job, as the worker runs it: travel times from the existing facilities (the access
 * engine), coverage sets of the candidates (one bounded search each, on the plan's roads or in a
 * straight line), then solveSiting — with HiGHS for the exact model unless told not to.
 */
import { DEFAULT_CONNECTOR_KMH, facilitySources, snapPoints, type Direction } from '../../../shared/access/index.ts';
import {
  coveredMask, type CoverageSets, roadCoverageSets, type SitingModel, type SitingResult, solveSiting, straightLineCoverageSets,
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

export async function computeSiting(input: SitingComputeInput, progress: SitingProgress = () => {}): Promise<SitingComputeOutput> {
  const { demand, candidates, thresholdSeconds } = input;
  const n = demand.lon.length;
  progress('existing', 0.05);
  const existing = input.existing.lon.length === 0 ? { minutes: new Float64Array(n).fill(Infinity), offNetwork: 0 } : computeAccess({
    network: input.network, direction: input.direction, dispatchSeconds: input.dispatchSeconds, facilities: input.existing,
    facilityKey: input.existingKey, demand, demandKey: input.demandKey,
  }, (stage) => { if (stage === 'graph' || stage === 'snap') progress(stage, 0.1); });
  const beforeSeconds = existing.minutes.map((m) => m * 60);
  // p-median: every trip up to the cutoff counts (and no point is skipped); covering: up to the threshold, uncovered points only.
  const limit = input.model === 'pmedian' ? thresholdSeconds.map((t) => Math.max(t, input.cutoffSeconds)) : thresholdSeconds;
  const skip = input.model === 'pmedian' ? undefined : coveredMask(beforeSeconds, thresholdSeconds);

  progress('sets', 0.3);
  let sets: CoverageSets, used: Int32Array, lon: Float64Array, lat: Float64Array, offNetwork = 0;
  const road = !!input.network?.data;
  if (input.network?.data) {
    const c = cachedNetwork({ ...input.network, data: input.network.data });
    const snap = snappedDemand(c, input.demandKey, demand.lon, demand.lat);
    offNetwork = snap.offNetwork;
    const cand = snapPoints(c.graph, c.index, candidates.lon, candidates.lat, DEFAULT_CONNECTOR_KMH);
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
    const sources = facilitySources({ node: Int32Array.from(keep, (i) => cand.node[i]!), seconds: Float32Array.from(keep, (i) => cand.seconds[i]!) }, input.dispatchSeconds);
    sets = roadCoverageSets(c.graph, input.direction, sources, snap, limit, { skip });
  } else {
    used = Int32Array.from(candidates.lon, (_, i) => i);
    lon = candidates.lon; lat = candidates.lat;
    sets = straightLineCoverageSets(lon, lat, demand, limit, { skip, startSeconds: new Float64Array(lon.length).fill(input.dispatchSeconds) });
  }

  progress('solve', 0.6);
  const solver = input.exact === 'never' ? undefined : await loadMipSolver();
  const result = solveSiting({
    sets, population: demand.population, thresholdSeconds, existingSeconds: beforeSeconds,
    ...(input.capacity !== null && input.model === 'mclp' ? { capacity: new Float64Array(used.length).fill(input.capacity) } : {}),
  }, { model: input.model, k: input.k, cutoffSeconds: input.cutoffSeconds, exact: input.exact, solver, timeLimitMs: input.timeLimitMs });

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
