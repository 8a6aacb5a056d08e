// 服务范围 kept apart for the map (areas.apart, access.areasGeoJson): the result goes out without its polygons
// and a key; the polygons come back as GeoJSON text, through the web door as the body itself (REPLY_HEADER),
// the same polygons and people as a result that carries them. A road drawn by hand: a primary road along
// 28°N from 113.00 to 113.10 (a node every 0.001°), stations at both ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebDoor, type WebDoor } from '../../electron/web/server.ts';
import type { AccessResultOut } from '../../shared/access/result.ts';
import { REPLY_HEADER, TOKEN_HEADER } from '../../shared/api/http.ts';
import { tmpDir } from './tmp.ts';
import { STREET_ROAD, STREET_STATIONS } from './street-road.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'A,甲区,,区,,113.05,28.0,2025',
  'T,一镇,A,镇,,113.05,28.0,2025',
  'V1,一村,T,行政村,100,113.03,28.0,2025',
  'V2,二村,T,行政村,200,113.06,28.0,2025',
  'V3,三村,T,行政村,400,113.09,28.0,2025',
  'V4,四村,T,行政村,800,113.03,28.02,2025',
].join('\n');
const FACILITIES = STREET_STATIONS;
const ROADS = STREET_ROAD;
const q = { scenarioId: 1, types: ['ems_station' as const], urbanMinutes: 10, ruralMinutes: 30, areas: { bands: [5, 15], catchments: true } };

let door: WebDoor;
const post = (method: string, args: unknown, text: boolean) =>
  fetch(`http://127.0.0.1:${door.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: door.token, ...(text ? { [REPLY_HEADER]: 'text' } : {}) },
    body: JSON.stringify(args),
  });

beforeAll(async () => {
  door = await startWebDoor({ home: tmpDir() });
  const svc = door.service;
  await svc.call('plan.new', { path: 'apart' });
  await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(ROADS) } });
});
afterAll(() => door.close());

describe('service areas apart', () => {
  it('the result without polygons; the text through the door the same polygons and people, bands widest first, then catchments', async () => {
    const whole = (await door.service.call('access.run', q)) as AccessResultOut;
    const apart = (await door.service.call('access.run', { ...q, areas: { ...q.areas, apart: true } })) as AccessResultOut;
    expect(whole.areas!.shapes).toBeUndefined();
    expect(whole.areas!.bands.every((b) => b.polygons.length > 0)).toBe(true);
    const a = apart.areas!;
    expect(a.shapes).toBeGreaterThan(0);
    expect([...a.bands.map((b) => b.polygons.length), ...a.catchments!.map((c) => c.polygons.length)]).toEqual([0, 0, 0, 0]);
    // The people are the result's as ever (V1 100 + V2 200 + V3 400 within 5 minutes; V4's 800 too within 15).
    expect(a.bands.map((b) => b.population)).toEqual(whole.areas!.bands.map((b) => b.population));
    expect(a.bands.map((b) => b.population)).toEqual([700, 1500]);

    const res = await post('access.areasGeoJson', { shapes: a.shapes }, true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await res.text();
    const fc = JSON.parse(body) as { features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] };
    expect(fc.features.map((f) => [f.properties.kind, f.properties.minutes ?? f.properties.facility])).toEqual([
      ['band', 15],
      ['band', 5],
      ['catchment', 'E1'],
      ['catchment', 'E2'],
    ]);
    expect(fc.features.map((f) => f.properties.inner ?? f.properties.index)).toEqual([false, true, 0, 1]);
    expect(fc.features.map((f) => f.properties.population)).toEqual([
      ...[...whole.areas!.bands].reverse().map((b) => b.population),
      ...whole.areas!.catchments!.map((c) => c.population),
    ]);
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([
      ...[...whole.areas!.bands].reverse().map((b) => b.polygons),
      ...whole.areas!.catchments!.map((c) => c.polygons),
    ]);
    // Without the header: the same text inside the reply envelope.
    const enveloped = (await (await post('access.areasGeoJson', { shapes: a.shapes }, false)).json()) as { ok: boolean; result: string };
    expect(enveloped).toMatchObject({ ok: true, result: body });
  });

  it('a key not kept: refused as the envelope, asked as text or not', async () => {
    const res = await post('access.areasGeoJson', { shapes: 999 }, true);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
