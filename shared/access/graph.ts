/**
 * 路网图: the road network as a compressed graph (CSR) for the shortest-path searches.
 *
 * Entry points: `buildRoadGraph(net, speeds)` by car, once per network and speed table;
 * `buildWalkGraph(net)` on foot (WALK_KMH, no motorways or trunk roads, one-way streets both ways).
 *
 * Nodes are the distinct points of the segments: points with the same coordinates after rounding to
 * 1e-7° (about 1 cm) are one node, so segments that share an end point connect. Each consecutive
 * point pair of a segment is an edge whose time is its great-circle length ÷ the segment's speed.
 * Both the forward graph (from a facility outwards) and the reverse graph (towards a facility) are
 * kept; the reverse one is the forward one turned round (`transposeCsr`: each node's incoming edges
 * by their source node, then in the forward order), so a graph stored with its forward edges only
 * (access/graph-store.ts) turns round to the very same arrays. Everything is typed arrays, so a
 * graph crosses into a worker thread by structured clone.
 */
import { NO_WALK_CLASSES, type RoadNetworkData, UNKNOWN_CLASS_SPEED, WALK_KMH } from './network.ts';

/** Adjacency in compressed rows: node u's edges are `offsets[u] .. offsets[u+1]-1`. */
export interface Csr {
  offsets: Uint32Array;
  targets: Uint32Array;
  /** Travel time of each edge in seconds. */
  seconds: Float32Array;
}

export interface RoadGraph {
  nodeCount: number;
  lon: Float64Array;
  lat: Float64Array;
  /** Edges as driven: u → v. */
  forward: Csr;
  /** The same edges turned round (v → u), for the time *to* a node: transposeCsr(forward). */
  reverse: Csr;
  /** Per point of the network data: its node (NO_NODE for a point without valid coordinates). Empty in a graph read back from the store. */
  pointNode: Uint32Array;
}

export const NO_NODE = 0xffffffff;

/** As `distanceMetres` in geo/crs.ts (haversine, mean Earth radius). */
const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;
const COORD_SCALE = 1e7;

/**
 * The graph of `net` with car speeds (km/h) by road class. A segment's own speed wins over its
 * class's; a class missing from `speeds` drives at UNKNOWN_CLASS_SPEED. A speed that is not
 * positive closes the segment (a planner can take a class out this way). `factor` (the peak hour,
 * conditions.ts): per segment a multiplier of its speed, own or class's; absent: free flow.
 */
export function buildRoadGraph(net: RoadNetworkData, speeds: Readonly<Record<string, number>>, factor?: Float32Array): RoadGraph {
  const { highway, speedKmh } = net;
  const segments = net.offsets.length - 1;
  const kmh = new Float64Array(segments);
  const classSpeed = new Map<string, number>();
  for (let s = 0; s < segments; s++) {
    let v = speedKmh[s]!;
    if (Number.isNaN(v)) {
      // NaN: the class's speed
      const h = highway[s] ?? '';
      let c = classSpeed.get(h);
      if (c === undefined) {
        c = Object.hasOwn(speeds, h) ? Number(speeds[h]) : UNKNOWN_CLASS_SPEED;
        classSpeed.set(h, c);
      }
      v = c;
    }
    kmh[s] = factor ? v * factor[s]! : v;
  }
  return buildGraph(net, kmh, net.oneway);
}

/**
 * The graph of `net` on foot: every segment at `walkKmh` (default WALK_KMH) whatever its car speed,
 * both ways (one-way signs bind vehicles), except the classes in NO_WALK_CLASSES (motorways, trunk
 * roads and their ramps), which are left out. Node numbers are the same as buildRoadGraph's.
 */
export function buildWalkGraph(net: RoadNetworkData, walkKmh: number = WALK_KMH): RoadGraph {
  if (!(walkKmh > 0)) throw new RangeError(`walking speed must be positive, not ${walkKmh}`);
  const segments = net.offsets.length - 1;
  const kmh = new Float64Array(segments);
  for (let s = 0; s < segments; s++) kmh[s] = NO_WALK_CLASSES.has(net.highway[s] ?? '') ? 0 : walkKmh;
  return buildGraph(net, kmh, new Int8Array(segments));
}

