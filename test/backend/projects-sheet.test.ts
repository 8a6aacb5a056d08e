// 规划项目 as a sheet (projects.export / projects.import, io/projects-sheet.ts): a hand-made 开福区 with
// every kind of project, exported and imported back to the same projects; a planner's own sheet naming
// facilities by name; refusals that name the row, the column and the fix; and `healthplan projects`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { ProjectOut } from '../../shared/api/contract.ts';
import type { ProjectInput } from '../../shared/timeline/project.ts';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const BASE = 1;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const csv = (...lines: string[]) => ({ fileName: 'p.csv', dataBase64: b64(lines.join('\r\n')) });

const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  '430105000000,开福区,,区,100000,113.0,28.28,2020',
  '430105001000,东风路街道,430105000000,街道,50000,112.99,28.22,2020',
  '430105001001,东一社区,430105001000,社区,50000,112.99,28.22,2020',
  '430105002000,沙坪街道,430105000000,街道,50000,113.01,28.34,2020',
  '430105002001,沙一社区,430105002000,社区,50000,113.01,28.34,2020',
].join('\r\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度,实有床位,业务用房面积',
  'H1,开福区人民医院,二级医院,430105001001,112.991,28.221,300,30000',
  'CHC1,东风路街道社区卫生服务中心,社区卫生服务中心,430105001000,112.992,28.222,20,1200',
  'CHC2,沙坪街道社区卫生服务中心,社区卫生服务中心,430105002000,113.011,28.341,0,900',
  'CHC3,沙坪街道社区卫生服务中心,社区卫生服务中心,430105002001,113.012,28.342,0,600',
].join('\r\n');

const listed = () => svc.call('projects.list', { scenarioId: BASE });
const strip = (ps: ProjectOut[]) => ps.map(({ problems: _, ...p }) => p);

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'projects-sheet' });
  const r = await svc.call('tables.import', {
    scenarioId: BASE,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
  const add = (project: ProjectInput) => svc.call('projects.add', { scenarioId: BASE, project });
  await add({
    year: 2023,
    kind: 'expand',
    facility_id: 'H1',
    deltas: { beds_open: 40, floor_area_m2: 2000.5 },
    cost: 1200,
    source_document: '开政办发〔2022〕26号',
    source_clause: '§四(一)3',
    responsible_unit: '区卫生健康局',
    status: 'building',
  });
  await add({
    year: 2024,
    kind: 'new',
    type: 'chc',
    lon: 113.0,
    lat: 28.3,
    facility_name: '新河街道社区卫生服务中心',
    fields: { beds_open: 30, tcm_hall: true },
  });
  await add({ year: 2025, kind: 'expand', facility_id: 'NEW-chc-1', deltas: { beds_open: -5 } });
  await add({ year: 2024, kind: 'relocate', facility_id: 'CHC1', lon: 112.995, lat: 28.225, facility_name: '东风路街道社区卫生服务中心（新址）' });
  await add({ year: 2025, kind: 'upgrade', facility_id: 'CHC2', type: 'community_hospital', deltas: { beds_open: 50 } });
  await add({ year: 2026, kind: 'close', facility_id: 'CHC3', note: '并入沙坪' });
  await add({ year: 2025, kind: 'other', name: '区域全民健康信息平台', cost: 800.25, responsible_unit: '区卫生健康局', status: 'done' });
});
let closed = false;
afterAll(() => {
  if (!closed) svc.close();
});

