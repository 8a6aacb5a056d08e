/**
 * The sample's generated road network (路网): plausible, not real. Built from the generated plan's
 * places so that every community/village and facility is near a road, in layers:
 *
 * - motorways (高速): a ring around central Changsha, radials to 宁乡, 望城–资阳, 长沙县 and 浏阳, and a
 *   north–south line (京港澳) through 长沙县; reached only at interchanges, by motorway_link;
 * - trunk/primary arterials (国道/省道) from the city centre to the county seats and between seats;
 * - a jittered, gently warped street lattice in every street's urban area (dense where dense, arterials
 *   every 3.2 km, some one-way residential streets in the central districts) and a small one at each
 *   town's seat;
 * - county roads between streets/towns/townships (a relative-neighbourhood graph of their centres): the
 *   links a county's towns take to reach its seat are secondary (primary where five or more use one),
 *   the rest tertiary;
 * - village roads between villages and their town's seat: tertiary where two or more villages' way to
 *   the seat runs, the rest unclassified;
 * - spurs (service) to places more than 200 m from any road point, or nearer a motorway than a road.
 *
 * The 湘江 is crossed only by secondary-or-better roads and a lattice arterial every 3.2 km (bridges).
 * Hill country (浏阳's east and south, 宁乡's west) has winding roads with their own speed below the
 * class default, so that the farthest villages there are more than 30 minutes from a 120 station.
 * Crossing roads meet at a shared point (motorways excepted: they meet roads only at interchanges),
 * and every part is joined to the rest; one-way streets that would trap a driver are made two-way.
 * Pure and deterministic: randomness comes from streams keyed per road (prng.ts).
 */
import { DEFAULT_ROAD_SPEEDS, type RoadNetworkData } from '../access/network.ts';
import type { Facility, Unit } from '../model/index.ts';
import { discRadiusKm } from './alloc.ts';
import { crossesPolyline, crossing, dist, GridIndex, neighbourGraphs, pieceDist2, toLat, toLon, toX, toY, UnionFind } from './geom.ts';
import { rngFor, type Rng } from './prng.ts';
import { townshipKind } from './units.ts';

/** The five central districts of Changsha: 芙蓉, 天心, 岳麓, 开福, 雨花. */
const CENTRAL_COUNTIES = new Set(['430102', '430103', '430104', '430105', '430111']);
/** Origin of the street lattice: central Changsha (五一广场, roughly). */
const CITY_CENTRE: readonly [number, number] = [112.978, 28.196];
/** The county whose seat the trunk roads start from (芙蓉区). */
const HUB_COUNTY = '430102';
/** The 湘江 through the sample's area, roughly (WGS-84, south to north). */
export const XIANG_RIVER: readonly (readonly [number, number])[] = [
  [112.93, 27.8], [112.945, 27.95], [112.962, 28.05], [112.968, 28.12], [112.958, 28.2], [112.95, 28.26],
  [112.925, 28.3], [112.88, 28.33], [112.845, 28.365], [112.835, 28.42], [112.8, 28.49], [112.765, 28.56], [112.74, 28.68],
];

/** Street lattice spacing (km) and its turn (radians). */
const LATTICE_KM = 0.42;
const LATTICE_TURN = 0.12;
/** A place farther than this (km) from every road point gets a spur. */
const SPUR_KM = 0.2;
/** Roads in hill country drive at (1 − this × hilliness) of their class's speed. */
const HILL_SLOWDOWN = 0.35;

const RANK: Readonly<Record<string, number>> = {
  motorway: 8, trunk: 7, primary: 6, motorway_link: 5, secondary: 5, tertiary: 4, unclassified: 3, residential: 3, service: 1,
};

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
const smooth = (a: number, b: number, v: number) => {
  const t = clamp01((v - a) / (b - a));
  return t * t * (3 - 2 * t);
};

/** Hill country, 0 (plain) to 1 (mountain): 浏阳's east (大围山) and south, 宁乡's west (沩山). */
export function hilliness(lon: number, lat: number): number {
  const east = smooth(113.72, 113.97, lon);
  const south = 0.75 * smooth(27.97, 27.84, lat) * smooth(113.3, 113.45, lon);
  const west = smooth(112.24, 112.02, lon);
  return Math.max(east, south, west);
}

