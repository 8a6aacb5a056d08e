// The sample's generated road network and boundaries: deterministic, connected, near every place, valid.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSamplePlan } from '../../electron/backend/sample/load-sample.ts';
import { DEFAULT_ROAD_SPEEDS, type RoadNetworkData } from '../../shared/access/network.ts';
import { generateSampleBoundaries, type SampleBoundary } from '../../shared/sample/boundaries.ts';
import { generateSampleRoads } from '../../shared/sample/roads.ts';

const plan = buildSamplePlan();
const roads = generateSampleRoads(plan);
const boundaries = generateSampleBoundaries(plan.units);

/**
 * sha256 of the network's and the boundaries' JSON. A change here means the generated roads or
 * boundaries changed: if deliberate, update it (and check data/SAMPLE.md still describes them).
 */
const PINNED_ROADS_SHA256 = '679c6310e9ff84d822fde99d318f4b55abd7b1757d0f1ded8761bf263359f526';
const PINNED_BOUNDARIES_SHA256 = 'b8cc654d551bebd2c93cf4f7d66a69025c76bee5c2f7110a31dcfb5077afb92d';

const roadsJson = (n: RoadNetworkData) =>
  JSON.stringify({
    offsets: [...n.offsets],
    coords: [...n.coords],
    highway: n.highway,
    speedKmh: [...n.speedKmh].map((v) => (Number.isNaN(v) ? null : v)),
    oneway: [...n.oneway],
  });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const segments = roads.offsets.length - 1;
const pointCount = roads.coords.length / 2;
const lon = (p: number) => roads.coords[2 * p]!;
const lat = (p: number) => roads.coords[2 * p + 1]!;

const RAD = Math.PI / 180;
/** Haversine metres. */
function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD,
    dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Node of each point: points equal after rounding to 1e-7° are one node (as the access engine merges them). */
function nodesOfPoints(): { node: Int32Array; count: number } {
  const ids = new Map<string, number>();
  const node = new Int32Array(pointCount);
  for (let p = 0; p < pointCount; p++) {
    const key = `${Math.round(lon(p) * 1e7)},${Math.round(lat(p) * 1e7)}`;
    let n = ids.get(key);
    if (n === undefined) ids.set(key, (n = ids.size));
    node[p] = n;
  }
  return { node, count: ids.size };
}

function ringContains(ring: readonly number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!,
      [xj, yj] = ring[j]!;
    if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}
const polygonsOf = (b: SampleBoundary) => (b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates) as number[][][][];
/** Ray casting, holes honoured. */
const contains = (b: SampleBoundary, x: number, y: number) =>
  polygonsOf(b).some((poly) => ringContains(poly[0]!, x, y) && !poly.slice(1).some((hole) => ringContains(hole, x, y)));

