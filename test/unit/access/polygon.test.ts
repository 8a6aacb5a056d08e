import { describe, expect, it } from 'vitest';
import { type Area, bboxOf, centroidOf, crossingsAt, pointInArea, pointInRings, type Ring } from '../../../shared/geo/polygon.ts';
import { prng } from './helpers.ts';

const square = (x0: number, y0: number, size: number, clockwise = false): Ring => {
  const r: [number, number][] = [
    [x0, y0],
    [x0 + size, y0],
    [x0 + size, y0 + size],
    [x0, y0 + size],
    [x0, y0],
  ];
  return clockwise ? r.reverse() : r;
};

describe('polygon', () => {
  const withHole: Area = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2, true)] };

  it('is inside the outer ring and not inside a hole', () => {
    expect(pointInArea(1, 1, withHole)).toBe(true);
    expect(pointInArea(5, 5, withHole)).toBe(false); // in the hole
    expect(pointInArea(11, 5, withHole)).toBe(false);
    expect(pointInArea(-0.5, 5, withHole)).toBe(false);
  });

  it('takes every part of a MultiPolygon, and a ring that does not repeat its first point', () => {
    const multi: Area = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1).slice(0, 4)]] };
    expect(pointInArea(0.5, 0.5, multi)).toBe(true);
    expect(pointInArea(5.5, 5.5, multi)).toBe(true);
    expect(pointInArea(3, 3, multi)).toBe(false);
  });

  it('gives the crossings of a parallel, sorted, that agree with ray casting point by point', () => {
    // A star with 9 points and a hole: concave, so a row crosses it many times.
    const star: [number, number][] = [];
    for (let k = 0; k < 18; k++) {
      const r = k % 2 ? 3 : 10,
        a = (k * Math.PI) / 9;
      star.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    const rings: Ring[] = [star, square(-1, -1, 2)];
    const rand = prng(9);
    const out: number[] = [];
    for (let q = 0; q < 2000; q++) {
      const x = rand() * 24 - 12,
        y = rand() * 24 - 12;
      const xs = crossingsAt(rings, y, out);
      expect(xs.length % 2).toBe(0);
      for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1]!);
      const east = xs.filter((c) => x < c).length;
      expect(east % 2 === 1).toBe(pointInRings(x, y, rings));
    }
  });

  it('bounding box and centroid, holes taken off however the rings are wound', () => {
    expect(bboxOf(withHole.coordinates)).toEqual({ minLon: 0, minLat: 0, maxLon: 10, maxLat: 10 });
    expect(centroidOf(withHole)).toEqual([expect.closeTo(5, 12), expect.closeTo(5, 12)]);
    // An L: a 2 × 1 block and a 1 × 1 block on top of its left end. Area 3, centroid (5/6, 5/6).
    const l: Area = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    expect(centroidOf(l)).toEqual([expect.closeTo(5 / 6, 12), expect.closeTo(5 / 6, 12)]);
    const lReversed: Area = { type: 'Polygon', coordinates: [[...l.coordinates[0]!].reverse()] };
    expect(centroidOf(lReversed)).toEqual([expect.closeTo(5 / 6, 12), expect.closeTo(5 / 6, 12)]);
    // A hole off-centre pulls the centroid away: 10 × 10 less a 2 × 2 at (4..6, 0..2) → y = (100·5 − 4·1) / 96.
    const notched: Area = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 0.0001, 2)] };
    expect(centroidOf(notched)![1]).toBeCloseTo((500 - 4 * 1.0001) / 96, 6);
    expect(
      centroidOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [2, 2],
            [0, 0],
          ],
        ],
      }),
    ).toBeNull();
  });
});
