import { describe, expect, it } from 'vitest';
import { coverage, demandTravel, shownTenths, travelTimeBands } from '../../../shared/access/coverage.ts';
import { facilitySources, nearestFacility } from '../../../shared/access/dijkstra.ts';
import { buildRoadGraph } from '../../../shared/access/graph.ts';
import { buildNodeIndex, snapPoints } from '../../../shared/access/snap.ts';
import { latOf, lonOf, network, SPEEDS } from './helpers.ts';

describe('demandTravel', () => {
  // A street of 11 nodes 100 m apart (10 s per edge), and a separate lane far off.
  const g = buildRoadGraph(
    network([
      { pts: Array.from({ length: 11 }, (_, i): [number, number] => [i * 100, 0]) },
      {
        pts: [
          [0, 3000],
          [500, 3000],
        ],
      },
    ]),
    SPEEDS,
  );
  const index = buildNodeIndex(g);
  const place = (pts: [number, number][]) =>
    snapPoints(
      g,
      index,
      Float64Array.from(pts, (p) => lonOf(p[0])),
      Float64Array.from(pts, (p) => latOf(p[1])),
      15,
    );

  it("adds the point's own connector time to its node's time", () => {
    const stations = place([[0, -50]]); // 50 m from node 0: 12 s
    const src = facilitySources(stations, 60); // and a minute to get rolling
    expect(src.startSeconds[0]).toBeCloseTo(72, 4);
    const demand = place([
      [500, 100],
      [0, 2900],
      [0, 20_000],
    ]);
    for (const direction of ['from_facility', 'to_facility'] as const) {
      const t = demandTravel(nearestFacility(g, direction, src), demand);
      // 12 s + 60 s + 5 × 10 s on the street + 100 m at 15 km/h (24 s) = 146 s.
      expect(t.minutes[0]).toBeCloseTo(146 / 60, 5);
      expect(Array.from(t.facility)).toEqual([0, -1, -1]);
      expect(t.minutes[1]).toBe(Infinity); // on the lane no station reaches
      expect(t.minutes[2]).toBe(Infinity); // off the network
      expect(t.model).toBe('road');
    }
  });

  it('takes a dispatch delay per station, and writes into the arrays it is given', () => {
    const src = facilitySources(
      place([
        [0, 0],
        [1000, 0],
      ]),
      Float64Array.of(0, 120),
    );
    const demand = place([[700, 0]]);
    const out = { minutes: new Float64Array(1), facility: new Int32Array(1), model: 'road' as const };
    const t = demandTravel(nearestFacility(g, 'from_facility', src), demand, out);
    expect(t.minutes).toBe(out.minutes);
    expect(t.facility[0]).toBe(0); // 70 s from station 0 beats 30 + 120 s from station 1
    expect(t.minutes[0]).toBeCloseTo(70 / 60, 5);
  });
});

describe('coverage', () => {
  // Two units. Unit 0: urban points at 8 and 12 minutes. Unit 1: rural at 25, 35 and unreachable;
  // one urban at exactly 10 minutes (within).
  const points = {
    lon: new Float64Array(6),
    lat: new Float64Array(6),
    population: Float64Array.of(100, 200, 300, 400, 50, 10),
    urban: Uint8Array.of(1, 1, 0, 0, 0, 1),
    unit: Int32Array.of(0, 0, 1, 1, 1, 1),
  };
  const minutes = Float64Array.of(8, 12, 25, 35, Infinity, 10);

  it('counts who is within the urban or the rural threshold, per unit and in all (the 1030 rule)', () => {
    const c = coverage(points, minutes, { urbanMinutes: 10, ruralMinutes: 30 }, 2);
    expect(c.population).toBe(1060);
    expect(c.covered).toBe(410);
    expect([c.urbanPopulation, c.urbanCovered, c.ruralPopulation, c.ruralCovered]).toEqual([310, 110, 750, 300]);
    expect(Array.from(c.unitPopulation)).toEqual([300, 760]);
    expect(Array.from(c.unitCovered)).toEqual([100, 310]);
    expect(c.unreachablePopulation).toBe(50);
    expect(Array.from(c.uncovered)).toEqual([1, 3, 4]);
  });

  it('tighter thresholds cover fewer; a point of no unit counts only in all', () => {
    const c = coverage({ ...points, unit: Int32Array.of(0, 0, 1, 1, 1, -1) }, minutes, { urbanMinutes: 8, ruralMinutes: 20 }, 2);
    expect(c.covered).toBe(100);
    expect(Array.from(c.unitPopulation)).toEqual([300, 750]);
    expect(c.population).toBe(1060);
  });

  it('bands of 5 minutes, each up to and including its upper bound, then beyond, then unreachable', () => {
    const b = travelTimeBands(minutes, points.population, 5, 30);
    expect(Array.from(b.count)).toEqual([0, 2, 1, 0, 1, 0, 1, 1]);
    expect(Array.from(b.population)).toEqual([0, 110, 200, 0, 300, 0, 400, 50]);
    expect(travelTimeBands(Float64Array.of(0, 5, 5.0001), Float64Array.of(1, 1, 1), 5, 10).count).toEqual(Uint32Array.of(2, 1, 0, 0));
  });
});

describe('shownTenths', () => {
  it('rounds to the nearest tenth unless that contradicts the verdict against the limit', () => {
    expect(shownTenths(9.96, 10)).toBe(10); // within 10, 10.0
    expect(shownTenths(10.03, 10)).toBe(10.1); // beyond 10: not 10.0
    expect(shownTenths(10.000000001, 10)).toBe(10.1);
    expect(shownTenths(10.06, 10)).toBe(10.1);
    expect(shownTenths(29.96, 30)).toBe(30);
    expect(shownTenths(30.04, 30)).toBe(30.1);
    expect(shownTenths(41.92, 30)).toBe(41.9);
    // A limit that is not a whole tenth: 12.24 within 12.25 shows 12.2, 12.26 beyond it 12.3.
    expect(shownTenths(12.249, 12.25)).toBe(12.2);
    expect(shownTenths(12.251, 12.25)).toBe(12.3);
  });
});
