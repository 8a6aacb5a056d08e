/**
 * 转诊可及性 beside the map: the facilities referred from (乡镇卫生院, 社区卫生服务中心 …), where to (by
 * default a level up the ladder) and the limit; then the share within it for the region and each county,
 * and the facilities beyond it (worst first, a click flies there). The map draws each facility's line to
 * its target meanwhile (useReferralSources).
 */
import type { ReactNode } from 'react';
import type { ReferralCountyOut, ReferralResultOut } from '../../../../shared/access/referral.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { enumLabel, errorText } from '../../../ui/i18n/labels.ts';
import { fmtShare } from '../format.ts';
import { NumberField } from '../NumberField.tsx';
import { TypePicker } from '../TypePicker.tsx';
import { sameReferral, type ReferralRun } from './useReferralRun.ts';

interface Props {
  referral: ReferralRun;
  /** The side panel's tabs, in place of a title. */
  head: ReactNode;
  onFly(lon: number, lat: number): void;
}

/** How many of the facilities beyond the limit are listed. */
const OVER_LISTED = 60;

export function ReferralPanel({ referral, head, onFly }: Props) {
  const { t, lang } = useLang();
  const { settings, update, result, asked } = referral;
  const stale = !!result && !!asked && !sameReferral(asked, settings);
  return (
    <aside className="map-side" data-testid="referral-panel" aria-label={t('map.referral.title')}>
      {head}
      <div className="access-form">
        <div className="access-field">
          <span>{t('map.referral.from')}</span>
          <TypePicker value={settings.from} onChange={(from) => update({ from })} testId="referral-from" optionTestId="referral-from-type" />
        </div>
        <div className="access-field">
          <span>{t('map.referral.to')}</span>
          <TypePicker
            value={settings.to}
            onChange={(to) => update({ to })}
            empty={t('map.referral.toDefault')}
            testId="referral-to"
            optionTestId="referral-to-type"
          />
        </div>
        <div className="access-field">
          <span>{t('map.referral.threshold')}</span>
          <span className="access-inline">
            <NumberField
              value={settings.thresholdMinutes}
              min={1}
              max={600}
              onChange={(thresholdMinutes) => update({ thresholdMinutes })}
              label={t('map.referral.thresholdLabel')}
              testId="referral-threshold"
            />
            {t('map.referral.minutes')}
          </span>
        </div>
        <div className="access-actions">
          <button
            type="button"
            className="btn primary"
            onClick={referral.run}
            disabled={referral.busy || settings.from.length === 0}
            data-testid="referral-run"
          >
            {t('map.referral.run')}
          </button>
          {asked && !referral.busy && (
            <button type="button" className="btn" onClick={referral.clear} data-testid="referral-clear">
              {t('map.referral.clear')}
            </button>
          )}
          {referral.busy && (
            <span className="map-busy" data-testid="referral-busy">
              {t('map.referral.busy')}
            </span>
          )}
        </div>
      </div>
      {!!referral.error && (
        <p className="access-message is-error" role="alert" data-testid="referral-error">
          {t('map.referral.failed', { message: errorText(referral.error, lang) })}
        </p>
      )}
      {result ? (
        <ReferralResult result={result} busy={referral.busy} stale={stale} onFly={onFly} />
      ) : (
        !referral.busy && <p className="access-message">{t('map.referral.hint')}</p>
      )}
    </aside>
  );
}

function ReferralResult({ result, busy, stale, onFly }: { result: ReferralResultOut; busy: boolean; stale: boolean; onFly(lon: number, lat: number): void }) {
  const { t, lang } = useLang();
  const region = result.counties.find((c) => c.scope === 'region');
  const counties = result.counties.filter((c) => c.scope === 'county');
  const over = result.facilities.filter((f) => !f.within);
  const unreachable = result.facilities.filter((f) => f.minutes === null).length;
  const threshold = result.query.thresholdMinutes;
  const row = (c: ReferralCountyOut) => (
    <tr
      key={c.code}
      data-testid={c.scope === 'region' ? 'referral-region' : 'referral-county'}
      data-code={c.code}
      className={c.scope === 'region' ? 'is-region' : c.share !== null && c.share < 1 ? 'is-low' : ''}
    >
      <th scope="row">{c.name}</th>
      <td className="is-num">{c.facilities}</td>
      <td className="is-num">{c.within}</td>
      <td className="is-num access-share-text" data-testid="referral-share" data-share={c.share ?? ''}>
        {fmtShare(c.share)}
      </td>
      <td className="is-num">{c.worstMinutes === null ? '—' : c.worstMinutes.toFixed(1)}</td>
    </tr>
  );
  return (
    <div className={`access-result${busy ? ' is-busy' : ''}`}>
      <p className={`access-model-note${result.model === 'straight_line' ? ' is-fallback' : ''}`} data-testid="referral-model-note" data-model={result.model}>
        <span aria-hidden="true">ⓘ </span>
        {lang === 'en' ? result.modelNoteEn : result.modelNote}
      </p>
      {(lang === 'en' ? result.notesEn : result.notes).map((n) => (
        <p key={n} className="access-model-note" data-testid="referral-note">
          {n}
        </p>
      ))}
      {stale && (
        <p className="access-message" data-testid="referral-stale">
          {t('map.referral.stale')}
        </p>
      )}
      {region && (
        <p className={`referral-summary${region.within < region.facilities ? ' is-warn' : ''}`} data-testid="referral-summary">
          {t('map.referral.summary', { within: region.within, of: region.facilities, threshold, share: fmtShare(region.share) })}
        </p>
      )}
      {unreachable > 0 && (
        <p className="referral-summary is-warn" data-testid="referral-unreachable">
          {t('map.referral.unreachable', { n: unreachable })}
        </p>
      )}
      <section className="referral-section">
        <table className="access-table" data-testid="referral-counties">
          <thead>
            <tr>
              <th scope="col">{t('map.referral.col.county')}</th>
              <th scope="col" className="is-num">
                {t('map.referral.col.facilities')}
              </th>
              <th scope="col" className="is-num">
                {t('map.referral.col.within')}
              </th>
              <th scope="col" className="is-num">
                {t('map.referral.col.share')}
              </th>
              <th scope="col" className="is-num">
                {t('map.referral.col.worst')}
              </th>
            </tr>
          </thead>
          <tbody>
            {region && row(region)}
            {counties.map(row)}
          </tbody>
        </table>
      </section>
      {over.length > 0 && (
        <section className="referral-section">
          <h3>{t('map.referral.over')}</h3>
          <table className="access-table" data-testid="referral-over">
            <thead>
              <tr>
                <th scope="col">{t('map.referral.facility.name')}</th>
                <th scope="col">{t('map.referral.facility.to')}</th>
                <th scope="col" className="is-num">
                  {t('map.referral.facility.minutes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {over.slice(0, OVER_LISTED).map((f) => (
                <tr
                  key={f.id}
                  className="is-click is-low"
                  data-testid="referral-over-row"
                  data-id={f.id}
                  onClick={() => onFly(f.lon, f.lat)}
                  title={t('map.referral.locate')}
                >
                  <th scope="row">
                    {f.name}
                    <span className="access-county">{enumLabel('facilityType', f.type, lang)}</span>
                  </th>
                  <td>{f.toName ?? '—'}</td>
                  <td className="is-num access-share-text">{f.minutes === null ? t('map.referral.facility.none') : f.minutes.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {over.length > OVER_LISTED && <p className="referral-more">{t('map.referral.more', { n: over.length - OVER_LISTED })}</p>}
        </section>
      )}
    </div>
  );
}
