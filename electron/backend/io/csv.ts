/**
 * A small, fast RFC 4180 reader, and the one CSV writer every export of the app goes through.
 *
 * Reading is lenient the way Excel is: a quote inside an unquoted field is a literal, text after a
 * closing quote is kept, an unterminated quote runs to the end, rows may have any number of fields,
 * and CRLF, LF or CR end a row. One record = one spreadsheet row, so row numbers match what Excel
 * shows even when a cell holds a line break.
 *
 * (csv-parse does the same but about 5× slower on a 60 MB file; this is one tight loop.)
 *
 * Writing (`writeCsv`): UTF-8 with a BOM (so Excel/WPS open it as UTF-8), CRLF, fields quoted per
 * RFC 4180; text that would start a formula (`= + - @`, or a leading tab/CR) behind a `'`, digit-only
 * codes as `="430102001000"` (else Excel shows 4.30102E+11 and drops leading zeros), numbers as
 * numbers; on the sample plan a 数据说明 column on every row. The import reads all of it back as it was
 * (shared/model/cells.ts).
 */
import { SAMPLE_COLUMN, SAMPLE_NOTE } from '../../../shared/api/sample-note.ts';

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

export type Delimiter = ',' | '\t' | ';';

export function parseCsv(text: string, delimiter: Delimiter): string[][] {
  const n = text.length;
  const rows: string[][] = [];
  if (n === 0) return rows;
  const d = delimiter.charCodeAt(0);
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let c = i < n ? text.charCodeAt(i) : -1;
    if (c === QUOTE) {
      // Quoted field: "" is a quote; everything up to the closing quote, line breaks included.
      let value = '';
      let start = i + 1;
      for (;;) {
        const q = text.indexOf('"', start);
        if (q < 0) {
          value += text.slice(start);
          i = n;
          break;
        }
        if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Lenient: text after the closing quote belongs to the field.
      let j = i;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      if (j > i) value += text.slice(i, j);
      i = j;
      row.push(value);
    } else {
      let j = i;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      row.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) {
      rows.push(row);
      break;
    }
    c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) {
        row.push('');
        rows.push(row);
        break;
      }
      continue;
    }
    // End of the row.
    i += c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

/**
 * The delimiter of a delimited text: the most frequent of tab, comma and semicolon outside quotes in
 * the first non-empty line (comma on a tie or when there is none; tab for a .tsv on a tie).
 */
export function detectDelimiter(text: string, preferTab = false): Delimiter {
  const n = Math.min(text.length, 1 << 16);
  let i = 0;
  // Skip leading empty lines.
  while (i < n && (text.charCodeAt(i) === CR || text.charCodeAt(i) === LF)) i++;
  let comma = 0,
    tab = 0,
    semi = 0,
    inQuotes = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === LF || c === CR) break;
    else if (c === 44) comma++;
    else if (c === 9) tab++;
    else if (c === 59) semi++;
  }
  if (preferTab && tab > 0 && tab >= comma && tab >= semi) return '\t';
  if (comma >= tab && comma >= semi) return ',';
  return tab >= semi ? '\t' : ';';
}

/** Whether a field must be quoted: it holds a comma, quote or line break, or starts/ends with a space. */
function needsQuotes(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(n - 1);
  if (first === 32 || first === 9 || last === 32 || last === 9) return true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === QUOTE || c === LF || c === CR) return true;
  }
  return false;
}

/** One CSV field, quoted per RFC 4180 when it holds a comma, quote or line break (or edge spaces). */
function csvField(s: string): string {
  return needsQuotes(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

// ---------------------------------------------------------------------------------------------
// The writer

/** A value of a CSV cell: text, a number (written as JavaScript's shortest exact text), or nothing. */
export type CsvValue = string | number | null | undefined;
/**
 * How a column's text is written. `text` (the default): anything that would start a formula goes
 * behind a '. `code`: as text, and a digit-only code as ="…". `number`: a figure already formatted as
 * text (`-1.5`, `0.933`) is written as it is; anything else is treated as text.
 */
export type CsvColumnKind = 'text' | 'code' | 'number';

export interface CsvOptions {
  /** Columns (by header) that are not plain text. */
  kinds?: Readonly<Record<string, CsvColumnKind>>;
  /** The plan is the sample: a 数据说明 column on every row (shared/api/sample-note.ts). */
  sample?: boolean;
}

const DIGITS_RE = /^\d+$/;
const FORMULA_START_RE = /^[=+\-@\t\r]/;
const PLAIN_NUMBER_RE = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Text Excel/WPS would take for a formula (`=HYPERLINK(…)`, `+1`, `-2`, `@SUM(A1)`) goes behind a '. */
export function neutraliseFormula(t: string): string {
  return FORMULA_START_RE.test(t) ? `'${t}` : t;
}

/** One cell's text before quoting, written so that Excel/WPS keep it as it is and run nothing. */
export function csvCellText(v: CsvValue, kind: CsvColumnKind = 'text'): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (kind === 'code' && DIGITS_RE.test(v)) return `="${v}"`;
  if (kind === 'number' && PLAIN_NUMBER_RE.test(v)) return v;
  return neutraliseFormula(v);
}

/**
 * The CSV every export of the app writes: the header row, then the rows; UTF-8 BOM, CRLF after every
 * row (as Excel writes), each cell through `csvCellText` and quoted per RFC 4180.
 */
export function writeCsv(headers: readonly string[], rows: readonly (readonly CsvValue[])[], opts: CsvOptions = {}): string {
  // The sample's 数据说明 column closes every row, the header included.
  const extra = opts.sample ? [`,${csvField(SAMPLE_COLUMN)}`, `,${csvField(SAMPLE_NOTE.zh)}`] : ['', ''];
  const kinds = headers.map((h) => opts.kinds?.[h] ?? 'text');
  const line = (row: readonly CsvValue[], kindOf: (c: number) => CsvColumnKind) => {
    let s = '';
    for (let c = 0; c < row.length; c++) {
      if (c > 0) s += ',';
      s += csvField(csvCellText(row[c], kindOf(c)));
    }
    return s;
  };
  const parts: string[] = new Array(rows.length + 1);
  parts[0] = line(headers, () => 'text') + extra[0];
  for (let r = 0; r < rows.length; r++) parts[r + 1] = line(rows[r]!, (c) => kinds[c] ?? 'text') + extra[1];
  return `\ufeff${parts.join('\r\n')}\r\n`;
}

/** `writeCsv` as the bytes of a file. */
export function writeCsvBytes(headers: readonly string[], rows: readonly (readonly CsvValue[])[], opts: CsvOptions = {}): Uint8Array {
  return new TextEncoder().encode(writeCsv(headers, rows, opts));
}
