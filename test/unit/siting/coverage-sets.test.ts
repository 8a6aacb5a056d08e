import { describe, expect, it } from 'vitest';
import { type Direction, facilitySources, nearestFacility } from '../../../shared/access/dijkstra.ts';
import { straightLineTravel } from '../../../shared/access/fallback.ts';
import { buildRoadGraph, type RoadGraph } from '../../../shared/access/graph.ts';
import { DEFAULT_FALLBACK } from '../../../shared/access/network.ts';
import { buildNodeIndex, snapPoints } from '../../../shared/access/snap.ts';
import { type CoverageSets, roadCoverageSets, straightLineCoverageSets, transpose } from '../../../shared/siting/coverage-sets.ts';
import { gridNetwork, latOf, lonOf, network, prng, SPEEDS } from '../access/helpers.ts';

/** Candidate c's pairs as [point, seconds], by point. */
const row = (s: CoverageSets, c: number) =>
  Array.from({ length: s.offsets[c + 1]! - s.offsets[c]! }, (_, i) => [s.demand[s.offsets[c]! + i]!, s.seconds[s.offsets[c]! + i]!] as const).sort(
    (a, b) => a[0] - b[0],
  );

// The one-way block of access/dijkstra.test.ts, 1 km a side at 10 m/s, driven A → B → C → D → A.
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

describe('roadCoverageSets', () => {
  it('searches the right way round a one-way block: from the candidate for an ambulance, to it for a resident', () => {
    // Candidate at A (start 20 s); demand at D (connector 5 s) and at B (connector 0).
    const cand = { node: Int32Array.of(0), startSeconds: Float64Array.of(20) };
    const demand = { node: Int32Array.of(3, 1), seconds: Float32Array.of(5, 0) };
    // From A: D is 300 s round the block (+20 + 5 = 325), B 100 s (+20 = 120).
    const from = roadCoverageSets(loop, 'from_facility', cand, demand, 400);
    expect(row(from, 0)).toEqual([
      [0, expect.closeTo(325, 3)],
      [1, expect.closeTo(120, 3)],
    ]);
    // To A: from D 100 s (125), from B 300 s (320); a 200 s limit keeps only D.
    const to = roadCoverageSets(loop, 'to_facility', cand, demand, 200);
    expect(row(to, 0)).toEqual([[0, expect.closeTo(125, 3)]]);
  });

  it('keeps a pair exactly at its point’s own limit and drops one just beyond', () => {
    const cand = { node: Int32Array.of(0), startSeconds: Float64Array.of(0) };
    const demand = { node: Int32Array.of(1, 1), seconds: Float64Array.of(0, 0) };
    const t = nearestFacility(loop, 'from_facility', cand).seconds[1]!;
    const sets = roadCoverageSets(loop, 'from_facility', cand, demand, Float64Array.of(t, t - 1e-3));
    expect(row(sets, 0)).toEqual([[0, t]]);
  });

  it('a candidate or point off the network (node -1) reaches / is reached by nothing', () => {
    const cand = { node: Int32Array.of(-1, 0), startSeconds: Float64Array.of(0, 0) };
    const demand = { node: Int32Array.of(1, -1), seconds: Float32Array.of(0, 0) };
    const sets = roadCoverageSets(loop, 'from_facility', cand, demand, 1e6);
    expect(row(sets, 0)).toEqual([]);
    expect(row(sets, 1).map((p) => p[0])).toEqual([0]);
  });

  // Random jittered grids with one-way streets: the sets equal one full search per candidate.
  function bruteForce(
    g: RoadGraph,
    direction: Direction,
    cand: { node: Int32Array; startSeconds: Float64Array },
    demand: { node: Int32Array; seconds: Float32Array },
    limit: Float64Array,
    skip?: Uint8Array,
  ): [number, number][][] {
    return Array.from(cand.node, (node, c) => {
      const field = nearestFacility(g, direction, { node: Int32Array.of(node), startSeconds: Float64Array.of(cand.startSeconds[c]!) });
      const out: [number, number][] = [];
      demand.node.forEach((k, d) => {
        if (k < 0 || skip?.[d]) return;
        const t = field.seconds[k]! + demand.seconds[d]!;
        if (t <= limit[d]!) out.push([d, t]);
      });
      return out;
    });
  }

  for (const direction of ['from_facility', 'to_facility'] as const) {
    it(`equals a brute-force search per candidate on random networks (${direction}), with and without skipped points`, () => {
      let pairs = 0,
        offNetwork = 0,
        beyond = 0;
      for (let seed = 1; seed <= 6; seed++) {
        const rand = prng(seed);
        const g = buildRoadGraph(gridNetwork(10, rand), SPEEDS);
        const index = buildNodeIndex(g);
        const at = (count: number) => {
          const lon = Float64Array.from({ length: count }, () => lonOf(-300 + rand() * 2400));
          const lat = Float64Array.from({ length: count }, () => latOf(-300 + rand() * 2400));
          return snapPoints(g, index, lon, lat, 15, { maxMetres: 250 }); // some off the network
        };
        const cand = facilitySources(at(12), 30);
        const demand = at(80);
        offNetwork += demand.offNetwork + cand.node.filter((k) => k < 0).length;
        const limit = Float64Array.from({ length: 80 }, () => [90, 180, 300][Math.floor(rand() * 3)]!);
        const skip = Uint8Array.from({ length: 80 }, () => (rand() < 0.5 ? 1 : 0));
        for (const mask of [undefined, skip]) {
          const sets = roadCoverageSets(g, direction, cand, demand, limit, { skip: mask });
          const expected = bruteForce(g, direction, cand, demand, limit, mask);
          pairs += sets.demand.length;
          beyond += bruteForce(g, direction, cand, demand, new Float64Array(80).fill(Infinity), mask).flat().length - sets.demand.length;
          for (let c = 0; c < 12; c++) {
            const got = row(sets, c);
            expect(
              got.map((p) => p[0]),
              `seed ${seed} candidate ${c}`,
            ).toEqual(expected[c]!.map((p) => p[0]));
            got.forEach((p, i) => expect(p[1]).toBeCloseTo(expected[c]![i]![1], 6));
          }
        }
      }
      // The cases are not empty: pairs kept, pairs beyond their limits, places off the network.
      expect(pairs).toBeGreaterThan(500);
      expect(beyond).toBeGreaterThan(500);
      expect(offNetwork).toBeGreaterThan(5);
    });
  }
});

