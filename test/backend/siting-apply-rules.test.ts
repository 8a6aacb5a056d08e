// 生成新情景 from a siting run, then the gap screen and the comparison: the new scenario carries the rule
// the proposal was for (开福区, 120 stations, 城镇10分钟/农村30分钟) as an access target, judged before
// (the baseline, in a comparison) and after; the stations the app made hold 0 beds and staff rather than
// blanks, so no 数据不全 appears about them; copies keep the rule, deleting the scenario drops it.
// A hand-made 长沙市 of 开福区 and 芙蓉区 without roads: straight line × 1.6 ÷ 30 km/h in town.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { ApiArgs, GapReportOut } from '../../shared/api/contract.ts';
import type { CompareOut } from '../../shared/api/methods/compare.ts';
import type { GapResult } from '../../shared/gaps/result.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const BASE = 1;
const KAIFU = '430105000000';
const SHAPING = '430105019000',
  DONGFENG = '430105001000',
  FURONG = '430102000000';

// 沙坪社区 (30,000) stands at station E1; 东风社区 (20,000) is 0.1° of longitude west at 28.25°N:
// 111.32 km × cos 28.25° × 0.1 = 9.81 km × 1.6 ÷ 30 km/h = 31.4 min > 10 — not covered. Candidate X1 at its centre.
// 芙蓉区's 定王社区 (10,000), as far east, is outside the question's area (开福区).
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  '430100000000,长沙市,,市,60000,113.0,28.25,2020',
  `${KAIFU},开福区,430100000000,区,50000,113.0,28.25,2020`,
  `${SHAPING},沙坪街道,${KAIFU},街道,30000,113.0,28.25,2020`,
  '430105019001,沙坪社区,430105019000,社区,30000,113.0,28.25,2020',
  `${DONGFENG},东风路街道,${KAIFU},街道,20000,112.9,28.25,2020`,
  '430105001001,东风社区,430105001000,社区,20000,112.9,28.25,2020',
  `${FURONG},芙蓉区,430100000000,区,10000,113.1,28.25,2020`,
  '430102001000,定王台街道,430102000000,街道,10000,113.1,28.25,2020',
  '430102001001,定王社区,430102001000,社区,10000,113.1,28.25,2020',
].join('\r\n');
// Every figure the set's ratio targets read is given, so the baseline itself lacks nothing.
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度,实有床位,执业（助理）医师,中医类别医师,注册护士,药师(士),全科医生,公共卫生人员,卫生技术人员,救护车,中医馆',
  'E1,开福区急救站,120急救站,430105019001,113.0,28.25,0,4,0,4,0,0,0,8,2,否',
  'C1,沙坪街道社区卫生服务中心,社区卫生服务中心,430105019001,113.0,28.25,40,20,4,24,3,8,5,60,0,是',
  'C2,东风路街道社区卫生服务中心,社区卫生服务中心,430105001001,112.9,28.25,30,15,3,18,2,6,4,45,0,是',
  'C3,定王台街道社区卫生服务中心,社区卫生服务中心,430102001001,113.1,28.25,20,10,2,12,1,4,3,30,0,是',
].join('\r\n');
const CHANGSHA = { standardId: 'changsha-14fyp-2025', year: 2020 } as const;
const RULE_NAME = '开福区 120急救站 城镇10分钟/农村30分钟 覆盖（选址方案的目标）';

type Query = ApiArgs<'siting.run'>;
const QUESTION: Query = {
  scenarioId: BASE,
  model: 'mclp',
  type: 'ems_station',
  existingTypes: ['ems_station'],
  k: 1,
  urbanMinutes: 10,
  ruralMinutes: 30,
  direction: 'from',
  within: [KAIFU],
  candidates: { sites: [{ id: 'X1', name: '东风路口', lon: 112.9, lat: 28.25 }] },
};

const gaps = (scenarioId: number, q: { standardId?: string; year?: number } = CHANGSHA) => svc.call('gaps.evaluate', { scenarioId, ...q });
const ruleOf = (r: Pick<GapReportOut, 'targets'>) => r.targets.filter((t) => t.id.startsWith('siting-'));
const at = (r: { results: GapResult[] }, target: string, code: string) => r.results.find((x) => x.target === target && x.code === code);
/** Each result's data warning, by target and place. */
const warnings = (r: GapReportOut) =>
  new Map(r.results.filter((x) => !x.target.startsWith('siting-')).map((x) => [`${x.target}|${x.scope}|${x.code}`, x.missing ?? null]));

