/**
 * 最近机构: multi-source Dijkstra — for every node of the road graph, the time to (or from) the
 * nearest facility and which facility that is.
 *
 * Entry points:
 * - `nearestFacility(graph, direction, sources, opts?)`: one full search, fresh output arrays.
 * - `NearestFacilityField` (field.ts): the same with reusable buffers and incremental move/add/remove.
 *
 * Direction: 'from_facility' searches the forward graph (an ambulance leaving its station);
 * 'to_facility' the reverse graph (a resident going to the nearest centre), so a one-way street
 * counts the right way round in both.
 *
 * A node's label is (seconds, facility) compared in that order: of two facilities equally near,
 * the lower index wins, whatever order the search meets them in. Labels are only ever lowered, so
 * the same code settles a full search and the bounded re-searches of an incremental update.
 */
import type { Csr, RoadGraph } from './graph.ts';
import { NodeHeap } from './heap.ts';

export type Direction = 'from_facility' | 'to_facility';

/** Per facility (its index is the facility index): where it enters the graph and at what time. */
export interface FacilitySources {
  /** Its snapped node; -1 when off the network (it reaches nothing). */
  node: Int32Array;
  /** Seconds already spent at that node: the connector time plus any dispatch delay. */
  startSeconds: Float64Array;
}

/** Per node. */
export interface NearestFacility {
  /** Seconds to/from the nearest facility; Infinity when none is reached (or beyond maxSeconds). */
  seconds: Float64Array;
  /** That facility's index; -1 when none. */
  facility: Int32Array;
}

export interface SearchOptions {
  /** Stop at this many seconds: nodes farther away are left unreached. */
  maxSeconds?: number;
}

export const searchCsr = (g: RoadGraph, d: Direction): Csr => (d === 'from_facility' ? g.forward : g.reverse);

/** One full search into fresh arrays. For repeated runs use NearestFacilityField. */
export function nearestFacility(g: RoadGraph, direction: Direction, sources: FacilitySources, opts: SearchOptions = {}): NearestFacility {
  const seconds = new Float64Array(g.nodeCount).fill(Infinity);
  const facility = new Int32Array(g.nodeCount).fill(-1);
  const heap = new NodeHeap(seconds, facility);
  const max = opts.maxSeconds ?? Infinity;
  for (let f = 0; f < sources.node.length; f++) offer(sources.node[f]!, sources.startSeconds[f]!, f, seconds, facility, heap, max);
  settle(searchCsr(g, direction), seconds, facility, heap, max);
  return { seconds, facility };
}

/** Gives node n the label (s, f) if that is lower than its own, and queues it. */
export function offer(n: number, s: number, f: number, seconds: Float64Array, facility: Int32Array, heap: NodeHeap, maxSeconds: number): void {
  if (n < 0 || !(s <= maxSeconds)) return;
  const own = seconds[n]!;
  if (s < own || (s === own && f < facility[n]!)) {
    seconds[n] = s;
    facility[n] = f;
    heap.push(n);
  }
}

/**
 * Runs the queue dry: each node taken out passes its label along its edges to the nodes it
 * improves. Starting from labels that are all reachable and with every node whose label could
 * still fall queued, the result is the exact nearest-facility labelling.
 */
export function settle(csr: Csr, seconds: Float64Array, facility: Int32Array, heap: NodeHeap, maxSeconds: number): void {
  const { offsets, targets } = csr;
  const edgeSeconds = csr.seconds;
  while (heap.size > 0) {
    const u = heap.pop();
    const su = heap.poppedSeconds,
      fu = heap.poppedFacility;
    for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
      const s = su + edgeSeconds[e]!;
      if (s > maxSeconds) continue;
      const v = targets[e]!;
      const sv = seconds[v]!;
      if (s < sv || (s === sv && fu < facility[v]!)) {
        seconds[v] = s;
        facility[v] = fu;
        heap.push(v);
      }
    }
  }
}

/** Snapped facilities as sources: each starts after its connector time plus its dispatch delay (seconds). */
export function facilitySources(snapped: { node: Int32Array; seconds: Float32Array }, dispatchSeconds?: Float64Array | number): FacilitySources {
  const n = snapped.node.length;
  const startSeconds = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    const delay = typeof dispatchSeconds === 'number' ? dispatchSeconds : (dispatchSeconds?.[f] ?? 0);
    startSeconds[f] = snapped.seconds[f]! + delay;
  }
  return { node: Int32Array.from(snapped.node), startSeconds };
}
