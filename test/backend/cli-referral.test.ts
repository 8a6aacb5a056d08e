// `healthplan referral`, run as a planner would: a hand-made plan of two counties along one road
// (residential, the default 25 km/h), types given in Chinese, JSON and CSV; usage errors that say the fix;
// and the sample's 乡镇卫生院/社区中心 to the sub-centres and county hospitals.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliIn } from './cli-run.ts';
import { metres } from './metres.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();
const { healthplan, file } = cliIn(dir);

interface ReferralJson {
  model: string;
  note: string;
  year: number;
  query: { from: string[]; to: Record<string, string[]>; threshold: number };
  notes: string[];
  facilities: {
    id: string;
    name: string;
    type: string;
    county: string | null;
    to: string | null;
    to_name: string | null;
    minutes: number | null;
    within: boolean;
  }[];
  counties: {
    scope: string;
    code: string;
    name: string;
    facilities: number;
    within: number;
    share: number | null;
    worst_minutes: number | null;
    unreachable: number;
  }[];
}
const drive = (lon1: number, lon2: number) => (metres(lon1, 28.0, lon2, 28.0) / 1000 / 25) * 60;

beforeAll(() => {
  const units = file(
    '单位.csv',
    ['区划代码,名称,上级区划代码,类型,常住人口', 'A,甲县,,县,', 'A1,一镇,A,镇,1000', 'B,乙县,,县,', 'B1,二镇,B,镇,1000'].join('\n'),
  );
  const facilities = file(
    '机构.csv',
    [
      '机构编码,机构名称,机构类型,所在区划代码,经度,纬度',
      'H1,甲县人民医院,二级医院,A1,113.0,28.0',
      'T1,一镇卫生院,乡镇卫生院,A1,113.1,28.0',
      'T3,山里卫生院,乡镇卫生院,A1,112.8,28.0',
      'T2,二镇卫生院,乡镇卫生院,B1,113.2,28.0',
    ].join('\n'),
  );
  const coordinates = [112.9, 113.0, 113.1, 113.2, 113.3].map((lon) => [lon, 28.0]);
  const roads = file(
    'roads.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates } }],
    }),
  );
  const r = healthplan('import', 'r.hplan', '--units', units, '--facilities', facilities, '--roads', roads);
  expect(r.code, r.err).toBe(0);
  expect(healthplan('sample', 's.hplan').code).toBe(0);
}, 120_000);

