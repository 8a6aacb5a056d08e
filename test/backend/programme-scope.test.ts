// The programme's region is the gap screen's (scope.ts): the set's own region, or the planner's choice of
// it — found once for the run, the candidates and the scenario programme.apply writes. A hand-made 长沙市
// of two districts, 100,000 people and one 300-bed hospital each; a set for 长沙市: ≥ 4 beds per 1,000.
// Each district has a planned (计划) +100 beds expansion in 2025 (100 万元).
//   Over 长沙市: 800 required, 600 there: 200 short; both projects are candidates and close it.
//   Applied to 开福区 alone: 400 required, 300 there: 100 short; its own project is the one candidate and
//   closes it; 芙蓉区's stays as it is (not moved, not dropped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { ProgrammeQueryIn } from '../../shared/api/contract.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const BASE = 1;
const b64 = (s: string) => Buffer.from(s).toString('base64');

const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  '430100000000,长沙市,,市,200000,113.0,28.2,2025',
  '430105000000,开福区,430100000000,区,100000,113.0,28.28,2025',
  '430102000000,芙蓉区,430100000000,区,100000,113.03,28.19,2025',
].join('\r\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度,实有床位',
  'H1,开福区人民医院,二级医院,430105000000,112.991,28.281,300',
  'H2,芙蓉区人民医院,二级医院,430102000000,113.031,28.191,300',
].join('\r\n');

const SOURCE = { document: '测试', clause: '手算', text: '手算用例' };
const SET = {
  id: 'scope-test',
  name: '口径测试',
  nameEn: 'Scope test',
  year: 2025,
  appliesTo: ['长沙市'],
  documents: [{ number: '测试', title: '手算用例' }],
  targets: [
    {
      id: 'beds',
      kind: 'ratio',
      name: '每千人床位',
      nameEn: 'Beds per 1,000',
      group: '床位',
      binding: true,
      measure: 'beds_open',
      per: 1000,
      min: 4,
      scopes: ['region'],
      unit: '张',
      source: SOURCE,
    },
  ],
};

const query: ProgrammeQueryIn = {
  scenarioId: BASE,
  standardId: 'scope-test',
  fromYear: 2025,
  toYear: 2025,
  money: [{ year: 2025, amount: 1000 }],
  candidates: { projects: true, own: [] },
};
let p1 = 0,
  p2 = 0;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'programme-scope' });
  const r = await svc.call('tables.import', {
    scenarioId: BASE,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
  await svc.call('standards.save', { set: SET as never });
  p1 = (await svc.call('projects.add', { scenarioId: BASE, project: { year: 2025, kind: 'expand', facility_id: 'H1', deltas: { beds_open: 100 }, cost: 100 } }))
    .id;
  p2 = (await svc.call('projects.add', { scenarioId: BASE, project: { year: 2025, kind: 'expand', facility_id: 'H2', deltas: { beds_open: 100 }, cost: 100 } }))
    .id;
});
afterAll(() => svc.close());

describe("the programme's region", () => {
  it("over the set's own region (长沙市): both districts' projects are candidates, 200 beds short → 0", async () => {
    const r = await svc.call('programme.run', query);
    expect(r.region).toBe('长沙市');
    expect(r.candidates).toBe(2);
    expect(r.years[0]!.actions.map((a) => a.id).sort()).toEqual([`project:${p1}`, `project:${p2}`]);
    const beds = r.targets.find((t) => t.target === 'beds')!;
    expect([beds.before['2025']!.shortfall, beds.by_year['2025']!.shortfall]).toEqual([200, 0]);
  });

  it("applied to 开福区 by the planner: only its project is a candidate (100 short → 0); apply leaves 芙蓉区's as it is", async () => {
    await svc.call('gaps.setSettings', { standardId: 'scope-test', year: 2025, region: ['开福区'] });
    const r = await svc.call('programme.run', query);
    expect(r.region).toBe('开福区');
    expect(r.candidates).toBe(1);
    expect(r.years[0]!.actions.map((a) => a.id)).toEqual([`project:${p1}`]);
    expect(r.years[0]!.spent).toBe(100);
    const beds = r.targets.find((t) => t.target === 'beds')!;
    expect([beds.before['2025']!.shortfall, beds.by_year['2025']!.shortfall]).toEqual([100, 0]);

    const schedule = [...r.years.flatMap((y) => y.actions.map((a) => ({ action: a.id, year: y.year })))];
    const s = await svc.call('programme.apply', { scenarioId: BASE, name: '开福区实施计划', query, schedule });
    expect((await svc.call('programme.get', { scenarioId: s.id }))!.placed.map((x) => x.action)).toEqual([`project:${p1}`]);
    // Both expansions are in the new scenario: 开福区's placed by the programme, 芙蓉区's kept (not a candidate).
    const projects = await svc.call('projects.list', { scenarioId: s.id });
    expect(projects.map((x) => [x.facility_id, x.year]).sort()).toEqual([
      ['H1', 2025],
      ['H2', 2025],
    ]);
  });
});
