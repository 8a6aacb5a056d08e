// Sheets as a 卫健委 keeps them, imported into a real plan: a title above the header, a two-row header of
// merged cells (卫生技术人员 → 小计 | 执业(助理)医师 | 注册护士), a 合计 row and a footnote at the bottom,
// numbers written "1,200" / "30张" / "25 人", two sheets in one workbook, a GBK CSV with a title row.
// Each is read right, or refused naming the spreadsheet row, the column and the fix.
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importIntoPlan } from '../../electron/backend/import-into-plan.ts';
import { importPopulations } from '../../electron/backend/import-populations.ts';
import { createPlanFile, type PlanDb } from '../../electron/backend/db/plan-file.ts';
import { listPopulations } from '../../electron/backend/db/populations.ts';
import { listRows } from '../../electron/backend/db/tables.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();
const UNITS = '区划代码,名称,类型,常住人口\n430105000000,开福区,区,820790\n430105001000,东风路街道,街道,61000\n430105002000,清水塘街道,街道,45000\n';
const opts = { scenarioId: 1, crs: 'wgs84' as const, dryRun: false };

function planWithUnits(name: string): PlanDb {
  const p = createPlanFile(path.join(dir, name), name);
  return p;
}
async function withUnits(name: string): Promise<PlanDb> {
  const p = planWithUnits(name);
  const [r] = await importIntoPlan(p, [{ table: 'units', fileName: 'u.csv', bytes: Buffer.from(UNITS) }], opts, (fn) => p.db.transaction(fn)());
  expect(r!.ok).toBe(true);
  return p;
}

type Cell = string | number | null;
/**
 * The facility sheet of a 卫健委: rows 1–2 title and 填报单位, rows 3–4 the header (序号 … 实有床位 merged down,
 * 卫生技术人员 merged across over 小计 | 执业(助理)医师 | 注册护士), then `data`, then 合计 and a footnote.
 */
function addFacilitySheet(wb: ExcelJS.Workbook, name: string, data: Cell[][], opts2: { totalsAt?: number } = {}): void {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = '2025年开福区医疗机构基本情况表';
  ws.mergeCells('A1:I1');
  ws.getCell('A2').value = '填报单位：开福区卫生健康局';
  ws.getCell('H2').value = '单位：张、人';
  const top = ['序号', '机构编码', '机构名称', '机构类型', '所在区划代码', '实有床位'];
  top.forEach((h, i) => {
    const col = String.fromCharCode(65 + i);
    ws.getCell(`${col}3`).value = h;
    ws.mergeCells(`${col}3:${col}4`);
  });
  ws.getCell('G3').value = '卫生技术人员';
  ws.mergeCells('G3:I3');
  ws.getCell('G4').value = '小计';
  ws.getCell('H4').value = '执业(助理)医师';
  ws.getCell('I4').value = '注册护士';
  let r = 5;
  data.forEach((row, i) => {
    if (opts2.totalsAt === i) ws.getRow(r++).values = ['小计', null, null, null, null, 100, 10, 5, 5];
    ws.getRow(r++).values = row;
  });
  ws.getCell(`A${r}`).value = '合计';
  ws.mergeCells(`A${r}:E${r}`);
  ws.getCell(`F${r}`).value = { formula: 'SUM(F5:F6)', result: 1230 };
  ws.getCell(`A${r + 1}`).value = '注：数据截至2025年12月31日。';
}

