// One contract suite, run against every door: the service called directly and over HTTP.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService } from '../../electron/backend/service.ts';
import { startWebDoor, type WebDoor } from '../../electron/web/server.ts';
import type { ApiArgs, ApiMethod, ApiResult, Reply } from '../../shared/api/contract.ts';
import { tmpDir } from '../backend/tmp.ts';

type Call = <M extends ApiMethod>(method: M, args: ApiArgs<M>) => Promise<ApiResult<M>>;
/** `revision`: the open plan's revision — the service's own (direct), the last reply's (http). */
interface Door {
  call: Call;
  raw: (method: string, args: unknown) => Promise<unknown>;
  revision(): number;
  close(): Promise<void>;
}

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const gbk = (s: string) => b64(iconv.encode(s, 'gb18030'));

async function directDoor(home: string): Promise<Door> {
  const svc = createPlannerService({ home, door: 'direct' });
  const raw = (m: string, a: unknown) => svc.invoke(m, a);
  return { raw, call: raw as Call, revision: () => svc.revision(), close: async () => svc.close() };
}

async function httpDoor(home: string): Promise<Door & { web: WebDoor }> {
  const web = await startWebDoor({ home });
  let revision = -1;
  const raw = async (m: string, a: unknown) => {
    const res = await fetch(`http://127.0.0.1:${web.port}/api/${m}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-HealthPlan-Token': web.token },
      body: JSON.stringify(a),
    });
    const body = (await res.json()) as Reply;
    expect(body.revision, `${m}: the reply's revision`).toBeTypeOf('number');
    revision = body.revision;
    if (!body.ok) throw Object.assign(new Error(body.error.message), body.error);
    return body.result;
  };
  return { web, raw, call: raw as Call, revision: () => revision, close: () => web.close() };
}

const UNITS_CSV = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  '430105000000,开福区,,区,820790,112.985,28.256,2020',
  '430105001000,东风路街道,430105000000,街道,61000,112.99,28.22,2020',
  '430105002000,沙坪街道,430105000000,街道,52000,113.01,28.34,2020',
].join('\r\n');
const FACILITIES_GOOD = [
  '机构编码,机构名称,机构类型,所在区划代码,实有床位,执业（助理）医师,注册护士,全科医生,公共卫生医师,救护车,中医馆',
  'F1,东风路街道社区卫生服务中心,社区卫生服务中心,430105001000,30,12,15,4,1,0,是',
  'F2,沙坪街道社区卫生服务中心,社区卫生服务中心,430105002000,45,14,18,5,2,1,否',
].join('\r\n');
const FACILITIES_BAD = [
  '机构编码,机构名称,机构类型,所在区划代码,实有床位',
  'F3,新河街道社区卫生服务中心,社区卫生服务中心,430105001000,二十',
  'F4,不存在的中心,社区卫生服务中心,999999999999,10',
  'F3,重复编码,社区卫生服务中心,430105001000,5',
].join('\r\n');

