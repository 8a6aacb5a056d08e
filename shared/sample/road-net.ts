/**
 * The sample road network's working form (Net: points and roads in km) and the passes over the whole
 * network that make it drivable: shared points where roads cross, spurs to places far from a road,
 * interchange links, joining the pieces, one-way streets that would trap a driver, and the final
 * RoadNetworkData. The layers themselves are built in roads.ts.
 */
import { DEFAULT_ROAD_SPEEDS, type RoadNetworkData } from '../access/network.ts';
import { crossing, dist, GridIndex, pieceDist2, toLat, toLon, UnionFind } from './geom.ts';
import { rngFor, type Rng } from './prng.ts';

/** A place farther than this (km) from every road point gets a spur. */
const SPUR_KM = 0.2;

/** How major a class is (spurs and links look for roads of at least a rank). */
export const RANK: Readonly<Record<string, number>> = {
  motorway: 8,
  trunk: 7,
  primary: 6,
  motorway_link: 5,
  secondary: 5,
  tertiary: 4,
  unclassified: 3,
  residential: 3,
  service: 1,
};

export interface Edge {
  /** Point ids along the road. */
  pts: number[];
  cls: string;
  /** Speed as a share of the class default (1: the default). */
  f: number;
  /** 0 both ways, 1 along pts, -1 against. */
  oneway: number;
  motorway: boolean;
  alive: boolean;
}

export class Net {
  readonly x: number[] = [];
  readonly y: number[] = [];
  readonly edges: Edge[] = [];
  point(x: number, y: number): number {
    this.x.push(x);
    this.y.push(y);
    return this.x.length - 1;
  }
  edge(pts: number[], cls: string, f = 1, oneway = 0, motorway = false): Edge {
    const e: Edge = { pts, cls, f: Math.round(f * 20) / 20, oneway, motorway, alive: true };
    this.edges.push(e);
    return e;
  }
  d(a: number, b: number): number {
    return dist(this.x[a]!, this.y[a]!, this.x[b]!, this.y[b]!);
  }
  /**
   * Points from a to b along a smooth curve: the straight line bent by a few sine modes (random
   * amplitudes, `amp` × length for the first), with tighter bends in hill country.
   */
  curve(a: number, b: number, rng: Rng, amp: number, pieceKm: number, hill = 0): number[] {
    const ax = this.x[a]!,
      ay = this.y[a]!,
      bx = this.x[b]!,
      by = this.y[b]!;
    const L = dist(ax, ay, bx, by);
    const nx = L > 0 ? -(by - ay) / L : 0,
      ny = L > 0 ? (bx - ax) / L : 0;
    const modes: { k: number; a: number }[] = [];
    for (let k = 1; k <= 4; k++) modes.push({ k, a: (rng.uniform(-1, 1) * amp * L) / k ** 1.5 });
    if (hill > 0.15) {
      // Switchbacks: half-waves about every 1.2 km, up to 0.2 km out.
      const k = Math.max(2, Math.round(L / 1.2));
      modes.push({ k, a: rng.uniform(0.5, 1) * Math.min(0.2, 0.1 * L) * hill });
      modes.push({ k: 2 * k + 1, a: rng.uniform(-1, 1) * Math.min(0.12, 0.05 * L) * hill });
    }
    const kMax = Math.max(...modes.map((m) => m.k));
    const n = Math.max(1, Math.ceil(L / pieceKm), kMax > 4 ? 3 * kMax : 0);
    const out = [a];
    for (let i = 1; i < n; i++) {
      const s = i / n;
      let off = 0;
      for (const m of modes) off += m.a * Math.sin(m.k * Math.PI * s);
      out.push(this.point(ax + s * (bx - ax) + off * nx, ay + s * (by - ay) + off * ny));
    }
    out.push(b);
    return out;
  }
  /** Cut edges at points on them: per edge, (piece index, parameter, point id). */
  split(cuts: Map<Edge, { k: number; t: number; p: number }[]>): void {
    for (const [e, list] of cuts) {
      if (list.length === 0) continue;
      list.sort((a, b) => a.k - b.k || a.t - b.t || a.p - b.p);
      const parts: number[][] = [];
      let cur = [e.pts[0]!];
      let c = 0;
      for (let k = 0; k < e.pts.length - 1; k++) {
        while (c < list.length && list[c]!.k === k) {
          const p = list[c++]!.p;
          if (cur[cur.length - 1] !== p) cur.push(p);
          if (cur.length >= 2) {
            parts.push(cur);
            cur = [p];
          }
        }
        const next = e.pts[k + 1]!;
        if (cur[cur.length - 1] !== next) cur.push(next);
      }
      parts.push(cur);
      const keep = parts.filter((pts) => pts.length >= 2);
      if (keep.length === 0) continue;
      e.pts = keep[0]!;
      for (const pts of keep.slice(1)) this.edges.push({ ...e, pts });
    }
  }
}

