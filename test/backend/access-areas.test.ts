// 服务范围 on a real plan file: access.run with `areas` (bands and catchments as polygons, their people
// from the demand points) and `healthplan access --areas … --catchments --format geojson`, on a small
// road drawn by hand: a primary road (55 km/h) along 28°N from 113.00 to 113.10, a node every 0.001° (98 m).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { AccessResultOut } from '../../shared/access/result.ts';
import { cliIn } from './cli-run.ts';
import { metres } from './metres.ts';
import { tmpDir } from './tmp.ts';
import { STREET_ROAD, STREET_STATIONS } from './street-road.ts';

const home = tmpDir();
let svc: Service;
let planPath = '';
const b64 = (s: string) => Buffer.from(s).toString('base64');

// Stations E1 at 113.00 and E2 at 113.10, both on the road. 55 km/h = 916.7 m a minute; connectors 15 km/h = 250 m a minute.
// V1 113.03 on the road: 2.95 km from E1, 3.2 min.  V2 113.06: 3.93 km from E2, 4.3 min.  V3 113.09: 0.98 km from E2, 1.1 min.
// V4 2.22 km north of the node at 113.03: 3.2 + 8.9 = 12.1 min (E1).  V5 11 km north of E1: over 5 km from a road, unreachable.
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'A,甲区,,区,,113.05,28.0,2025',
  'T,一镇,A,镇,,113.05,28.0,2025',
  'V1,一村,T,行政村,100,113.03,28.0,2025',
  'V2,二村,T,行政村,200,113.06,28.0,2025',
  'V3,三村,T,行政村,400,113.09,28.0,2025',
  'V4,四村,T,行政村,800,113.03,28.02,2025',
  'V5,五村,T,行政村,1600,113.0,28.1,2025',
].join('\n');
const FACILITIES = STREET_STATIONS;
const ROADS = STREET_ROAD;
const q = { scenarioId: 1, types: ['ems_station' as const], urbanMinutes: 10, ruralMinutes: 30, areas: { bands: [5, 15], catchments: true } };
const perMin = 55000 / 60;
const minutesOf = (code: string, r: AccessResultOut) => r.points.find((p) => p.code === code)!.minutes;

/** Even–odd over every ring of a MultiPolygon. */
function inside(mp: number[][][][], [x, y]: [number, number]): boolean {
  let n = false;
  for (const ring of mp.flat())
    for (let a = 0, b = ring.length - 2; a < ring.length - 1; b = a++) {
      const [xa, ya] = ring[a]!,
        [xb, yb] = ring[b]!;
      if (ya! > y !== yb! > y && x < ((xb! - xa!) * (y - ya!)) / (yb! - ya!) + xa!) n = !n;
    }
  return n;
}

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  planPath = (await svc.call('plan.new', { path: 'areas' })).path;
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('access.run with areas', () => {
  it('without roads: the bands’ people from the straight-line minutes, no polygon, and says why', async () => {
    const r = await svc.call('access.run', q);
    expect(r.model).toBe('straight_line');
    expect(r.areas!.bands.every((b) => b.polygons.length === 0)).toBe(true);
    expect(r.areas!.note).toContain('没有路网');
    expect(r.areas!.catchments!.map((c) => c.facility)).toEqual(['E1', 'E2']);
  });

  it('on the road: two 5-minute areas that do not meet, one 15-minute area, catchments split the road; people by hand', async () => {
    expect(await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(ROADS) } })).toMatchObject({ ok: true, segments: 1 });
    const r = await svc.call('access.run', q);
    expect(r.model).toBe('road');
    expect(minutesOf('V1', r)).toBeCloseTo(metres(113, 28, 113.03, 28) / perMin, 1);
    expect(minutesOf('V4', r)).toBeCloseTo(metres(113, 28, 113.03, 28) / perMin + metres(113.03, 28, 113.03, 28.02) / 250, 1);
    expect(minutesOf('V5', r)).toBeNull();
    const a = r.areas!;
    expect(a.travel).toBe('drive');
    expect(a.cellMetres).toBe(100);
    expect(a.note).toContain('15 公里/小时');
    expect(a.noteEn).toContain('within about one cell (100 m)');
    const [five, fifteen] = a.bands;
    // 5 min: 一村 (3.2), 二村 (4.3 from 东站), 三村 (1.1) = 700; 15 min: and 四村 (12.1) = 1,500; 五村 never.
    expect(five).toMatchObject({ minutes: 5, population: 700 });
    expect(fifteen).toMatchObject({ minutes: 15, population: 1500 });
    // The middle of the road (113.05) is 4.9 km from either station, 5.4 min: the 5-minute areas are two.
    expect(five!.polygons).toHaveLength(2);
    expect(inside(five!.polygons, [113.05, 28.0])).toBe(false);
    expect(inside(five!.polygons, [113.03, 28.0])).toBe(true);
    expect(inside(five!.polygons, [113.03, 28.02])).toBe(false);
    expect(fifteen!.polygons).toHaveLength(1);
    expect(inside(fifteen!.polygons, [113.03, 28.02])).toBe(true);
    expect(inside(fifteen!.polygons, [113.0, 28.1])).toBe(false);
    // Catchments: 西站 一村 + 四村 = 900, 东站 二村 + 三村 = 600 — all the reachable people.
    expect(a.catchments!.map((c) => [c.facility, c.name, c.population])).toEqual([
      ['E1', '西站', 900],
      ['E2', '东站', 600],
    ]);
    expect(a.catchments!.reduce((s, c) => s + c.population, 0)).toBe(r.demand.population - r.unreachable);
    // They meet on the road: told apart by colour (palette indices that differ).
    expect(a.catchments![0]!.colour).not.toBe(a.catchments![1]!.colour);
    expect(inside(a.catchments![0]!.polygons, [113.03, 28.02])).toBe(true);
    expect(inside(a.catchments![1]!.polygons, [113.06, 28.0])).toBe(true);
    expect(inside(a.catchments![1]!.polygons, [113.03, 28.0])).toBe(false);
    // Each band's people are the coverage's at that threshold.
    for (const b of a.bands) {
      const c = await svc.call('access.run', { ...q, urbanMinutes: b.minutes, ruralMinutes: b.minutes, areas: undefined });
      expect(c.areas).toBeUndefined();
      expect(c.units.find((u) => u.scope === 'region')!.covered).toBe(b.population);
    }
  });
});

