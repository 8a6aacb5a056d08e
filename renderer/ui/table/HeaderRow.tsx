/** The sticky header: click to sort (Shift for several columns), drag the edge to resize. */
import type { Header } from '@tanstack/react-table';
import { useLang } from '../i18n/index.ts';
import type { GridFeatures } from './gridFeatures.ts';
import { UNIT_RE } from './format.ts';

interface Props<TData extends object> {
  headers: Header<GridFeatures, TData, unknown>[];
  width: number;
  pinned: string;
}

export function HeaderRow<TData extends object>({ headers, width, pinned }: Props<TData>) {
  const { t } = useLang();
  return (
    <div className="grid-header-row" role="row" style={{ width }}>
      {headers.map((h) => {
        const col = h.column;
        const meta = col.columnDef.meta;
        const sorted = col.getIsSorted();
        const sortIndex = col.getSortIndex();
        const resize = h.getResizeHandler();
        const multi = sortIndex > 0 || (sorted && h.getContext().table.atoms.sorting?.get()?.length > 1);
        return (
          <div
            key={h.id}
            role="columnheader"
            className={`grid-hcell${meta?.align === 'end' ? ' is-end' : ''}${col.id === pinned ? ' is-pinned' : ''}${col.getIsResizing() ? ' is-resizing' : ''}`}
            style={{ width: h.getSize() }}
            data-testid="grid-header"
            data-col={col.id}
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
          >
            <button type="button" className="hcell-sort" onClick={col.getToggleSortingHandler()} title={`${meta?.label ?? col.id}\n${t('grid.sortHint')}`}>
              <HeaderLabel text={meta?.label ?? col.id} />
              {sorted && (
                <span className="sort-ind" data-testid="sort-indicator">
                  {sorted === 'asc' ? '▲' : '▼'}
                  {multi ? <sub>{sortIndex + 1}</sub> : null}
                </span>
              )}
            </button>
            {col.getCanResize() ? (
              // biome-ignore lint/a11y/noStaticElementInteractions: a pointer drag handle (double-click resets); the width is not set from the keyboard
              <div
                className="hcell-resizer"
                onMouseDown={resize}
                onTouchStart={resize}
                onDoubleClick={() => col.resetSize()}
                title={t('grid.resetWidth')}
                data-testid="column-resizer"
              />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** 面积(平方公里) → 面积 over a smaller (平方公里): the unit goes on its own line. */
function HeaderLabel({ text }: { text: string }) {
  const m = UNIT_RE.exec(text);
  if (!m) return <span className="hcell-label">{text}</span>;
  return (
    <span className="hcell-label has-unit">
      {m[1]}
      <span className="hcell-unit">{m[2]}</span>
    </span>
  );
}
