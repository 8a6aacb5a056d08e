/**
 * Generated boundaries of the sample's streets/towns/townships and counties (WGS-84 GeoJSON geometry).
 *
 * Every township owns the Voronoi cells of its centre and of its communities/villages; its polygon is
 * the union of those cells, so the centre and every community/village lie inside their own township
 * and the townships tile the area without overlap. A county is the union of its townships. The outer
 * edge is shaped by "outside" sites: a ring just beyond each county's disc (a disc of the county's
 * area around its centre) and a coarse lattice over the land between the counties, kept where they are
 * outside every county's disc and clear of the sample's places. Generated, not real: no real boundary
 * was used. Pure and deterministic.
 */
import type { Unit } from '../model/index.ts';
import { discRadiusKm } from './alloc.ts';
import { GridIndex, ringArea, inRing, toLat, toLon, toX, toY, triangulate } from './geom.ts';
import { rngFor } from './prng.ts';

export type BoundaryGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
export interface SampleBoundary {
  code: string;
  geometry: BoundaryGeometry;
}

const TOWNSHIP_KINDS = new Set(['street', 'town', 'township']);
/** Outside sites: on a ring at this multiple of a county's disc radius … */
const RING_FACTOR = 1.12;
/** … every this many km, and on a lattice of this spacing between the counties. */
const RING_STEP_KM = 2;
const LATTICE_KM = 3;
/** No outside site closer than this to a place of the sample. */
const CLEARANCE_KM = 2.2;
/** Frame of outside sites this far beyond everything, so that no place is on the convex hull. */
const FRAME_KM = 40;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

interface Site {
  x: number;
  y: number;
  label: number;
}

/**
 * Boundaries of every street/town/township and every county in `units` (codes as the units'), in
 * the order of `units`. A unit whose region falls apart into pieces gets a MultiPolygon.
 */
export function generateSampleBoundaries(units: readonly Unit[]): SampleBoundary[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const townships = units.filter((u) => TOWNSHIP_KINDS.has(u.kind) && u.lon != null && u.lat != null);
  const counties = units.filter((u) => u.kind === 'county' && u.lon != null && u.lat != null);
  const tIndex = new Map(townships.map((t, i) => [t.code, i]));

  // Labelled sites: each township's centre and its communities/villages.
  const sites: Site[] = townships.map((t, i) => ({ x: toX(t.lon!), y: toY(t.lat!), label: i }));
  for (const u of units) {
    const i = u.parent_code == null ? undefined : tIndex.get(u.parent_code);
    if (i !== undefined && (u.kind === 'community' || u.kind === 'village') && u.lon != null && u.lat != null) {
      sites.push({ x: toX(u.lon), y: toY(u.lat), label: i });
    }
  }
  const labelled = new GridIndex(CLEARANCE_KM);
  sites.forEach((s, k) => labelled.add(k, s.x, s.y));
  const clear = (x: number, y: number) => {
    let ok = true;
    labelled.near(x, y, CLEARANCE_KM, (k) => {
      if (Math.hypot(sites[k]!.x - x, sites[k]!.y - y) < CLEARANCE_KM) ok = false;
    });
    return ok;
  };

  // Outside sites.
  const discs = counties.map((c) => ({ x: toX(c.lon!), y: toY(c.lat!), r: discRadiusKm(c.area_km2 ?? 0) }));
  const insideAny = (x: number, y: number, factor: number, skip = -1) => discs.some((d, k) => k !== skip && Math.hypot(x - d.x, y - d.y) < d.r * factor);
  const rng = rngFor('boundaries', 'outside');
  const outside = (x: number, y: number) => {
    sites.push({ x: x + rng.uniform(-0.05, 0.05), y: y + rng.uniform(-0.05, 0.05), label: -1 });
  };
  discs.forEach((d, k) => {
    const n = Math.max(12, Math.ceil((2 * Math.PI * d.r * RING_FACTOR) / RING_STEP_KM));
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = d.r * RING_FACTOR * (1 + 0.04 * Math.sin(3 * a + k));
      const x = d.x + r * Math.cos(a),
        y = d.y + r * Math.sin(a);
      if (!insideAny(x, y, 1.0, k) && clear(x, y)) outside(x, y);
    }
  });
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const s of sites) {
    x0 = Math.min(x0, s.x);
    y0 = Math.min(y0, s.y);
    x1 = Math.max(x1, s.x);
    y1 = Math.max(y1, s.y);
  }
  for (let x = Math.floor(x0 / LATTICE_KM) * LATTICE_KM - 12; x <= x1 + 12; x += LATTICE_KM) {
    for (let y = Math.floor(y0 / LATTICE_KM) * LATTICE_KM - 12; y <= y1 + 12; y += LATTICE_KM) {
      if (!insideAny(x, y, RING_FACTOR) && clear(x, y)) outside(x, y);
    }
  }
  for (let i = 0; i < 8; i++) {
    const a = (2 * Math.PI * i) / 8;
    outside((x0 + x1) / 2 + (FRAME_KM + (x1 - x0)) * Math.cos(a), (y0 + y1) / 2 + (FRAME_KM + (y1 - y0)) * Math.sin(a));
  }

  const voronoi = cellsOf(sites);
  const out: SampleBoundary[] = [];
  const townshipRegions = voronoi((s) => s.label);
  const countyOf = townships.map((t) => counties.findIndex((c) => c.code === t.parent_code));
  const countyRegions = voronoi((s) => (s.label < 0 ? -1 : countyOf[s.label]!));
  for (const u of units) {
    const t = tIndex.get(u.code);
    const rings = t !== undefined ? townshipRegions.get(t) : u.kind === 'county' ? countyRegions.get(counties.indexOf(u)) : undefined;
    if (rings && byCode.has(u.code)) out.push({ code: u.code, geometry: toGeometry(rings) });
  }
  return out;
}

