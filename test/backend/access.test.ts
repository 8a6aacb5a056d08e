// Access analysis through the service on a real plan file: a hand-made region, first without roads
// (straight line × 1.6 ÷ speed), then on a small road network; a moved station; jobs; the gap screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { AccessResultOut } from '../../shared/access/result.ts';
import { metres } from './metres.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const b64 = (s: string) => Buffer.from(s).toString('base64');

// 甲区: 一街道 (urban, with 东社区 beside the station and 西社区 4 km west) and 二镇 (rural, 远村 20 km east).
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'A,甲区,,区,,113.0,28.0,2025',
  'S,一街道,A,街道,,113.0,28.0,2025',
  'C1,东社区,S,社区,1000,113.0,28.0,2025',
  'C2,西社区,S,社区,2000,112.96,28.0,2025',
  'T,二镇,A,镇,,113.2,28.0,2025',
  'V1,远村,T,行政村,500,113.2,28.0,2025',
].join('\n');
const FACILITIES = '机构编码,机构名称,机构类型,所在区划代码,经度,纬度\nE1,急救站,120急救站,C1,113.0,28.0\n';
const q = { scenarioId: 1, types: ['ems_station' as const], urbanMinutes: 10, ruralMinutes: 30 };
const point = (r: AccessResultOut, code: string) => r.points.find((p) => p.code === code)!;
const unit = (r: AccessResultOut, code: string) => r.units.find((u) => u.code === code)!;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'access' });
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('access without roads: straight line × 1.6 ÷ speed', () => {
  it('gives each village/community its minutes, and coverage per street/town, county and region', async () => {
    const r = await svc.call('access.run', q);
    expect(r.model).toBe('straight_line');
    expect(r.modelNote).toContain('无路网');
    expect(point(r, 'C1')).toMatchObject({ minutes: 0, nearest: 'E1', covered: true, urban: true });
    // 西社区: 3.93 km × 1.6 at 30 km/h = 12.6 min > 10 (urban): not covered.
    const west = ((metres(113.0, 28.0, 112.96, 28.0) * 1.6) / 1000 / 30) * 60;
    expect(point(r, 'C2').minutes).toBeCloseTo(west, 1);
    expect(point(r, 'C2').covered).toBe(false);
    // 远村: 19.7 km × 1.6 at 45 km/h = 41.9 min > 30 (rural): not covered.
    const far = ((metres(113.0, 28.0, 113.2, 28.0) * 1.6) / 1000 / 45) * 60;
    expect(point(r, 'V1').minutes).toBeCloseTo(far, 1);
    expect(unit(r, 'S')).toMatchObject({ scope: 'township', population: 3000, covered: 1000 });
    expect(unit(r, 'A')).toMatchObject({ scope: 'county', population: 3500, covered: 1000 });
    expect(unit(r, 'region')).toMatchObject({ population: 3500, covered: 1000 });
    // With 45 rural minutes the village is in.
    expect(unit(await svc.call('access.run', { ...q, ruralMinutes: 45 }), 'T')).toMatchObject({ covered: 500 });
  });

  it('a station moved west covers 西社区; no station of a type reaches nobody', async () => {
    await svc.call('facilities.move', { scenarioId: 1, id: 'E1', lon: 112.98, lat: 28.0 });
    const r = await svc.call('access.run', q);
    expect(point(r, 'C2').covered).toBe(true);
    expect(point(r, 'C1').covered).toBe(true);
    await svc.call('edits.undo', { scenarioId: 1 });
    const none = await svc.call('access.run', { ...q, types: ['sub_centre'] });
    expect(unit(none, 'region')).toMatchObject({ covered: 0 });
    expect(none.points.every((p) => p.minutes === null && p.nearest === null)).toBe(true);
  });

  it('runs as a job that can be followed', async () => {
    const { job } = await svc.call('access.start', q);
    let st = await svc.call('access.job', { job });
    for (let i = 0; i < 200 && st.state === 'running'; i++) {
      await new Promise((res) => setTimeout(res, 20));
      st = await svc.call('access.job', { job });
    }
    expect(st.state).toBe('done');
    expect(st.result!.points).toHaveLength(3);
    expect(await svc.call('access.cancel', { job })).toEqual({ cancelled: false });
  });
});