interface Edge {
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

class Net {
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
    const ax = this.x[a]!, ay = this.y[a]!, bx = this.x[b]!, by = this.y[b]!;
    const L = dist(ax, ay, bx, by);
    const nx = L > 0 ? -(by - ay) / L : 0, ny = L > 0 ? (bx - ax) / L : 0;
    const modes: { k: number; a: number }[] = [];
    for (let k = 1; k <= 4; k++) modes.push({ k, a: rng.uniform(-1, 1) * amp * L / k ** 1.5 });
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

interface Place { code: string; x: number; y: number; point: number }
interface TownshipPlace extends Place {
  unit: Unit;
  county: string;
  street: boolean;
  seat: boolean;
  leaves: Place[];
}

/**
 * The road network of the sample plan. Uses the plan's units (counties, streets/towns/townships with
 * their centres, communities/villages) and the facilities' positions.
 */
export function generateSampleRoads(plan: { units: readonly Unit[]; facilities: readonly Facility[] }): RoadNetworkData {
  const net = new Net();
  const located = (u: { lon: number | null; lat: number | null }) => u.lon != null && u.lat != null;
  const units = plan.units.filter(located);
  const counties = units.filter((u) => u.kind === 'county').sort((a, b) => a.code.localeCompare(b.code));
  const townships: TownshipPlace[] = units
    .filter((u) => u.kind === 'street' || u.kind === 'town' || u.kind === 'township')
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((u) => {
      const x = toX(u.lon!), y = toY(u.lat!);
      return { code: u.code, unit: u, x, y, point: net.point(x, y), county: u.code.slice(0, 6), street: u.kind === 'street', seat: false, leaves: [] };
    });
  const tByCode = new Map(townships.map((t) => [t.code, t]));
  for (const u of units) {
    const t = u.parent_code == null ? undefined : tByCode.get(u.parent_code);
    if (t && (u.kind === 'community' || u.kind === 'village')) {
      const x = toX(u.lon!), y = toY(u.lat!);
      t.leaves.push({ code: u.code, x, y, point: -1 });
    }
  }
  // The county seat: its first street by code that is not a development area (as units.ts chooses it).
  const seats = new Map<string, TownshipPlace>();
  for (const c of counties) {
    const own = townships.filter((t) => t.county === c.code.slice(0, 6));
    const seat = own.find((t) => t.street && !townshipKind(t.code.slice(0, 9)).special) ?? own[0];
    if (seat) {
      seat.seat = true;
      seats.set(c.code.slice(0, 6), seat);
    }
  }
  const river = XIANG_RIVER.flatMap(([lon, lat]) => [toX(lon), toY(lat)]);
  const crossesRiver = (pts: readonly number[]) => {
    for (let i = 0; i + 1 < pts.length; i++) {
      if (crossesPolyline(net.x[pts[i]!]!, net.y[pts[i]!]!, net.x[pts[i + 1]!]!, net.y[pts[i + 1]!]!, river)) return true;
    }
    return false;
  };
  const hillAt = (x: number, y: number) => hilliness(toLon(x), toLat(y));
  const midHill = (a: number, b: number) => {
    let h = 0;
    for (const s of [0.1, 0.5, 0.9]) h = Math.max(h, hillAt(net.x[a]! + s * (net.x[b]! - net.x[a]!), net.y[a]! + s * (net.y[b]! - net.y[a]!)));
    return h;
  };

  buildLattice(net, townships, crossesRiver);
  const interchanges = buildMotorways(net, townships, seats);
  buildArterials(net, seats);
  buildCountyRoads(net, townships, seats, crossesRiver, midHill);
  buildVillageRoads(net, townships, crossesRiver, midHill);
  nodeCrossings(net);
  addSpurs(net, [
    ...townships.map((t) => ({ key: t.code, x: t.x, y: t.y })),
    ...townships.flatMap((t) => t.leaves.map((l) => ({ key: l.code, x: l.x, y: l.y }))),
    ...plan.facilities.filter(located).map((f) => ({ key: f.id, x: toX(f.lon!), y: toY(f.lat!) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  ]);
  linkInterchanges(net, interchanges);
  joinComponents(net);
  relaxOneWays(net);
  return toNetworkData(net);
}

/** Radius (km) of a street's lattice: a little more than a disc of its area. */
function latticeRadius(t: TownshipPlace): number {
  return Math.max(0.7, 1.05 * discRadiusKm(t.unit.area_km2 ?? 1) + 0.2);
}

/** The street lattice of urban areas: every street's disc, and a small one at each town's seat. */
function buildLattice(net: Net, townships: readonly TownshipPlace[], crossesRiver: (pts: readonly number[]) => boolean): void {
  const ox = toX(CITY_CENTRE[0]), oy = toY(CITY_CENTRE[1]);
  const c = Math.cos(LATTICE_TURN), s = Math.sin(LATTICE_TURN);
  const S = LATTICE_KM;
  const base = (i: number, j: number) => ({ x: ox + S * (i * c - j * s), y: oy + S * (i * s + j * c) });
  // Per lattice node: the sparsest-needed step (1 every line, 2 every other, 3 every third) and whether central.
  const nodes = new Map<string, { i: number; j: number; step: number; central: boolean }>();
  for (const t of townships) {
    const area = t.unit.area_km2 ?? 1;
    const central = CENTRAL_COUNTIES.has(t.county);
    let r: number, step: number;
    if (t.street) {
      const density = (t.unit.population ?? 0) / Math.max(area, 0.01);
      r = latticeRadius(t);
      step = density >= 6000 || (central && density >= 4500) ? 1 : density >= 3000 ? 2 : 3;
    } else {
      r = (t.unit.kind === 'town' ? 0.55 : 0.4) + Math.min(0.5, (t.unit.population ?? 0) / 80_000);
      step = 1;
    }
    const di = ((t.x - ox) * c + (t.y - oy) * s) / S, dj = (-(t.x - ox) * s + (t.y - oy) * c) / S;
    const reach = Math.ceil(r / S) + 1;
    for (let i = Math.floor(di) - reach; i <= Math.ceil(di) + reach; i++) {
      for (let j = Math.floor(dj) - reach; j <= Math.ceil(dj) + reach; j++) {
        const b = base(i, j);
        if (dist(b.x, b.y, t.x, t.y) > r) continue;
        const key = `${i},${j}`;
        const n = nodes.get(key);
        if (!n) nodes.set(key, { i, j, step, central: central && t.street });
        else {
          n.step = Math.min(n.step, step);
          n.central ||= central && t.street;
        }
      }
    }
  }
  const ids = new Map<string, number>();
  const pointOf = (i: number, j: number) => {
    const key = `${i},${j}`;
    let p = ids.get(key);
    if (p === undefined) {
      const b = base(i, j);
      // A gentle warp (streets bend over kilometres) and a little jitter per crossing.
      const wx = 0.3 * Math.sin(b.y / 3.1 + 0.7) + 0.18 * Math.sin((b.x + b.y) / 5.3 + 2.1);
      const wy = 0.3 * Math.sin(b.x / 3.7 + 1.3) + 0.18 * Math.sin((b.x - b.y) / 4.4 + 0.4);
      const rng = rngFor('road-lattice', key);
      p = net.point(b.x + wx + rng.uniform(-0.06, 0.06), b.y + wy + rng.uniform(-0.06, 0.06));
      ids.set(key, p);
    }
    return p;
  };
  const lineClass = (k: number, central: boolean) => {
    const m = ((k % 8) + 8) % 8;
    const cls = m === 0 ? 'primary' : m === 4 ? 'secondary' : m % 2 === 0 ? 'tertiary' : 'residential';
    return central || cls === 'residential' ? cls : m === 0 ? 'secondary' : 'tertiary';
  };
  const sorted = [...nodes.values()].sort((a, b) => a.i - b.i || a.j - b.j);
  for (const n of sorted) {
    for (const [di, dj] of [[1, 0], [0, 1]] as const) {
      const m = nodes.get(`${n.i + di},${n.j + dj}`);
      if (!m) continue;
      const step = Math.max(n.step, m.step);
      const line = di === 1 ? n.j : n.i;
      if (line % step !== 0) continue;
      const central = n.central && m.central;
      const cls = lineClass(line, central);
      const rng = rngFor('road-lattice-edge', `${n.i},${n.j},${di}`);
      if (cls === 'residential' && rng.chance(0.1)) continue;
      const pts = [pointOf(n.i, n.j), pointOf(n.i + di, n.j + dj)];
      if (((line % 8) + 8) % 8 !== 0 && crossesRiver(pts)) continue;
      // One-way residential streets in the central districts, whole lines at a time, alternating direction.
      const oneway = central && cls === 'residential' && rngFor('road-oneway', `${di}`, `${line}`).chance(0.35)
        ? ((((line - 1) / 2) % 2) + 2) % 2 === 0 ? 1 : -1
        : 0;
      net.edge(pts, cls, 1, oneway);
    }
  }
}

/** Motorways; returns their interchange points (where motorway_links go down to the road below). */
function buildMotorways(net: Net, townships: readonly TownshipPlace[], seats: ReadonlyMap<string, TownshipPlace>): number[] {
  const rng = rngFor('road-motorway', 'ring');
  // The ring (绕城) goes round the central districts' streets, about 12.5 km out east–west and 14.5 km north–south.
  const central = townships.filter((t) => t.street && CENTRAL_COUNTIES.has(t.county));
  const cx = central.reduce((a, t) => a + t.x, 0) / Math.max(1, central.length);
  const cy = central.reduce((a, t) => a + t.y, 0) / Math.max(1, central.length);
  const n = 36;
  const ring: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const wob = 1 + 0.05 * Math.sin(3 * a + 0.8) + 0.03 * Math.sin(5 * a + 2.0);
    ring.push(net.point(cx + 12.5 * wob * Math.cos(a), cy + 14.5 * wob * Math.sin(a)));
  }
  const interchanges = new Set<number>();
  // Interchanges every third ring point (about 7 km apart).
  for (let i = 0; i < n; i += 3) interchanges.add(ring[i]!);
  for (let i = 0; i < n; i++) {
    const a = ring[i]!, b = ring[(i + 1) % n]!;
    net.edge(net.curve(a, b, rng, 0.02, 1.5), 'motorway', 1, 0, true);
  }
  const nearestRing = (x: number, y: number) => {
    let best = 0;
    for (let i = 0; i < n; i++) if (dist(net.x[ring[i]!]!, net.y[ring[i]!]!, x, y) < dist(net.x[ring[best]!]!, net.y[ring[best]!]!, x, y)) best = i;
    return ring[best]!;
  };
  /** A motorway from `from` through the waypoints, with an interchange at each waypoint and about every 10 km. */
  const route = (key: string, from: number, way: readonly (readonly [number, number])[]) => {
    const r = rngFor('road-motorway', key);
    let prev = from;
    interchanges.add(from);
    for (const [x, y] of way) {
      const L = dist(net.x[prev]!, net.y[prev]!, x, y);
      const legs = Math.max(1, Math.round(L / 10));
      const x0 = net.x[prev]!, y0 = net.y[prev]!;
      for (let k = 1; k <= legs; k++) {
        const p = net.point(x0 + ((x - x0) * k) / legs + r.uniform(-0.4, 0.4) * (k < legs ? 1 : 0), y0 + ((y - y0) * k) / legs + r.uniform(-0.4, 0.4) * (k < legs ? 1 : 0));
        net.edge(net.curve(prev, p, r, 0.03, 1.5), 'motorway', 1, 0, true);
        interchanges.add(p);
        prev = p;
      }
    }
  };
  /** A point `back` km short of the seat, on the way from (x, y). */
  const near = (code6: string, fromX: number, fromY: number, back = 1.5): [number, number] | undefined => {
    const s = seats.get(code6);
    if (!s) return undefined;
    const L = dist(fromX, fromY, s.x, s.y);
    return [s.x + ((fromX - s.x) * back) / L, s.y + ((fromY - s.y) * back) / L];
  };
  const radial = (key: string, code6: string, via?: string) => {
    const s = seats.get(code6);
    if (!s) return;
    const start = nearestRing(s.x, s.y);
    const way: [number, number][] = [];
    if (via) {
      const v = near(via, net.x[start]!, net.y[start]!, 2);
      if (v) way.push(v);
    }
    const last: [number, number] = way.length > 0 ? way[way.length - 1]! : [net.x[start]!, net.y[start]!];
    const end = near(code6, last[0], last[1]);
    if (end) way.push(end);
    route(key, start, way);
  };
  radial('west', '430182');
  radial('north-west', '430902', '430112');
  radial('north-east', '430121');
  radial('east', '430181');
  // 京港澳 (G4), north–south east of the centre, joining the ring on either side.
  const south = nearestRing(toX(113.1), toY(28.0)), north = nearestRing(toX(113.08), toY(28.35));
  route('g4-south', south, [[toX(113.12), toY(28.0)]]);
  route('g4-north', north, [[toX(113.11), toY(28.52)]]);
  return [...interchanges].sort((a, b) => a - b);
}

/** Trunk roads from the centre to the county seats, primary roads between seats. */
function buildArterials(net: Net, seats: ReadonlyMap<string, TownshipPlace>): void {
  const p = (code6: string) => seats.get(code6)?.point;
  const centre = p(HUB_COUNTY) ?? net.point(toX(CITY_CENTRE[0]), toY(CITY_CENTRE[1]));
  const routes: [string, (number | undefined)[]][] = [
    ['trunk', [centre, p('430112'), p('430902')]],
    ['trunk', [centre, p('430182')]],
    ['trunk', [centre, p('430121')]],
    ['trunk', [centre, p('430181')]],
    ['primary', [p('430121'), p('430181')]],
    ['primary', [p('430112'), p('430182')]],
    ['primary', [p('430182'), p('430902')]],
    ['primary', [p('430112'), p('430121')]],
    ['primary', [p('430103'), p('430111'), p('430121')]],
  ];
  routes.forEach(([cls, stops], r) => {
    const pts = stops.filter((s): s is number => s !== undefined);
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i]!, b = pts[i + 1]!;
      if (a === b) continue;
      net.edge(net.curve(a, b, rngFor('road-arterial', `${r}`, `${i}`), 0.05, 0.6), cls);
    }
  });
}

/** Dijkstra (binary heap) over a graph of adjacency lists with lengths: each node's predecessor and the edge it came by. */
function shortestTree(n: number, adj: readonly { to: number; len: number; edge: number }[][], from: number): { prev: Int32Array; via: Int32Array } {
  const distTo = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1), via = new Int32Array(n).fill(-1);
  const heap: number[] = [];
  const less = (i: number, j: number) => distTo[heap[i]!]! < distTo[heap[j]!]! || (distTo[heap[i]!] === distTo[heap[j]!] && heap[i]! < heap[j]!);
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  const push = (v: number) => {
    heap.push(v);
    for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
  };
  const pop = () => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    return top;
  };
  const done = new Uint8Array(n);
  distTo[from] = 0;
  push(from);
  while (heap.length > 0) {
    const u = pop();
    if (done[u]) continue;
    done[u] = 1;
    for (const { to, len, edge } of adj[u]!) {
      if (distTo[u]! + len < distTo[to]!) {
        distTo[to] = distTo[u]! + len;
        prev[to] = u;
        via[to] = edge;
        push(to);
      }
    }
  }
  return { prev, via };
}

