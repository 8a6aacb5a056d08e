/**
 * Plane geometry for the sample's roads and boundaries: a local projection in kilometres around
 * central Changsha, distances and crossings of straight pieces, a grid index, union-find, and the
 * neighbourhood graphs (Delaunay, Gabriel, relative-neighbourhood, minimum spanning tree) that give
 * generated roads their shape. Pure.
 */
import Delaunator from 'delaunator';

/** Projection origin: central Changsha. Over the sample's extent (±1° lon, ±0.5° lat) the scale errs by about 1%. */
const LON0 = 113;
const LAT0 = 28.2;
const KM_PER_DEG_LAT = 111.32;
const KM_PER_DEG_LON = KM_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);

export const toX = (lon: number): number => (lon - LON0) * KM_PER_DEG_LON;
export const toY = (lat: number): number => (lat - LAT0) * KM_PER_DEG_LAT;
export const toLon = (x: number): number => LON0 + x / KM_PER_DEG_LON;
export const toLat = (y: number): number => LAT0 + y / KM_PER_DEG_LAT;

export const dist = (ax: number, ay: number, bx: number, by: number): number => Math.hypot(bx - ax, by - ay);

/** Squared distance from p to the piece a–b, and the parameter (0–1) of the nearest point. */
export function pieceDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): { d2: number; t: number } {
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = ax + t * dx - px,
    qy = ay + t * dy - py;
  return { d2: qx * qx + qy * qy, t };
}

/** Where the pieces a–b and c–d cross (parameters along each, both strictly inside), or null. */
export function crossing(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): { t: number; u: number } | null {
  const rx = bx - ax,
    ry = by - ay,
    sx = dx - cx,
    sy = dy - cy;
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-12) return null;
  const qx = cx - ax,
    qy = cy - ay;
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  const eps = 1e-9;
  return t > eps && t < 1 - eps && u > eps && u < 1 - eps ? { t, u } : null;
}

/** Does the polyline (flat x, y pairs) cross the piece a–b? */
export function crossesPolyline(ax: number, ay: number, bx: number, by: number, line: readonly number[]): boolean {
  for (let k = 0; k + 3 < line.length; k += 2) {
    if (crossing(ax, ay, bx, by, line[k]!, line[k + 1]!, line[k + 2]!, line[k + 3]!)) return true;
  }
  return false;
}

/** Points (or boxes) bucketed in square cells, for neighbourhood queries. */
export class GridIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly cell: number;
  constructor(cell: number) {
    this.cell = cell;
  }
  private key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }
  add(id: number, x: number, y: number): void {
    this.addBox(id, x, y, x, y);
  }
  addBox(id: number, x0: number, y0: number, x1: number, y1: number): void {
    const c = this.cell;
    for (let cx = Math.floor(Math.min(x0, x1) / c); cx <= Math.floor(Math.max(x0, x1) / c); cx++) {
      for (let cy = Math.floor(Math.min(y0, y1) / c); cy <= Math.floor(Math.max(y0, y1) / c); cy++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(id);
        else this.cells.set(k, [id]);
      }
    }
  }
  /** Ids in the cells within `r` of (x, y) (a superset: check distances yourself; a box may come twice). */
  near(x: number, y: number, r: number, visit: (id: number) => void): void {
    const c = this.cell;
    for (let cx = Math.floor((x - r) / c); cx <= Math.floor((x + r) / c); cx++) {
      for (let cy = Math.floor((y - r) / c); cy <= Math.floor((y + r) / c); cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (list) for (const id of list) visit(id);
      }
    }
  }
  /** Every non-empty cell's ids. */
  forEachCell(visit: (ids: readonly number[], cx: number, cy: number) => void): void {
    for (const [k, ids] of this.cells) visit(ids, Math.floor(k / 65536) - 32768, (k % 65536) - 32768);
  }
  get cellSize(): number {
    return this.cell;
  }
}

export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a),
      rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }
}

/** A Delaunay triangulation of points given as flat x, y pairs. */
export function triangulate(xy: readonly number[]): Delaunator<Float64Array> {
  return new Delaunator(Float64Array.from(xy));
}

export interface NeighbourGraphs {
  /** Delaunay edges [i, j] with i < j, sorted. */
  edges: [number, number][];
  /** Per Delaunay edge: in the relative-neighbourhood graph (no point nearer to both ends than they are to each other). */
  rng: boolean[];
  /** Per Delaunay edge: in the Gabriel graph (no point inside the circle on the edge as diameter). */
  gabriel: boolean[];
  /** Per Delaunay edge: in the Euclidean minimum spanning tree (forest, if the points are not all triangulated). */
  mst: boolean[];
}

/**
 * The Delaunay edges of the points and which of them belong to the sparser graphs nested inside it
 * (MST ⊂ RNG ⊂ Gabriel ⊂ Delaunay). Witnesses are looked for among the ends' Delaunay neighbours,
 * which is exact for Gabriel and a close approximation for the RNG.
 */
export function neighbourGraphs(xy: readonly number[]): NeighbourGraphs {
  const n = xy.length / 2;
  const edges: [number, number][] = [];
  if (n >= 3) {
    const d = triangulate(xy);
    const seen = new Set<number>();
    for (let e = 0; e < d.triangles.length; e++) {
      const a = d.triangles[e]!,
        b = d.triangles[e % 3 === 2 ? e - 2 : e + 1]!;
      const i = Math.min(a, b),
        j = Math.max(a, b);
      const key = i * n + j;
      if (!seen.has(key)) {
        seen.add(key);
        edges.push([i, j]);
      }
    }
  } else if (n === 2) {
    edges.push([0, 1]);
  }
  edges.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [i, j] of edges) {
    adj[i]!.push(j);
    adj[j]!.push(i);
  }
  const x = (i: number) => xy[2 * i]!,
    y = (i: number) => xy[2 * i + 1]!;
  const d2 = (i: number, j: number) => (x(i) - x(j)) ** 2 + (y(i) - y(j)) ** 2;
  const rng: boolean[] = [],
    gabriel: boolean[] = [];
  for (const [i, j] of edges) {
    const l2 = d2(i, j);
    const mx = (x(i) + x(j)) / 2,
      my = (y(i) + y(j)) / 2;
    let inRng = true,
      inGabriel = true;
    for (const k of [...adj[i]!, ...adj[j]!]) {
      if (k === i || k === j) continue;
      if (Math.max(d2(i, k), d2(j, k)) < l2) inRng = false;
      if ((x(k) - mx) ** 2 + (y(k) - my) ** 2 < l2 / 4) inGabriel = false;
    }
    rng.push(inRng);
    gabriel.push(inGabriel);
  }
  const order = edges.map((_, k) => k).sort((p, q) => d2(...edges[p]!) - d2(...edges[q]!) || p - q);
  const uf = new UnionFind(n);
  const mst = edges.map(() => false);
  for (const k of order) if (uf.union(edges[k]![0], edges[k]![1])) mst[k] = true;
  return { edges, rng, gabriel, mst };
}

/** Signed area of a ring (flat x, y pairs, not repeated at the end): positive when counter-clockwise. */
export function ringArea(ring: readonly number[]): number {
  let s = 0;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) s += ring[2 * j]! * ring[2 * i + 1]! - ring[2 * i]! * ring[2 * j + 1]!;
  return s / 2;
}

/** Ray casting: is (x, y) inside the ring (flat x, y pairs)? */
export function inRing(x: number, y: number, ring: readonly number[]): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i]!,
      yi = ring[2 * i + 1]!,
      xj = ring[2 * j]!,
      yj = ring[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
