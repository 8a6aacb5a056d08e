/**
 * 覆盖集: for each candidate site, the demand points it reaches within each point's own limit (its
 * urban or rural threshold for covering, or a cutoff for p-median) and the travel seconds — a
 * sparse matrix in compressed rows, candidate → [demand index, seconds].
 *
 * Entry points:
 * - `roadCoverageSets(graph, direction, candidates, demand, limitSeconds, opts?)`: one bounded
 *   shortest-path search per candidate (reach.ts), from it on the forward graph ('from_facility',
 *   an ambulance) or to it on the reverse graph ('to_facility', a resident), on buffers reused
 *   from one candidate to the next. One search backwards from the demand points first tells each
 *   node how late an arrival there can still reach a point in time; the candidates' searches stop
 *   beyond that, so leaving out points (`skip`) also saves searching towards them.
 * - `straightLineCoverageSets(lon, lat, demand, limitSeconds, opts?)`: the same without roads,
 *   straight line × detour ÷ the point's speed (straightLineTravel's maths).
 * - `transpose(sets)`: demand → [candidate, seconds], candidates ascending in each column.
 *
 * A trip's time is the candidate's start seconds (its connector, plus any dispatch delay) + the
 * node-to-node time + the demand point's connector, as demandTravel adds them.
 */
import KDBush from 'kdbush';
import { type Direction, type FacilitySources, nearestFacility, searchCsr } from '../access/dijkstra.ts';
import type { RoadGraph } from '../access/graph.ts';
import { DEFAULT_FALLBACK, type FallbackModel } from '../access/network.ts';
import { ReachSearch } from './reach.ts';

export interface CoverageSets {
  candidateCount: number;
  demandCount: number;
  /** Candidate c's pairs are `offsets[c] .. offsets[c+1]-1`. */
  offsets: Uint32Array;
  /** Per pair: the demand point reached. */
  demand: Uint32Array;
  /** Per pair: travel seconds, at most that point's limit. */
  seconds: Float64Array;
}

/** Demand → candidates: column d is `offsets[d] .. offsets[d+1]-1` of `candidate`/`seconds`. */
export interface CoverageColumns {
  offsets: Uint32Array;
  candidate: Uint32Array;
  seconds: Float64Array;
}

/** Demand points on the road graph (a `Snapped` fits): node -1 is off the network and reached by none. */
export interface SnappedDemand {
  node: Int32Array;
  /** Connector seconds between the point and its node. */
  seconds: Float32Array | Float64Array;
}

/** Seconds of slack on the need: it and the search's times are float sums taken in different orders. */
const NEED_SLACK = 1e-6;

const limitOf = (limit: Float64Array | number, d: number) => (typeof limit === 'number' ? limit : limit[d]!);

export interface CoverageSetOptions {
  /**
   * Per demand point: 1 leaves it out of the sets. For MCLP and LSCP, the points an existing
   * facility already covers can be left out (nothing is gained there): fewer pairs, same answer.
   * Not for p-median, where every point's time counts.
   */
  skip?: Uint8Array;
}

