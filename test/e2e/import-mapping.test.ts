// End-to-end (issue 16, "Done when"): a facility sheet as a 卫健委's statistics export writes it — a merged title
// row, a two-row header (卫生技术人员 → 执业（助理）医师数 | 全科医生人数), headers outside the alias list (机构代码,
// 单位名称, 所在乡镇（街道）编码, 机构类别, 经度(°), 实有床位（张）), a 合计 row and a 卫生机构类别 code the tool does not
// plans (D110, 综合门诊部) — imported into the sample through the mapping step: the step shows the guesses, 确认并导入, the
// unknown type mapped in the report and 重新导入; the same sheet again imports with no step (the plan remembers the
// layout). The mapping saved from the step is the CLI's --map FILE: `healthplan import --map` gives the same rows.
// Screenshots: test-results/screenshots/import-mapping-*.png (1280×720).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliIn } from '../backend/cli-run.ts';
import { tmpDir } from '../backend/tmp.ts';
import { launchApp, openUnits, screenshot, type App } from './harness.ts';

const home = tmpDir('hp-e2e-mapping-');
let app: App;
const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
const row = (header: string) => q('mapping-row').and(app.page.locator(`[data-header="${header}"]`));

// 沙坪街道 and 捞刀河街道 of 开福区 in the sample (data/admin/townships.csv).
const SHAPING = '430105019000';
const LAODAOHE = '430105020000';

async function statisticsSheet(file: string, beds = ['28', '45', '0'], other?: { name: string; beds: string[] }): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, '医疗机构', beds);
  if (other) addSheet(wb, other.name, other.beds);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

function addSheet(wb: ExcelJS.Workbook, name: string, beds: string[]): void {
  const ws = wb.addWorksheet(name);
  const top = [
    '机构代码',
    '单位名称',
    '所在乡镇（街道）编码',
    '机构类别',
    '经度(°)',
    '纬度',
    '编制床位数',
    '实有床位（张）',
    '卫生技术人员',
    '卫生技术人员',
    '备注',
  ];
  ws.addRow(['2023年开福区医疗卫生机构基本情况']);
  ws.mergeCells('A1:K1');
  ws.addRow(top);
  ws.addRow([...top.slice(0, 8), '执业（助理）医师数', '全科医生人数', '备注']);
  for (const c of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'K']) ws.mergeCells(`${c}2:${c}3`);
  ws.mergeCells('I2:J2');
  ws.addRow(['T001', '沙坪街道第二社区卫生服务中心', SHAPING, '社区卫生服务中心', '113.0123', '28.3012', '30', beds[0], '12', '5', '']);
  ws.addRow(['T002', '捞刀河街道第二社区卫生服务中心', LAODAOHE, '社区卫生服务中心', '113.0456', '28.2789', '40', beds[1], '15', '6', '新建']);
  ws.addRow(['T003', '捞刀河街道大明社区卫生服务站', LAODAOHE, 'D110', '113.0511', '28.2811', '0', beds[2], '3', '1', '']);
  ws.addRow(['合计', '', '', '', '', '', '70', String(beds.reduce((s, b) => s + Number(b), 0)), '30', '12', '']);
}

type Row = {
  id: string;
  unit_code: string;
  type: string;
  beds_open: number | null;
  beds_approved: number | null;
  physicians: number | null;
  gps: number | null;
  lon: number | null;
  lat: number | null;
};
const pick = (f: Row) => [f.id, f.unit_code, f.type, f.beds_open, f.beds_approved, f.physicians, f.gps, f.lon, f.lat];
// Hand-copied from the sheet: 实有床位（张）→ beds_open, 编制床位数 → beds_approved, the two-row header's 执业（助理）医师数
// and 全科医生人数 → physicians and gps; D110 read as 社区卫生服务站 once the planner says so.
const EXPECTED = [
  ['T001', SHAPING, 'chc', 28, 30, 12, 5, 113.0123, 28.3012],
  ['T002', LAODAOHE, 'chc', 45, 40, 15, 6, 113.0456, 28.2789],
  ['T003', LAODAOHE, 'chs_station', 0, 0, 3, 1, 113.0511, 28.2811],
];
const ours = async () => ((await app.door.service.call('facilities.list', { scenarioId: 1 })) as Row[]).filter((f) => f.id.startsWith('T00')).map(pick);

async function openImport(file: string) {
  await app.page.click('[data-testid=menu-file]');
  await app.page.click('[data-testid=menuitem-file-import-facilities]');
  await q('import-file-input').setInputFiles(file);
}

