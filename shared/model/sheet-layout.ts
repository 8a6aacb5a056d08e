/**
 * Sheets as 卫健委s keep them: a title or two above the header (2025年XX区医疗机构基本情况表, 填报单位：…
 * 单位：张), a header of two rows (a merged group cell 卫生技术人员 over 执业(助理)医师 | 注册护士), a totals row
 * (合计/总计) at the bottom or right under the header, footnotes (注：…, 填表人：…) below the data.
 *
 * `findLayout(sheet, kind)` says where the header is, whether it is two rows, and which rows are
 * totals; `applyLayout` gives a plain SheetData of the header and the data rows only, each data row
 * still carrying its spreadsheet row number (`rowNumbers`), so a problem names the row the planner
 * sees. What was skipped is said as notes; a total amid the data is a problem naming its row.
 *
 * A two-row header is read column by column as "group/sub" (卫生技术人员/执业(助理)医师); matchHeader
 * (parse-headers.ts) tries the sub-header alone first (see groupHeaderNames). In an .xlsx a merged
 * cell's value stands in every cell of its span (exceljs gives the merged cells the master's value);
 * in a CSV saved from Excel only the first cell of the span has it, so an empty group cell over a
 * sub-header takes the group to its left. Pure: no Node, no DOM.
 */
import { toHalfWidth } from './cells.ts';
import type { TableName } from './columns.ts';
import type { ImportNote, ImportProblem } from './issues.ts';
import type { Message } from './import-messages.ts';
import { GROUP_SEP, mapHeaders } from './parse-headers.ts';
import type { SheetData } from './sheet.ts';

/** The kinds of sheet a plan imports. */
export type LayoutKind = TableName | 'populations' | 'candidates' | 'projects';

/** How well a row of headers names a kind's columns: more required columns first, then more columns. */
export interface HeaderScore {
  required: number;
  matched: number;
}
export type HeaderScorer = (headers: readonly string[]) => HeaderScore;

export interface SheetLayout {
  /** Spreadsheet rows (1-based) of the header: one row, or the group row and the sub-header row. */
  headerRows: number[];
  /** Each column's header as read; "group/sub" under a merged group (卫生技术人员/注册护士). */
  headers: string[];
  /** Rows above the header, skipped (titles, 填报单位 lines). */
  titleRows: number[];
  /** Rows of the data area that are not data: dropped (at the top or bottom) or refused (amid the data). */
  skipped: { row: number; what: 'total' | 'ofWhich' | 'footnote'; text: string; column: number; amid: boolean }[];
}

/** How far down the header is looked for. */
export const HEADER_SEARCH_ROWS = 10;

const WS_RE = /[\s\u00a0\u3000]+/g;
const clean = (s: string | undefined) => (s ?? '').trim();
const squeeze = (s: string) => toHalfWidth(s).replace(WS_RE, '');
/** 填报单位：… 单位：张 制表：… 表号：… — lines of a statistical form around its table (after squeeze). */
const INFO_RE =
  /^(?:填报单位|填表单位|报送单位|制表单位|统计单位|计量单位|金额单位|单位|填报日期|填表日期|报送日期|制表日期|报出日期|统计时间|统计日期|统计时点|报告期|日期|时间|表号|制表机关|批准机关|批准文号|有效期至|填表人|制表人|审核人|负责人|单位负责人|统计负责人|联系电话)[:：]/;
/** 合计, 总计, 小计, 共计, 全区合计, 全县总计, 本页小计 (after squeeze). */
const TOTAL_RE = /^(?:全(?:市|区|县|镇|乡|街道|部)|本(?:页|表)|各类?)?(?:合计|总计|小计|共计)$/;
const OF_WHICH_RE = /^其中/;
/** 注：… 说明：… 资料来源：… and the signature lines of a form (after squeeze). */
const FOOTNOTE_RE = /^(?:注\d?|说明|备注|资料来源|数据来源|填表说明)[:：.、]/;