describe('projects sheet', () => {
  it('exports every kind (xlsx and csv) and imports back to the same projects: all unchanged', async () => {
    const before = await listed();
    expect(before).toHaveLength(7);
    for (const format of ['xlsx', 'csv'] as const) {
      const f = await svc.call('projects.export', { scenarioId: BASE, format });
      expect(f.fileName).toMatch(new RegExp(`规划项目\\.${format}$`));
      const r = await svc.call('projects.import', { scenarioId: BASE, file: { fileName: `p.${format}`, dataBase64: f.dataBase64 } });
      expect(r.problems).toEqual([]);
      expect(r).toMatchObject({ ok: true, table: 'projects', rows: 7, added: 0, changed: 0, unchanged: 7, removed: 0 });
      expect(await listed()).toEqual(before);
    }
    const text = Buffer.from((await svc.call('projects.export', { scenarioId: BASE, format: 'csv' })).dataBase64, 'base64').toString('utf8');
    const header = text.replace(/^\ufeff/, '').split('\r\n')[0]!;
    expect(header).toBe(
      '编号,年份,项目类型,项目名称,机构编码,机构名称,变化,投资（万元）,来源文件,条款,备注,责任单位,状态,新名称,机构类型,经度,纬度,所在区划代码,新增实有床位,新增业务用房面积(平方米),中医馆',
    );
    expect(text).toContain('其他项目,区域全民健康信息平台,,,不改变机构（仅计投资）,800.25,,,,区卫生健康局,完工');
  });

  it('into a new scenario (the numbers are of another): added, facilities by name, the same projects under new numbers', async () => {
    const f = await svc.call('projects.export', { scenarioId: BASE, format: 'xlsx' });
    const s = await svc.call('scenarios.create', { name: '导入测试' });
    const r = await svc.call('projects.import', { scenarioId: s.id, file: { fileName: 'p.xlsx', dataBase64: f.dataBase64 }, replace: true });
    // The copy has the same projects with its own numbers: each row's number is not one of its, so added; the copies removed.
    expect(r).toMatchObject({ ok: true, added: 7, removed: 7, changed: 0 });
    const norm = (ps: ProjectOut[]) => strip(ps).map(({ id: _, ...p }) => p);
    expect(norm(await svc.call('projects.list', { scenarioId: s.id }))).toEqual(norm(await listed()));
  });

  it("a planner's sheet: a facility by its name, 新增 columns, 状态 words; dry run writes nothing", async () => {
    const file = csv(
      '年份,项目类型,项目名称,机构名称,新增实有床位,投资估算（万元）,责任单位,状态,序号',
      '2027,扩建,人民医院扩建二期,开福区人民医院,60,"1,500",开福区人民医院,在建,1',
      '2027,其他,基层设备配置,,,300,区卫生健康局,,2',
    );
    const dry = await svc.call('projects.import', { scenarioId: BASE, file, dryRun: true });
    expect(dry).toMatchObject({ ok: true, added: 2, unchanged: 0, dryRun: true, ignoredColumns: ['序号'] });
    expect(await listed()).toHaveLength(7);
    const r = await svc.call('projects.import', { scenarioId: BASE, file });
    expect(r).toMatchObject({ ok: true, added: 2 });
    const ps = await listed();
    expect(ps.find((p) => p.name === '人民医院扩建二期')).toMatchObject({
      kind: 'expand',
      facility_id: 'H1',
      deltas: { beds_open: 60 },
      cost: 1500,
      status: 'building',
      responsible_unit: '开福区人民医院',
    });
    expect(ps.find((p) => p.name === '基层设备配置')).toMatchObject({ kind: 'other', facility_id: null, cost: 300, status: 'planned' });
  });

  it('refuses the whole sheet, each problem with its row, column and fix', async () => {
    const before = await listed();
    const r = await svc.call('projects.import', {
      scenarioId: BASE,
      file: csv(
        '年份,项目类型,项目名称,机构名称,机构编码,新增实有床位,状态',
        '2027,扩建,,沙坪街道社区卫生服务中心,,10,', // two facilities have that name
        '2027,扩建,,不存在的中心,,10,', // none has it
        '1990,扩建,,,H1,10,', // year out of range
        '2027,拆除,,,H1,10,', // not a kind
        '2027,其他项目,,,,,', // other: no name
        '2027,扩建,,,H1,十,', // not a number
        '2027,扩建,,,H1,10,快完了', // not a status
      ),
    });
    expect(r.ok).toBe(false);
    const at = r.problems.map((p) => [p.row, p.column]);
    expect(at).toEqual([
      [2, '机构名称'],
      [3, '机构名称'],
      [4, '年份'],
      [5, '项目类型'],
      [6, '项目名称'],
      [7, '新增实有床位'],
      [8, '状态'],
    ]);
    expect(r.problems[0]!.message).toBe('第 2 行「机构名称」：名为「沙坪街道社区卫生服务中心」的机构有 2 个（CHC2、CHC3）：请在「机构编码」中填写其中一个');
    expect(r.problems[1]!.message).toContain('请核对名称，或填写「机构编码」');
    expect(r.problems[2]!.message).toBe('第 4 行「年份」的值「1990」无效：请填写整数（2000–2100）');
    expect(r.problems[3]!.message).toContain('请填写 新建、迁建、扩建、升级、撤并 或 其他项目');
    expect(r.problems[4]!.message).toContain('其他项目须填写项目名称');
    expect(r.problems[6]!.messageEn).toContain('write 计划, 在建 or 完工');
    expect(await listed()).toEqual(before);
  });

  it('a sheet without 年份 or 项目类型 is refused at its header', async () => {
    const r = await svc.call('projects.import', { scenarioId: BASE, file: csv('项目名称,机构编码', 'x,H1') });
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [1, '年份'],
      [1, '项目类型'],
    ]);
  });
});

