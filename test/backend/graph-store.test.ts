// The road graph kept beside the plan (electron/backend/access/graph-store.ts): a new service (as a new
// process would be) reads it instead of loading the segments and building the graph; a new network
// or speed table is a new key; a damaged file is ignored and rebuilt; the minutes are the same.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentLoads } from '../../electron/backend/access/plan-inputs.ts';
import { CACHE_FOLDER, GRAPH_STORE_VERSION, graphStoreFile, readGraphStore, writeGraphStore } from '../../electron/backend/access/graph-store.ts';
import { cachedNetwork, forgetNetworks, graphStats } from '../../electron/backend/worker/network-cache.ts';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { buildRoadGraph } from '../../shared/access/graph.ts';
import { DEFAULT_ROAD_SPEEDS, type RoadNetworkData } from '../../shared/access/network.ts';
import { buildNodeIndex, snapPoints } from '../../shared/access/snap.ts';
import type { AccessResultOut } from '../../shared/access/result.ts';
import { metres } from './metres.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
const b64 = (s: string) => Buffer.from(s).toString('base64');

// 一街道: 东社区 at the station (113.00), 西社区 on the road 2 km west (112.98); the road: residential, 25 km/h by default.
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'A,甲区,,区,,113.0,28.0,2025',
  'S,一街道,A,街道,,113.0,28.0,2025',
  'C1,东社区,S,社区,1000,113.0,28.0,2025',
  'C2,西社区,S,社区,2000,112.98,28.0,2025',
].join('\n');
const FACILITIES = '机构编码,机构名称,机构类型,所在区划代码,经度,纬度\nE1,急救站,120急救站,C1,113.0,28.0\n';
const road = (cls: string, mid: number) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { highway: cls },
        geometry: {
          type: 'LineString',
          coordinates: [
            [112.98, 28.0],
            [mid, 28.0],
            [113.0, 28.0],
          ],
        },
      },
    ],
  });
const q = { scenarioId: 1, types: ['ems_station' as const], urbanMinutes: 10, ruralMinutes: 30 };
const west = (r: AccessResultOut) => r.points.find((p) => p.code === 'C2')!.minutes;
const roadMinutes = (kmh: number) => metres(112.98, 28.0, 113.0, 28.0) / ((kmh * 1000) / 60);

let planPath = '';
const cacheDir = () => path.join(path.dirname(planPath), CACHE_FOLDER);
const graphFiles = () => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).filter((f) => f.endsWith('.graph')) : []);

/** Opens the plan in a new service (a new worker: nothing kept in memory), runs access, closes it; with the segment loads it took. */
async function coldRun(q2: typeof q = q): Promise<{ r: AccessResultOut; loads: number }> {
  const svc = createPlannerService({ home, door: 'direct' });
  try {
    await svc.call('plan.open', { path: planPath });
    const before = segmentLoads.count;
    const r = await svc.call('access.run', q2);
    return { r, loads: segmentLoads.count - before };
  } finally {
    svc.close();
  }
}

async function withPlan<T>(fn: (svc: Service) => Promise<T>): Promise<T> {
  const svc = createPlannerService({ home, door: 'direct' });
  try {
    await svc.call('plan.open', { path: planPath });
    return await fn(svc);
  } finally {
    svc.close();
  }
}

beforeAll(async () => {
  const svc = createPlannerService({ home, door: 'direct' });
  planPath = (await svc.call('plan.new', { path: 'store' })).path;
  expect(
    (
      await svc.call('tables.import', {
        scenarioId: 1,
        units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
        facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
      })
    ).ok,
  ).toBe(true);
  expect(await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(road('residential', 112.99)) } })).toMatchObject({ ok: true });
  svc.close();
});
afterAll(() => undefined);

describe('the graph stored beside the plan', () => {
  it('a first run builds and stores it; a new service reads it and loads no segment; the minutes are the same', async () => {
    expect(graphFiles()).toEqual([]);
    const first = await coldRun();
    expect(first.loads).toBe(1);
    // 2 km of residential street at 25 km/h: 4.8 min.
    expect(west(first.r)).toBeCloseTo(roadMinutes(25), 1);
    expect(graphFiles()).toHaveLength(1);
    expect(graphFiles()[0]).toMatch(/^store\.hplan\.[0-9a-f]{20}\.graph$/);
    const second = await coldRun();
    // No segment loaded: the worker had nothing to build a graph from, so it read the stored one.
    expect(second.loads).toBe(0);
    expect(second.r.points).toEqual(first.r.points);
    expect(second.r.units).toEqual(first.r.units);
  });

  it('new speeds are a new key: built again, and the plan keeps one car graph', async () => {
    await withPlan((svc) => svc.call('roads.setSpeeds', { speeds: { ...DEFAULT_ROAD_SPEEDS, residential: 50 } }));
    const faster = await coldRun();
    expect(faster.loads).toBe(1);
    expect(west(faster.r)).toBeCloseTo(roadMinutes(50), 1);
    expect(graphFiles()).toHaveLength(1);
    expect((await coldRun()).loads).toBe(0);
  });

  it('a new network is a new key, even of the same size', async () => {
    // Same points and class, only the middle point moved: the import's revision differs.
    await withPlan((svc) => svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(road('primary', 112.995)) } }));
    const r = await coldRun();
    expect(r.loads).toBe(1);
    // primary at the default 55 km/h: 2.2 min.
    expect(west(r.r)).toBeCloseTo(roadMinutes(DEFAULT_ROAD_SPEEDS.primary!), 1);
    expect(graphFiles()).toHaveLength(1);
  });

  it('a damaged, truncated or foreign file is ignored and rebuilt, with the same minutes', async () => {
    const good = await coldRun();
    expect(good.loads).toBe(0);
    const file = path.join(cacheDir(), graphFiles()[0]!);
    const bytes = fs.readFileSync(file);
    const damaged = [
      (b: Buffer) => {
        b[b.length >> 1]! ^= 0x40; // one bit in the payload: the checksum
      },
      (b: Buffer) => b.subarray(0, b.length - 100),
      (b: Buffer) => {
        b.writeUInt32LE(GRAPH_STORE_VERSION + 1, 8); // a later format
      },
      () => Buffer.from('not a graph at all'),
    ];
    for (const hurt of damaged) {
      const b = Buffer.from(bytes);
      fs.writeFileSync(file, hurt(b) ?? b);
      const again = await coldRun();
      // The worker could not use the file: it asked for the segments once, built, and wrote a sound file.
      expect(again.loads).toBe(1);
      expect(again.r.points).toEqual(good.r.points);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    }
  });
});

