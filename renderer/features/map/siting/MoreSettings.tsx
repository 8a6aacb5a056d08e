/** 更多设置: the direction of travel, dispatch delay, the p-median's cutoff, a capacity per new site (MCLP), and the solver with its time limit. */
import { useLang } from '../../../ui/i18n/index.ts';
import { NumberField } from '../NumberField.tsx';
import { TravelFields } from '../TravelFields.tsx';
import { ConditionsFields } from '../ConditionsFields.tsx';
import type { SitingSettings } from './settings.ts';

const EXACT: SitingSettings['exact'][] = ['auto', 'always', 'never'];

export function MoreSettings({ settings: s, update }: { settings: SitingSettings; update(p: Partial<SitingSettings>): void }) {
  const { t } = useLang();
  return (
    <details className="siting-more" data-testid="siting-more">
      <summary>{t('map.siting.more')}</summary>
      <div className="siting-more-body">
        <TravelFields value={s} onChange={update} testIdPrefix="siting" />
        <ConditionsFields value={s} onChange={update} testIdPrefix="siting" siteFor />
        {s.model === 'pmedian' && (
          <div className="access-field" title={t('map.siting.cutoffTip')}>
            <span>{t('map.siting.cutoff')}</span>
            <span className="access-inline">
              <NumberField
                value={s.cutoffMinutes}
                min={1}
                max={600}
                onChange={(cutoffMinutes) => update({ cutoffMinutes })}
                label={t('map.siting.cutoff')}
                testId="siting-cutoff"
              />
              {t('map.access.minutes')}
            </span>
          </div>
        )}
        {s.model === 'mclp' && (
          <div className="access-field">
            <span>{t('map.siting.capacity')}</span>
            <span className="access-inline">
              <label className="siting-inline-check">
                <input
                  type="checkbox"
                  checked={s.capacity !== null}
                  onChange={(e) => update({ capacity: e.target.checked ? 50000 : null })}
                  data-testid="siting-capacity-on"
                />
                {t('map.siting.capacityOn')}
              </label>
              {s.capacity !== null && (
                <>
                  <NumberField
                    value={s.capacity}
                    min={1}
                    max={100_000_000}
                    step={1000}
                    onChange={(capacity) => update({ capacity })}
                    label={t('map.siting.capacity')}
                    testId="siting-capacity"
                  />
                  {t('map.siting.people')}
                </>
              )}
            </span>
          </div>
        )}
        <label className="access-field">
          <span>{t('map.siting.exact')}</span>
          <select
            className="tool-select"
            value={s.exact}
            onChange={(e) => update({ exact: e.target.value as SitingSettings['exact'] })}
            data-testid="siting-exact"
          >
            {EXACT.map((x) => (
              <option key={x} value={x}>
                {t(`map.siting.exactModes.${x}`)}
              </option>
            ))}
          </select>
        </label>
        {s.exact !== 'never' && (
          <div className="access-field">
            <span>{t('map.siting.timeLimit')}</span>
            <span className="access-inline">
              <NumberField
                value={s.timeLimitSeconds}
                min={1}
                max={600}
                onChange={(timeLimitSeconds) => update({ timeLimitSeconds })}
                label={t('map.siting.timeLimit')}
                testId="siting-time-limit"
              />
              {t('map.siting.seconds')}
            </span>
          </div>
        )}
      </div>
    </details>
  );
}
