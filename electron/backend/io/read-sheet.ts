/**
 * readSheet: the bytes of a planner's file → a sheet of text cells.
 *
 * - .csv / .txt / .tsv: encoding detected (UTF-8 BOM, UTF-16 BOM, valid UTF-8, else GB18030 — the
 *   superset of GBK that Chinese Excel writes), delimiter detected (comma, tab, semicolon; Excel's
 *   `sep=;` first line honoured).
 * - .xlsx / .xlsm: the sheet asked for (`sheet`), else the sheet named like 机构 / 单位 / 填写 if
 *   there is one, else the first visible sheet; when other visible sheets hold data too, the result
 *   lists them and, unless the sheet was named for its table, says which was read in a note; a
 *   merged cell's value stands in every cell of its span (exceljs reads the merged cells as the
 *   master's value), so a merged group header covers its sub-headers (sheet-layout.ts); numbers as JavaScript writes them (full precision), dates as YYYY-MM-DD, rich text
 *   flattened, formulas as their cached result. A formula saved without a result (scripts such as
 *   openpyxl/pandas write them and never compute them) is refused, naming its row and column: read
 *   as empty it would silently blank the figure. Only the cells that exist are read (a sparse read);
 *   a value beyond MAX_COLUMNS columns or Excel's 1,048,576 rows is refused.
 * The content decides over the extension (an .xlsx renamed .csv is still read), and anything that
 * cannot be read gives a FILE_ERROR saying what to do in Excel.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ImportProblem } from '../../../shared/api/import-report.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { TableName } from '../../../shared/model/columns.ts';
import { msg, type Message } from '../../../shared/model/import-messages.ts';
import type { SheetData } from '../../../shared/model/parse-rows.ts';
import type { ImportNote } from '../../../shared/model/issues.ts';
import { sheetChoiceNote } from '../../../shared/model/sheet-layout.ts';
import { detectDelimiter, parseCsv } from './csv.ts';

export type SheetEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'xlsx';

export interface ReadSheetResult {
  sheet: SheetData;
  encoding: SheetEncoding;
  /** The worksheet read, for an .xlsx. */
  sheetName?: string;
  /** Every visible worksheet with data, when an .xlsx has several. */
  sheets?: string[];
  /** Which of several sheets was read and how to choose another: when it was neither asked for nor named for the table. */
  note?: ImportNote;
}

export interface ReadSheetOptions {
  /** Which table the file is for: picks the worksheet named after it (机构 / 单位) first. */
  table?: TableName | 'populations';
  /** The worksheet to read, by name (an .xlsx; a CSV has one sheet and ignores it). */
  sheet?: string;
}

const SAVE_AS = {
  zh: '请在 Excel 或 WPS 中打开它，选择“另存为”，保存为 Excel 工作簿（.xlsx）或 CSV（逗号分隔）后再导入',
  en: 'open it in Excel or WPS and "Save As" an Excel workbook (.xlsx) or CSV (comma delimited), then import that',
};

function fileError(zh: string, en: string, fileName: string): ApiError {
  return new ApiError('FILE_ERROR', zh, en, { fileName });
}

type Kind = 'zip' | 'ole' | 'html' | 'text' | 'binary';

function sniff(b: Uint8Array): Kind {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1)
    return 'ole';
  // UTF-16 text holds NULs; so does binary. BOMs first.
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return 'text';
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 4096));
  const lower = head.toString('latin1').toLowerCase();
  const start = lower.replace(/^\ufeff|^[\s\u00ef\u00bb\u00bf]+/, '');
  if (start.startsWith('<') && (lower.includes('<html') || lower.includes('<table') || lower.includes('<?xml'))) return 'html';
  if (looksUtf16le(b)) return 'text';
  for (let i = 0; i < head.length; i++) if (head[i] === 0) return 'binary';
  return 'text';
}

/** UTF-16LE without a BOM: ASCII characters show as X\0 pairs. */
function looksUtf16le(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512) & ~1;
  if (n < 4) return false;
  let zerosOdd = 0;
  let zerosEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) zerosEven++;
    if (b[i + 1] === 0) zerosOdd++;
  }
  return zerosOdd > n / 8 && zerosEven < n / 64;
}

const EXT_RE = /\.([a-z0-9]+)$/i;