describe('graph-store.ts on its own', () => {
  // A small network: a one-way street and a two-way one meeting, a point off the map.
  const net: RoadNetworkData = {
    offsets: Uint32Array.from([0, 3, 5]),
    coords: Float64Array.from([113.0, 28.0, 113.01, 28.0, 113.02, 28.001, 113.02, 28.001, 113.02, 28.02]),
    highway: ['primary', 'residential'],
    speedKmh: Float32Array.from([NaN, 20]),
    oneway: Int8Array.from([1, 0]),
  };
  const dir = tmpDir();
  const plan = path.join(dir, 'x.hplan');

  it('reads back exactly what was written, and only under its own key', () => {
    const g = buildRoadGraph(net, DEFAULT_ROAD_SPEEDS);
    const index = buildNodeIndex(g);
    const file = graphStoreFile(plan, 'k1|drive');
    expect(writeGraphStore(file, 'k1|drive', g, index)).toBe(true);
    const back = readGraphStore(file, 'k1|drive')!;
    // Everything but pointNode (the points' nodes, read by nothing after the build: not stored).
    expect(back.graph.pointNode).toHaveLength(0);
    // The reverse edges are not stored either: turned round from the forward ones on first use, the built graph's very arrays.
    expect(Object.getOwnPropertyDescriptor(back.graph, 'reverse')?.get).toBeTypeOf('function');
    expect(back.graph.reverse).toEqual(g.reverse);
    expect(back.graph).toEqual({ ...g, pointNode: new Uint32Array(0) });
    expect(back.index.node).toEqual(index.node);
    const pts = { lon: Float64Array.from([113.005, 113.021]), lat: Float64Array.from([28.0005, 28.01]) };
    expect(snapPoints(back.graph, back.index, pts.lon, pts.lat, 15)).toEqual(snapPoints(g, index, pts.lon, pts.lat, 15));
    // Another key (another network or speed table) under the same name is not this graph.
    expect(readGraphStore(file, 'k2|drive')).toBeNull();
    expect(readGraphStore(path.join(dir, 'missing.graph'), 'k1|drive')).toBeNull();
  });

  it('one bit changed anywhere in the payload — first word, an odd word, the last — is refused by the checksum', () => {
    const g = buildRoadGraph(net, DEFAULT_ROAD_SPEEDS);
    const file = graphStoreFile(plan, 'bits|drive');
    expect(writeGraphStore(file, 'bits|drive', g, buildNodeIndex(g))).toBe(true);
    const bytes = fs.readFileSync(file);
    const payload = 16 + ((bytes.readUInt32LE(12) + 7) & ~7) + 32;
    for (const at of [payload, payload + 4, payload + 8 * g.nodeCount + 5, bytes.length - 1]) {
      const b = Buffer.from(bytes);
      b[at]! ^= 0x01;
      fs.writeFileSync(file, b);
      expect(readGraphStore(file, 'bits|drive')).toBeNull();
    }
    fs.writeFileSync(file, bytes);
    expect(readGraphStore(file, 'bits|drive')).not.toBeNull();
  });

  it('an out-of-range node with a matching checksum is still refused (the structure is checked)', () => {
    const g = buildRoadGraph(net, DEFAULT_ROAD_SPEEDS);
    g.forward.targets[0] = g.nodeCount + 5;
    const file = graphStoreFile(plan, 'bad|drive');
    writeGraphStore(file, 'bad|drive', g, buildNodeIndex(buildRoadGraph(net, DEFAULT_ROAD_SPEEDS)));
    expect(readGraphStore(file, 'bad|drive')).toBeNull();
  });

  it('the worker cache counts one build, then a read from the store after a restart', () => {
    const input = { key: 'mem', data: net, speeds: { ...DEFAULT_ROAD_SPEEDS }, store: { planPath: plan, key: 'net-rev-1' } };
    const before = { ...graphStats };
    const built = cachedNetwork(input);
    expect(graphStats.builds - before.builds).toBe(1);
    forgetNetworks();
    const read = cachedNetwork({ ...input, data: { ...net, offsets: Uint32Array.from([0]) }, omitted: true });
    expect(graphStats.builds - before.builds).toBe(1);
    expect(graphStats.reads - before.reads).toBe(1);
    expect(read.graph).toEqual({ ...built.graph, pointNode: new Uint32Array(0) });
    // Without a stored walking graph and without the segments, the worker asks for them.
    expect(() => cachedNetwork({ ...input, data: net, omitted: true }, () => {}, 'walk')).toThrow('NEED_NETWORK_DATA');
    forgetNetworks();
  });
});