describe('straightLineCoverageSets', () => {
  it('equals straightLineTravel per candidate: distance × detour ÷ the point’s urban or rural speed, plus the start', () => {
    const rand = prng(7);
    const n = 300,
      m = 15;
    const demand = {
      lon: Float64Array.from({ length: n }, () => 112.9 + rand() * 0.2),
      lat: Float64Array.from({ length: n }, () => 28.1 + rand() * 0.2),
      urban: Uint8Array.from({ length: n }, () => (rand() < 0.5 ? 1 : 0)),
    };
    demand.lon[5] = NaN; // no coordinates: reached by none
    const lon = Float64Array.from({ length: m }, () => 112.9 + rand() * 0.2),
      lat = Float64Array.from({ length: m }, () => 28.1 + rand() * 0.2);
    const start = Float64Array.from({ length: m }, () => rand() * 60);
    const limit = Float64Array.from(demand.urban, (u) => (u ? 600 : 1200));
    const sets = straightLineCoverageSets(lon, lat, demand, limit, { startSeconds: start });
    for (let c = 0; c < m; c++) {
      const travel = straightLineTravel(lon.subarray(c, c + 1), lat.subarray(c, c + 1), demand, DEFAULT_FALLBACK);
      const expected: [number, number][] = [];
      travel.minutes.forEach((min, d) => {
        const t = min * 60 + start[c]!;
        if (t <= limit[d]!) expected.push([d, t]);
      });
      const got = row(sets, c);
      expect(got.map((p) => p[0])).toEqual(expected.map((p) => p[0]));
      got.forEach((p, i) => expect(p[1]).toBeCloseTo(expected[i]![1], 6));
    }
    expect(row(sets, 0).some((p) => p[0] === 5)).toBe(false);
  });
});

describe('transpose', () => {
  it('lists each point’s candidates in ascending order with their seconds', () => {
    const sets: CoverageSets = {
      candidateCount: 3,
      demandCount: 2,
      offsets: Uint32Array.of(0, 2, 2, 3),
      demand: Uint32Array.of(1, 0, 1),
      seconds: Float64Array.of(10, 20, 30),
    };
    const cols = transpose(sets);
    expect(Array.from(cols.offsets)).toEqual([0, 1, 3]);
    expect(Array.from(cols.candidate)).toEqual([0, 0, 2]);
    expect(Array.from(cols.seconds)).toEqual([20, 10, 30]);
  });
});
