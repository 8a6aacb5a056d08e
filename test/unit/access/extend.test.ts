// A siting proposal is evaluated after the existing facilities alone (run-siting.ts): the worker's
// access then adds the chosen sites to the last field (compute.ts) instead of a new full search. The
// minutes and nearest facilities must be the full search's, exactly; anything else is searched afresh.
import { describe, expect, it } from 'vitest';
import { computeAccess, type ComputeInput } from '../../../electron/backend/access/compute.ts';
import { forgetNetworks } from '../../../electron/backend/worker/network-cache.ts';
import { DEFAULT_ROAD_SPEEDS } from '../../../shared/access/network.ts';
import { gridNetwork, latOf, lonOf, prng } from './helpers.ts';

const rand = prng(18);
const net = gridNetwork(30, rand); // 30 × 30 junctions, 200 m apart, some one-way
const place = (n: number) => Array.from({ length: n }, () => [rand() * 5800, rand() * 5800] as const);
const existing = place(6),
  sites = place(3),
  demand = place(400);
const input = (
  facilities: readonly (readonly [number, number])[],
  ids: string[],
  key: string,
  direction: ComputeInput['direction'] = 'from_facility',
): ComputeInput => ({
  network: { key, data: net, speeds: { ...DEFAULT_ROAD_SPEEDS } },
  direction,
  dispatchSeconds: 60,
  facilities: { lon: Float64Array.from(facilities, ([x]) => lonOf(x)), lat: Float64Array.from(facilities, ([, y]) => latOf(y)) },
  facilityKey: ids.join('\u0000'),
  demand: {
    lon: Float64Array.from(demand, ([x]) => lonOf(x)),
    lat: Float64Array.from(demand, ([, y]) => latOf(y)),
    urban: new Uint8Array(demand.length).fill(1),
  },
  demandKey: 'D',
});
const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('access on the existing facilities, then with sites appended', () => {
  for (const direction of ['from_facility', 'to_facility'] as const)
    it(`${direction}: the sites added to the last field give the full search's minutes and nearest, exactly`, () => {
      forgetNetworks();
      const before = computeAccess(input(existing, ids(6, 'E'), 'extend-a', direction));
      expect(before.incremental).toBe(false);
      const both = [...existing, ...sites];
      const added = computeAccess(input(both, [...ids(6, 'E'), ...ids(3, 'S')], 'extend-a', direction));
      expect(added.incremental).toBe(true);
      // The same question on a graph with no field kept (another key): a full search.
      const full = computeAccess(input(both, [...ids(6, 'E'), ...ids(3, 'S')], 'extend-b', direction));
      expect(full.incremental).toBe(false);
      expect(Array.from(added.minutes)).toEqual(Array.from(full.minutes));
      expect(Array.from(added.facility)).toEqual(Array.from(full.facility));
      // The sites do serve someone here (else the test would prove little).
      expect(Array.from(added.facility).filter((f) => f >= 6).length).toBeGreaterThan(0);
    });

  it('a list that does not begin with the last one unchanged is searched afresh', () => {
    forgetNetworks();
    computeAccess(input(existing, ids(6, 'E'), 'extend-c'));
    const moved = [[existing[0]![0] + 500, existing[0]![1]] as const, ...existing.slice(1), ...sites];
    const r = computeAccess(input(moved, [...ids(6, 'E'), ...ids(3, 'S')], 'extend-c'));
    expect(r.incremental).toBe(false);
    const full = computeAccess(input(moved, [...ids(6, 'E'), ...ids(3, 'S')], 'extend-d'));
    expect(Array.from(r.minutes)).toEqual(Array.from(full.minutes));
  });
});
