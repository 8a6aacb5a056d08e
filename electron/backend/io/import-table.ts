/**
 * prepareImport: read a planner's file and validate every row, all or nothing. Writes nothing: the
 * service writes the returned rows in one transaction and fills added/changed/unchanged.
 */
import type { ImportReport } from '../../../shared/api/import-report.ts';
import type { TableName } from '../../../shared/model/columns.ts';
import type { Facility, Unit } from '../../../shared/model/entities.ts';
import { parseTableRows, type ParseContext, type TableRow } from '../../../shared/model/parse-rows.ts';
import type { ColumnMapping } from '../../../shared/model/mapping.ts';
import { mappingRefusal, settleWith, withMapping } from './mappings.ts';
import type { ImportNote } from '../../../shared/model/issues.ts';
import { readSheet, type ReadSheetResult } from './read-sheet.ts';
import { laidOut } from '../../../shared/model/sheet-layout.ts';
import { headerRowOf } from '../../../shared/model/mapping.ts';
import { findLevelColumn } from '../../../shared/model/institution-types.ts';

/** The report's sheet, sheets and notes: the sheet read (of several), and what the layout passed over. */
export function sheetFields(read: ReadSheetResult, layoutNotes: ImportNote[]): Pick<ImportReport, 'sheet' | 'sheets' | 'notes'> {
  const notes = [...(read.note ? [read.note] : []), ...layoutNotes];
  return {
    ...(read.sheetName !== undefined ? { sheet: read.sheetName } : {}),
    ...(read.sheets ? { sheets: read.sheets } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

/** What a parse of a sheet says, as the import report puts it (before anything is written: added/changed 0). */
interface ParsedSheet {
  rows: readonly unknown[];
  dataRows: number;
  columns: ImportReport['columns'];
  ignoredColumns: string[];
  problems: ImportReport['problems'];
  problemsTruncated: number;
  notes: ImportNote[];
  unknownTypes?: ImportReport['unknownTypes'];
}

/** The import report of a parsed sheet: all rows or none (ok only without a problem). */
export function parsedReport(table: ImportReport['table'], fileName: string, read: ReadSheetResult, parsed: ParsedSheet, dryRun: boolean): ImportReport {
  const ok = parsed.problems.length === 0 && parsed.problemsTruncated === 0;
  return {
    ok,
    table,
    fileName,
    encoding: read.encoding,
    rows: ok ? parsed.rows.length : parsed.dataRows,
    added: 0,
    changed: 0,
    unchanged: 0,
    columns: parsed.columns,
    ignoredColumns: parsed.ignoredColumns,
    problems: parsed.problems,
    problemsTruncated: parsed.problemsTruncated,
    dryRun,
    ...sheetFields(read, parsed.notes),
    ...(parsed.unknownTypes ? { unknownTypes: parsed.unknownTypes } : {}),
  };
}

export interface ImportFileBytes {
  fileName: string;
  bytes: Uint8Array /** The worksheet to read (an .xlsx). */;
  sheet?: string;
}
export interface PrepareContext extends ParseContext {
  /** Copied into the report; the service decides. */
  dryRun?: boolean;
  /** The planner's column mapping (header as written → field, null = ignore): followed as given. */
  mapping?: ColumnMapping;
  /** The mapping remembered for a layout (the plan's column_mapping), used when none is given. */
  remembered?: (signature: string) => ColumnMapping | null;
}
export interface PreparedImport<R> {
  /** Every row, typed and converted to WGS-84; null when the report lists any problem. */
  rows: R[] | null;
  report: ImportReport;
  /** The layout's signature, when the import followed a mapping (remembered after a write). */
  signature?: string;
}

export function prepareImport(table: 'units', file: ImportFileBytes, ctx: PrepareContext): Promise<PreparedImport<Unit>>;
export function prepareImport(table: 'facilities', file: ImportFileBytes, ctx: PrepareContext): Promise<PreparedImport<Facility>>;
export function prepareImport<T extends TableName>(table: T, file: ImportFileBytes, ctx: PrepareContext): Promise<PreparedImport<TableRow<T>>>;
/** Throws ApiError FILE_ERROR when the file cannot be read at all (an old .xls, a damaged .xlsx …). */
export async function prepareImport(table: TableName, file: ImportFileBytes, ctx: PrepareContext): Promise<PreparedImport<Unit | Facility>> {
  const read = await readSheet(file.fileName, file.bytes, { table, ...(file.sheet !== undefined ? { sheet: file.sheet } : {}) });
  // Title rows, a two-row header, totals: read past them first (sheet-layout.ts); rows keep their numbers.
  const { encoding } = read;
  const sheet = laidOut(read.sheet, table);
  const settled = settleWith(table, sheet, ctx.mapping, ctx.remembered);
  const refusal = mappingRefusal(settled);
  if (refusal) {
    const rows = settled.proposal.headerIndex < 0 ? sheet.rows : sheet.rows.slice(settled.proposal.headerIndex + 1);
    const report: ImportReport = {
      ok: false,
      table,
      fileName: file.fileName,
      encoding,
      rows: rows.filter((r) => r.some((c) => c?.trim())).length,
      added: 0,
      changed: 0,
      unchanged: 0,
      columns: {},
      ignoredColumns: [],
      problems: refusal,
      problemsTruncated: 0,
      dryRun: ctx.dryRun ?? false,
      mapping: settled.proposal,
    };
    return { rows: null, report };
  }
  // A mapping renames the headers and blanks the ones it ignores: the 医院等级 column is found among the headers as written.
  const levelColumn = table === 'facilities' && settled.used ? findLevelColumn(headerRowOf(sheet, settled.proposal.headerIndex)) : -1;
  const parsed = parseTableRows(table, settled.sheet, levelColumn >= 0 ? { ...ctx, facilityTypes: { ...ctx.facilityTypes, levelColumn } } : ctx);
  const report = parsedReport(table, file.fileName, read, parsed, ctx.dryRun ?? false);
  return { rows: report.ok ? parsed.rows : null, report: withMapping(report, settled), ...(settled.used ? { signature: settled.proposal.signature } : {}) };
}
