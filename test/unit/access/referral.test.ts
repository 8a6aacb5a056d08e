// 转诊可及性 on hand-made networks: times worked out by hand (36 km/h residential = 10 m/s, 100 m in 10 s;
// 72 km/h primary = 20 m/s; connectors at 15 km/h = 24 s per 100 m), on the equator where a metre east
// or north is the same everywhere (helpers.ts).
import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../../../shared/access/graph.ts';
import {
  REFERRAL_LADDER,
  referralOnRoads,
  referralRung,
  referralStraightLine,
  referralTargets,
  referralWithin,
  summariseReferral,
} from '../../../shared/access/referral.ts';
import { buildNodeIndex } from '../../../shared/access/snap.ts';
import { FACILITY_TYPES } from '../../../shared/model/kinds.ts';
import { graphFromEdges, latOf, lonOf, network, type Seg, SPEEDS } from './helpers.ts';

const places = (pts: [number, number][]) => ({ lon: Float64Array.from(pts, (p) => lonOf(p[0])), lat: Float64Array.from(pts, (p) => latOf(p[1])) });
const line = (a: [number, number], b: [number, number], more: Partial<Seg> = {}): Seg => ({ pts: [a, b], ...more });
const onRoads = (segs: Seg[], from: [number, number][], to: [number, number][]) => {
  const g = buildRoadGraph(network(segs), SPEEDS);
  return referralOnRoads(g, buildNodeIndex(g), places(from), places(to));
};

describe('the referral ladder', () => {
  it('refers each level to every level above it', () => {
    expect(referralTargets('village_clinic')).toEqual(expect.arrayContaining(['thc', 'chc', 'sub_centre', 'secondary_hospital', 'tertiary_hospital']));
    expect(referralTargets('village_clinic')).not.toContain('chs_station');
    const thc = referralTargets('thc')!;
    expect(thc.sort()).toEqual(['secondary_hospital', 'sub_centre', 'tcm_hospital', 'tertiary_hospital']);
    expect(referralTargets('chc')).toEqual(referralTargets('thc'));
    expect(referralTargets('sub_centre')!.sort()).toEqual(['secondary_hospital', 'tcm_hospital', 'tertiary_hospital']);
    expect(referralTargets('secondary_hospital')).toEqual(['tertiary_hospital']);
    expect(referralTargets('tertiary_hospital')).toEqual([]);
    expect(referralTargets('ems_station')).toBeNull();
  });

  it('puts each type on one rung at most, in the order of the chain', () => {
    const seen = REFERRAL_LADDER.flatMap((r) => r.types);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.every((t) => (FACILITY_TYPES as readonly string[]).includes(t))).toBe(true);
    expect(referralRung('village_clinic')).toBeLessThan(referralRung('thc'));
    expect(referralRung('thc')).toBeLessThan(referralRung('sub_centre'));
    expect(referralRung('sub_centre')).toBeLessThan(referralRung('secondary_hospital'));
    expect(REFERRAL_LADDER.every((r) => r.reason.zh && r.reason.en)).toBe(true);
  });
});

describe('referral times on the roads', () => {
  it('takes the nearest by time, not by distance', () => {
    // From (0,0): A 1 km east on a track at 3.6 km/h (1,000 s); B 3 km north on a primary road (150 s).
    const r = onRoads(
      [line([0, 0], [1000, 0], { kmh: 3.6 }), line([0, 0], [0, 3000], { highway: 'primary' })],
      [[0, 0]],
      [
        [1000, 0],
        [0, 3000],
      ],
    );
    expect(r.model).toBe('road');
    expect(r.target[0]).toBe(1);
    expect(r.minutes[0]).toBeCloseTo(150 / 60, 4);
  });

  it('of two targets equally near, the one listed first', () => {
    const segs = [line([-1000, 0], [0, 0]), line([0, 0], [1000, 0])];
    const ab = onRoads(
      segs,
      [[0, 0]],
      [
        [1000, 0],
        [-1000, 0],
      ],
    );
    const ba = onRoads(
      segs,
      [[0, 0]],
      [
        [-1000, 0],
        [1000, 0],
      ],
    );
    expect(ab.minutes[0]).toBeCloseTo(100 / 60, 4);
    expect(ab.minutes[0]).toBe(ba.minutes[0]);
    expect(ab.target[0]).toBe(0);
    expect(ba.target[0]).toBe(0);
  });

  it('counts the trip the way the patient drives it (one-way streets)', () => {
    // One way from the centre (0,0) to the hospital (1000,0): referred along it; the other way round, not at all.
    const along = onRoads([line([0, 0], [1000, 0], { oneway: 1 })], [[0, 0]], [[1000, 0]]);
    expect(along.minutes[0]).toBeCloseTo(100 / 60, 4);
    const against = onRoads([line([0, 0], [1000, 0], { oneway: -1 })], [[0, 0]], [[1000, 0]]);
    expect(against.minutes[0]).toBe(Infinity);
    expect(against.target[0]).toBe(-1);
  });

  it('gives a facility off the road its connector at 15 km/h, at both ends', () => {
    // From 100 m north of (0,0) (24 s), 1 km of road (100 s), the hospital 200 m south of (1000,0) (48 s): 172 s.
    const r = onRoads([line([0, 0], [1000, 0])], [[0, 100]], [[1000, -200]]);
    expect(r.target[0]).toBe(0);
    expect(r.minutes[0]! * 60).toBeCloseTo(24 + 100 + 48, 2);
    expect(r.fromOffNetwork).toBe(0);
  });

  it('leaves unreached a facility over 5 km from every road, one on a road that leads to no target, and says how many are off', () => {
    // Two separate roads: the target on the east one; one centre on the west road, one 6 km from both.
    const r = onRoads(
      [line([0, 0], [1000, 0]), line([20_000, 0], [21_000, 0])],
      [
        [0, 0],
        [10_000, 6000],
        [20_000, 0],
      ],
      [[21_000, 0]],
    );
    expect(Array.from(r.target)).toEqual([-1, -1, 0]);
    expect(r.minutes[0]).toBe(Infinity);
    expect(r.minutes[1]).toBe(Infinity);
    expect(r.minutes[2]).toBeCloseTo(100 / 60, 4);
    expect(r.fromOffNetwork).toBe(1);
    // A target 6 km from the road is reached by nobody.
    const far = onRoads([line([0, 0], [1000, 0])], [[0, 0]], [[500, 6000]]);
    expect(far.toOffNetwork).toBe(1);
    expect(far.minutes[0]).toBe(Infinity);
  });

  it('with no target at all, nobody is reached', () => {
    const r = onRoads([line([0, 0], [1000, 0])], [[0, 0]], []);
    expect(r.minutes[0]).toBe(Infinity);
    expect(r.target[0]).toBe(-1);
  });
});

