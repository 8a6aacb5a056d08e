/**
 * 等值线: closed rings around the samples of a regular grid that are "inside" (a travel time within a
 * band, a facility's own cells), by marching squares — the geometry half of service-area.ts.
 *
 * Entry point: `new ContourTracer(width, height)` once per grid (its buffers are reused), then
 * `trace(inside, values, threshold, box)` per region: rings in grid units (x = column, y = row, the
 * sample at (i, j) standing at x = i, y = j), outer rings counter-clockwise and holes clockwise, each
 * simplified by Douglas–Peucker within `tolerance` (default half a cell); `polygons(rings)` groups
 * them into a MultiPolygon (each hole with the smallest outer ring around it).
 *
 * The rules: samples off the grid are outside, so every ring closes. A contour crosses a cell edge
 * between an inside and an outside sample, at the linear interpolation of the two values against the
 * threshold (the middle when there are no values or one is infinite). A saddle cell (inside on one
 * diagonal only) joins the inside corners when the mean of its four values is within the threshold
 * (without values: never), so contours never cross. Each crossing is left by exactly one segment,
 * oriented with the inside on its left: that is the `next` table, and a ring is a walk through it.
 */

/** A ring of points in grid units: x0, y0, x1, y1, … (not repeating the first point). */
export type GridRing = Float64Array;

/** One polygon: its outer ring first (counter-clockwise), then its holes (clockwise). */
export type GridPolygon = GridRing[];

export class ContourTracer {
  readonly width: number;
  readonly height: number;
  /** Per lattice edge of the grid widened by one sample on every side: the edge the segment leaving it goes to, -1 none. */
  private readonly next: Int32Array;
  private readonly px: Float32Array;
  private readonly py: Float32Array;
  /** Edges where a segment starts, for the walk (grown when needed, never per cell). */
  private starts = new Int32Array(1024);
  private startCount = 0;
  private readonly w2: number;
  private readonly vertical: number;
  /** The current cell's edges: bottom, right, top, left. */
  private readonly e4 = new Int32Array(4);

  constructor(width: number, height: number) {
    if (!(width >= 1 && height >= 1)) throw new RangeError(`grid ${width} × ${height}`);
    this.width = width;
    this.height = height;
    this.w2 = width + 2;
    this.vertical = (width + 2) * (height + 2);
    this.next = new Int32Array(2 * this.vertical).fill(-1);
    this.px = new Float32Array(2 * this.vertical);
    this.py = new Float32Array(2 * this.vertical);
  }

  /**
   * The rings around the inside samples of `box` ([i0, j0, i1, j1], inclusive; samples outside it count
   * as outside). `inside[j·width + i]` is 1 for an inside sample; `values` (same layout, may hold
   * Infinity) and `threshold` place each crossing; null: crossings at the middle of the edges.
   */
  trace(inside: Uint8Array, values: Float64Array | null, threshold: number, box: readonly number[], tolerance = 0.5): GridRing[] {
    const { width, height } = this;
    const i0 = Math.max(0, box[0]!),
      j0 = Math.max(0, box[1]!),
      i1 = Math.min(width - 1, box[2]!),
      j1 = Math.min(height - 1, box[3]!);
    this.startCount = 0;
    // Cell (i, j) has the samples (i, j) bl, (i+1, j) br, (i+1, j+1) tr, (i, j+1) tl at its corners.
    for (let j = j0 - 1; j <= j1; j++) {
      const rowIn = j >= j0,
        rowUp = j + 1 <= j1;
      for (let i = i0 - 1; i <= i1; i++) {
        const colIn = i >= i0,
          colRight = i + 1 <= i1;
        const k = j * width + i;
        const c0 = rowIn && colIn ? inside[k]! : 0;
        const c1 = rowIn && colRight ? inside[k + 1]! : 0;
        const c2 = rowUp && colRight ? inside[k + width + 1]! : 0;
        const c3 = rowUp && colIn ? inside[k + width]! : 0;
        const code = c0 | (c1 << 1) | (c2 << 2) | (c3 << 3);
        if (code === 0 || code === 15) continue;
        this.cell(i, j, code, values, threshold, rowIn && colIn, rowIn && colRight, rowUp && colRight, rowUp && colIn);
      }
    }
    return this.walk(tolerance);
  }