/**
 * Roads between the centres of streets/towns/townships: a relative-neighbourhood graph with some
 * Gabriel edges added for loops, no links longer than 24 km, none between two streets whose street
 * lattices meet. Class by use: the links each county's towns take to reach its seat.
 */
function buildCountyRoads(
  net: Net, townships: readonly TownshipPlace[], seats: ReadonlyMap<string, TownshipPlace>,
  crossesRiver: (pts: readonly number[]) => boolean, midHill: (a: number, b: number) => number,
): void {
  const g = neighbourGraphs(townships.flatMap((t) => [t.x, t.y]));
  const kept: { i: number; j: number; len: number }[] = [];
  g.edges.forEach(([i, j], k) => {
    const a = townships[i]!, b = townships[j]!;
    const len = dist(a.x, a.y, b.x, b.y);
    const extra = g.gabriel[k] && rngFor('road-county-extra', a.code, b.code).chance(0.35);
    // Two streets whose lattices meet are joined by the lattice.
    const joined = a.street && b.street && len < latticeRadius(a) + latticeRadius(b) + 1;
    if ((g.rng[k] || extra) && len <= 24 && !joined) kept.push({ i, j, len });
  });
  const adj: { to: number; len: number; edge: number }[][] = townships.map(() => []);
  kept.forEach((e, k) => {
    adj[e.i]!.push({ to: e.j, len: e.len, edge: k });
    adj[e.j]!.push({ to: e.i, len: e.len, edge: k });
  });
  const use = new Int32Array(kept.length);
  const index = new Map(townships.map((t, i) => [t, i]));
  for (const [code6, seat] of seats) {
    const { prev, via } = shortestTree(townships.length, adj, index.get(seat)!);
    townships.forEach((t, i) => {
      if (t.county !== code6) return;
      for (let u = i; prev[u]! >= 0; u = prev[u]!) use[via[u]!]!++;
    });
  }
  kept.forEach((e, k) => {
    const a = townships[e.i]!, b = townships[e.j]!;
    const hill = midHill(a.point, b.point);
    const cls = use[k]! >= 5 ? 'primary' : use[k]! >= 1 || a.seat || b.seat ? 'secondary' : 'tertiary';
    const pts = net.curve(a.point, b.point, rngFor('road-county', a.code, b.code), 0.07 + 0.08 * hill, 0.6, hill);
    if (RANK[cls]! < RANK.secondary! && crossesRiver(pts)) return;
    net.edge(pts, cls, 1 - HILL_SLOWDOWN * hill);
  });
}