const GOOD: Cell[][] = [
  [1, 'F1', '东风路街道社区卫生服务中心', '社区卫生服务中心', '430105001000', '1,200', 60, '25 人', 30],
  [2, 'F2', '清水塘街道社区卫生服务中心', '社区卫生服务中心', '430105002000', '30张', 20, 8, '１２'],
];

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('real sheet layouts, imported into a plan', () => {
  it('a title, a two-row merged header, 1,200 / 30张 / 25 人 / full-width digits, 合计 and a footnote: read right, with notes', async () => {
    const p = await withUnits('layout-ok.hplan');
    const bytes = await xlsx((wb) => addFacilitySheet(wb, '机构', GOOD));
    const [r] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f.xlsx', bytes }], opts, (fn) => p.db.transaction(fn)());
    expect(r!.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, rows: 2, added: 2, sheet: '机构' });
    expect(r!.sheets).toBeUndefined(); // one sheet: nothing to choose
    const f = listRows(p.db, 'facilities', 1);
    // 卫生技术人员/小计 is 卫生技术人员; the sub-headers alone name 执业(助理)医师 and 注册护士.
    expect(f.map((x) => [x.id, x.beds_open, x.health_technicians, x.physicians, x.nurses])).toEqual([
      ['F1', 1200, 60, 25, 30],
      ['F2', 30, 20, 8, 12],
    ]);
    expect(r!.columns).toMatchObject({
      '卫生技术人员/小计': 'health_technicians',
      '卫生技术人员/执业(助理)医师': 'physicians',
      '卫生技术人员/注册护士': 'nurses',
      实有床位: 'beds_open',
    });
    expect(r!.ignoredColumns).toEqual(['序号']);
    const notes = r!.notes!.map((n) => n.message);
    expect(notes).toEqual([
      '第 1–2 行在表头之上（表格标题、填报单位等），已跳过',
      '第 3–4 行是两行表头：上层的合并单元格与下层表头合起来读，如「卫生技术人员/小计」',
      '第 7 行是合计行（「合计」），不是一个机构，已略过',
      '第 8 行是表注或签名行（「注：数据截至2025年12月31日。」），已略过',
    ]);
    expect(r!.notes![2]!.messageEn).toBe('Row 7 is a totals row ("合计"), not a facility; skipped');
    p.close();
  });

  it('refuses what it cannot read for sure, naming the row, the column and the fix; nothing is written', async () => {
    const p = await withUnits('layout-bad.hplan');
    const bad: Cell[][] = [
      [1, 'F1', '东风路街道社区卫生服务中心', '社区卫生服务中心', '430105001000', '约30', 60, 25, 30],
      [2, 'F2', '清水塘街道社区卫生服务中心', '社区卫生服务中心', '430105002000', 40, 20, '30张', '30-40'],
    ];
    // A 小计 between the two facilities (row 6): amid the data, not at its top or bottom.
    const bytes = await xlsx((wb) => addFacilitySheet(wb, '机构', bad, { totalsAt: 1 }));
    const [r] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f.xlsx', bytes }], opts, (fn) => p.db.transaction(fn)());
    expect(r!.ok).toBe(false);
    expect(listRows(p.db, 'facilities', 1)).toEqual([]);
    expect(r!.problems.map((x) => [x.row, x.column, x.value])).toEqual([
      [5, '实有床位', '约30'],
      [6, '序号', '小计'],
      [7, '卫生技术人员/执业(助理)医师', '30张'],
      [7, '卫生技术人员/注册护士', '30-40'],
    ]);
    const [approx, amid, unit, range] = r!.problems;
    expect(approx!.message).toBe('第 5 行「实有床位」的值「约30」是约数：请填写确切的数，只填数字，如 12');
    expect(amid!.message).toBe(
      '第 6 行是合计行（「小计」），夹在数据行中间：合计不是一个机构，导入会把它当作一行重复计数；请删除这一行（表格最上方或最下方的合计行会自动略过）',
    );
    expect(unit!.message).toBe(
      '第 7 行「卫生技术人员/执业(助理)医师」的值「30张」带的单位「张」不是这一列的单位（人/名）：请确认这个数是否填错了列，只填数字，如 12',
    );
    expect(unit!.messageEn).toBe(
      'Row 7, column 卫生技术人员/执业(助理)医师: "30张" is in 张, not this column\'s unit (人/名); check that the figure belongs in this column and write the number alone, e.g. 12',
    );
    expect(range!.message).toBe('第 7 行「卫生技术人员/注册护士」的值「30-40」是一个范围：请只填一个确切的数，如 12');
    p.close();
  });

  it('two sheets, neither named for the table: the first is read and the report names both; `sheet` reads the other', async () => {
    const p = await withUnits('layout-sheets.hplan');
    const other: Cell[][] = [[1, 'F9', '新河街道社区卫生服务中心', '社区卫生服务中心', '430105001000', 12, 9, 4, 5]];
    const bytes = await xlsx((wb) => {
      addFacilitySheet(wb, '2024年', GOOD);
      addFacilitySheet(wb, '2025年', other);
    });
    const [dry] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f.xlsx', bytes }], { ...opts, dryRun: true }, () => {
      throw new Error('dry run');
    });
    expect(dry).toMatchObject({ ok: true, rows: 2, sheet: '2024年', sheets: ['2024年', '2025年'] });
    expect(dry!.notes![0]).toEqual({
      row: 0,
      message: '工作簿有 2 个工作表，读取的是「2024年」；其他工作表：「2025年」。如要导入其他工作表，请选择工作表（命令行：--sheet 工作表名称）',
      messageEn: 'The workbook has 2 sheets; "2024年" was read; the others: "2025年". To import another, choose its sheet (CLI: --sheet NAME)',
    });
    const [r] = await importIntoPlan(p, [{ table: 'facilities', fileName: 'f.xlsx', bytes, sheet: '2025年' }], opts, (fn) => p.db.transaction(fn)());
    expect(r).toMatchObject({ ok: true, rows: 1, added: 1, sheet: '2025年', sheets: ['2024年', '2025年'] });
    expect(r!.notes!.some((n) => n.row === 0)).toBe(false); // asked for: no note about the choice
    expect(listRows(p.db, 'facilities', 1).map((f) => [f.id, f.beds_open])).toEqual([['F9', 12]]);
    await expect(
      importIntoPlan(p, [{ table: 'facilities', fileName: 'f.xlsx', bytes, sheet: '2026年' }], opts, (fn) => p.db.transaction(fn)()),
    ).rejects.toMatchObject({
      code: 'FILE_ERROR',
      message: '「f.xlsx」中没有名为「2026年」的工作表：工作簿中的工作表有 「2024年」、「2025年」，请选择其中之一',
    });
    p.close();
  });

  it('a GBK CSV with a title row and a 总计 row: the units and their populations, 820,790 read as 820790', async () => {
    const p = planWithUnits('layout-gbk.hplan');
    const text =
      '开福区街道常住人口统计表,,,\n区划代码,名称,类型,常住人口（人）\n430105000000,开福区,区,"820,790"\n430105001000,东风路街道,街道,"61,000人"\n总计,,,"881,790"\n';
    const bytes = iconv.encode(text, 'gbk');
    const [r] = await importIntoPlan(p, [{ table: 'units', fileName: 'u.csv', bytes }], opts, (fn) => p.db.transaction(fn)());
    expect(r!.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, encoding: 'gb18030', rows: 2, added: 2 });
    expect(listRows(p.db, 'units', 1).map((u) => [u.code, u.population])).toEqual([
      ['430105000000', 820790],
      ['430105001000', 61000],
    ]);
    expect(r!.notes!.map((n) => n.message)).toEqual([
      '第 1 行在表头之上（表格标题、填报单位等），已跳过；表头在第 2 行',
      '第 5 行是合计行（「总计」），不是一个单位（行政区划），已略过',
    ]);
    // Populations by year under a merged 常住人口 over 2024年 | 2025年, in the same title-and-totals layout.
    const pops = await xlsx((wb) => {
      const ws = wb.addWorksheet('人口');
      ws.getCell('A1').value = '开福区分年份常住人口';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = '区划代码';
      ws.mergeCells('A2:A3');
      ws.getCell('B2').value = '常住人口';
      ws.mergeCells('B2:C2');
      ws.getCell('B3').value = '2024年';
      ws.getCell('C3').value = '2025年';
      ws.getRow(4).values = ['430105001000', '60,500', '61,000'];
      ws.getRow(5).values = ['合计', '60,500', '61,000'];
    });
    const pr = await importPopulations(p, { fileName: 'p.xlsx', bytes: pops }, { scenarioId: 1, dryRun: false }, (fn) => p.db.transaction(fn)());
    expect(pr.problems).toEqual([]);
    expect(pr).toMatchObject({ ok: true, sheet: '人口' });
    expect(listPopulations(p.db, 1, '430105001000').map((f) => [f.year, f.population])).toEqual([
      [2024, 60500],
      [2025, 61000],
    ]);
    expect(pr.notes!.map((n) => n.row)).toEqual([1, 2, 5]);
    p.close();
  });
});
