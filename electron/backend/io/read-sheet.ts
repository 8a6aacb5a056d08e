/**
 * readSheet: the bytes of a planner's file → a sheet of text cells.
 *
 * - .csv / .txt / .tsv: encoding detected (UTF-8 BOM, UTF-16 BOM, valid UTF-8, else GB18030 — the
 *   superset of GBK that Chinese Excel writes), delimiter detected (comma, tab, semicolon; Excel's
 *   `sep=;` first line honoured).
 * - .xlsx / .xlsm: the sheet named like 机构 / 单位 / 填写 if there is one, else the first visible
 *   sheet; numbers as JavaScript writes them (full precision), dates as YYYY-MM-DD, rich text
 *   flattened, formulas as their cached result.
 * The content decides over the extension (an .xlsx renamed .csv is still read), and anything that
 * cannot be read gives a FILE_ERROR saying what to do in Excel.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ApiError } from '../../../shared/api/errors.ts';
import type { TableName } from '../../../shared/model/columns.ts';
import type { SheetData } from '../../../shared/model/parse-rows.ts';
import { detectDelimiter, parseCsv } from './csv.ts';

export type SheetEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'xlsx';

export interface ReadSheetResult {
  sheet: SheetData;
  encoding: SheetEncoding;
  /** The worksheet read, for an .xlsx. */
  sheetName?: string;
}

export interface ReadSheetOptions {
  /** Which table the file is for: picks the worksheet named after it (机构 / 单位) first. */
  table?: TableName | 'populations';
}

const SAVE_AS = { zh: '请在 Excel 或 WPS 中打开它，选择“另存为”，保存为 Excel 工作簿（.xlsx）或 CSV（逗号分隔）后再导入', en: 'open it in Excel or WPS and "Save As" an Excel workbook (.xlsx) or CSV (comma delimited), then import that' };

function fileError(zh: string, en: string, fileName: string): ApiError {
  return new ApiError('FILE_ERROR', zh, en, { fileName });
}

type Kind = 'zip' | 'ole' | 'html' | 'text' | 'binary';

function sniff(b: Uint8Array): Kind {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1) return 'ole';
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
      fileName);
  }
  if (kind === 'html') {
    throw fileError(
      `「${fileName}」实际上是网页（HTML）格式，只是扩展名像 Excel 文件：${SAVE_AS.zh}`,
      `"${fileName}" is really a web page (HTML) with a spreadsheet-like name; ${SAVE_AS.en}`,
      fileName);
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    throw fileError(`「${fileName}」不是有效的 .xlsx 文件（可能已损坏或只下载了一部分）：请在 Excel 中重新保存后再导入`,
      `"${fileName}" is not a valid .xlsx file (it may be damaged or incompletely downloaded); save it again in Excel and retry`, fileName);
  }
  if (kind === 'binary' || !(ext === 'csv' || ext === 'txt' || ext === 'tsv' || ext === '')) throw unsupported(fileName, ext);
  return readDelimited(bytes, ext === 'tsv' || ext === 'txt');
}

function unsupported(fileName: string, ext: string): ApiError {
  return fileError(
    `不支持「${fileName}」${ext ? `（.${ext}）` : ''}这种文件：只能导入 Excel 工作簿（.xlsx）或 CSV 文件；${SAVE_AS.zh}`,
    `"${fileName}" cannot be imported: only Excel workbooks (.xlsx) and CSV files are supported; ${SAVE_AS.en}`,
    fileName);
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
    if (c > 127) { nonAscii++; if (c === 0xfffd) bad++; }
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

async function readXlsx(fileName: string, bytes: Uint8Array, opts: ReadSheetOptions): Promise<ReadSheetResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw fileError(
      `无法读取「${fileName}」：文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或加了密码：请在 Excel 中打开后另存为 .xlsx 或 CSV 再导入`,
      `Cannot read "${fileName}": it is not a valid Excel workbook (.xlsx), or it is damaged or password-protected; open it in Excel and save it as .xlsx or CSV`,
      fileName);
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
  const candidates = sheets.filter((ws) => !NOT_DATA.test(ws.name));
  const ws = (opts.table && candidates.find((s) => PREFERRED[opts.table!].test(s.name)))
    || candidates.find((s) => PREFERRED.any.test(s.name))
    || candidates[0] || sheets[0] || wb.worksheets[0];
  if (!ws) return { sheet: { headers: [], rows: [] }, encoding: 'xlsx' };

  const all: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const vals = row.values as ExcelJS.CellValue[];
    const cells: string[] = new Array(Math.max(0, vals.length - 1));
    for (let c = 1; c < vals.length; c++) cells[c - 1] = xlsxCellText(vals[c]);
    all[rowNumber - 1] = cells;
  });
  for (let i = 0; i < all.length; i++) if (all[i] === undefined) all[i] = [];
  return { sheet: { headers: all[0] ?? [], rows: all.slice(1) }, encoding: 'xlsx', sheetName: ws.name };
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The text of an .xlsx cell as a planner sees it, without the display format's rounding. */
export function xlsxCellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string': return v;
    case 'number': return String(v);
    case 'boolean': return v ? 'TRUE' : 'FALSE';
    default: break;
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const d = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const h = v.getUTCHours(), m = v.getUTCMinutes(), s = v.getUTCSeconds();
    return h || m || s ? `${d} ${pad(h)}:${pad(m)}:${pad(s)}` : d;
  }
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return xlsxCellText((v as ExcelJS.CellFormulaValue).result ?? null);
  if ('error' in v) return String(v.error);
  if ('hyperlink' in v) return xlsxCellText((v as { text: ExcelJS.CellValue }).text);
  if ('text' in v) return xlsxCellText((v as { text: ExcelJS.CellValue }).text);
  return String(v);
}
