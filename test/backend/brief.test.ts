// brief.get on a real plan file: the briefing's figures are the gap screen's own, the compared
// scenario's changes and cost are listed, and coverage is given before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  '430100000000,长沙市,,市,,113.0,28.0,2025',
  'A,甲区,430100000000,区,,113.0,28.0,2025',
  'S1,一街道,A,街道,,113.0,28.0,2025',
  'C1,东社区,S1,社区,10000,113.0,28.0,2025',
  'S2,二街道,A,街道,,113.1,28.0,2025',
  'C2,西社区,S2,社区,10000,113.1,28.0,2025',
].join('\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,实有床位,执业(助理)医师,经度,纬度',
  'H1,一街道医院,二级医院,C1,50,10,113.0,28.0',
  'E1,急救站,120急救站,C1,0,2,113.0,28.0',
].join('\n');

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'brief' });
  expect(
    (
      await svc.call('tables.import', {
        scenarioId: 1,
        units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
        facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
      })
    ).ok,
  ).toBe(true);
  await svc.call('gaps.setSettings', { standardId: 'changsha-14fyp-2025', year: 2025 });
});
afterAll(() => svc.close());

describe('brief.get', () => {
  it("carries the gap screen's own results for the region and the counties", async () => {
    const b = await svc.call('brief.get', { scenarioId: 1 });
    const gaps = await svc.call('gaps.evaluate', { scenarioId: 1 });
    expect(b.current.region).toEqual(gaps.results.filter((r) => r.scope === 'region'));
    expect(b.current.counties).toEqual(gaps.results.filter((r) => r.scope === 'county'));
    expect(b.standard).toEqual({ id: 'changsha-14fyp-2025', name: gaps.standardName, year: 2025 });
    // In English the set's English name (data/standards/changsha-14fyp-2025.json nameEn), not the Chinese one.
    expect((await svc.call('brief.get', { scenarioId: 1, lang: 'en' })).standard.name).toBe('Changsha 14th Five-Year Health Plan targets (2025)');
    expect(b.counts).toMatchObject({ counties: 1, townships: 2, facilities: 2 });
    expect(b.compare).toBeNull();
    expect(b.proposals).toBeNull();
  });

  it('with a scenario compared: its standing, coverage before and after, and what changed at what cost', async () => {
    const s = await svc.call('scenarios.create', { name: '新增站点' });
    await svc.call('facilities.add', { scenarioId: s.id, type: 'ems_station', lon: 113.1, lat: 28.0, fields: { beds_open: 0 } });
    await svc.call('facilities.update', { scenarioId: s.id, id: 'H1', field: 'beds_open', value: 90 });
    await svc.call('costs.set', { costs: { perUnit: { beds: 300_000 }, perFacility: { ems_station: 2_000_000 } } });
    const b = await svc.call('brief.get', { scenarioId: s.id, compareId: 1 });
    expect(b.current.scenario).toBe('新增站点');
    expect(b.compare!.scenario).toBe('基线');
    expect(b.access!.before!.scenario).toBe('基线');
    expect(b.access!.after.covered).toBeGreaterThanOrEqual(b.access!.before!.covered);
    const p = b.proposals!;
    expect(p.against).toBe('基线');
    expect(p.changes.facilities.added.map((f) => f.type)).toEqual(['ems_station']);
    expect(p.changes.facilities.changed.map((f) => f.id)).toEqual(['H1']);
    expect(p.changes.cost.total).toBe(2_000_000 + 40 * 300_000);
    expect(p.unitNames).toMatchObject({ C1: '东社区' });
  });

  it("counts the compared scenario's 其他项目 at their own cost (万元 → 元) beside the facility lines", async () => {
    const s = await svc.call('scenarios.create', { name: '信息化' });
    await svc.call('projects.add', { scenarioId: s.id, project: { kind: 'other', year: 2025, name: '区域卫生信息平台', cost: 1200 } });
    await svc.call('facilities.update', { scenarioId: s.id, id: 'H1', field: 'beds_open', value: 60 });
    const cost = (await svc.call('brief.get', { scenarioId: s.id, compareId: 1 })).proposals!.changes.cost;
    // +10 beds × 300,000 + 1,200 万元.
    expect(cost.lines.map((l) => [l.item, l.amount])).toEqual([
      ['beds', 3_000_000],
      ['projects', 12_000_000],
    ]);
    expect(cost.total).toBe(15_000_000);
  });
});