async function propose(name: string, q: Partial<Query> = {}, year?: number): Promise<number> {
  const question = { ...QUESTION, ...q };
  const r = await svc.call('siting.run', question);
  const s = await svc.call('siting.apply', {
    scenarioId: question.scenarioId,
    name,
    type: question.type,
    ...(year !== undefined ? { year } : {}),
    sites: r.chosen.map(({ id, name: n, lon, lat, source }) => ({ id, name: n, lon, lat, source })),
    query: r.query,
  });
  return s.id;
}

let proposal: number;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'rules', name: '选址目标测试' });
  const imported = await svc.call('tables.import', {
    scenarioId: BASE,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(imported.ok).toBe(true);
  const r = await svc.call('siting.run', QUESTION);
  // The proposal: X1 covers 东风社区's 20,000; 30,000 → 50,000 of 50,000.
  expect(r.chosen.map((s) => [s.id, s.newlyCovered])).toEqual([['X1', 20000]]);
  expect(r).toMatchObject({ totalPopulation: 50000, coveredBefore: 30000, coveredAfter: 50000 });
  proposal = await propose('新增急救站');
});
afterAll(() => svc.close());

describe('the rule of a siting proposal on the gap screen', () => {
  it('is a target of the new scenario: 开福区, 120 stations within 10/30 minutes, its source the proposal', async () => {
    const r = await gaps(proposal);
    const [rule] = ruleOf(r);
    expect(ruleOf(r)).toHaveLength(1);
    expect(rule).toMatchObject({
      kind: 'access',
      name: RULE_NAME,
      group: '设施选址方案',
      facilityTypes: ['ems_station'],
      urbanMinutes: 10,
      ruralMinutes: 30,
      min: 1,
      binding: false,
      unverified: false,
      scopes: ['region', 'county', 'township'],
      source: { document: '本方案设施选址', clause: '新增急救站' },
    });
    expect(rule!.id).toMatch(/^siting-ems_station-10-30-[0-9a-f]{8}$/);
    expect(rule!.source.text).toBe('本方案在开福区为120急救站选址，目标是从120急救站出发，城镇10分钟、农村30分钟内到达开福区的每个村（社区）。');
    expect(rule!.note).toBeUndefined(); // the gap engine measures 120 stations from the station, as the question did
  });

  it("shows the coverage after: everyone of 开福区's 50,000 within reach, in 东风路街道 too", async () => {
    const r = await gaps(proposal);
    const id = ruleOf(r)[0]!.id;
    expect(at(r, id, KAIFU)).toMatchObject({ value: 1, required: 1, shortfall: 0, status: 'met', population: 50000 });
    expect(at(r, id, DONGFENG)).toMatchObject({ value: 1, shortfall: 0, population: 20000 });
  });

  it("is judged in its area only: no row for 芙蓉区, and its overall line is 开福区's, not 长沙市's (芙蓉区's 10,000 beyond reach are not this rule's)", async () => {
    const r = await gaps(proposal);
    const id = ruleOf(r)[0]!.id;
    expect(
      r.results
        .filter((x) => x.target === id)
        .map((x) => x.code)
        .sort(),
    ).toEqual(['region', KAIFU, SHAPING, DONGFENG].sort());
    expect(at(r, id, 'region')).toMatchObject({ scope: 'region', name: '开福区', parent: null, value: 1, shortfall: 0, population: 50000, status: 'met' });
    // An area of two streets: their line together. In the baseline 沙坪 30,000 of 30,000 and 东风路 0 of 20,000: 30,000 of 50,000.
    const streets = await propose('两街道选址', { within: [SHAPING, DONGFENG] });
    const two = await svc.call('scenarios.compare', { scenarioIds: [BASE, streets], ...CHANGSHA, level: 'township' });
    const line = two.rows.find((x) => x.target.startsWith('siting-') && x.code === 'region')!;
    expect(line.name).toBe('沙坪街道、东风路街道');
    expect(line.cells.map((c) => [c!.value, c!.shortfall, c!.population, c!.status])).toEqual([
      [0.6, 20000, 50000, 'short'],
      [1, 0, 50000, 'met'],
    ]);
    expect(
      two.rows
        .filter((x) => x.target === line.target)
        .map((x) => x.code)
        .sort(),
    ).toEqual(['region', SHAPING, DONGFENG].sort());
    await svc.call('scenarios.delete', { id: streets });
    // A rule for the whole plan has them: 50,000 of 60,000.
    const everywhere = await propose('全域新增急救站', { within: [] });
    const all = await gaps(everywhere);
    const wide = ruleOf(all)[0]!;
    expect(wide.name).toBe('120急救站 城镇10分钟/农村30分钟 覆盖（选址方案的目标）');
    expect(at(all, wide.id, 'region')).toMatchObject({ value: 0.8333, shortfall: 10000, status: 'short' });
    expect(at(all, wide.id, FURONG)).toMatchObject({ value: 0, shortfall: 10000 });
    await svc.call('scenarios.delete', { id: everywhere });
  });

  it("is the same rule when the question names its area (开福区) rather than giving the code, as the CLI's --within may", async () => {
    const named = await propose('按名称选址', { within: ['开福区'] });
    const r = await gaps(named);
    expect(ruleOf(r).map((t) => [t.id, t.name])).toEqual(ruleOf(await gaps(proposal)).map((t) => [t.id, t.name]));
    expect(at(r, ruleOf(r)[0]!.id, KAIFU)).toMatchObject({ value: 1, population: 50000 });
    await svc.call('scenarios.delete', { id: named });
  });

  it('is not a target of the baseline, which has no proposal', async () => {
    expect(ruleOf(await gaps(BASE))).toEqual([]);
  });

  it("adds nothing where the set judges the same rule: kaifu-2024's 10-minute circle (开政办发〔2022〕26号 §四(二)9)", async () => {
    // "10分钟急救服务圈": 120 stations, 10 minutes in town and in the country — the same types and minutes.
    const ten = await propose('开福区10分钟急救圈', { ruralMinutes: 10 });
    const r = await gaps(ten, { standardId: 'kaifu-2024', year: 2024 });
    expect(ruleOf(r)).toEqual([]);
    expect(at(r, 'ems-10-minute-circle', KAIFU)).toMatchObject({ value: 1, shortfall: 0 });
    expect(at(await gaps(BASE, { standardId: 'kaifu-2024', year: 2024 }), 'ems-10-minute-circle', KAIFU)).toMatchObject({ value: 0.6, shortfall: 20000 });
    // Under a set without it, the 10/10 rule is its own row, named so.
    expect(ruleOf(await gaps(ten)).map((t) => t.name)).toEqual(['开福区 120急救站 城乡10分钟 覆盖（选址方案的目标）']);
    await svc.call('scenarios.delete', { id: ten });
  });
});

