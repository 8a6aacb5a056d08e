/**
 * Matching the headers planners write to the canonical columns: by key, Chinese header, English
 * header or alias, after `normaliseHeader` (full-width → half-width, no spaces, case-insensitive).
 * A header such as 实有床位（张） that does not match as written is tried once more without its
 * trailing bracketed unit, if that is the column's own unit (see `unitsOf`).
 */
import { normaliseHeader, unitsOf } from './cells.ts';
import { TABLE_COLUMNS, type ColumnDef, type TableName } from './columns.ts';

interface HeaderIndex {
  byName: Map<string, number>;
  /** Names that two different columns of the table both claim (a mistake in columns.ts). */
  conflicts: string[];
}

const indexes = new Map<TableName, HeaderIndex>();

function headerIndex(table: TableName): HeaderIndex {
  let idx = indexes.get(table);
  if (idx) return idx;
  const cols: readonly ColumnDef[] = TABLE_COLUMNS[table];
  const byName = new Map<string, number>();
  const conflicts: string[] = [];
  cols.forEach((c, i) => {
    for (const name of [c.key, c.zh, c.en, ...c.aliases]) {
      const n = normaliseHeader(name);
      if (!n) continue;
      const prev = byName.get(n);
      if (prev === undefined) byName.set(n, i);
      else if (prev !== i) conflicts.push(`${name} (${cols[prev]!.key} / ${c.key})`);
    }
  });
  idx = { byName, conflicts };
  indexes.set(table, idx);
  return idx;
}

/** For tests: header names that map to two columns of a table (should be none). */
export function headerConflicts(table: TableName): string[] {
  return headerIndex(table).conflicts;
}

const TRAILING_UNIT_RE = /\([^()]*\)$/;

/** Between a group header and its sub-header in a two-row header (see sheet-layout.ts): 卫生技术人员/注册护士. */
export const GROUP_SEP = '/';
/** A sub-header that stands for its group's total: 卫生技术人员/小计 is 卫生技术人员. */
const SUBTOTAL_HEADER_RE = /^(?:小计|合计|总计|计|总数|人数|数量|数)$/;
const OF_WHICH_RE = /^其中[:：]?/;

/**
 * The names a two-row header "group/sub" may be read as, after normaliseHeader, in order: the
 * sub-header alone (注册护士), sub + group (实有/床位 → 实有床位), group + sub (2025年/常住人口), and the
 * group alone when the sub-header is its total (小计). Empty for a header without exactly one GROUP_SEP.
 */
export function groupHeaderNames(normalised: string): string[] {
  const parts = normalised.split(GROUP_SEP);
  if (parts.length !== 2 || !parts[0] || !parts[1]) return [];
  const group = parts[0];
  const sub = parts[1].replace(OF_WHICH_RE, '');
  if (!sub) return [];
  return SUBTOTAL_HEADER_RE.test(sub) ? [group] : [sub, sub + group, group + sub];
}

/** The index in TABLE_COLUMNS[table] of the column a header names, or -1. */
export function matchHeader(table: TableName, header: string): number {
  const { byName } = headerIndex(table);
  const n = normaliseHeader(header);
  if (!n) return -1;
  const i = byName.get(n);
  if (i !== undefined) return i;
  // A two-row header: 卫生技术人员/执业(助理)医师 is 执业(助理)医师 (the sub-header first).
  for (const name of groupHeaderNames(n)) {
    const k = matchHeader(table, name);
    if (k >= 0) return k;
  }
  // 实有床位（张） is 实有床位; 常住人口（万人） is not 常住人口 — its numbers are 10,000 times smaller.
  const unit = TRAILING_UNIT_RE.exec(n);
  if (!unit) return -1;
  const j = byName.get(n.slice(0, unit.index));
  return j !== undefined && unitsOf(TABLE_COLUMNS[table][j]!).has(unit[0].slice(1, -1)) ? j : -1;
}

export interface HeaderMapping {
  /** For each column of the table (in TABLE_COLUMNS order): the index of its column in the file, or -1. */
  fileIndex: number[];
  /** { header as written: canonical key } for the recognised headers. */
  columns: Record<string, string>;
  /** Non-empty headers that name no column. */
  ignored: string[];
  /** A header naming a column an earlier header already named. */
  duplicates: { header: string; fileIndex: number; firstHeader: string; column: ColumnDef }[];
  /** How many distinct columns, and how many of the required ones, were found. */
  matched: number;
  requiredMatched: number;
}

export function mapHeaders(table: TableName, headers: readonly (string | undefined)[]): HeaderMapping {
  const cols: readonly ColumnDef[] = TABLE_COLUMNS[table];
  const fileIndex = cols.map(() => -1);
  const columns: Record<string, string> = {};
  const ignored: string[] = [];
  const duplicates: HeaderMapping['duplicates'] = [];
  let matched = 0;
  let requiredMatched = 0;
  headers.forEach((raw, fi) => {
    const h = (raw ?? '').trim();
    if (!h) return;
    const ci = matchHeader(table, h);
    if (ci < 0) {
      ignored.push(h);
      return;
    }
    const c = cols[ci]!;
    const first = fileIndex[ci]!;
    if (first >= 0) {
      duplicates.push({ header: h, fileIndex: fi, firstHeader: (headers[first] ?? '').trim(), column: c });
      return;
    }
    fileIndex[ci] = fi;
    columns[h] = c.key;
    matched++;
    if (c.required) requiredMatched++;
  });
  return { fileIndex, columns, ignored, duplicates, matched, requiredMatched };
}

export function requiredCount(table: TableName): number {
  return (TABLE_COLUMNS[table] as readonly ColumnDef[]).filter((c) => c.required).length;
}