export async function readSheet(fileName: string, bytes: Uint8Array, opts: ReadSheetOptions = {}): Promise<ReadSheetResult> {
  const ext = (EXT_RE.exec(fileName)?.[1] ?? '').toLowerCase();
  const kind = sniff(bytes);
  if (kind === 'zip') {
    if (ext === 'ods' || ext === 'numbers' || ext === 'docx' || ext === 'zip') throw unsupported(fileName, ext);
    return readXlsx(fileName, bytes, opts);
  }
  if (kind === 'ole') {
    throw fileError(
      `「${fileName}」是旧版 Excel 97-2003 工作簿（.xls）或加了密码的工作簿，无法直接读取：${SAVE_AS.zh}（如有打开密码，请先取消密码）`,
      `"${fileName}" is an old Excel 97-2003 workbook (.xls) or a password-protected workbook and cannot be read; ${SAVE_AS.en} (remove any password first)`,
      fileName,
    );
  }
  if (kind === 'html') {
    throw fileError(
      `「${fileName}」实际上是网页（HTML）格式，只是扩展名像 Excel 文件：${SAVE_AS.zh}`,
      `"${fileName}" is really a web page (HTML) with a spreadsheet-like name; ${SAVE_AS.en}`,
      fileName,
    );
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    throw fileError(
      `「${fileName}」不是有效的 .xlsx 文件（可能已损坏或只下载了一部分）：请在 Excel 中重新保存后再导入`,
      `"${fileName}" is not a valid .xlsx file (it may be damaged or incompletely downloaded); save it again in Excel and retry`,
      fileName,
    );
  }
  if (kind === 'binary' || !(ext === 'csv' || ext === 'txt' || ext === 'tsv' || ext === '')) throw unsupported(fileName, ext);
  return readDelimited(bytes, ext === 'tsv' || ext === 'txt');
}

function unsupported(fileName: string, ext: string): ApiError {
  return fileError(
    `不支持「${fileName}」${ext ? `（.${ext}）` : ''}这种文件：只能导入 Excel 工作簿（.xlsx）或 CSV 文件；${SAVE_AS.zh}`,
    `"${fileName}" cannot be imported: only Excel workbooks (.xlsx) and CSV files are supported; ${SAVE_AS.en}`,
    fileName,
  );
}

// ---------------------------------------------------------------------------------------------
// Delimited text

export function decodeText(bytes: Uint8Array): { text: string; encoding: Exclude<SheetEncoding, 'xlsx'> } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.toString('utf8', 3), encoding: 'utf-8-bom' };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.toString('utf16le', 2), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (looksUtf16le(buf)) return { text: buf.toString('utf16le'), encoding: 'utf-16le' };
  if (isUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf-8' };
  // Not valid UTF-8. A UTF-8 file with a stray bad byte decodes to a few U+FFFD among many
  // non-ASCII characters; GBK/GB18030 text decoded as UTF-8 is mostly U+FFFD.
  const asUtf8 = buf.toString('utf8');
  let bad = 0;
  let nonAscii = 0;
  for (let i = 0; i < asUtf8.length; i++) {
    const c = asUtf8.charCodeAt(i);
    if (c > 127) {
      nonAscii++;
      if (c === 0xfffd) bad++;
    }
  }
  if (nonAscii > 0 && bad * 100 <= nonAscii) return { text: asUtf8, encoding: 'utf-8' };
  return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
}

const SEP_LINE_RE = /^sep=(.)\r?\n/i;

function readDelimited(bytes: Uint8Array, preferTab: boolean): ReadSheetResult {
  const { text: decoded, encoding } = decodeText(bytes);
  let text = decoded;
  let delimiter = detectDelimiter(text, preferTab);
  // Excel's "sep=;" line names the delimiter and is not shown as a row.
  const sep = SEP_LINE_RE.exec(text.slice(0, 8));
  if (sep && (sep[1] === ',' || sep[1] === ';' || sep[1] === '\t')) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  }
  const records = parseCsv(text, delimiter);
  const headers = records.length > 0 ? records[0]! : [];
  return { sheet: { headers, rows: records.slice(1) }, encoding };
}

// ---------------------------------------------------------------------------------------------
// .xlsx

