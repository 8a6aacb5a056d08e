import { describe, expect, it } from 'vitest';
import { type Direction, nearestFacility } from '../../../shared/access/dijkstra.ts';
import { NearestFacilityField } from '../../../shared/access/field.ts';
import { buildRoadGraph, type RoadGraph } from '../../../shared/access/graph.ts';
import { graphFromEdges, gridNetwork, network, prng, SPEEDS } from './helpers.ts';

/** The field must hold exactly what a full run over its current facilities gives. */
function expectSameAsFull(field: NearestFacilityField, g: RoadGraph, maxSeconds?: number) {
  const full = nearestFacility(g, field.direction, field.sources(), { maxSeconds });
  expect(field.seconds).toEqual(full.seconds);
  expect(field.facility).toEqual(full.facility);
}

/** A grid of whole-second edges (1–3 s, some one-way): ties everywhere, the hard case for tie-breaking. */
function tieGrid(side: number, rand: () => number): RoadGraph {
  const edges: [number, number, number][] = [];
  const link = (a: number, b: number) => {
    const t = 1 + Math.floor(rand() * 3),
      r = rand();
    if (r >= 0.1) edges.push([a, b, t]);
    if (r < 0.1 || r >= 0.2) edges.push([b, a, t]);
  };
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      if (i + 1 < side) link(j * side + i, j * side + i + 1);
      if (j + 1 < side) link(j * side + i, (j + 1) * side + i);
    }
  }
  return graphFromEdges(side * side, edges);
}

function randomChanges(g: RoadGraph, direction: Direction, seed: number, maxSeconds?: number) {
  const rand = prng(seed);
  const start = () => Math.floor(rand() * 4); // whole seconds, so starts tie too
  const count = 8;
  const field = new NearestFacilityField(g, direction, { maxSeconds });
  field.run({ node: Int32Array.from({ length: count }, () => Math.floor(rand() * g.nodeCount)), startSeconds: Float64Array.from({ length: count }, start) });
  expectSameAsFull(field, g, maxSeconds);
  for (let step = 0; step < 120; step++) {
    const r = rand();
    const f = Math.floor(rand() * field.facilityCount);
    // Mostly moves, some onto another facility's node; a few removals, additions and moves back on.
    if (r < 0.6) field.move(f, Math.floor(rand() * g.nodeCount), start());
    else if (r < 0.75) field.move(f, field.sources().node[(f + 1) % field.facilityCount]!, start());
    else if (r < 0.85) field.remove(f);
    else if (r < 0.95) field.add(Math.floor(rand() * g.nodeCount), start());
    else field.move(f, field.sources().node[f]!, field.sources().startSeconds[f]! + 1); // same place, later start
    expectSameAsFull(field, g, maxSeconds);
  }
}

describe('NearestFacilityField', () => {
  it.each(['from_facility', 'to_facility'] as const)('after random moves, removals and additions equals a full run, ties included (%s)', (direction) => {
    randomChanges(tieGrid(14, prng(5)), direction, direction === 'from_facility' ? 21 : 22);
  });

  it('equals a full run with a maxSeconds cutoff', () => {
    randomChanges(tieGrid(14, prng(6)), 'from_facility', 23, 9);
  });

  it.each(['from_facility', 'to_facility'] as const)('equals a full run on a generated street grid (%s)', (direction) => {
    randomChanges(buildRoadGraph(gridNetwork(16, prng(8)), SPEEDS), direction, 24);
  });

  it('moving a station hands its nodes to the others, by hand', () => {
    // A street of 11 nodes 100 m apart (10 s per edge); stations at nodes 0 and 10.
    const g = buildRoadGraph(network([{ pts: Array.from({ length: 11 }, (_, i): [number, number] => [i * 100, 0]) }]), SPEEDS);
    const field = new NearestFacilityField(g, 'from_facility');
    field.run({ node: Int32Array.of(0, 10), startSeconds: Float64Array.of(0, 0) });
    expect(Array.from(field.facility)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]); // node 5: a tie, the lower index
    field.move(1, 3, 0);
    expect(Array.from(field.facility)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]); // node 1: 10 s from 0, 20 s from 1; node 2: 20 s and 10 s
    expect(field.seconds[10]).toBeCloseTo(70, 3);
    field.remove(1);
    expect(field.seconds[10]).toBeCloseTo(100, 3);
    expect(field.facility.every((f) => f === 0)).toBe(true);
    expect(field.add(10, 0)).toBe(2);
    expect(field.facility[10]).toBe(2);
    expect(() => field.move(3, 0, 0)).toThrow(RangeError);
    expect(() => field.move(0, 11, 0)).toThrow(RangeError);
    expect(() => field.add(-2, 0)).toThrow(RangeError);
  });

  it('reuses its arrays from run to run', () => {
    const g = tieGrid(5, prng(1));
    const field = new NearestFacilityField(g, 'from_facility');
    const { seconds, facility } = field;
    field.run({ node: Int32Array.of(0), startSeconds: Float64Array.of(0) });
    field.run({ node: Int32Array.of(24, 3), startSeconds: Float64Array.of(0, 2) });
    expect(field.seconds).toBe(seconds);
    expect(field.facility).toBe(facility);
    expectSameAsFull(field, g);
  });
});
