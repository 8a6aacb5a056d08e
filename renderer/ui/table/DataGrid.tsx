/**
 * The one editable, virtualised grid used by both screens (行政区划 as a tree, 医疗卫生机构 flat or
 * grouped). TanStack Table v9 does sorting, filtering, grouping and expansion; TanStack Virtual keeps
 * only the visible rows in the DOM (fixed row height, sticky header, sticky first column).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  functionalUpdate,
  useTable,
  type ColumnFiltersState,
  type ColumnSizingState,
  type ExpandedState,
  type ColumnVisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLang } from '../i18n/index.ts';
import { errorText } from '../i18n/labels.ts';
import type { RowCounts } from '../state/UiContext.tsx';
import type { CellValue, TableName } from '../state/types.ts';
import { BodyRow, type EditingCell } from './BodyRow.tsx';
import type { Move } from './CellEditor.tsx';
import { FilterRow } from './FilterRow.tsx';
import { globalSearch } from './filterFns.ts';
import { gridFeatures, type GridColumnDef, type GridRow } from './gridFeatures.ts';
import { GridToolbar } from './GridToolbar.tsx';
import { HeaderRow } from './HeaderRow.tsx';
import { gridKeyDown, revealCell, type CellFocus } from './useGridKeyboard.ts';
import { useStableCallback } from './useStableCallback.ts';
import { useRowReveal, type RevealAsk } from './useRowReveal.ts';
import { usePersistentState } from './usePersistentState.ts';
import './grid.css';

const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 40;
const FILTER_HEIGHT = 30;
const NO_GROUPING: string[] = [];

export interface DataGridProps<TData extends object> {
  gridId: TableName;
  data: TData[] | null;
  columns: GridColumnDef<TData>[];
  getRowId(row: TData): string;
  /** Tree data (units): children of a row. */
  getSubRows?(row: TData): TData[] | undefined;
  grouping?: string[];
  /** The sticky first column. */
  pinned: string;
  defaultHidden?: string[];
  /** Rows expanded when a data set first arrives (the tree's upper levels). */
  defaultExpanded?: Record<string, boolean>;
  /** Names the data set (the plan file): rows of another one open at `defaultExpanded` again. */
  dataKey?: string;
  readOnly: boolean;
  onCommit(row: TData, field: string, value: CellValue): Promise<unknown>;
  /** Why a cell cannot be edited (read-only plan, key column), shown as a notice. */
  onRefuseEdit(message: string): void;
  toolbarExtra?: ReactNode;
  onCounts?(c: RowCounts): void;
  /** A row to show (another screen's link): scrolled to and focused, its parents opened; `onRevealed` then. */
  reveal?: RevealAsk | null;
  onRevealed?(seq: number, found: boolean): void;
}

