/** The left pane: which set the plan uses and for which year, then every set, shipped ones first. */
import { useEffect, useRef } from 'react';
import type { GapSettings } from '../../../shared/api/contract.ts';
import type { StandardSummary } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { targetName } from './targetText.ts';
import { sep } from '../../ui/i18n/labels.ts';

interface Props {
  sets: StandardSummary[];
  settings: GapSettings;
  selectedId: string | null;
  onSelect(id: string): void;
  yearText: string;
  onYearText(s: string): void;
  yearOk: boolean;
  readOnly: boolean;
}

export function SetList({ sets, settings, selectedId, onSelect, yearText, onYearText, yearOk, readOnly }: Props) {
  const { t, lang } = useLang();
  const ref = useRef<HTMLElement>(null);
  // The chosen set in view (a new copy is listed last, under the shipped ones).
  // biome-ignore lint/correctness/useExhaustiveDependencies: selectedId and sets are the triggers (the DOM read is through the ref)
  useEffect(() => {
    ref.current?.querySelector('.std-item.is-chosen')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, sets]);
  const inUse = sets.find((s) => s.id === settings.standardId);
  const group = (builtin: boolean) => sets.filter((s) => s.builtin === builtin);
  const item = (s: StandardSummary) => (
    <li key={s.id}>
      <button
        type="button"
        className={`std-item${s.id === selectedId ? ' is-chosen' : ''}`}
        aria-current={s.id === selectedId || undefined}
        onClick={() => onSelect(s.id)}
        data-testid="standards-item"
        data-id={s.id}
      >
        <span className="std-item-name">{targetName(s, lang)}</span>
        <span className="std-item-meta">
          {s.id === settings.standardId && <span className="std-chip is-use">{t('standards.inUse')}</span>}
          <span>{t('standards.yearOf', { year: s.year })}</span>
          <span>{t('standards.targetCount', { n: s.targets })}</span>
        </span>
        <span className="std-item-docs">{s.documents.join(sep(lang, 'semi'))}</span>
      </button>
    </li>
  );
  const own = group(false);
  return (
    <nav ref={ref} className="std-list" aria-label={t('standards.title')}>
      <div className="std-current">
        <div className="std-current-label">{t('standards.planUses')}</div>
        <div className="std-current-name" data-testid="standards-current">
          {inUse ? targetName(inUse, lang) : settings.standardId}
        </div>
        <label className="std-year">
          <span>{t('standards.targetYear')}</span>
          <input
            type="text"
            inputMode="numeric"
            value={yearText}
            maxLength={4}
            disabled={readOnly}
            onChange={(e) => onYearText(e.target.value)}
            aria-invalid={!yearOk || undefined}
            data-testid="standards-year"
          />
        </label>
        <div className={`std-hint${yearOk ? '' : ' is-bad'}`}>{yearOk ? t('standards.targetYearHint') : t('standards.yearInvalid')}</div>
      </div>
      <h3 className="std-list-head">{t('standards.builtinGroup')}</h3>
      <ul>{group(true).map(item)}</ul>
      <h3 className="std-list-head">{t('standards.ownGroup')}</h3>
      {own.length ? <ul>{own.map(item)}</ul> : <p className="std-empty">{t('standards.ownEmpty')}</p>}
    </nav>
  );
}
