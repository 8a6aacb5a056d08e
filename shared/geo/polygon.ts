/**
 * Polygons as GeoJSON gives them (WGS-84, `[lon, lat]`, rings of a Polygon: the outer boundary then
 * its holes): point in polygon, the crossings of a parallel with the boundary (for filling a grid
 * row at a time), bounding box and centroid. Plain planar geometry in degrees, as GeoJSON means it.
 *
 * Inside is by ray casting over every ring (even–odd), so holes are respected and the parts of a
 * MultiPolygon, which do not overlap, need no special case. `pointInRings` and `crossingsAt` use the
 * same rule and the same arithmetic: a point is inside exactly when a row scan says so.
 */

export type Position = readonly number[];
export type Ring = readonly Position[];
export type Area = { type: 'Polygon'; coordinates: readonly Ring[] } | { type: 'MultiPolygon'; coordinates: readonly (readonly Ring[])[] };

export interface Bbox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** The polygons of an area, each a list of rings (outer first). */
export const polygonsOf = (a: Area): readonly (readonly Ring[])[] => (a.type === 'Polygon' ? [a.coordinates] : a.coordinates);

/** Every ring of every polygon of the area. */
export const ringsOf = (a: Area): Ring[] => polygonsOf(a).flat();

/** Ray casting to the east; a ring may or may not repeat its first point at the end. */
export function pointInRings(lon: number, lat: number, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]![0]!,
        yi = ring[i]![1]!,
        xj = ring[j]![0]!,
        yj = ring[j]![1]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export const pointInArea = (lon: number, lat: number, a: Area): boolean => pointInRings(lon, lat, ringsOf(a));

/**
 * The longitudes where the parallel `lat` crosses the rings, sorted, written into `out` (which is
 * cleared). A point (lon, lat) is inside when an odd number of them are greater than lon: between
 * the 1st and 2nd, the 3rd and 4th …
 */
export function crossingsAt(rings: readonly Ring[], lat: number, out: number[]): number[] {
  out.length = 0;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]![0]!,
        yi = ring[i]![1]!,
        xj = ring[j]![0]!,
        yj = ring[j]![1]!;
      if (yi > lat !== yj > lat) out.push(((xj - xi) * (lat - yi)) / (yj - yi) + xi);
    }
  }
  return out.sort((a, b) => a - b);
}

export function bboxOf(rings: readonly Ring[]): Bbox {
  const b = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const ring of rings) {
    for (const p of ring) {
      const x = p[0]!,
        y = p[1]!;
      if (x < b.minLon) b.minLon = x;
      if (x > b.maxLon) b.maxLon = x;
      if (y < b.minLat) b.minLat = y;
      if (y > b.maxLat) b.maxLat = y;
    }
  }
  return b;
}

/** Area-weighted centroid (holes taken off); null for an area of no size. */
export function centroidOf(a: Area): [lon: number, lat: number] | null {
  let sum = 0,
    cx = 0,
    cy = 0;
  for (const polygon of polygonsOf(a)) {
    polygon.forEach((ring, k) => {
      // Shoelace about the ring's first point, to keep the products small.
      const x0 = ring[0]?.[0] ?? 0,
        y0 = ring[0]?.[1] ?? 0;
      let twice = 0,
        rx = 0,
        ry = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const xi = ring[i]![0]! - x0,
          yi = ring[i]![1]! - y0,
          xj = ring[j]![0]! - x0,
          yj = ring[j]![1]! - y0;
        const cross = xj * yi - xi * yj;
        twice += cross;
        rx += (xi + xj) * cross;
        ry += (yi + yj) * cross;
      }
      if (twice === 0) return;
      const w = ((k === 0 ? 1 : -1) * Math.abs(twice)) / 2; // outer ring adds, holes take away, however wound
      sum += w;
      cx += w * (x0 + rx / (3 * twice));
      cy += w * (y0 + ry / (3 * twice));
    });
  }
  return sum > 0 ? [cx / sum, cy / sum] : null;
}
