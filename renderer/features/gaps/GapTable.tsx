/**
 * The places under the current one — counties, streets/towns, or a street's facilities — against
 * every target that has results among them. A cell shows the figure coloured by its traffic light,
 * and what is missing when short. A name drills down; a header sorts worst-first.
 */
import { memo } from 'react';
import type { Target } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { canDrill, type GapIndex, type GapSelection, type PlaceRow, type SortDir } from './drill.ts';
import { cellFigure, requirement } from '../../ui/wording/figures.ts';
import { cellGap } from '../../ui/wording/phrases.ts';
import { groupLabel, targetName } from '../../ui/wording/vocabulary.ts';

export type RowKind = 'county' | 'township' | 'facility';
export interface GapSort {
  target: string;
  dir: SortDir;
}

interface Props {
  ix: GapIndex;
  kind: RowKind;
  rows: PlaceRow[];
  columns: Target[];
  sort: GapSort | null;
  onSort(s: GapSort | null): void;
  selected: GapSelection | null;
  onSelect(s: GapSelection): void;
  onHover(s: GapSelection | null): void;
  onDrill(row: PlaceRow): void;
}

const nextSort = (cur: GapSort | null, target: string): GapSort | null =>
  cur?.target !== target ? { target, dir: 'worst' } : cur.dir === 'worst' ? { target, dir: 'best' } : null;

export const GapTable = memo(function GapTable(p: Props) {
  const { t, lang } = useLang();
  const groups: { name: string; span: number }[] = [];
  for (const c of p.columns) {
    const last = groups.at(-1);
    if (last?.name === c.group) last.span++;
    else groups.push({ name: c.group, span: 1 });
  }
  return (
    <table className="gaps-table" data-testid="gaps-table" data-kind={p.kind}>
      <thead>
        <tr className="gaps-group-row">
          <th className="gaps-name-h" rowSpan={2} scope="col">
            {t(`gaps.rowsHead.${p.kind}`)}
          </th>
          {groups.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one group's name may recur after another group; the columns never reorder
            <th key={`${g.name}-${i}`} colSpan={g.span} className="gaps-group-h" scope="colgroup">
              {groupLabel(g.name, lang)}
            </th>
          ))}
        </tr>
        <tr className="gaps-target-row">
          {p.columns.map((c) => {
            const sorted = p.sort?.target === c.id ? p.sort.dir : null;
            const sel = { target: c.id };
            return (
              <th
                key={c.id}
                scope="col"
                className={`gaps-target-h${p.selected?.target === c.id ? ' is-selected' : ''}`}
                aria-sort={sorted === 'worst' ? 'ascending' : sorted === 'best' ? 'descending' : 'none'}
                data-testid="gaps-col"
                data-target={c.id}
                onMouseEnter={() => p.onHover(sel)}
                onMouseLeave={() => p.onHover(null)}
              >
                <button
                  type="button"
                  className="gaps-target-btn"
                  title={t('gaps.rows.sortHint')}
                  onClick={() => {
                    p.onSort(nextSort(p.sort, c.id));
                    p.onSelect(sel);
                  }}
                >
                  <span className="gaps-target-name">{targetName(c, lang)}</span>
                  <span className="gaps-target-req">{requirement(c, lang, true)}</span>
                  {sorted && (
                    <span className="gaps-sort-ind" aria-hidden="true">
                      {sorted === 'worst' ? '▲' : '▼'}
                    </span>
                  )}
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((row) => (
          <tr key={row.code} data-testid="gaps-row" data-code={row.code} className={p.selected?.code === row.code ? 'is-selected' : undefined}>
            <th scope="row" className="gaps-name">
              {canDrill(p.ix, row) ? (
                <button
                  type="button"
                  className="gaps-drill"
                  onClick={() => p.onDrill(row)}
                  title={t('gaps.rows.drill', { name: row.name })}
                  data-testid="gaps-drill"
                >
                  {row.name}
                  <span className="gaps-drill-arrow" aria-hidden="true">
                    ›
                  </span>
                </button>
              ) : (
                <span className="gaps-plain-name">{row.name}</span>
              )}
            </th>
            {p.columns.map((c) => (
              <Cell key={c.id} target={c} row={row} selected={p.selected} onSelect={p.onSelect} onHover={p.onHover} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

interface CellProps {
  target: Target;
  row: PlaceRow;
  selected: GapSelection | null;
  onSelect(s: GapSelection): void;
  onHover(s: GapSelection | null): void;
}

function Cell({ target, row, selected, onSelect, onHover }: CellProps) {
  const { t, lang } = useLang();
  const r = row.results.get(target.id);
  // A facility without a result for a facility-level target: the target does not apply to its type.
  if (!r && row.scope === 'facility') {
    return (
      <td
        className="gaps-cell is-none is-na"
        data-testid="gaps-cell"
        data-target={target.id}
        data-status="none"
        data-applies="false"
        title={t('gaps.rows.naHint')}
      >
        {t('gaps.rows.na')}
      </td>
    );
  }
  if (!r) return <td className="gaps-cell is-none" data-testid="gaps-cell" data-target={target.id} data-status="none" />;
  const sel = { target: target.id, scope: row.scope, code: row.code };
  const isSel = selected?.target === target.id && selected.code === row.code;
  const gap = cellGap(target, r, lang);
  return (
    <td
      className={`gaps-cell is-${r.status}${isSel ? ' is-selected' : ''}`}
      data-testid="gaps-cell"
      data-target={target.id}
      data-status={r.status}
      onMouseEnter={() => onHover(sel)}
      onMouseLeave={() => onHover(null)}
    >
      <button type="button" className="gaps-cell-btn" onClick={() => onSelect(sel)}>
        <span className="gaps-fig" data-testid="gaps-figure">
          {cellFigure(target, r, lang)}
        </span>
        {gap && <span className="gaps-short">{gap}</span>}
      </button>
    </td>
  );
}
