// 转诊可及性 through the service on a real plan file: 甲县 and 乙县 along one east–west road, first without
// roads (straight line × 1.6 ÷ 45 km/h in the country), then on the road at 30 km/h (2 min a km), then
// with a sub-centre a project opens in 2027. Every figure worked out here from the great-circle metres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { ReferralResultOut } from '../../shared/access/referral.ts';
import { metres } from './metres.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const b64 = (s: string) => Buffer.from(s).toString('base64');

const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'A,甲县,,县,,113.0,28.0,2025',
  'A1,一镇,A,镇,1000,113.0,28.0,2025',
  'B,乙县,,县,,113.2,28.0,2025',
  'B1,二镇,B,镇,1000,113.2,28.0,2025',
].join('\n');
// The road runs from 112.9 to 113.3 along 28°N; 山里卫生院 stands 0.1° (9.8 km) west of its end.
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度',
  'H1,甲县人民医院,二级医院,A1,113.0,28.0',
  'T1,一镇卫生院,乡镇卫生院,A1,113.1,28.0',
  'T3,山里卫生院,乡镇卫生院,A1,112.8,28.0',
  'V1,一村卫生室,村卫生室,A1,113.1,28.0',
  'T2,二镇卫生院,乡镇卫生院,B1,113.2,28.0',
  'N1,无坐标卫生院,乡镇卫生院,B1,,',
].join('\n');
const ROAD = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { highway: 'residential' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [112.9, 28.0],
          [113.0, 28.0],
          [113.1, 28.0],
          [113.2, 28.0],
          [113.3, 28.0],
        ],
      },
    },
  ],
});
const km = (lon1: number, lon2: number) => metres(lon1, 28.0, lon2, 28.0) / 1000;
const q = { scenarioId: 1, from: ['thc' as const], year: 2025 };
const fac = (r: ReferralResultOut, id: string) => r.facilities.find((f) => f.id === id)!;
const county = (r: ReferralResultOut, code: string) => r.counties.find((c) => c.code === code)!;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'referral' });
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('referral without roads', () => {
  it('is the straight line × 1.6 at 45 km/h (towns are rural) to the nearest hospital, said in the note', async () => {
    const r = await svc.call('referral.run', q);
    expect(r.model).toBe('straight_line');
    expect(r.modelNote).toContain('无路网');
    // 一镇卫生院 → 甲县人民医院: 9.82 km × 1.6 ÷ 45 km/h = 20.9 min.
    expect(fac(r, 'T1')).toMatchObject({ to: 'H1', toName: '甲县人民医院', toType: 'secondary_hospital', within: true });
    expect(fac(r, 'T1').minutes).toBeCloseTo(((km(113.0, 113.1) * 1.6) / 45) * 60, 1);
    // 山里卫生院: 19.6 km × 1.6 ÷ 45 = 41.9 min, over 30.
    expect(fac(r, 'T3').minutes).toBeCloseTo(((km(112.8, 113.0) * 1.6) / 45) * 60, 1);
    expect(fac(r, 'T3').within).toBe(false);
  });
});