export function DataGrid<TData extends object>(p: DataGridProps<TData>) {
  const { t, lang } = useLang();
  const hiddenByDefault = useMemo(() => Object.fromEntries((p.defaultHidden ?? []).map((k) => [k, false])), [p.defaultHidden]);
  const [columnVisibility, setColumnVisibility] = usePersistentState<ColumnVisibilityState>(`healthplan.grid.${p.gridId}.columns`, hiddenByDefault);
  const [columnSizing, setColumnSizing] = usePersistentState<ColumnSizingState>(`healthplan.grid.${p.gridId}.widths`, {});
  const [showFilters, setShowFilters] = usePersistentState<boolean>(`healthplan.grid.${p.gridId}.filters`, false);
  const [globalFilter, setGlobalFilter] = useState('');
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [filterEpoch, setFilterEpoch] = useState(0);
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const [filterExpanded, setFilterExpanded] = useState<ExpandedState>(true);
  const [focus, setFocus] = useState<CellFocus | null>(null);
  const [editing, setEditing] = useState<EditingCell | null>(null);
  const editingRef = useRef(editing);
  editingRef.current = editing;
  /** A focus move waiting for the saved row to render (sorting may have moved it). */
  const [pendingMove, setPendingMove] = useState<{ rowId: string; colId: string; move: Move } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const tree = !!p.getSubRows;
  const filtering = globalFilter.trim() !== '' || columnFilters.length > 0;
  const treeFiltering = tree && filtering;
  const grouping = p.grouping ?? NO_GROUPING;

  // The tree opens at its upper levels when rows of a new data set arrive (another plan, or the first
  // import into an empty one); grouping starts collapsed. Only new rows count: the key can change first.
  const expandedFor = useRef<{ data: TData[] | null; key: string | undefined; empty: boolean } | null>(null);
  useEffect(() => {
    const last = expandedFor.current;
    if (!p.data || !p.defaultExpanded || p.data === last?.data) return;
    const empty = p.data.length === 0;
    if (!last || last.key !== p.dataKey || (last.empty && !empty)) setExpanded(p.defaultExpanded);
    expandedFor.current = { data: p.data, key: p.dataKey, empty };
  }, [p.data, p.defaultExpanded, p.dataKey]);
  // Another grouping starts collapsed. The grouping is compared by content: the screen may pass a new array each render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `grouping.join('|')` is the trigger, by content
  useEffect(() => {
    if (!tree) setExpanded({});
  }, [grouping.join('|'), tree]);
  useEffect(() => {
    if (treeFiltering) setFilterExpanded(true);
  }, [treeFiltering]);
  // Another scenario or plan is loading: an open editor belongs to rows that are gone.
  useEffect(() => {
    if (p.data === null) setEditing(null);
  }, [p.data]);

  const data = useMemo(() => p.data ?? [], [p.data]);
  const table = useTable({
    features: gridFeatures,
    columns: p.columns,
    data,
    getRowId: p.getRowId,
    getSubRows: p.getSubRows,
    initialState: { columnPinning: { start: [p.pinned], end: [] } },
    state: { columnVisibility, columnSizing, globalFilter, columnFilters, grouping, expanded: treeFiltering ? filterExpanded : expanded },
    onColumnVisibilityChange: setColumnVisibility,
    onColumnSizingChange: setColumnSizing,
    onGlobalFilterChange: (u) => setGlobalFilter((old) => String(functionalUpdate(u, old) ?? '')),
    onColumnFiltersChange: setColumnFilters,
    onGroupingChange: () => undefined,
    onExpandedChange: (u) => (treeFiltering ? setFilterExpanded : setExpanded)((old) => functionalUpdate(u, old)),
    columnResizeMode: 'onChange',
    enableMultiSort: true,
    isMultiSortEvent: (e) => (e as MouseEvent).shiftKey,
    filterFromLeafRows: true,
    maxLeafRowFilterDepth: 10,
    globalFilterFn: globalSearch,
    getColumnCanGlobalFilter: (c) => (c.columnDef as { enableGlobalFilter?: boolean }).enableGlobalFilter === true,
    groupedColumnMode: false,
    autoResetExpanded: false,
    autoResetSorting: false,
  });

  const rows = table.getRowModel().rows;
  const headers = table.getHeaderGroups().at(-1)?.headers ?? [];
  const columns = useMemo(() => headers.map((h) => h.column), [headers]);
  const width = table.getTotalSize();
  const headerHeight = HEADER_HEIGHT + (showFilters ? FILTER_HEIGHT : 0);

  // Stable while the rows are: a new key function would make the virtualizer re-measure every row.
  const getItemKey = useCallback((i: number) => rows[i]?.id ?? i, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    getItemKey,
  });

  const total = table.getCoreRowModel().flatRows.length;
  const shown = filtering ? table.getFilteredRowModel().flatRows.length : total;
  const { onCounts } = p;
  useEffect(() => {
    if (p.data) onCounts?.({ shown, total });
  }, [shown, total, p.data, onCounts]);

  const startEdit = useCallback(
    (row: GridRow<TData>, colId: string, initialText?: string) => {
      const meta = table.getColumn(colId)?.columnDef.meta;
      if (row.getIsGrouped() || !meta?.def) return;
      if (p.readOnly) {
        p.onRefuseEdit(t('grid.readOnly'));
        return;
      }
      if (!meta.editable) {
        p.onRefuseEdit(t('grid.notEditable', { col: meta.label }));
        return;
      }
      setFocus({ rowId: row.id, colId });
      setEditing({ rowId: row.id, colId, initialText, saving: false, error: null });
    },
    [table, p, t],
  );

  const kbArgs = { rows, columns, focus, setFocus, startEdit, virtualizer, scrollRef, pinned: p.pinned, rowHeight: ROW_HEIGHT, headerHeight };

  // A save can end after the user opened another editor: leave that one (and its focus) alone.
  const finishEdit = (rowId: string, colId: string, move: Move) => {
    const cur = editingRef.current;
    if (!cur || cur.rowId !== rowId || cur.colId !== colId) return;
    setEditing((e) => (e && e.rowId === rowId && e.colId === colId ? null : e));
    scrollRef.current?.focus({ preventScroll: true });
    if (move !== 'none') setPendingMove({ rowId, colId, move });
  };
  // Runs once per move, on the rows and columns of the render that brought it (the saved row in its new place).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the move is the only trigger; rows, columns and kbArgs are read as that render has them
  useEffect(() => {
    if (!pendingMove) return;
    setPendingMove(null);
    const { rowId, colId, move } = pendingMove;
    const r = rows.findIndex((x) => x.id === rowId);
    const c = columns.findIndex((x) => x.id === colId);
    if (r < 0 || c < 0) return;
    const nr = move === 'down' ? Math.min(rows.length - 1, r + 1) : r;
    const nc = move === 'right' ? Math.min(columns.length - 1, c + 1) : move === 'left' ? Math.max(0, c - 1) : c;
    setFocus({ rowId: rows[nr]!.id, colId: columns[nc]!.id });
    revealCell(kbArgs, nr, columns[nc]!.id);
  }, [pendingMove]);

  const commit = async (row: GridRow<TData>, colId: string, value: CellValue, move: Move) => {
    const old = (row.original as Record<string, unknown>)[colId] ?? null;
    if (old === value) {
      finishEdit(row.id, colId, move);
      return;
    }
    setEditing((e) => (e ? { ...e, saving: true, error: null } : e));
    try {
      await p.onCommit(row.original, colId, value);
      finishEdit(row.id, colId, move);
    } catch (err) {
      setEditing((e) => (e && e.rowId === row.id && e.colId === colId ? { ...e, saving: false, error: errorText(err, lang) } : e));
    }
  };

  const cancelEdit = useStableCallback(() => {
    setEditing(null);
    scrollRef.current?.focus({ preventScroll: true });
  });
  const onCellMouseDown = useStableCallback((rowId: string, colId: string) => {
    if (!editing || editing.rowId !== rowId || editing.colId !== colId) setFocus({ rowId, colId });
  });
  const onCellDoubleClick = useStableCallback((r: GridRow<TData>, colId: string) => startEdit(r, colId));
  const onRowCommit = useStableCallback((r: GridRow<TData>, colId: string, v: CellValue, move: Move) => void commit(r, colId, v, move));
  const clearFilters = () => {
    setGlobalFilter('');
    setColumnFilters([]);
    setFilterEpoch((n) => n + 1);
  };
  useRowReveal({
    ask: p.reveal,
    done: p.onRevealed,
    ready: p.data !== null,
    rows,
    pinned: p.pinned,
    filtering,
    clearFilters,
    allRows: () => table.getPreExpandedRowModel().rows,
    column: (id) => {
      const c = table.getAllLeafColumns().find((x) => x.id === id);
      return !c ? 'none' : c.getIsVisible() ? 'shown' : 'hidden';
    },
    showColumn: (id) => setColumnVisibility((v) => ({ ...v, [id]: true })),
    expand: (ids) =>
      (treeFiltering ? setFilterExpanded : setExpanded)((old) => (old === true ? true : { ...old, ...Object.fromEntries(ids.map((id) => [id, true])) })),
    focus: (at, rowId, colId) => {
      setFocus({ rowId, colId });
      revealCell(kbArgs, at, colId);
      virtualizer.scrollToIndex(at, { align: 'center' });
      scrollRef.current?.focus({ preventScroll: true });
    },
  });

  return (
    <div className="grid" data-testid={`${p.gridId}-grid`} aria-busy={p.data === null}>
      <GridToolbar
        table={table}
        gridId={p.gridId}
        search={globalFilter}
        onSearch={setGlobalFilter}
        showFilters={showFilters}
        onToggleFilters={() => setShowFilters((v) => !v)}
        filtering={filtering}
        onClearFilters={clearFilters}
        canExpand={tree || grouping.length > 0}
        onExpandAll={() => (treeFiltering ? setFilterExpanded : setExpanded)(true)}
        onCollapseAll={() => (treeFiltering ? setFilterExpanded : setExpanded)({})}
        pinned={p.pinned}
        defaultVisibility={hiddenByDefault}
        extra={p.toolbarExtra}
      />
      <div
        ref={scrollRef}
        className="grid-scroll"
        role="grid"
        aria-rowcount={rows.length}
        tabIndex={0}
        data-testid="grid-scroll"
        onKeyDown={(e) => gridKeyDown(kbArgs, e)}
      >
        <div className="grid-inner" style={{ width }}>
          <div className="grid-head" style={{ width }}>
            <HeaderRow headers={headers} width={width} pinned={p.pinned} />
            {showFilters && <FilterRow key={filterEpoch} columns={columns as never} width={width} pinned={p.pinned} />}
          </div>
          <div className="grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <BodyRow
                  key={row.id}
                  row={row}
                  top={item.start - headerHeight}
                  odd={item.index % 2 === 1}
                  width={width}
                  pinned={p.pinned}
                  tree={tree}
                  focusCol={focus?.rowId === row.id ? focus.colId : null}
                  editing={editing?.rowId === row.id ? editing : null}
                  onCellMouseDown={onCellMouseDown}
                  onCellDoubleClick={onCellDoubleClick}
                  onCommit={onRowCommit}
                  onCancel={cancelEdit}
                  version={table.state}
                  columnsKey={p.columns}
                />
              );
            })}
          </div>
          {p.data !== null && rows.length === 0 && (
            <div className="grid-empty" data-testid="grid-empty">
              {total === 0 ? t('grid.noData', { item: t(p.gridId === 'units' ? 'file.importUnits' : 'file.importFacilities') }) : t('grid.empty')}
            </div>
          )}
          {p.data === null && (
            <div className="grid-empty" data-testid="grid-loading">
              {t('grid.loading')}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
