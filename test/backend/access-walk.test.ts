// The 1530 preset walks in town and drives in the country, through the service on a real plan file.
// 长政办发〔2021〕62号 "完善“1530”就医服务圈" names no travel mode; a 15-minute circle in town is usually meant
// on foot (4.8 km/h, 80 m a minute, not on motorways or trunk roads), the 30 minutes in the country by road.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { ACCESS_PRESETS } from '../../shared/access/presets.ts';
import type { AccessResultOut } from '../../shared/access/result.ts';
import { metres } from './metres.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const b64 = (s: string) => Buffer.from(s).toString('base64');

// 甲区: 一街道 (urban): 中心社区 with the CHC at 113.00, 西社区 at 112.99 (0.98 km west), 桥社区 at 113.02 on the
// trunk road (1.97 km east); 二镇 (rural): 远村 at 113.05 (4.9 km east, at the trunk's end).
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'A,甲区,,区,,113.0,28.0,2025',
  'S,一街道,A,街道,,113.0,28.0,2025',
  'C1,中心社区,S,社区,1000,113.0,28.0,2025',
  'C2,西社区,S,社区,2000,112.99,28.0,2025',
  'C3,桥社区,S,社区,400,113.02,28.0,2025',
  'T,二镇,A,镇,,113.05,28.0,2025',
  'V1,远村,T,行政村,500,113.05,28.0,2025',
].join('\n');
const FACILITIES = '机构编码,机构名称,机构类型,所在区划代码,经度,纬度\nH1,社区卫生服务中心,社区卫生服务中心,C1,113.0,28.0\n';
const q1530 = { ...ACCESS_PRESETS['1530'], scenarioId: 1 };
const point = (r: AccessResultOut, code: string) => r.points.find((p) => p.code === code)!;
const west = metres(113.0, 28.0, 112.99, 28.0),
  bridge = metres(113.0, 28.0, 113.02, 28.0),
  far = metres(113.0, 28.0, 113.05, 28.0);

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'walk' });
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('the 1530 preset: on foot in town, by car in the country', () => {
  it('without roads: straight line × 1.3 at 4.8 km/h in town, × 1.6 at 45 km/h in the country, and says so', async () => {
    const r = await svc.call('access.run', q1530);
    expect(r.query.travel).toEqual({ urban: 'walk', rural: 'drive' });
    expect(r.model).toBe('straight_line');
    expect(r.modelNote).toContain('城镇步行（4.8 公里/小时，不走高速和快速路）、农村驾车');
    expect(r.modelNote).toContain('直线距离 × 1.3 ÷ 步行 4.8 公里/小时');
    expect(r.modelNoteEn).toContain('on foot (4.8 km/h, not on motorways or trunk roads) in town, by car in the country');
    // 西社区: 983 m × 1.3 at 80 m a minute = 16.0 min > 15: not covered on foot (by car it would be 3.1 min).
    expect(point(r, 'C2').minutes).toBeCloseTo((west * 1.3) / 80, 1);
    expect(point(r, 'C2').covered).toBe(false);
    // 远村 drives: 4.9 km × 1.6 at 45 km/h = 10.5 min.
    expect(point(r, 'V1').minutes).toBeCloseTo((far * 1.6) / 750, 1);
  });

  it('on roads: walks the residential street, not the trunk road; the village drives the trunk', async () => {
    const roads = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { highway: 'residential' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [112.99, 28.0],
              [113.0, 28.0],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { highway: 'trunk' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [113.0, 28.0],
              [113.02, 28.0],
              [113.05, 28.0],
            ],
          },
        },
      ],
    });
    expect(await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(roads) } })).toMatchObject({ ok: true, segments: 2 });
    const r = await svc.call('access.run', q1530);
    expect(r.model).toBe('road');
    expect(r.modelNote).toContain('按路网计算，城镇步行（4.8 公里/小时，不走高速和快速路）、农村驾车');
    // 西社区: 983 m of street at 80 m a minute = 12.3 min ≤ 15.
    expect(point(r, 'C2').minutes).toBeCloseTo(west / 80, 1);
    expect(point(r, 'C2').covered).toBe(true);
    // 桥社区 stands on the trunk road: on foot it walks the straight 1.97 km to the nearest walkable node
    // (the centre's) at 80 m a minute = 24.6 min: not covered, though 1.7 min by car.
    expect(point(r, 'C3').minutes).toBeCloseTo(bridge / 80, 1);
    expect(point(r, 'C3').covered).toBe(false);
    // 远村 drives the trunk: 4.9 km at 70 km/h = 4.2 min.
    expect(point(r, 'V1').minutes).toBeCloseTo(far / (70000 / 60), 1);
    const byCar = await svc.call('access.run', { ...q1530, travel: { urban: 'drive', rural: 'drive' } });
    expect(point(byCar, 'C3').minutes).toBeCloseTo(bridge / (70000 / 60), 1);
    expect(byCar.modelNote).toContain('按路网计算，驾车');
  });

  it('siting on foot says so, and counts walking minutes', async () => {
    const r = await svc.call('siting.run', {
      scenarioId: 1,
      model: 'mclp',
      type: 'chc',
      existingTypes: ['chc'],
      k: 1,
      urbanMinutes: 15,
      ruralMinutes: 30,
      direction: 'to',
      travel: { urban: 'walk', rural: 'drive' },
      candidates: { sites: [{ id: 'K', name: '桥边', lon: 113.02, lat: 28.0 }], upgrade: [], generateMeters: null },
    });
    expect(r.modelNote).toContain('城镇步行（4.8 公里/小时，不走高速和快速路）、农村驾车');
    expect(r.points.find((p) => p.code === 'C2')!.minutesBefore).toBeCloseTo(west / 80, 1);
  });
});
