/** Above the gaps: the standard set and target year in use, 管理标准…, 只看不足, export, the data check's count, and a light busy sign. */
import { useEffect, useRef, useState } from 'react';
import type { GapSettings } from '../../../shared/api/contract.ts';
import type { StandardSummary } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { saveFileOut } from '../../ui/io/files.ts';
import { CheckCount } from './CheckCount.tsx';

interface Props {
  sets: StandardSummary[] | null;
  settings: GapSettings | null;
  onSettings(s: GapSettings): void;
  onlyShort: boolean;
  onOnlyShort(v: boolean): void;
  loading: boolean;
  scenarioName: string | null;
}

const validYear = (s: string) => /^\d{4}$/.test(s.trim()) && Number(s) >= 2000 && Number(s) <= 2100;

export function GapsToolbar(p: Props) {
  const { t, lang } = useLang();
  const { invoke } = useAppActions();
  const { scenarioId } = useAppData();
  const { openDialog, notify } = useUi();
  const [exporting, setExporting] = useState(false);
  const sets = p.sets ?? [];
  const current = sets.find((s) => s.id === p.settings?.standardId);
  const setName = (s: StandardSummary) => (lang === 'en' ? s.nameEn : s.name);

  const chooseSet = (id: string) => {
    if (!p.settings) return;
    const next = sets.find((s) => s.id === id);
    // Follow the new set's year unless the planner chose a year of their own.
    const year = next && (!current || p.settings.year === current.year) ? next.year : p.settings.year;
    p.onSettings({ standardId: id, year });
  };

  const exportXlsx = async () => {
    if (!p.settings) return;
    setExporting(true);
    try {
      const f = await invoke('gaps.export', { scenarioId, standardId: p.settings.standardId, year: p.settings.year, onlyShort: p.onlyShort, format: 'xlsx' });
      saveFileOut(f);
      notify(t('gaps.exported', { file: f.fileName }));
    } catch (e) {
      notify(errorText(e, lang), 'error');
    } finally {
      setExporting(false);
    }
  };

  const own = sets.filter((s) => !s.builtin);
  return (
    <div className="gaps-toolbar" data-testid="gaps-toolbar">
      <label className="tool-label gaps-field">
        {t('gaps.standard')}
        <select
          className="tool-select gaps-set-select"
          value={p.settings?.standardId ?? ''}
          title={current ? `${setName(current)} — ${current.documents.join('、')}` : undefined}
          onChange={(e) => chooseSet(e.target.value)}
          disabled={!p.settings || sets.length === 0}
          data-testid="gaps-standard-select"
        >
          {p.settings && !current && <option value={p.settings.standardId}>{p.settings.standardId}</option>}
          <optgroup label={t('gaps.builtin')}>
            {sets
              .filter((s) => s.builtin)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {setName(s)}
                </option>
              ))}
          </optgroup>
          {own.length > 0 && (
            <optgroup label={t('gaps.own')}>
              {own.map((s) => (
                <option key={s.id} value={s.id}>
                  {setName(s)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <YearInput value={p.settings?.year ?? null} onCommit={(year) => p.settings && p.onSettings({ ...p.settings, year })} />
      <button type="button" className="tool-btn" onClick={() => openDialog({ kind: 'standards' })} data-testid="gaps-manage-standards">
        {t('gaps.manage')}
      </button>
      <span className="tool-sep" />
      <label className="gaps-check">
        <input type="checkbox" checked={p.onlyShort} onChange={(e) => p.onOnlyShort(e.target.checked)} data-testid="gaps-only-short" />
        {t('gaps.onlyShort')}
      </label>
      <span className="tool-sep" />
      <button type="button" className="tool-btn" onClick={() => void exportXlsx()} disabled={!p.settings || exporting} data-testid="gaps-export">
        {exporting ? t('gaps.exporting') : t('gaps.export')}
      </button>
      <CheckCount settings={p.settings} />
      <span className="tool-spacer" />
      {p.loading && (
        <span className="gaps-busy" data-testid="gaps-busy">
          {t('gaps.computing')}
        </span>
      )}
      {p.scenarioName && (
        <span className="tool-hint" data-testid="gaps-scenario">
          {t('gaps.scenario', { name: p.scenarioName })}
        </span>
      )}
    </div>
  );
}

/** The target year: typed freely, applied once it is a year between 2000 and 2100. */
function YearInput({ value, onCommit }: { value: number | null; onCommit(y: number): void }) {
  const { t } = useLang();
  const [text, setText] = useState(value === null ? '' : String(value));
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    setText(value === null ? '' : String(value));
  }, [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const commit = (s: string) => {
    window.clearTimeout(timer.current);
    if (validYear(s) && Number(s) !== value) onCommit(Number(s));
  };
  return (
    <label className="tool-label gaps-field" title={t('timeline.gapsYearHint')}>
      {t('gaps.year')}
      <input
        type="number"
        className={`gaps-year${validYear(text) ? '' : ' is-bad'}`}
        min={2000}
        max={2100}
        value={text}
        disabled={value === null}
        onChange={(e) => {
          const s = e.target.value;
          setText(s);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => commit(s), 500);
        }}
        onBlur={() => (validYear(text) ? commit(text) : setText(value === null ? '' : String(value)))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
        }}
        data-testid="gaps-year"
      />
    </label>
  );
}
