/**
 * NearestFacilityField: the nearest-facility labelling of a road graph for one set of facilities,
 * kept up to date as a planner moves, adds or removes one of them — without a full re-run.
 *
 * Entry points: `new NearestFacilityField(graph, direction, opts)`, then `run(sources)` once, then
 * `move(f, node, startSeconds)` / `add(node, startSeconds)` / `remove(f)`; read `seconds` and
 * `facility` (per node; the same arrays every time, so a caller may hold on to them).
 *
 * A change to facility f: (a) the nodes whose nearest was f lose their label and take the best one
 * their still-labelled neighbours (or a facility standing on them) offer; (b) f's new place is
 * offered as a source; then one search spreads only what improves a label. The result is exactly
 * the full run's, ties included: both reach the one labelling in which every node holds the lowest
 * (seconds, facility) over all paths.
 */
import { type Direction, type FacilitySources, type NearestFacility, offer, searchCsr, type SearchOptions, settle } from './dijkstra.ts';
import type { Csr, RoadGraph } from './graph.ts';
import { NodeHeap } from './heap.ts';

export class NearestFacilityField implements NearestFacility {
  readonly seconds: Float64Array;
  readonly facility: Int32Array;
  readonly direction: Direction;
  private readonly csr: Csr;
  private readonly graph: RoadGraph;
  private readonly heap: NodeHeap;
  private readonly maxSeconds: number;
  private readonly lost: Uint32Array;
  private node = new Int32Array(16);
  private start = new Float64Array(16);
  private count = 0;

  constructor(graph: RoadGraph, direction: Direction, opts: SearchOptions = {}) {
    this.direction = direction;
    this.graph = graph;
    this.csr = searchCsr(graph, direction);
    this.seconds = new Float64Array(graph.nodeCount).fill(Infinity);
    this.facility = new Int32Array(graph.nodeCount).fill(-1);
    this.heap = new NodeHeap(this.seconds, this.facility);
    this.lost = new Uint32Array(graph.nodeCount);
    this.maxSeconds = opts.maxSeconds ?? Infinity;
  }

  get facilityCount(): number {
    return this.count;
  }

  /** The facilities as they stand (views on the field's own arrays: copy before keeping). */
  sources(): FacilitySources {
    return { node: this.node.subarray(0, this.count), startSeconds: this.start.subarray(0, this.count) };
  }

  /** A full search for these facilities, replacing any before. */
  run(sources: FacilitySources): void {
    const n = sources.node.length;
    for (let f = 0; f < n; f++) this.checkNode(sources.node[f]!);
    this.reserve(n);
    this.node.set(sources.node);
    this.start.set(sources.startSeconds.subarray(0, n));
    this.count = n;
    this.seconds.fill(Infinity);
    this.facility.fill(-1);
    this.heap.clear();
    for (let f = 0; f < n; f++) this.offerSource(f);
    settle(this.csr, this.seconds, this.facility, this.heap, this.maxSeconds);
  }

  /** Facility f now enters the graph at `node` (-1: off the network) after `startSeconds`. */
  move(f: number, node: number, startSeconds: number): void {
    this.check(f);
    this.checkNode(node);
    this.release(f);
    this.node[f] = node;
    this.start[f] = startSeconds;
    this.offerSource(f);
    settle(this.csr, this.seconds, this.facility, this.heap, this.maxSeconds);
  }

  /** Takes facility f out; its index stays (it reaches nothing until moved back onto the graph). */
  remove(f: number): void {
    this.move(f, -1, 0);
  }

  /** A new facility; returns its index (the next one). */
  add(node: number, startSeconds: number): number {
    this.checkNode(node);
    const f = this.count;
    this.reserve(f + 1);
    this.count = f + 1;
    this.node[f] = node;
    this.start[f] = startSeconds;
    this.offerSource(f);
    settle(this.csr, this.seconds, this.facility, this.heap, this.maxSeconds);
    return f;
  }

  /** Unlabels the nodes served by f and queues each with the best label its neighbours offer. */
  private release(f: number): void {
    const { seconds, facility, lost, heap, maxSeconds } = this;
    let lostCount = 0;
    for (let n = 0; n < facility.length; n++) {
      if (facility[n] !== f) continue;
      seconds[n] = Infinity;
      facility[n] = -1;
      lost[lostCount++] = n;
    }
    this.node[f] = -1;
    // Edges into each node of the search direction: where a node that lost its label looks for a new one
    // (asked for here, not at construction: a graph read from the store turns its reverse edges round on first use).
    const incoming = searchCsr(this.graph, this.direction === 'from_facility' ? 'to_facility' : 'from_facility');
    const { offsets, targets } = incoming;
    const edgeSeconds = incoming.seconds;
    for (let i = 0; i < lostCount; i++) {
      const v = lost[i]!;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const u = targets[e]!;
        const fu = facility[u]!;
        if (fu >= 0) offer(v, seconds[u]! + edgeSeconds[e]!, fu, seconds, facility, heap, maxSeconds);
      }
    }
    // Another facility standing on a node f served (a shared address) takes it back.
    for (let g = 0; g < this.count; g++) this.offerSource(g);
  }

  private offerSource(f: number): void {
    offer(this.node[f]!, this.start[f]!, f, this.seconds, this.facility, this.heap, this.maxSeconds);
  }

  private check(f: number): void {
    if (!(f >= 0 && f < this.count && Number.isInteger(f))) throw new RangeError(`no facility ${f} (there are ${this.count})`);
  }

  private checkNode(n: number): void {
    if (!(n >= -1 && n < this.seconds.length && Number.isInteger(n))) throw new RangeError(`no node ${n} (there are ${this.seconds.length})`);
  }

  private reserve(n: number): void {
    if (n <= this.node.length) return;
    const size = Math.max(n, this.node.length * 2);
    const node = new Int32Array(size),
      start = new Float64Array(size);
    node.set(this.node);
    start.set(this.start);
    this.node = node;
    this.start = start;
  }
}