/** Where two roads (not motorways) cross, give both a shared point there. */
export function nodeCrossings(net: Net): void {
  const cell = 0.5;
  const index = new GridIndex(cell);
  const pieces: { e: Edge; k: number }[] = [];
  for (const e of net.edges) {
    if (!e.alive || e.motorway) continue;
    for (let k = 0; k + 1 < e.pts.length; k++) {
      const a = e.pts[k]!,
        b = e.pts[k + 1]!;
      index.addBox(pieces.length, net.x[a]!, net.y[a]!, net.x[b]!, net.y[b]!);
      pieces.push({ e, k });
    }
  }
  const cuts = new Map<Edge, { k: number; t: number; p: number }[]>();
  const cut = (e: Edge, k: number, t: number, p: number) => {
    const list = cuts.get(e);
    if (list) list.push({ k, t, p });
    else cuts.set(e, [{ k, t, p }]);
  };
  index.forEachCell((ids, cx, cy) => {
    for (let m = 0; m < ids.length; m++) {
      const P = pieces[ids[m]!]!;
      const a = P.e.pts[P.k]!,
        b = P.e.pts[P.k + 1]!;
      for (let q = m + 1; q < ids.length; q++) {
        const Q = pieces[ids[q]!]!;
        if (Q.e === P.e) continue;
        const c = Q.e.pts[Q.k]!,
          d = Q.e.pts[Q.k + 1]!;
        if (a === c || a === d || b === c || b === d) continue;
        const hit = crossing(net.x[a]!, net.y[a]!, net.x[b]!, net.y[b]!, net.x[c]!, net.y[c]!, net.x[d]!, net.y[d]!);
        if (!hit) continue;
        const x = net.x[a]! + hit.t * (net.x[b]! - net.x[a]!),
          y = net.y[a]! + hit.t * (net.y[b]! - net.y[a]!);
        if (Math.floor(x / cell) !== cx || Math.floor(y / cell) !== cy) continue; // counted in its own cell only
        // A crossing within a metre of a piece's end is at that end.
        let p = [a, b, c, d].find((q) => dist(net.x[q]!, net.y[q]!, x, y) < 0.001) ?? -1;
        if (p < 0) p = net.point(x, y);
        cut(P.e, P.k, hit.t, p);
        cut(Q.e, Q.k, hit.u, p);
      }
    }
  });
  net.split(cuts);
}

/** Points of roads other than motorways, indexed. */
export function roadPoints(net: Net, minRank = 0): { index: GridIndex; used: Uint8Array } {
  const used = new Uint8Array(net.x.length);
  for (const e of net.edges) if (e.alive && !e.motorway && RANK[e.cls]! >= minRank) for (const p of e.pts) used[p] = 1;
  const index = new GridIndex(0.5);
  for (let p = 0; p < used.length; p++) if (used[p]) index.add(p, net.x[p]!, net.y[p]!);
  return { index, used };
}

