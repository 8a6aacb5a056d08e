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

/** A plan's road network as the main thread sends it: the data only when the key is new to the worker. */
export interface NetworkInput {
  key: string;
  data: RoadNetworkData | null;
  speeds: Record<string, number>;
}

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
    onBuild();
    const graph = mode === 'walk' ? buildWalkGraph(net.data) : buildRoadGraph(net.data, net.speeds);
    c = { key, mode, graph, index: buildNodeIndex(graph), connectorKmh: mode === 'walk' ? WALK_KMH : DEFAULT_CONNECTOR_KMH };
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