export function roadCoverageSets(
  graph: RoadGraph,
  direction: Direction,
  candidates: FacilitySources,
  demand: SnappedDemand,
  limitSeconds: Float64Array | number,
  opts: CoverageSetOptions = {},
): CoverageSets {
  const n = demand.node.length,
    nodes = graph.nodeCount;
  if (typeof limitSeconds !== 'number' && limitSeconds.length !== n) throw new RangeError('one limit per demand point');
  const skip = opts.skip;
  // Demand points bucketed by node, each with its connector seconds and its limit, and the
  // farthest any node needs to be searched.
  const atStart = new Uint32Array(nodes + 1);
  let reach = -Infinity;
  for (let d = 0; d < n; d++) {
    const k = demand.node[d]!;
    if (k < 0 || skip?.[d]) continue;
    if (k >= nodes) throw new RangeError(`demand point ${d} is on node ${k}, beyond the graph's ${nodes}`);
    atStart[k + 1]!++;
    reach = Math.max(reach, limitOf(limitSeconds, d) - demand.seconds[d]!);
  }
  if (reach === Infinity) throw new RangeError('coverage limits must be finite seconds');
  for (let k = 0; k < nodes; k++) atStart[k + 1]! += atStart[k]!;
  const placed = atStart[nodes]!;
  // (connector, limit) interleaved per slot: one cache line to read where separate arrays took two.
  const atPoint = new Uint32Array(placed),
    atTimes = new Float64Array(2 * placed);
  const fill = atStart.slice(0, nodes);
  for (let d = 0; d < n; d++) {
    const k = demand.node[d]!;
    if (k < 0 || skip?.[d]) continue;
    const j = fill[k]!++;
    atPoint[j] = d;
    atTimes[2 * j] = demand.seconds[d]!;
    atTimes[2 * j + 1] = limitOf(limitSeconds, d);
  }

  // Per node, the latest arrival from which some demand point is still reached within its limit:
  // one multi-source search from the demand points, backwards, each starting at −(limit − connector).
  // A candidate's search goes no further than that (exact: every node on a path that reaches a
  // point in time arrives before its need), which cuts the searches where nothing is left to reach.
  const from = new Int32Array(placed),
    budget = new Float64Array(placed);
  let minStart = 0;
  for (const s of candidates.startSeconds) minStart = Math.min(minStart, s);
  for (let k = 0, j = 0; k < nodes; k++) {
    for (; j < atStart[k + 1]!; j++) {
      from[j] = k;
      budget[j] = -(atTimes[2 * j + 1]! - atTimes[2 * j]!);
    }
  }
  const back = nearestFacility(
    graph,
    direction === 'from_facility' ? 'to_facility' : 'from_facility',
    { node: from, startSeconds: budget },
    { maxSeconds: -minStart },
  );
  const need = back.seconds;
  for (let k = 0; k < nodes; k++) need[k] = NEED_SLACK - need[k]!;

  const search = new ReachSearch(searchCsr(graph, direction), nodes);
  const { seconds: dist, touched } = search;
  const m = candidates.node.length;
  const offsets = new Uint32Array(m + 1);
  let outPoint = new Uint32Array(Math.max(1024, 4 * n)),
    outSeconds = new Float64Array(outPoint.length);
  let pairs = 0;
  for (let c = 0; c < m; c++) {
    offsets[c] = pairs;
    const source = candidates.node[c]!;
    if (source >= nodes) throw new RangeError(`candidate ${c} is on node ${source}, beyond the graph's ${nodes}`);
    search.run(source, candidates.startSeconds[c]!, reach, need); // a node's time includes the start, so one bound serves all
    for (let i = 0, count = search.touchedCount; i < count; i++) {
      const u = touched[i]!;
      const du = dist[u]!;
      for (let j = atStart[u]!, end = atStart[u + 1]!; j < end; j++) {
        const t = du + atTimes[2 * j]!;
        if (!(t <= atTimes[2 * j + 1]!)) continue;
        if (pairs === outPoint.length) {
          const p = new Uint32Array(2 * pairs),
            s = new Float64Array(2 * pairs);
          p.set(outPoint);
          s.set(outSeconds);
          outPoint = p;
          outSeconds = s;
        }
        outPoint[pairs] = atPoint[j]!;
        outSeconds[pairs++] = t;
      }
    }
  }
  offsets[m] = pairs;
  return { candidateCount: m, demandCount: n, offsets, demand: outPoint.slice(0, pairs), seconds: outSeconds.slice(0, pairs) };
}

/** As `distanceMetres` in geo/crs.ts and the access engine. */
const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;
const M_PER_DEG = EARTH_RADIUS_M * RAD;

export interface StraightLineOptions extends CoverageSetOptions {
  /** Detour factor and speeds (default DEFAULT_FALLBACK, as straightLineTravel). */
  model?: FallbackModel;
  /** Per candidate: seconds before it sets off (a dispatch delay); default 0. */
  startSeconds?: Float64Array;
}

/**
 * Without roads: seconds = metres × detour × 3.6 ÷ km/h of the demand point's class, plus the
 * candidate's start seconds. A candidate or point without valid coordinates reaches / is reached
 * by nothing.
 */
