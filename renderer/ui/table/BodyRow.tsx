/**
 * One virtual row: its visible cells, the tree/group expander in the pinned first column, group sums,
 * and the editor when one of its cells is being edited.
 */
import { memo } from 'react';
import { flexRender } from '@tanstack/react-table';
import type { CellValue } from '../state/types.ts';
import { useLang } from '../i18n/index.ts';
import { CellEditor, type Move } from './CellEditor.tsx';
import { leafCount, type GridRow } from './gridFeatures.ts';

export interface EditingCell {
  rowId: string;
  colId: string;
  initialText?: string;
  saving: boolean;
  error: string | null;
}

interface Props<TData extends object> {
  row: GridRow<TData>;
  top: number;
  odd: boolean;
  width: number;
  pinned: string;
  tree: boolean;
  focusCol: string | null;
  editing: EditingCell | null;
  onCellMouseDown(rowId: string, colId: string): void;
  onCellDoubleClick(row: GridRow<TData>, colId: string): void;
  onCommit(row: GridRow<TData>, colId: string, value: CellValue, move: Move): void;
  onCancel(): void;
  /** Changes whenever the table state or the columns change, so that a memoised row re-renders. */
  version: unknown;
  columnsKey: unknown;
}

const INDENT = 16;

function BodyRowImpl<TData extends object>(p: Props<TData>) {
  const { t } = useLang();
  const { row } = p;
  const grouped = row.getIsGrouped();
  const cls = `grid-row${p.odd ? ' is-odd' : ''}${grouped ? ' is-group' : ''}${p.editing ? ' is-editing' : ''}${row.depth === 0 && p.tree ? ' is-root' : ''}`;
  return (
    <div
      className={cls}
      role="row"
      style={{ width: p.width, transform: `translateY(${p.top}px)` }}
      data-testid="grid-row"
      data-row-id={row.id}
      data-depth={row.depth}
      aria-expanded={row.getCanExpand() ? row.getIsExpanded() : undefined}
    >
      {row.getVisibleCells().map((cell) => {
        const col = cell.column;
        const meta = col.columnDef.meta;
        const isPinned = col.id === p.pinned;
        const focused = p.focusCol === col.id;
        const editing = p.editing?.colId === col.id ? p.editing : null;
        const value = cell.getValue();
        let content: React.ReactNode;
        let title: string | undefined;
        if (editing && meta?.def) {
          content = (
            <CellEditor
              key={`${row.id}:${col.id}`}
              def={meta.def}
              value={row.original ? (row.original as Record<string, unknown>)[col.id] : undefined}
              initialText={editing.initialText}
              saving={editing.saving}
              error={editing.error}
              onCommit={(v, move) => p.onCommit(row, col.id, v, move)}
              onCancel={p.onCancel}
            />
          );
        } else if (grouped) {
          if (isPinned) {
            const gMeta = row.groupingColumnId ? row.table.getColumn(row.groupingColumnId)?.columnDef.meta : undefined;
            const gv = row.groupingValue === 'undefined' ? undefined : row.groupingValue;
            const label = gv === undefined ? t('grid.blank') : gMeta ? gMeta.text(gv) : String(gv);
            content = (
              <span className="group-label">
                {label}
                <span className="group-count">{t('grid.groupCount', { n: leafCount(row).toLocaleString('zh-CN') })}</span>
              </span>
            );
            title = label;
          } else if (cell.getIsGrouped() || cell.getIsAggregated()) {
            content = title = meta ? meta.text(value) : String(value ?? '');
          }
        } else {
          content = flexRender(col.columnDef.cell, cell.getContext());
          title = meta && value !== undefined ? meta.text(value) : undefined;
        }
        return (
          <div
            key={cell.id}
            role="gridcell"
            className={`grid-cell${meta?.align === 'end' ? ' is-end' : ''}${isPinned ? ' is-pinned' : ''}${focused ? ' is-focused' : ''}${editing ? ' is-editing' : ''}`}
            style={{ width: col.getSize() }}
            data-testid="grid-cell"
            data-col={col.id}
            aria-selected={focused || undefined}
            onMouseDown={() => p.onCellMouseDown(row.id, col.id)}
            onDoubleClick={() => p.onCellDoubleClick(row, col.id)}
          >
            {isPinned && !editing ? (
              <>
                {(p.tree || row.depth > 0 || grouped) && <span className="indent" style={{ width: row.depth * INDENT }} />}
                {row.getCanExpand() ? (
                  <button
                    type="button"
                    className="expander"
                    tabIndex={-1}
                    data-testid="row-expander"
                    aria-label={row.getIsExpanded() ? t('grid.collapse') : t('grid.expand')}
                    onMouseDown={(e) => e.stopPropagation()}
                    onDoubleClick={(e) => e.stopPropagation()}
                    onClick={row.getToggleExpandedHandler()}
                  >
                    {row.getIsExpanded() ? '▾' : '▸'}
                  </button>
                ) : p.tree ? (
                  <span className="expander-space" />
                ) : null}
                <span className="cell-text" title={title}>
                  {content}
                </span>
              </>
            ) : editing ? (
              content
            ) : (
              <span className="cell-text" title={title}>
                {content}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** Rows that stay in view while scrolling are not re-rendered. */
export const BodyRow = memo(BodyRowImpl) as typeof BodyRowImpl;
