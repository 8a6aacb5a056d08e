/** Covered population and share per street/town (街道/乡镇), sortable, with the region's total below. */
import { useMemo, useState } from 'react';
import type { UnitCoverageOut } from '../../../shared/access/result.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { fmtInt, fmtShare } from './format.ts';
import { useMoreRows } from './MoreRows.tsx';

export { fmtShare };

type Col = 'name' | 'population' | 'covered' | 'share';
interface Sort {
  col: Col;
  dir: 1 | -1;
}

function compare(a: UnitCoverageOut, b: UnitCoverageOut, col: Col): number {
  if (col === 'name') return a.name.localeCompare(b.name, 'zh-CN');
  const x = a[col] ?? -1,
    y = b[col] ?? -1;
  return x - y;
}

/** Below this share a street/town is marked (the rules ask for everyone; 90% is already far off). */
const LOW = 0.9;

export function AccessTable({ units, onLocate }: { units: readonly UnitCoverageOut[]; onLocate(code: string): void }) {
  const { t } = useLang();
  const [sort, setSort] = useState<Sort>({ col: 'share', dir: 1 });
  const county = useMemo(() => new Map(units.filter((u) => u.scope === 'county').map((u) => [u.code, u.name])), [units]);
  const rows = useMemo(() => {
    const towns = units.filter((u) => u.scope === 'township');
    return towns.sort((a, b) => sort.dir * compare(a, b, sort.col) || a.code.localeCompare(b.code));
  }, [units, sort]);
  const { shown, more } = useMoreRows(rows, 'access-more');
  const total = useMemo(() => {
    const region = units.find((u) => u.scope === 'region');
    if (region) return region;
    const counties = units.filter((u) => u.scope === 'county');
    const population = counties.reduce((s, u) => s + u.population, 0),
      covered = counties.reduce((s, u) => s + u.covered, 0);
    return {
      scope: 'region',
      code: 'region',
      name: '',
      parent: null,
      population,
      covered,
      share: population ? covered / population : null,
    } satisfies UnitCoverageOut;
  }, [units]);

  const head = (col: Col, label: string, numeric: boolean) => {
    const on = sort.col === col;
    return (
      <th scope="col" className={numeric ? 'is-num' : ''} aria-sort={on ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button type="button" onClick={() => setSort(on ? { col, dir: sort.dir === 1 ? -1 : 1 } : { col, dir: 1 })} data-testid={`access-sort-${col}`}>
          {label}
          {on && (
            <span className="access-sort-ind" aria-hidden="true">
              {sort.dir === 1 ? '▲' : '▼'}
            </span>
          )}
        </button>
      </th>
    );
  };

  return (
    <div className="access-table-wrap">
      <table className="access-table" data-testid="access-table">
        <thead>
          <tr>
            {head('name', t('map.access.col.unit'), false)}
            {head('population', t('map.access.col.population'), true)}
            {head('covered', t('map.access.col.covered'), true)}
            {head('share', t('map.access.col.share'), true)}
          </tr>
        </thead>
        <tbody>
          {shown.map((u) => (
            <tr
              key={u.code}
              data-testid="access-row"
              data-code={u.code}
              className={u.share !== null && u.share < LOW ? 'is-low' : ''}
              onClick={() => onLocate(u.code)}
              title={t('map.access.locate')}
            >
              <th scope="row">
                <button
                  type="button"
                  className="access-unit"
                  onClick={(e) => {
                    e.stopPropagation();
                    onLocate(u.code);
                  }}
                >
                  {u.name}
                </button>
                {u.parent && county.get(u.parent) && <span className="access-county">{county.get(u.parent)}</span>}
              </th>
              <td className="is-num">{fmtInt(u.population)}</td>
              <td className="is-num">{fmtInt(u.covered)}</td>
              <td className="is-num access-share-cell" data-testid="access-share" data-share={u.share ?? ''}>
                <span className="access-bar" style={{ width: `${Math.round((u.share ?? 0) * 100)}%` }} aria-hidden="true" />
                <span className="access-share-text">{fmtShare(u.share)}</span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="access-total" data-share={total.share ?? ''}>
            <th scope="row">{t('map.access.total')}</th>
            <td className="is-num">{fmtInt(total.population)}</td>
            <td className="is-num">{fmtInt(total.covered)}</td>
            <td className="is-num">
              <strong>{fmtShare(total.share)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      {more}
    </div>
  );
}
