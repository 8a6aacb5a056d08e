/**
 * Imports: read and validate every file first, then write every row in one transaction, or nothing.
 * Units go before facilities, so facilities may refer to units of the same import.
 */
import type { ImportReport } from '../../shared/api/import-report.ts';
import type { TableName } from '../../shared/model/columns.ts';
import { clearEdits } from './db/edit-log.ts';
import type { PlanDb } from './db/plan-file.ts';
import { listRows, planUpsert, upsertRows } from './db/tables.ts';
import { prepareImport } from './io/import-table.ts';
import { rememberedMapping, rememberMapping } from './io/mappings.ts';
import { typeAliasMap } from './type-aliases.ts';
import type { ColumnMapping } from '../../shared/model/mapping.ts';

/** `mapping`: the planner's column mapping for this file (remembered for its layout once imported). */
export interface ImportFile {
  table: TableName;
  fileName: string;
  bytes: Uint8Array;
  mapping?: ColumnMapping /** The worksheet to read (an .xlsx). */;
  sheet?: string | undefined;
}
export interface ImportOptions {
  scenarioId: number;
  crs: 'wgs84' | 'gcj02' | 'bd09';
  dryRun: boolean;
}

const ORDER: Record<TableName, number> = { units: 0, facilities: 1 };
const countOnly = ({ added, changed, unchanged }: { added: number; changed: number; unchanged: number }) => ({ added, changed, unchanged });

/** `write` runs its callback in one transaction (the workspace's, which also marks the plan saved). */
export async function importIntoPlan(p: PlanDb, files: ImportFile[], opts: ImportOptions, write: (fn: () => void) => void): Promise<ImportReport[]> {
  const knownUnitParents = new Map(listRows(p.db, 'units', opts.scenarioId).map((u) => [u.code, u.parent_code]));
  const knownUnitCodes = new Set(knownUnitParents.keys());
  const prepared: { file: ImportFile; rows: object[] | null; report: ImportReport; signature?: string | undefined }[] = [];
  for (const file of [...files].sort((a, b) => ORDER[a.table] - ORDER[b.table])) {
    const { rows, report, signature } = await prepareImport(
      file.table,
      { fileName: file.fileName, bytes: file.bytes, ...(file.sheet !== undefined ? { sheet: file.sheet } : {}) },
      {
        knownUnitCodes,
        knownUnitParents,
        crs: opts.crs,
        ...(file.table === 'facilities' ? { facilityTypes: { aliases: typeAliasMap(p.db) } } : {}),
        ...(file.mapping ? { mapping: file.mapping } : {}),
        remembered: (sig) => rememberedMapping(p.db, file.table, sig),
      },
    );
    prepared.push({ file, rows: rows ?? null, report: { ...report, dryRun: opts.dryRun }, signature });
    if (file.table === 'units' && rows) for (const u of rows as { code: string }[]) knownUnitCodes.add(u.code);
  }
  if (prepared.some((x) => !x.report.ok || !x.rows)) {
    return prepared.map((x) => ({ ...x.report, ok: false }));
  }
  if (opts.dryRun) {
    // Count what would change without writing anything, so a read-only plan can be checked too.
    for (const x of prepared) Object.assign(x.report, countOnly(planUpsert(p.db, x.file.table, opts.scenarioId, x.rows!)));
  } else {
    write(() => {
      for (const x of prepared) {
        const counts = upsertRows(p.db, x.file.table, opts.scenarioId, x.rows!);
        Object.assign(x.report, counts);
        if (counts.added + counts.changed > 0) clearEdits(p.db, opts.scenarioId);
        // A mapping the planner gave is remembered for the layout: the same layout next time needs no step.
        if (x.file.mapping && x.signature && x.report.mappingUsed) rememberMapping(p.db, x.file.table, x.signature, x.report.mappingUsed.mapping);
      }
    });
  }
  return prepared.map((x) => x.report);
}
