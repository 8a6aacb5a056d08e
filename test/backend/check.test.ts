// `plan.check` (数据检查) over the sample plan, first as it is — its findings few and true — then with the
// defects issue 16 names injected into the file, each of which must be found with its row and figures:
// a county 2% above its streets, a 一级医院 with 20,000 beds and 65 approved ("accepted today"), a centre's
// longitude and latitude swapped, a facility listed twice, the 中医馆 flag empty for 13 centres.
// The injections go straight into the plan file (SQL): the importers refuse a latitude of 113, and a plan
// written elsewhere or by hand may hold one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { CheckOut } from '../../shared/api/contract.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const KAIFU = '430105000000';
/** 长沙市妇幼保健院（河西新院）, brought by a project of 2025. */
const HEXI = 'F430111-R04-HX';
const sample: { before?: CheckOut } = {};

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.openSample', {});
  sample.before = await svc.call('plan.check', { scenarioId: 1 });
});
afterAll(() => svc.close());

describe('the data check on the sample', () => {
  it("against its own set (长沙市十四五, 2025) finds only the 河西新院's empty figures: its figures add up, its points lie in their outlines", async () => {
    const r = sample.before!;
    expect(r.judged).toEqual({ standardId: 'changsha-14fyp-2025', year: 2025 });
    // 长政办发〔2021〕62号 §三(四)1's 市妇幼保健院（河西新院）, a new site from 2025 (seed-projects.ts): the document gives
    // no figures, so its 7 columns that the set's per-1,000 targets read are empty, each counted as 0. True, and nothing else.
    // The new site is in no facilities table: each finding points at the project that builds it, whose figures to complete.
    const projects = await svc.call('projects.list', { scenarioId: 1 });
    const hexi = projects.find((p) => p.kind === 'new' && p.facility_id === HEXI)!;
    expect(r.findings.map((f) => `${f.rule} ${f.row.table}:${f.row.key} ${f.row.column}`).sort()).toEqual(
      ['beds_open', 'gps', 'nurses', 'pharmacists', 'physicians', 'public_health_staff', 'tcm_physicians'].map((c) => `targets.empty projects:${hexi.id} ${c}`),
    );
    expect(r.findings.every((f) => f.row.name === hexi.name && f.fix.zh.startsWith(`长沙市妇幼保健院（河西新院） 由规划项目「${hexi.name}」新建`))).toBe(true);
    expect(r.counts).toEqual({ total: 7, byFamily: { population: 0, figures: 0, places: 0, targets: 7 }, touchingTargets: 7 });
  });

  it("against 开福区's set (2024) says only what is true: the sample keeps no 中医阁 flag, so 「建成中医阁」 cannot count any of 开福区's centres", async () => {
    const r = await svc.call('plan.check', { scenarioId: 1, standardId: 'kaifu-2024' });
    expect(r.judged).toEqual({ standardId: 'kaifu-2024', year: 2024 });
    expect(new Set(r.findings.map((f) => `${f.rule} ${f.row.column}`))).toEqual(new Set(['targets.empty tcm_pavilion']));
    const chc = r.findings.filter((f) => f.message.zh.includes('所社区卫生服务中心中'));
    // every centre of 开福区 lacks it: "N 所社区卫生服务中心中 N 所为空"
    const m = /（(\d+) 所社区卫生服务中心中 (\d+) 所为空）/.exec(chc[0]!.message.zh)!;
    expect(m[1]).toBe(m[2]);
    expect(chc).toHaveLength(Number(m[1]));
    expect(r.counts.touchingTargets).toBe(r.counts.total);
  });
});

