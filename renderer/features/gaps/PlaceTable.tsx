/** One table of places under the current one, with its count line; 只看不足 keeps rows with something short or near. */
import { useMemo } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import { columnsFor, isShortish, sortRows, type GapIndex, type GapSelection, type PlaceRow } from './drill.ts';
import { num } from '../../ui/wording/figures.ts';
import { GapTable, type GapSort, type RowKind } from './GapTable.tsx';
import { sep } from '../../ui/i18n/labels.ts';

export interface PlaceTableProps {
  ix: GapIndex;
  kind: RowKind;
  rows: PlaceRow[];
  onlyShort: boolean;
  sort: GapSort | null;
  onSort(s: GapSort | null): void;
  selected: GapSelection | null;
  onSelect(s: GapSelection): void;
  onHover(s: GapSelection | null): void;
  onDrill(row: PlaceRow): void;
}

export function PlaceTable({ ix, kind, rows, onlyShort, sort, ...rest }: PlaceTableProps) {
  const { t, lang } = useLang();
  const columns = useMemo(() => columnsFor(ix, rows), [ix, rows]);
  const kept = useMemo(() => {
    const filtered = onlyShort ? rows.filter((r) => columns.some((c) => isShortish(r.results.get(c.id)?.status))) : rows;
    return sort && columns.some((c) => c.id === sort.target) ? sortRows(filtered, sort.target, sort.dir) : filtered;
  }, [rows, columns, onlyShort, sort]);
  const what = t(`gaps.rows.${kind}`);
  // A street's facilities no facility-level target applies to (listed all the same, their cells 不适用).
  const bare = kind === 'facility' ? rows.filter((r) => r.results.size === 0).length : 0;
  return (
    <div className="gaps-table-block">
      <div className="gaps-table-caption" data-testid="gaps-count">
        {kept.length === rows.length
          ? t('gaps.rows.count', { n: num(rows.length), what })
          : t('gaps.rows.shown', { shown: num(kept.length), total: num(rows.length), what })}
        {bare > 0 && (
          <span className="gaps-count-note" data-testid="gaps-count-bare">
            {sep(lang, 'aside')}
            {t('gaps.rows.noFacilityTargets', { n: num(bare) })}
          </span>
        )}
      </div>
      {kept.length > 0 ? (
        <GapTable ix={ix} kind={kind} rows={kept} columns={columns} sort={sort} {...rest} />
      ) : (
        <p className="gaps-placeholder">{t('gaps.rows.noneShort', { what })}</p>
      )}
    </div>
  );
}
