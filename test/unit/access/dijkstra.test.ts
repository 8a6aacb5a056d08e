import { describe, expect, it } from 'vitest';
import { type Direction, nearestFacility } from '../../../shared/access/dijkstra.ts';
import { buildRoadGraph } from '../../../shared/access/graph.ts';
import { DEFAULT_ROAD_SPEEDS, type RoadNetworkData, UNKNOWN_CLASS_SPEED } from '../../../shared/access/network.ts';
import { distanceMetres } from '../../../shared/geo/crs.ts';
import { gridNetwork, network, prng, SPEEDS } from './helpers.ts';

const sources = (node: number[], start?: number[]) => ({ node: Int32Array.from(node), startSeconds: Float64Array.from(start ?? node.map(() => 0)) });

// A square block of one-way streets, 1 km a side at 10 m/s, driven anticlockwise: A → B → C → D → A.
//   D(0,1000) ← C(1000,1000)
//      ↓            ↑
//   A(0,0)    → B(1000,0)
const loop = buildRoadGraph(
  network([
    {
      pts: [
        [0, 0],
        [1000, 0],
      ],
      oneway: 1,
    },
    {
      pts: [
        [1000, 0],
        [1000, 1000],
      ],
      oneway: 1,
    },
    {
      pts: [
        [1000, 1000],
        [0, 1000],
      ],
      oneway: 1,
    },
    {
      pts: [
        [0, 1000],
        [0, 0],
      ],
      oneway: 1,
    },
  ]),
  SPEEDS,
);
const [A, B, C, D] = [0, 1, 2, 3];