describe('referral on roads', () => {
  beforeAll(async () => {
    expect(await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(ROAD) } })).toMatchObject({ ok: true });
    await svc.call('roads.setSpeeds', { speeds: { residential: 30 } });
  });
  const drive = (lon1: number, lon2: number) => (km(lon1, lon2) / 30) * 60;

  it('times each centre to the nearest hospital by car, lists the worst first and sums up per county', async () => {
    const r = await svc.call('referral.run', q);
    expect(r.model).toBe('road');
    expect(r.year).toBe(2025);
    expect(r.targetsOf.thc).toEqual(expect.arrayContaining(['sub_centre', 'secondary_hospital', 'tcm_hospital', 'tertiary_hospital']));
    // 一镇卫生院: 9.82 km at 30 km/h = 19.6 min; 二镇卫生院: 19.6 km = 39.3 min, over 30.
    expect(fac(r, 'T1').minutes).toBeCloseTo(drive(113.0, 113.1), 1);
    expect(fac(r, 'T1')).toMatchObject({ to: 'H1', within: true, county: 'A', unit: 'A1' });
    expect(fac(r, 'T2').minutes).toBeCloseTo(drive(113.0, 113.2), 1);
    expect(fac(r, 'T2')).toMatchObject({ to: 'H1', within: false, county: 'B' });
    // 山里卫生院 is 9.8 km from the road's end: off the network, reaching nothing.
    expect(fac(r, 'T3')).toMatchObject({ to: null, toName: null, minutes: null, within: false });
    expect(r.modelNote).toContain('1 所转出机构离路网超过 5 公里');
    expect(r.facilities.map((f) => f.id)).toEqual(['T3', 'T2', 'T1']);
    // The one without coordinates is named, not counted.
    expect(r.notes.join('\n')).toContain('1 所转出机构没有坐标，未计入：无坐标卫生院');
    expect(county(r, 'region')).toMatchObject({ scope: 'region', facilities: 3, within: 1, unreachable: 1 });
    expect(county(r, 'region').worstMinutes).toBeCloseTo(drive(113.0, 113.2), 1);
    expect(county(r, 'A')).toMatchObject({ scope: 'county', name: '甲县', facilities: 2, within: 1, share: 0.5, unreachable: 1 });
    expect(county(r, 'A').worstMinutes).toBeCloseTo(drive(113.0, 113.1), 1);
    expect(county(r, 'B')).toMatchObject({ facilities: 1, within: 0, share: 0, unreachable: 0 });
    // With 40 minutes 二镇卫生院 is within.
    expect(county(await svc.call('referral.run', { ...q, thresholdMinutes: 40 }), 'B')).toMatchObject({ within: 1, share: 1 });
  });

  it('refers each facility a level up its own rung: a village clinic to its 卫生院 beside it, the 卫生院 to the hospital', async () => {
    const r = await svc.call('referral.run', { ...q, from: ['village_clinic', 'thc'] });
    expect(fac(r, 'V1')).toMatchObject({ to: 'T1', minutes: 0, within: true });
    expect(fac(r, 'T1')).toMatchObject({ to: 'H1' });
    expect(r.notes.join('\n')).toContain('转诊去向按层级取上一级及以上');
    // Given the targets, every facility goes to them: the clinic to the hospital, 19.6 min.
    const given = await svc.call('referral.run', { ...q, from: ['village_clinic'], to: ['secondary_hospital'] });
    expect(fac(given, 'V1').minutes).toBeCloseTo(drive(113.0, 113.1), 1);
  });

  it('counts a sub-centre from the year its project opens it: 二镇卫生院 then within 30 minutes', async () => {
    await svc.call('projects.add', {
      scenarioId: 1,
      project: { year: 2027, kind: 'new', facility_id: 'S1', type: 'sub_centre', facility_name: '东片医疗次中心', lon: 113.3, lat: 28.0, unit_code: 'B1' },
    });
    const before = await svc.call('referral.run', { ...q, year: 2026 });
    expect(fac(before, 'T2').to).toBe('H1');
    const after = await svc.call('referral.run', { ...q, year: 2027 });
    // 二镇卫生院 → 东片医疗次中心: 9.82 km east, 19.6 min (the hospital is 39.3 min west).
    expect(fac(after, 'T2')).toMatchObject({ to: 'S1', toName: '东片医疗次中心', toType: 'sub_centre', within: true });
    expect(fac(after, 'T2').minutes).toBeCloseTo(drive(113.2, 113.3), 1);
    expect(after.notes.join('\n')).toContain('已计入截至该年的规划项目 1 个');
    expect(after.targets.map((t) => t.id).sort()).toEqual(['H1', 'S1']);
  });

  it('takes only the facilities within the units named, referring them anywhere', async () => {
    const r = await svc.call('referral.run', { ...q, within: ['乙县'] });
    expect(r.facilities.map((f) => f.id)).toEqual(['T2']);
    expect(county(r, 'region')).toMatchObject({ name: '乙县', facilities: 1 });
    expect(fac(r, 'T2').to).toBe('H1'); // in 甲县
  });

  it('refuses a type both referred from and to, and a type off the ladder without targets, saying what to do', async () => {
    await expect(svc.call('referral.run', { ...q, to: ['thc', 'secondary_hospital'] })).rejects.toMatchObject({
      code: 'INVALID_ARGS',
      message: expect.stringContaining('既是转出机构也是转诊去向'),
    });
    await expect(svc.call('referral.run', { ...q, from: ['ems_station'] })).rejects.toMatchObject({
      code: 'INVALID_ARGS',
      message: expect.stringContaining('请给出转诊去向类型'),
    });
  });
});