/** Per segment its speed (not positive: left out) and its direction (0 both ways, 1 along, -1 against). */
function buildGraph(net: RoadNetworkData, kmhOf: Float64Array, oneway: Int8Array): RoadGraph {
  const { coords, offsets } = net;
  const { pointNode, lon, lat, nodeCount } = mergePoints(coords);
  const cosLat = new Float64Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) cosLat[n] = Math.cos(lat[n]! * RAD);

  const segments = offsets.length - 1;
  let pairs = 0;
  for (let s = 0; s < segments; s++) pairs += Math.max(0, offsets[s + 1]! - offsets[s]! - 1);
  const from = new Uint32Array(2 * pairs);
  const to = new Uint32Array(2 * pairs);
  const secs = new Float32Array(2 * pairs);
  let m = 0;
  for (let s = 0; s < segments; s++) {
    const kmh = kmhOf[s]!;
    if (!(kmh > 0)) continue;
    const secondsPerMetre = 3.6 / kmh;
    const dir = oneway[s]!;
    for (let p = offsets[s]!, end = offsets[s + 1]! - 1; p < end; p++) {
      const a = pointNode[p]!,
        b = pointNode[p + 1]!;
      if (a === b || a === NO_NODE || b === NO_NODE) continue;
      const dLat = (lat[b]! - lat[a]!) * RAD,
        dLon = (lon[b]! - lon[a]!) * RAD;
      const sLat = Math.sin(dLat / 2),
        sLon = Math.sin(dLon / 2);
      const h = sLat * sLat + cosLat[a]! * cosLat[b]! * sLon * sLon;
      const t = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))) * secondsPerMetre;
      if (dir >= 0) {
        from[m] = a;
        to[m] = b;
        secs[m] = t;
        m++;
      }
      if (dir <= 0) {
        from[m] = b;
        to[m] = a;
        secs[m] = t;
        m++;
      }
    }
  }
  const forward = toCsr(nodeCount, m, from, to, secs);
  return { nodeCount, lon, lat, pointNode, forward, reverse: transposeCsr(nodeCount, forward) };
}

/**
 * One node per distinct rounded coordinate, by open addressing on the two rounded integers (no
 * string per point). A node keeps the coordinates of its first point.
 */
function mergePoints(coords: Float64Array): { pointNode: Uint32Array; lon: Float64Array; lat: Float64Array; nodeCount: number } {
  const points = coords.length >> 1;
  let capacity = 16;
  while (capacity < points * 2) capacity *= 2;
  const mask = capacity - 1;
  const slot = new Int32Array(capacity).fill(-1);
  const keyLon = new Int32Array(points),
    keyLat = new Int32Array(points);
  const lon = new Float64Array(points),
    lat = new Float64Array(points);
  const pointNode = new Uint32Array(points);
  let nodes = 0;
  for (let p = 0; p < points; p++) {
    const x = coords[2 * p]!,
      y = coords[2 * p + 1]!;
    if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
      pointNode[p] = NO_NODE;
      continue;
    } // also NaN
    const kx = Math.round(x * COORD_SCALE) | 0,
      ky = Math.round(y * COORD_SCALE) | 0;
    let h = Math.imul(kx, 0x9e3779b1) ^ Math.imul(ky ^ (ky >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    h = (h ^ (h >>> 13)) & mask;
    let n: number;
    while ((n = slot[h]!) !== -1 && (keyLon[n] !== kx || keyLat[n] !== ky)) h = (h + 1) & mask;
    if (n === -1) {
      n = nodes++;
      slot[h] = n;
      keyLon[n] = kx;
      keyLat[n] = ky;
      lon[n] = x;
      lat[n] = y;
    }
    pointNode[p] = n;
  }
  return { pointNode, lon: lon.slice(0, nodes), lat: lat.slice(0, nodes), nodeCount: nodes };
}

/** Counting sort of the first `m` edges by their `from` node (stable: edges keep their order). */
function toCsr(nodeCount: number, m: number, from: Uint32Array, to: Uint32Array, secs: Float32Array): Csr {
  const offsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) offsets[from[e]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(m),
    seconds = new Float32Array(m);
  for (let e = 0; e < m; e++) {
    const at = fill[from[e]!]!++;
    targets[at] = to[e]!;
    seconds[at] = secs[e]!;
  }
  return { offsets, targets, seconds };
}

/**
 * The edges turned round: node v's edges are those u → v of `c`, by u ascending, then in c's order
 * (a counting sort over c's rows: the same arrays whenever c is the same).
 */
export function transposeCsr(nodeCount: number, c: Csr): Csr {
  const { offsets: rows, targets: to, seconds: secs } = c;
  const m = to.length;
  const offsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) offsets[to[e]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(m),
    seconds = new Float32Array(m);
  for (let u = 0; u < nodeCount; u++)
    for (let e = rows[u]!, end = rows[u + 1]!; e < end; e++) {
      const at = fill[to[e]!]!++;
      targets[at] = u;
      seconds[at] = secs[e]!;
    }
  return { offsets, targets, seconds };
}

/** Nodes with at least one edge in or out: the ones a point can usefully be snapped to. */
export function connectedNodes(g: RoadGraph): Uint32Array {
  const f = g.forward.offsets,
    r = g.reverse.offsets;
  let count = 0;
  for (let n = 0; n < g.nodeCount; n++) if (f[n + 1] !== f[n] || r[n + 1] !== r[n]) count++;
  const out = new Uint32Array(count);
  for (let n = 0, k = 0; n < g.nodeCount; n++) if (f[n + 1] !== f[n] || r[n + 1] !== r[n]) out[k++] = n;
  return out;
}
