/**
 * parseTableRows: a sheet of text cells (from a CSV or an .xlsx) → typed units or facilities, or the
 * full list of what is wrong with it. All or nothing: rows are returned only when there is no problem.
 *
 * Every problem names the spreadsheet row (the header is row 1, the first data row 2), the header as
 * written in the file, the value, and says in Chinese and English what is wrong and how to fix it.
 * Built for large sheets: one converter per column is compiled before the loop, the loop allocates
 * nothing but the row objects, and messages are only built for the problems that are listed.
 */
import type { ImportNote, ImportProblem } from './issues.ts';
import { toWgs84, type Crs } from '../geo/crs.ts';
import { CellError, cellConverter, type CellConverter } from './cells.ts';
import { KEY_MAX_LENGTH, TABLE_COLUMNS, TABLE_KEY, type ColumnDef, type TableName } from './columns.ts';
import type { Facility, Unit } from './entities.ts';
import { cellMessage, msg, type Message } from './import-messages.ts';
import { defaultUrban, type UnitKind } from './kinds.ts';
import { mapHeaders, requiredCount, type HeaderMapping } from './parse-headers.ts';
import { rowFactory } from './row-factory.ts';
import { laidOut } from './sheet-layout.ts';
import { findCycles } from './hierarchy.ts';
import type { SheetData } from './sheet.ts';
import { findLevelColumn, readFacilityType, unknownTypeMessage } from './institution-types.ts';
import type { FacilityType } from './kinds.ts';

export type { SheetData };

export type TableRow<T extends TableName> = T extends 'units' ? Unit : Facility;

export interface ParseContext {
  /** Codes of the units already in the plan (scenario): parents of units, and units of facilities. */
  knownUnitCodes: ReadonlySet<string>;
  /** Parent codes of the units already in the plan, so a loop through them is caught too. */
  knownUnitParents?: ReadonlyMap<string, string | null>;
  /** The coordinate system of the file's lon/lat; converted to WGS-84. */
  crs: Crs;
  /** Problems listed at most (default 1000); the rest are counted in problemsTruncated. */
  maxProblems?: number;
  /**
   * Facilities: the plan's own type names (机构类别对照, keys as foldTypeText), consulted after the built-in names and
   * codes; and the file index of the 医院等级 column when the headers were renamed by a mapping (else found by its header).
   */
  facilityTypes?: { aliases?: ReadonlyMap<string, FacilityType>; levelColumn?: number };
}

export interface ParseResult<R> {
  /** The typed rows, in file order; empty unless there are no problems. */
  rows: R[];
  problems: ImportProblem[];
  problemsTruncated: number;
  /** { header as written: canonical key } */
  columns: Record<string, string>;
  /** Headers that name no column. */
  ignoredColumns: string[];
  /** Non-empty data rows read. */
  dataRows: number;
  /** The spreadsheet row holding the headers: 1, unless title rows stand above them (the first of a two-row header). */
  headerRow: number;
  /** What the layout passed over: title rows, a two-row header, totals and footnote rows (sheet-layout.ts). */
  notes: ImportNote[];
  /** Facilities: each facility type text that could not be read, once, with its rows (to add in 机构类别对照). */
  unknownTypes?: { written: string; rows: number[] }[];
}

export const DEFAULT_MAX_PROBLEMS = 1000;

class Problems {
  readonly list: ImportProblem[] = [];
  truncated = 0;
  private readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  /** Whether another problem will be listed; when not, it is counted. Call before building a message. */
  room(): boolean {
    if (this.list.length < this.max) return true;
    this.truncated++;
    return false;
  }
  add(row: number, column: string | null, value: string | undefined, m: Message): void {
    const p: ImportProblem = { row, column, message: m.zh, messageEn: m.en };
    if (value !== undefined) p.value = value;
    this.list.push(p);
  }
  get any(): boolean {
    return this.list.length > 0 || this.truncated > 0;
  }
}

function isEmptyRow(cells: readonly (string | undefined)[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const s = cells[i];
    if (s !== undefined && s.length > 0 && s.trim().length > 0) return false;
  }
  return true;
}

