import { describe, expect, it } from 'vitest';
import { demandTravel } from '../../../shared/access/coverage.ts';
import { nearestFacility } from '../../../shared/access/dijkstra.ts';
import { buildRoadGraph, type RoadGraph } from '../../../shared/access/graph.ts';
import { type MultiPolygonCoords, areaPopulations, cellSizeFor, serviceAreas } from '../../../shared/access/service-area.ts';
import { buildNodeIndex, snapPoints } from '../../../shared/access/snap.ts';
import { gridNetwork, M_PER_DEG, lonOf, latOf, network, prng, SPEEDS } from './helpers.ts';

// Everything on the equator, in metres: x east, y north (helpers.ts).
type Pt = [number, number];
const toM = (c: number[]): Pt => [c[0]! * M_PER_DEG, c[1]! * M_PER_DEG];

/** The engine's own time for demand points at these places: snapPoints + demandTravel, the oracle. */
function travelAt(g: RoadGraph, field: ReturnType<typeof nearestFacility>, pts: Pt[], connectorKmh = 15) {
  const s = snapPoints(
    g,
    buildNodeIndex(g),
    Float64Array.from(pts, (p) => lonOf(p[0])),
    Float64Array.from(pts, (p) => latOf(p[1])),
    connectorKmh,
  );
  return demandTravel(field, s);
}

function ringsOf(mp: MultiPolygonCoords): Pt[][] {
  return mp.flatMap((poly) => poly.map((r) => r.map(toM)));
}

/** Even–odd over all the rings of a MultiPolygon (holes included). */
function inside(mp: MultiPolygonCoords, p: Pt): boolean {
  let n = false;
  for (const r of ringsOf(mp)) {
    for (let a = 0, b = r.length - 2; a < r.length - 1; b = a++) {
      const [xa, ya] = r[a]!,
        [xb, yb] = r[b]!;
      if (ya > p[1] !== yb > p[1] && p[0] < ((xb - xa) * (p[1] - ya)) / (yb - ya) + xa) n = !n;
    }
  }
  return n;
}

function segDist(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function boundaryDist(mp: MultiPolygonCoords, p: Pt): number {
  let d = Infinity;
  for (const r of ringsOf(mp)) for (let a = 0; a + 1 < r.length; a++) d = Math.min(d, segDist(p, r[a]!, r[a + 1]!));
  return d;
}

const area2 = (r: Pt[]) => {
  let s = 0;
  for (let a = 0; a + 1 < r.length; a++) s += r[a]![0] * r[a + 1]![1] - r[a + 1]![0] * r[a]![1];
  return s;
};
const areaOf = (mp: MultiPolygonCoords) => ringsOf(mp).reduce((s, r) => s + area2(r) / 2, 0);

function cross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o = (p: Pt, q: Pt, r: Pt) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}

/** Rings closed, outer counter-clockwise and holes clockwise, and no two edges of any rings crossing. */
function expectWellFormed(mp: MultiPolygonCoords) {
  for (const poly of mp) {
    poly.forEach((r, k) => {
      expect(r.length).toBeGreaterThanOrEqual(4);
      expect(r.at(-1)).toEqual(r[0]);
      const a = area2(r.map(toM));
      if (k === 0) expect(a).toBeGreaterThan(0);
      else expect(a).toBeLessThan(0);
    });
  }
  const edges: [Pt, Pt][] = [];
  for (const r of ringsOf(mp)) for (let a = 0; a + 1 < r.length; a++) edges.push([r[a]!, r[a + 1]!]);
  let crossings = 0;
  for (let e = 0; e < edges.length; e++)
    for (let f = e + 1; f < edges.length; f++) if (cross(edges[e]![0], edges[e]![1], edges[f]![0], edges[f]![1])) crossings++;
  expect(crossings).toBe(0);
}

function randomPoints(n: number, x0: number, y0: number, x1: number, y1: number, seed: number): Pt[] {
  const r = prng(seed);
  return Array.from({ length: n }, (): Pt => [x0 + r() * (x1 - x0), y0 + r() * (y1 - y0)]);
}

/**
 * The stated tolerance: beyond a cell of its boundary, a point inside a band has a place within a cell
 * of it that the engine times within the band, and a point outside one that it does not (a detail
 * narrower than a cell — a sliver between two streets' nodes — may be lost, not misplaced); most such
 * points agree exactly. Returns how many points were checked.
 */