/** Whether a row has any text, without allocating (called for every row of large sheets). */
function hasText(row: readonly (string | undefined)[]): boolean {
  for (let c = 0; c < row.length; c++) {
    const s = row[c];
    if (s !== undefined && s.length > 0 && s.trim().length > 0) return true;
  }
  return false;
}
/** The first characters a totals, 其中 or footnote row's word starts with (合计 总计 小计 共计 全区… 本页… 各类… 其中 注 说明 备注 资料/数据来源 填表/制表/审核/负责/联系…). */
const MARK_START = new Set([...'合总小共全本各其注说备资数填制审负单统联日时表批有报计金'].map((ch) => ch.charCodeAt(0)));
const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
/**
 * 0: no text; 1: text; 2: text whose first or second non-empty cell starts with a character a totals,
 * 其中 or footnote row starts with (so the regexes run on few rows). Allocates nothing: it runs on every row.
 */
function rowMark(row: readonly (string | undefined)[]): 0 | 1 | 2 {
  let seen = 0;
  for (let c = 0; c < row.length && seen < 2; c++) {
    const s = row[c];
    if (s === undefined) continue;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (isBlank(ch)) continue;
      if (MARK_START.has(ch)) return 2;
      seen++;
      break;
    }
  }
  return seen > 0 ? 1 : hasText(row) ? 1 : 0;
}

function nonEmpty(row: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const c of row) {
    const s = clean(c);
    if (s) out.push(s);
  }
  return out;
}

/** A row that cannot be the header: empty, one text (a title, also when merged across the row), or 填报单位-type lines only. */
export function isTitleRow(row: readonly (string | undefined)[]): boolean {
  const cells = nonEmpty(row);
  if (new Set(cells).size <= 1) return true;
  return cells.every((c) => INFO_RE.test(squeeze(c)));
}

/** The column of a row's totals word (合计 …) among its first two non-empty cells, or -1. */
function totalAt(row: readonly (string | undefined)[], re: RegExp): number {
  let seen = 0;
  for (let c = 0; c < row.length && seen < 2; c++) {
    const s = clean(row[c]);
    if (!s) continue;
    seen++;
    if (re.test(squeeze(s))) return c;
  }
  return -1;
}
function firstAt(row: readonly (string | undefined)[]): number {
  return row.findIndex((c) => clean(c) !== '');
}

/**
 * The headers read from one header row, or from a group row over a sub-header row: "group/sub",
 * the group alone where the sub-header is empty or repeats it (a cell merged down both rows), the
 * sub-header alone where there is no group.
 */
export function combineHeaders(top: readonly (string | undefined)[], sub: readonly (string | undefined)[] | null): string[] {
  const n = Math.max(top.length, sub?.length ?? 0);
  const out: string[] = new Array(n);
  let group = ''; // a group written only in the first cell of its span (a CSV saved from merged cells)
  for (let c = 0; c < n; c++) {
    const t = clean(top[c]);
    const s = sub ? clean(sub[c]) : '';
    if (!sub) {
      out[c] = t;
      continue;
    }
    if (t) group = s ? t : '';
    if (!s || s === t) out[c] = t;
    else if (t) out[c] = `${t}${GROUP_SEP}${s}`;
    else out[c] = group ? `${group}${GROUP_SEP}${s}` : s;
  }
  return out;
}

/** Cells merged across (a group over differing sub-headers) or down (one cell over both rows). */
function mergeEvidence(top: readonly (string | undefined)[], sub: readonly (string | undefined)[]): boolean {
  for (let c = 0; c < top.length; c++) {
    const t = clean(top[c]);
    const s = clean(sub[c]);
    if (!t || !s) continue;
    if (s === t) return true;
    const t2 = clean(top[c + 1]);
    const s2 = clean(sub[c + 1]);
    if (t2 === t && s2 && s2 !== s) return true;
  }
  return false;
}

