/** What an import says back: every problem with its row and column, or what it added and changed. */

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
}