const PREFERRED: Record<TableName | 'populations' | 'any', RegExp> = {
  populations: /人口|population/i,
  facilities: /机构|facilit/i,
  units: /单位|区划|unit/i,
  any: /填写|数据|导入|机构|单位|区划|data|import/i,
};
const NOT_DATA = /说明|填表|字典|代码表|readme|instructions?/i;

/** Columns read at most: no import table comes near (the widest has a few dozen). */
export const MAX_COLUMNS = 1000;
/** Excel's own limit. */
export const MAX_ROWS = 1_048_576;
/** Cells without a value named in the message and listed in the error's details. */
const MAX_FORMULA_CELLS_LISTED = 20;

/**
 * exceljs 4.4 reads a formula whose cached result is the empty string (Excel and WPS save
 * =IF(…,"",…) as t="str" with an empty <v>) exactly like a formula saved with no result at all
 * (openpyxl writes no t and an empty <v>; exceljs writes no <v>). Tell them apart where exceljs
 * still knows the cell's t: an empty string result becomes an empty rich text (read as ''; and
 * under a date format it becomes an invalid date, also read as ''), so only the formulas that really
 * lack a value are left with `result: undefined`.
 */
let strResultPatched = false;
function patchEmptyStringResults(): void {
  if (strResultPatched) return;
  strResultPatched = true;
  const require = createRequire(import.meta.url);
  const CellXform = require('exceljs/lib/xlsx/xform/sheet/cell-xform.js') as { prototype: { parseClose(name: string): boolean } };
  const proto = CellXform.prototype;
  const parseClose = proto.parseClose;
  proto.parseClose = function patched(
    this: { t?: string; parser?: unknown; model?: { formula?: string; shareType?: string; value?: unknown; result?: unknown } },
    name: string,
  ): boolean {
    const emptyStr =
      name === 'c'
      && !this.parser
      && this.t === 'str'
      && this.model !== undefined
      && (this.model.formula !== undefined || this.model.shareType !== undefined)
      && !this.model.value;
    const r = parseClose.call(this, name);
    if (emptyStr && this.model!.result === undefined) this.model!.result = { richText: [] };
    return r;
  };
}

/** 1 → A, 16384 → XFD. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The cells of an exceljs row as stored: a sparse array (a value in XFD makes it 16384 long, with one element). */
const rowCells = (row: ExcelJS.Row) => (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells;
const hasValue = (cell: ExcelJS.Cell | undefined) => cell !== undefined && cell.type !== ExcelJS.ValueType.Null;
const noResult = (v: ExcelJS.CellValue | undefined) =>
  typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v) && (v as ExcelJS.CellFormulaValue).result === undefined;