/** The scorer of a table's headers (units, facilities): by matchHeader. */
export function tableScorer(table: TableName): HeaderScorer {
  return (headers) => {
    const m = mapHeaders(table, headers);
    return { required: m.requiredMatched, matched: m.matched };
  };
}
const NO_SCORE: HeaderScorer = () => ({ required: 0, matched: 0 });
const better = (a: HeaderScore, b: HeaderScore) => a.required > b.required || (a.required === b.required && a.matched > b.matched);

/**
 * Where the header and the data of a sheet are. The header is the row (or pair of rows) among the
 * first HEADER_SEARCH_ROWS + 1 that names most of the kind's columns (required ones first); a pair
 * wins over its first row alone when it names more, or as many with merged cells showing it is one
 * header. When no row names any column, the header is the first row that is not a title.
 * `score` says how well headers name the kind's columns (units and facilities have one by default).
 */
export function findLayout(sheet: SheetData, kind: LayoutKind, score?: HeaderScorer): SheetLayout {
  const n = sheet.rows.length + 1;
  const row = (k: number): readonly (string | undefined)[] => (k === 0 ? sheet.headers : sheet.rows[k - 1]!);
  const rowNo = (k: number) => k + 1;
  const scorer = score ?? (kind === 'units' || kind === 'facilities' ? tableScorer(kind) : NO_SCORE);
  const limit = Math.min(n, HEADER_SEARCH_ROWS + 1);
  let best: { k: number; two: boolean; headers: string[]; score: HeaderScore } | null = null;
  for (let k = 0; k < limit; k++) {
    const top = row(k);
    if (isTitleRow(top)) continue;
    const one = combineHeaders(top, null);
    const s1 = scorer(one);
    if (!best || better(s1, best.score)) best = { k, two: false, headers: one, score: s1 };
    const sub = k + 1 < n ? row(k + 1) : undefined;
    if (!sub || isTitleRow(sub)) continue;
    const two = combineHeaders(top, sub);
    const s2 = scorer(two);
    const tieWithMerges = best.k === k && !best.two && !better(best.score, s2) && s2.matched > 0 && mergeEvidence(top, sub);
    if (better(s2, best.score) || tieWithMerges) best = { k, two: true, headers: two, score: s2 };
  }
  if (!best || best.score.matched === 0) {
    let k = 0;
    while (k < limit && isTitleRow(row(k))) k++;
    if (k >= limit) k = 0;
    // Headers not (yet) recognised, for a column mapping to name: two rows when merged cells show it.
    const sub = k + 1 < n ? row(k + 1) : undefined;
    const two = !!sub && k < n && !isTitleRow(sub) && mergeEvidence(row(k), sub);
    best = { k, two, headers: combineHeaders(k < n ? row(k) : [], two ? sub! : null), score: { required: 0, matched: 0 } };
  }
  const headerRows = best.two ? [rowNo(best.k), rowNo(best.k + 1)] : [rowNo(best.k)];
  const titleRows: number[] = [];
  for (let k = 0; k < best.k; k++) if (nonEmpty(row(k)).length > 0) titleRows.push(rowNo(k));

  // The data area: totals and their 其中 at its top and bottom, footnotes at its bottom, are dropped; a total amid the data is refused.
  const first = best.k + (best.two ? 2 : 1);
  const skipped: SheetLayout['skipped'] = [];
  const marks = new Uint8Array(Math.max(0, n - first));
  const dataRows: number[] = [];
  for (let k = first; k < n; k++) {
    const m = rowMark(row(k));
    marks[k - first] = m;
    if (m) dataRows.push(k);
  }
  const classify = (k: number, bottom: boolean): { what: 'total' | 'ofWhich' | 'footnote'; column: number } | null => {
    const cells = row(k);
    if (marks[k - first] !== 2) return null;
    let c = totalAt(cells, TOTAL_RE);
    if (c >= 0) return { what: 'total', column: c };
    c = firstAt(cells);
    if (OF_WHICH_RE.test(squeeze(clean(cells[c])))) return { what: 'ofWhich', column: c };
    if (bottom && (FOOTNOTE_RE.test(squeeze(clean(cells[c]))) || nonEmpty(cells).every((x) => INFO_RE.test(squeeze(x)))))
      return { what: 'footnote', column: c };
    return null;
  };
  const edge = new Set<number>();
  // Bottom: from the last row up, while totals, 其中 or footnotes.
  for (let i = dataRows.length - 1; i >= 0; i--) {
    const k = dataRows[i]!;
    const c = classify(k, true);
    if (!c) break;
    edge.add(k);
    skipped.push({ row: rowNo(k), what: c.what, text: clean(row(k)[c.column]), column: c.column, amid: false });
  }
  // Top: a total right under the header (statistical tables put 总计 first), with its 其中 rows.
  for (let i = 0; i < dataRows.length && !edge.has(dataRows[i]!); i++) {
    const k = dataRows[i]!;
    const c = classify(k, false);
    if (!c || (i === 0 && c.what !== 'total')) break;
    edge.add(k);
    skipped.push({ row: rowNo(k), what: c.what, text: clean(row(k)[c.column]), column: c.column, amid: false });
  }
  for (const k of dataRows) {
    if (edge.has(k)) continue;
    const c = classify(k, false);
    if (c) skipped.push({ row: rowNo(k), what: c.what, text: clean(row(k)[c.column]), column: c.column, amid: true });
  }
  skipped.sort((a, b) => a.row - b.row);
  return { headerRows, headers: best.headers, titleRows, skipped };
}

