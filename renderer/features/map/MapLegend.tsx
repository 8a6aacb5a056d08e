/**
 * 图例: what the colours mean — the bands of the access analysis (travel time, or distance for a
 * service radius, with the population in each), the gap statuses of the target shown, and the
 * facility types on the map.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { AccessResultOut } from '../../../shared/access/result.ts';
import type { FacilityType } from '../../../shared/model/kinds.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { enumLabel } from '../../ui/i18n/labels.ts';
import { iconDataUrl } from './facilityIcons.ts';
import { AREA_COLOUR, BAND_COLOURS, CATCHMENT_COLOURS, BAND_LIMITS, bandOf, STATUS_COLOURS, UNREACHED, type StatusColour } from './palette.ts';

interface Props {
  target: { name: string; counts: Record<StatusColour, number> } | null;
  access: AccessResultOut | null;
  types: readonly FacilityType[];
  /** Another analysis's section (siting), shown first. */
  overlay?: ReactNode;
}

const STATUS_ORDER: StatusColour[] = ['met', 'near', 'short', 'none'];

export function MapLegend({ target, access, types, overlay }: Props) {
  const { t, lang } = useLang();
  const [open, setOpen] = useState(true);
  const measure = access?.query.measure ?? 'time';
  const bandShares = useMemo(() => {
    if (!access) return null;
    const people = BAND_COLOURS.map(() => 0);
    let total = 0;
    for (const p of access.points) {
      people[bandOf(measure === 'radius' ? p.km : p.minutes, measure)]! += p.population;
      total += p.population;
    }
    return people.map((n) => (total ? n / total : 0));
  }, [access, measure]);

  const unit = t(measure === 'radius' ? 'map.access.km' : 'map.access.minutes');
  const limits = BAND_LIMITS[measure];
  const bandLabel = (i: number) => {
    if (i === UNREACHED) return t('map.legend.unreachable');
    if (i === limits.length) return t('map.legend.over', { n: limits[i - 1], unit });
    return t('map.legend.upTo', { n: limits[i], unit });
  };
  const heading =
    measure === 'radius'
      ? t('map.legend.distance')
      : t('map.legend.travel', { dir: t(access?.query.direction === 'to' ? 'map.legend.toFacility' : 'map.legend.fromFacility') });

  return (
    <div className={`map-legend${open ? '' : ' is-closed'}`} data-testid="map-legend">
      <button type="button" className="map-legend-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        {t('map.legend.title')}
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <div className="map-legend-body">
          {overlay}
          {access && bandShares && (
            <section>
              <h3>{heading}</h3>
              <ul>
                {BAND_COLOURS.map((color, i) => (
                  <li key={color} data-testid="map-legend-band">
                    <span className="map-swatch is-dot" style={{ background: color }} aria-hidden="true" />
                    <span className="map-legend-label">{bandLabel(i)}</span>
                    <span className="map-legend-figure">{(bandShares[i]! * 100).toFixed(1)}%</span>
                  </li>
                ))}
                <li>
                  <span className="map-swatch is-dot is-uncovered" aria-hidden="true" />
                  <span className="map-legend-label">
                    {t('map.legend.uncovered', { urban: access.query.urbanMinutes, rural: access.query.ruralMinutes, unit })}
                  </span>
                </li>
              </ul>
            </section>
          )}
          {access?.areas && access.areas.cellMetres > 0 && access.areas.bands.length > 0 && (
            <section data-testid="map-legend-areas">
              <h3>{t('map.legend.areas')}</h3>
              <ul>
                {access.areas.bands.map((b, i) => (
                  <li key={b.minutes} data-testid="map-legend-area">
                    <span
                      className="map-swatch"
                      style={{ background: AREA_COLOUR, opacity: 0.16 * (access.areas!.bands.length - i) + 0.1 }}
                      aria-hidden="true"
                    />
                    <span className="map-legend-label">{t('map.legend.areaBand', { n: b.minutes })}</span>
                    <span className="map-legend-figure">{t('map.legend.areaPeople', { people: Math.round(b.population).toLocaleString('en-US') })}</span>
                  </li>
                ))}
              </ul>
              <p className="map-legend-note">{t('map.legend.areaMethod', { cell: access.areas.cellMetres })}</p>
            </section>
          )}
          {access?.areas?.catchments && access.areas.cellMetres > 0 && (
            <section data-testid="map-legend-catchments">
              <h3>{t('map.legend.catchments')}</h3>
              <p className="map-legend-swatches" aria-hidden="true">
                {CATCHMENT_COLOURS.map((c) => (
                  <span key={c} className="map-swatch" style={{ background: c, opacity: 0.7 }} />
                ))}
              </p>
              <p className="map-legend-note">{t('map.legend.catchmentsNote', { n: access.areas.catchments.length })}</p>
            </section>
          )}
          {target && (
            <section>
              <h3 title={target.name}>{target.name}</h3>
              <ul>
                {STATUS_ORDER.map((s) => (
                  <li key={s} data-testid="map-legend-status" data-status={s}>
                    <span className="map-swatch" style={{ background: STATUS_COLOURS[s] }} aria-hidden="true" />
                    <span className="map-legend-label">{t(`map.status.${s}`)}</span>
                    <span className="map-legend-figure">{target.counts[s]}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {types.length > 0 && (
            <section>
              {/* Folded while bands or statuses are shown, so that they fit a small window. */}
              <details key={access || target || overlay ? 'folded' : 'open'} open={!access && !target && !overlay}>
                <summary>{t('map.legend.facilities')}</summary>
                <ul className="map-legend-types">
                  {types.map((type) => (
                    <li key={type}>
                      <img className="map-legend-icon" src={iconDataUrl(type)} alt="" />
                      <span className="map-legend-label">{enumLabel('facilityType', type, lang)}</span>
                    </li>
                  ))}
                </ul>
              </details>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
