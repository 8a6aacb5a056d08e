/** The text cells of one sheet of a planner's file, as every importer reads them (a file of its own so the
 * layout step, the column mapping and the parsers can share it without importing each other). */
import type { ImportNote, ImportProblem } from './issues.ts';

/** A sheet as read from a file: the first row and the rows below it, every cell as text. */
export interface SheetData {
  headers: string[];
  rows: string[][];
  /**
   * Set by applyLayout (sheet-layout.ts): the spreadsheet row of each of `rows` (titles, header, totals
   * removed). Without it the headers are row 1 and rows[i] is row i + 2.
   */
  rowNumbers?: number[];
  /** Set by applyLayout: the spreadsheet row(s) of the header (two for a two-row header). */
  headerRows?: number[];
  /** Set by applyLayout: what it passed over (notes) and totals amid the data (problems). */
  notes?: ImportNote[];
  problems?: ImportProblem[];
}
