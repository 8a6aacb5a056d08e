/**
 * Writing the planners' tables: an export that re-imports unchanged, and the import template.
 *
 * Headers are the columns' Chinese headers (`zh`), values are what a planner reads and what the
 * import reads back to the same stored value: enums as their Chinese labels, booleans 是/否 (城乡:
 * 城镇/农村), empty for null (unknown), numbers as numbers in .xlsx (full precision) and as
 * JavaScript's shortest exact text in CSV. CSV is UTF-8 with a BOM (so Excel opens it as UTF-8),
 * CRLF line endings, fields quoted per RFC 4180. Everything about a column comes from
 * shared/model/columns.ts (and kinds.ts for the enum labels).
 */
import { Buffer } from 'node:buffer';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  boolLabels,
  CODE_COLUMNS,
  cellTextFormatter,
  cellXlsxFormatter,
  COLUMN_TYPE_LABELS,
  enumChoices,
  PERCENT_COLUMNS,
  PERCENT_POINT_COLUMNS,
} from '../../../shared/model/cells.ts';
import { TABLE_COLUMNS, TABLE_KEY, type ColumnDef, type TableName } from '../../../shared/model/columns.ts';
import type { TableRow } from '../../../shared/model/parse-rows.ts';
import { writeCsvBytes, type CsvColumnKind } from './csv.ts';

export type SheetFormat = 'csv' | 'xlsx';

const SHEET_NAME: Record<TableName, string> = { units: '单位', facilities: '机构' };
const TEMPLATE_SHEET = '填写';
const DOC_SHEET = '说明';
/** Rows of the template that get the drop-down lists and text format. */
const TEMPLATE_ROWS = 5000;

const columnsOf = (table: TableName): readonly ColumnDef[] => TABLE_COLUMNS[table];

// ---------------------------------------------------------------------------------------------
// Export

/**
 * A CSV through the app's one writer (csv.ts): code columns as codes (a digit-only code as ="…"),
 * text columns with formulas neutralised, the other columns' figures as they are. The import reads
 * every cell back to the same value.
 */
function csvKind(c: ColumnDef): CsvColumnKind {
  return CODE_COLUMNS.has(c.key) ? 'code' : c.type === 'text' ? 'text' : 'number';
}

export function writeTable<T extends TableName>(table: T, rows: readonly TableRow<T>[], format: SheetFormat): Promise<Uint8Array> {
  return writeRows(columnsOf(table), SHEET_NAME[table], rows as unknown as readonly Record<string, unknown>[], format);
}

/** Rows of the given columns as one sheet, written the way the tables are (and read back the same). */
export async function writeRows(
  cols: readonly ColumnDef[],
  sheetName: string,
  rows: readonly Record<string, unknown>[],
  format: SheetFormat,
): Promise<Uint8Array> {
  if (format === 'csv') {
    const keys = cols.map((c) => c.key);
    const text = cols.map(cellTextFormatter);
    const width = cols.length;
    const lines: string[][] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as unknown as Record<string, unknown>;
      const line: string[] = new Array(width);
      for (let c = 0; c < width; c++) line[c] = text[c]!(row[keys[c]!]);
      lines[r] = line;
    }
    return writeCsvBytes(
      cols.map((c) => c.zh),
      lines,
      { kinds: Object.fromEntries(cols.map((c) => [c.zh, csvKind(c)])) },
    );
  }

  // The streaming writer, with one style object per column shared by all its cells: exceljs then
  // registers each style once instead of once per cell (100,000 rows: ~3 s instead of ~40 s).
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  stamp(wb);
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const styles = setupColumns(ws, cols, rows);
  const width = cols.length;
  const keys = cols.map((c) => c.key);
  const value = cols.map(cellXlsxFormatter);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as unknown as Record<string, unknown>;
    const values: (string | number | null)[] = new Array(width);
    for (let c = 0; c < width; c++) values[c] = value[c]!(row[keys[c]!]);
    const xr = ws.addRow(values);
    for (let c = 0; c < width; c++) if (values[c] !== null) xr.getCell(c + 1).style = styles[c]!;
    xr.commit();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: width } };
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------------
// Template

