/** The contract's sheets section (spread into API in ../contract.ts): units and facilities imported from and exported to .xlsx/.csv, and the import templates. */
import { z } from 'zod';
import type { ImportReport } from '../../model/issues.ts';
import { Crs, FileBytes, type FileOut, Format, InScenario, method, Table } from '../schemas.ts';

export const SHEETS_API = {
  'table.import': method<ImportReport>()(
    InScenario.extend({ table: Table, file: FileBytes, crs: Crs.default('wgs84'), dryRun: z.boolean().default(false) }),
    'Import a .csv/.xlsx of units or facilities: all rows or none.'),
  'tables.import': method<{ ok: boolean; reports: ImportReport[] }>()(
    InScenario.extend({ units: FileBytes.optional(), facilities: FileBytes.optional(), crs: Crs.default('wgs84'), dryRun: z.boolean().default(false) }),
    'Import units and facilities together (facilities may refer to units in the same import): all or nothing.'),
  'table.export': method<FileOut>()(InScenario.extend({ table: Table, format: Format }),
    'Export a table as .xlsx or .csv (re-imports unchanged).'),
  'table.template': method<FileOut>()(z.object({ table: Table, format: Format }),
    'An empty import template whose second sheet documents every column.'),
} as const;
