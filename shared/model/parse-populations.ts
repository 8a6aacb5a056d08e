/**
 * parsePopulationSheet: a planner's sheet of populations by year (人口 by 年份) → figures for the
 * plan's population table, or every problem with its row and column. All or nothing.
 *
 * Two layouts are read, as planners keep them:
 * - long: 区划代码 | 年份 | 常住人口 | 0-3岁人口 | 65岁及以上人口 — one row per unit and year;
 * - wide: 区划代码 | 2020年常住人口 | 2025年常住人口 | 2025年65岁及以上人口 … — a year in each header
 *   (2025, 2025年, 2025年人口, 常住人口（2025年）).
 * Cells are read by the same rules as the units table (12.5万, 1,234, full-width digits …).
 */
import type { ImportNote, ImportProblem } from './issues.ts';
import { CellError, cellConverter, normaliseHeader } from './cells.ts';
import { UNIT_COLUMNS, type ColumnDef } from './columns.ts';
import type { PopulationFigure } from './entities.ts';
import { cellMessage, msg, shown, type Message } from './import-messages.ts';
import type { SheetData } from './sheet.ts';
import { groupHeaderNames } from './parse-headers.ts';
import { laidOut, type HeaderScorer } from './sheet-layout.ts';

type Field = 'population' | 'population_0_3' | 'population_65_plus';
const FIELDS: readonly Field[] = ['population', 'population_0_3', 'population_65_plus'];
const colOf = (key: string): ColumnDef => UNIT_COLUMNS.find((c) => c.key === key)!;
const CODE = colOf('code');
const YEAR = colOf('year');
/** The long layout as the export writes it (名称 is for reading; the import passes over it). */
export const POPULATION_SHEET_COLUMNS: readonly ColumnDef[] = ['code', 'name', 'year', ...FIELDS].map(colOf);

const namesOf = (c: ColumnDef) => new Set([c.key, c.zh, c.en, ...c.aliases].map(normaliseHeader));
const CODE_NAMES = namesOf(CODE);
const YEAR_NAMES = namesOf(YEAR);
const FIELD_NAMES: Record<Field, Set<string>> = {
  population: new Set([...namesOf(colOf('population')), '人口', '常住人口', '人口数', '总人口']),
  population_0_3: namesOf(colOf('population_0_3')),
  population_65_plus: namesOf(colOf('population_65_plus')),
};
/** 2025, 2025年, 2025年常住人口, 常住人口(2025年), 常住人口2025 (after normaliseHeader). */
const YEAR_FIRST_RE = /^(\d{4})年?(.*)$/;
const YEAR_LAST_RE = /^(.*?)\(?(\d{4})年?\)?$/;

export interface PopulationParseResult {
  rows: PopulationFigure[];
  problems: ImportProblem[];
  /** { header as written: what it was read as, e.g. "2025 population" }. */
  columns: Record<string, string>;
  ignoredColumns: string[];
  dataRows: number;
  problemsTruncated: number;
  /** The spreadsheet row holding the headers: 1, unless title rows stand above them (the first of a two-row header). */
  headerRow: number;
  /** What the layout passed over: title rows, a two-row header, totals and footnote rows (sheet-layout.ts). */
  notes: ImportNote[];
}

/** How well headers name a population sheet's columns: the code and any figure are required. */
export const populationScorer: HeaderScorer = (headers) => {
  const roles = headers.map((h) => roleOf(h ?? ''));
  const has = (k: Role['kind']) => roles.some((r) => r?.kind === k);
  return { required: (has('code') ? 1 : 0) + (has('field') ? 1 : 0), matched: roles.filter((r) => r).length };
};

/** A column of the file: the code, the year (long layout), or one band's figure (of a year, in the wide layout). */
type Role = { kind: 'code' } | { kind: 'year' } | { kind: 'field'; field: Field; year: number | null };