for (const [doorName, makeDoor] of [
  ['direct', directDoor],
  ['http', httpDoor],
] as const) {
  describe(`contract over the ${doorName} door`, () => {
    const home = tmpDir();
    let door: Door;
    const codeOf = async (p: Promise<unknown>) => {
      try {
        await p;
        return 'no error';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    beforeAll(async () => {
      door = await makeDoor(home);
    });
    afterAll(async () => door.close());

    it('starts with no plan open and says where plans go', async () => {
      const s = await door.call('app.status', {});
      expect(s.plan).toBeNull();
      expect(s.plansDir).toBe(path.join(home, 'plans'));
      // Neither door here owns a window to end: no 退出 in the 文件 menu.
      expect(s.canQuit).toBe(false);
      expect(door.revision()).toBe(0); // no plan: revision 0
    });

    it('rejects unknown methods and invalid arguments', async () => {
      expect(await codeOf(door.raw('plan.delete', {}))).toBe('UNKNOWN_METHOD');
      expect(await codeOf(door.raw('units.list', { scenarioId: 'baseline' }))).toBe('INVALID_ARGS');
      expect(await codeOf(door.raw('units.list', { scenarioId: 1 }))).toBe('NO_PLAN');
      // Only the Electron door has a system file dialog and prints with Chromium; the others say so.
      expect(await codeOf(door.call('app.pickPath', { purpose: 'open' }))).toBe('UNAVAILABLE');
      expect(await codeOf(door.call('app.printBrief', { scenarioId: 1 }))).toBe('UNAVAILABLE');
      expect(await codeOf(door.call('app.quit', {}))).toBe('UNAVAILABLE');
    });

    it('creates a plan with a baseline, and refuses to overwrite it', async () => {
      const info = await door.call('plan.new', { path: 'contract', name: '合同测试' });
      expect(info.path).toBe(path.join(home, 'plans', 'contract.hplan'));
      expect(info.name).toBe('合同测试');
      expect(info.counts.scenarios).toBe(1);
      expect(await codeOf(door.call('plan.new', { path: 'contract' }))).toBe('CONFLICT');
      expect((await door.call('scenarios.list', {})).map((s) => [s.id, s.name, s.baseline])).toEqual([[1, '基线', true]]);
    });

    it('carries the plan revision: one more for each committed write, unchanged by reads and by refused writes', async () => {
      // 0 before (first test); plan.new opened a plan: 1. The refused second plan.new changed nothing.
      expect(door.revision()).toBe(1);
      await door.call('plan.info', {});
      await door.call('scenarios.list', {});
      await door.call('units.list', { scenarioId: 1 });
      expect(door.revision()).toBe(1); // reads
      await door.call('plan.rename', { name: '合同测试（改）' });
      expect(door.revision()).toBe(2);
      await door.call('plan.rename', { name: '合同测试' });
      expect(door.revision()).toBe(3);
      // Refused inside the write's transaction (rolled back), and refused before it: no change.
      expect(await codeOf(door.call('scenarios.rename', { id: 1, name: '不能改' }))).toBe('CONFLICT');
      expect(await codeOf(door.raw('plan.rename', { name: '' }))).toBe('INVALID_ARGS');
      expect(door.revision()).toBe(3);
      expect((await door.call('plan.info', {})).name).toBe('合同测试');
      expect(door.revision()).toBe(3);
    });

    it('imports GBK units and then facilities, reporting what was added', async () => {
      const units = await door.call('table.import', { table: 'units', scenarioId: 1, file: { fileName: '单位.csv', dataBase64: gbk(UNITS_CSV) } });
      expect(units.problems).toEqual([]);
      expect(units).toMatchObject({ ok: true, encoding: 'gb18030', added: 3, changed: 0 });
      const fac = await door.call('table.import', {
        table: 'facilities',
        scenarioId: 1,
        file: { fileName: '机构.csv', dataBase64: b64(`\ufeff${FACILITIES_GOOD}`) },
      });
      expect(fac).toMatchObject({ ok: true, added: 2 });
      const list = await door.call('facilities.list', { scenarioId: 1 });
      expect(list.map((f) => [f.id, f.type, f.beds_open, f.physicians, f.tcm_hall])).toEqual([
        ['F1', 'chc', 30, 12, true],
        ['F2', 'chc', 45, 14, false],
      ]);
      const info = await door.call('plan.info', {});
      expect(info.counts).toMatchObject({ unitsByKind: { county: 1, street: 2 }, facilitiesByType: { chc: 2 }, population: 820790 });
    });

    it('rejects a bad file whole, listing every problem with its row and column', async () => {
      const r = await door.call('table.import', { table: 'facilities', scenarioId: 1, file: { fileName: 'bad.csv', dataBase64: b64(FACILITIES_BAD) } });
      expect(r.ok).toBe(false);
      const where = r.problems.map((p) => [p.row, p.column]);
      expect(where).toContainEqual([2, '实有床位']);
      expect(where).toContainEqual([3, '所在区划代码']);
      expect(where.some(([row]) => row === 4)).toBe(true);
      expect((await door.call('facilities.list', { scenarioId: 1 })).map((f) => f.id)).toEqual(['F1', 'F2']);
    });

    it('refuses parent codes that would form a loop, by edit and by import', async () => {
      // 开福区 430105000000 is the parent of 东风路街道 430105001000 and 沙坪街道 430105002000.
      expect(await codeOf(door.call('units.update', { scenarioId: 1, code: '430105000000', field: 'parent_code', value: '430105001000' }))).toBe(
        'INVALID_ARGS',
      );
      const loop = b64('区划代码,名称,上级区划代码,类型\r\n430105000000,开福区,430105002000,区\r\n');
      const r = await door.call('table.import', { table: 'units', scenarioId: 1, file: { fileName: 'loop.csv', dataBase64: loop } });
      expect(r.ok).toBe(false);
      expect(r.problems.map((p) => [p.row, p.column])).toEqual([[2, '上级区划代码']]);
      expect(r.problems[0]!.message).toContain('循环');
      expect((await door.call('units.list', { scenarioId: 1 })).find((u) => u.code === '430105000000')!.parent_code).toBeNull();
    });

    it('keeps scenario edits out of the baseline; copy, rename, delete', async () => {
      const s = await door.call('scenarios.create', { name: '新增床位' });
      await door.call('facilities.update', { scenarioId: s.id, id: 'F1', field: 'beds_open', value: 80 });
      expect((await door.call('facilities.list', { scenarioId: s.id })).find((f) => f.id === 'F1')!.beds_open).toBe(80);
      expect((await door.call('facilities.list', { scenarioId: 1 })).find((f) => f.id === 'F1')!.beds_open).toBe(30);
      const copy = await door.call('scenarios.create', { name: '复制', copyFrom: s.id });
      expect((await door.call('facilities.list', { scenarioId: copy.id })).find((f) => f.id === 'F1')!.beds_open).toBe(80);
      expect((await door.call('scenarios.rename', { id: copy.id, name: '方案二' })).name).toBe('方案二');
      expect(await codeOf(door.call('scenarios.create', { name: '方案二' }))).toBe('CONFLICT');
      expect(await codeOf(door.call('scenarios.delete', { id: 1 }))).toBe('CONFLICT');
      expect(await codeOf(door.call('scenarios.rename', { id: 1, name: 'x' }))).toBe('CONFLICT');
      await door.call('scenarios.delete', { id: copy.id });
      expect((await door.call('scenarios.list', {})).map((x) => x.name)).toEqual(['基线', '新增床位']);
      expect(await codeOf(door.call('facilities.list', { scenarioId: copy.id }))).toBe('NOT_FOUND');
    });

    it('validates a cell edit and undoes/redoes it', async () => {
      expect(await codeOf(door.call('facilities.update', { scenarioId: 1, id: 'F2', field: 'beds_open', value: -1 }))).toBe('INVALID_ARGS');
      expect(await codeOf(door.call('facilities.update', { scenarioId: 1, id: 'F2', field: 'no_such', value: 1 }))).toBe('INVALID_ARGS');
      expect(await codeOf(door.call('facilities.update', { scenarioId: 1, id: 'F2', field: 'unit_code', value: '1' }))).toBe('INVALID_ARGS');
      expect(await codeOf(door.call('facilities.update', { scenarioId: 1, id: 'F2', field: 'id', value: 'F9' }))).toBe('INVALID_ARGS');
      // Occupancy is stored as a share (1.05 = 105%); 85 would be 8,500%.
      expect(await codeOf(door.call('facilities.update', { scenarioId: 1, id: 'F2', field: 'bed_occupancy_rate', value: 85 }))).toBe('INVALID_ARGS');
      expect((await door.call('facilities.update', { scenarioId: 1, id: 'F2', field: 'bed_occupancy_rate', value: 1.05 })).bed_occupancy_rate).toBe(1.05);
      expect((await door.call('units.update', { scenarioId: 1, code: '430105002000', field: 'population', value: 60000 })).population).toBe(60000);
      expect((await door.call('facilities.update', { scenarioId: 1, id: 'F2', field: 'nurses', value: 20 })).nurses).toBe(20);
      let st = await door.call('edits.undo', { scenarioId: 1 });
      expect(st.redo).toEqual({ table: 'facilities', key: 'F2', field: 'nurses' });
      expect((await door.call('facilities.list', { scenarioId: 1 })).find((f) => f.id === 'F2')!.nurses).toBe(18);
      st = await door.call('edits.undo', { scenarioId: 1 });
      expect((await door.call('units.list', { scenarioId: 1 })).find((u) => u.code === '430105002000')!.population).toBe(52000);
      await door.call('edits.redo', { scenarioId: 1 });
      expect((await door.call('units.list', { scenarioId: 1 })).find((u) => u.code === '430105002000')!.population).toBe(60000);
      st = await door.call('edits.state', { scenarioId: 1 });
      expect(st).toEqual({ undo: { table: 'units', key: '430105002000', field: 'population' }, redo: { table: 'facilities', key: 'F2', field: 'nurses' } });
    });

    it('exports tables that re-import unchanged (xlsx and csv)', async () => {
      for (const table of ['units', 'facilities'] as const) {
        for (const format of ['xlsx', 'csv'] as const) {
          const out = await door.call('table.export', { table, scenarioId: 1, format });
          expect(out.fileName.endsWith(`.${format}`)).toBe(true);
          const back = await door.call('table.import', { table, scenarioId: 1, file: { fileName: out.fileName, dataBase64: out.dataBase64 } });
          expect(back.problems).toEqual([]);
          expect(back).toMatchObject({ ok: true, added: 0, changed: 0 });
          expect(back.unchanged).toBe(table === 'units' ? 3 : 2);
        }
      }
    });

    it("evaluates gaps against a shipped set and the plan's own copy; populations by year move them", async () => {
      // 开福区: 820,790 residents in 2020, 9 GPs (4 + 5): 0.1097 per 10,000 against 4 → ⌈328.3 − 9⌉ = 320 short.
      const q = { scenarioId: 1, standardId: 'kaifu-2024', year: 2020, level: 'region' as const, onlyShort: false };
      const gps = (r: { results: { target: string; value: number | null; shortfall: number | null; status: string }[] }) =>
        r.results.find((x) => x.target === 'gps-per-10000')!;
      expect(gps(await door.call('gaps.evaluate', q))).toMatchObject({ value: 0.1097, shortfall: 320, status: 'short' });
      const mine = await door.call('standards.copy', { from: 'kaifu-2024', id: 'kaifu-mine', name: '开福（本方案）' });
      await door.call('standards.save', { set: { ...mine, targets: mine.targets.map((t) => (t.id === 'gps-per-10000' ? { ...t, min: 0.1 } : t)) } });
      await door.call('gaps.setSettings', { standardId: 'kaifu-mine', year: 2020 });
      expect(gps(await door.call('gaps.evaluate', { ...q, standardId: undefined }))).toMatchObject({ shortfall: 0, status: 'met' });
      expect(await codeOf(door.call('standards.save', { set: { ...mine, id: 'kaifu-2024' } }))).toBe('CONFLICT');
      // A negative value is refused in the planner's words (issue 12): the target by its name, the field, the fix;
      // the raw issue stays in details for programs.
      const negative = await door
        .call('standards.save', { set: { ...mine, targets: mine.targets.map((t) => (t.id === 'gps-per-10000' ? { ...t, min: -1 } : t)) } })
        .then(
          () => null,
          (e: { code: string; message: string; messageEn: string; details: { path: unknown[] }[] }) => e,
        );
      expect(negative).toMatchObject({
        code: 'INVALID_ARGS',
        message: '指标「每万人口全科医生数」的「要求值」不能小于 0，请填写 0 或更大的数',
        messageEn: "Target 'GPs per 10,000 residents' — required value: must be 0 or more",
      });
      expect(negative!.details[0]!.path).toEqual(['set', 'targets', 0, 'min']);
      expect(await codeOf(door.call('gaps.evaluate', { ...q, standardId: 'Bad Id!' }))).toBe('INVALID_ARGS');
      // 2,000,000 residents in 2020 instead: 800 needed.
      await door.call('populations.set', {
        scenarioId: 1,
        figures: [{ code: '430105000000', year: 2020, population: 2_000_000, population_0_3: null, population_65_plus: null }],
      });
      expect(gps(await door.call('gaps.evaluate', q))).toMatchObject({ value: 0.045, shortfall: 791 });
      expect(await door.call('populations.list', { scenarioId: 1 })).toHaveLength(1);
      const sheet = await door.call('gaps.export', { ...q, format: 'csv' });
      expect(Buffer.from(sheet.dataBase64, 'base64').toString('utf8')).toContain('开政办发〔2022〕26号');
      await door.call('populations.set', {
        scenarioId: 1,
        figures: [{ code: '430105000000', year: 2020, population: null, population_0_3: null, population_65_plus: null }],
      });
    });

    it('places candidate actions by year within the money (分年度实施计划) and writes them as a scenario', async () => {
      // 开福区 in 2020: 9 GPs against 4 per 10,000 of 820,790 → 320 short. Two trainings of 10 GPs, 80 万元 each;
      // 100 万元 a year holds one a year, so the 2020 line is 310 short and the programme's scenario says the same.
      const q = {
        scenarioId: 1,
        standardId: 'kaifu-2024',
        fromYear: 2020,
        toYear: 2021,
        money: [
          { year: 2020, amount: 100 },
          { year: 2021, amount: 100 },
        ],
        candidates: {
          projects: true,
          own: [
            { id: 'gp1', name: '东风路全科医生培养', kind: 'expand' as const, facility_id: 'F1', deltas: { gps: 10 }, cost: 80 },
            { id: 'gp2', name: '沙坪全科医生培养', kind: 'expand' as const, facility_id: 'F2', deltas: { gps: 10 }, cost: 80 },
          ],
        },
      };
      const r = await door.call('programme.run', q);
      expect(r.years.map((y) => [y.year, y.actions.length, y.spent])).toEqual([
        [2020, 1, 80],
        [2021, 1, 80],
      ]);
      const gps = r.targets.find((t) => t.target === 'gps-per-10000')!;
      expect(gps.before['2020']).toMatchObject({ shortfall: 320 });
      expect(gps.by_year['2020']).toMatchObject({ shortfall: 310 });
      expect(await codeOf(door.call('programme.run', { ...q, fromYear: 2022 }))).toBe('INVALID_ARGS');
      const schedule = r.years.flatMap((y) => y.actions.map((a) => ({ action: a.id, year: y.year })));
      const s = await door.call('programme.apply', { scenarioId: 1, name: '实施计划', query: q, schedule });
      const g = await door.call('gaps.evaluate', { scenarioId: s.id, standardId: 'kaifu-2024', year: 2020, level: 'region', onlyShort: false });
      expect(g.results.find((x) => x.target === 'gps-per-10000')).toMatchObject({ shortfall: 310 });
      expect((await door.call('programme.get', { scenarioId: s.id }))!.placed).toHaveLength(2);
      expect(await door.call('programme.get', { scenarioId: 1 })).toBeNull();
      await door.call('scenarios.delete', { id: s.id });
    });

    it('saves as a new file and continues there; opens files by path; refuses what is not a plan', async () => {
      const info = await door.call('plan.saveAs', { path: 'copy' });
      expect(info.path).toBe(path.join(home, 'plans', 'copy.hplan'));
      expect(info.counts.facilitiesByType).toEqual({ chc: 2 });
      const status = await door.call('app.status', {});
      expect(status.recent.slice(0, 2)).toEqual([path.join(home, 'plans', 'copy.hplan'), path.join(home, 'plans', 'contract.hplan')]);
      fs.writeFileSync(path.join(home, 'note.txt'), 'hello');
      expect(await codeOf(door.call('plan.open', { path: path.join(home, 'note.txt') }))).toBe('NOT_A_PLAN');
      expect((await door.call('plan.open', { path: path.join(home, 'plans', 'contract.hplan') })).name).toBe('合同测试');
    });

    it('gives an import template for each table', async () => {
      const t = await door.call('table.template', { table: 'facilities', format: 'csv' });
      expect(Buffer.from(t.dataBase64, 'base64').toString('utf8')).toContain('机构名称');
    });

    it('road network and boundaries: import, summary, speeds, map layers; bad files refused', async () => {
      const roads = JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { highway: 'primary', oneway: 'yes' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [112.98, 28.2],
                [112.99, 28.2],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { highway: 'footway' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [112.98, 28.2],
                [112.98, 28.21],
              ],
            },
          },
          { type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'Point', coordinates: [112.98, 28.2] } },
        ],
      });
      const r = await door.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(roads) } });
      expect(r).toMatchObject({ ok: true, format: 'geojson', segments: 1, dropped: { footway: 1 }, skipped: 1, problems: [{ feature: 3 }] });
      expect(await door.call('roads.summary', {})).toMatchObject({ segments: 1, bbox: [112.98, 28.2, 112.99, 28.2], speeds: { primary: 55 } });
      expect((await door.call('roads.setSpeeds', { speeds: { primary: 50 } })).primary).toBe(50);
      expect(await codeOf(door.call('roads.setSpeeds', { speeds: { primary: 200 } }))).toBe('INVALID_ARGS');
      expect((await door.call('map.roads', { minClass: 'primary' })).features).toEqual([
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [112.98, 28.2],
              [112.99, 28.2],
            ],
          },
          properties: { highway: 'primary', oneway: 1 },
        },
      ]);
      expect(await codeOf(door.call('roads.import', { file: { fileName: 'roads.csv', dataBase64: b64('a,b\n') } }))).toBe('FILE_ERROR');
      const square = [
        [
          [112.98, 28.2],
          [112.99, 28.2],
          [112.99, 28.21],
          [112.98, 28.2],
        ],
      ];
      const b = await door.call('boundaries.import', {
        file: {
          fileName: 'b.geojson',
          dataBase64: b64(
            JSON.stringify({
              type: 'FeatureCollection',
              features: [
                { type: 'Feature', properties: { adcode: 430105 }, geometry: { type: 'Polygon', coordinates: square } },
                { type: 'Feature', properties: { name: '无此地' }, geometry: { type: 'Polygon', coordinates: square } },
              ],
            }),
          ),
        },
      });
      expect(b).toMatchObject({ ok: true, matched: 1, byCode: 1, unmatched: [{ feature: 2, name: '无此地' }] });
      expect(await door.call('boundaries.summary', {})).toEqual({ units: 1 });
      expect((await door.call('map.boundaries', {})).features.map((f) => f.properties)).toEqual([{ code: '430105000000', name: '开福区', kind: 'county' }]);
      expect(await door.call('roads.clear', {})).toEqual({ deleted: 1 });
    });
  });
}

