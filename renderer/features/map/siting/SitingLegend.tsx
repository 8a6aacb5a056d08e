/** The legend's siting section: the proposed sites' mark, the candidates, and the people in each demand colour. */
import { useMemo } from 'react';
import type { SitingResultOut } from '../../../../shared/siting/query.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { fmtInt } from '../format.ts';
import { SITING_COLOURS } from '../palette.ts';
import { siteIconUrl } from './siteIcons.ts';
import { demandState, type DemandState } from './useSitingSources.ts';

const STATES: DemandState[] = ['before', 'newly', 'uncovered'];

export function SitingLegend({ result, planner }: { result: SitingResultOut | null; planner: boolean }) {
  const { t } = useLang();
  const people = useMemo(() => {
    const sum: Record<DemandState, number> = { before: 0, newly: 0, uncovered: 0 };
    for (const p of result?.points ?? []) sum[demandState(p)] += p.population;
    return sum;
  }, [result]);
  return (
    <section data-testid="siting-legend">
      <h3>{t('map.siting.legend.title')}</h3>
      <ul>
        {result && (
          <li>
            <img className="map-legend-icon" src={siteIconUrl(1)} alt="" />
            <span className="map-legend-label">{t('map.siting.legend.site')}</span>
          </li>
        )}
        {result?.candidates.some((c) => c.source !== 'list') && (
          <li>
            <span className="map-swatch is-dot" style={{ background: SITING_COLOURS.candidate, opacity: 0.5 }} aria-hidden="true" />
            <span className="map-legend-label">{t('map.siting.legend.candidate')}</span>
          </li>
        )}
        {planner && (
          <li>
            <span className="map-swatch is-dot siting-swatch-planner" aria-hidden="true" />
            <span className="map-legend-label">{t('map.siting.legend.planner')}</span>
          </li>
        )}
        {result
          && STATES.map((s) => (
            <li key={s} data-testid="siting-legend-state" data-state={s}>
              <span
                className={`map-swatch is-dot${s === 'uncovered' ? ' siting-swatch-uncovered' : ''}`}
                style={{ background: SITING_COLOURS[s] }}
                aria-hidden="true"
              />
              <span className="map-legend-label">{t(`map.siting.legend.${s}`)}</span>
              <span className="map-legend-figure">{fmtInt(people[s])}</span>
            </li>
          ))}
      </ul>
    </section>
  );
}