describe('sample road network', () => {
  it('is deterministic: same plan, identical network', () => {
    const again = generateSampleRoads(buildSamplePlan());
    const json = roadsJson(roads);
    expect(roadsJson(again)).toBe(json);
    expect(sha256(json)).toBe(PINNED_ROADS_SHA256);
  });

  it('is well formed: offsets, coordinates, classes, speeds, one-way flags', () => {
    expect(roads.offsets[0]).toBe(0);
    expect(roads.offsets[segments]).toBe(pointCount);
    expect(roads.highway.length).toBe(segments);
    expect(roads.speedKmh.length).toBe(segments);
    expect(roads.oneway.length).toBe(segments);
    const bad: string[] = [];
    for (let s = 0; s < segments; s++) {
      const v = roads.speedKmh[s]!;
      if (roads.offsets[s + 1]! - roads.offsets[s]! < 2) bad.push(`segment ${s}: fewer than 2 points`);
      if (!Object.hasOwn(DEFAULT_ROAD_SPEEDS, roads.highway[s]!)) bad.push(`segment ${s}: class ${roads.highway[s]}`);
      if (!(Number.isNaN(v) || v > 0)) bad.push(`segment ${s}: speed ${v}`);
      if (![-1, 0, 1].includes(roads.oneway[s]!)) bad.push(`segment ${s}: oneway ${roads.oneway[s]}`);
    }
    for (let p = 0; p < pointCount; p++) {
      if (!(lon(p) > 111.5 && lon(p) < 114.5 && lat(p) > 27.5 && lat(p) < 29)) bad.push(`point ${p}: ${lon(p)}, ${lat(p)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('has the kinds of road a region has, and prints its size', () => {
    const km = new Map<string, number>();
    const count = new Map<string, number>();
    for (let s = 0; s < segments; s++) {
      let m = 0;
      for (let p = roads.offsets[s]!; p + 1 < roads.offsets[s + 1]!; p++) m += metres(lon(p), lat(p), lon(p + 1), lat(p + 1));
      const h = roads.highway[s]!;
      km.set(h, (km.get(h) ?? 0) + m / 1000);
      count.set(h, (count.get(h) ?? 0) + 1);
    }
    const oneWay = roads.oneway.reduce((n, o) => n + (o !== 0 ? 1 : 0), 0);
    const ownSpeed = [...roads.speedKmh].filter((v) => !Number.isNaN(v)).length;
    console.log(
      `sample roads: ${segments} segments, ${pointCount} points, ${oneWay} one-way, ${ownSpeed} with their own (hill) speed\n`
        + [...km]
          .sort((a, b) => b[1] - a[1])
          .map(([h, k]) => `  ${h}: ${Math.round(k)} km in ${count.get(h)} segments`)
          .join('\n'),
    );
    for (const h of ['motorway', 'motorway_link', 'trunk', 'primary', 'secondary', 'tertiary', 'residential', 'unclassified', 'service']) {
      expect(km.get(h) ?? 0, h).toBeGreaterThan(10);
    }
    expect(segments).toBeGreaterThan(5_000);
    expect(segments).toBeLessThan(60_000);
    expect(oneWay).toBeGreaterThan(100);
    expect(ownSpeed).toBeGreaterThan(100);
  });

  it('is connected: one piece, and (one-way streets included) one strongly connected part', () => {
    const { node, count } = nodesOfPoints();
    const parent = Int32Array.from({ length: count }, (_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const out: number[][] = Array.from({ length: count }, () => []);
    const inn: number[][] = Array.from({ length: count }, () => []);
    for (let s = 0; s < segments; s++) {
      for (let p = roads.offsets[s]!; p + 1 < roads.offsets[s + 1]!; p++) {
        const a = node[p]!,
          b = node[p + 1]!;
        parent[find(a)] = find(b);
        if (roads.oneway[s]! >= 0) {
          out[a]!.push(b);
          inn[b]!.push(a);
        }
        if (roads.oneway[s]! <= 0) {
          out[b]!.push(a);
          inn[a]!.push(b);
        }
      }
    }
    const size = new Map<number, number>();
    for (let i = 0; i < count; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1);
    const largest = Math.max(...size.values());
    console.log(`sample roads: ${count} nodes, ${size.size} connected piece(s), the largest ${largest}`);
    expect(largest / count).toBeGreaterThanOrEqual(0.95);

    // Nodes reachable from and to the first node of the largest piece: its strongly connected part.
    let root = 0;
    while (size.get(find(root)) !== largest) root++;
    const reach = (adj: number[][]) => {
      const seen = new Uint8Array(count);
      const stack = [root];
      seen[root] = 1;
      while (stack.length > 0)
        for (const w of adj[stack.pop()!]!)
          if (!seen[w]) {
            seen[w] = 1;
            stack.push(w);
          }
      return seen;
    };
    const f = reach(out),
      r = reach(inn);
    let both = 0;
    for (let i = 0; i < count; i++) if (f[i] && r[i]) both++;
    expect(both / count).toBeGreaterThanOrEqual(0.95);
  });

  it('reaches every community/village and facility: a road point within 250 m', () => {
    // Points of roads other than motorways (a place is not reached from a motorway), in 0.01° cells.
    const cells = new Map<string, number[]>();
    const motorwayOnly = new Uint8Array(pointCount).fill(1);
    for (let s = 0; s < segments; s++) {
      if (roads.highway[s] === 'motorway') continue;
      for (let p = roads.offsets[s]!; p < roads.offsets[s + 1]!; p++) motorwayOnly[p] = 0;
    }
    for (let p = 0; p < pointCount; p++) {
      if (motorwayOnly[p]) continue;
      const key = `${Math.floor(lon(p) * 100)},${Math.floor(lat(p) * 100)}`;
      (cells.get(key) ?? cells.set(key, []).get(key)!).push(p);
    }
    const nearest = (x: number, y: number) => {
      let best = Infinity;
      const cx = Math.floor(x * 100),
        cy = Math.floor(y * 100);
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++) {
          for (const p of cells.get(`${cx + dx},${cy + dy}`) ?? []) best = Math.min(best, metres(x, y, lon(p), lat(p)));
        }
      return best;
    };
    const places = [
      ...plan.units
        .filter((u) => ['street', 'town', 'township', 'community', 'village'].includes(u.kind))
        .map((u) => ({ what: u.code, lon: u.lon!, lat: u.lat! })),
      ...plan.facilities.map((f) => ({ what: f.id, lon: f.lon!, lat: f.lat! })),
    ];
    expect(places.length).toBeGreaterThan(3000);
    let worst = 0;
    for (const p of places) {
      const d = nearest(p.lon, p.lat);
      worst = Math.max(worst, d);
      expect(d, p.what).toBeLessThanOrEqual(250);
    }
    console.log(`sample roads: ${places.length} places, the farthest ${Math.round(worst)} m from a road point`);
  });
});

describe('sample boundaries', () => {
  const byCode = new Map(boundaries.map((b) => [b.code, b]));
  const townships = plan.units.filter((u) => u.kind === 'street' || u.kind === 'town' || u.kind === 'township');
  const counties = plan.units.filter((u) => u.kind === 'county');

  it('is deterministic', () => {
    const json = JSON.stringify(boundaries);
    expect(JSON.stringify(generateSampleBoundaries(buildSamplePlan().units))).toBe(json);
    expect(sha256(json)).toBe(PINNED_BOUNDARIES_SHA256);
    const multi = boundaries.filter((b) => b.geometry.type === 'MultiPolygon').length;
    console.log(
      `sample boundaries: ${boundaries.length} (${townships.length} streets/towns/townships, ${counties.length} counties), ${multi} in several pieces, ${(json.length / 1e6).toFixed(2)} MB`,
    );
  });

  it('has a valid polygon for every street/town/township and county', () => {
    expect(boundaries.length).toBe(townships.length + counties.length);
    for (const u of [...townships, ...counties]) {
      const b = byCode.get(u.code);
      expect(b, u.code).toBeDefined();
      for (const poly of polygonsOf(b!)) {
        expect(poly.length).toBeGreaterThanOrEqual(1);
        for (const ring of poly) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [x, y] of ring) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
        }
      }
    }
  });

  it("holds each township's centre and its communities/villages, and no other township does", () => {
    for (const t of townships) {
      const own = byCode.get(t.code)!;
      const points = [t, ...plan.units.filter((u) => u.parent_code === t.code)];
      for (const p of points) {
        expect(contains(own, p.lon!, p.lat!), `${p.code} in ${t.code}`).toBe(true);
        const county = byCode.get(t.parent_code!)!;
        expect(contains(county, p.lon!, p.lat!), `${p.code} in ${t.parent_code}`).toBe(true);
      }
    }
    // No overlap, at the places: each is inside exactly one township's and one county's polygon.
    const leaves = plan.units.filter((u) => u.kind === 'community' || u.kind === 'village');
    for (const p of leaves.filter((_, i) => i % 7 === 0)) {
      expect(townships.filter((t) => contains(byCode.get(t.code)!, p.lon!, p.lat!)).length, p.code).toBe(1);
      expect(counties.filter((c) => contains(byCode.get(c.code)!, p.lon!, p.lat!)).length, p.code).toBe(1);
    }
  });
});
