/**
 * The worker's road graph, kept between jobs (access and siting alike) while the plan's network and
 * speeds are the same (`key`), with the last demand points snapped to it.
 */
import {
  buildNodeIndex, buildRoadGraph, DEFAULT_CONNECTOR_KMH, snapPoints, type NodeIndex, type RoadGraph, type RoadNetworkData, type Snapped,
} from '../../../shared/access/index.ts';

/** A plan's road network as the main thread sends it: the data only when the key is new to the worker. */
export interface NetworkInput { key: string; data: RoadNetworkData | null; speeds: Record<string, number> }

export interface CachedNetwork { key: string; graph: RoadGraph; index: NodeIndex; demandKey?: string; demand?: Snapped }
let cache: CachedNetwork | null = null;

/** The graph of `net`, built on first use; `onBuild` is told before a build (a progress stage). */
export function cachedNetwork(net: NetworkInput & { data: RoadNetworkData }, onBuild: () => void = () => {}): CachedNetwork {
  if (cache?.key !== net.key) {
    onBuild();
    const graph = buildRoadGraph(net.data, net.speeds);
    cache = { key: net.key, graph, index: buildNodeIndex(graph) };
  }
  return cache;
}

/** Demand points snapped to the graph, reused while `demandKey` is the same. */
export function snappedDemand(c: CachedNetwork, demandKey: string, lon: Float64Array, lat: Float64Array): Snapped {
  if (c.demandKey !== demandKey || !c.demand) {
    c.demand = snapPoints(c.graph, c.index, lon, lat, DEFAULT_CONNECTOR_KMH);
    c.demandKey = demandKey;
  }
  return c.demand;
}