function expectBandsAgree(g: RoadGraph, field: ReturnType<typeof nearestFacility>, areas: ReturnType<typeof serviceAreas>, pts: Pt[], exactShare = 0.97) {
  const tol = areas.cellMetres;
  // Each point, then 16 places round it at half a cell and at a cell.
  const probes: Pt[] = [];
  for (const p of pts) {
    probes.push(p);
    for (let k = 0; k < 16; k++) {
      const r = k < 8 ? tol / 2 : tol,
        a = (k * Math.PI) / 4 + (k < 8 ? 0 : Math.PI / 8);
      probes.push([p[0] + r * Math.cos(a), p[1] + r * Math.sin(a)]);
    }
  }
  const t = travelAt(g, field, probes);
  let checked = 0,
    exact = 0;
  for (const band of areas.bands) {
    expectWellFormed(band.polygons);
    pts.forEach((p, k) => {
      if (boundaryDist(band.polygons, p) <= tol) return;
      checked++;
      const isIn = inside(band.polygons, p);
      const within = (q: number) => t.minutes[17 * k + q]! <= band.minutes;
      if (within(0) === isIn) exact++;
      else
        expect(
          Array.from({ length: 16 }, (_, q) => within(q + 1)).some((w) => w === isIn),
          `${band.minutes} min at ${p.map(Math.round)}`,
        ).toBe(true);
    });
  }
  expect(exact / checked).toBeGreaterThanOrEqual(exactShare);
  return checked;
}

// A street along the equator from x = 0 to 4000 m, nodes every 100 m, 36 km/h (10 s per 100 m); the station at x = 0.
const street = buildRoadGraph(network([{ pts: Array.from({ length: 41 }, (_, i): Pt => [i * 100, 0]) }]), SPEEDS);
const streetIndex = buildNodeIndex(street);
const oneStation = nearestFacility(street, 'from_facility', { node: Int32Array.of(0), startSeconds: Float64Array.of(0) });

