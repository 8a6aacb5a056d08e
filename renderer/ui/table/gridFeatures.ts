/**
 * The one TanStack Table v9 feature set behind every grid of the app: sorting, per-column and global
 * filtering, grouping with sums, tree expansion, column visibility, sizing/resizing and pinning.
 */
import {
  columnFilteringFeature,
  columnGroupingFeature,
  columnPinningFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  constructAggregationFn,
  createExpandedRowModel,
  createFilteredRowModel,
  createGroupedRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  metaHelper,
  rowAggregationFeature,
  rowExpandingFeature,
  rowSortingFeature,
  tableFeatures,
  type Cell,
  type ReactTable,
  type ColumnDef as TanColumnDef,
  type Row,
} from '@tanstack/react-table';
import type { ColumnDef } from '../../../shared/model/columns.ts';
import type { EnumType } from '../i18n/labels.ts';

/** What the grid needs to know of a column besides TanStack's own options. */
export interface GridColumnMeta {
  /** The interchange column it shows (absent for derived columns such as 所属区县). */
  def?: ColumnDef;
  label: string;
  align: 'start' | 'end';
  editable: boolean;
  filter: 'text' | 'range' | 'enum' | 'bool' | 'none';
  enumType?: EnumType;
  /** Text the search box and the text filter look in (defaults to the shown value). */
  searchText?: (row: never) => string;
  /** Shown value as text (for tooltips and filters). */
  text: (value: unknown) => string;
}

const sum = constructAggregationFn({
  aggregate: ({ rows, getValue }) => {
    let total = 0;
    let any = false;
    for (const r of rows) {
      const v = getValue(r);
      if (typeof v === 'number') {
        total += v;
        any = true;
      }
    }
    return any ? total : undefined;
  },
});

const mean = constructAggregationFn({
  aggregate: ({ rows, getValue }) => {
    let total = 0;
    let n = 0;
    for (const r of rows) {
      const v = getValue(r);
      if (typeof v === 'number') {
        total += v;
        n++;
      }
    }
    return n ? total / n : undefined;
  },
});

export const gridFeatures = tableFeatures({
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
  columnPinningFeature,
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnGroupingFeature,
  rowAggregationFeature,
  rowExpandingFeature,
  filteredRowModel: createFilteredRowModel(),
  groupedRowModel: createGroupedRowModel(),
  sortedRowModel: createSortedRowModel(),
  expandedRowModel: createExpandedRowModel(),
  aggregationFns: { sum, mean },
  columnMeta: metaHelper<GridColumnMeta>(),
});

export type GridFeatures = typeof gridFeatures;
/** A grid's table instance with its row type erased, as the toolbar and column chooser take it. */
export type GridTable = ReactTable<GridFeatures, never, unknown>;
export type GridColumnDef<TData extends object> = TanColumnDef<GridFeatures, TData, unknown>;
export type GridRow<TData extends object> = Row<GridFeatures, TData>;
export type GridCell<TData extends object> = Cell<GridFeatures, TData, unknown>;

/** Number of data rows under a group row. */
export function leafCount(row: { subRows: readonly { subRows: readonly unknown[] }[] }): number {
  let n = 0;
  for (const r of row.subRows) n += r.subRows.length ? leafCount(r as typeof row) : 1;
  return n;
}
