/**
 * The worker's road graphs, kept between jobs (access and siting alike) while the plan's network and
 * speeds are the same (`key`), with the last demand points snapped to each. By car and on foot the
 * graphs differ (walking: no motorways or trunk roads, both ways, 4.8 km/h), so the walking graph is
 * kept apart under `key|walk`; the two most recently used graphs stay (a mixed-mode run needs both).
 * At the peak hour (通行条件 高峰, shared/access/conditions.ts) the car graph is another one, kept under
 * `key|peak:<factors and places>`: each segment's speed × its class's urban or rural factor. Free flow
 * keeps the key and graph it always had; on foot the peak changes nothing (the walking graph is shared).
 */
import {
  type PeakFactors,
  peakSegmentFactors,
  segmentUrban,
  type UrbanPlaces,
  buildNodeIndex,
  buildRoadGraph,
  buildWalkGraph,
  DEFAULT_CONNECTOR_KMH,
  snapPoints,
  WALK_KMH,
  type NodeIndex,
  type RoadGraph,
  type RoadNetworkData,
  type Snapped,
  type TravelMode,
} from '../../../shared/access/index.ts';
import { graphStoreFile, readGraphStore, writeGraphStore } from '../access/graph-store.ts';

/** A plan's road network as the main thread sends it: the data only when the key is new to the worker. */
export interface NetworkInput {
  key: string;
  data: RoadNetworkData | null;
  speeds: Record<string, number>;
  /** The graph store beside the plan (access/graph-store.ts): the plan's path and the network's key there (without the mode). */
  store?: { planPath: string; key: string };
  /**
   * The segments were not loaded (the graph is stored): `data` is an empty network standing in. A
   * worker that needs them after all fails the job with NEED_NETWORK_DATA and the runner sends them.
   */
  omitted?: boolean;
  /**
   * The peak hour (absent: free flow): the factors, the places that class segments urban or rural
   * (conditions.ts) and their key (`peakFactorsKey|placesKey`), which names the peak graph.
   */
  peak?: { factors: PeakFactors; places: UrbanPlaces; key: string };
  /** On the main thread only (a symbol: not sent): loads the segments when the worker asks for them. */
  [LOAD_NETWORK]?: () => RoadNetworkData;
}
export const LOAD_NETWORK = Symbol('load the road network');
/** A job failed for want of the segments (the stored graph was missing or not sound): the runner sends them and runs it again. */
export const NEED_NETWORK_DATA = 'NEED_NETWORK_DATA';

/** Graphs built and read from the store in this thread (tests count them). */
export const graphStats = { builds: 0, reads: 0 };
/** Forgets the graphs kept in memory (tests: as a new process would start). */
export const forgetNetworks = () => {
  cache.length = 0;
};

export interface CachedNetwork {
  key: string;
  mode: TravelMode;
  graph: RoadGraph;
  index: NodeIndex;
  /** From a place off the road to its node: DEFAULT_CONNECTOR_KMH by car, WALK_KMH on foot. */
  connectorKmh: number;
  demandKey?: string;
  demand?: Snapped;
}
/** Most recently used first. */
const cache: CachedNetwork[] = [];
const KEEP = 2;

/** The graph's key in the worker: the network's, `|peak:…` for the car at the peak hour, `|walk` on foot. */
export const graphKey = (networkKey: string, mode: TravelMode, peakKey?: string) =>
  mode === 'walk' ? `${networkKey}|walk` : peakKey ? `${networkKey}|peak:${peakKey}` : networkKey;

/** The graph of `net` for the mode (default by car), built on first use; `onBuild` is told before a build (a progress stage). */
export function cachedNetwork(net: NetworkInput & { data: RoadNetworkData }, onBuild: () => void = () => {}, mode: TravelMode = 'drive'): CachedNetwork {
  // Traffic slows cars, not walkers: on foot the peak uses the one walking graph.
  const peak = mode === 'drive' ? net.peak : undefined;
  const key = graphKey(net.key, mode, peak?.key);
  const at = cache.findIndex((c) => c.key === key);
  let c: CachedNetwork;
  if (at >= 0) c = cache.splice(at, 1)[0]!;
  else {
    const connectorKmh = mode === 'walk' ? WALK_KMH : DEFAULT_CONNECTOR_KMH;
    // Stored beside the plan (a bad or old file reads as none), else built from the segments and stored.
    const storeKey = net.store && storeKeyOf(net.store.key, mode, peak?.key);
    const file = net.store && graphStoreFile(net.store.planPath, storeKey!);
    const stored = file ? readGraphStore(file, storeKey!) : null;
    if (stored) {
      graphStats.reads++;
      c = { key, mode, ...stored, connectorKmh };
    } else {
      if (net.omitted) throw new Error(NEED_NETWORK_DATA);
      onBuild();
      graphStats.builds++;
      const graph =
        mode === 'walk'
          ? buildWalkGraph(net.data)
          : buildRoadGraph(net.data, net.speeds, peak ? peakSegmentFactors(net.data, peak.factors, segmentUrban(net.data, peak.places)) : undefined);
      c = { key, mode, graph, index: buildNodeIndex(graph), connectorKmh };
      if (file) writeGraphStore(file, storeKey!, c.graph, c.index);
    }
  }
  cache.unshift(c);
  cache.length = Math.min(cache.length, KEEP);
  return c;
}

/** The graph store's key (graph-store.ts) for a network key there, a mode and the peak (absent: free flow, the key as before). */
export const storeKeyOf = (networkKey: string, mode: TravelMode, peakKey?: string) =>
  peakKey && mode === 'drive' ? `${networkKey}|peak:${peakKey}|drive` : `${networkKey}|${mode}`;

/** Demand points snapped to the graph (at its connector speed), reused while `demandKey` is the same. */
export function snappedDemand(c: CachedNetwork, demandKey: string, lon: Float64Array, lat: Float64Array): Snapped {
  if (c.demandKey !== demandKey || !c.demand) {
    c.demand = snapPoints(c.graph, c.index, lon, lat, c.connectorKmh);
    c.demandKey = demandKey;
  }
  return c.demand;
}
