/**
 * A small, fast RFC 4180 reader and writer. Reading is lenient the way Excel is: a quote inside an
 * unquoted field is a literal, text after a closing quote is kept, an unterminated quote runs to the
 * end, rows may have any number of fields, and CRLF, LF or CR end a row. One record = one spreadsheet
 * row, so row numbers match what Excel shows even when a cell holds a line break.
 *
 * (csv-parse does the same but about 5× slower on a 60 MB file; this is one tight loop.)
 */

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
        if (q < 0) { value += text.slice(start); i = n; break; }
        if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) { value += text.slice(start, q + 1); start = q + 2; continue; }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Lenient: text after the closing quote belongs to the field.
      let j = i;
      while (j < n) { c = text.charCodeAt(j); if (c === d || c === LF || c === CR) break; j++; }
      if (j > i) value += text.slice(i, j);
      i = j;
      row.push(value);
    } else {
      let j = i;
      while (j < n) { c = text.charCodeAt(j); if (c === d || c === LF || c === CR) break; j++; }
      row.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) { rows.push(row); break; }
    c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) { row.push(''); rows.push(row); break; }
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
  let comma = 0, tab = 0, semi = 0, inQuotes = false;
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
export function csvField(s: string): string {
  return needsQuotes(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows → CSV text with CRLF line endings (and a CRLF after the last row, as Excel writes). */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  const parts: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let line = '';
    for (let c = 0; c < row.length; c++) {
      if (c > 0) line += ',';
      line += csvField(row[c]!);
    }
    parts[r] = line;
  }
  return parts.length ? `${parts.join('\r\n')}\r\n` : '';
}
