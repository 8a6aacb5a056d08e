// The data check's places (shared/check/places.ts) on hand-made plans; distances by hand (1° of latitude
// = 111.195 km; 1° of longitude at 28.05° N = 111.195 × cos 28.05° = 98.14 km).
import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../../../shared/geo/crs.ts';
import type { Area } from '../../../shared/geo/polygon.ts';
import { check, common, fac, one, rules, unit } from './plan.ts';

const ACCESS = { ...common('circle', '15分钟就医圈'), kind: 'access', facilityTypes: ['chc'], urbanMinutes: 15, ruralMinutes: 30, scopes: ['region'] } as const;
// 甲区 A; street A1 with the square boundary 113.0–113.1 E, 28.0–28.1 N; village V (no boundary) centred at 112.5 E, 28.5 N.
const SQUARE: Area = {
  type: 'Polygon',
  coordinates: [
    [
      [113, 28],
      [113.1, 28],
      [113.1, 28.1],
      [113, 28.1],
      [113, 28],
    ],
  ],
};
const UNITS = [
  unit('A', '甲区', 'county', null, 51_000, { lon: 113.05, lat: 28.05 }),
  unit('A1', '一街道', 'street', 'A', 50_000, { lon: 113.05, lat: 28.05 }),
  unit('B1', '二镇', 'town', 'A', null, { lon: 112.5, lat: 28.5 }),
  unit('V', '东村', 'village', 'B1', 1_000, { lon: 112.5, lat: 28.5 }),
];
const boundaries = new Map([['A1', SQUARE]]);

describe('places', () => {
  it('swapped longitude and latitude, and a point outside China', () => {
    const r = check(UNITS, [fac('S', 'chc', 'A1', { lon: 28.05, lat: 113.05 }), fac('O', 'chc', 'A1', { lon: 11.3, lat: 28.05 })], [ACCESS], { boundaries });
    expect(rules(r)).toEqual(['places.outside_china O', 'places.swapped S']);
    const s = one(r, 'places.swapped', 'S');
    expect(s.fix.zh).toBe('交换经度与纬度（应为经度 113.05、纬度 28.05）');
    expect(s.affects?.targets).toEqual([{ id: 'circle', name: '15分钟就医圈' }]);
  });

  it("outside its street's boundary by 1.96 km is found; by 0.98 km is not (outlines are simplified)", () => {
    const r = check(
      UNITS,
      [
        fac('F1', 'chc', 'A1', { lon: 113.12, lat: 28.05 }),
        fac('F2', 'chc', 'A1', { lon: 113.11, lat: 28.05 }),
        fac('F3', 'chc', 'A1', { lon: 113.05, lat: 28.05 }),
      ],
      [],
      { boundaries },
    );
    expect(rules(r)).toEqual(['places.outside F1']);
    // 0.02° of longitude × 98.14 km = 1.96 km
    expect(one(r, 'places.outside', 'F1').message.zh).toBe('F1 在所属 一街道 的边界之外 1.96 公里');
  });

  it('a facility in a village without a boundary: 11.12 km from its centre (0.1° north) is far for a village (8 km); 5.56 km is not', () => {
    const r = check(UNITS, [fac('Far', 'village_clinic', 'V', { lon: 112.5, lat: 28.6 }), fac('Near', 'village_clinic', 'V', { lon: 112.5, lat: 28.55 })], [], {
      boundaries,
    });
    expect(rules(r)).toEqual(['places.far Far']);
    expect(one(r, 'places.far', 'Far').message.zh).toBe('Far 距所属 东村 的中心 11.12 公里，超过此类单位的 8 公里');
  });

  it('GCJ-02 points: five centres just outside the east edge that fall inside once converted, none falling out → each said with its WGS-84 point', () => {
    const truth = [28.02, 28.04, 28.06, 28.08, 28.09].map((lat) => [113.097, lat] as const);
    const facilities = [
      ...truth.map(([lon, lat], k) => {
        const [gLon, gLat] = wgs84ToGcj02(lon, lat);
        return fac(`G${k}`, 'chc', 'A1', { lon: gLon, lat: gLat });
      }),
      fac('M1', 'chc', 'A1', { lon: 113.05, lat: 28.05 }),
      fac('M2', 'chc', 'A1', { lon: 113.06, lat: 28.04 }),
    ];
    const r = check(UNITS, facilities, [], { boundaries });
    expect(rules(r)).toEqual(['places.crs G0', 'places.crs G1', 'places.crs G2', 'places.crs G3', 'places.crs G4']);
    expect(one(r, 'places.crs', 'G0').fix.zh).toBe('改为换算后的 WGS-84 坐标（经度 113.097、纬度 28.02），或重新导入并选择 GCJ-02（高德/腾讯）');
  });

  it('…but not when the plan fits its boundaries better as it is: three points near the west edge would fall out (5 < 2 × 3), and 0.28 km outside is no finding', () => {
    const truth = [28.02, 28.04, 28.06, 28.08, 28.09].map((lat) => [113.097, lat] as const);
    const facilities = [
      ...truth.map(([lon, lat], k) => {
        const [gLon, gLat] = wgs84ToGcj02(lon, lat);
        return fac(`G${k}`, 'chc', 'A1', { lon: gLon, lat: gLat });
      }),
      ...[28.03, 28.05, 28.07].map((lat, k) => fac(`W${k}`, 'chc', 'A1', { lon: 113.003, lat })),
    ];
    expect(rules(check(UNITS, facilities, [], { boundaries }))).toEqual([]);
  });

  it('two facilities with the same name within 100 m are one listed twice (said on the second); 550 m apart they are two', () => {
    const r = check(
      UNITS,
      [
        fac('D1', 'chc', 'A1', { name: '一街道社区卫生服务中心', lon: 113.05, lat: 28.05 }),
        fac('D2', 'chc', 'A1', { name: '一街道社区卫生服务中心', lon: 113.0505, lat: 28.0502 }),
        fac('E1', 'chs_station', 'A1', { name: '东站', lon: 113.05, lat: 28.05 }),
        fac('E2', 'chs_station', 'A1', { name: '东站', lon: 113.05, lat: 28.055 }),
      ],
      [ACCESS],
      { boundaries },
    );
    expect(rules(r)).toEqual(['places.duplicate D2']);
    const d = one(r, 'places.duplicate', 'D2');
    expect(d.message.zh).toBe('一街道社区卫生服务中心（D2）与 D1 同名同址：可能重复录入');
    expect(d.affects?.targets).toEqual([{ id: 'circle', name: '15分钟就医圈' }]);
  });

  it('a unit without a centre and a facility without coordinates', () => {
    const units = UNITS.map((u) => (u.code === 'V' ? { ...u, lon: null, lat: null } : u));
    const r = check(units, [fac('N', 'chc', 'A1', { lon: null, lat: null })], [ACCESS], { boundaries });
    expect(rules(r)).toEqual(['places.no_centre V', 'places.no_coords N']);
    expect(one(r, 'places.no_coords', 'N').affects?.effect.zh).toBe('「15分钟就医圈」 的通行时间分析不计此机构');
  });
});