const KIND_WORDS: Record<LayoutKind, Message> = {
  units: { zh: '单位（行政区划）', en: 'unit' },
  facilities: { zh: '机构', en: 'facility' },
  populations: { zh: '单位的人口', en: "unit's population" },
  candidates: { zh: '候选点', en: 'candidate site' },
  projects: { zh: '项目', en: 'project' },
};
const span = (rows: number[]) => (rows.length === 1 ? `${rows[0]}` : `${rows[0]}–${rows[rows.length - 1]}`);

/** What a layout says to the planner: the rows skipped, as notes; totals amid the data, as problems. */
export function layoutMessages(layout: SheetLayout, kind: LayoutKind): { notes: ImportNote[]; problems: ImportProblem[] } {
  const notes: ImportNote[] = [];
  const problems: ImportProblem[] = [];
  const [h1, h2] = layout.headerRows;
  if (layout.titleRows.length > 0) {
    const t = span(layout.titleRows);
    const at = h2 === undefined ? { zh: `；表头在第 ${h1} 行`, en: `; the header is row ${h1}` } : { zh: '', en: '' };
    notes.push({
      row: layout.titleRows[0]!,
      message: `第 ${t} 行在表头之上（表格标题、填报单位等），已跳过${at.zh}`,
      messageEn: `Row${layout.titleRows.length > 1 ? 's' : ''} ${t} above the header (title, 填报单位 …) skipped${at.en}`,
    });
  }
  if (h2 !== undefined) {
    const ex = layout.headers.find((h) => h.includes(GROUP_SEP)) ?? '';
    notes.push({
      row: h1!,
      message: `第 ${h1}–${h2} 行是两行表头：上层的合并单元格与下层表头合起来读${ex ? `，如「${ex}」` : ''}`,
      messageEn: `Rows ${h1}–${h2} are one header of two rows: each merged group cell is read with the sub-headers under it${ex ? `, e.g. ${ex}` : ''}`,
    });
  } else if (h1 !== 1 && layout.titleRows.length === 0) {
    notes.push({ row: h1!, message: `表头在第 ${h1} 行`, messageEn: `The header is in row ${h1}` });
  }
  const w = KIND_WORDS[kind];
  for (const s of layout.skipped) {
    const header = layout.headers[s.column] || null;
    if (s.amid) {
      problems.push(
        s.what === 'total'
          ? {
              row: s.row,
              column: header,
              value: s.text,
              message: `第 ${s.row} 行是合计行（「${s.text}」），夹在数据行中间：合计不是一个${w.zh}，导入会把它当作一行重复计数；请删除这一行（表格最上方或最下方的合计行会自动略过）`,
              messageEn: `Row ${s.row} is a totals row ("${s.text}") amid the data: a total is not a ${w.en} and would be counted twice; delete the row (a totals row at the top or bottom of the table is skipped by itself)`,
            }
          : {
              row: s.row,
              column: header,
              value: s.text,
              message: `第 ${s.row} 行是“其中”分项（「${s.text}」），夹在数据行中间：它是上一行的一部分，导入会重复计数；请删除这一行`,
              messageEn: `Row ${s.row} is an "of which" breakdown ("${s.text}") amid the data: it is part of the row above and would be counted twice; delete the row`,
            },
      );
      continue;
    }
    notes.push(
      s.what === 'total'
        ? {
            row: s.row,
            message: `第 ${s.row} 行是合计行（「${s.text}」），不是一个${w.zh}，已略过`,
            messageEn: `Row ${s.row} is a totals row ("${s.text}"), not a ${w.en}; skipped`,
          }
        : s.what === 'ofWhich'
          ? {
              row: s.row,
              message: `第 ${s.row} 行是合计的“其中”分项（「${s.text}」），已略过`,
              messageEn: `Row ${s.row} is an "of which" line of the total ("${s.text}"); skipped`,
            }
          : {
              row: s.row,
              message: `第 ${s.row} 行是表注或签名行（「${s.text}」），已略过`,
              messageEn: `Row ${s.row} is a footnote or signature line ("${s.text}"); skipped`,
            },
    );
  }
  return { notes, problems };
}