  /** Sets the segments of one cell: edges 0 bottom, 1 right, 2 top, 3 left, in counter-clockwise order. */
  private cell(i: number, j: number, code: number, values: Float64Array | null, t: number, h0: boolean, h1: boolean, h2: boolean, h3: boolean): void {
    const { width, w2, vertical } = this;
    const a = i + 1,
      b = j + 1;
    const k = j * width + i;
    const v0 = values && h0 ? values[k]! : Infinity,
      v1 = values && h1 ? values[k + 1]! : Infinity,
      v2 = values && h2 ? values[k + width + 1]! : Infinity,
      v3 = values && h3 ? values[k + width]! : Infinity;
    const bottom = b * w2 + a,
      top = (b + 1) * w2 + a,
      left = vertical + b * w2 + a,
      right = vertical + b * w2 + a + 1;
    // The crossing points, on the edges crossed (each edge's point depends on its own two samples only).
    if ((code & 1) !== (code >> 1) % 2) this.point(bottom, i + frac(values, v0, v1, t), j);
    if (((code >> 1) & 1) !== ((code >> 2) & 1)) this.point(right, i + 1, j + frac(values, v1, v2, t));
    if (((code >> 3) & 1) !== ((code >> 2) & 1)) this.point(top, i + frac(values, v3, v2, t), j + 1);
    if ((code & 1) !== ((code >> 3) & 1)) this.point(left, i, j + frac(values, v0, v3, t));
    // Edge e runs from corner e to corner e+1 (counter-clockwise); a crossing where it leaves the
    // inside starts a segment (the inside on its left), one where it enters ends one.
    const e4 = this.e4;
    e4[0] = bottom;
    e4[1] = right;
    e4[2] = top;
    e4[3] = left;
    if (code !== 5 && code !== 10) {
      this.link(e4[FROM[code]!]!, e4[TO[code]!]!);
      return;
    }
    // A saddle: the inside corners joined (each leaving edge to the next entering one), or kept apart (to the previous).
    const joined = values !== null && (v0 + v1 + v2 + v3) / 4 <= t;
    const first = code === 5 ? 0 : 1; // the edges leaving the inside: 0 and 2 (bl, tr inside), or 1 and 3
    for (const e of first === 0 ? SADDLE_A : SADDLE_B) this.link(e4[e]!, e4[(e + (joined ? 1 : 3)) % 4]!);
  }

  private point(e: number, x: number, y: number): void {
    this.px[e] = x;
    this.py[e] = y;
  }

  private link(from: number, to: number): void {
    this.next[from] = to;
    if (this.startCount === this.starts.length) {
      const s = new Int32Array(this.starts.length * 2);
      s.set(this.starts);
      this.starts = s;
    }
    this.starts[this.startCount++] = from;
  }

  /** Walks every ring once, clearing the table behind it. */
  private walk(tolerance: number): GridRing[] {
    const { next, px, py } = this;
    const rings: GridRing[] = [];
    let buf = new Float64Array(256);
    for (let s = 0; s < this.startCount; s++) {
      const first = this.starts[s]!;
      if (next[first] === -1) continue;
      let n = 0,
        e = first;
      do {
        if (2 * n + 2 > buf.length) {
          const b = new Float64Array(buf.length * 2);
          b.set(buf);
          buf = b;
        }
        buf[2 * n] = px[e]!;
        buf[2 * n + 1] = py[e]!;
        n++;
        const to = next[e]!;
        next[e] = -1;
        e = to;
      } while (e !== first && e !== -1);
      rings.push(simplifyRing(buf, n, tolerance));
    }
    return rings;
  }
}

/** Per corner code (bit 0 bl, 1 br, 2 tr, 3 tl inside) but the saddles: the edge its segment leaves from and the one it goes to. */
const FROM = Int8Array.of(-1, 0, 1, 1, 2, -1, 2, 2, 3, 0, -1, 1, 3, 0, 3, -1);
const TO = Int8Array.of(-1, 3, 0, 3, 1, -1, 0, 3, 2, 2, -1, 2, 1, 1, 0, -1);
const SADDLE_A = [0, 2] as const;
const SADDLE_B = [1, 3] as const;

/** Where the threshold falls between two samples (0 at the first), kept off the samples themselves. */
function frac(values: Float64Array | null, va: number, vb: number, t: number): number {
  if (!values || !Number.isFinite(va) || !Number.isFinite(vb) || va === vb) return 0.5;
  const f = (t - va) / (vb - va);
  return f < 0.01 ? 0.01 : f > 0.99 ? 0.99 : f;
}

/**
 * Douglas–Peucker on a closed ring of n points in `xy`: every dropped point within `tolerance` of the
 * kept line. A ring that would keep fewer than 4 points is left as it is (a small island stays one).
 */