export function roleOf(header: string): Role | null {
  const n = normaliseHeader(header);
  if (!n) return null;
  if (CODE_NAMES.has(n)) return { kind: 'code' };
  if (YEAR_NAMES.has(n)) return { kind: 'year' };
  const field = (rest: string): Field | null => (rest === '' ? 'population' : (FIELDS.find((f) => FIELD_NAMES[f].has(rest)) ?? null));
  for (const f of FIELDS) if (FIELD_NAMES[f].has(n)) return { kind: 'field', field: f, year: null };
  // A two-row header (sheet-layout.ts): 2025年/常住人口 is 2025年常住人口, 常住人口/2025年 is 常住人口2025年 (a reading with its year first).
  const group = groupHeaderNames(n).map(roleOf);
  const dated = group.find((r) => r?.kind === 'field' && r.year !== null) ?? group.find((r) => r);
  if (dated) return dated;
  for (const re of [YEAR_FIRST_RE, YEAR_LAST_RE]) {
    const m = re.exec(n);
    if (!m) continue;
    const [year, rest] = re === YEAR_FIRST_RE ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const y = Number(year);
    const f = field(rest);
    if (f && y >= 1949 && y <= 2100) return { kind: 'field', field: f, year: y };
  }
  return null;
}

const FIELD_WORDS: Record<Field, string> = { population: '常住人口', population_0_3: '0-3岁人口', population_65_plus: '65岁及以上人口' };

const problemsMsg = {
  noCode: (): Message => ({
    zh: '缺少必填列「区划代码」：人口表每行要写明是哪个单位，表头可写作 区划代码、统计用区划代码 或 code',
    en: 'The required column 区划代码 (code) is missing; each row of a population table names its unit',
  }),
  noFigures: (): Message => ({
    zh: '没有可识别的人口列：请写「年份」和「常住人口」两列（每行一个单位一年），或每年一列，表头如「2025年常住人口」',
    en: 'No population columns were recognised; give 年份 (year) and 常住人口 (population) columns, one row per unit and year, or one column per year headed like 2025年常住人口',
  }),
  noYear: (header: string): Message => ({
    zh: `「${header}」没有写明年份：请加上「年份」列，或把表头写成「2025年常住人口」这样带年份的形式`,
    en: `Column ${header} has no year; add a 年份 (year) column, or head it with its year, e.g. 2025年常住人口`,
  }),
  duplicate: (row: number, code: string, year: number, first: number, field: string): Message => ({
    zh: `第 ${row} 行的单位「${shown(code)}」${year} 年${field}与第 ${first} 行重复：每个单位每年只能有一个数，请删除重复的行`,
    en: `Row ${row}: unit "${shown(code)}" already has a ${year} figure for ${field} in row ${first}; keep one per unit and year`,
  }),
};