export function nearestPoint(net: Net, index: GridIndex, x: number, y: number, maxKm: number, accept: (p: number) => boolean = () => true): number {
  for (let r = 0.25; ; r *= 2) {
    let best = -1,
      bd = Infinity;
    index.near(x, y, Math.min(r, maxKm), (p) => {
      const d = dist(net.x[p]!, net.y[p]!, x, y);
      if (d < bd && d <= Math.min(r, maxKm) && accept(p)) {
        bd = d;
        best = p;
      }
    });
    if (best >= 0 || r >= maxKm) return best;
  }
}

/** A spur (service road) to each place farther than SPUR_KM from every road point, from the nearest point on a road. */
export function addSpurs(net: Net, places: readonly { key: string; x: number; y: number }[]): void {
  const { index } = roadPoints(net);
  const motorway = new GridIndex(0.5);
  for (const e of net.edges) if (e.alive && e.motorway) for (const p of e.pts) motorway.add(p, net.x[p]!, net.y[p]!);
  const pieceIndex = new GridIndex(0.5);
  const pieces: { e: Edge; k: number }[] = [];
  for (const e of net.edges) {
    if (!e.alive || e.motorway) continue;
    for (let k = 0; k + 1 < e.pts.length; k++) {
      const a = e.pts[k]!,
        b = e.pts[k + 1]!;
      pieceIndex.addBox(pieces.length, net.x[a]!, net.y[a]!, net.x[b]!, net.y[b]!);
      pieces.push({ e, k });
    }
  }
  const cuts = new Map<Edge, { k: number; t: number; p: number }[]>();
  const spurs: [number, number, string][] = [];
  for (const pl of places) {
    // Near enough to a road point, and no motorway point nearer (a place is not reached from a motorway)?
    const q = nearestPoint(net, index, pl.x, pl.y, SPUR_KM);
    if (q >= 0 && nearestPoint(net, motorway, pl.x, pl.y, dist(net.x[q]!, net.y[q]!, pl.x, pl.y)) < 0) continue;
    let best: { e: Edge; k: number; t: number; d2: number } | undefined;
    for (let r = 0.5; !best && r <= 16; r *= 2) {
      pieceIndex.near(pl.x, pl.y, r, (id) => {
        const { e, k } = pieces[id]!;
        const a = e.pts[k]!,
          b = e.pts[k + 1]!;
        const h = pieceDist2(pl.x, pl.y, net.x[a]!, net.y[a]!, net.x[b]!, net.y[b]!);
        if (h.d2 <= r * r && (!best || h.d2 < best.d2)) best = { e, k, t: h.t, d2: h.d2 };
      });
    }
    if (!best) continue;
    const { e, k, t } = best;
    const a = e.pts[k]!,
      b = e.pts[k + 1]!;
    const px = net.x[a]! + t * (net.x[b]! - net.x[a]!),
      py = net.y[a]! + t * (net.y[b]! - net.y[a]!);
    let from: number;
    if (dist(px, py, net.x[a]!, net.y[a]!) < 0.001) from = a;
    else if (dist(px, py, net.x[b]!, net.y[b]!) < 0.001) from = b;
    else {
      from = net.point(px, py);
      const list = cuts.get(e);
      if (list) list.push({ k, t, p: from });
      else cuts.set(e, [{ k, t, p: from }]);
    }
    index.add(from, net.x[from]!, net.y[from]!);
    if (Math.sqrt(best.d2) > 0.03) {
      const to = net.point(pl.x, pl.y);
      index.add(to, pl.x, pl.y);
      spurs.push([from, to, pl.key]);
    }
  }
  net.split(cuts);
  for (const [from, to] of spurs) net.edge([from, to], net.d(from, to) <= 0.4 ? 'service' : 'unclassified');
}

/** Each interchange goes down (motorway_link) to the nearest tertiary-or-better road within 4 km, else the nearest road. */
export function linkInterchanges(net: Net, interchanges: readonly number[]): void {
  const major = roadPoints(net, RANK.tertiary!);
  const any = roadPoints(net);
  for (const p of interchanges) {
    let q = nearestPoint(net, major.index, net.x[p]!, net.y[p]!, 4);
    if (q < 0) q = nearestPoint(net, any.index, net.x[p]!, net.y[p]!, 4);
    if (q < 0) continue;
    net.edge(net.curve(p, q, rngFor('road-link', `${p}`), 0.05, 0.5), 'motorway_link');
  }
}

