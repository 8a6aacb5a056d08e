import { describe, expect, it } from 'vitest';
import { demandTravel } from '../../../shared/access/coverage.ts';
import { facilitySources } from '../../../shared/access/dijkstra.ts';
import { NearestFacilityField } from '../../../shared/access/field.ts';
import { buildRoadGraph } from '../../../shared/access/graph.ts';
import { buildNodeIndex, snapPoints } from '../../../shared/access/snap.ts';
import { aggregateDemand, coveredMask, existingSeconds, pick, roadCoverageSets, solveSiting, transpose } from '../../../shared/siting/index.ts';
import { buildInstance } from '../../../shared/siting/instance.ts';
import { greedySwap } from '../../../shared/siting/search.ts';
import { gridNetwork, latOf, lonOf, SPEEDS } from '../access/helpers.ts';
import { f64, filled, prng, randomProblem } from './helpers.ts';

describe('aggregateDemand', () => {
  it('merges points equal in every key, sums their people, and maps each point to its merged one', () => {
    const node = Int32Array.of(4, 7, 4, 4, -1, -1);
    const connector = Float32Array.of(10, 10, 10, 12, 0, 0);
    const threshold = f64([600, 600, 600, 600, 1800, 1800]);
    const a = aggregateDemand([node, connector, threshold], f64([1, 2, 3, 4, 5, 6]));
    // Points 0 and 2 are one (node 4, 10 s, 600 s); 3 differs by its connector; 4 and 5 are one.
    expect(Array.from(a.population)).toEqual([4, 2, 4, 11]);
    expect(Array.from(a.first)).toEqual([0, 1, 3, 4]);
    expect(Array.from(a.of)).toEqual([0, 1, 0, 2, 3, 3]);
    expect(Array.from(pick(node, a.first))).toEqual([4, 7, 4, -1]);
    expect(pick(connector, a.first)).toBeInstanceOf(Float32Array);
  });

  it('treats 0 and -0 as one key, and Infinity like any value', () => {
    const a = aggregateDemand([f64([0, -0, Infinity, Infinity])], f64([1, 1, 1, 1]));
    expect(Array.from(a.population)).toEqual([2, 2]);
  });
});

describe('merging identical points inside the solver', () => {
  it('gives the same answer merged and unmerged', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const p = randomProblem(prng(seed), 12, 60, 0.2);
      // Duplicate every point (same pairs): merged, the groups halve at least.
      const n = 60;
      const pairs: [number, number, number][] = [];
      for (let c = 0; c < 12; c++)
        for (let i = p.sets.offsets[c]!; i < p.sets.offsets[c + 1]!; i++) {
          pairs.push([c, p.sets.demand[i]!, p.sets.seconds[i]!], [c, p.sets.demand[i]! + n, p.sets.seconds[i]!]);
        }
      const columns = transpose(flat(12, 2 * n, pairs));
      const weight = new Float64Array(2 * n),
        limit = new Float64Array(2 * n);
      for (let d = 0; d < n; d++) {
        weight[d] = weight[d + n] = p.population[d]!;
        limit[d] = limit[d + n] = p.thresholdSeconds[d]!;
      }
      const input = { candidateCount: 12, columns, weight, base: filled(2 * n, 1), cost: 'cover', limit } as const;
      const merged = buildInstance(input),
        single = buildInstance({ ...input, merge: false });
      expect(merged.groupCount).toBeLessThanOrEqual(single.groupCount / 2);
      const a = greedySwap(merged, { k: 3 }),
        b = greedySwap(single, { k: 3 });
      expect(a.chosen).toEqual(b.chosen);
      expect(a.saving).toBeCloseTo(b.saving, 9);
    }
  });
});

function flat(m: number, n: number, pairs: [number, number, number][]) {
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const offsets = new Uint32Array(m + 1);
  for (const [c] of pairs) offsets[c + 1]!++;
  for (let c = 0; c < m; c++) offsets[c + 1]! += offsets[c]!;
  return { candidateCount: m, demandCount: n, offsets, demand: Uint32Array.from(pairs, (p) => p[1]), seconds: Float64Array.from(pairs, (p) => p[2]) };
}

describe('siting on a road network, end to end', () => {
  it('leaving out the points existing stations cover changes nothing but the work', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const rand = prng(seed);
      const g = buildRoadGraph(gridNetwork(14, rand), SPEEDS);
      const index = buildNodeIndex(g);
      const snap = (count: number) =>
        snapPoints(
          g,
          index,
          Float64Array.from({ length: count }, () => lonOf(rand() * 2600)),
          Float64Array.from({ length: count }, () => latOf(rand() * 2600)),
          15,
        );
      const demand = snap(300),
        cand = facilitySources(snap(40), 30),
        stations = facilitySources(snap(3), 30);
      const threshold = Float64Array.from({ length: 300 }, () => (rand() < 0.5 ? 60 : 150));
      const population = Float64Array.from({ length: 300 }, () => 1 + Math.floor(rand() * 50));
      const field = new NearestFacilityField(g, 'from_facility');
      field.run(stations);
      const existing = existingSeconds(demandTravel(field, demand));
      const skip = coveredMask(existing, threshold);
      expect(skip.some((s) => s === 1) && skip.some((s) => s === 0)).toBe(true);
      const all = roadCoverageSets(g, 'from_facility', cand, demand, threshold);
      const some = roadCoverageSets(g, 'from_facility', cand, demand, threshold, { skip });
      expect(some.demand.length).toBeLessThan(all.demand.length);
      for (const model of ['mclp', 'lscp'] as const) {
        const a = solveSiting({ sets: all, population, thresholdSeconds: threshold, existingSeconds: existing }, { model, k: 4 });
        const b = solveSiting({ sets: some, population, thresholdSeconds: threshold, existingSeconds: existing }, { model, k: 4 });
        expect(b.chosen).toEqual(a.chosen);
        expect(b.objective).toBe(a.objective);
        expect(b.coveredAfter).toBe(a.coveredAfter);
        expect(b.unreachable).toBe(a.unreachable);
      }
    }
  });
});
