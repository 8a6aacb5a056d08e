/** The column mapping's types, apart from its code (mapping.ts) so the import report (issues.ts) can carry a
 * proposal without importing the parsers. */

/** The kinds of sheet a plan imports (the column_mapping table's CHECK, plan format 6). */
export type SheetKind = 'units' | 'facilities' | 'populations' | 'candidates' | 'projects';
export const SHEET_KINDS = ['units', 'facilities', 'populations', 'candidates', 'projects'] as const satisfies readonly SheetKind[];

/** Header as written in the file → the field key it fills, or null: ignored. */
export type ColumnMapping = Record<string, string | null>;

export type MappingHow = 'exact' | 'guess' | 'values' | 'none';

export interface ProposedColumn {
  /** 0-based position of the column in the file. */
  index: number;
  /** As written (trimmed). */
  header: string;
  field: string | null;
  how: MappingHow;
  /** The column's first values (up to 5 rows, trimmed). */
  sample: string[];
}

export interface MappingProposal {
  kind: SheetKind;
  columns: ProposedColumn[];
  /** Required fields no column fills. */
  missingRequired: { key: string; zh: string; en: string }[];
  /** A header naming a field an earlier header already fills exactly (the later one is ignored). */
  duplicates: { header: string; field: string; firstHeader: string }[];
  /** Nothing to confirm: every non-empty header exact or ignorable (序号, 备注 …), every required field present, no duplicates. */
  sure: boolean;
  /** The layout, to recognise it next time (see `signature`). */
  signature: string;
  /** 0-based: -1 = the headers are the sheet's first row; i = they are rows[i] (title rows above). */
  headerIndex: number;
}
