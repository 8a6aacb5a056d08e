/** 列 ▾: show or hide columns (remembered per table in localStorage). */
import { useCallback, useRef, useState } from 'react';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useLang } from '../i18n/index.ts';
import { useDismiss } from '../useDismiss.ts';
import type { GridTable } from './gridFeatures.ts';

interface Props {
  table: GridTable;
  pinned: string;
  defaultVisibility: ColumnVisibilityState;
}

export function ColumnChooser({ table, pinned, defaultVisibility }: Props) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  const cols = table.getAllLeafColumns().filter((c) => c.id !== pinned);
  const hidden = cols.filter((c) => !c.getIsVisible()).length;
  return (
    <div className="popover-anchor" ref={ref}>
      <button type="button" className="tool-btn" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="column-chooser-button">
        {t('grid.columns')}
        {hidden ? ` (${cols.length - hidden}/${cols.length})` : ''} ▾
      </button>
      {open && (
        <div className="popover column-chooser" role="dialog" data-testid="column-chooser">
          <div className="chooser-actions">
            <button type="button" className="link-btn" onClick={() => table.setColumnVisibility({})} data-testid="columns-show-all">
              {t('grid.showAll')}
            </button>
            <button type="button" className="link-btn" onClick={() => table.setColumnVisibility(defaultVisibility)} data-testid="columns-reset">
              {t('grid.resetColumns')}
            </button>
          </div>
          <div className="chooser-list">
            {cols.map((c) => (
              <label key={c.id} className="chooser-item">
                <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} data-testid={`column-toggle-${c.id}`} />
                <span>{c.columnDef.meta?.label ?? c.id}</span>
              </label>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
