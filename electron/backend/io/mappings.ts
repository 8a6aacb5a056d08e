/**
 * Column mappings a planner confirmed, remembered per plan in the column_mapping table (plan format 6)
 * under (kind of file, layout signature): the next import of the same layout follows it without asking.
 * And what an import reports about its mapping (the refusal to confirm, the columns as written).
 */
import { Buffer } from 'node:buffer';
import type Database from 'better-sqlite3';
import type { PlannerService } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ImportProblem, ImportReport } from '../../../shared/api/import-report.ts';
import type { RememberedMappingOut, SheetInspectOut } from '../../../shared/api/methods/sheets.ts';
import {
  confirmMessage,
  type ColumnMapping,
  type MappingProposal,
  previewRows,
  proposeForSheet,
  type SettledSheet,
  type SheetKind,
  settleMapping,
  sheetKindSpec,
} from '../../../shared/model/mapping.ts';
import type { SheetData } from '../../../shared/model/parse-rows.ts';
import { populationScorer } from '../../../shared/model/parse-populations.ts';
import { laidOut } from '../../../shared/model/sheet-layout.ts';
import type { Workspace } from '../workspace.ts';
import { readSheet } from './read-sheet.ts';

export type RememberedMapping = RememberedMappingOut;

/** A plan opened read-only and never migrated may lack the table: it then remembers nothing. */
function hasTable(db: Database.Database): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'column_mapping'").get();
}

export function rememberedMapping(db: Database.Database, kind: SheetKind, signature: string): ColumnMapping | null {
  if (!hasTable(db)) return null;
  const row = db.prepare('SELECT mapping FROM column_mapping WHERE kind = ? AND signature = ?').get(kind, signature) as { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as ColumnMapping) : null;
}

/** Inside the caller's write transaction. */
export function rememberMapping(db: Database.Database, kind: SheetKind, signature: string, mapping: ColumnMapping): void {
  db.prepare(`INSERT INTO column_mapping (kind, signature, mapping, saved_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (kind, signature) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at`).run(
    kind,
    signature,
    JSON.stringify(mapping),
    new Date().toISOString(),
  );
}

export function listMappings(db: Database.Database): RememberedMapping[] {
  if (!hasTable(db)) return [];
  return (
    db.prepare('SELECT kind, signature, mapping, saved_at FROM column_mapping ORDER BY kind, saved_at DESC').all() as {
      kind: SheetKind;
      signature: string;
      mapping: string;
      saved_at: string;
    }[]
  ).map((r) => ({ kind: r.kind, signature: r.signature, mapping: JSON.parse(r.mapping) as ColumnMapping, savedAt: r.saved_at }));
}

export function forgetMapping(db: Database.Database, kind: SheetKind, signature: string): boolean {
  if (!hasTable(db)) return false;
  return db.prepare('DELETE FROM column_mapping WHERE kind = ? AND signature = ?').run(kind, signature).changes > 0;
}

/** settleMapping with the mapping remembered for the sheet's layout, looked up only when none is given. */
export function settleWith(
  kind: SheetKind,
  sheet: SheetData,
  given: ColumnMapping | undefined,
  remembered?: (signature: string) => ColumnMapping | null,
): SettledSheet {
  const first = settleMapping(kind, sheet, given ?? null, null);
  if (given || !remembered) return first;
  const m = remembered(first.proposal.signature);
  return m ? settleMapping(kind, sheet, null, m) : first;
}

/** The problems of a settled sheet that stops the import before its rows are read (a given mapping that does not fit; guesses to confirm), or null. */
export function mappingRefusal(s: SettledSheet): ImportProblem[] | null {
  // The header's spreadsheet row: the layout's (sheet-layout.ts, title rows read past) when it says, else found here.
  const row = (s.sheet as SheetData & { headerRows?: readonly number[] }).headerRows?.[0] ?? s.proposal.headerIndex + 2;
  if (s.problems.length) return s.problems.map((p) => ({ row, column: p.header, message: p.zh, messageEn: p.en }));
  if (s.needsConfirming) {
    const m = confirmMessage(s.proposal);
    return [{ row, column: null, message: m.zh, messageEn: m.en }];
  }
  return null;
}

/**
 * A parser's report with the headers as the planner wrote them (a mapping renamed them for the parser),
 * the mapping followed, and the proposal when the headers were not sure and the import failed.
 */
export function withMapping<R extends Pick<ImportReport, 'ok' | 'columns' | 'problems' | 'ignoredColumns'>>(
  report: R,
  s: SettledSheet,
): R & { mapping?: MappingProposal; mappingUsed?: ImportReport['mappingUsed'] } {
  const out: R & { mapping?: MappingProposal; mappingUsed?: ImportReport['mappingUsed'] } = { ...report };
  if (s.renamed.size) {
    const back = (h: string) => s.renamed.get(h) ?? h;
    out.columns = Object.fromEntries(Object.entries(report.columns).map(([h, k]) => [back(h), k]));
    out.problems = report.problems.map((p) => (p.column === null ? p : { ...p, column: back(p.column) }));
  }
  if (s.used) {
    out.mappingUsed = s.used;
    out.ignoredColumns = Object.entries(s.used.mapping)
      .filter(([, f]) => f === null)
      .map(([h]) => h);
  }
  if (!report.ok && !s.used && !s.proposal.sure) out.mapping = s.proposal;
  return out;
}

/** The service's sheets.inspect, sheets.mappings and sheets.forgetMapping (its contract: shared/api/methods/sheets.ts). */
export function mappingHandlers(ws: Workspace): Pick<PlannerService, 'sheets.inspect' | 'sheets.mappings' | 'sheets.forgetMapping'> {
  return {
    'sheets.inspect': async ({ kind, file, sheet: sheetName }): Promise<SheetInspectOut> => {
      if (!sheetKindSpec(kind))
        throw new ApiError('INVALID_ARGS', `这一版还不能导入「${kind}」表`, `Sheets of kind ${kind} cannot be imported by this version`);
      const table = kind === 'units' || kind === 'facilities' || kind === 'populations' ? kind : undefined;
      const read = await readSheet(file.fileName, Buffer.from(file.dataBase64, 'base64'), {
        ...(table ? { table } : {}),
        ...(sheetName ? { sheet: sheetName } : {}),
      });
      // As the import reads it: past title rows, a two-row header flattened, totals dropped (sheet-layout.ts).
      const sheet: SheetData & { headerRows?: number[] } =
        kind === 'units' || kind === 'facilities'
          ? laidOut(read.sheet, kind)
          : kind === 'populations'
            ? laidOut(read.sheet, 'populations', populationScorer)
            : read.sheet;
      const { encoding } = read;
      const proposal = proposeForSheet(kind, sheet);
      const plan = ws.plan;
      return {
        fileName: file.fileName,
        encoding,
        proposal,
        headerRow: sheet.headerRows?.[0] ?? proposal.headerIndex + 2,
        preview: previewRows(sheet, proposal.headerIndex, 5),
        remembered: plan ? rememberedMapping(plan.db, kind, proposal.signature) : null,
        ...(read.sheetName ? { sheet: read.sheetName } : {}),
        ...(read.sheets ? { sheets: read.sheets } : {}),
      };
    },
    'sheets.mappings': () => listMappings(ws.requirePlan().db),
    'sheets.forgetMapping': ({ kind, signature }) => ({ forgotten: ws.write((p) => forgetMapping(p.db, kind, signature)) }),
  };
}