describe('healthplan projects', () => {
  let atRest = ''; // the plan copied once the service let it go
  it('list, export and import back (dry run), and refuses a bad sheet with exit 1', async () => {
    const dir = tmpDir();
    const cli = cliIn(dir);
    const plan = path.join(dir, 'p.hplan');
    const src = (await svc.call('plan.info', {})).path;
    svc.close();
    closed = true; // the file at rest, unlocked
    fs.copyFileSync(src, plan);
    atRest = plan;
    const list = cli.healthplan('projects', 'list', plan, '--lang', 'en');
    expect(list.err).toBe('');
    expect(list.out).toMatch(/^9 projects; cost given 3,800\.25 ×10k yuan/); // 1,200 + 800.25 + 1,500 + 300
    expect(list.out).toContain('Other project\tDone\t区域全民健康信息平台 [no facility]');
    // The plan alone lists too.
    expect(cli.healthplan('projects', plan, '--lang', 'en').out).toBe(list.out);
    const out = path.join(dir, 'p.xlsx');
    expect(cli.healthplan('projects', 'export', plan, out).code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    const back = cli.healthplan('projects', 'import', plan, out, '--dry-run', '--lang', 'en');
    expect(back.out).toContain('9 rows; would add 0, changed 0, unchanged 9, removed 0');
    const bad = cli.file('bad.csv', '年份,项目类型\r\n2027,拆除\r\n');
    const refused = cli.healthplan('projects', 'import', plan, bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('第 2 行「项目类型」的值「拆除」不是项目类型');
  });

  it('import --replace writes: a one-row sheet leaves that project alone', () => {
    const dir = tmpDir();
    const cli = cliIn(dir);
    const plan = path.join(dir, 'p.hplan');
    fs.copyFileSync(atRest, plan);
    const one = cli.file('one.csv', '年份,项目类型,项目名称,投资估算（万元）,责任单位,状态\r\n2026,其他项目,基层医疗设备更新,450,区卫生健康局,计划\r\n');
    const r = cli.healthplan('projects', 'import', plan, one, '--replace', '--lang', 'en');
    expect(r.err).toBe('');
    expect(r.out).toContain('1 rows; added 1, changed 0, unchanged 0, removed 9');
    expect(cli.healthplan('projects', 'list', plan, '--lang', 'en').out).toMatch(/^1 projects; cost given 450 ×10k yuan/);
  });

  it('says how to call it: --help names list, export and import; a wrong call exits 2 with the usage', () => {
    const cli = cliIn(tmpDir());
    const help = cli.healthplan('projects', '--help', '--lang', 'en');
    expect(help.code).toBe(0);
    for (const verb of ['list', 'export', 'import']) expect(help.out).toContain(`healthplan projects ${verb} <file.hplan>`);
    expect(cli.healthplan('projects', 'export', 'p.hplan').code).toBe(2); // no sheet
    expect(cli.healthplan('projects', 'list', 'p.hplan', 'x.xlsx', '--lang', 'en').err).toContain('usage: healthplan projects list <file.hplan>');
    expect(cli.healthplan('projects', 'p.hplan', '--export', 'x.xlsx').code).toBe(2); // the old flag form is gone
    const stray = cli.healthplan('projects', 'list', 'p.hplan', '--dry-run', '--lang', 'en');
    expect([stray.code, stray.err.trim()]).toEqual([2, '--replace and --dry-run go with import']);
  });
});
