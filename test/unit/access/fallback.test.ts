import { describe, expect, it } from 'vitest';
import { straightLineTravel } from '../../../shared/access/fallback.ts';
import { DEFAULT_FALLBACK } from '../../../shared/access/network.ts';
import { latOf, lonOf } from './helpers.ts';

const xs = (...m: number[]) => Float64Array.from(m, lonOf);
const zeros = (n: number) => new Float64Array(n);

describe('straightLineTravel', () => {
  it('1 km in a straight line is 1.6 km by road, 3.2 minutes at 30 km/h in town', () => {
    expect(DEFAULT_FALLBACK).toEqual({ detour: 1.6, urbanKmh: 30, ruralKmh: 45 });
    const t = straightLineTravel(xs(0), zeros(1), { lon: xs(1000, 1000), lat: zeros(2), urban: Uint8Array.of(1, 0) });
    expect(t.minutes[0]).toBeCloseTo(3.2, 6);
    expect(t.minutes[1]).toBeCloseTo((1.6 / 45) * 60, 6); // in the country, 45 km/h
    expect(Array.from(t.facility)).toEqual([0, 0]);
    expect(t.model).toBe('straight_line');
  });

  it('takes the nearest facility; of two at one address the lower index; a model of its own', () => {
    const t = straightLineTravel(
      xs(3000, 0, 0),
      zeros(3),
      { lon: xs(2500, 100), lat: Float64Array.of(0, latOf(0)), urban: Uint8Array.of(1, 1) },
      { detour: 1, urbanKmh: 60, ruralKmh: 60 },
    );
    expect(Array.from(t.facility)).toEqual([0, 1]);
    expect(t.minutes[0]).toBeCloseTo(0.5, 6); // 500 m at 1 km a minute
    expect(t.minutes[1]).toBeCloseTo(0.1, 6);
  });

  it('without a facility (or with none placed) nothing is reached', () => {
    const none = straightLineTravel(new Float64Array(0), new Float64Array(0), { lon: xs(0), lat: zeros(1), urban: Uint8Array.of(0) });
    expect(none.minutes[0]).toBe(Infinity);
    expect(none.facility[0]).toBe(-1);
    const unplaced = straightLineTravel(Float64Array.of(NaN, lonOf(2000)), zeros(2), { lon: xs(0), lat: zeros(1), urban: Uint8Array.of(0) });
    expect(unplaced.facility[0]).toBe(1);
  });
});
