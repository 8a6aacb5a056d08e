/**
 * 接入路网: places (facilities, demand points) attached to their nearest road node, with the time
 * to cover the straight line between them at a connector speed (lanes, yards, a walk to the road).
 * Of nodes equally near, the lower node number: snapping does not depend on the tree's layout.
 *
 * Entry points:
 * - `buildNodeIndex(graph)`: a spatial index of the nodes, once per graph. `index.tree.data` is an
 *   ArrayBuffer: send it to a worker and rebuild there with `nodeIndexFrom(data, index.node)`.
 * - `snapPoints(graph, index, lon, lat, connectorKmh, opts?)`: per point, its node and seconds; a
 *   point farther than `maxMetres` (default 5 km) from any node is off the network (node -1).
 */
import KDBush from 'kdbush';
import { connectedNodes, type RoadGraph } from './graph.ts';
import { NearestSearch } from './nearest.ts';

export interface NodeIndex {
  tree: KDBush;
  /** Per item of the tree: its graph node. */
  node: Uint32Array;
}

export interface Snapped {
  /** Per point: the nearest node, -1 when off the network. */
  node: Int32Array;
  /** Per point: seconds from the point to its node at the connector speed (0 when off the network). */
  seconds: Float32Array;
  /** Per point: the straight-line distance to its node in metres (NaN when off the network). */
  metres: Float32Array;
  /** How many points are off the network. */
  offNetwork: number;
}

export interface SnapOptions {
  /** Farther than this from every node, a point is off the network. */
  maxMetres?: number;
}

export const DEFAULT_SNAP_LIMIT_METRES = 5000;

/** Only nodes with an edge are indexed: a point snapped to a node with no road would reach nothing. */
export function buildNodeIndex(g: RoadGraph): NodeIndex {
  const node = connectedNodes(g);
  const tree = new KDBush(node.length, 32);
  for (let i = 0; i < node.length; i++) tree.add(g.lon[node[i]!]!, g.lat[node[i]!]!);
  tree.finish();
  return { tree, node };
}

export const nodeIndexFrom = (data: ArrayBufferLike, node: Uint32Array): NodeIndex => ({ tree: KDBush.from(data), node });

/** `g` is the graph the index was built from (node numbers refer to it). */
export function snapPoints(g: RoadGraph, index: NodeIndex, lon: Float64Array, lat: Float64Array, connectorKmh: number, opts: SnapOptions = {}): Snapped {
  const limit = opts.maxMetres ?? DEFAULT_SNAP_LIMIT_METRES;
  if (!(connectorKmh > 0)) throw new RangeError(`connector speed must be positive, not ${connectorKmh}`);
  if (index.node.length > g.nodeCount) throw new RangeError('the node index belongs to another graph');
  const n = lon.length;
  const node = new Int32Array(n).fill(-1);
  const seconds = new Float32Array(n);
  const metres = new Float32Array(n).fill(NaN);
  const secondsPerMetre = 3.6 / connectorKmh;
  const search = new NearestSearch(index.tree);
  let offNetwork = 0;
  for (let p = 0; p < n; p++) {
    const x = lon[p]!,
      y = lat[p]!;
    const item = !Number.isNaN(x) && !Number.isNaN(y) ? search.find(x, y, limit, index.node) : -1;
    if (item < 0) {
      offNetwork++;
      continue;
    }
    node[p] = index.node[item]!;
    metres[p] = search.metres;
    seconds[p] = search.metres * secondsPerMetre;
  }
  return { node, seconds, metres, offNetwork };
}
