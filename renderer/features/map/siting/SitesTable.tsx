/**
 * 建议选址: each proposed site with its number (as on the map), name and street/town, where it comes
 * from (新建 / 升级 / 候选表 / 地图选点) and the people it newly covers (p-median: serves). A click flies there.
 */
import type { ProposedSite } from '../../../../shared/siting/query.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { fmtInt } from '../format.ts';
import { MAP_SITE_PREFIX, type SitingModel } from './settings.ts';
import { siteIconUrl } from './siteIcons.ts';

const sourceKey = (s: ProposedSite) => (s.source === 'list' && s.id.startsWith(MAP_SITE_PREFIX) ? 'map' : s.source);

interface Props {
  chosen: readonly ProposedSite[];
  model: SitingModel;
  onFly(lon: number, lat: number): void;
}

export function SitesTable({ chosen, model, onFly }: Props) {
  const { t } = useLang();
  const served = model === 'pmedian';
  return (
    <section className="siting-section">
      <h3 className="siting-section-title">{t('map.siting.sites.title', { n: chosen.length })}</h3>
      {chosen.length === 0 ? (
        <p className="access-message">{t('map.siting.sites.none')}</p>
      ) : (
        <div className="access-table-wrap">
          <table className="access-table siting-sites" data-testid="siting-sites">
            <thead>
              <tr>
                <th scope="col" className="siting-no-col">
                  <span>{t('map.siting.sites.no')}</span>
                </th>
                <th scope="col">
                  <span>{t('map.siting.sites.site')}</span>
                </th>
                <th scope="col">
                  <span>{t('map.siting.sites.source')}</span>
                </th>
                <th scope="col" className="is-num">
                  <span>{t(served ? 'map.siting.sites.served' : 'map.siting.sites.gained')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {chosen.map((s, i) => (
                <tr key={s.id} data-testid="siting-site-row" data-id={s.id} onClick={() => onFly(s.lon, s.lat)} title={t('map.access.locate')}>
                  <td className="siting-no-col">
                    <img className="siting-no" src={siteIconUrl(i + 1)} alt={String(i + 1)} />
                  </td>
                  <th scope="row">
                    <button
                      type="button"
                      className="access-unit"
                      onClick={(e) => {
                        e.stopPropagation();
                        onFly(s.lon, s.lat);
                      }}
                    >
                      {s.name}
                    </button>
                    {s.township && <span className="access-county">{s.township.name}</span>}
                  </th>
                  <td>
                    <span className={`siting-source is-${sourceKey(s)}`}>{t(`map.siting.source.${sourceKey(s)}`)}</span>
                  </td>
                  <td className="is-num" data-testid="siting-site-people">
                    {fmtInt(served ? s.served : s.newlyCovered)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
