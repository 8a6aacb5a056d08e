/** The legend's referral section: lines within / beyond the limit and the ringed unreachable, with how many of each. */
import type { ReferralResultOut } from '../../../../shared/access/referral.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { REFERRAL_COLOURS } from '../palette.ts';

export function ReferralLegend({ result }: { result: ReferralResultOut }) {
  const { t } = useLang();
  const n = result.query.thresholdMinutes;
  let within = 0,
    over = 0,
    unreached = 0;
  for (const f of result.facilities) {
    if (f.minutes === null) unreached++;
    else if (f.within) within++;
    else over++;
  }
  const rows = [
    { key: 'within', swatch: 'is-line', colour: REFERRAL_COLOURS.within, label: t('map.referral.legend.within', { n }), count: within },
    { key: 'over', swatch: 'is-line', colour: REFERRAL_COLOURS.over, label: t('map.referral.legend.over', { n }), count: over },
    { key: 'unreachable', swatch: 'is-ring', colour: REFERRAL_COLOURS.unreached, label: t('map.referral.legend.unreachable'), count: unreached },
  ];
  return (
    <section data-testid="referral-legend">
      <h3>{t('map.referral.legend.title')}</h3>
      <ul>
        {rows.map((r) => (
          <li key={r.key} data-testid="referral-legend-row" data-kind={r.key}>
            <span
              className={`map-swatch ${r.swatch}`}
              style={r.swatch === 'is-ring' ? { border: `2px solid ${r.colour}` } : { background: r.colour }}
              aria-hidden="true"
            />
            <span className="map-legend-label">{r.label}</span>
            <span className="map-legend-figure">{r.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