/**
 * The Voronoi cells of `sites`, merged by label: per label (≥ 0) its boundary rings (flat x, y
 * pairs in km, not closed), outer rings turning one way and holes the other. The boundary of a
 * label is the Voronoi edges between its sites and other labels' sites; the vertices are the
 * circumcentres of the Delaunay triangles, so neighbouring regions share their edges exactly.
 */
function cellsOf(sites: readonly Site[]): (labelOf: (s: Site) => number) => Map<number, number[][]> {
  const xy = sites.flatMap((s) => [s.x, s.y]);
  const d = triangulate(xy);
  const { triangles, halfedges } = d;
  const nT = triangles.length / 3;
  const cx = new Float64Array(nT),
    cy = new Float64Array(nT);
  for (let t = 0; t < nT; t++) {
    const [a, b, c] = [triangles[3 * t]!, triangles[3 * t + 1]!, triangles[3 * t + 2]!];
    const ax = xy[2 * a]!,
      ay = xy[2 * a + 1]!;
    const bx = xy[2 * b]! - ax,
      by = xy[2 * b + 1]! - ay,
      qx = xy[2 * c]! - ax,
      qy = xy[2 * c + 1]! - ay;
    const den = 2 * (bx * qy - by * qx);
    const b2 = bx * bx + by * by,
      c2 = qx * qx + qy * qy;
    cx[t] = ax + (qy * b2 - by * c2) / den;
    cy[t] = ay + (bx * c2 - qx * b2) / den;
  }
  const next = (e: number) => (e % 3 === 2 ? e - 2 : e + 1);
  return (labelOf) => {
    const labels = sites.map(labelOf);
    // Per label: the directed Voronoi edges (triangle → triangle) around it, all turning the same way.
    const succ = new Map<number, Map<number, number>>();
    for (let e = 0; e < triangles.length; e++) {
      const p = triangles[e]!,
        q = triangles[next(e)]!;
      const lp = labels[p]!;
      if (lp < 0 || lp === labels[q]) continue;
      const o = halfedges[e]!;
      if (o < 0) throw new Error('boundaries: a labelled site is on the convex hull');
      let m = succ.get(lp);
      if (!m) succ.set(lp, (m = new Map()));
      m.set(Math.floor(o / 3), Math.floor(e / 3));
    }
    const out = new Map<number, number[][]>();
    for (const [label, m] of [...succ.entries()].sort((a, b) => a[0] - b[0])) {
      const rings: number[][] = [];
      const done = new Set<number>();
      for (const start of [...m.keys()].sort((a, b) => a - b)) {
        if (done.has(start)) continue;
        const ring: number[] = [];
        for (let t = start; !done.has(t); t = m.get(t)!) {
          done.add(t);
          const x = cx[t]!,
            y = cy[t]!;
          const n = ring.length;
          if (n === 0 || ring[n - 2] !== x || ring[n - 1] !== y) ring.push(x, y);
          if (!m.has(m.get(t)!)) throw new Error('boundaries: an open Voronoi boundary');
        }
        if (ring.length >= 4 && ring[0] === ring[ring.length - 2] && ring[1] === ring[ring.length - 1]) ring.splice(-2);
        if (ring.length >= 6) rings.push(ring);
      }
      out.set(label, rings);
    }
    return out;
  };
}

/** Rings (km) as GeoJSON in lon/lat: outer rings counter-clockwise, holes clockwise (RFC 7946). */
function toGeometry(rings: readonly number[][]): BoundaryGeometry {
  // The rings of one label are all oriented alike, so the largest (an outer ring) tells which way outer rings turn.
  const areas = rings.map(ringArea);
  const sign = Math.sign(areas.reduce((m, a) => (Math.abs(a) > Math.abs(m) ? a : m), 0));
  const ccw = (r: readonly number[], want: number) => {
    if (Math.sign(ringArea(r)) === want) return r.slice();
    const out: number[] = [];
    for (let i = r.length - 2; i >= 0; i -= 2) out.push(r[i]!, r[i + 1]!);
    return out;
  };
  const outers = rings
    .filter((_, k) => Math.sign(areas[k]!) === sign)
    .map((r) => ccw(r, 1))
    .sort((a, b) => ringArea(b) - ringArea(a));
  const holes = rings.filter((_, k) => Math.sign(areas[k]!) !== sign).map((r) => ccw(r, -1));
  const polys = outers.map((r) => [r]);
  for (const h of holes) {
    let best = -1;
    outers.forEach((o, k) => {
      if (inRing(h[0]!, h[1]!, o) && (best < 0 || ringArea(o) < ringArea(outers[best]!))) best = k;
    });
    if (best >= 0) polys[best]!.push(h);
  }
  const geo = (r: readonly number[]) => {
    const pts: number[][] = [];
    for (let i = 0; i < r.length; i += 2) pts.push([round6(toLon(r[i]!)), round6(toLat(r[i + 1]!))]);
    pts.push(pts[0]!.slice());
    return pts;
  };
  const coords = polys.map((p) => p.map(geo));
  return coords.length === 1 ? { type: 'Polygon', coordinates: coords[0]! } : { type: 'MultiPolygon', coordinates: coords };
}
