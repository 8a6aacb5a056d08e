/**
 * 导入人口: a sheet of populations by year into a scenario's population table, all or nothing.
 * Figures merge with what the plan has (an empty cell keeps the plan's figure).
 */
import type { ImportReport } from '../../shared/api/import-report.ts';
import { parsePopulationSheet, populationScorer } from '../../shared/model/parse-populations.ts';
import type { PlanDb } from './db/plan-file.ts';
import { upsertPopulations } from './db/populations.ts';
import { listRows } from './db/tables.ts';
import { readSheet } from './io/read-sheet.ts';
import { parsedReport } from './io/import-table.ts';
import { laidOut } from '../../shared/model/sheet-layout.ts';
import { mappingRefusal, rememberedMapping, rememberMapping, settleWith, withMapping } from './io/mappings.ts';
import type { ColumnMapping } from '../../shared/model/mapping.ts';

export async function importPopulations(
  p: PlanDb,
  file: { fileName: string; bytes: Uint8Array; sheet?: string },
  opts: { scenarioId: number; dryRun: boolean; mapping?: ColumnMapping | undefined },
  write: (fn: () => void) => void,
): Promise<ImportReport> {
  const read = await readSheet(file.fileName, file.bytes, { table: 'populations', ...(file.sheet !== undefined ? { sheet: file.sheet } : {}) });
  // Title rows, a two-row header, totals: read past them first (sheet-layout.ts); rows keep their numbers.
  const { encoding } = read;
  const sheet = laidOut(read.sheet, 'populations', populationScorer);
  const codes = new Set(listRows(p.db, 'units', opts.scenarioId).map((u) => u.code));
  const settled = settleWith('populations', sheet, opts.mapping, (sig) => rememberedMapping(p.db, 'populations', sig));
  const refusal = mappingRefusal(settled);
  if (refusal) {
    return {
      ok: false,
      table: 'populations',
      fileName: file.fileName,
      encoding,
      rows: 0,
      added: 0,
      changed: 0,
      unchanged: 0,
      columns: {},
      ignoredColumns: [],
      problems: refusal,
      problemsTruncated: 0,
      dryRun: opts.dryRun,
      mapping: settled.proposal,
    };
  }
  const parsed = parsePopulationSheet(settled.sheet, codes);
  const report: ImportReport = withMapping<ImportReport>(parsedReport('populations', file.fileName, read, parsed, opts.dryRun), settled);
  if (!report.ok) return report;
  if (opts.dryRun) Object.assign(report, upsertPopulations(p.db, opts.scenarioId, parsed.rows, { merge: true, dryRun: true }));
  else {
    write(() => {
      Object.assign(report, upsertPopulations(p.db, opts.scenarioId, parsed.rows, { merge: true }));
      if (opts.mapping && settled.used) rememberMapping(p.db, 'populations', settled.proposal.signature, settled.used.mapping);
    });
  }
  return report;
}