describe('http door only', () => {
  const home = tmpDir();
  let web: WebDoor;
  beforeAll(async () => {
    web = await startWebDoor({ home });
  });
  afterAll(async () => web.close());

  it('listens on 127.0.0.1 and answers 401 without the token', async () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    const no = await fetch(`http://127.0.0.1:${web.port}/api/app.status`, { method: 'POST', body: '{}' });
    expect(no.status).toBe(401);
    // Refusals are the same envelope, with the revision (no plan: 0).
    expect(await no.json()).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: '缺少或错误的访问令牌', messageEn: 'Missing or wrong access token' },
      revision: 0,
    });
    const wrong = await fetch(`http://127.0.0.1:${web.port}/api/app.status`, { method: 'POST', body: '{}', headers: { 'X-HealthPlan-Token': 'x'.repeat(48) } });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`http://127.0.0.1:${web.port}/api/app.status`, { method: 'POST', body: '{}', headers: { 'X-HealthPlan-Token': web.token } });
    expect(ok.status).toBe(200);
  });

  it('answers a malformed body with 400', async () => {
    const r = await fetch(`http://127.0.0.1:${web.port}/api/app.status`, { method: 'POST', body: '{', headers: { 'X-HealthPlan-Token': web.token } });
    expect(r.status).toBe(400);
  });
});
