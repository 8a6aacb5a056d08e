/** The contract's sheets section (spread into API in ../contract.ts): units and facilities imported from and exported to .xlsx/.csv, the import templates, and the column mapping of a planner's own sheets. */
import { z } from 'zod';
import type { ImportReport } from '../../model/issues.ts';
import { type ColumnMapping, type MappingProposal, SHEET_KINDS, type SheetKind } from '../../model/mapping.ts';
import { Crs, FileBytes, type FileOut, Format, InScenario, method, Table } from '../schemas.ts';

export type { ColumnMapping, MappingProposal, ProposedColumn, SheetKind } from '../../model/mapping.ts';

/** Header as written in the file → field key, or null: ignored (shared/model/mapping.ts). */
export const ColumnMappingSchema = z
  .record(z.string().min(1).max(500), z.string().min(1).max(100).nullable())
  .refine((m) => Object.keys(m).length <= 2000, '列对应最多 2000 列 / at most 2,000 columns');
export const SheetKindSchema = z.enum(SHEET_KINDS);
/** The worksheet of an .xlsx to read, by name (absent: the one named for the table, else the first; a CSV ignores it). */
export const SheetName = z.string().trim().min(1).max(100);
/** A file with the planner's column mapping for it (absent: the plan's remembered one, or the headers as they are), and the worksheet to read. */
const MappedFile = FileBytes.extend({ mapping: ColumnMappingSchema.optional(), sheet: SheetName.optional() });

/** What `sheets.inspect` says of a file before it is imported: the mapping step's content. */
export interface SheetInspectOut {
  fileName: string;
  encoding: string;
  /** Each column beside the field it would fill, how that was found, its first values; required fields missing; sure. */
  proposal: MappingProposal;
  /** The spreadsheet row of the headers (1 unless title rows stand above). */
  headerRow: number;
  /** The first data rows (up to 5), every cell as text. */
  preview: string[][];
  /** The mapping this plan remembers for the layout (the import would follow it), or null. */
  remembered: ColumnMapping | null;
  /** The worksheet read, for an .xlsx. */
  sheet?: string;
  /** Every visible worksheet with data, when the workbook has several (the import dialog's sheet picker). */
  sheets?: string[];
}

export interface RememberedMappingOut {
  kind: SheetKind;
  signature: string;
  mapping: ColumnMapping;
  savedAt: string;
}

export const SHEETS_API = {
  'table.import': method<ImportReport>()(
    InScenario.extend({
      table: Table,
      file: FileBytes,
      crs: Crs.default('wgs84'),
      dryRun: z.boolean().default(false),
      mapping: ColumnMappingSchema.optional(),
      sheet: SheetName.optional(),
    }),
    'Import a .csv/.xlsx of units or facilities: all rows or none. A mapping (header → field) is followed and remembered for the layout; without one, headers that need a guess are refused with the proposal (report.mapping).',
  ),
  'tables.import': method<{ ok: boolean; reports: ImportReport[] }>()(
    InScenario.extend({ units: MappedFile.optional(), facilities: MappedFile.optional(), crs: Crs.default('wgs84'), dryRun: z.boolean().default(false) }),
    'Import units and facilities together (facilities may refer to units in the same import): all or nothing; each file may carry its column mapping.',
  ),
  'table.export': method<FileOut>()(InScenario.extend({ table: Table, format: Format }), 'Export a table as .xlsx or .csv (re-imports unchanged).'),
  'table.template': method<FileOut>()(z.object({ table: Table, format: Format }), 'An empty import template whose second sheet documents every column.'),
  'sheets.inspect': method<SheetInspectOut>()(
    z.object({ kind: SheetKindSchema, file: FileBytes, sheet: SheetName.optional() }),
    'Read a sheet without importing it: each column beside the field it would fill (exact, guessed from the header or the values, or ignored), the first rows, the required fields missing, and the mapping the open plan remembers for the layout.',
  ),
  'sheets.mappings': method<RememberedMappingOut[]>()(z.object({}), 'The column mappings the plan remembers, per kind of file and layout.'),
  'sheets.forgetMapping': method<{ forgotten: boolean }>()(
    z.object({ kind: SheetKindSchema, signature: z.string().max(100_000) }),
    'Forget a remembered column mapping: the next import of that layout asks again.',
  ),
} as const;