/**
 * The import template. .xlsx: a 填写 sheet with the headers only (drop-down lists for the kinds,
 * types and yes/no columns, codes formatted as text) and a 说明 sheet documenting every column.
 * It holds no example row, so nothing fake can be imported by mistake; importing it unfilled reports
 * "no data rows". CSV: the header row only.
 */
export async function writeTemplate(table: TableName, format: SheetFormat): Promise<Uint8Array> {
  const cols = columnsOf(table);
  if (format === 'csv')
    return writeCsvBytes(
      cols.map((c) => c.zh),
      [],
    );

  const wb = newWorkbook();
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  setupColumns(ws, cols, []);
  const header = ws.getRow(1);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = `${c.required ? '必填。' : ''}${COLUMN_TYPE_LABELS[c.type].zh}。${c.note}`;
  });
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  cols.forEach((c, i) => {
    const list = dropDown(c);
    if (!list) return;
    const letter = ws.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      // Other spellings (aliases, English keys) are accepted on import: warn, do not forbid.
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '不在列表中',
      error: '这个值不在下拉列表中。导入时也接受其他写法（见“说明”表），确定要保留吗？',
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };

  writeDocSheet(wb.addWorksheet(DOC_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] }), table, cols);
  return xlsxBytes(wb);
}

/** The values of a drop-down list, or null for a free column. */
function dropDown(c: ColumnDef): string[] | null {
  if (c.type === 'bool') {
    const l = boolLabels(c.key);
    return [l.yes, l.no];
  }
  if (c.type === 'unitKind' || c.type === 'facilityType' || c.type === 'serviceStandard') return enumChoices(c.type).map((x) => x.zh);
  return null;
}

function rangeText(c: ColumnDef): string {
  if (PERCENT_COLUMNS.has(c.key)) return '小数（1 = 100%，最大 3），或百分数如 85%；大于 3 的数按百分数读';
  if (PERCENT_POINT_COLUMNS.has(c.key)) return `百分数，每年 ${c.min}% 到 ${c.max}%：1.5 或 1.5% 即每年增长 1.5%，负数为减少`;
  if (c.min !== undefined && c.max !== undefined) return `${c.min} – ${c.max}`;
  if (c.min !== undefined) return `≥ ${c.min}`;
  if (c.max !== undefined) return `≤ ${c.max}`;
  return '';
}

function acceptedValues(c: ColumnDef): { zh: string; en: string } {
  if (c.type === 'bool') {
    const l = boolLabels(c.key);
    return {
      zh: l.accepted.join('、'),
      en: c.key === 'urban' ? 'urban / rural (true / false); empty = from the kind' : 'yes / no (true / false, Y / N, 1 / 0)',
    };
  }
  if (c.type === 'unitKind' || c.type === 'facilityType' || c.type === 'serviceStandard') {
    const ch = enumChoices(c.type);
    return {
      zh: ch.map((x) => (x.aliases.some((a) => a !== x.zh) ? `${x.zh}（也可写 ${x.aliases.filter((a) => a !== x.zh).join('、')}）` : x.zh)).join('\n'),
      en: ch.map((x) => `${x.key} — ${x.en}`).join('\n'),
    };
  }
  return { zh: '', en: '' };
}

