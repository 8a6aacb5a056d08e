/**
 * The worker's road graphs, kept between jobs (access and siting alike) while the plan's network and
 * speeds are the same (`key`), with the last demand points snapped to each. By car and on foot the
 * graphs differ (walking: no motorways or trunk roads, both ways, 4.8 km/h), so the walking graph is
 * kept apart under `key|walk`; the two most recently used graphs stay (a mixed-mode run needs both).
 */
import {
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

export const graphKey = (networkKey: string, mode: TravelMode) => (mode === 'walk' ? `${networkKey}|walk` : networkKey);

/** The graph of `net` for the mode (default by car), built on first use; `onBuild` is told before a build (a progress stage). */
export function cachedNetwork(net: NetworkInput & { data: RoadNetworkData }, onBuild: () => void = () => {}, mode: TravelMode = 'drive'): CachedNetwork {
  const key = graphKey(net.key, mode);
  const at = cache.findIndex((c) => c.key === key);
  let c: CachedNetwork;
  if (at >= 0) c = cache.splice(at, 1)[0]!;
  else {
    const connectorKmh = mode === 'walk' ? WALK_KMH : DEFAULT_CONNECTOR_KMH;
    // Stored beside the plan (a bad or old file reads as none), else built from the segments and stored.
    const storeKey = net.store && `${net.store.key}|${mode}`;
    const file = net.store && graphStoreFile(net.store.planPath, storeKey!);
    const stored = file ? readGraphStore(file, storeKey!) : null;
    if (stored) {
      graphStats.reads++;
      c = { key, mode, ...stored, connectorKmh };
    } else {
      if (net.omitted) throw new Error(NEED_NETWORK_DATA);
      onBuild();
      graphStats.builds++;
      const graph = mode === 'walk' ? buildWalkGraph(net.data) : buildRoadGraph(net.data, net.speeds);
      c = { key, mode, graph, index: buildNodeIndex(graph), connectorKmh };
      if (file) writeGraphStore(file, storeKey!, c.graph, c.index);
    }
  }
  cache.unshift(c);
  cache.length = Math.min(cache.length, KEEP);
  return c;
}

/** Demand points snapped to the graph (at its connector speed), reused while `demandKey` is the same. */
export function snappedDemand(c: CachedNetwork, demandKey: string, lon: Float64Array, lat: Float64Array): Snapped {
  if (c.demandKey !== demandKey || !c.demand) {
    c.demand = snapPoints(c.graph, c.index, lon, lat, c.connectorKmh);
    c.demandKey = demandKey;
  }
  return c.demand;
}
