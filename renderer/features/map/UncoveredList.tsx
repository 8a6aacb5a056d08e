/** 未覆盖需求点: the villages/communities (or grid cells) beyond the threshold, most people first. */
import { useMemo } from 'react';
import type { DemandPointOut } from '../../../shared/access/result.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { useMoreRows } from './MoreRows.tsx';

export function UncoveredList({
  points,
  townName,
  onLocate,
}: {
  points: readonly DemandPointOut[];
  townName(code: string | null): string;
  onLocate(code: string): void;
}) {
  const { t } = useLang();
  const rows = useMemo(() => points.filter((p) => !p.covered).sort((a, b) => b.population - a.population || a.code.localeCompare(b.code)), [points]);
  const { shown, more } = useMoreRows(rows, 'access-uncovered-more');
  const far = (p: DemandPointOut) =>
    p.km !== undefined
      ? p.km === null
        ? t('map.access.list.unreachable')
        : `${p.km} km`
      : p.minutes === null
        ? t('map.access.list.unreachable')
        : t('map.access.list.minutes', { m: p.minutes });
  return (
    <div className="access-table-wrap">
      <table className="access-table is-list" data-testid="access-uncovered-list">
        <thead>
          <tr>
            <th scope="col">{t('map.access.list.place')}</th>
            <th scope="col" className="is-num">
              {t('map.access.col.population')}
            </th>
            <th scope="col" className="is-num">
              {t('map.access.list.far')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.code} data-testid="access-uncovered-row" data-code={p.code} onClick={() => onLocate(p.code.split('#')[0]!)} className="is-low">
              <th scope="row">
                <span className="access-unit">{p.name}</span>
                <span className="access-county">{townName(p.township)}</span>
              </th>
              <td className="is-num">{Math.round(p.population).toLocaleString('en-US')}</td>
              <td className="is-num">{far(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more}
    </div>
  );
}