describe('serviceAreas', () => {
  it('on a street: the 5-minute area runs 3 km along it and 1.25 km off it at the station, by hand', () => {
    const a = serviceAreas({ graph: street, index: streetIndex, field: oneStation, facilityCount: 1, connectorKmh: 15, bands: [5] });
    expect(a.cellMetres).toBe(100);
    const five = a.bands[0]!;
    expect(five.minutes).toBe(5);
    expect(five.polygons).toHaveLength(1);
    expect(five.polygons[0]).toHaveLength(1); // no hole
    expectWellFormed(five.polygons);
    // Along the street: 300 s at 10 m/s; off it at the station: 300 s at 15 km/h = 1,250 m.
    for (const [p, within] of [
      [[2500, 0], true], // 50 s to spare: 208 m either side
      [[3300, 0], false],
      [[0, 1100], true],
      [[0, -1100], true],
      [[0, 1400], false],
      [[-1100, 0], true],
      [[-1400, 0], false],
      [[1500, 500], true], // 150 s along, 120 s off: 270 s
      [[1500, 800], false], // 150 + 192 s
    ] as [Pt, boolean][])
      expect(inside(five.polygons, p), `${p}`).toBe(within);
    // A half disc of 1,250 m behind the station and a triangle 3 km long, ±1,250 m at its base: 6.20 km².
    const hand = (Math.PI * 1250 ** 2) / 2 + 3000 * 1250;
    expect(areaOf(five.polygons) / hand).toBeGreaterThan(0.97);
    expect(areaOf(five.polygons) / hand).toBeLessThan(1.03);
  });

  it('on a street: inside exactly where the engine times a demand point within the band, beyond a cell of the boundary', () => {
    const a = serviceAreas({ graph: street, index: streetIndex, field: oneStation, facilityCount: 1, connectorKmh: 15, bands: [2, 5, 8] });
    expect(a.bands.map((b) => b.minutes)).toEqual([2, 5, 8]);
    expect(expectBandsAgree(street, oneStation, a, randomPoints(600, -2500, -2500, 5500, 2500, 1))).toBeGreaterThan(1500);
  });

  it('on a street grid with two stations and one-way streets: bands agree with the engine beyond the tolerance', () => {
    const g = buildRoadGraph(gridNetwork(16, prng(8)), SPEEDS);
    const field = nearestFacility(g, 'from_facility', { node: Int32Array.of(17, 200), startSeconds: Float64Array.of(0, 30) });
    const a = serviceAreas({ graph: g, index: buildNodeIndex(g), field, facilityCount: 2, connectorKmh: 15, bands: [1, 2, 4], minCellMetres: 50 });
    expect(a.cellMetres).toBe(50);
    expect(expectBandsAgree(g, field, a, randomPoints(500, -800, -800, 3800, 3800, 2))).toBeGreaterThan(800);
    // Inner bands lie inside outer ones (beyond the tolerance).
    for (const p of randomPoints(300, -500, -500, 3500, 3500, 3)) {
      if (inside(a.bands[0]!.polygons, p) && boundaryDist(a.bands[1]!.polygons, p) > a.cellMetres) expect(inside(a.bands[1]!.polygons, p)).toBe(true);
    }
  });

  it('a hole: a block the roads reach only the long way round is left out of the band', () => {
    // A closed loop of roads 2 km a side, the station at its south-west corner: the middle of the square
    // is 1,000 m from every side, 240 s of connector on top of the road.
    const side = (a: Pt, b: Pt): Pt[] => Array.from({ length: 21 }, (_, i): Pt => [a[0] + ((b[0] - a[0]) * i) / 20, a[1] + ((b[1] - a[1]) * i) / 20]);
    const g = buildRoadGraph(
      network([
        { pts: side([0, 0], [2000, 0]) },
        { pts: side([2000, 0], [2000, 2000]) },
        { pts: side([2000, 2000], [0, 2000]) },
        { pts: side([0, 2000], [0, 0]) },
      ]),
      { residential: 72 }, // 20 m/s: the whole loop within 200 s
    );
    const field = nearestFacility(g, 'from_facility', { node: Int32Array.of(0), startSeconds: Float64Array.of(0) });
    const a = serviceAreas({ graph: g, index: buildNodeIndex(g), field, facilityCount: 1, connectorKmh: 15, bands: [4] });
    const four = a.bands[0]!.polygons;
    expectWellFormed(four);
    expect(four).toHaveLength(1);
    expect(four[0]).toHaveLength(2); // the square's middle is a hole
    expect(inside(four, [1000, 1000])).toBe(false); // ≥ 100 s on the road + 240 s off it
    expect(inside(four, [1000, 300])).toBe(true); // 50 s + 72 s
    expect(inside(four, [1900, 1900])).toBe(true); // the far corner: 200 s + 24 s
    expect(travelAt(g, field, [[1000, 1000]]).minutes[0]! > 4).toBe(true);
  });

  it('catchments: each facility its own places, partitioning the reachable area', () => {
    // Stations at x = 0 and x = 3000 on the street: the split at x = 1500 (node 15, equally near, goes to the lower index).
    const field = nearestFacility(street, 'from_facility', { node: Int32Array.of(0, 30), startSeconds: Float64Array.of(0, 0) });
    const a = serviceAreas({ graph: street, index: streetIndex, field, facilityCount: 3, connectorKmh: 15, bands: [3], catchments: true });
    const c = a.catchments!;
    expect(c).toHaveLength(3);
    expect(c[2]).toEqual([]); // a facility that reaches nothing (none stands for index 2)
    for (const mp of c.slice(0, 2)) {
      expectWellFormed(mp);
      expect(mp).toHaveLength(1);
    }
    expect(inside(c[0]!, [1000, 2000])).toBe(true);
    expect(inside(c[1]!, [2000, -2000])).toBe(true);
    expect(inside(c[0]!, [2000, 0])).toBe(false);
    // The reachable area is the 5 km band round the street (the snap limit): 4 km × 10 km + a 5 km disc.
    const hand = 4000 * 10000 + Math.PI * 5000 ** 2;
    const total = areaOf(c[0]!) + areaOf(c[1]!);
    expect(total / hand).toBeGreaterThan(0.98);
    expect(total / hand).toBeLessThan(1.02);
    const pts = randomPoints(800, -6000, -6000, 10000, 6000, 4);
    const t = travelAt(street, field, pts);
    let checked = 0;
    pts.forEach((p, k) => {
      const near = c.map((mp) => boundaryDist(mp, p)).every((d) => d > a.cellMetres);
      if (!near) return;
      checked++;
      const inAny = c.map((mp) => inside(mp, p));
      // In exactly the catchment of the point's nearest facility, or in none when it is unreachable.
      expect(inAny.filter(Boolean).length).toBe(t.facility[k]! >= 0 ? 1 : 0);
      if (t.facility[k]! >= 0) expect(inAny[t.facility[k]!]).toBe(true);
    });
    expect(checked).toBeGreaterThan(600);
    // The two touch at x = 1500, so they get different colours; the one that reaches nothing the first.
    expect(a.catchmentColours).toHaveLength(3);
    expect(a.catchmentColours![0]).not.toBe(a.catchmentColours![1]);
    expect(a.catchmentColours![2]).toBe(0);
  });

  it('nothing reached: empty areas', () => {
    const field = nearestFacility(street, 'from_facility', { node: Int32Array.of(-1), startSeconds: Float64Array.of(0) });
    const a = serviceAreas({ graph: street, index: streetIndex, field, facilityCount: 1, connectorKmh: 15, bands: [10], catchments: true });
    expect(a.bands).toEqual([{ minutes: 10, polygons: [] }]);
    expect(a.catchments).toEqual([[]]);
  });

  it('the cell grows with the extent, keeping the cell count bounded', () => {
    expect(cellSizeFor(5000, 5000, 100, 1_000_000)).toBe(100);
    expect(cellSizeFor(500_000, 400_000, 100, 1_000_000)).toBe(450); // √(2·10¹¹ / 10⁶) = 447, up to 25 m
    const c = cellSizeFor(300_000, 200_000, 100, 1_000_000);
    expect(c).toBe(250);
    expect((Math.floor(300_000 / c) + 1) * (Math.floor(200_000 / c) + 1)).toBeLessThanOrEqual(1_000_000);
  });
});

describe('areaPopulations', () => {
  it('counts a band "within" its minutes and a catchment by nearest facility, the unreachable in neither', () => {
    const minutes = Float64Array.of(4, 10, 10.01, 25, Infinity);
    const facility = Int32Array.of(0, 1, 1, 0, -1);
    const population = Float64Array.of(100, 200, 300, 400, 500);
    const p = areaPopulations(minutes, facility, population, [10, 30], 3);
    expect(Array.from(p.bands)).toEqual([300, 1000]);
    expect(Array.from(p.catchments)).toEqual([500, 500, 0]);
  });
});
