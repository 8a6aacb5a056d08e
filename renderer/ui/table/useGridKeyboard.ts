/**
 * Cell focus and keys on the grid: arrows, Page Up/Down, Home/End (Ctrl: first/last row) move the
 * focused cell; Enter or F2 edits (on a group row: expands); Space expands or collapses; typing a
 * character starts editing with it; Backspace starts with an empty cell; Ctrl+C copies the cell.
 */
import type { KeyboardEvent, RefObject } from 'react';
import type { Column } from '@tanstack/react-table';
import type { Virtualizer } from '@tanstack/react-virtual';
import { editText, isNumeric } from './format.ts';
import type { GridFeatures, GridRow } from './gridFeatures.ts';

export interface CellFocus {
  rowId: string;
  colId: string;
}

interface Args<TData extends object> {
  rows: GridRow<TData>[];
  columns: Column<GridFeatures, TData, unknown>[];
  focus: CellFocus | null;
  setFocus(f: CellFocus): void;
  startEdit(row: GridRow<TData>, colId: string, initialText?: string): void;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  pinned: string;
  rowHeight: number;
  headerHeight: number;
}

/** Scrolls so that the cell is visible beside the pinned column and below the sticky header. */
export function revealCell<TData extends object>(a: Args<TData>, rowIndex: number, colId: string): void {
  a.virtualizer.scrollToIndex(rowIndex, { align: 'auto' });
  const el = a.scrollRef.current;
  if (!el || colId === a.pinned) return;
  let left = 0;
  let pinnedWidth = 0;
  for (const c of a.columns) {
    if (c.id === a.pinned) {
      pinnedWidth = c.getSize();
      left += pinnedWidth;
      continue;
    }
    if (c.id === colId) {
      const right = left + c.getSize();
      if (left - pinnedWidth < el.scrollLeft) el.scrollLeft = left - pinnedWidth;
      else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
      return;
    }
    left += c.getSize();
  }
}

export function gridKeyDown<TData extends object>(a: Args<TData>, e: KeyboardEvent<HTMLDivElement>): void {
  if (e.target !== e.currentTarget) return; // keys inside an editor, a filter or the search box
  const { rows, columns } = a;
  if (!rows.length || !columns.length) return;
  const rowIndex = a.focus
    ? Math.max(
        0,
        rows.findIndex((r) => r.id === a.focus!.rowId),
      )
    : 0;
  const colIndex = a.focus
    ? Math.max(
        0,
        columns.findIndex((c) => c.id === a.focus!.colId),
      )
    : 0;
  const row = rows[rowIndex]!;
  const page = Math.max(1, Math.floor(((a.scrollRef.current?.clientHeight ?? 400) - a.headerHeight) / a.rowHeight) - 1);
  let r = rowIndex;
  let c = colIndex;
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && e.key.toLowerCase() === 'c') {
    e.preventDefault();
    copyCell(row, columns[colIndex]!);
    return;
  }
  switch (e.key) {
    case 'ArrowDown':
      r++;
      break;
    case 'ArrowUp':
      r--;
      break;
    case 'ArrowRight':
      c++;
      break;
    case 'ArrowLeft':
      c--;
      break;
    case 'PageDown':
      r += page;
      break;
    case 'PageUp':
      r -= page;
      break;
    case 'Home':
      if (ctrl) r = 0;
      else c = 0;
      break;
    case 'End':
      if (ctrl) r = rows.length - 1;
      else c = columns.length - 1;
      break;
    case 'Tab':
      c += e.shiftKey ? -1 : 1;
      if (c < 0 || c >= columns.length) return;
      break;
    case ' ':
      if (row.getCanExpand()) row.toggleExpanded();
      e.preventDefault();
      return;
    case 'Enter':
    case 'F2':
      e.preventDefault();
      if (row.getIsGrouped()) row.toggleExpanded();
      else a.startEdit(row, columns[colIndex]!.id);
      return;
    case 'Backspace':
    case 'Delete':
      e.preventDefault();
      if (!row.getIsGrouped()) a.startEdit(row, columns[colIndex]!.id, '');
      return;
    default:
      if (e.key.length === 1 && !ctrl && !e.altKey && !row.getIsGrouped()) {
        e.preventDefault();
        a.startEdit(row, columns[colIndex]!.id, e.key);
      }
      return;
  }
  e.preventDefault();
  r = Math.min(rows.length - 1, Math.max(0, r));
  c = Math.min(columns.length - 1, Math.max(0, c));
  const next = { rowId: rows[r]!.id, colId: columns[c]!.id };
  a.setFocus(next);
  revealCell(a, r, next.colId);
}

/** Copies a cell: numbers as plain numbers (they paste into Excel as numbers), other values as shown. */
function copyCell<TData extends object>(row: GridRow<TData>, col: Column<GridFeatures, TData, unknown>): void {
  const meta = col.columnDef.meta;
  const v = row.getValue(col.id);
  if (v === undefined || v === null) {
    void navigator.clipboard?.writeText('').catch(() => undefined);
    return;
  }
  const text = meta?.def && isNumeric(meta.def) ? editText(meta.def, v) : meta ? meta.text(v) : String(v);
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}
