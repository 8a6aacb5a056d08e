/**
 * What a reader of a planner's file says back: every problem with where it is (a spreadsheet's row and
 * column, a GeoJSON feature or an OSM way) and how to fix it, in Chinese and English, and what an import
 * added and changed. Core types: the readers in shared/ fill them; the contract (shared/api) re-exports them.
 */
import type { ColumnMapping, MappingProposal } from './mapping-types.ts';

export interface ImportProblem {
  /** 1-based row number as the planner sees it in the spreadsheet (the header is row 1); 0 = the file as a whole. */
  row: number;
  /** The header as written in the file (or the canonical key when the column is missing). */
  column: string | null;
  value?: string;
  /** zh-CN, says what is wrong and how to fix it. */
  message: string;
  messageEn: string;
}

export interface ImportReport {
  ok: boolean;
  /** populations: a table of populations by year (人口 by 年份). */
  table: 'units' | 'facilities' | 'populations';
  fileName: string;
  /** Detected encoding of a CSV (utf-8, utf-8-bom, gb18030) or 'xlsx'. */
  encoding: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  /** Headers recognised, as { header in file: canonical key }. */
  columns: Record<string, string>;
  /** Headers that were not recognised and were ignored. */
  ignoredColumns: string[];
  problems: ImportProblem[];
  /** More problems were found than are listed. */
  problemsTruncated: number;
  dryRun: boolean;
  /**
   * What each column of the file fills (mapping.ts), when that is not sure: refused for confirming
   * (a guess to confirm), or a required column missing. Absent when every header was recognised.
   */
  mapping?: MappingProposal;
  /** The import followed a mapping: the one given with it, or the one remembered for this layout. */
  mappingUsed?: { source: 'given' | 'remembered'; mapping: ColumnMapping };
  /** What the import passed over and why (title rows, a two-row header, totals rows, the sheet read): not problems. */
  notes?: ImportNote[];
  /** The worksheet read, for an .xlsx. */
  sheet?: string;
  /** Every visible worksheet with data, when the workbook has several (so that another can be chosen). */
  sheets?: string[];
  /**
   * Facilities: each facility type as written that the tool could not read (not its own name, nor a 卫生机构类别
   * name or code, nor in the plan's 机构类别对照), once, with its rows — to add with types.setAlias. Each row is
   * also a problem.
   */
  unknownTypes?: { written: string; rows: number[] }[];
}

/** Something an import read differently from a plain table and says so (row 0 = the file as a whole). */
export interface ImportNote {
  row: number;
  message: string;
  messageEn: string;
}

/**
 * A feature a road or boundary import could not use (it was skipped, or a value of it was ignored).
 * `feature`: GeoJSON — the feature's 1-based position in `features`; .osm.pbf — the way's OSM id;
 * 0 — the file as a whole.
 */
export interface FeatureProblem {
  feature: number;
  message: string;
  messageEn: string;
}