describe('importing a statistics sheet through the mapping step', () => {
  let sheet: string;
  let savedMapping: string;
  beforeAll(async () => {
    sheet = await statisticsSheet(path.join(home, '开福区机构统计.xlsx'));
    app = await launchApp(home, { width: 1280, height: 720 });
    await openUnits(app.page);
  });
  afterAll(async () => app?.close());

  it('shows the step: each column, its first values, the field it fills, how it was found; guesses highlighted', async () => {
    await openImport(sheet);
    await q('mapping-step').waitFor();
    expect(await q('mapping-step').textContent()).toContain('表头第 2 行'); // under the merged title
    // The two-row header flattened: 卫生技术人员/执业（助理）医师数 is exact by its sub-header, 全科医生人数 a guess.
    expect(await row('所在乡镇（街道）编码').getAttribute('data-how')).toBe('guess');
    expect(await row('所在乡镇（街道）编码').getAttribute('data-field')).toBe('unit_code');
    expect(await row('卫生技术人员/全科医生人数').getAttribute('data-how')).toBe('guess');
    expect(await row('卫生技术人员/全科医生人数').getAttribute('data-field')).toBe('gps');
    expect(await row('机构代码').getAttribute('data-how')).toBe('exact');
    expect(await row('备注').getAttribute('data-field')).toBe('');
    expect(await row('所在乡镇（街道）编码').textContent()).toContain('猜测');
    expect(await row('所在乡镇（街道）编码').textContent()).toContain(SHAPING); // its first values
    expect(await row('所在乡镇（街道）编码').getAttribute('class')).toContain('is-guess');
    expect(await q('mapping-allset').count()).toBe(1);
    expect(await q('dialog-submit').textContent()).toBe('确认并导入');
    await screenshot(app.page, 'import-mapping-01-step');

    // A required field left without a column names it and holds the import back; two columns on one field too.
    await row('所在乡镇（街道）编码').locator('select').selectOption('');
    expect(await q('mapping-missing').textContent()).toBe('还缺必填字段：所在区划代码');
    expect(await q('dialog-submit').isDisabled()).toBe(true);
    await row('所在乡镇（街道）编码').locator('select').selectOption('id');
    expect(await q('mapping-duplicate').textContent()).toContain('「机构编码」被多列填入：「机构代码」、「所在乡镇（街道）编码」');
    expect(await q('dialog-submit').isDisabled()).toBe(true);
    await screenshot(app.page, 'import-mapping-02-missing');
    await row('所在乡镇（街道）编码').locator('select').selectOption('unit_code');
    expect(await q('dialog-submit').isDisabled()).toBe(false);

    // Saved as a file: the JSON the CLI's --map FILE reads.
    const [download] = await Promise.all([app.page.waitForEvent('download'), q('mapping-save').click()]);
    savedMapping = path.join(home, 'map.json');
    await download.saveAs(savedMapping);
    expect(JSON.parse(fs.readFileSync(savedMapping, 'utf8'))).toMatchObject({
      '所在乡镇（街道）编码': 'unit_code',
      '卫生技术人员/全科医生人数': 'gps',
      机构代码: 'id',
      备注: null,
    });
  });

  it('确认并导入: D110 is listed with its row, mapped to 社区卫生服务站, 重新导入 writes the three rows', async () => {
    await q('dialog-submit').click();
    await q('import-failed').waitFor();
    expect(await q('import-unknown-type').textContent()).toContain('未识别的机构类型「D110」：1 行（第 6 行）');
    const notes = await q('import-note').allTextContents();
    expect(notes.some((n) => n.includes('合计'))).toBe(true); // the 合计 row passed over, said
    expect(await ours()).toEqual([]); // all or nothing
    await screenshot(app.page, 'import-mapping-03-unknown-type');
    await q('import-unknown-type-select').selectOption('chs_station');
    await q('import-alias-saved').waitFor();
    await q('import-retry').click();
    await q('import-success').waitFor();
    expect(await q('import-success').textContent()).toBe('导入完成：新增 3 条，修改 0 条，未变 0 条');
    expect(await ours()).toEqual(EXPECTED);
    await q('dialog-submit').click(); // 关闭
  });

  it('the same layout again: no step, the remembered mapping said in one line, the same rows', async () => {
    const next = await statisticsSheet(path.join(home, '开福区机构统计-2.xlsx'), ['28', '50', '0']);
    await openImport(next);
    await q('mapping-remembered').waitFor();
    expect(await q('mapping-step').count()).toBe(0);
    expect(await q('dialog-submit').textContent()).toBe('导入');
    await screenshot(app.page, 'import-mapping-04-remembered');
    await q('dialog-submit').click();
    await q('import-success').waitFor();
    expect(await q('import-success').textContent()).toBe('导入完成：新增 0 条，修改 1 条，未变 2 条');
    expect((await ours())[1]![3]).toBe(50);
    await q('dialog-submit').click();
    // 更改对应… reopens the step with the remembered mapping.
    await openImport(sheet);
    await q('mapping-change').click();
    await q('mapping-step').waitFor();
    expect(await row('卫生技术人员/全科医生人数').getAttribute('data-field')).toBe('gps');
    await q('dialog-cancel').click();
  });

  it('a workbook of two sheets: the sheet picker lists both, and the one chosen is read (with the remembered mapping)', async () => {
    const two = await statisticsSheet(path.join(home, '两个工作表.xlsx'), ['28', '50', '0'], { name: '2024年', beds: ['28', '60', '0'] });
    await openImport(two);
    await q('mapping-remembered').waitFor();
    expect(await q('import-sheet').locator('option').allTextContents()).toEqual(['医疗机构', '2024年']);
    expect(await q('import-sheet').inputValue()).toBe('医疗机构'); // named for the table: read first
    await q('import-sheet').selectOption('2024年');
    await q('import-inspecting').waitFor({ state: 'detached' });
    await q('mapping-remembered').waitFor(); // read again: the same layout, remembered
    await screenshot(app.page, 'import-mapping-05-sheets');
    await q('dialog-submit').click();
    await q('import-success').waitFor();
    expect(await q('import-success').textContent()).toBe('导入完成：新增 0 条，修改 1 条，未变 2 条');
    expect((await ours())[1]![3]).toBe(60); // T002's beds from the sheet 2024年
    await q('dialog-submit').click();
  });

  it('our own headers with one not recognised: no step, the column named as not imported, a link to the step', async () => {
    const csv = path.join(home, '机构-电话.csv');
    fs.writeFileSync(csv, `机构编码,机构名称,机构类型,所在区划代码,联系电话\nT004,沙坪街道大明社区卫生服务站,社区卫生服务站,${SHAPING},0731-1\n`);
    await openImport(csv);
    await q('mapping-unrecognised').waitFor();
    expect(await q('mapping-unrecognised').textContent()).toContain('未识别、将不导入的列：联系电话。');
    expect(await q('mapping-step').count()).toBe(0);
    expect(await q('dialog-submit').textContent()).toBe('导入');
    await q('mapping-open').click();
    await q('mapping-step').waitFor();
    expect(await row('联系电话').getAttribute('data-field')).toBe('');
    expect(await row('机构类型').getAttribute('data-how')).toBe('exact');
    await q('dialog-cancel').click();
  });

  it('the CLI with --map and the file saved from the step gives the same rows', async () => {
    const dir = path.join(home, 'cli');
    fs.mkdirSync(dir, { recursive: true });
    const { healthplan, file } = cliIn(dir);
    const units = file(
      'units.csv',
      `区划代码,名称,上级区划代码,类型\n430105000000,开福区,,county\n${SHAPING},沙坪街道,430105000000,street\n${LAODAOHE},捞刀河街道,430105000000,street\n`,
    );
    expect(healthplan('import', 'cli.hplan', '--units', units).code).toBe(0);
    expect(healthplan('types', 'cli.hplan', '--set', 'D110=chs_station').code).toBe(0);
    const ok = healthplan('import', 'cli.hplan', '--facilities', sheet, '--map', savedMapping);
    expect(ok.code, ok.err).toBe(0);
    const out = path.join(dir, 'back.csv');
    expect(healthplan('export', 'cli.hplan', '--facilities', out).code).toBe(0);
    const lines = fs
      .readFileSync(out, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    const h = lines[0]!.split(',');
    const cells = lines.slice(1).map((l) => l.split(',').map((c) => c.replace(/^"=""(.*)"""$/, '$1')));
    const col = (k: string) => h.indexOf(k);
    const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
    const cli = cells.map((c) => [
      c[col('机构编码')],
      c[col('所在区划代码')],
      c[col('机构类型')],
      num(c[col('实有床位')]),
      num(c[col('编制床位')]),
      num(c[col('执业(助理)医师')]),
      num(c[col('全科医生')]),
      num(c[col('经度')]),
      num(c[col('纬度')]),
    ]);
    // The app's rows as first imported (T002's beds 45, before the second month's sheet).
    expect(cli.map((r) => [r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8]])).toEqual(EXPECTED.map((r) => [r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8]]));
    expect(cli.map((r) => r[2])).toEqual(['社区卫生服务中心', '社区卫生服务中心', '社区卫生服务站']); // D110 by the plan's 机构类别对照, as in the app
  });
});