/** Join every piece of the network to the rest, by a road from its point nearest to another piece. */
export function joinComponents(net: Net): void {
  for (let round = 0; round < 20; round++) {
    const uf = new UnionFind(net.x.length);
    const used = new Uint8Array(net.x.length);
    for (const e of net.edges) {
      if (!e.alive) continue;
      for (let i = 0; i < e.pts.length; i++) {
        used[e.pts[i]!] = 1;
        if (i > 0) uf.union(e.pts[i - 1]!, e.pts[i]!);
      }
    }
    const members = new Map<number, number[]>();
    for (let p = 0; p < used.length; p++) {
      if (!used[p]) continue;
      const r = uf.find(p);
      const list = members.get(r);
      if (list) list.push(p);
      else members.set(r, [p]);
    }
    if (members.size <= 1) return;
    const { index, used: onRoad } = roadPoints(net);
    const largest = [...members.values()].reduce((m, l) => (l.length > m.length ? l : m));
    for (const list of members.values()) {
      if (list === largest) continue;
      const root = uf.find(list[0]!);
      let best: [number, number, number] | undefined;
      for (const p of list) {
        if (!onRoad[p]) continue;
        const q = nearestPoint(net, index, net.x[p]!, net.y[p]!, 64, (c) => uf.find(c) !== root);
        if (q >= 0) {
          const d = net.d(p, q);
          if (!best || d < best[2]) best = [p, q, d];
        }
      }
      if (!best) continue;
      net.edge(net.curve(best[0], best[1], rngFor('road-join', `${best[0]}`), 0.05, 0.5), 'unclassified');
      uf.union(best[0], best[1]);
    }
  }
}

/** One-way streets that would trap a driver (their ends not mutually reachable) become two-way. */
export function relaxOneWays(net: Net): void {
  for (let round = 0; round < 10; round++) {
    const n = net.x.length;
    const from: number[] = [],
      to: number[] = [];
    for (const e of net.edges) {
      if (!e.alive) continue;
      for (let i = 0; i + 1 < e.pts.length; i++) {
        const a = e.pts[i]!,
          b = e.pts[i + 1]!;
        if (e.oneway >= 0) {
          from.push(a);
          to.push(b);
        }
        if (e.oneway <= 0) {
          from.push(b);
          to.push(a);
        }
      }
    }
    const comp = stronglyConnected(n, Int32Array.from(from), Int32Array.from(to));
    let changed = false;
    for (const e of net.edges) {
      if (e.alive && e.oneway !== 0 && comp[e.pts[0]!] !== comp[e.pts[e.pts.length - 1]!]) {
        e.oneway = 0;
        changed = true;
      }
    }
    if (!changed) return;
  }
}

/** Adjacency in compressed rows. */
function csr(n: number, from: Int32Array, to: Int32Array): { start: Int32Array; adj: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < from.length; k++) start[from[k]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(from.length);
  for (let k = 0; k < from.length; k++) adj[fill[from[k]!]!++] = to[k]!;
  return { start, adj };
}