/**
 * Village roads: a relative-neighbourhood graph over villages and their towns' seats (no village road
 * between two seats; a few Gabriel edges for loops). The links a town's villages take to reach its seat
 * are tertiary where two or more villages use them (乡道), the rest unclassified (村道).
 */
function buildVillageRoads(
  net: Net, townships: readonly TownshipPlace[], crossesRiver: (pts: readonly number[]) => boolean,
  midHill: (a: number, b: number) => number,
): void {
  const places: { place: Place; town: number }[] = [];
  const seatIndex: number[] = [];
  townships.forEach((t, ti) => {
    if (t.street) return;
    seatIndex[ti] = places.length;
    places.push({ place: t, town: -1 });
    for (const l of t.leaves) {
      l.point = net.point(l.x, l.y);
      places.push({ place: l, town: ti });
    }
  });
  const g = neighbourGraphs(places.flatMap(({ place }) => [place.x, place.y]));
  const kept: { i: number; j: number; len: number }[] = [];
  g.edges.forEach(([i, j], k) => {
    const a = places[i]!, b = places[j]!;
    if (a.town < 0 && b.town < 0) return;
    const len = dist(a.place.x, a.place.y, b.place.x, b.place.y);
    const extra = g.gabriel[k] && rngFor('road-village-extra', a.place.code, b.place.code).chance(0.35);
    if (((g.rng[k] || extra) && len <= 6) || (g.mst[k] && len <= 9)) kept.push({ i, j, len });
  });
  const adj: { to: number; len: number; edge: number }[][] = places.map(() => []);
  kept.forEach((e, k) => {
    adj[e.i]!.push({ to: e.j, len: e.len, edge: k });
    adj[e.j]!.push({ to: e.i, len: e.len, edge: k });
  });
  const use = new Int32Array(kept.length);
  townships.forEach((_, ti) => {
    const from = seatIndex[ti];
    if (from === undefined) return;
    const { prev, via } = shortestTree(places.length, adj, from);
    places.forEach((pl, i) => {
      if (pl.town !== ti) return;
      for (let u = i; prev[u]! >= 0; u = prev[u]!) use[via[u]!]!++;
    });
  });
  kept.forEach((e, k) => {
    const a = places[e.i]!.place, b = places[e.j]!.place;
    const hill = midHill(a.point, b.point);
    const pts = net.curve(a.point, b.point, rngFor('road-village', a.code, b.code), 0.07 + 0.08 * hill, 0.45, hill);
    if (crossesRiver(pts)) return;
    net.edge(pts, use[k]! >= 2 ? 'tertiary' : 'unclassified', 1 - HILL_SLOWDOWN * hill);
  });
}

