// Road networks and unit boundaries on real plan files, through the service as every door calls it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { loadRoadNetwork, replaceRoadNetwork } from '../../electron/backend/db/roads.ts';
import { DEFAULT_ROAD_SPEEDS, segmentCount, type RoadNetworkData } from '../../shared/access/network.ts';
import { parseOneway, parseSpeed } from '../../shared/access/road-import.ts';
import { distanceMetres, gcj02ToWgs84 } from '../../shared/geo/crs.ts';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/backend/db/migrations.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
let svc: Service;
const b64 = (x: string | Uint8Array) => Buffer.from(x).toString('base64');
const geojson = (features: unknown[], extra: object = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features });
const line = (coordinates: unknown, properties: object = {}) => ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });
const file = (fileName: string, data: string | Uint8Array) => ({ fileName, dataBase64: b64(data) });
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return (e as { code: string }).code;
  }
};
const db = () => svc.workspace.requirePlan().db;
/** The network as segments of plain values, to compare. */
const segments = (n: RoadNetworkData) =>
  Array.from({ length: segmentCount(n) }, (_, s) => ({
    highway: n.highway[s],
    oneway: n.oneway[s],
    speed: Number.isNaN(n.speedKmh[s]!) ? null : n.speedKmh[s],
    coords: Array.from(n.coords.subarray(2 * n.offsets[s]!, 2 * n.offsets[s + 1]!)),
  }));

const UNITS_CSV = [
  '区划代码,名称,上级区划代码,类型',
  '430105000000,开福区,,区',
  '430105001000,东风路街道,430105000000,街道',
  '430105002000,沙坪街道,430105000000,街道',
  '430105002001,沙坪社区,430105002000,社区',
  '430102001000,城关镇,,镇',
  '430103001000,城关镇,,镇',
].join('\n');

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'roads' });
  const r = await svc.call('table.import', { table: 'units', scenarioId: 1, file: file('units.csv', UNITS_CSV) });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('reading tags', () => {
  it('oneway and maxspeed as OSM and GIS data write them', () => {
    expect([true, 'yes', '1', 1, 'F', -1, 'reverse', 'T', 'no', false, 0, 'B', undefined, 'maybe'].map((v) => parseOneway(v))).toEqual([
      1,
      1,
      1,
      1,
      1,
      -1,
      -1,
      -1,
      0,
      0,
      0,
      0,
      0,
      null,
    ]);
    expect(parseOneway(undefined, 1)).toBe(1);
    expect(['50', '50 km/h', '50kmh', '30 mph', '60;80', 40, 'none', 'CN:urban', 'about 50', '0', 200].map((v) => parseSpeed(v))).toEqual([
      50,
      50,
      50,
      48.3,
      60,
      40,
      undefined,
      undefined,
      null,
      null,
      null,
    ]);
    expect(parseSpeed(0, true)).toBeUndefined(); // Geofabrik: 0 = unknown
  });
});