export function parsePopulationSheet(sheet: SheetData, knownUnitCodes: ReadonlySet<string>, maxProblems = 1000): PopulationParseResult {
  const problems: ImportProblem[] = [];
  let truncated = 0;
  const add = (row: number, column: string | null, value: string | undefined, m: Message) => {
    if (problems.length >= maxProblems) {
      truncated++;
      return;
    }
    problems.push({ row, column, message: m.zh, messageEn: m.en, ...(value !== undefined ? { value } : {}) });
  };
  // Title rows, a two-row header (2025年 over 常住人口 | 65岁及以上人口), totals: read past them, rows keep their numbers.
  const data = laidOut(sheet, 'populations', populationScorer);
  const headerRow = data.headerRows?.[0] ?? 1;
  const headers = data.headers.map((h) => (h ?? '').trim());
  const dataSheet = data.rows;
  const roles = headers.map(roleOf);
  const columns: Record<string, string> = {};
  const ignoredColumns: string[] = [];
  headers.forEach((h, i) => {
    const r = roles[i];
    if (!h) return;
    if (!r) {
      ignoredColumns.push(h);
      return;
    }
    columns[h] = r.kind === 'field' ? (r.year ? `${r.year}:${r.field}` : r.field) : r.kind;
  });
  const codeAt = roles.findIndex((r) => r?.kind === 'code');
  const yearAt = roles.findIndex((r) => r?.kind === 'year');
  const fieldCols = roles.flatMap((r, i) => (r?.kind === 'field' ? [{ i, field: r.field, year: r.year }] : []));
  const done = (rows: PopulationFigure[], dataRows: number): PopulationParseResult => ({
    rows: problems.length || truncated ? [] : rows,
    problems: problems.sort((a, b) => a.row - b.row),
    columns,
    ignoredColumns,
    dataRows,
    problemsTruncated: truncated,
    headerRow,
    notes: data.notes ?? [],
  });

  if (codeAt < 0) add(headerRow, CODE.key, undefined, problemsMsg.noCode());
  if (fieldCols.length === 0) add(headerRow, null, undefined, problemsMsg.noFigures());
  for (const c of fieldCols) if (c.year === null && yearAt < 0) add(headerRow, headers[c.i]!, undefined, problemsMsg.noYear(headers[c.i]!));
  if (problems.length) return done([], 0);
  // A total amid the data, named by its row (totals at the top or bottom were passed over, with a note).
  for (const p of data.problems ?? []) add(p.row, p.column, p.value, { zh: p.message, en: p.messageEn });

  const readCode = cellConverter(CODE);
  const readYear = cellConverter(YEAR);
  const readers = fieldCols.map((c) => cellConverter(colOf(c.field)));
  const byKey = new Map<string, PopulationFigure>();
  const firstRow = new Map<string, number>();
  let dataRows = 0;
  dataSheet.forEach((cells, r) => {
    if (cells.every((x) => !x?.trim())) return;
    dataRows++;
    const rowNo = data.rowNumbers?.[r] ?? r + 2;
    const code = readCode(cells[codeAt]);
    if (code instanceof CellError) {
      add(rowNo, headers[codeAt]!, cells[codeAt] ?? '', cellMessage(code.kind, 'units', CODE, headers[codeAt]!, rowNo, cells[codeAt] ?? ''));
      return;
    }
    if (typeof code !== 'string') return;
    if (!knownUnitCodes.has(code)) {
      add(rowNo, headers[codeAt]!, code, msg.unknownUnit(rowNo, headers[codeAt]!, code));
      return;
    }
    let rowYear: number | null = null;
    if (yearAt >= 0) {
      const y = readYear(cells[yearAt]);
      if (y instanceof CellError) {
        add(rowNo, headers[yearAt]!, cells[yearAt] ?? '', cellMessage(y.kind, 'units', YEAR, headers[yearAt]!, rowNo, cells[yearAt] ?? ''));
        return;
      }
      rowYear = typeof y === 'number' ? y : null;
    }
    fieldCols.forEach((c, k) => {
      const raw = cells[c.i];
      const v = readers[k]!(raw);
      if (v instanceof CellError) {
        add(rowNo, headers[c.i]!, raw ?? '', cellMessage(v.kind, 'units', colOf(c.field), headers[c.i]!, rowNo, raw ?? ''));
        return;
      }
      if (v === null) return;
      const year = c.year ?? rowYear;
      if (year === null) {
        add(rowNo, headers[yearAt]!, '', cellMessage('required', 'units', YEAR, headers[yearAt]!, rowNo, ''));
        return;
      }
      const key = `${code}\u0000${year}`;
      const fieldKey = `${key}\u0000${c.field}`;
      const first = firstRow.get(fieldKey);
      if (first !== undefined) {
        add(rowNo, headers[c.i]!, String(v), problemsMsg.duplicate(rowNo, code, year, first, FIELD_WORDS[c.field]));
        return;
      }
      firstRow.set(fieldKey, rowNo);
      let f = byKey.get(key);
      if (!f) byKey.set(key, (f = { code, year, population: null, population_0_3: null, population_65_plus: null }));
      f[c.field] = v as number;
    });
  });
  if (dataRows === 0) add(0, null, undefined, msg.noDataRows('units'));
  return done([...byKey.values()], dataRows);
}
