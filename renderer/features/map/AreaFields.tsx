/**
 * 服务范围 in the access panel: 画出服务范围 (ticked: the urban and rural limits), the band minutes to
 * draw (any of 5/10/15/30/60 and the limits, several at once), and 各机构服务范围 (each facility's
 * catchment). Kept in the settings' `areas` (bands in minutes, catchments); nothing asked: no `areas`.
 */
import type { AccessSettings } from './presets.ts';
import { useLang } from '../../ui/i18n/index.ts';

/** The band minutes offered beside the rule's own limits. */
export const AREA_BAND_CHOICES = [5, 10, 15, 30, 60] as const;

type Areas = AccessSettings['areas'];

/** The settings' areas with these bands and catchments (undefined when neither is asked). */
function areasOf(bands: readonly number[], catchments: boolean): Areas {
  return bands.length || catchments ? { bands: [...bands].sort((a, b) => a - b), catchments } : undefined;
}

/** Whether a result's areas answer these settings' (same bands and catchments). */
export function sameAreas(asked: Areas | undefined, want: Areas | undefined): boolean {
  const a = asked ?? { bands: [], catchments: false };
  const b = want ?? { bands: [], catchments: false };
  const sa = [...new Set(a.bands)].sort((x, y) => x - y).join(',');
  const sb = [...new Set(b.bands)].sort((x, y) => x - y).join(',');
  return sa === sb && !!a.catchments === !!b.catchments;
}

export function AreaFields({ settings, onChange }: { settings: AccessSettings; onChange(areas: Areas): void }) {
  const { t } = useLang();
  const bands = settings.areas?.bands ?? [];
  const catchments = !!settings.areas?.catchments;
  const limits = [...new Set([settings.urbanMinutes, settings.ruralMinutes])];
  const choices = [...new Set([...AREA_BAND_CHOICES, ...limits, ...bands])].sort((a, b) => a - b);
  const toggle = (n: number, on: boolean) => onChange(areasOf(on ? [...bands, n] : bands.filter((x) => x !== n), catchments));
  return (
    <div className="access-areas">
      <label className="access-check">
        <input
          type="checkbox"
          checked={bands.length > 0}
          onChange={(e) => onChange(areasOf(e.target.checked ? limits : [], catchments))}
          data-testid="access-areas"
        />
        {t('map.access.areas')}
      </label>
      {bands.length > 0 && (
        <fieldset className="access-bands" aria-label={t('map.access.bands')}>
          <span>{t('map.access.bands')}</span>
          {choices.map((n) => (
            <label key={n} className={`access-band${bands.includes(n) ? ' is-on' : ''}`} title={t('map.access.bandLabel', { n })}>
              <input type="checkbox" checked={bands.includes(n)} onChange={(e) => toggle(n, e.target.checked)} data-testid={`access-band-${n}`} />
              {n}
            </label>
          ))}
        </fieldset>
      )}
      <label className="access-check">
        <input type="checkbox" checked={catchments} onChange={(e) => onChange(areasOf(bands, e.target.checked))} data-testid="access-catchments" />
        {t('map.access.catchments')}
      </label>
    </div>
  );
}