describe('road network from GeoJSON', () => {
  const ROADS = geojson([
    line(
      [
        [112.98, 28.2],
        [112.99, 28.2],
        [112.995, 28.205],
      ],
      { highway: 'primary', oneway: 'yes', name: '芙蓉中路' },
    ),
    line(
      [
        [112.98, 28.2],
        [112.98, 28.21],
      ],
      { highway: 'residential' },
    ),
    line(
      [
        [112.97, 28.22],
        [112.97, 28.23],
      ],
      { highway: 'secondary', oneway: -1, speed_kmh: 42 },
    ),
    line(
      [
        [112.97, 28.23],
        [112.98, 28.23],
      ],
      { speed_kmh: 35 },
    ), // a speed but no class: kept
    line(
      [
        [112.98, 28.23],
        [112.98, 28.24],
      ],
      { highway: 'tertiary', maxspeed: '30 mph' },
    ),
    line(
      [
        [112.98, 28.24],
        [112.99, 28.24],
      ],
      { 道路等级: '县道', 单行: '否' },
    ), // Chinese class → tertiary
    {
      type: 'Feature',
      properties: { highway: 'trunk' },
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [113, 28.25],
            [113.01, 28.25],
          ],
          [
            [113.01, 28.25],
            [113.02, 28.26],
          ],
        ],
      },
    },
    line(
      [
        [112.98, 28.21],
        [112.99, 28.21],
      ],
      { highway: 'footway' },
    ),
    line(
      [
        [112.99, 28.21],
        [112.99, 28.22],
      ],
      { highway: 'cycleway' },
    ),
    line(
      [
        [112.99, 28.22],
        [113, 28.22],
      ],
      { highway: 'footway' },
    ),
    line(
      [
        [112.99, 28.25],
        [112.995, 28.25],
      ],
      { highway: 'service', junction: 'roundabout' },
    ),
  ]);

  it('imports lines and loads them back as they were: classes, speeds, one-way, points', async () => {
    const r = await svc.call('roads.import', { file: file('roads.geojson', ROADS) });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({
      ok: true,
      format: 'geojson',
      features: 11,
      segments: 9,
      points: 19,
      dropped: { footway: 2, cycleway: 1 },
      skipped: 0,
      dryRun: false,
    });
    expect(Object.keys(r.kmByClass)).toEqual(['trunk', 'primary', 'secondary', 'tertiary', 'residential', '', 'service']);
    expect(r.km).toBeCloseTo(
      Object.values(r.kmByClass).reduce((a, b) => a + b, 0),
      2,
    );
    expect(r.kmByClass.residential).toBeCloseTo(1.112, 2); // 0.01° of latitude
    const net = loadRoadNetwork(db());
    expect(segments(net)).toEqual([
      { highway: 'primary', oneway: 1, speed: null, coords: [112.98, 28.2, 112.99, 28.2, 112.995, 28.205] },
      { highway: 'residential', oneway: 0, speed: null, coords: [112.98, 28.2, 112.98, 28.21] },
      { highway: 'secondary', oneway: -1, speed: 42, coords: [112.97, 28.22, 112.97, 28.23] },
      { highway: '', oneway: 0, speed: 35, coords: [112.97, 28.23, 112.98, 28.23] },
      { highway: 'tertiary', oneway: 0, speed: expect.closeTo(48.3, 3), coords: [112.98, 28.23, 112.98, 28.24] },
      { highway: 'tertiary', oneway: 0, speed: null, coords: [112.98, 28.24, 112.99, 28.24] },
      { highway: 'trunk', oneway: 0, speed: null, coords: [113, 28.25, 113.01, 28.25] },
      { highway: 'trunk', oneway: 0, speed: null, coords: [113.01, 28.25, 113.02, 28.26] },
      { highway: 'service', oneway: 1, speed: null, coords: [112.99, 28.25, 112.995, 28.25] },
    ]);
    const sum = await svc.call('roads.summary', {});
    expect(sum).toMatchObject({ segments: 9, points: 19, km: r.km, kmByClass: r.kmByClass, bbox: [112.97, 28.2, 113.02, 28.26] });
    expect(sum.speeds).toEqual(DEFAULT_ROAD_SPEEDS);
  });

  it('reports bad features by number and reason, skips them and keeps the rest', async () => {
    const bad = geojson([
      line(
        [
          [112.98, 28.2],
          [112.99, 28.2],
        ],
        { highway: 'primary' },
      ), // 1: fine
      line([[112.98, 28.2]], { highway: 'primary' }), // 2: one point
      line(
        [
          [112.98, 28.2],
          [112.98, 28.2],
        ],
        { highway: 'primary' },
      ), // 3: the same point twice
      line(
        [
          [112.98, 28.2],
          ['x', 28.2],
        ],
        { highway: 'primary' },
      ), // 4: not a number
      line(
        [
          [112.98, 28.2],
          [212.98, 28.2],
        ],
        { highway: 'primary' },
      ), // 5: out of range
      line(
        [
          [112.98, 28.2],
          [null, null],
        ],
        { highway: 'primary' },
      ), // 6: NaN as JSON writes it
      { type: 'Feature', properties: { highway: 'primary' }, geometry: { type: 'Point', coordinates: [112.98, 28.2] } }, // 7: a point
      line(
        [
          [112.98, 28.2],
          [112.99, 28.2],
        ],
        { name: '无名路' },
      ), // 8: neither class nor speed
      { type: 'Feature', properties: { highway: 'primary' }, geometry: null }, // 9: no geometry
      line(
        [
          [112.98, 28.2],
          [112.99, 28.21],
        ],
        { highway: 'secondary', speed_kmh: 500, oneway: 'sometimes' },
      ), // 10: kept, speed and oneway ignored
      {
        type: 'Feature',
        properties: { highway: 'trunk' },
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [113, 28.25],
              [113.01, 28.25],
            ],
            [[113.01, 28.25]],
          ],
        },
      }, // 11: part 2 bad
    ]);
    const r = await svc.call('roads.import', { file: file('bad.geojson', bad) });
    expect(r.ok).toBe(true);
    expect(r.segments).toBe(3);
    expect(r.skipped).toBe(9); // features 2–9, and the second part of 11
    const by = (n: number) => r.problems.filter((p) => p.feature === n);
    expect(r.problems.map((p) => p.feature)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11]);
    expect(by(2)[0]!.message).toContain('第 2 个要素只有 1 个不同的点');
    expect(by(2)[0]!.messageEn).toContain('Feature 2 has 1 distinct point');
    expect(by(4)[0]!.message).toContain('第 2 个坐标 ["x",28.2] 不是有效的经纬度');
    expect(by(5)[0]!.messageEn).toContain('[212.98,28.2]');
    expect(by(7)[0]!.message).toContain('Point');
    expect(by(8)[0]!.message).toContain('既没有道路等级');
    expect(by(10).map((p) => p.messageEn)).toEqual([expect.stringContaining('speed "500"'), expect.stringContaining('oneway "sometimes"')]);
    expect(by(11)[0]!.message).toContain('第 2 段');
    expect(segments(loadRoadNetwork(db())).map((s) => [s.highway, s.oneway, s.speed])).toEqual([
      ['primary', 0, null],
      ['secondary', 0, null],
      ['trunk', 0, null],
    ]);
  });

  it('refuses what is not GeoJSON, naming the fix, and writes nothing', async () => {
    const before = segments(loadRoadNetwork(db()));
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['roads.csv', 'a,b\n1,2\n', /不是 GeoJSON，也不是 \.osm\.pbf/],
      ['empty.geojson', '', /空文件/],
      ['broken.geojson', '{"type": "FeatureCollection", "features": [', /不是有效的 JSON/],
      ['list.json', '{"roads": []}', /不是 GeoJSON/],
      ['topo.json', '{"type": "Topology", "objects": {}}', /TopoJSON/],
      ['mercator.geojson', geojson([], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } } }), /EPSG:4326/],
      ['map.osm', '<?xml version="1.0"?><osm></osm>', /osmium cat/],
      ['roads.zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), /解压/],
      ['roads.shp', new Uint8Array([0, 0, 0x27, 0x0a, 0, 0, 0, 0]), /Shapefile/],
    ];
    for (const [name, data, zh] of cases) {
      const err = await svc.call('roads.import', { file: file(name, data) }).then(
        () => null,
        (e: { code: string; message: string; messageEn: string }) => e,
      );
      expect(err, name).toMatchObject({ code: 'FILE_ERROR' });
      expect(err!.message, name).toMatch(zh);
      expect(err!.message, name).toContain(name);
    }
    // Readable, but nothing usable: a report, not an error, and still nothing written.
    const none = await svc.call('roads.import', {
      file: file(
        'paths.geojson',
        geojson([
          line(
            [
              [112.98, 28.2],
              [112.99, 28.2],
            ],
            { highway: 'footway' },
          ),
        ]),
      ),
    });
    expect(none).toMatchObject({ ok: false, segments: 0, dropped: { footway: 1 } });
    expect(none.problems[0]).toMatchObject({ feature: 0, message: expect.stringContaining('都不能行车') });
    const projected = await svc.call('roads.import', {
      file: file(
        'metres.geojson',
        geojson([
          line(
            [
              [12577000, 3276000],
              [12578000, 3276000],
            ],
            { highway: 'primary' },
          ),
        ]),
      ),
    });
    expect(projected.ok).toBe(false);
    expect(projected.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('没有可用的道路'),
      expect.stringContaining('投影坐标'),
      expect.stringContaining('第 1 个要素'),
    ]);
    expect(segments(loadRoadNetwork(db()))).toEqual(before);
  });

  it('a dry run reports and writes nothing; GCJ-02 is converted', async () => {
    const before = segments(loadRoadNetwork(db()));
    const gcj = geojson([
      line(
        [
          [112.985, 28.203],
          [112.995, 28.203],
        ],
        { highway: 'primary' },
      ),
    ]);
    const dry = await svc.call('roads.import', { file: file('gcj.geojson', gcj), crs: 'gcj02', dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, segments: 1, crs: 'gcj02' });
    expect(segments(loadRoadNetwork(db()))).toEqual(before);
    await svc.call('roads.import', { file: file('gcj.geojson', gcj), crs: 'gcj02' });
    const [seg] = segments(loadRoadNetwork(db()));
    // GCJ-02 is offset by a few hundred metres around Changsha.
    const [lon, lat] = gcj02ToWgs84(112.985, 28.203);
    expect(seg!.coords.slice(0, 2)).toEqual([lon, lat]);
    expect(distanceMetres(112.985, 28.203, lon, lat)).toBeGreaterThan(200);
    expect(distanceMetres(112.985, 28.203, lon, lat)).toBeLessThan(1000);
  });

  it('speeds: defaults, set by class, validated, kept in the plan', async () => {
    expect(await svc.call('roads.setSpeeds', { speeds: { primary: 50, 县道: 40 } })).toEqual({ ...DEFAULT_ROAD_SPEEDS, primary: 50, 县道: 40 });
    expect((await svc.call('roads.summary', {})).speeds).toMatchObject({ primary: 50, secondary: DEFAULT_ROAD_SPEEDS.secondary, 县道: 40 });
    for (const bad of [0, -5, 151, Number.NaN])
      expect(await codeOf(svc.call('roads.setSpeeds', { speeds: { primary: bad } })), String(bad)).toBe('INVALID_ARGS');
    expect(await codeOf(svc.call('roads.setSpeeds', { speeds: { '': 30 } }))).toBe('INVALID_ARGS');
    expect((await svc.call('roads.summary', {})).speeds.primary).toBe(50);
    // Kept in the file: reopened, the speeds are there.
    const p = svc.workspace.requirePlan().path;
    svc.close();
    svc = createPlannerService({ home, door: 'direct' });
    await svc.call('plan.open', { path: p });
    expect((await svc.call('roads.summary', {})).speeds.primary).toBe(50);
  });

  it('clear removes the network and keeps the speeds', async () => {
    expect((await svc.call('roads.clear', {})).deleted).toBe(1);
    expect(await svc.call('roads.summary', {})).toMatchObject({ segments: 0, km: 0, kmByClass: {}, bbox: null, speeds: { primary: 50 } });
    expect(segmentCount(loadRoadNetwork(db()))).toBe(0);
  });

  it('loads exactly what was written, across chunks of 65,536, with gaps in the ids, and from a UTF-16 plan', () => {
    const n = 70_000;
    const offsets = new Uint32Array(n + 1);
    const pts: number[] = [];
    const classes = ['primary', 'residential', '', '县道', 'service'];
    for (let s = 0; s < n; s++) {
      offsets[s] = pts.length / 2;
      const k = 2 + (s % 5);
      for (let i = 0; i < k; i++) pts.push(112 + s * 1e-5 + i * 1e-6, 28 + (s % 977) * 1e-4 + i * 1e-6);
    }
    offsets[n] = pts.length / 2;
    const net: RoadNetworkData = {
      offsets,
      coords: new Float64Array(pts),
      highway: Array.from({ length: n }, (_, s) => classes[s % 5]!),
      speedKmh: new Float32Array(n).map((_, s) => (s % 3 ? NaN : 10 + (s % 120) + 0.5)),
      oneway: new Int8Array(n).map((_, s) => (s % 3) - 1),
    };
    const check = (d: Database.Database) => {
      replaceRoadNetwork(d, net);
      expect(segments(loadRoadNetwork(d))).toEqual(segments(net));
      // Rows removed by hand (the app never does): the rest still loads, in order.
      d.prepare('DELETE FROM road_segment WHERE id IN (1, 65537, 70000)').run();
      const back = loadRoadNetwork(d);
      expect(segmentCount(back)).toBe(n - 3);
      expect(segments(back)).toEqual(segments(net).filter((_, s) => ![0, 65536, 69999].includes(s)));
    };
    check(db());
    // A plan in UTF-16 (not written by HealthPlan, but possible): the points are read as hex instead.
    const d = new Database(path.join(home, 'utf16.db'));
    d.pragma("encoding = 'UTF-16le'");
    migrate(d);
    check(d);
    d.close();
  });

  it('a replaced network is never half written: a failure mid-write leaves the old one', () => {
    const old: RoadNetworkData = {
      offsets: new Uint32Array([0, 2]),
      coords: new Float64Array([1, 2, 3, 4]),
      highway: ['primary'],
      speedKmh: new Float32Array([NaN]),
      oneway: new Int8Array([0]),
    };
    replaceRoadNetwork(db(), old);
    // A segment of one point violates the table's CHECK after the first segment was inserted.
    const broken: RoadNetworkData = {
      offsets: new Uint32Array([0, 2, 3]),
      coords: new Float64Array([5, 6, 7, 8, 9, 10]),
      highway: ['trunk', 'trunk'],
      speedKmh: new Float32Array([NaN, NaN]),
      oneway: new Int8Array([0, 0]),
    };
    expect(() => replaceRoadNetwork(db(), broken)).toThrow();
    expect(segments(loadRoadNetwork(db()))).toEqual([{ highway: 'primary', oneway: 0, speed: null, coords: [1, 2, 3, 4] }]);
  });
});