async function readXlsx(fileName: string, bytes: Uint8Array, opts: ReadSheetOptions): Promise<ReadSheetResult> {
  patchEmptyStringResults();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw fileError(
      `无法读取「${fileName}」：文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或加了密码：请在 Excel 中打开后另存为 .xlsx 或 CSV 再导入`,
      `Cannot read "${fileName}": it is not a valid Excel workbook (.xlsx), or it is damaged or password-protected; open it in Excel and save it as .xlsx or CSV`,
      fileName,
    );
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
  const withData = sheets.filter((ws) => ws.actualRowCount > 0).map((ws) => ws.name);
  const candidates = sheets.filter((ws) => !NOT_DATA.test(ws.name));
  let ws: ExcelJS.Worksheet | undefined;
  let named = false;
  if (opts.sheet !== undefined) {
    const want = opts.sheet.trim();
    ws = wb.worksheets.find((s) => s.name === want) ?? wb.worksheets.find((s) => s.name.trim().toLowerCase() === want.toLowerCase());
    if (!ws) {
      const names = sheets.map((s) => s.name);
      throw fileError(
        `「${fileName}」中没有名为「${want}」的工作表：工作簿中的工作表有 ${names.map((n) => `「${n}」`).join('、')}，请选择其中之一`,
        `"${fileName}" has no sheet named "${want}"; its sheets are ${names.map((n) => `"${n}"`).join(', ')}: choose one of them`,
        fileName,
      );
    }
    named = true;
  } else {
    ws = opts.table && candidates.find((s) => PREFERRED[opts.table!].test(s.name));
    named = !!ws;
    ws = ws || candidates.find((s) => PREFERRED.any.test(s.name)) || candidates[0] || sheets[0] || wb.worksheets[0];
  }
  if (!ws) return { sheet: { headers: [], rows: [] }, encoding: 'xlsx' };
  const several = withData.length > 1 ? { sheets: withData, ...(named ? {} : { note: sheetChoiceNote(ws.name, withData) }) } : {};

  // Only the cells that exist: never an array as wide as the sheet's last column or as long as its last row.
  const all: string[][] = [];
  const formulas: { row: number; col: number }[] = [];
  let beyond: Message | null = null;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (beyond) return;
    const src = rowCells(row);
    let n = Math.min(src.length, MAX_COLUMNS);
    if (src.length > MAX_COLUMNS) {
      for (const k of Object.keys(src)) {
        // the existing cells only
        const c = Number(k);
        if (c >= MAX_COLUMNS && hasValue(src[c]) && xlsxCellText(src[c]!.value).trim() !== '') {
          beyond = msg.sheetTooWide(ws.name, rowNumber, columnLetters(c + 1), MAX_COLUMNS);
          return;
        }
      }
    }
    while (n > 0 && !hasValue(src[n - 1])) n--;
    if (n === 0) return;
    if (rowNumber > MAX_ROWS) {
      beyond = msg.sheetTooLong(ws.name, rowNumber, MAX_ROWS);
      return;
    }
    const cells: string[] = new Array(n);
    for (let c = 0; c < n; c++) {
      const cell = src[c];
      const v = hasValue(cell) ? cell!.value : null;
      if (noResult(v)) formulas.push({ row: rowNumber, col: c });
      cells[c] = xlsxCellText(v);
    }
    all[rowNumber - 1] = cells;
  });
  if (beyond) throw fileError(`「${fileName}」${(beyond as Message).zh}`, `"${fileName}": ${(beyond as Message).en}`, fileName);
  for (let i = 0; i < all.length; i++) if (all[i] === undefined) all[i] = [];
  if (formulas.length > 0) throw formulasWithoutResult(fileName, all, formulas);
  return { sheet: { headers: all[0] ?? [], rows: all.slice(1) }, encoding: 'xlsx', sheetName: ws.name, ...several };
}

/**
 * Formulas saved without a value: refused, naming each cell as an import problem names it (row, and
 * the header above it). The header row is the first of the top ten rows with two or more values.
 */
function formulasWithoutResult(fileName: string, all: string[][], cells: { row: number; col: number }[]): ApiError {
  const filled = (r: string[]) => r.reduce((k, s) => k + (s.trim() !== '' ? 1 : 0), 0);
  let headerRow = -1;
  for (let i = 0; i < Math.min(all.length, 10); i++)
    if (filled(all[i]!) >= 2) {
      headerRow = i;
      break;
    }
  const problems: ImportProblem[] = cells.slice(0, MAX_FORMULA_CELLS_LISTED).map(({ row, col }) => {
    const h = headerRow >= 0 && headerRow < row - 1 ? (all[headerRow]![col] ?? '').trim() : '';
    const m = msg.formulaNoResult(row, h || null, columnLetters(col + 1));
    return { row, column: h || columnLetters(col + 1), message: m.zh, messageEn: m.en };
  });
  const more = cells.length > 1 ? msg.formulaNoResultMore(cells.length) : { zh: '', en: '' };
  return new ApiError('FILE_ERROR', `「${fileName}」${problems[0]!.message}${more.zh}`, `"${fileName}": ${problems[0]!.messageEn}${more.en}`, {
    fileName,
    problems,
    problemsTruncated: cells.length - problems.length,
  });
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The text of an .xlsx cell as a planner sees it, without the display format's rounding. */
export function xlsxCellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    default:
      break;
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const d = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const h = v.getUTCHours(),
      m = v.getUTCMinutes(),
      s = v.getUTCSeconds();
    return h || m || s ? `${d} ${pad(h)}:${pad(m)}:${pad(s)}` : d;
  }
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return xlsxCellText((v as ExcelJS.CellFormulaValue).result ?? null);
  if ('error' in v) return String(v.error);
  if ('hyperlink' in v) return xlsxCellText((v as { text: ExcelJS.CellValue }).text);
  if ('text' in v) return xlsxCellText((v as { text: ExcelJS.CellValue }).text);
  return String(v);
}
