// 服务范围 on the briefing's map: brief.get's coverage run asks for the areas of its own limits (the 1030
// rule here: 10 and 30 minutes), and the coverage carries them as SVG paths of the brief's map, the widest
// first, with the people access.run gives. A road drawn by hand (as access-areas.test.ts): a primary road
// (55 km/h) along 28°N from 113.00 to 113.10, stations at both ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { tmpDir } from './tmp.ts';
import { STREET_ROAD, STREET_STATIONS } from './street-road.ts';

const home = tmpDir();
let svc: Service;
const b64 = (s: string) => Buffer.from(s).toString('base64');

// V1 113.03 on the road: 3.2 min from E1.  V2 113.06: 4.3 min from E2.  V3 113.09: 1.1 min from E2.
// V4 2.22 km north of the node at 113.03: 3.2 + 8.9 = 12.1 min.  V5 11 km north of E1: unreachable.
// So within 10 minutes 100 + 200 + 400 = 700 people, within 30 also V4's 800: 1,500.
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'A,甲区,,区,,113.05,28.0,2025',
  'T,一镇,A,镇,,113.03,28.0,2025',
  'T2,二镇,A,镇,,113.09,28.06,2025',
  'V1,一村,T,行政村,100,113.03,28.0,2025',
  'V2,二村,T,行政村,200,113.06,28.0,2025',
  'V3,三村,T2,行政村,400,113.09,28.0,2025',
  'V4,四村,T2,行政村,800,113.03,28.02,2025',
  'V5,五村,T2,行政村,1600,113.0,28.1,2025',
].join('\n');
const FACILITIES = STREET_STATIONS;
const ROADS = STREET_ROAD;

/** The points of an SVG path (M/L x y …). */
const pointsOf = (d: string) => [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
/** Even–odd over every ring of an SVG path (each M … Z a ring), as fill-rule evenodd draws it. */
function inside(d: string, px: number, py: number): boolean {
  let n = false;
  for (const ring of d
    .split('M')
    .filter(Boolean)
    .map((r) => pointsOf(`M${r}`)))
    for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
      const [xa, ya] = ring[a]!,
        [xb, yb] = ring[b]!;
      if (ya > py !== yb > py && px < ((xb - xa) * (py - ya)) / (yb - ya) + xa) n = !n;
    }
  return n;
}

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'brief-areas' });
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('brief.get: service areas on the coverage map', () => {
  it('without roads: no areas (nothing drawn), the map as before', async () => {
    const b = await svc.call('brief.get', { scenarioId: 1 });
    expect(b.map).not.toBeNull();
    expect(b.access!.after.areas).toBeUndefined();
  });

  it('on the road: the 30- and 10-minute areas as paths of the map, their people by hand and as access.run gives them', async () => {
    expect(await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(ROADS) } })).toMatchObject({ ok: true, segments: 1 });
    const b = await svc.call('brief.get', { scenarioId: 1 });
    expect(b.access!.target).toBeNull(); // no access target in the set: the 1030 rule
    const areas = b.access!.after.areas!;
    expect(areas.map((a) => [a.minutes, a.population, a.label])).toEqual([
      [30, 1500, '30 分钟服务范围（路网）'],
      [10, 700, '10 分钟服务范围（路网）'],
    ]);
    const r = await svc.call('access.run', { scenarioId: 1, types: ['ems_station'], urbanMinutes: 10, ruralMinutes: 30, areas: { bands: [10, 30] } });
    expect(r.areas!.bands.map((x) => x.population)).toEqual([700, 1500]);
    // In the map's own coordinates: the road runs along 28°N, so the 10-minute area spans the map's x where
    // V1 (113.03) and V3 (113.09) stand, at their y; the map's frame says where those are.
    const f = b.map!.frame!;
    const x = (lon: number) => f.margin + (lon - f.minLon) * f.k * f.scale;
    const y = (lat: number) => f.margin + (f.maxLat - lat) * f.scale;
    const pts = pointsOf(areas[1]!.d);
    expect(pts.length).toBeGreaterThan(4);
    const xs = pts.map((p) => p[0]),
      ys = pts.map((p) => p[1]);
    expect(Math.min(...xs)).toBeLessThan(x(113.03));
    expect(Math.max(...xs)).toBeGreaterThan(x(113.09));
    expect(Math.min(...ys)).toBeLessThan(y(28.0));
    expect(Math.max(...ys)).toBeGreaterThan(y(28.0));
    // The villages on the road are inside the 10-minute area; V4 (12.1 min) outside it, inside the 30-minute one; V5 in neither.
    for (const lon of [113.03, 113.06, 113.09]) expect(inside(areas[1]!.d, x(lon), y(28.0))).toBe(true);
    expect([inside(areas[1]!.d, x(113.03), y(28.02)), inside(areas[0]!.d, x(113.03), y(28.02))]).toEqual([false, true]);
    expect(inside(areas[0]!.d, x(113.0), y(28.1))).toBe(false);
    // In English the labels are English.
    const en = await svc.call('brief.get', { scenarioId: 1, lang: 'en' });
    expect(en.access!.after.areas!.map((a) => a.label)).toEqual(['30-min service area (roads)', '10-min service area (roads)']);
  });
});
