/** Above a grid: the search box, filters on/off, expand/collapse, the screen's own controls, columns. */
import type { ReactNode } from 'react';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useLang } from '../i18n/index.ts';
import { ColumnChooser } from './ColumnChooser.tsx';
import type { GridTable } from './gridFeatures.ts';

interface Props {
  table: unknown;
  gridId: string;
  search: string;
  onSearch(s: string): void;
  showFilters: boolean;
  onToggleFilters(): void;
  filtering: boolean;
  onClearFilters(): void;
  canExpand: boolean;
  onExpandAll(): void;
  onCollapseAll(): void;
  pinned: string;
  defaultVisibility: ColumnVisibilityState;
  extra?: ReactNode;
}

export function GridToolbar(p: Props) {
  const { t } = useLang();
  return (
    <div className="grid-toolbar" data-testid="grid-toolbar">
      <input
        type="search"
        className="search-box"
        placeholder={t('grid.search')}
        value={p.search}
        onChange={(e) => p.onSearch(e.target.value)}
        data-testid="grid-search"
        aria-label={t('grid.search')}
      />
      <button
        type="button"
        className={`tool-btn${p.showFilters ? ' is-on' : ''}`}
        aria-pressed={p.showFilters}
        onClick={p.onToggleFilters}
        data-testid="grid-filters-toggle"
      >
        {t('grid.filters')}
      </button>
      {p.filtering && (
        <button type="button" className="tool-btn" onClick={p.onClearFilters} data-testid="grid-clear-filters">
          {t('grid.clearFilters')}
        </button>
      )}
      {p.canExpand && (
        <>
          <span className="tool-sep" />
          <button type="button" className="tool-btn" onClick={p.onExpandAll} data-testid="grid-expand-all">
            {t('grid.expandAll')}
          </button>
          <button type="button" className="tool-btn" onClick={p.onCollapseAll} data-testid="grid-collapse-all">
            {t('grid.collapseAll')}
          </button>
        </>
      )}
      {p.extra && (
        <>
          <span className="tool-sep" />
          {p.extra}
        </>
      )}
      <span className="tool-spacer" />
      <span className="tool-hint">{t('grid.editHint')}</span>
      <ColumnChooser table={p.table as GridTable} pinned={p.pinned} defaultVisibility={p.defaultVisibility} />
    </div>
  );
}