/**
 * The sheet as its layout reads it: the header, and the data rows only (title, header, totals and
 * footnote rows removed), with `rowNumbers` giving each data row's spreadsheet row, `headerRows`, and
 * the layout's notes and problems. A sheet that already has `rowNumbers` is returned as it is.
 */
export function applyLayout(sheet: SheetData, layout: SheetLayout, kind: LayoutKind): SheetData {
  if (sheet.rowNumbers) return sheet;
  const drop = new Set(layout.skipped.map((s) => s.row));
  // The last header row is row h (1-based) = sheet.rows[h - 2]; the data start at sheet.rows[h - 1].
  const first = layout.headerRows[layout.headerRows.length - 1]! - 1;
  let rows: string[][];
  let rowNumbers: number[];
  if (drop.size === 0) {
    rows = sheet.rows.slice(first);
    rowNumbers = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) rowNumbers[i] = first + i + 2;
  } else {
    rows = [];
    rowNumbers = [];
    for (let i = first; i < sheet.rows.length; i++) {
      if (drop.has(i + 2)) continue;
      rows.push(sheet.rows[i]!);
      rowNumbers.push(i + 2);
    }
  }
  const { notes, problems } = layoutMessages(layout, kind);
  return { headers: layout.headers, rows, rowNumbers, headerRows: layout.headerRows, notes, problems };
}

/** findLayout then applyLayout (a sheet already laid out is returned as it is). */
export function laidOut(sheet: SheetData, kind: LayoutKind, score?: HeaderScorer): SheetData {
  return sheet.rowNumbers ? sheet : applyLayout(sheet, findLayout(sheet, kind, score), kind);
}

/** The note of an import from a workbook of several sheets: which was read, which others there are, how to choose. */
export function sheetChoiceNote(read: string, sheets: readonly string[]): ImportNote {
  const others = sheets.filter((s) => s !== read);
  return {
    row: 0,
    message: `工作簿有 ${sheets.length} 个工作表，读取的是「${read}」；其他工作表：${others.map((s) => `「${s}」`).join('、')}。如要导入其他工作表，请选择工作表（命令行：--sheet 工作表名称）`,
    messageEn: `The workbook has ${sheets.length} sheets; "${read}" was read; the others: ${others.map((s) => `"${s}"`).join(', ')}. To import another, choose its sheet (CLI: --sheet NAME)`,
  };
}