describe('the stations the app made', () => {
  it('hold 0 beds, staff and ambulances (not blanks), so no 数据不全 appears that the baseline did not have', async () => {
    const added = (await svc.call('facilities.list', { scenarioId: proposal })).filter((f) => f.id.startsWith('NEW-'));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      type: 'ems_station',
      name: '东风路口120急救站',
      beds_open: 0,
      physicians: 0,
      nurses: 0,
      gps: 0,
      ambulances: 0,
      tcm_hall: false,
      floor_area_m2: null,
    });
    const [before, after] = [await gaps(BASE), await gaps(proposal)];
    // The hand-made baseline lacks no figure (its notes: no childcare, no roads); the proposal adds no note.
    expect([...warnings(before).values()].filter((m) => m?.includes('缺少'))).toEqual([]);
    expect(warnings(after)).toEqual(warnings(before));
    // 120 stations count in the bed ratio (the set lists them): 90 beds for 60,000 either way.
    expect(at(after, 'beds-per-1000', 'region')).toMatchObject({ value: 1.5 });
  });

  it('as projects of a year, too: the station of 2027 holds 0 beds from 2027 on', async () => {
    const planned = await propose('2027年新增急救站', {}, 2027);
    const r = await gaps(planned, { ...CHANGSHA, year: 2027 });
    expect(warnings(r)).toEqual(warnings(await gaps(BASE, { ...CHANGSHA, year: 2027 })));
    expect(at(r, ruleOf(r)[0]!.id, KAIFU)).toMatchObject({ value: 1, shortfall: 0 });
    expect(ruleOf(r)[0]!.source.text).toContain('新设施按2027年规划项目计入');
    // Before its year the station is not there: 30,000 of 50,000.
    const early = await gaps(planned, { ...CHANGSHA, year: 2026 });
    expect(at(early, ruleOf(early)[0]!.id, KAIFU)).toMatchObject({ value: 0.6, shortfall: 20000, status: 'short' });
    await svc.call('scenarios.delete', { id: planned });
  });

  it('placed on the map (新增机构): 0 unless the planner gives a figure', async () => {
    const s = (await svc.call('scenarios.create', { name: '地图新增' })).id;
    const f = await svc.call('facilities.add', { scenarioId: s, type: 'ems_station', lon: 112.95, lat: 28.25, fields: { ambulances: 3 } });
    expect(f).toMatchObject({
      beds_open: 0,
      physicians: 0,
      ambulances: 3,
      fever_clinic: false,
      service_standard: 'none',
      bed_occupancy_rate: null,
      opened_year: null,
    });
    await svc.call('scenarios.delete', { id: s });
  });
});

