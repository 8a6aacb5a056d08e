import { describe, expect, it } from 'vitest';
import { buildRoadGraph, NO_NODE, type RoadGraph } from '../../../shared/access/graph.ts';
import { UNKNOWN_CLASS_SPEED } from '../../../shared/access/network.ts';
import { network, SPEEDS } from './helpers.ts';

/** The edges of a CSR as "from>to:seconds" (seconds rounded to 0.01), sorted. */
function edges(g: RoadGraph, which: 'forward' | 'reverse'): string[] {
  const c = g[which];
  const out: string[] = [];
  for (let u = 0; u < g.nodeCount; u++) {
    for (let e = c.offsets[u]!; e < c.offsets[u + 1]!; e++) out.push(`${u}>${c.targets[e]}:${c.seconds[e]!.toFixed(2)}`);
  }
  return out.sort();
}

describe('buildRoadGraph', () => {
  it('merges the shared end points of segments into one node and times each edge by its length and speed', () => {
    // 0 —1 km— 1 —500 m— 2, two segments meeting at x = 1000; residential at 36 km/h = 10 m/s.
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
            [1000, 0],
            [1500, 0],
          ],
        },
      ]),
      SPEEDS,
    );
    expect(g.nodeCount).toBe(3);
    expect(Array.from(g.pointNode)).toEqual([0, 1, 1, 2]);
    expect(edges(g, 'forward')).toEqual(['0>1:100.00', '1>0:100.00', '1>2:50.00', '2>1:50.00']);
    expect(g.forward.offsets.length).toBe(4);
  });

  it('takes points within 1e-7° (rounded) as one node, and points farther apart as two', () => {
    const base = network([
      {
        pts: [
          [0, 0],
          [1000, 0],
        ],
      },
      {
        pts: [
          [1000, 0],
          [2000, 0],
        ],
      },
    ]);
    const near = { ...base, coords: base.coords.slice() };
    near.coords[4] = near.coords[2]! + 2e-9; // the second segment's first point, 0.2 mm away
    expect(buildRoadGraph(near, SPEEDS).nodeCount).toBe(3);
    const far = { ...base, coords: base.coords.slice() };
    far.coords[4] = far.coords[2]! + 3e-7; // 3 cm away: a different node, the segments do not connect
    expect(buildRoadGraph(far, SPEEDS).nodeCount).toBe(4);
  });

  it('follows oneway: 1 along the points, -1 against them, and keeps the reverse graph', () => {
    const g = buildRoadGraph(
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
            [2000, 0],
          ],
          oneway: -1,
        },
      ]),
      SPEEDS,
    );
    expect(edges(g, 'forward')).toEqual(['0>1:100.00', '2>1:100.00']);
    expect(edges(g, 'reverse')).toEqual(['1>0:100.00', '1>2:100.00']);
  });

  it("uses the segment's own speed, else its class's, else UNKNOWN_CLASS_SPEED; a speed of 0 closes the road", () => {
    const g = buildRoadGraph(
      network([
        {
          pts: [
            [0, 0],
            [1000, 0],
          ],
          highway: 'primary',
          kmh: 18,
        }, // own: 5 m/s → 200 s
        {
          pts: [
            [0, 1000],
            [1000, 1000],
          ],
          highway: 'primary',
        }, // class: 72 km/h → 50 s
        {
          pts: [
            [0, 2000],
            [1000, 2000],
          ],
          highway: '县道',
        }, // not in the table
        {
          pts: [
            [0, 3000],
            [1000, 3000],
          ],
          highway: 'constructor',
        }, // not a key of the table, whatever objects have
        {
          pts: [
            [0, 4000],
            [1000, 4000],
          ],
          highway: 'primary',
          kmh: 0,
        },
      ]),
      SPEEDS,
    );
    const secondsFrom = (node: number) => g.forward.seconds[g.forward.offsets[node]!];
    expect(secondsFrom(0)).toBeCloseTo(200, 2);
    expect(secondsFrom(2)).toBeCloseTo(50, 2);
    // At y ≠ 0 a metre of x is a hair shorter than at the equator: a relative 1e-7 here.
    expect(secondsFrom(4)).toBeCloseTo(1000 / (UNKNOWN_CLASS_SPEED / 3.6), 2);
    expect(secondsFrom(6)).toBeCloseTo(1000 / (UNKNOWN_CLASS_SPEED / 3.6), 2);
    expect(g.forward.offsets[9]! - g.forward.offsets[8]!).toBe(0); // closed: no edge from node 8
    expect(g.forward.targets.length).toBe(8);
  });

  it('skips repeated points and points without valid coordinates', () => {
    const net = network([
      {
        pts: [
          [0, 0],
          [0, 0],
          [500, 0],
          [700, 0],
          [1000, 0],
        ],
      },
    ]);
    net.coords[6] = NaN; // the point at x = 700
    const g = buildRoadGraph(net, SPEEDS);
    expect(g.pointNode[3]).toBe(NO_NODE);
    expect(edges(g, 'forward')).toEqual(['0>1:50.00', '1>0:50.00']);
    expect(g.nodeCount).toBe(3); // the end point stays a node, without an edge
  });

  it('builds an empty graph from an empty network', () => {
    const g = buildRoadGraph(network([]), SPEEDS);
    expect(g.nodeCount).toBe(0);
    expect(g.forward.offsets.length).toBe(1);
  });
});