describe('road network from OpenStreetMap (.osm.pbf)', () => {
  // test/fixtures/roads-kaifu.osm.pbf: written with osmium-tool from roads-kaifu.osm beside it (see its header).
  const pbf = () => fs.readFileSync(path.join(fixtures, 'roads-kaifu.osm.pbf'));

  it('keeps drivable ways with their nodes, one-way and maxspeed; drops and counts the rest', async () => {
    const progress: number[] = [];
    svc.workspace.onProgress = (task, done, total) => {
      expect(task).toBe('roads');
      progress.push(done / total);
    };
    const r = await svc.call('roads.import', { file: file('roads-kaifu.osm.pbf', pbf()) });
    svc.workspace.onProgress = null;
    expect(r).toMatchObject({ ok: true, format: 'osm.pbf', features: 11, dropped: { footway: 1, cycleway: 1, track: 1, 'access=no': 1 } });
    expect(progress.at(-1)).toBe(1);
    // Way 7 (service) refers to node 99, which the extract left out: split there, the piece before it kept (9–10), and 11–12.
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ feature: 0, message: expect.stringContaining('1 条路段引用了文件中没有的节点') });
    expect(r.segments).toBe(8);
    const net = segments(loadRoadNetwork(db()));
    expect(net).toEqual([
      { highway: 'primary', oneway: 1, speed: 60, coords: [112.98, 28.2, 112.99, 28.2, 112.995, 28.205] },
      { highway: 'residential', oneway: 0, speed: null, coords: [112.98, 28.2, 112.98, 28.21] },
      { highway: 'motorway', oneway: 1, speed: 120, coords: [112.97, 28.22, 112.97, 28.23] }, // one way as OSM implies
      { highway: 'secondary', oneway: -1, speed: null, coords: [112.97, 28.23, 112.98, 28.23] },
      { highway: 'tertiary', oneway: 0, speed: expect.closeTo(48.3, 3), coords: [112.98, 28.23, 112.98, 28.24] }, // 30 mph
      { highway: 'service', oneway: 0, speed: null, coords: [112.98, 28.24, 112.99, 28.24] },
      { highway: 'service', oneway: 0, speed: null, coords: [112.99, 28.25, 113, 28.25] },
      { highway: 'unclassified', oneway: 1, speed: null, coords: [113, 28.26, 113.01, 28.26] }, // a roundabout
    ]);
  });

  it('refuses a truncated or damaged .osm.pbf, naming the fix, and writes nothing', async () => {
    const before = segments(loadRoadNetwork(db()));
    const bytes = pbf();
    for (const cut of [bytes.subarray(0, bytes.length - 40), Buffer.concat([bytes.subarray(0, 200), Buffer.alloc(bytes.length - 200, 7)])]) {
      const err = await svc.call('roads.import', { file: file('cut.osm.pbf', cut) }).then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
      expect(err).toMatchObject({ code: 'FILE_ERROR', message: expect.stringContaining('osmium cat') });
    }
    expect(segments(loadRoadNetwork(db()))).toEqual(before);
  });
});

