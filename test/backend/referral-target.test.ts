// A referral target (转诊可及性) in a plan's own standard set, on the gap screen: 甲县 and 乙县 along one
// east–west road at 30 km/h (2 min a km). The gap screen's region and county lines are referral.run's counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { GapReportOut } from '../../shared/api/contract.ts';
import type { StandardSetInput } from '../../shared/gaps/standard.ts';
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
// 一镇卫生院 9.8 km from the hospital (19.6 min), 二镇卫生院 19.6 km (39.3 min), 山里卫生院 9.8 km off the road's end.
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度',
  'H1,甲县人民医院,二级医院,A1,113.0,28.0',
  'T1,一镇卫生院,乡镇卫生院,A1,113.1,28.0',
  'T3,山里卫生院,乡镇卫生院,A1,112.8,28.0',
  'T2,二镇卫生院,乡镇卫生院,B1,113.2,28.0',
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
const source = { document: '本方案自定', clause: '规划编制时设定', text: '乡镇卫生院驾车 30 分钟内可转诊至县级医院' };
const OWN: StandardSetInput = {
  id: 'own',
  name: '本方案转诊指标',
  nameEn: 'Own referral targets',
  year: 2025,
  documents: [{ number: '本方案自定', title: '本方案自定指标' }],
  targets: [
    {
      id: 'ref-county',
      name: '卫生院30分钟到县医院',
      nameEn: 'THC to county hospital within 30 min',
      group: '转诊',
      source,
      kind: 'referral',
      fromTypes: ['thc'],
      toTypes: ['secondary_hospital'],
      minutes: 30,
      scopes: ['region', 'county'],
    },
    {
      id: 'ref-up',
      name: '卫生院30分钟上转',
      nameEn: 'THC referral a level up within 30 min',
      group: '转诊',
      source,
      kind: 'referral',
      fromTypes: ['thc'],
      minutes: 30,
      min: 0.6,
      scopes: ['region'],
    },
  ],
};
const line = (r: GapReportOut, target: string, scope: string, code: string) =>
  r.results.find((x) => x.target === target && x.scope === scope && x.code === code)!;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'referral-target' });
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
  await svc.call('standards.save', { set: OWN as never });
  await svc.call('gaps.setSettings', { standardId: 'own', year: 2025 });
});
afterAll(() => svc.close());

describe('a referral target on the gap screen', () => {
  it('without roads: evaluated in a straight line, said', async () => {
    const r = await svc.call('gaps.evaluate', { scenarioId: 1 });
    expect(line(r, 'ref-county', 'region', 'region').status).not.toBe('not_evaluated');
    expect(line(r, 'ref-county', 'region', 'region').missing).toContain('无路网');
  });

  describe('on the road', () => {
    beforeAll(async () => {
      expect(await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(ROAD) } })).toMatchObject({ ok: true });
      await svc.call('roads.setSpeeds', { speeds: { residential: 30 } });
    });

    it("gives the region and county lines of referral.run's counts: 1 of 3 centres within 30 min, short by 2", async () => {
      const gaps = await svc.call('gaps.evaluate', { scenarioId: 1 });
      const run = await svc.call('referral.run', { scenarioId: 1, from: ['thc'], to: ['secondary_hospital'], thresholdMinutes: 30, year: 2025 });
      expect(run.model).toBe('road');
      for (const c of run.counties) {
        const g = line(gaps, 'ref-county', c.scope, c.code);
        expect(g.count, c.code).toEqual({ met: c.within, of: c.facilities });
        expect(g.value, c.code).toBeCloseTo(c.share!, 4);
      }
      // By hand: 一镇卫生院 19.6 min within; 山里卫生院 off the road (reaches nothing); 二镇卫生院 39.3 min.
      expect(line(gaps, 'ref-county', 'region', 'region')).toMatchObject({
        value: 0.3333,
        required: 1,
        shortfall: 2,
        status: 'short',
        count: { met: 1, of: 3 },
      });
      expect(line(gaps, 'ref-county', 'county', 'A')).toMatchObject({ value: 0.5, shortfall: 1, status: 'short', parent: 'region' });
      expect(line(gaps, 'ref-county', 'county', 'B')).toMatchObject({ value: 0, shortfall: 1, status: 'short' });
      // The centres beyond the minutes, under their county: the drill-down.
      expect(line(gaps, 'ref-county', 'facility', 'T2')).toMatchObject({ name: '二镇卫生院', parent: 'B', value: 39.3, required: 30, status: 'short' });
      expect(line(gaps, 'ref-county', 'facility', 'T3')).toMatchObject({ parent: 'A', value: null, status: 'short' });
      expect(gaps.results.some((x) => x.target === 'ref-county' && x.code === 'T1')).toBe(false);
      // 只看不足 keeps them; the region level alone has no facility rows.
      const short = await svc.call('gaps.evaluate', { scenarioId: 1, onlyShort: true });
      expect(short.results.filter((x) => x.target === 'ref-county').map((x) => x.code)).toEqual(['region', 'A', 'B', 'T3', 'T2']);
    });

    it('counts the facilities of the year asked: a sub-centre a 2027 project opens brings 二镇卫生院 within a level up', async () => {
      await svc.call('projects.add', {
        scenarioId: 1,
        project: { year: 2027, kind: 'new', facility_id: 'S1', type: 'sub_centre', facility_name: '东片医疗次中心', lon: 113.3, lat: 28.0, unit_code: 'B1' },
      });
      // 2025: 1 of 3 (0.33 < 0.6 × 0.9) short by ⌈1.8⌉ − 1 = 1; 2027: 2 of 3 = 0.67 ≥ 0.6 met.
      expect(line(await svc.call('gaps.evaluate', { scenarioId: 1, year: 2025 }), 'ref-up', 'region', 'region')).toMatchObject({
        value: 0.3333,
        shortfall: 1,
        status: 'short',
      });
      const at2027 = await svc.call('gaps.evaluate', { scenarioId: 1, year: 2027 });
      expect(line(at2027, 'ref-up', 'region', 'region')).toMatchObject({ value: 0.6667, shortfall: 0, status: 'met', count: { met: 2, of: 3 } });
      // The county hospital target does not count the sub-centre.
      expect(line(at2027, 'ref-county', 'region', 'region')).toMatchObject({ count: { met: 1, of: 3 } });
      const run = await svc.call('referral.run', { scenarioId: 1, from: ['thc'], thresholdMinutes: 30, year: 2027 });
      expect(run.counties[0]).toMatchObject({ facilities: 3, within: 2 });
    });

    it('the briefing evaluates it as the gap screen does (its region line, not 未评估)', async () => {
      const b = await svc.call('brief.get', { scenarioId: 1 });
      const gaps = await svc.call('gaps.evaluate', { scenarioId: 1 });
      const briefed = b.current.region.find((x) => x.target === 'ref-county')!;
      const g = line(gaps, 'ref-county', 'region', 'region');
      expect([briefed.value, briefed.shortfall, briefed.status]).toEqual([g.value, g.shortfall, g.status]);
      expect(briefed.status).toBe('short');
    });

    it('the timeline evaluates it each year as the gap screen does', async () => {
      const s = await svc.call('timeline.summary', { scenarioId: 1, fromYear: 2026, toYear: 2027 });
      const at = (year: number) => s.years.find((y) => y.year === year)!.results.find((x) => x.target === 'ref-up')!;
      expect(at(2026)).toMatchObject({ value: 0.3333, status: 'short' });
      expect(at(2027)).toMatchObject({ value: 0.6667, status: 'met' });
    });
  });
});