export function simplifyRing(xy: Float64Array, n: number, tolerance: number): GridRing {
  if (n <= 4 || !(tolerance > 0)) return xy.slice(0, 2 * n);
  // Anchors: point 0 and the point farthest from it; each half simplified on its own.
  let far = 0,
    best = -1;
  for (let p = 1; p < n; p++) {
    const dx = xy[2 * p]! - xy[0]!,
      dy = xy[2 * p + 1]! - xy[1]!;
    const d = dx * dx + dy * dy;
    if (d > best) {
      best = d;
      far = p;
    }
  }
  const keep = new Uint8Array(n + 1);
  keep[0] = 1;
  keep[far] = 1;
  keep[n] = 1;
  const stack = new Int32Array(2 * (n + 1));
  let top = 0;
  stack[top++] = 0;
  stack[top++] = far;
  stack[top++] = far;
  stack[top++] = n;
  const tol2 = tolerance * tolerance;
  while (top > 0) {
    const b = stack[--top]!,
      a = stack[--top]!;
    if (b - a < 2) continue;
    const ax = xy[2 * (a % n)]!,
      ay = xy[2 * (a % n) + 1]!,
      bx = xy[2 * (b % n)]!,
      by = xy[2 * (b % n) + 1]!;
    const dx = bx - ax,
      dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1,
      at = -1;
    for (let p = a + 1; p < b; p++) {
      const x = xy[2 * p]! - ax,
        y = xy[2 * p + 1]! - ay;
      let d: number;
      if (len2 === 0) d = x * x + y * y;
      else {
        const c = x * dy - y * dx;
        d = (c * c) / len2;
      }
      if (d > worst) {
        worst = d;
        at = p;
      }
    }
    if (worst > tol2) {
      keep[at] = 1;
      stack[top++] = a;
      stack[top++] = at;
      stack[top++] = at;
      stack[top++] = b;
    }
  }
  let kept = 0;
  for (let p = 0; p < n; p++) kept += keep[p]!;
  if (kept < 4) return xy.slice(0, 2 * n);
  const out = new Float64Array(2 * kept);
  for (let p = 0, q = 0; p < n; p++) {
    if (!keep[p]) continue;
    out[q++] = xy[2 * p]!;
    out[q++] = xy[2 * p + 1]!;
  }
  return out;
}

/** Twice the signed area (positive counter-clockwise). */
export function ringArea2(r: GridRing): number {
  const n = r.length >> 1;
  let s = 0;
  for (let p = 0, q = n - 1; p < n; q = p++) s += r[2 * q]! * r[2 * p + 1]! - r[2 * p]! * r[2 * q + 1]!;
  return s;
}

/** Whether (x, y) lies inside the ring (even–odd rule). */
export function inRing(r: GridRing, x: number, y: number): boolean {
  const n = r.length >> 1;
  let inside = false;
  for (let p = 0, q = n - 1; p < n; q = p++) {
    const xp = r[2 * p]!,
      yp = r[2 * p + 1]!,
      xq = r[2 * q]!,
      yq = r[2 * q + 1]!;
    if (yp > y !== yq > y && x < ((xq - xp) * (y - yp)) / (yq - yp) + xp) inside = !inside;
  }
  return inside;
}

/** Outer rings (counter-clockwise) each with the holes (clockwise) whose smallest outer ring it is. */
export function polygons(rings: readonly GridRing[]): GridPolygon[] {
  const outer: { ring: GridRing; area: number; box: number[]; holes: GridRing[] }[] = [];
  const holes: GridRing[] = [];
  for (const r of rings) {
    const a = ringArea2(r);
    if (a > 0) outer.push({ ring: r, area: a, box: boxOf(r), holes: [] });
    else if (a < 0) holes.push(r);
  }
  for (const h of holes) {
    const x = h[0]!,
      y = h[1]!;
    let best: (typeof outer)[number] | null = null;
    for (const o of outer) {
      if (x < o.box[0]! || x > o.box[2]! || y < o.box[1]! || y > o.box[3]!) continue;
      if ((!best || o.area < best.area) && inRing(o.ring, x, y)) best = o;
    }
    best?.holes.push(h);
  }
  return outer.map((o) => [o.ring, ...o.holes]);
}

function boxOf(r: GridRing): number[] {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (let p = 0; p < r.length; p += 2) {
    b[0] = Math.min(b[0]!, r[p]!);
    b[1] = Math.min(b[1]!, r[p + 1]!);
    b[2] = Math.max(b[2]!, r[p]!);
    b[3] = Math.max(b[3]!, r[p + 1]!);
  }
  return b;
}
