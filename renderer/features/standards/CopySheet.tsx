/** 复制为本方案标准: a new name and id for a copy of any set; the server may still refuse the id. */
import { useState } from 'react';
import type { StandardSummary } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { ErrorBox } from '../../ui/dialogs/Modal.tsx';
import { copyId, SET_ID_RE } from './draft.ts';
import { onEnter, Sheet } from './Sheet.tsx';
import { targetName } from './targetText.ts';

interface Props {
  from: StandardSummary;
  /** Ids of every set, shipped and own. */
  taken: ReadonlySet<string>;
  onCopy(name: string, id: string): Promise<void>;
  onCancel(): void;
}

export function CopySheet({ from, taken, onCopy, onCancel }: Props) {
  const { t, lang } = useLang();
  const [name, setName] = useState(() => t('standards.copyDefaultName', { name: targetName(from, lang) }));
  const [id, setId] = useState(() => copyId(from.id, taken));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const idProblem = !SET_ID_RE.test(id) || id.length > 100 ? t('standards.copyIdInvalid') : taken.has(id) ? t('standards.copyIdTaken', { id }) : null;
  const ready = !!name.trim() && !idProblem && !busy;
  const run = async () => {
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await onCopy(name.trim(), id);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Sheet
      onDismiss={onCancel}
      title={t('standards.copyTitle')}
      testId="standards-copy-sheet"
      buttons={
        <>
          <button type="button" className="btn" onClick={onCancel} data-testid="sheet-cancel">
            {t('dialog.cancel')}
          </button>
          <button type="button" className="btn primary" disabled={!ready} onClick={() => void run()} data-testid="sheet-confirm">
            {busy ? t('dialog.working') : t('standards.copyButton')}
          </button>
        </>
      }
    >
      <p className="std-sheet-text">{t('standards.copyFrom', { name: targetName(from, lang) })}</p>
      <label className="field">
        <span>{t('standards.copyName')}</span>
        <input
          type="text"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={onEnter(() => void run())}
          data-testid="standards-copy-name"
        />
      </label>
      <label className="field">
        <span>{t('standards.copyId')}</span>
        <input
          type="text"
          value={id}
          maxLength={100}
          spellCheck={false}
          className="std-mono"
          aria-invalid={!!idProblem || undefined}
          onChange={(e) => setId(e.target.value.trim())}
          onKeyDown={onEnter(() => void run())}
          data-testid="standards-copy-id"
        />
        <span className={`field-hint${idProblem ? ' std-bad' : ''}`}>{idProblem ?? t('standards.copyIdHint')}</span>
      </label>
      <ErrorBox error={error} />
    </Sheet>
  );
}