function writeDocSheet(ws: ExcelJS.Worksheet, table: TableName, cols: readonly ColumnDef[]): void {
  const DOC_HEADERS = ['表头', '英文键', '英文表头', '可接受的其他表头', '类型', '必填', '取值范围', '可填写的值', 'Accepted values (English)', '说明'];
  const widths = [22, 30, 26, 40, 18, 6, 22, 44, 40, 60];
  ws.columns = DOC_HEADERS.map((h, i) => ({ header: h, key: `c${i}`, width: widths[i] }));
  styleHeaderRow(ws.getRow(1), DOC_HEADERS.length, () => false);
  for (const c of cols) {
    const a = acceptedValues(c);
    const row = ws.addRow([
      c.zh,
      c.key,
      c.en,
      c.aliases.filter((x) => x !== c.zh).join('、'),
      COLUMN_TYPE_LABELS[c.type].zh,
      c.required ? '是' : '',
      rangeText(c),
      a.zh,
      a.en,
      c.note,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (c.required) row.getCell(1).font = { bold: true };
  }
  const key = TABLE_KEY[table];
  const notes = [
    '填写说明',
    `1. 在“${TEMPLATE_SHEET}”表中，第 1 行是表头，从第 2 行起每行填写一个${table === 'units' ? '单位（行政区划）' : '机构'}；表头也可以写成“可接受的其他表头”中的任何一个，列的顺序不限，不认识的列会被忽略。`,
    `2. 必填列：${cols
      .filter((c) => c.required)
      .map((c) => c.zh)
      .join('、')}。“${cols.find((c) => c.key === key)!.zh}”在表中不能重复。`,
    '3. 留空表示“未知”，不等于 0。数字可带千分位（1,234），全角数字也可以。',
    '4. 代码类的列（区划代码等）请保持“文本”格式，以免 Excel 把长代码变成科学计数法（4.30102E+11）。',
    '5. 经纬度默认为 WGS-84；如果来自高德/腾讯地图（GCJ-02）或百度地图（BD-09），导入时选择对应的坐标系即可自动转换。',
    table === 'facilities'
      ? '6. 机构的“所在区划代码”必须是方案中已有的单位，请先导入单位（行政区划）表。'
      : '6. “上级区划代码”必须是本表或方案中已有的单位；最高一级单位留空。',
    '7. 导入时全部检查通过才会写入；有任何问题都会列出行号、列名和改正方法，一行也不会写入。',
  ];
  ws.addRow([]);
  notes.forEach((n, i) => {
    const row = ws.addRow([n]);
    if (i === 0) row.font = { bold: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Shared layout

function stamp(wb: ExcelJS.Workbook): void {
  wb.creator = 'HealthPlan 卫健资源规划台';
  wb.created = new Date();
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  stamp(wb);
  return wb;
}

/** Display width of a text in Excel's character units: CJK characters count double. */
function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) > 0x2e80 ? 2 : 1;
  return w;
}

/** The cell style of a column's data: codes as text (so Excel keeps long codes), shares as percent. */
function dataStyle(c: ColumnDef): Partial<ExcelJS.Style> {
  if (c.type === 'text' && CODE_COLUMNS.has(c.key)) return { numFmt: '@' };
  if (PERCENT_COLUMNS.has(c.key)) return { numFmt: '0.0%' };
  return {};
}

/** Headers (row 1, styled), widths from the headers and the first 500 rows; returns each column's data style. */
function setupColumns(ws: ExcelJS.Worksheet, cols: readonly ColumnDef[], rows: readonly Record<string, unknown>[]): Partial<ExcelJS.Style>[] {
  const sample = rows.length > 500 ? rows.slice(0, 500) : rows;
  const styles = cols.map(dataStyle);
  ws.columns = cols.map((c, i) => {
    const text = cellTextFormatter(c);
    let w = displayWidth(c.zh) + 3; // room for the filter button
    for (const r of sample) w = Math.max(w, displayWidth(text(r[c.key])) + 1);
    return { header: c.zh, key: c.key, width: Math.min(40, Math.max(8, w)), style: styles[i]! };
  });
  styleHeaderRow(ws.getRow(1), cols.length, (i) => cols[i]!.required === true);
  return styles;
}

function styleHeaderRow(row: ExcelJS.Row, n: number, required: (i: number) => boolean): void {
  row.height = 20;
  for (let i = 0; i < n; i++) {
    const cell = row.getCell(i + 1);
    cell.font = { bold: true };
    cell.numFmt = 'General';
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: required(i) ? 'FFFCE4D6' : 'FFF2F2F2' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF999999' } } };
  }
}

async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
