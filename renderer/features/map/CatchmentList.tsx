/** 各机构服务人口: each facility's catchment people (the run's own figures), most first, its colour as on the map. */
import { useMemo } from 'react';
import type { ServiceAreasOut } from '../../../shared/access/result.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { fmtInt } from './format.ts';
import { CATCHMENT_COLOURS } from './palette.ts';
import { useMoreRows } from './MoreRows.tsx';

export function CatchmentList({ catchments }: { catchments: NonNullable<ServiceAreasOut['catchments']> }) {
  const { t } = useLang();
  const rows = useMemo(
    () =>
      catchments
        .map((c) => ({ ...c, colour: CATCHMENT_COLOURS[c.colour % CATCHMENT_COLOURS.length] }))
        .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'zh-CN')),
    [catchments],
  );
  const { shown, more } = useMoreRows(rows, 'access-catchment-more');
  return (
    <section className="access-catchments" data-testid="access-catchment-list">
      <h3>{t('map.access.catchmentList')}</h3>
      <div className="access-catchments-scroll">
        <table className="access-table">
          <thead>
            <tr>
              <th scope="col" className="is-plain">
                {t('map.access.catchmentCol.facility')}
              </th>
              <th scope="col" className="is-num is-plain">
                {t('map.access.catchmentCol.people')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.facility} data-testid="access-catchment" data-facility={c.facility}>
                <th scope="row">
                  <span className="map-swatch" style={{ background: c.colour }} aria-hidden="true" /> {c.name}
                </th>
                <td className="is-num">{fmtInt(c.population)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {more}
      </div>
    </section>
  );
}