describe('the threshold', () => {
  // Exact edge times: centre 0 → hospital 1 in 1,800 s (30 min); centre 2 → hospital 1 in 1,800.5 s.
  const g = graphFromEdges(3, [
    [0, 1, 1800],
    [2, 1, 1800.5],
  ]);
  const at = (n: number[]) => ({ lon: Float64Array.from(n, (i) => g.lon[i]!), lat: Float64Array.from(n, (i) => g.lat[i]!) });
  const r = referralOnRoads(g, buildNodeIndex(g), at([0, 2]), at([1]));

  it('takes exactly 30 minutes as within 30, and a second more as not', () => {
    expect(r.minutes[0]).toBe(30);
    expect(r.minutes[1]).toBeCloseTo(30 + 0.5 / 60, 6);
    expect(referralWithin(r.minutes[0]!, 30)).toBe(true);
    expect(referralWithin(r.minutes[1]!, 30)).toBe(false);
    expect(referralWithin(Infinity, 30)).toBe(false);
  });

  it('summarises per county and in all: count, within, unreachable, the longest time', () => {
    // County 0: 30 and 30.008 min; county 1: 12 min and one unreachable; one facility in no county (5 min).
    const minutes = Float64Array.from([r.minutes[0]!, r.minutes[1]!, 12, Infinity, 5]);
    const s = summariseReferral(minutes, Int32Array.from([0, 0, 1, 1, -1]), 2, 30);
    expect(Array.from(s.facilities)).toEqual([2, 2, 5]);
    expect(Array.from(s.within)).toEqual([1, 1, 3]);
    expect(Array.from(s.unreachable)).toEqual([0, 1, 1]);
    expect(s.worstMinutes[0]).toBeCloseTo(30.008333, 5);
    expect(s.worstMinutes[1]).toBe(12);
    expect(s.worstMinutes[2]).toBeCloseTo(30.008333, 5);
    // With 31 minutes both of county 0 are within; a county of unreachable ones has no longest time.
    expect(summariseReferral(minutes, Int32Array.from([0, 0, 1, 1, -1]), 2, 31).within[0]).toBe(2);
    expect(summariseReferral(Float64Array.from([Infinity]), Int32Array.from([0]), 1, 30).worstMinutes[0]).toBeNaN();
  });
});

describe('referral without roads', () => {
  it('is the straight line × 1.6 at 30 km/h in town and 45 in the country, from the nearest target', () => {
    // Targets 1 km and 2 km east of a town centre and a country centre at the origin: the 1 km one.
    const from = {
      ...places([
        [0, 0],
        [0, 0],
      ]),
      urban: Uint8Array.from([1, 0]),
    };
    const r = referralStraightLine(
      from,
      places([
        [2000, 0],
        [1000, 0],
      ]),
    );
    expect(r.model).toBe('straight_line');
    expect(Array.from(r.target)).toEqual([1, 1]);
    expect(r.minutes[0]).toBeCloseTo((1.6 / 30) * 60, 3); // 3.2 min
    expect(r.minutes[1]).toBeCloseTo((1.6 / 45) * 60, 3); // 2.13 min
  });
});
