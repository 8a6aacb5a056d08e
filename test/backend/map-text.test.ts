// The map's geometry as GeoJSON text (map.roadsGeoJson, map.boundariesGeoJson, map.boundaryCodes): the same
// collections as map.roads and map.boundaries, written straight for MapLibre's worker, and through the web door
// the body itself when asked as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const file = (fileName: string, data: string) => ({ fileName, dataBase64: Buffer.from(data).toString('base64') });
const line = (highway: string, coordinates: number[][]) => ({ type: 'Feature', properties: { highway }, geometry: { type: 'LineString', coordinates } });
const square = (code: string, x: number, y: number) => ({
  type: 'Feature',
  properties: { code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.01, y],
        [x + 0.01, y + 0.01],
        [x, y + 0.01],
        [x, y],
      ],
    ],
  },
});

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'map-text' });
  const units = [
    '区划代码,名称,上级区划代码,类型',
    '430105000000,开福区,,区',
    '430105001000,东风路街道,430105000000,街道',
    '430105002000,沙坪街道,430105000000,街道',
  ];
  expect((await svc.call('table.import', { table: 'units', scenarioId: 1, file: file('units.csv', units.join('\n')) })).ok).toBe(true);
  const roads = {
    type: 'FeatureCollection',
    features: [
      line('trunk', [
        [112.98, 28.2],
        [112.990001, 28.2],
      ]),
      line('residential', [
        [112.97, 28.22],
        [112.97, 28.23],
      ]),
      line('primary', [
        [112.96, 28.21],
        [112.965, 28.215],
        [112.97, 28.21],
      ]),
    ],
  };
  expect((await svc.call('roads.import', { file: file('roads.geojson', JSON.stringify(roads)) })).ok).toBe(true);
  const shapes = { type: 'FeatureCollection', features: [square('430105002000', 112.97, 28.21), square('430105001000', 112.98, 28.2)] };
  expect((await svc.call('boundaries.import', { file: file('b.geojson', JSON.stringify(shapes)) })).ok).toBe(true);
});
afterAll(() => svc.close());

describe('the map geometry as text', () => {
  it('roads: the same collection as map.roads, for every question (class, box, limit)', async () => {
    for (const q of [{}, { minClass: 'secondary' as const }, { bbox: [112.975, 28.19, 113, 28.21] as [number, number, number, number] }, { limit: 1 }]) {
      const text = await svc.call('map.roadsGeoJson', q);
      expect(typeof text).toBe('string');
      expect(JSON.parse(text)).toEqual(await svc.call('map.roads', q));
    }
    // By hand: the major classes are the trunk and the primary road, in the network's order, the trunk's end as imported.
    const major = JSON.parse(await svc.call('map.roadsGeoJson', { minClass: 'secondary' }));
    expect(major.features.map((f: { properties: { highway: string } }) => f.properties.highway)).toEqual(['trunk', 'primary']);
    expect(major.features[0].geometry.coordinates[1]).toEqual([112.990001, 28.2]);
    expect(JSON.parse(await svc.call('map.roadsGeoJson', { limit: 1 }))).toMatchObject({ total: 3, truncated: true });
  });

  it('boundaries: the same collection as map.boundaries; the codes that have one, sorted', async () => {
    expect(JSON.parse(await svc.call('map.boundariesGeoJson', {}))).toEqual(await svc.call('map.boundaries', {}));
    expect(JSON.parse(await svc.call('map.boundariesGeoJson', { kinds: ['county'] })).features).toEqual([]);
    expect(await svc.call('map.boundaryCodes', {})).toEqual(['430105001000', '430105002000']);
  });
});