describe('healthplan access --areas --catchments --format geojson', () => {
  it('writes one feature per band and per facility, the method in the collection’s properties', async () => {
    svc.close();
    const dir = tmpDir();
    const { healthplan } = cliIn(dir);
    const out = path.join(dir, 'areas.geojson');
    const r = healthplan('access', planPath, '--areas', '15,5', '--catchments', '--format', 'geojson', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('5 分钟内：700 人');
    expect(r.out).toContain('东站（E2）服务 600 人');
    const g = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      type: string;
      properties: { method: string; tolerance_metres: number; model: string };
      features: { properties: { minutes: number | null; facility?: string; population: number }; geometry: { type: string; coordinates: number[][][][] } }[];
    };
    expect(g.type).toBe('FeatureCollection');
    expect(g.properties.model).toBe('road');
    expect(g.properties.tolerance_metres).toBe(100);
    expect(g.properties.method).toContain('最近路网节点');
    expect(g.features.map((f) => f.properties)).toEqual([
      { minutes: 5, population: 700 },
      { minutes: 15, population: 1500 },
      { minutes: null, facility: 'E1', name: '西站', population: 900 },
      { minutes: null, facility: 'E2', name: '东站', population: 600 },
    ]);
    expect(g.features.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
    for (const f of g.features) for (const ring of f.geometry.coordinates.flat()) expect(ring.at(-1)).toEqual(ring[0]);
    // The people of each band agree with the access result's coverage at that many minutes.
    for (const m of [5, 15]) {
      const c = JSON.parse(healthplan('access', planPath, '--thresholds', `urban=${m},rural=${m}`).out) as { units: { scope: string; covered: number }[] };
      expect(c.units.find((u) => u.scope === 'region')!.covered).toBe(g.features.find((f) => f.properties.minutes === m)!.properties.population);
    }
    // JSON: the areas' people and the method, the polygons left to geojson.
    const j = JSON.parse(healthplan('access', planPath, '--areas', '5').out) as {
      areas: { bands: { minutes: number; population: number; polygons: number }[] };
    };
    expect(j.areas.bands).toEqual([{ minutes: 5, population: 700, polygons: 2 }]);
    const bad = healthplan('access', planPath, '--format', 'geojson');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--areas');
    expect(healthplan('access', planPath, '--areas', '0').code).toBe(2);
  }, 90_000);
});