describe('nearestFacility on hand-built networks', () => {
  it('goes round a one-way loop the one way it can', () => {
    const r = nearestFacility(loop, 'from_facility', sources([A]));
    expect(r.seconds[A]).toBe(0);
    expect(r.seconds[B]).toBeCloseTo(100, 3);
    expect(r.seconds[C]).toBeCloseTo(200, 3);
    expect(r.seconds[D]).toBeCloseTo(300, 3); // not 100: D → A is the way in, not out
    expect(Array.from(r.facility)).toEqual([0, 0, 0, 0]);
  });

  it('direction matters: to the facility on a one-way loop is the other way round', () => {
    const r = nearestFacility(loop, 'to_facility', sources([A]));
    expect(r.seconds[D]).toBeCloseTo(100, 3); // D → A directly
    expect(r.seconds[C]).toBeCloseTo(200, 3);
    expect(r.seconds[B]).toBeCloseTo(300, 3); // B → C → D → A
  });

  it('leaves a disconnected part unreached: Infinity and facility -1', () => {
    const g = buildRoadGraph(
      network([
        {
          pts: [
            [0, 0],
            [1000, 0],
          ],
        },
        {
          pts: [
            [5000, 0],
            [6000, 0],
          ],
        },
      ]),
      SPEEDS,
    );
    const r = nearestFacility(g, 'from_facility', sources([0]));
    expect(Array.from(r.seconds)).toEqual([0, expect.closeTo(100, 3), Infinity, Infinity]);
    expect(Array.from(r.facility)).toEqual([0, 0, -1, -1]);
  });

  // A straight street of 11 nodes, 100 m apart (10 s each).
  const street = buildRoadGraph(network([{ pts: Array.from({ length: 11 }, (_, i): [number, number] => [i * 100, 0]) }]), SPEEDS);

  it('switches from one station to the other along a line where their times meet', () => {
    // Station 0 at node 0; station 1 at node 10 with 30 s more to start (connector + dispatch).
    // From 0: 10·k s; from 1: 30 + 10·(10 − k) s; equal at k = 6.5.
    const r = nearestFacility(street, 'from_facility', sources([0, 10], [0, 30]));
    expect(Array.from(r.facility)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    for (let k = 0; k <= 10; k++) expect(r.seconds[k]).toBeCloseTo(Math.min(10 * k, 30 + 10 * (10 - k)), 3);
  });

  it('breaks ties by the lower facility index, whichever end it stands at', () => {
    // Stations at nodes 2 and 8: node 5 is 30 s from both (edges are the same length on the equator).
    const a = nearestFacility(street, 'from_facility', sources([2, 8]));
    const b = nearestFacility(street, 'from_facility', sources([8, 2]));
    expect(a.seconds[5]).toBe(b.seconds[5]);
    expect(a.facility[5]).toBe(0);
    expect(b.facility[5]).toBe(0);
    // Two stations at one address: the lower index serves every node.
    const same = nearestFacility(street, 'to_facility', sources([4, 4, 4], [5, 5, 5]));
    expect(new Set(same.facility)).toEqual(new Set([0]));
  });

  it('a station off the network (node -1) reaches nothing; none at all leaves everything unreached', () => {
    const r = nearestFacility(street, 'from_facility', sources([-1, 10]));
    expect(r.facility[0]).toBe(1);
    const none = nearestFacility(street, 'from_facility', sources([]));
    expect(none.seconds.every((s) => s === Infinity)).toBe(true);
    expect(none.facility.every((f) => f === -1)).toBe(true);
  });

  it('stops at maxSeconds', () => {
    const r = nearestFacility(street, 'from_facility', sources([0], [5]), { maxSeconds: 40 });
    expect(Array.from(r.facility)).toEqual([0, 0, 0, 0, -1, -1, -1, -1, -1, -1, -1]);
    expect(r.seconds[3]).toBeCloseTo(35, 3);
    expect(r.seconds[4]).toBe(Infinity); // 45 s
  });
});

/**
 * An independent check: edges recomputed from the network data with crs.ts's distance, and one
 * plain Dijkstra (an O(n²) scan, no heap) per facility; the nearest is the least time, then index.
 */
function reference(
  net: RoadNetworkData,
  direction: Direction,
  src: { node: Int32Array; startSeconds: Float64Array },
  nodeOfPoint: Uint32Array,
  nodeCount: number,
) {
  const adj: [number, number][][] = Array.from({ length: nodeCount }, () => []);
  for (let s = 0; s + 1 < net.offsets.length; s++) {
    const own = net.speedKmh[s]!;
    const kmh = Number.isNaN(own) ? ((SPEEDS as Record<string, number>)[net.highway[s]!] ?? UNKNOWN_CLASS_SPEED) : own;
    for (let p = net.offsets[s]!; p + 1 < net.offsets[s + 1]!; p++) {
      const a = nodeOfPoint[p]!,
        b = nodeOfPoint[p + 1]!;
      const t = distanceMetres(net.coords[2 * p]!, net.coords[2 * p + 1]!, net.coords[2 * p + 2]!, net.coords[2 * p + 3]!) / (kmh / 3.6);
      const along = net.oneway[s]! >= 0,
        against = net.oneway[s]! <= 0;
      // Searching to a facility walks the edges backwards.
      if (along) (direction === 'from_facility' ? adj[a]! : adj[b]!).push([direction === 'from_facility' ? b : a, t]);
      if (against) (direction === 'from_facility' ? adj[b]! : adj[a]!).push([direction === 'from_facility' ? a : b, t]);
    }
  }
  const best = new Float64Array(nodeCount).fill(Infinity),
    which = new Int32Array(nodeCount).fill(-1);
  for (let f = 0; f < src.node.length; f++) {
    const dist = new Float64Array(nodeCount).fill(Infinity),
      done = new Uint8Array(nodeCount);
    dist[src.node[f]!] = src.startSeconds[f]!;
    for (;;) {
      let u = -1;
      for (let n = 0; n < nodeCount; n++) if (!done[n] && dist[n]! < Infinity && (u < 0 || dist[n]! < dist[u]!)) u = n;
      if (u < 0) break;
      done[u] = 1;
      for (const [v, t] of adj[u]!) if (dist[u]! + t < dist[v]!) dist[v] = dist[u]! + t;
    }
    for (let n = 0; n < nodeCount; n++)
      if (dist[n]! < best[n]!) {
        best[n] = dist[n]!;
        which[n] = f;
      }
  }
  return { seconds: best, facility: which };
}

describe('nearestFacility on a generated grid', () => {
  it.each(['from_facility', 'to_facility'] as const)('matches a plain Dijkstra written here (%s)', (direction) => {
    const rand = prng(direction === 'from_facility' ? 11 : 12);
    const net = gridNetwork(18, rand);
    const g = buildRoadGraph(net, SPEEDS);
    expect(g.nodeCount).toBe(18 * 18);
    const src = sources(
      Array.from({ length: 6 }, () => Math.floor(rand() * g.nodeCount)),
      Array.from({ length: 6 }, () => rand() * 120),
    );
    const r = nearestFacility(g, direction, src);
    const want = reference(net, direction, src, g.pointNode, g.nodeCount);
    let unreached = 0;
    for (let n = 0; n < g.nodeCount; n++) {
      if (want.seconds[n] === Infinity) {
        unreached++;
        expect(r.seconds[n]).toBe(Infinity);
        continue;
      }
      // Edge times are stored as float32: a few milliseconds over a whole path at most.
      expect(Math.abs(r.seconds[n]! - want.seconds[n]!)).toBeLessThan(0.01);
      expect(r.facility[n]).toBe(want.facility[n]);
    }
    expect(unreached).toBeLessThan(g.nodeCount / 4); // one-way streets leave a few dead ends, not most of the grid
  });

  it('uses the speed table it is given', () => {
    const net = gridNetwork(6, prng(3));
    const slow = nearestFacility(buildRoadGraph(net, { residential: 18, primary: 36 }), 'from_facility', sources([0]));
    const fast = nearestFacility(buildRoadGraph(net, DEFAULT_ROAD_SPEEDS), 'from_facility', sources([0]));
    expect(slow.seconds.reduce((a, b) => (b < Infinity ? a + b : a), 0)).toBeGreaterThan(fast.seconds.reduce((a, b) => (b < Infinity ? a + b : a), 0));
  });
});
