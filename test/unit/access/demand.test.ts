import { describe, expect, it } from 'vitest';
import { demandFromCentroids, demandGrid, type DemandUnit } from '../../../shared/access/demand.ts';
import type { Area, Ring } from '../../../shared/geo/polygon.ts';
import { M_PER_DEG } from './helpers.ts';

const unit = (lon: number | null, lat: number | null, population: number | null, urban = false): DemandUnit => ({ lon, lat, population, urban });
/** A rectangle w × h metres from (x0, y0) metres, near the equator, as GeoJSON. */
const ring = (x0: number, y0: number, w: number, h: number): Ring => {
  const d = (m: number) => m / M_PER_DEG;
  return [
    [d(x0), d(y0)],
    [d(x0 + w), d(y0)],
    [d(x0 + w), d(y0 + h)],
    [d(x0), d(y0 + h)],
    [d(x0), d(y0)],
  ];
};
const rect = (x0: number, y0: number, w: number, h: number): Area => ({ type: 'Polygon', coordinates: [ring(x0, y0, w, h)] });
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('demandFromCentroids', () => {
  it('gives one point per unit with coordinates and a population, and lists the others', () => {
    const d = demandFromCentroids([unit(112.9, 28.2, 1200, true), unit(null, 28.1, 500), unit(113, 28, null), unit(113.1, 28.3, 0)]);
    expect(Array.from(d.unit)).toEqual([0, 3]);
    expect(Array.from(d.population)).toEqual([1200, 0]);
    expect(Array.from(d.urban)).toEqual([1, 0]);
    expect(Array.from(d.lon)).toEqual([112.9, 113.1]);
    expect(Array.from(d.skipped)).toEqual([1, 2]);
  });

  it("takes the target year's populations when given", () => {
    const d = demandFromCentroids([unit(112.9, 28.2, 1200), unit(113, 28, null)], { population: Float64Array.of(1300, 400) });
    expect(Array.from(d.population)).toEqual([1300, 400]);
  });
});

describe('demandGrid', () => {
  it('fills a 10 km square with 100 cells of 1 km and shares its population exactly', () => {
    // Cells are square at the area's middle latitude; at 0–0.09° the square is square to 1e-6.
    const d = demandGrid([unit(null, null, 1001, true)], [rect(0, 0, 10_000, 10_000)], 1000);
    expect(d.lon.length).toBe(100);
    expect(sum(d.population)).toBe(1001);
    expect(new Set(d.population)).toEqual(new Set([10, 11])); // ⌊1001/100⌋ or one more
    expect(d.population.filter((p) => p === 11).length).toBe(1);
    expect(d.urban.every((u) => u === 1)).toBe(true);
    // Cell centres half a cell in from the edges.
    expect(Math.min(...d.lat) * M_PER_DEG).toBeCloseTo(500, 3);
    expect(Math.max(...d.lat) * M_PER_DEG).toBeCloseTo(9500, 3);
  });

  it('spreads a small population over the cells rather than piling it in the first', () => {
    const d = demandGrid([unit(null, null, 4)], [rect(0, 0, 4000, 4000)], 1000);
    expect(d.lon.length).toBe(16);
    expect(Array.from(d.population)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const frac = demandGrid([unit(null, null, 10.5)], [rect(0, 0, 2000, 2000)], 1000);
    expect(sum(frac.population)).toBe(10.5);
  });

  it('leaves out a hole, and two units side by side share one lattice without counting a cell twice', () => {
    const holed: Area = { type: 'Polygon', coordinates: [ring(0, 0, 10_000, 10_000), ring(4000, 4000, 2000, 2000)] };
    const d = demandGrid([unit(null, null, 9600), unit(null, null, 500)], [holed, rect(10_000, 0, 5000, 10_000)], 1000);
    expect(Array.from(d.unit).filter((u) => u === 0).length).toBe(96);
    expect(Array.from(d.unit).filter((u) => u === 1).length).toBe(50);
    expect(new Set(Array.from(d.lon, (x, i) => `${x.toFixed(9)},${d.lat[i]!.toFixed(9)}`)).size).toBe(146);
    expect(d.population.every((p, i) => p === (d.unit[i] === 0 ? 100 : 10))).toBe(true);
  });

  it('puts a unit too small for a cell at its centroid, and a unit without an area at its lon/lat', () => {
    const d = demandGrid(
      [unit(null, null, 70), unit(0.5, 0.5, 30), unit(null, null, 10), unit(null, null, null)],
      [rect(100_000, 100_000, 200, 200), null, null, rect(0, 0, 5000, 5000)],
      1000,
    );
    expect(Array.from(d.unit)).toEqual([0, 1]);
    expect(d.lon[0]! * M_PER_DEG).toBeCloseTo(100_100, 3); // the middle of the 200 m square
    expect(Array.from(d.population)).toEqual([70, 30]);
    expect(Array.from(d.skipped)).toEqual([2, 3]);
  });

  it('refuses a grid of too many cells', () => {
    expect(() => demandGrid([unit(null, null, 1)], [rect(0, 0, 100_000, 100_000)], 100, { maxPoints: 10_000 })).toThrow(RangeError);
    expect(() => demandGrid([unit(null, null, 1)], [rect(0, 0, 1, 1)], 0)).toThrow(RangeError);
  });
});
