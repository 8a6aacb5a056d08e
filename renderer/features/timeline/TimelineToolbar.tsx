/** Above the timeline: the standard set, the years shown, 查看年份 (a slider over them), 新增项目…. */
import { useEffect, useState } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import type { TimelineData } from './useTimeline.ts';

interface Props {
  data: TimelineData;
  viewYear: number;
  onViewYear(y: number): void;
  readOnly: boolean;
  onAdd(): void;
  scenarioName: string | null;
}

const isYear = (s: string) => /^\d{4}$/.test(s.trim()) && Number(s) >= 2000 && Number(s) <= 2100;

export function TimelineToolbar({ data, viewYear, onViewYear, readOnly, onAdd, scenarioName }: Props) {
  const { t, lang } = useLang();
  const { summary, sets } = data;
  const from = summary?.fromYear ?? null;
  const to = summary?.toYear ?? null;
  const own = (sets ?? []).filter((s) => !s.builtin);
  const setRange = (f: number, tt: number) => data.setRange({ from: Math.min(f, tt), to: Math.max(f, tt) });
  return (
    <div className="gaps-toolbar tl-toolbar" data-testid="timeline-toolbar">
      <label className="tool-label gaps-field">
        {t('timeline.standard')}
        <select
          className="tool-select gaps-set-select"
          value={data.standardId ?? ''}
          onChange={(e) => data.setStandardId(e.target.value)}
          disabled={!sets}
          data-testid="timeline-standard"
        >
          {data.standardId && !sets?.some((s) => s.id === data.standardId) && <option value={data.standardId}>{data.standardId}</option>}
          <optgroup label={t('gaps.builtin')}>
            {(sets ?? [])
              .filter((s) => s.builtin)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {lang === 'en' ? s.nameEn : s.name}
                </option>
              ))}
          </optgroup>
          {own.length > 0 && (
            <optgroup label={t('gaps.own')}>
              {own.map((s) => (
                <option key={s.id} value={s.id}>
                  {lang === 'en' ? s.nameEn : s.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <span className="tool-label gaps-field">
        {t('timeline.from')}
        <YearBox value={from} onCommit={(y) => to !== null && setRange(y, to)} testId="timeline-from" />
        {t('timeline.to')}
        <YearBox value={to} onCommit={(y) => from !== null && setRange(from, y)} testId="timeline-to" />
      </span>
      <span className="tool-sep" />
      <label className="tool-label gaps-field tl-view-year">
        {t('timeline.viewYear')}
        <input
          type="range"
          min={from ?? viewYear}
          max={to ?? viewYear}
          step={1}
          value={viewYear}
          disabled={from === null || from === to}
          onChange={(e) => onViewYear(Number(e.target.value))}
          data-testid="timeline-view-slider"
        />
        <select
          className="tool-select"
          value={viewYear}
          onChange={(e) => onViewYear(Number(e.target.value))}
          disabled={from === null}
          data-testid="timeline-view-year"
        >
          {from !== null
            && to !== null
            && Array.from({ length: to - from + 1 }, (_, i) => from + i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          {from === null && <option value={viewYear}>{viewYear}</option>}
        </select>
      </label>
      <span className="tool-sep" />
      <button type="button" className="tool-btn tl-add" onClick={onAdd} disabled={readOnly || !summary} data-testid="timeline-add">
        {t('timeline.add')}
      </button>
      <span className="tool-spacer" />
      {data.loading && (
        <span className="gaps-busy" data-testid="timeline-busy">
          {t('timeline.computing')}
        </span>
      )}
      {scenarioName && (
        <span className="tool-hint" data-testid="timeline-scenario">
          {t('timeline.scenario', { name: scenarioName })}
        </span>
      )}
    </div>
  );
}

/** A year typed freely, applied on Enter or leaving the field once it is a year from 2000 to 2100. */
function YearBox({ value, onCommit, testId }: { value: number | null; onCommit(y: number): void; testId: string }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    setText(value === null ? '' : String(value));
  }, [value]);
  const commit = () => {
    if (isYear(text) && Number(text) !== value) onCommit(Number(text));
    else setText(value === null ? '' : String(value));
  };
  return (
    <input
      type="number"
      className={`gaps-year${isYear(text) ? '' : ' is-bad'}`}
      min={2000}
      max={2100}
      value={text}
      disabled={value === null}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      data-testid={testId}
    />
  );
}