describe('map layers', () => {
  it('map.roads: GeoJSON lines in a box, major classes only, at most limit', async () => {
    const all = await svc.call('map.roads', {});
    expect(all).toMatchObject({ type: 'FeatureCollection', total: 8, truncated: false });
    expect(all.features[0]).toEqual({
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [112.98, 28.2],
          [112.99, 28.2],
          [112.995, 28.205],
        ],
      },
      properties: { highway: 'primary', oneway: 1 },
    });
    const major = await svc.call('map.roads', { minClass: 'secondary' });
    expect(major.features.map((f) => f.properties.highway)).toEqual(['primary', 'motorway', 'secondary']);
    const box = await svc.call('map.roads', { bbox: [112.965, 28.215, 112.975, 28.235] });
    expect(box.features.map((f) => f.properties.highway)).toEqual(['motorway', 'secondary']);
    const few = await svc.call('map.roads', { limit: 2 });
    expect(few).toMatchObject({ total: 8, truncated: true });
    expect(few.features).toHaveLength(2);
    expect(await codeOf(svc.call('map.roads', { bbox: [113, 28, 112, 29] }))).toBe('INVALID_ARGS');
  });
});

describe('unit boundaries', () => {
  const square = (x: number, y: number, d = 0.01) => [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ];
  const poly = (properties: object, coordinates: unknown = square(112.98, 28.2), type = 'Polygon') => ({
    type: 'Feature',
    properties,
    geometry: { type, coordinates },
  });

  it('matches by code (6, 9 or 12 digits) or unique name; reports the unmatched and invalid rings; imports the rest', async () => {
    const fc = geojson([
      poly({ adcode: 430105, name: '开福区' }), // 1: a 6-digit adcode (DataV) → 430105000000
      poly({ 区划代码: '430105001' }, square(112.99, 28.21)), // 2: 9 digits → 430105001000
      poly({ code: '430105002000' }, [
        ...square(113, 28.2),
        [
          [113.001, 28.201],
          [113.002, 28.201],
        ],
      ]), // 3: 12 digits; a bad hole dropped
      poly({ 名称: '沙坪社区' }, [square(113.1, 28.3), square(113.2, 28.3)], 'MultiPolygon'), // 4: by name
      poly({ name: '城关镇' }), // 5: two units have this name
      poly({ code: '999999' }), // 6: no such unit
      poly({ name: '开福区' }, [
        [
          [112.98, 28.2],
          [112.99, 28.2],
        ],
      ]), // 7: matched, but its only ring is invalid
      {
        type: 'Feature',
        properties: { code: '430102001000' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      }, // 8: a line
      poly({}), // 9: neither code nor name
    ]);
    const dry = await svc.call('boundaries.import', { file: file('边界.geojson', fc), dryRun: true });
    expect(dry).toMatchObject({ ok: true, matched: 4, added: 4, dryRun: true });
    expect((await svc.call('boundaries.summary', {})).units).toBe(0);

    const r = await svc.call('boundaries.import', { file: file('边界.geojson', fc) });
    expect(r).toMatchObject({ ok: true, features: 9, matched: 4, added: 4, changed: 0, byCode: 3, byName: 1 });
    expect(r.unmatched.map((u) => [u.feature, u.code ?? u.name])).toEqual([
      [5, '城关镇'],
      [6, '999999'],
      [9, undefined],
    ]);
    expect(r.unmatched[0]!.reason).toContain('有 2 个单位');
    expect(r.unmatched[1]!.reasonEn).toContain('no unit of the plan has code "999999"');
    expect(r.problems.map((p) => p.feature)).toEqual([3, 7, 7, 8]);
    expect(r.problems[0]!.message).toContain('第 1 个内环（洞）无效');
    expect(r.problems[3]!.message).toContain('LineString');
    expect(await svc.call('boundaries.summary', {})).toEqual({ units: 4 });

    const map = await svc.call('map.boundaries', {});
    expect(map.features.map((f) => [f.properties.code, f.properties.name, f.properties.kind, f.geometry.type])).toEqual([
      ['430105000000', '开福区', 'county', 'Polygon'],
      ['430105001000', '东风路街道', 'street', 'Polygon'],
      ['430105002000', '沙坪街道', 'street', 'Polygon'],
      ['430105002001', '沙坪社区', 'community', 'MultiPolygon'],
    ]);
    expect((map.features[2]!.geometry.coordinates as unknown[]).length).toBe(1); // the bad hole is gone
    expect((await svc.call('map.boundaries', { kinds: ['street'] })).features).toHaveLength(2);

    // Again, with an unclosed ring (closed on import): changes one, keeps the others.
    const again = await svc.call('boundaries.import', {
      file: file(
        'b2.geojson',
        geojson([
          poly({ code: '430105' }, [
            [
              [112, 28],
              [112.1, 28],
              [112.1, 28.1],
            ],
          ]),
        ]),
      ),
    });
    expect(again).toMatchObject({ ok: true, matched: 1, added: 0, changed: 1 });
    const kaifu = (await svc.call('map.boundaries', { kinds: ['county'] })).features[0]!;
    expect(kaifu.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [112, 28],
          [112.1, 28],
          [112.1, 28.1],
          [112, 28],
        ],
      ],
    });
    expect((await svc.call('boundaries.summary', {})).units).toBe(4);
  });

  it('nothing matched: ok false, nothing written; not GeoJSON: an error naming the fix', async () => {
    const r = await svc.call('boundaries.import', { file: file('x.geojson', geojson([poly({ code: '110101' })])), replace: true });
    expect(r).toMatchObject({ ok: false, matched: 0 });
    expect((await svc.call('boundaries.summary', {})).units).toBe(4);
    expect(await codeOf(svc.call('boundaries.import', { file: file('x.osm.pbf', fs.readFileSync(path.join(fixtures, 'roads-kaifu.osm.pbf'))) }))).toBe(
      'FILE_ERROR',
    );
    expect(await codeOf(svc.call('boundaries.import', { file: file('x.kml', '<kml></kml>') }))).toBe('FILE_ERROR');
  });
});