/** Where two roads (not motorways) cross, give both a shared point there. */
function nodeCrossings(net: Net): void {
  const cell = 0.5;
  const index = new GridIndex(cell);
  const pieces: { e: Edge; k: number }[] = [];
  for (const e of net.edges) {
    if (!e.alive || e.motorway) continue;
    for (let k = 0; k + 1 < e.pts.length; k++) {
      const a = e.pts[k]!, b = e.pts[k + 1]!;
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
      const a = P.e.pts[P.k]!, b = P.e.pts[P.k + 1]!;
      for (let q = m + 1; q < ids.length; q++) {
        const Q = pieces[ids[q]!]!;
        if (Q.e === P.e) continue;
        const c = Q.e.pts[Q.k]!, d = Q.e.pts[Q.k + 1]!;
        if (a === c || a === d || b === c || b === d) continue;
        const hit = crossing(net.x[a]!, net.y[a]!, net.x[b]!, net.y[b]!, net.x[c]!, net.y[c]!, net.x[d]!, net.y[d]!);
        if (!hit) continue;
        const x = net.x[a]! + hit.t * (net.x[b]! - net.x[a]!), y = net.y[a]! + hit.t * (net.y[b]! - net.y[a]!);
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
function roadPoints(net: Net, minRank = 0): { index: GridIndex; used: Uint8Array } {
  const used = new Uint8Array(net.x.length);
  for (const e of net.edges) if (e.alive && !e.motorway && RANK[e.cls]! >= minRank) for (const p of e.pts) used[p] = 1;
  const index = new GridIndex(0.5);
  for (let p = 0; p < used.length; p++) if (used[p]) index.add(p, net.x[p]!, net.y[p]!);
  return { index, used };
}

function nearestPoint(net: Net, index: GridIndex, x: number, y: number, maxKm: number, accept: (p: number) => boolean = () => true): number {
  for (let r = 0.25; ; r *= 2) {
    let best = -1, bd = Infinity;
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
function addSpurs(net: Net, places: readonly { key: string; x: number; y: number }[]): void {
  const { index } = roadPoints(net);
  const motorway = new GridIndex(0.5);
  for (const e of net.edges) if (e.alive && e.motorway) for (const p of e.pts) motorway.add(p, net.x[p]!, net.y[p]!);
  const pieceIndex = new GridIndex(0.5);
  const pieces: { e: Edge; k: number }[] = [];
  for (const e of net.edges) {
    if (!e.alive || e.motorway) continue;
    for (let k = 0; k + 1 < e.pts.length; k++) {
      const a = e.pts[k]!, b = e.pts[k + 1]!;
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
        const a = e.pts[k]!, b = e.pts[k + 1]!;
        const h = pieceDist2(pl.x, pl.y, net.x[a]!, net.y[a]!, net.x[b]!, net.y[b]!);
        if (h.d2 <= r * r && (!best || h.d2 < best.d2)) best = { e, k, t: h.t, d2: h.d2 };
      });
    }
    if (!best) continue;
    const { e, k, t } = best;
    const a = e.pts[k]!, b = e.pts[k + 1]!;
    const px = net.x[a]! + t * (net.x[b]! - net.x[a]!), py = net.y[a]! + t * (net.y[b]! - net.y[a]!);
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
function linkInterchanges(net: Net, interchanges: readonly number[]): void {
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
function joinComponents(net: Net): void {
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
function relaxOneWays(net: Net): void {
  for (let round = 0; round < 10; round++) {
    const n = net.x.length;
    const from: number[] = [], to: number[] = [];
    for (const e of net.edges) {
      if (!e.alive) continue;
      for (let i = 0; i + 1 < e.pts.length; i++) {
        const a = e.pts[i]!, b = e.pts[i + 1]!;
        if (e.oneway >= 0) { from.push(a); to.push(b); }
        if (e.oneway <= 0) { from.push(b); to.push(a); }
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
  const out = csr(n, from, to), inn = csr(n, to, from);
  const order = new Int32Array(n);
  let ordered = 0;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n), next = new Int32Array(n);
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
        if (comp[w]! < 0) { comp[w] = c; stack[++top] = w; }
      }
    }
    c++;
  }
  return comp;
}

/** Edges as segments: chains of edges of the same kind meeting only each other are merged into one. */
function toNetworkData(net: Net): RoadNetworkData {
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
      for (let cur = k; ;) {
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
    offsets, coords, speedKmh,
    highway: merged.map((e) => e.cls),
    oneway: Int8Array.from(merged.map((e) => e.oneway)),
  };
}