export function parseTableRows(table: 'units', sheet: SheetData, ctx: ParseContext): ParseResult<Unit>;
export function parseTableRows(table: 'facilities', sheet: SheetData, ctx: ParseContext): ParseResult<Facility>;
export function parseTableRows<T extends TableName>(table: T, sheet: SheetData, ctx: ParseContext): ParseResult<TableRow<T>>;
export function parseTableRows(table: TableName, sheet: SheetData, ctx: ParseContext): ParseResult<Unit | Facility> {
  const problems = new Problems(Math.max(0, ctx.maxProblems ?? DEFAULT_MAX_PROBLEMS));
  const cols: readonly ColumnDef[] = TABLE_COLUMNS[table];
  let notes: ImportNote[] = [];
  const unknownTypes = new Map<string, number[]>();
  const result = (rows: (Unit | Facility)[], mapping: HeaderMapping | null, dataRows: number, headerRow: number): ParseResult<Unit | Facility> => ({
    rows: problems.any ? [] : rows,
    problems: problems.list.sort((a, b) => a.row - b.row),
    problemsTruncated: problems.truncated,
    columns: mapping?.columns ?? {},
    ignoredColumns: mapping?.ignored ?? [],
    dataRows,
    headerRow,
    notes,
    ...(unknownTypes.size ? { unknownTypes: [...unknownTypes].map(([written, rows]) => ({ written, rows })) } : {}),
  });

  // ---- The file as a whole, and its headers ----------------------------------------------------
  if (isEmptyRow(sheet.headers) && sheet.rows.every(isEmptyRow)) {
    if (problems.room()) problems.add(0, null, undefined, msg.emptyFile(table));
    return result([], null, 0, 1);
  }
  // Title rows, a two-row header, totals at the top or bottom: read past them (sheet-layout.ts); rows keep their numbers.
  const data = laidOut(sheet, table);
  notes = data.notes ?? [];
  const headerRow = data.headerRows?.[0] ?? 1;
  const headerCells = data.headers;
  const rowNoOf = (r: number) => data.rowNumbers?.[r] ?? r + 2;
  const mapping = mapHeaders(table, headerCells);
  const headerOf = (fi: number) => (headerCells[fi] ?? '').trim();
  for (const p of data.problems ?? []) if (problems.room()) problems.list.push(p);

  if (mapping.matched === 0) {
    if (problems.room()) problems.add(headerRow, null, undefined, msg.noHeaders(table, headerRow));
    const other: TableName = table === 'units' ? 'facilities' : 'units';
    const o = mapHeaders(other, headerCells);
    if (o.requiredMatched === requiredCount(other) && problems.room()) problems.add(headerRow, null, undefined, msg.wrongTable(table));
    return result([], mapping, 0, headerRow);
  }
  cols.forEach((c, ci) => {
    if (c.required && mapping.fileIndex[ci]! < 0 && problems.room()) problems.add(headerRow, c.key, undefined, msg.missingColumn(c));
  });
  if (mapping.requiredMatched < requiredCount(table)) {
    // The other table's file? Say so, and spare the planner a problem for every row.
    const other: TableName = table === 'units' ? 'facilities' : 'units';
    if (mapHeaders(other, headerCells).requiredMatched === requiredCount(other)) {
      if (problems.room()) problems.add(headerRow, null, undefined, msg.wrongTable(table));
      return result([], mapping, data.rows.filter((r) => !isEmptyRow(r)).length, headerRow);
    }
  }
  for (const d of mapping.duplicates) {
    if (problems.room()) problems.add(headerRow, d.header, undefined, msg.duplicateHeader(headerRow, d.header, d.firstHeader, d.column));
  }

  // ---- Compile the columns ---------------------------------------------------------------------
  const nCols = cols.length;
  const keys: string[] = cols.map((c) => c.key);
  const convert: CellConverter[] = cols.map((c) => cellConverter(c));
  const fileIndex: number[] = mapping.fileIndex;
  const headers: string[] = fileIndex.map((fi, ci) => (fi >= 0 ? headerOf(fi) : cols[ci]!.key));
  const ci = (key: string) => keys.indexOf(key);
  const keyCi = ci(TABLE_KEY[table]);
  const lonCi = ci('lon');
  const latCi = ci('lat');
  const isUnits = table === 'units';
  const parentCi = isUnits ? ci('parent_code') : -1;
  const kindCi = isUnits ? ci('kind') : -1;
  const unitCodeCi = isUnits ? -1 : ci('unit_code');
  const convertCoords = ctx.crs !== 'wgs84';
  // Facilities: a type the converter does not know is read again with the 医院等级 and the plan's own names.
  const typeCi = isUnits ? -1 : ci('type');
  const levelFi = isUnits ? -1 : (ctx.facilityTypes?.levelColumn ?? findLevelColumn(headerCells));
  const typeAliases = ctx.facilityTypes?.aliases;
  if (levelFi >= 0) {
    // Read, so not "ignored" (the report's columns name only the tool's columns).
    const i = mapping.ignored.indexOf(headerOf(levelFi));
    if (i >= 0) mapping.ignored.splice(i, 1);
  }
  const known = ctx.knownUnitCodes;

  // ---- The rows ---------------------------------------------------------------------------------
  const out: (Unit | Facility)[] = [];
  const firstRowOfKey = new Map<string, number>();
  /** Units whose parent was not (yet) seen: checked once every code of the file is known. */
  const pendingParents: { row: number; parent: string }[] = [];
  /** code → parent for the units of the file, for the loop check. */
  const parentOf = isUnits ? new Map<string, string | null>() : null;
  const values: unknown[] = new Array(nCols).fill(null);
  const make = rowFactory(table);
  /** Every row starts as a copy of this (one shape for all rows; filling existing fields is fast). */
  const template: Record<string, unknown> = {};
  for (const k of keys) template[k] = null;
  let dataRows = 0;

  for (let r = 0; r < data.rows.length; r++) {
    const cells = data.rows[r]!;
    if (isEmptyRow(cells)) continue;
    dataRows++;
    const rowNo = rowNoOf(r);
    let rowOk = true;
    for (let c = 0; c < nCols; c++) {
      const fi = fileIndex[c]!;
      const raw = fi >= 0 ? cells[fi] : undefined;
      // A missing optional column reads as empty; a missing required one was reported once, above.
      let v = fi >= 0 || cols[c]!.required !== true ? convert[c]!(raw) : null;
      if (c === typeCi && v instanceof CellError && v.kind === 'badEnum') {
        const level = levelFi >= 0 ? cells[levelFi] : undefined;
        const t = readFacilityType(raw ?? '', level, typeAliases);
        if (t.type !== null) v = t.type;
        else {
          rowOk = false;
          const rows = unknownTypes.get(t.written);
          if (rows) {
            if (rows.length < 1000) rows.push(rowNo);
          } else unknownTypes.set(t.written, [rowNo]);
          if (problems.room()) {
            const m = unknownTypeMessage(t, rowNo, headers[c]!, level);
            problems.add(rowNo, headers[c]!, raw?.trim() ?? '', m);
          }
          values[c] = undefined;
          continue;
        }
      }
      if (v instanceof CellError) {
        rowOk = false;
        if (problems.room()) problems.add(rowNo, headers[c]!, raw?.trim() ?? '', cellMessage(v.kind, table, cols[c]!, headers[c]!, rowNo, raw ?? ''));
        values[c] = undefined; // present but bad
      } else {
        values[c] = v;
      }
    }

    // Key: at most KEY_MAX_LENGTH characters (what the API can name again), unique within the file.
    const key = values[keyCi];
    if (typeof key === 'string' && key.length > KEY_MAX_LENGTH) {
      rowOk = false;
      if (problems.room()) problems.add(rowNo, headers[keyCi]!, key, msg.keyTooLong(table, rowNo, headers[keyCi]!, key, KEY_MAX_LENGTH));
    } else if (typeof key === 'string') {
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        rowOk = false;
        if (problems.room()) problems.add(rowNo, headers[keyCi]!, key, msg.duplicateKey(table, rowNo, key, first));
      } else {
        firstRowOfKey.set(key, rowNo);
      }
    }

    // Coordinates: both or neither.
    const lon = values[lonCi];
    const lat = values[latCi];
    if ((lon === null) !== (lat === null)) {
      rowOk = false;
      const [has, missing] = lon === null ? [latCi, lonCi] : [lonCi, latCi];
      if (problems.room()) problems.add(rowNo, headers[missing]!, '', msg.halfCoordinate(rowNo, cols[has]!, cols[missing]!, headers[missing]!));
    }

    if (isUnits) {
      const parent = values[parentCi];
      if (typeof key === 'string') parentOf!.set(key, typeof parent === 'string' ? parent : null);
      if (typeof parent === 'string') {
        if (parent === key) {
          rowOk = false;
          if (problems.room()) problems.add(rowNo, headers[parentCi]!, parent, msg.selfParent(rowNo, headers[parentCi]!, parent));
        } else if (!known.has(parent) && !firstRowOfKey.has(parent)) {
          pendingParents.push({ row: rowNo, parent });
        }
      }
    } else {
      const unit = values[unitCodeCi];
      if (typeof unit === 'string' && !known.has(unit)) {
        rowOk = false;
        if (problems.room()) problems.add(rowNo, headers[unitCodeCi]!, unit, msg.unknownUnit(rowNo, headers[unitCodeCi]!, unit));
      }
    }

    if (!rowOk || problems.any) continue;
    const o = make(values);
    if (isUnits && o.urban === null) o.urban = defaultUrban(values[kindCi] as UnitKind);
    if (convertCoords && typeof lon === 'number' && typeof lat === 'number') {
      const [x, y] = toWgs84(ctx.crs, lon, lat);
      o.lon = x;
      o.lat = y;
    }
    out.push(o as unknown as Unit | Facility);
  }

  if (dataRows === 0 && problems.room()) problems.add(0, null, undefined, msg.noDataRows(table));

  // ---- Units: every parent exists, and parents form no loop ---------------------------------------
  if (isUnits) {
    const ph = headers[parentCi]!;
    for (const p of pendingParents) {
      if (!firstRowOfKey.has(p.parent) && problems.room()) problems.add(p.row, ph, p.parent, msg.unknownParent(p.row, ph, p.parent));
    }
    // The file's parents override the plan's; a loop is reported at its first unit from the file.
    const merged = new Map(ctx.knownUnitParents ?? []);
    for (const [k, v] of parentOf!) merged.set(k, v);
    for (const cycle of findCycles(merged)) {
      const start = cycle.findIndex((c) => firstRowOfKey.has(c));
      if (start < 0) continue; // an old loop among the plan's units alone: not this file's doing
      const chain = [...cycle.slice(start), ...cycle.slice(0, start)];
      const row = firstRowOfKey.get(chain[0]!)!;
      if (problems.room()) problems.add(row, ph, merged.get(chain[0]!) ?? '', msg.parentCycle(row, ph, [...chain, chain[0]!]));
    }
  }

  return result(out, mapping, dataRows, headerRow);
}
