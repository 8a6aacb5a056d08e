/** 从其他标准添加指标: pick a set, then one of its targets; it joins the draft (saved with 保存). */
import { useEffect, useState } from 'react';
import type { StandardSet, StandardSummary, Target } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { ErrorBox } from '../../ui/dialogs/Modal.tsx';
import { Sheet } from './Sheet.tsx';
import { ruleText, targetName } from './targetText.ts';

interface Props {
  /** The sets to take from (every set but the one edited). */
  sets: StandardSummary[];
  draft: StandardSet;
  load(id: string): Promise<StandardSet>;
  onAdd(target: Target, from: StandardSet): void;
  onCancel(): void;
}

export function AddTargetSheet({ sets, draft, load, onAdd, onCancel }: Props) {
  const { t, lang } = useLang();
  const [fromId, setFromId] = useState(sets[0]?.id ?? '');
  const [from, setFrom] = useState<StandardSet | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setFrom(null);
    setChosen(null);
    setError(null);
    if (fromId)
      load(fromId).then(
        (s) => {
          if (live) setFrom(s);
        },
        (e: unknown) => {
          if (live) setError(e);
        },
      );
    return () => {
      live = false;
    };
  }, [fromId, load]);
  const have = new Set(draft.targets.map((x) => x.id));
  const target = from?.targets.find((x) => x.id === chosen);
  return (
    <Sheet
      onDismiss={onCancel}
      title={t('standards.addTitle')}
      testId="standards-add-sheet"
      wide
      buttons={
        <>
          <button type="button" className="btn" onClick={onCancel} data-testid="sheet-cancel">
            {t('dialog.cancel')}
          </button>
          <button type="button" className="btn primary" disabled={!target} onClick={() => target && from && onAdd(target, from)} data-testid="sheet-confirm">
            {t('standards.addButton')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('standards.addFrom')}</span>
        <select value={fromId} onChange={(e) => setFromId(e.target.value)} data-testid="standards-add-set">
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {t('standards.setOption', { name: targetName(s, lang), year: s.year })}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span>{t('standards.addChoose')}</span>
        <div className="std-pick" role="radiogroup" aria-label={t('standards.addChoose')}>
          {!from && !error && <p className="std-empty">{t('standards.loading')}</p>}
          {from?.targets.map((x) => (
            <label key={x.id} className={`std-pick-item${chosen === x.id ? ' is-chosen' : ''}`} data-testid="standards-add-option" data-id={x.id}>
              <input type="radio" name="std-pick" checked={chosen === x.id} onChange={() => setChosen(x.id)} />
              <span className="std-pick-text">
                <span className="std-pick-name">
                  {targetName(x, lang)}
                  <span className="std-pick-group">{x.group}</span>
                </span>
                <span className="std-pick-rule">{ruleText(x, t, lang)}</span>
                {have.has(x.id) && <span className="std-pick-same">{t('standards.addSameId')}</span>}
              </span>
            </label>
          ))}
        </div>
      </div>
      <ErrorBox error={error} />
    </Sheet>
  );
}
