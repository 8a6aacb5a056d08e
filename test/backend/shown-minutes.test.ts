// The minutes shown beside a verdict never contradict it: 合城社区 on the sample was 10.03 minutes from its
// station, not covered by the 10-minute rule, and listed as "10 分钟 · 否". On a hand-made plan without roads
// (straight line × 1.6 ÷ 30 km/h in town): 近社区 0.0319° (3.133 km) west of the station is 10.02 minutes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { metres } from './metres.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const b64 = (s: string) => Buffer.from(s).toString('base64');

const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'A,甲区,,区,,113.0,28.0,2025',
  'S,一街道,A,街道,,113.0,28.0,2025',
  'C1,站旁社区,S,社区,1000,113.0,28.0,2025',
  'C2,近社区,S,社区,2000,112.9681,28.0,2025',
].join('\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度',
  'E1,急救站,120急救站,C1,113.0,28.0',
  'H1,区医院,二级医院,C1,113.0,28.0',
  'T1,近社区卫生服务中心,社区卫生服务中心,C2,112.9681,28.0',
].join('\n');
// 3.133 km × 1.6 ÷ 30 km/h = 10.022 minutes: beyond 10, and 10.0 to the nearest tenth.
const minutes = ((metres(113.0, 28.0, 112.9681, 28.0) * 1.6) / 1000 / 30) * 60;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'shown' });
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('minutes shown beside their verdict', () => {
  it('the case: 10.022 minutes, beyond 10 and rounding to 10.0', () => {
    expect(minutes).toBeGreaterThan(10);
    expect(Math.round(minutes * 10) / 10).toBe(10);
  });

  it('access: a community 10.02 minutes away is not covered and shows 10.1, not 10.0; within 10.5 it shows 10.0', async () => {
    const q = { scenarioId: 1, types: ['ems_station' as const], urbanMinutes: 10, ruralMinutes: 30 };
    const r = await svc.call('access.run', q);
    expect(r.model).toBe('straight_line');
    expect(r.points.find((p) => p.code === 'C2')).toMatchObject({ covered: false, minutes: 10.1 });
    expect(r.units.find((u) => u.scope === 'region')).toMatchObject({ population: 3000, covered: 1000 });
    // Within a 10.5-minute limit it is covered, and shown to the nearest tenth as before.
    const wider = await svc.call('access.run', { ...q, urbanMinutes: 10.5 });
    expect(wider.points.find((p) => p.code === 'C2')).toMatchObject({ covered: true, minutes: 10 });
  });

  it('referral: a centre 10.02 minutes from its hospital is beyond a 10-minute threshold and shows 10.1, its county line too', async () => {
    const r = await svc.call('referral.run', { scenarioId: 1, from: ['chc'], to: ['secondary_hospital'], thresholdMinutes: 10 });
    expect(r.facilities.find((f) => f.id === 'T1')).toMatchObject({ to: 'H1', within: false, minutes: 10.1 });
    expect(r.counties.find((c) => c.code === 'A')).toMatchObject({ facilities: 1, within: 0, worstMinutes: 10.1 });
    const at11 = await svc.call('referral.run', { scenarioId: 1, from: ['chc'], to: ['secondary_hospital'], thresholdMinutes: 11 });
    expect(at11.facilities.find((f) => f.id === 'T1')).toMatchObject({ within: true, minutes: 10 });
  });
});
