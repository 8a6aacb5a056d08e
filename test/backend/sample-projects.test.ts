// The sample's projects from the seed documents (shared/sample/seed-projects.ts), beside 开福区's six:
// 资阳区's two sub-centres and its 智慧医疗中心 (益资政办发〔2023〕20号), 长政办发〔2023〕6号's 12 sub-centres
// (the towns the sample's choice), and what 长政办发〔2021〕62号 names that the sample can place. Through the
// service on the sample plan file as the app writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { GapReportOut, ProjectOut } from '../../shared/api/contract.ts';
import { tmpDir } from './tmp.ts';

const BASE = 1;
let svc: Service;
let ps: ProjectOut[];
beforeAll(async () => {
  svc = createPlannerService({ home: tmpDir(), door: 'direct' });
  await svc.call('plan.openSample', {});
  ps = await svc.call('projects.list', { scenarioId: BASE });
}, 120_000);
afterAll(() => svc.close());

const KAIFU = '开政办发〔2022〕26号';
const ZIYANG = '益资政办发〔2023〕20号';
const CS6 = '长政办发〔2023〕6号';
const CS62 = '长政办发〔2021〕62号';
const seeds = () => ps.filter((p) => p.source_document !== KAIFU);
const ofCounty = (code6: string) => seeds().filter((p) => p.source_document === CS6 && p.facility_id!.startsWith(`F${code6}`));