describe('comparing the baseline with the proposal', () => {
  let r: CompareOut;
  let streets: CompareOut;
  beforeAll(async () => {
    r = await svc.call('scenarios.compare', { scenarioIds: [BASE, proposal], ...CHANGSHA, level: 'county' });
    streets = await svc.call('scenarios.compare', { scenarioIds: [BASE, proposal], ...CHANGSHA, level: 'township' });
  });

  it("judges both on the rule: 30,000 → 50,000 of 开福区's 50,000 covered, 20,000 fewer short, a changed row", () => {
    const rule = r.targets.find((t) => t.id.startsWith('siting-'))!;
    expect(rule.name).toBe(RULE_NAME);
    const kaifu = r.rows.find((x) => x.target === rule.id && x.code === KAIFU)!;
    expect(kaifu.cells.map((c) => [c!.value, c!.shortfall, c!.status])).toEqual([
      [0.6, 20000, 'short'],
      [1, 0, 'met'],
    ]);
    expect(kaifu.diffs[1]).toMatchObject({ direction: 'better', shortfall: -20000, statusChanged: true });
    expect(r.rows.filter((x) => x.target === rule.id).map((x) => x.code)).toEqual(['region', KAIFU]); // its area only, the area's line first
    expect(r.rows.find((x) => x.target === rule.id && x.code === 'region')!.changed).toBe(true); // 只看有变化的 at the overall line, too
    const dongfeng = streets.rows.find((x) => x.target === rule.id && x.code === DONGFENG)!;
    expect(dongfeng.cells.map((c) => c!.value)).toEqual([0, 1]);
    expect(streets.rows.find((x) => x.target === rule.id && x.code === SHAPING)!.changed).toBe(false); // covered before already
  });

  it("只看有变化的 lists the rule's rows (and the bed ratio is unchanged: the station has no beds)", () => {
    const changed = r.rows.filter((x) => x.changed);
    expect(changed.some((x) => x.target.startsWith('siting-') && x.code === KAIFU)).toBe(true);
    expect(streets.rows.filter((x) => x.changed && x.target.startsWith('siting-')).map((x) => x.code)).toEqual(['region', DONGFENG]);
    expect(changed.some((x) => x.target === 'beds-per-1000')).toBe(false);
  });

  it('in either order: the proposal as the reference, the baseline after it', async () => {
    const back = await svc.call('scenarios.compare', { scenarioIds: [proposal, BASE], ...CHANGSHA });
    const row = back.rows.find((x) => x.target.startsWith('siting-') && x.code === KAIFU)!;
    expect(row.cells.map((c) => c!.value)).toEqual([1, 0.6]);
    expect(row.diffs[1]).toMatchObject({ direction: 'worse' });
  });
});

describe('copies and deletion', () => {
  it('a copy of the proposal keeps its rule (its source the copy); deleting drops it, and a later scenario of the same id does not inherit it', async () => {
    const copy = (await svc.call('scenarios.create', { name: '新增急救站（副本）', copyFrom: proposal })).id;
    const rules = ruleOf(await gaps(copy));
    expect(rules.map((t) => [t.name, t.source.clause])).toEqual([[RULE_NAME, '新增急救站（副本）']]);
    expect(rules[0]!.id).toBe(ruleOf(await gaps(proposal))[0]!.id);
    await svc.call('scenarios.delete', { id: copy });
    const again = (await svc.call('scenarios.create', { name: '另一个情景' })).id;
    expect(again).toBe(copy); // SQLite gives the freed id again
    expect(ruleOf(await gaps(again))).toEqual([]);
    await svc.call('scenarios.delete', { id: again });
  });
});