describe('healthplan referral', () => {
  it('gives each 卫生院 its minutes by car to the nearest hospital, worst first, and each county its share within 30', () => {
    const r = healthplan('referral', 'r.hplan', '--from', '乡镇卫生院', '--year', '2025');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as ReferralJson;
    expect(j.model).toBe('road');
    expect(j.year).toBe(2025);
    expect(j.query).toMatchObject({ from: ['thc'], threshold: 30 });
    expect(j.query.to.thc).toContain('sub_centre');
    // 山里卫生院 (9.8 km from the road: unreachable), 二镇卫生院 19.6 km = 47.1 min, 一镇卫生院 9.8 km = 23.6 min.
    expect(j.facilities.map((f) => f.id)).toEqual(['T3', 'T2', 'T1']);
    expect(j.facilities[0]).toMatchObject({ to: null, minutes: null, within: false });
    expect(j.facilities[1]).toMatchObject({ to: 'H1', to_name: '甲县人民医院', within: false, county: 'B' });
    expect(j.facilities[1]!.minutes).toBeCloseTo(drive(113.0, 113.2), 1);
    expect(j.facilities[2]).toMatchObject({ to: 'H1', within: true, county: 'A' });
    expect(j.facilities[2]!.minutes).toBeCloseTo(drive(113.0, 113.1), 1);
    expect(j.counties).toEqual([
      expect.objectContaining({ scope: 'region', facilities: 3, within: 1, unreachable: 1 }),
      expect.objectContaining({ scope: 'county', code: 'A', name: '甲县', facilities: 2, within: 1, share: 0.5, unreachable: 1 }),
      expect.objectContaining({ scope: 'county', code: 'B', name: '乙县', facilities: 1, within: 0, share: 0, unreachable: 0 }),
    ]);
    expect(j.counties[1]!.worst_minutes).toBeCloseTo(drive(113.0, 113.1), 1);
    expect(j.note).toContain('按路网计算，驾车');
    expect(j.note).toContain('1 所转出机构离路网超过 5 公里');
  }, 60_000);

  it('writes one CSV row per facility with Chinese headers, the threshold and targets as given', () => {
    const r = healthplan('referral', 'r.hplan', '--from', 'thc', '--to', '二级医院', '--threshold', '50', '--format', 'csv', '--out', 'r.csv');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('3 所机构中 2 所（66.7%）在 50 分钟内');
    const lines = fs
      .readFileSync(path.join(dir, 'r.csv'), 'utf8')
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('机构编码,机构名称,机构类型,所在区县,转诊去向,去向名称,去向类型,分钟,是否在时限内');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('T3,山里卫生院,乡镇卫生院,甲县,,,,,否');
    expect(lines[2]).toBe(`T2,二镇卫生院,乡镇卫生院,乙县,H1,甲县人民医院,二级医院,${Math.round(drive(113.0, 113.2) * 10) / 10},是`);
  }, 60_000);

  it('refuses what it cannot run with exit 2, saying the fix', () => {
    const none = healthplan('referral', 'r.hplan');
    expect(none.code).toBe(2);
    expect(none.err).toContain('--from thc,chc');
    const bad = healthplan('referral', 'r.hplan', '--from', '卫生所');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('「卫生所」不是机构类型');
    expect(bad.err).toContain('thc（乡镇卫生院）');
    const both = healthplan('referral', 'r.hplan', '--from', 'thc', '--to', '卫生院,二级医院');
    expect(both.code).toBe(2);
    expect(both.err).toContain('「乡镇卫生院」也在 --from 中');
    const off = healthplan('referral', 'r.hplan', '--from', '120急救站');
    expect(off.code).toBe(2);
    expect(off.err).toContain('不在转诊层级中，请用 --to 给出转诊去向类型');
    const top = healthplan('referral', 'r.hplan', '--from', 'tertiary_hospital', '--lang', 'en');
    expect(top.code).toBe(2);
    expect(top.err).toContain('the top of the referral ladder; give --to');
    expect(healthplan('referral', 'r.hplan', '--from', 'thc', '--threshold', '0').code).toBe(2);
  }, 60_000);

  it('on the sample: every 乡镇卫生院 and 社区中心 to the nearest sub-centre or secondary hospital, the counties adding up', () => {
    const r = healthplan('referral', 's.hplan', '--from', 'thc,chc', '--to', 'sub_centre,secondary_hospital');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as ReferralJson & { sample: boolean };
    expect(j.sample).toBe(true);
    expect(j.model).toBe('road');
    const [region, ...counties] = j.counties;
    expect(region!.facilities).toBe(j.facilities.length);
    expect(counties.reduce((s, c) => s + c.facilities, 0)).toBe(region!.facilities);
    expect(counties.reduce((s, c) => s + c.within, 0)).toBe(region!.within);
    expect(j.facilities.filter((f) => f.within)).toHaveLength(region!.within);
    for (const f of j.facilities) {
      expect(['thc', 'chc']).toContain(f.type);
      // Judged on the unrounded time: a 30.0 shown may be a little over.
      if (f.within) expect(f.minutes).toBeLessThanOrEqual(30);
      else expect(f.minutes ?? Infinity).toBeGreaterThanOrEqual(30);
    }
    const minutes = j.facilities.map((f) => f.minutes ?? Infinity);
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
    // Some 卫生院 are over half an hour away: the ones a sub-centre could serve.
    expect(region!.within).toBeLessThan(region!.facilities);
    expect(region!.within).toBeGreaterThan(0);
  }, 120_000);
});
