/** 方向 and 出车时间: which way a trip is timed (from the facility, or to it) and the dispatch delay — shared by the access and siting panels. */
import { useLang } from '../../app/i18n/index.ts';
import { NumberField } from './NumberField.tsx';

export interface Travel { direction: 'from' | 'to'; dispatchMinutes: number }

export function TravelFields({ value, onChange, testIdPrefix }: { value: Travel; onChange(p: Partial<Travel>): void; testIdPrefix: string }) {
  const { t } = useLang();
  return (
    <>
      <label className="access-field">
        <span>{t('map.access.direction')}</span>
        <select className="tool-select" value={value.direction} onChange={(e) => onChange({ direction: e.target.value as Travel['direction'] })} data-testid={`${testIdPrefix}-direction`}>
          <option value="from">{t('map.access.from')}</option>
          <option value="to">{t('map.access.to')}</option>
        </select>
      </label>
      <div className="access-field">
        <span>{t('map.access.dispatch')}</span>
        <span className="access-inline">
          <NumberField value={value.dispatchMinutes} min={0} max={120} step={0.5} onChange={(dispatchMinutes) => onChange({ dispatchMinutes })} label={t('map.access.dispatch')} testId={`${testIdPrefix}-dispatch`} />
          {t('map.access.minutes')}
        </span>
      </div>
    </>
  );
}