describe("the seed documents' projects in the sample", () => {
  it("holds 23 projects — 开福区's six, then 17 from the other seeds — all accepted as the app checks them, none with a cost", () => {
    expect(ps).toHaveLength(23);
    expect(ps.filter((p) => p.source_document === KAIFU)).toHaveLength(6);
    expect(seeds().map((p) => [p.year, p.kind, p.facility_id, p.source_document, p.source_clause])).toEqual([
      // 长政办发〔2021〕62号 §三(四)1: 市妇幼保健院（河西新院）项目, a new site of 长沙市妇幼保健院
      [2025, 'new', 'F430111-R04-HX', CS62, '§三(四)1'],
      // 长政办发〔2023〕6号 §三(一)3: 望城区 2, 长沙县 2, 浏阳市 4, 宁乡市 4
      [2025, 'upgrade', 'F430112103-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430112106-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430121113-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430121108-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430181109-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430181114-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430181132-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430181126-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430182111-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430182107-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430182105-THC', CS6, '§三(一)3'],
      [2025, 'upgrade', 'F430182114-THC', CS6, '§三(一)3'],
      // 62号 §三(九)1: 长沙市智慧医疗云平台 (其他项目)
      [2025, 'other', null, CS62, '§三(九)1'],
      // 益资政办发〔2023〕20号 §三(一)1 新桥河镇, 茈湖口镇; §三(一)2 资阳区智慧医疗中心 — no year in the document: 2030
      [2030, 'upgrade', 'F430902107-THC', ZIYANG, '§三(一)1'],
      [2030, 'upgrade', 'F430902105-THC', ZIYANG, '§三(一)1'],
      [2030, 'other', null, ZIYANG, '§三(一)2'],
    ]);
    for (const p of ps) {
      expect(p, p.name).toMatchObject({ status: 'planned', cost: null, problems: [] });
      expect(p.note, p.name).toMatch(/^原文：/);
    }
    for (const p of ps.filter((x) => x.kind === 'upgrade')) expect(p.type, p.name).toBe('sub_centre');
  });

  it("每个项目的责任单位 is the clause's own list; 62号 names none, and says so", () => {
    // 益资政办发〔2023〕20号 §三(一)1: "[责任单位：各乡镇（街道、长春经开区）、区卫生健康局]"
    for (const p of seeds().filter((x) => x.source_clause === '§三(一)1')) expect(p.responsible_unit).toBe('各乡镇（街道、长春经开区）、区卫生健康局');
    // §三(一)2: "[责任单位：各乡镇（街道、长春经开区）、区卫生健康局、区财政局、区发展改革局、区医保局]"
    expect(seeds().find((x) => x.source_clause === '§三(一)2')!.responsible_unit).toBe(
      '各乡镇（街道、长春经开区）、区卫生健康局、区财政局、区发展改革局、区医保局',
    );
    // 长政办发〔2023〕6号 §三(一)3: "（责任单位：市卫生健康委、市发展改革委、市自然资源规划局、市住房城乡建设局、各区县人民政府）"
    for (const p of seeds().filter((x) => x.source_document === CS6))
      expect(p.responsible_unit).toBe('市卫生健康委、市发展改革委、市自然资源规划局、市住房城乡建设局、各区县人民政府');
    for (const p of seeds().filter((x) => x.source_document === CS62)) {
      expect(p.responsible_unit).toBeNull();
      expect(p.note).toMatch(/未给出.*责任单位/);
    }
    // 开政办发〔2022〕26号 §四(一)3 ends with its list.
    for (const p of ps.filter((x) => x.source_document === KAIFU)) {
      expect(p.responsible_unit).toBe('区卫生健康局、区财政局、市资规局开福分局、区发展和改革委员会、开福城投集团、区公建中心、各街道');
    }
  });

  it("6号 names no towns: the sample takes each county's central THCs with the most open beds, and 望城区 (one central THC) its largest THC; each note says so", async () => {
    const facilities = new Map((await svc.call('facilities.list', { scenarioId: BASE })).map((f) => [f.id, f]));
    const picked = (code6: string) => ofCounty(code6).map((p) => [facilities.get(p.facility_id!)!.name, facilities.get(p.facility_id!)!.beds_open]);
    // The sample's central THCs by open beds: 长沙县 安沙 101, 路口 90, 开慧 79 → the first two;
    // 浏阳市 永和 145, 枨冲 141, 蕉溪 137, 沙市 117, 文家市 93, 社港 85 → the first four;
    // 宁乡市 老粮仓 148, 坝塘 129, 双江口 122, 龙田 98, 流沙河 74 → the first four.
    expect(picked('430121')).toEqual([
      ['安沙镇中心卫生院', 101],
      ['路口镇中心卫生院', 90],
    ]);
    expect(picked('430181')).toEqual([
      ['永和镇中心卫生院', 145],
      ['枨冲镇中心卫生院', 141],
      ['蕉溪镇中心卫生院', 137],
      ['沙市镇中心卫生院', 117],
    ]);
    expect(picked('430182')).toEqual([
      ['老粮仓镇中心卫生院', 148],
      ['坝塘镇中心卫生院', 129],
      ['双江口镇中心卫生院', 122],
      ['龙田镇中心卫生院', 98],
    ]);
    // 望城区: 茶亭 (147, its only central THC), then the THC with the most beds: 靖港 49 (桥驿 42 next).
    expect(picked('430112')).toEqual([
      ['茶亭镇中心卫生院', 147],
      ['靖港镇卫生院', 49],
    ]);
    expect(facilities.get('F430112106-THC')!.type).toBe('thc');
    for (const p of seeds().filter((x) => x.source_document === CS6)) expect(p.note, p.name).toContain('示例选择：文件未列名');
    for (const p of ofCounty('430112')) expect(p.note).toContain('示例方案中望城区只有1所中心卫生院');
  });

  it('6号\'s count target (§三(一)3 "望城区、长沙县各建成2家，浏阳市、宁乡市各建成4家") is short in 2024 and met in 2025', async () => {
    const counts = async (year: number) => {
      const r = await svc.call('gaps.evaluate', { scenarioId: BASE, standardId: 'changsha-primary-2025', year, level: 'county', onlyShort: false });
      return Object.fromEntries(r.results.filter((x) => x.target === 'sub-centres').map((x) => [x.name, [x.value, x.required, x.status]]));
    };
    const y2024 = await counts(2024);
    expect(y2024.望城区).toEqual([0, 2, expect.any(String)]);
    expect(y2024.浏阳市).toEqual([0, 4, expect.any(String)]);
    expect(y2024.望城区![2]).not.toBe('met');
    expect(await counts(2025)).toMatchObject({ 望城区: [2, 2, 'met'], 长沙县: [2, 2, 'met'], 浏阳市: [4, 4, 'met'], 宁乡市: [4, 4, 'met'] });
    // The gap screen says what it counted in 2025: 开福区's six (5 relocations, 1 expansion), the 河西新院 and the 12
    // upgrades; the 其他项目 (the 云平台) change no facility, so are not among them.
    const r = await svc.call('gaps.evaluate', { scenarioId: BASE, standardId: 'changsha-primary-2025', year: 2025, onlyShort: false });
    expect(r.notes).toContain('机构按 2025 年计：已计入截至该年的规划项目 19 个（新建 1 个、迁建 5 个、扩建 1 个、升级 12 个）');
  });

  it("资阳区's sub-centres (its own set, §三(一)1) are counted from 2030, the end of “十五五”: none in 2025", async () => {
    const named = async (year: number) => {
      const r: GapReportOut = await svc.call('gaps.evaluate', { scenarioId: BASE, standardId: 'ziyang-2025', year, level: 'township', onlyShort: false });
      return Object.fromEntries(r.results.filter((x) => x.target === 'sub-centres' && x.scope === 'township').map((x) => [x.name, x.value]));
    };
    expect(await named(2025)).toEqual({ 新桥河镇: 0, 茈湖口镇: 0 });
    expect(await named(2030)).toEqual({ 新桥河镇: 1, 茈湖口镇: 1 });
  });

  it("62号's 河西新院 stands in 岳麓区 from 2025 as a second 长沙市妇幼保健院 site, its figures empty (the document gives none)", async () => {
    const at = async (year: number) => (await svc.call('timeline.facilities', { scenarioId: BASE, year })).facilities.find((f) => f.id === 'F430111-R04-HX');
    expect(await at(2024)).toBeUndefined();
    const hx = (await at(2025))!;
    expect(hx).toMatchObject({ name: '长沙市妇幼保健院（河西新院）', type: 'mch_centre', beds_open: null, physicians: null });
    expect(hx.unit_code.slice(0, 6)).toBe('430104'); // 岳麓区, west of the 湘江
  });

  it('the timeline counts 14 projects in 2025 and 3 in 2030, none costed', async () => {
    const s = await svc.call('timeline.summary', { scenarioId: BASE, standardId: 'changsha-primary-2025', fromYear: 2024, toYear: 2030 });
    expect(s.years.map((y) => y.projects.length)).toEqual([1, 14, 0, 0, 0, 0, 3]); // 2024: 开福区's 秀峰
    expect(s.cost).toMatchObject({ total: 0, uncosted: 18 });
    // The default range runs from the year before the first project (2022) to the year after the last (2030).
    const d = await svc.call('timeline.summary', { scenarioId: BASE, standardId: 'kaifu-2024' });
    expect([d.fromYear, d.toYear]).toEqual([2021, 2031]);
  });

  it('exports as the projects sheet and imports back unchanged (all 23)', async () => {
    const f = await svc.call('projects.export', { scenarioId: BASE, format: 'xlsx' });
    const r = await svc.call('projects.import', { scenarioId: BASE, file: { fileName: 'p.xlsx', dataBase64: f.dataBase64 }, dryRun: true });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, rows: 23, added: 0, changed: 0, unchanged: 23, removed: 0 });
  });
});