describe("the data check on the sample with issue 16's defects", () => {
  let r: CheckOut;
  let kaifu: { own: number };
  let hospital: { id: string; name: string };
  let centre: { id: string; name: string; lon: number; lat: number };
  let twin: { id: string; name: string };
  let emptied: string[];

  beforeAll(async () => {
    const db = svc.workspace.requirePlan().db;
    // 开福区 2% above its streets (they add up to its own figure in the sample).
    const pop = db.prepare('SELECT population FROM unit WHERE scenario_id = 1 AND code = ?').pluck().get(KAIFU) as number;
    kaifu = { own: Math.round(pop * 1.02) };
    db.prepare('UPDATE unit SET population = ? WHERE scenario_id = 1 AND code = ?').run(kaifu.own, KAIFU);
    // A 一级医院 of 长沙市 with 20,000 beds and 65 approved.
    hospital = db
      .prepare("SELECT id, name FROM facility WHERE scenario_id = 1 AND type = 'primary_hospital' AND unit_code LIKE '4301%' ORDER BY id LIMIT 1")
      .get() as typeof hospital;
    db.prepare('UPDATE facility SET beds_open = 20000, beds_approved = 65 WHERE scenario_id = 1 AND id = ?').run(hospital.id);
    // A centre's coordinates swapped.
    centre = db
      .prepare("SELECT id, name, lon, lat FROM facility WHERE scenario_id = 1 AND type = 'chc' AND unit_code LIKE '430102%' ORDER BY id LIMIT 1")
      .get() as typeof centre;
    db.prepare('UPDATE facility SET lon = lat, lat = lon WHERE scenario_id = 1 AND id = ?').run(centre.id);
    // A township health centre listed twice (a copy with another id, same name and place).
    twin = db
      .prepare("SELECT id, name FROM facility WHERE scenario_id = 1 AND type = 'thc' AND unit_code LIKE '4301%' ORDER BY id LIMIT 1")
      .get() as typeof twin;
    const cols = (db.prepare("SELECT name FROM pragma_table_info('facility')").pluck().all() as string[]).filter((c) => c !== 'id');
    db.prepare(`INSERT INTO facility (id, ${cols.join(', ')}) SELECT ?, ${cols.join(', ')} FROM facility WHERE scenario_id = 1 AND id = ?`).run(
      `${twin.id}-copy`,
      twin.id,
    );
    // 中医馆 empty for 13 centres of 长沙市.
    emptied = db
      .prepare("SELECT id FROM facility WHERE scenario_id = 1 AND type = 'chc' AND unit_code LIKE '4301%' AND id <> ? ORDER BY id LIMIT 13")
      .pluck()
      .all(centre.id) as string[];
    db.prepare(`UPDATE facility SET tcm_hall = NULL WHERE scenario_id = 1 AND id IN (${emptied.map(() => '?').join(',')})`).run(...emptied);
    r = await svc.call('plan.check', { scenarioId: 1 });
  });
  const find = (rule: string, key: string) => r.findings.filter((f) => f.rule === rule && f.row.key === key);

  it('开福区 2% above its streets: both figures, the difference (−2.0%) and the per-1,000 targets it shifts', () => {
    const [f] = find('population.sum', KAIFU);
    expect(f).toBeDefined();
    const streets = Math.round(kaifu.own / 1.02);
    expect(f!.message.zh).toMatch(/^开福区 本级常住人口 [\d,]+ 人，下级合计 [\d,]+ 人，相差 [\d,]+ 人（−2\.0%，2025 年）$/);
    // Both figures are the 2025 ones (projected at 1.5% a year from 2020): their ratio is the injected 1.02.
    const [own, sum] = [...f!.message.zh.matchAll(/([\d,]+) 人/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(Math.abs(own! / sum! - kaifu.own / streets)).toBeLessThan(1e-4);
    expect(f!.affects!.targets.map((t) => t.id)).toContain('beds-per-1000');
    expect(f!.row).toEqual({ table: 'units', key: KAIFU, name: '开福区', column: 'population' });
  });

  it("the 一级医院 with 20,000 beds and 65 approved: above the type's 300 and 307.69× approved", () => {
    expect(find('figures.beds_size', hospital.id)[0]!.message.zh).toBe(
      `${hospital.name}（一级医院）实有床位 20,000 张，超过此类机构的合理上限 300 张（编制床位 65 张）`,
    );
    expect(find('figures.beds_approved', hospital.id)[0]!.message.zh).toBe(`${hospital.name} 实有床位 20,000 张，是编制床位 65 张的 307.69 倍`);
    expect(find('figures.beds_size', hospital.id)[0]!.affects!.effect.zh).toMatch(/「每千常住人口床位数」按此计为 [\d.]+，按 65 张计为 [\d.]+/);
  });

  it('the swapped centre, with the point it should have', () => {
    const [f] = find('places.swapped', centre.id);
    expect(f!.fix.zh).toBe(`交换经度与纬度（应为经度 ${centre.lon}、纬度 ${centre.lat}）`);
  });

  it('the township health centre listed twice, said on the copy', () => {
    expect(find('places.duplicate', `${twin.id}-copy`)[0]!.message.zh).toBe(`${twin.name}（${twin.id}-copy）与 ${twin.id} 同名同址：可能重复录入`);
  });

  it('中医馆 empty for 13 centres: 13 findings, each naming 「社区卫生服务中心和乡镇卫生院设置中医馆」', () => {
    const fs = r.findings.filter((f) => f.rule === 'targets.empty' && f.row.column === 'tcm_hall');
    expect(fs.map((f) => f.row.key).sort()).toEqual([...emptied].sort());
    expect(fs[0]!.message.zh).toMatch(/中 13 所为空）$/);
    expect(fs[0]!.affects!.targets).toEqual([{ id: 'tcm-hall-thc-chc', name: '社区卫生服务中心和乡镇卫生院设置中医馆' }]);
  });

  it("and nothing else: 6 rules over 18 rows (the sample's own 7 on the 河西新院 among them), every one touching a target's figures (the swapped centre: the travel-time target)", () => {
    expect(r.counts.total).toBe(1 + 2 + 1 + 1 + 13 + 7);
    expect(r.counts.byFamily).toEqual({ population: 1, figures: 2, places: 2, targets: 13 + 7 });
    expect(new Set(r.findings.map((f) => f.row.key)).size).toBe(1 + 1 + 1 + 1 + 13 + 1);
    expect(r.counts.touchingTargets).toBe(r.counts.total);
    expect(find('places.swapped', centre.id)[0]!.affects!.targets).toEqual([{ id: 'access-1530', name: '“1530”就医服务圈' }]);
  });
});
