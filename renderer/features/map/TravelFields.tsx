/**
 * 出行方式, 方向 and 出车时间: how people travel (by car, on foot, or on foot in town and by car in the
 * country), which way a trip is timed (from the facility, or to it) and the dispatch delay — shared by
 * the access and siting panels. On foot there is no dispatch: the field is disabled when nobody drives.
 */
import { useLang } from '../../ui/i18n/index.ts';
import type { TravelModes } from '../../../shared/access/travel.ts';
import { NumberField } from './NumberField.tsx';

export interface Travel {
  direction: 'from' | 'to';
  dispatchMinutes: number;
  travel: TravelModes;
}

/** The select's choices; 'urban-drive' (from the CLI or an API call) is shown only when it is the setting. */
type Choice = 'drive' | 'walk' | 'urban-walk' | 'urban-drive';
const MODES: Record<Choice, TravelModes> = {
  drive: { urban: 'drive', rural: 'drive' },
  walk: { urban: 'walk', rural: 'walk' },
  'urban-walk': { urban: 'walk', rural: 'drive' },
  'urban-drive': { urban: 'drive', rural: 'walk' },
};
export const choiceOf = (t: TravelModes): Choice => (t.urban === t.rural ? t.urban : t.urban === 'walk' ? 'urban-walk' : 'urban-drive');

export function TravelFields({ value, onChange, testIdPrefix }: { value: Travel; onChange(p: Partial<Travel>): void; testIdPrefix: string }) {
  const { t } = useLang();
  const choice = choiceOf(value.travel);
  const walks = value.travel.urban === 'walk' || value.travel.rural === 'walk';
  const noneDrives = value.travel.urban === 'walk' && value.travel.rural === 'walk';
  return (
    <>
      <label className="access-field">
        <span>{t('map.access.travel')}</span>
        <select
          className="tool-select"
          value={choice}
          onChange={(e) => onChange({ travel: { ...MODES[e.target.value as Choice] } })}
          data-testid={`${testIdPrefix}-travel`}
        >
          {(['drive', 'walk', 'urban-walk'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`map.access.travelMode.${c}`)}
            </option>
          ))}
          {choice === 'urban-drive' && <option value="urban-drive">{t('map.access.travelMode.urban-drive')}</option>}
        </select>
      </label>
      {walks && (
        <p className="access-preset-note" data-testid={`${testIdPrefix}-walk-note`}>
          {t('map.access.walkNote')}
        </p>
      )}
      <label className="access-field">
        <span>{t('map.access.direction')}</span>
        <select
          className="tool-select"
          value={value.direction}
          onChange={(e) => onChange({ direction: e.target.value as Travel['direction'] })}
          data-testid={`${testIdPrefix}-direction`}
        >
          <option value="from">{t('map.access.from')}</option>
          <option value="to">{t('map.access.to')}</option>
        </select>
      </label>
      {!noneDrives && (
        <div className="access-field">
          <span>{t('map.access.dispatch')}</span>
          <span className="access-inline">
            <NumberField
              value={value.dispatchMinutes}
              min={0}
              max={120}
              step={0.5}
              onChange={(dispatchMinutes) => onChange({ dispatchMinutes })}
              label={t('map.access.dispatch')}
              testId={`${testIdPrefix}-dispatch`}
            />
            {t('map.access.minutes')}
          </span>
        </div>
      )}
    </>
  );
}
