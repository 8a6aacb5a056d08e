/**
 * Per-column filters: text contains (in the shown text or a column's search text), number ranges
 * [min, max], enum keys and booleans; BLANK matches empty cells. Each removes itself when cleared.
 */
import type { GridColumnMeta } from './gridFeatures.ts';

export const BLANK = '__blank__';
export type RangeValue = [number | undefined, number | undefined];

type AnyRow = { original: unknown; getValue: (id: string) => unknown; table: { getColumn: (id: string) => unknown } };
type Meta = { columnDef: { meta?: GridColumnMeta } };

/** The text a row offers for a column: its search text or its shown value, lower-cased. */
export function rowText(row: AnyRow, columnId: string): string {
  const meta = (row.table.getColumn(columnId) as Meta | undefined)?.columnDef.meta;
  if (meta?.searchText) return (meta.searchText as (r: unknown) => string)(row.original).toLowerCase();
  const v = row.getValue(columnId);
  if (v === undefined || v === null) return '';
  return (meta ? meta.text(v) : String(v)).toLowerCase();
}

export function textFilter(row: AnyRow, columnId: string, value: string): boolean {
  return rowText(row, columnId).includes(value.trim().toLowerCase());
}
textFilter.autoRemove = (v: unknown) => typeof v !== 'string' || v.trim() === '';

export function rangeFilter(row: AnyRow, columnId: string, value: RangeValue): boolean {
  const v = row.getValue(columnId);
  if (typeof v !== 'number') return false;
  const [min, max] = value;
  return (min === undefined || v >= min) && (max === undefined || v <= max);
}
rangeFilter.autoRemove = (v: unknown) => !Array.isArray(v) || (v[0] === undefined && v[1] === undefined);

export function enumFilter(row: AnyRow, columnId: string, value: string): boolean {
  const v = row.getValue(columnId);
  return value === BLANK ? v === undefined : v === value;
}
enumFilter.autoRemove = (v: unknown) => v === undefined || v === '';

export function boolFilter(row: AnyRow, columnId: string, value: string): boolean {
  const v = row.getValue(columnId);
  return value === BLANK ? v === undefined : String(v) === value;
}
boolFilter.autoRemove = (v: unknown) => v === undefined || v === '';

/** The search box: any searchable column contains the words (every word, in any column). */
export function globalSearch(row: AnyRow, columnId: string, value: string): boolean {
  return rowText(row, columnId).includes(value.trim().toLowerCase());
}
globalSearch.autoRemove = (v: unknown) => typeof v !== 'string' || v.trim() === '';
