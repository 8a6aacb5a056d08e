/**
 * 列为规划项目: when a proposal (siting, allocation) goes into a new scenario, the planner may put it in
 * as projects of a year — counted from that year on (规划项目 tab, gap screen by year) — rather than as
 * if built today. Off by default: the year is then left out of the call.
 */
import { useLang } from '../i18n/index.ts';

export interface PlannedYearValue {
  on: boolean;
  year: number;
}

export const plannedYearArg = (v: PlannedYearValue): { year?: number } =>
  v.on && Number.isInteger(v.year) && v.year >= 2000 && v.year <= 2100 ? { year: v.year } : {};

export function PlannedYear({ value, onChange }: { value: PlannedYearValue; onChange(v: PlannedYearValue): void }) {
  const { t } = useLang();
  return (
    <div className="planned-year" data-testid="planned-year">
      <label className="planned-year-check">
        <input type="checkbox" checked={value.on} onChange={(e) => onChange({ ...value, on: e.target.checked })} data-testid="planned-year-on" />
        <span>{t('scenario.plannedYear')}</span>
      </label>
      {value.on && (
        <input
          type="number"
          min={2000}
          max={2100}
          step={1}
          value={value.year}
          aria-label={t('scenario.plannedYearLabel')}
          onChange={(e) => onChange({ ...value, year: Number(e.target.value) })}
          data-testid="planned-year-input"
        />
      )}
      <p className="field-hint">{t(value.on ? 'scenario.plannedYearOn' : 'scenario.plannedYearOff')}</p>
    </div>
  );
}