export function straightLineCoverageSets(
  candidateLon: Float64Array,
  candidateLat: Float64Array,
  demand: { lon: Float64Array; lat: Float64Array; urban: Uint8Array },
  limitSeconds: Float64Array | number,
  opts: StraightLineOptions = {},
): CoverageSets {
  const { model = DEFAULT_FALLBACK, startSeconds, skip } = opts;
  const n = demand.lon.length,
    m = candidateLon.length;
  if (typeof limitSeconds !== 'number' && limitSeconds.length !== n) throw new RangeError('one limit per demand point');
  const urbanFactor = (model.detour * 3.6) / model.urbanKmh,
    ruralFactor = (model.detour * 3.6) / model.ruralKmh;
  const placed: number[] = [];
  let maxLimit = -Infinity;
  for (let d = 0; d < n; d++) {
    if (skip?.[d] || !(Number.isFinite(demand.lon[d]) && Number.isFinite(demand.lat[d]))) continue;
    placed.push(d);
    maxLimit = Math.max(maxLimit, limitOf(limitSeconds, d));
  }
  const which = Uint32Array.from(placed);
  const tree = new KDBush(Math.max(1, which.length));
  for (const d of which) tree.add(demand.lon[d]!, demand.lat[d]!);
  if (which.length === 0) tree.add(0, 0); // kdbush wants an item; it is never looked up
  tree.finish();
  const fastest = Math.min(urbanFactor, ruralFactor); // seconds per metre at the faster class
  const offsets = new Uint32Array(m + 1);
  const out = new PairList(Math.max(1024, 4 * n));
  for (let c = 0; c < m; c++) {
    offsets[c] = out.length;
    const x = candidateLon[c]!,
      y = candidateLat[c]!;
    const start = startSeconds?.[c] ?? 0;
    if (which.length === 0 || !(Number.isFinite(x) && Number.isFinite(y)) || !(start <= maxLimit)) continue;
    const metres = (maxLimit - start) / fastest;
    const rLat = (metres / M_PER_DEG) * 1.01 + 1e-9; // a margin: the sphere against a lon/lat box
    const edge = Math.abs(y) + rLat;
    const rLon = edge >= 89 ? 360 : rLat / Math.cos(edge * RAD);
    const found = tree.range(x - rLon, y - rLat, x + rLon, y + rLat);
    found.sort((a, b) => a - b);
    const cosY = Math.cos(y * RAD);
    for (const item of found) {
      const d = which[item]!;
      const py = demand.lat[d]!;
      const sLat = Math.sin(((py - y) * RAD) / 2),
        sLon = Math.sin(((demand.lon[d]! - x) * RAD) / 2);
      const h = sLat * sLat + cosY * Math.cos(py * RAD) * sLon * sLon;
      const dist = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
      const t = start + dist * (demand.urban[d] === 1 ? urbanFactor : ruralFactor);
      if (t <= limitOf(limitSeconds, d)) out.push(d, t);
    }
  }
  offsets[m] = out.length;
  return { candidateCount: m, demandCount: n, offsets, demand: out.demand.slice(0, out.length), seconds: out.seconds.slice(0, out.length) };
}

/** The same pairs by demand point; each column lists its candidates in ascending order. */
export function transpose(sets: CoverageSets): CoverageColumns {
  const { candidateCount: m, demandCount: n } = sets;
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < sets.demand.length; i++) offsets[sets.demand[i]! + 1]!++;
  for (let d = 0; d < n; d++) offsets[d + 1]! += offsets[d]!;
  const fill = offsets.slice(0, n);
  const candidate = new Uint32Array(sets.demand.length),
    seconds = new Float64Array(sets.demand.length);
  for (let c = 0; c < m; c++) {
    for (let i = sets.offsets[c]!, end = sets.offsets[c + 1]!; i < end; i++) {
      const at = fill[sets.demand[i]!]!++;
      candidate[at] = c;
      seconds[at] = sets.seconds[i]!;
    }
  }
  return { offsets, candidate, seconds };
}

/** A growing list of (demand, seconds) pairs on typed arrays. */
class PairList {
  length = 0;
  demand: Uint32Array;
  seconds: Float64Array;
  constructor(capacity: number) {
    this.demand = new Uint32Array(capacity);
    this.seconds = new Float64Array(capacity);
  }
  push(d: number, t: number): void {
    if (this.length === this.demand.length) {
      const demand = new Uint32Array(this.length * 2),
        seconds = new Float64Array(this.length * 2);
      demand.set(this.demand);
      seconds.set(this.seconds);
      this.demand = demand;
      this.seconds = seconds;
    }
    this.demand[this.length] = d;
    this.seconds[this.length++] = t;
  }
}