/** Kosaraju, iterative: the strongly connected component of each of the n nodes of the arcs from[k] → to[k]. */
export function stronglyConnected(n: number, from: Int32Array, to: Int32Array): Int32Array {
  const out = csr(n, from, to),
    inn = csr(n, to, from);
  const order = new Int32Array(n);
  let ordered = 0;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n),
    next = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    let top = 0;
    stack[0] = s;
    next[0] = out.start[s]!;
    while (top >= 0) {
      const v = stack[top]!;
      if (next[top]! < out.start[v + 1]!) {
        const w = out.adj[next[top]!++]!;
        if (!seen[w]) {
          seen[w] = 1;
          stack[++top] = w;
          next[top] = out.start[w]!;
        }
      } else {
        order[ordered++] = v;
        top--;
      }
    }
  }
  const comp = new Int32Array(n).fill(-1);
  let c = 0;
  for (let k = n - 1; k >= 0; k--) {
    const s = order[k]!;
    if (comp[s]! >= 0) continue;
    let top = 0;
    stack[0] = s;
    comp[s] = c;
    while (top >= 0) {
      const v = stack[top--]!;
      for (let i = inn.start[v]!; i < inn.start[v + 1]!; i++) {
        const w = inn.adj[i]!;
        if (comp[w]! < 0) {
          comp[w] = c;
          stack[++top] = w;
        }
      }
    }
    c++;
  }
  return comp;
}

/** Edges as segments: chains of edges of the same kind meeting only each other are merged into one. */
export function toNetworkData(net: Net): RoadNetworkData {
  const edges = net.edges.filter((e) => e.alive && e.pts.length >= 2);
  for (const e of edges) {
    if (e.oneway < 0) {
      e.pts.reverse();
      e.oneway = 1;
    }
  }
  const ends = new Map<number, number[]>();
  const interior = new Uint8Array(net.x.length);
  edges.forEach((e, k) => {
    for (const p of [e.pts[0]!, e.pts[e.pts.length - 1]!]) {
      const l = ends.get(p);
      if (l) l.push(k);
      else ends.set(p, [k]);
    }
    for (let i = 1; i + 1 < e.pts.length; i++) interior[e.pts[i]!] = 1;
  });
  const same = (a: Edge, b: Edge) => a.cls === b.cls && a.f === b.f && a.oneway === b.oneway && a.motorway === b.motorway;
  /** The other edge continuing `e` at point p, if p joins exactly these two. */
  const continuation = (k: number, p: number): number | undefined => {
    const l = ends.get(p)!;
    if (l.length !== 2 || interior[p] || l[0] === l[1]) return undefined;
    const o = l[0] === k ? l[1]! : l[0]!;
    return same(edges[k]!, edges[o]!) ? o : undefined;
  };
  const done = new Uint8Array(edges.length);
  const merged: Edge[] = [];
  edges.forEach((e, k) => {
    if (done[k]) return;
    done[k] = 1;
    let pts = e.pts.slice();
    // Extend forwards, then backwards.
    for (const forward of [true, false]) {
      for (let cur = k; ; ) {
        const p = forward ? pts[pts.length - 1]! : pts[0]!;
        const o = continuation(cur, p);
        if (o === undefined || done[o]) break;
        const q = edges[o]!.pts;
        const starts = q[0] === p;
        if (e.oneway !== 0 && starts !== forward) break; // would turn a one-way round
        if (forward) pts = pts.concat(starts ? q.slice(1) : q.slice(0, -1).reverse());
        else pts = (starts ? q.slice(1).reverse() : q.slice(0, -1)).concat(pts);
        done[o] = 1;
        cur = o;
      }
    }
    merged.push({ ...e, pts });
  });
  const offsets = new Uint32Array(merged.length + 1);
  let total = 0;
  merged.forEach((e, k) => {
    offsets[k] = total;
    total += e.pts.length;
  });
  offsets[merged.length] = total;
  const coords = new Float64Array(2 * total);
  const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
  let w = 0;
  for (const e of merged) {
    for (const p of e.pts) {
      coords[w++] = round6(toLon(net.x[p]!));
      coords[w++] = round6(toLat(net.y[p]!));
    }
  }
  const speedKmh = new Float32Array(merged.length);
  merged.forEach((e, k) => (speedKmh[k] = e.f >= 0.999 ? NaN : Math.max(5, Math.round((DEFAULT_ROAD_SPEEDS[e.cls] ?? 30) * e.f))));
  return {
    offsets,
    coords,
    speedKmh,
    highway: merged.map((e) => e.cls),
    oneway: Int8Array.from(merged.map((e) => e.oneway)),
  };
}