describe('access on roads', () => {
  // One residential road (25 km/h) from the station at 东社区 west to 西社区; 远村 is 20 km from any road.
  const road = (oneway: string) =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { highway: 'residential', oneway },
          geometry: {
            type: 'LineString',
            coordinates: [
              [112.96, 28.0],
              [112.98, 28.0],
              [113.0, 28.0],
            ],
          },
        },
      ],
    });
  const drive = (kmh: number) => (metres(112.96, 28.0, 113.0, 28.0) / 1000 / kmh) * 60;

  it('times a trip along the road at its class speed; a place far from every road is unreachable', async () => {
    const imported = await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(road('no')) } });
    expect(imported).toMatchObject({ ok: true, segments: 1 });
    const r = await svc.call('access.run', q);
    expect(r.model).toBe('road');
    expect(point(r, 'C1').minutes).toBe(0);
    expect(point(r, 'C2').minutes).toBeCloseTo(drive(25), 1); // 3.93 km at 25 km/h = 9.4 min
    expect(point(r, 'C2').covered).toBe(true);
    expect(point(r, 'V1')).toMatchObject({ minutes: null, nearest: null, covered: false });
    expect(r.modelNote).toContain('1 个需求点离路网超过 5 公里');
    expect(r.unreachable).toBe(500);
  });

  it("follows the plan's speeds, and one-way streets in the direction asked", async () => {
    await svc.call('roads.setSpeeds', { speeds: { residential: 20 } });
    const slow = await svc.call('access.run', q);
    expect(point(slow, 'C2').minutes).toBeCloseTo(drive(20), 1); // 11.8 min: beyond 10
    expect(point(slow, 'C2').covered).toBe(false);
    await svc.call('roads.setSpeeds', { speeds: { residential: 25 } });
    // One way along its points, from 西社区 towards the station: an ambulance cannot drive it; a resident can.
    await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(road('yes')) } });
    const from = await svc.call('access.run', q);
    expect(point(from, 'C2').minutes).toBeNull();
    const to = await svc.call('access.run', { ...q, direction: 'to' });
    expect(point(to, 'C2').minutes).toBeCloseTo(drive(25), 1);
    // Against its points (-1) it is the other way round.
    await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(road('-1')) } });
    expect(point(await svc.call('access.run', q), 'C2').minutes).toBeCloseTo(drive(25), 1);
    expect(point(await svc.call('access.run', { ...q, direction: 'to' }), 'C2').minutes).toBeNull();
  });

  it('a moved station gives the same answer as a fresh computation (the worker updates in place)', async () => {
    await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(road('no')) } });
    await svc.call('access.run', q);
    await svc.call('facilities.move', { scenarioId: 1, id: 'E1', lon: 112.98, lat: 28.0 });
    const moved = await svc.call('access.run', q);
    expect(point(moved, 'C2').minutes).toBeCloseTo(drive(25) / 2, 1);
    expect(point(moved, 'C1').minutes).toBeCloseTo(drive(25) / 2, 1);
    const fresh = createPlannerService({ home, door: 'direct' });
    const path = (await svc.call('plan.info', {})).path;
    svc.close();
    await fresh.call('plan.open', { path });
    const again = await fresh.call('access.run', q);
    expect(again.points).toEqual(moved.points);
    svc = fresh;
    await svc.call('edits.undo', { scenarioId: 1 });
  });

  it('evaluates the access targets of a standard set on the roads', async () => {
    // 资阳区's set applied to this plan's 甲区 (a set written for another region is 不适用 unless applied).
    const r = await svc.call('gaps.evaluate', { scenarioId: 1, standardId: 'ziyang-2025', level: 'region', onlyShort: false, region: ['甲区'] });
    // 1030: 东社区 1,000 and 西社区 2,000 within 10 min; 远村 500 off the road: 3,000 of 3,500.
    expect(r.results.find((x) => x.target === 'ems-1030')).toMatchObject({ value: 0.8571, shortfall: 500, status: 'short', population: 3500 });
  });
});

describe('a service radius instead of travel time', () => {
  it('measures the straight line to the nearest station against 5 km in town and 20 km in the country', async () => {
    const r = await svc.call('access.run', { ...q, measure: 'radius', urbanMinutes: 5, ruralMinutes: 20 });
    expect(r.modelNote).toContain('按直线服务半径');
    expect(point(r, 'C2')).toMatchObject({ minutes: null, covered: true }); // 3.9 km ≤ 5
    expect(point(r, 'C2').km).toBeCloseTo(metres(113.0, 28.0, 112.96, 28.0) / 1000, 1);
    expect(point(r, 'V1')).toMatchObject({ covered: true }); // 19.7 km ≤ 20
    expect(point(await svc.call('access.run', { ...q, measure: 'radius', urbanMinutes: 3, ruralMinutes: 15 }), 'V1').covered).toBe(false);
  });
});
