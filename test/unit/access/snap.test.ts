import KDBush from 'kdbush';
import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../../../shared/access/graph.ts';
import { NearestSearch } from '../../../shared/access/nearest.ts';
import { buildNodeIndex, nodeIndexFrom, snapPoints } from '../../../shared/access/snap.ts';
import { distanceMetres } from '../../../shared/geo/crs.ts';
import { latOf, lonOf, network, prng, SPEEDS } from './helpers.ts';

const at = (pts: [number, number][]) => ({ lon: Float64Array.from(pts, (p) => lonOf(p[0])), lat: Float64Array.from(pts, (p) => latOf(p[1])) });

// A street along the equator, nodes every 100 m from x = 0 to 1000 (node k at x = 100·k).
const street = buildRoadGraph(network([{ pts: Array.from({ length: 11 }, (_, i): [number, number] => [i * 100, 0]) }]), SPEEDS);
const index = buildNodeIndex(street);

describe('snapPoints', () => {
  it('attaches a point to its nearest node, with the straight line at the connector speed', () => {
    const p = at([
      [200, 50],
      [1040, -30],
      [470, 0],
    ]);
    const s = snapPoints(street, index, p.lon, p.lat, 15);
    expect(Array.from(s.node)).toEqual([2, 10, 5]);
    expect(s.metres[0]).toBeCloseTo(50, 3);
    expect(s.seconds[0]).toBeCloseTo(12, 3); // 50 m at 15 km/h (4.17 m/s)
    expect(s.metres[1]).toBeCloseTo(50, 3); // 40 m east, 30 m south of the street's end
    expect(s.seconds[2]).toBeCloseTo(30 / (15 / 3.6), 3);
    expect(s.offNetwork).toBe(0);
  });

  it('leaves a point farther than the limit (5 km unless told) off the network', () => {
    const p = at([
      [200, 6000],
      [200, 4900],
      [Number.NaN, 0],
    ]);
    const s = snapPoints(street, index, p.lon, p.lat, 15);
    expect(Array.from(s.node)).toEqual([-1, 2, -1]);
    expect(s.offNetwork).toBe(2);
    expect(s.seconds[0]).toBe(0);
    expect(Number.isNaN(s.metres[0])).toBe(true);
    const wider = snapPoints(street, index, p.lon, p.lat, 15, { maxMetres: 7000 });
    expect(wider.node[0]).toBe(2);
    expect(wider.seconds[0]).toBeCloseTo(6000 / (15 / 3.6), 1);
    expect(snapPoints(street, index, p.lon, p.lat, 15, { maxMetres: 1000 }).node[1]).toBe(-1);
  });

  it('of two nodes equally near, takes the lower node number', () => {
    for (const pts of [
      [
        [0, 100],
        [0, -100],
      ],
      [
        [0, -100],
        [0, 100],
      ],
    ] as [number, number][][]) {
      const g = buildRoadGraph(network([{ pts }]), SPEEDS);
      const s = snapPoints(g, buildNodeIndex(g), Float64Array.of(0), Float64Array.of(0), 15);
      expect(s.node[0]).toBe(0);
    }
  });

  it('does not snap to a node without a road (a closed segment)', () => {
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
            [0, 200],
            [1000, 200],
          ],
          kmh: 0,
        },
      ]),
      SPEEDS,
    );
    const s = snapPoints(g, buildNodeIndex(g), Float64Array.of(lonOf(0)), Float64Array.of(latOf(190)), 15);
    expect(s.node[0]).toBe(0);
    expect(s.metres[0]).toBeCloseTo(190, 2);
  });

  it('works the same on an index rebuilt from its buffer (as in a worker)', () => {
    const again = nodeIndexFrom(index.tree.data, index.node);
    const p = at([
      [333, 12],
      [777, -80],
    ]);
    expect(snapPoints(street, again, p.lon, p.lat, 15)).toEqual(snapPoints(street, index, p.lon, p.lat, 15));
  });

  it('snaps nothing on an empty network', () => {
    const g = buildRoadGraph(network([]), SPEEDS);
    const s = snapPoints(g, buildNodeIndex(g), Float64Array.of(0), Float64Array.of(0), 15);
    expect(s.offNetwork).toBe(1);
  });
});

describe('NearestSearch', () => {
  it('finds what a scan of every point finds, within a radius or without one', () => {
    const rand = prng(4);
    const n = 3000;
    const lon = Float64Array.from({ length: n }, () => 112.8 + rand() * 0.3),
      lat = Float64Array.from({ length: n }, () => 28.1 + rand() * 0.2);
    const tree = new KDBush(n, 8);
    for (let i = 0; i < n; i++) tree.add(lon[i]!, lat[i]!);
    tree.finish();
    const search = new NearestSearch(tree);
    for (let q = 0; q < 400; q++) {
      const x = 112.7 + rand() * 0.5,
        y = 28.0 + rand() * 0.4;
      const limit = q % 2 ? 1500 : Infinity;
      let best = -1,
        bestD = Infinity;
      for (let i = 0; i < n; i++) {
        const d = distanceMetres(x, y, lon[i]!, lat[i]!);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      const found = search.find(x, y, limit);
      if (bestD > limit * (1 + 1e-9)) {
        expect(found).toBe(-1);
        continue;
      }
      expect(found).toBe(best);
      expect(search.metres).toBeCloseTo(bestD, 6);
    }
  });
});
