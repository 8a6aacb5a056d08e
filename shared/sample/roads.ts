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
 * Pure and deterministic: randomness comes from streams keyed per road (prng.ts). The working form
 * (Net) and the passes over the whole network are in road-net.ts; the layers are built here.
 */
import type { RoadNetworkData } from '../access/network.ts';
import type { Facility, Unit } from '../model/index.ts';
import { discRadiusKm } from './alloc.ts';
import { crossesPolyline, dist, neighbourGraphs, toLat, toLon, toX, toY } from './geom.ts';
import { addSpurs, joinComponents, linkInterchanges, Net, nodeCrossings, RANK, relaxOneWays, toNetworkData } from './road-net.ts';
import { rngFor } from './prng.ts';
import { townshipKind } from './units.ts';

/** The five central districts of Changsha: 芙蓉, 天心, 岳麓, 开福, 雨花. */
const CENTRAL_COUNTIES = new Set(['430102', '430103', '430104', '430105', '430111']);
/** Origin of the street lattice: central Changsha (五一广场, roughly). */
const CITY_CENTRE: readonly [number, number] = [112.978, 28.196];
/** The county whose seat the trunk roads start from (芙蓉区). */
const HUB_COUNTY = '430102';
/** The 湘江 through the sample's area, roughly (WGS-84, south to north). */
export const XIANG_RIVER: readonly (readonly [number, number])[] = [
  [112.93, 27.8],
  [112.945, 27.95],
  [112.962, 28.05],
  [112.968, 28.12],
  [112.958, 28.2],
  [112.95, 28.26],
  [112.925, 28.3],
  [112.88, 28.33],
  [112.845, 28.365],
  [112.835, 28.42],
  [112.8, 28.49],
  [112.765, 28.56],
  [112.74, 28.68],
];

/** Street lattice spacing (km) and its turn (radians). */
const LATTICE_KM = 0.42;
const LATTICE_TURN = 0.12;
/** Roads in hill country drive at (1 − this × hilliness) of their class's speed. */
const HILL_SLOWDOWN = 0.35;

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

interface Place {
  code: string;
  x: number;
  y: number;
  point: number;
}
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
      const x = toX(u.lon!),
        y = toY(u.lat!);
      return { code: u.code, unit: u, x, y, point: net.point(x, y), county: u.code.slice(0, 6), street: u.kind === 'street', seat: false, leaves: [] };
    });
  const tByCode = new Map(townships.map((t) => [t.code, t]));
  for (const u of units) {
    const t = u.parent_code == null ? undefined : tByCode.get(u.parent_code);
    if (t && (u.kind === 'community' || u.kind === 'village')) {
      const x = toX(u.lon!),
        y = toY(u.lat!);
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
    ...plan.facilities
      .filter(located)
      .map((f) => ({ key: f.id, x: toX(f.lon!), y: toY(f.lat!) }))
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
  const ox = toX(CITY_CENTRE[0]),
    oy = toY(CITY_CENTRE[1]);
  const c = Math.cos(LATTICE_TURN),
    s = Math.sin(LATTICE_TURN);
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
    const di = ((t.x - ox) * c + (t.y - oy) * s) / S,
      dj = (-(t.x - ox) * s + (t.y - oy) * c) / S;
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
    for (const [di, dj] of [
      [1, 0],
      [0, 1],
    ] as const) {
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
      const oneway =
        central && cls === 'residential' && rngFor('road-oneway', `${di}`, `${line}`).chance(0.35) ? (((((line - 1) / 2) % 2) + 2) % 2 === 0 ? 1 : -1) : 0;
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
    const a = ring[i]!,
      b = ring[(i + 1) % n]!;
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
      const x0 = net.x[prev]!,
        y0 = net.y[prev]!;
      for (let k = 1; k <= legs; k++) {
        const p = net.point(
          x0 + ((x - x0) * k) / legs + r.uniform(-0.4, 0.4) * (k < legs ? 1 : 0),
          y0 + ((y - y0) * k) / legs + r.uniform(-0.4, 0.4) * (k < legs ? 1 : 0),
        );
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
  const south = nearestRing(toX(113.1), toY(28.0)),
    north = nearestRing(toX(113.08), toY(28.35));
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
      const a = pts[i]!,
        b = pts[i + 1]!;
      if (a === b) continue;
      net.edge(net.curve(a, b, rngFor('road-arterial', `${r}`, `${i}`), 0.05, 0.6), cls);
    }
  });
}

/** Dijkstra (binary heap) over a graph of adjacency lists with lengths: each node's predecessor and the edge it came by. */
function shortestTree(n: number, adj: readonly { to: number; len: number; edge: number }[][], from: number): { prev: Int32Array; via: Int32Array } {
  const distTo = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1),
    via = new Int32Array(n).fill(-1);
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
      for (let i = 0; ; ) {
        const l = 2 * i + 1,
          r = l + 1;
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
  net: Net,
  townships: readonly TownshipPlace[],
  seats: ReadonlyMap<string, TownshipPlace>,
  crossesRiver: (pts: readonly number[]) => boolean,
  midHill: (a: number, b: number) => number,
): void {
  const g = neighbourGraphs(townships.flatMap((t) => [t.x, t.y]));
  const kept: { i: number; j: number; len: number }[] = [];
  g.edges.forEach(([i, j], k) => {
    const a = townships[i]!,
      b = townships[j]!;
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
    const a = townships[e.i]!,
      b = townships[e.j]!;
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
  net: Net,
  townships: readonly TownshipPlace[],
  crossesRiver: (pts: readonly number[]) => boolean,
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
    const a = places[i]!,
      b = places[j]!;
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
    const a = places[e.i]!.place,
      b = places[e.j]!.place;
    const hill = midHill(a.point, b.point);
    const pts = net.curve(a.point, b.point, rngFor('road-village', a.code, b.code), 0.07 + 0.08 * hill, 0.45, hill);
    if (crossesRiver(pts)) return;
    net.edge(pts, use[k]! >= 2 ? 'tertiary' : 'unclassified', 1 - HILL_SLOWDOWN * hill);
  });
}
