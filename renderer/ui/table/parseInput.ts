/**
 * What the planner typed into a cell → the value the service expects, read the way the import reads
 * a spreadsheet cell (1,234 · １２ · 85% · 12.5万), with a short message when it cannot be read.
 */
import { CellError, cellConverter, type CellConverter } from '../../../shared/model/cells.ts';
import type { ColumnDef } from '../../../shared/model/columns.ts';
import i18next from 'i18next';
import type { CellValue } from '../state/types.ts';

const cache = new WeakMap<ColumnDef, CellConverter>();

export type Parsed = { ok: true; value: CellValue } | { ok: false; message: string };

export function parseCellText(c: ColumnDef, text: string): Parsed {
  let conv = cache.get(c);
  if (!conv) {
    conv = cellConverter(c);
    cache.set(c, conv);
  }
  const v = conv(text);
  if (v instanceof CellError) {
    return { ok: false, message: i18next.t(`cell.${v.kind}`, { min: c.min, max: c.max }) };
  }
  return { ok: true, value: v };
}
