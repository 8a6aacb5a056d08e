/**
 * 各等级道路车速: the plan's speed per road class, editable (saved together, checked 0 < v ≤ 150). Saving
 * is a write: the plan's revision moves and every screen reading through renderer/api reads again.
 */
import { useState } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useAppActions } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';

export function SpeedTable({ speeds, readOnly }: { speeds: Record<string, number>; readOnly: boolean }) {
  const { t, lang } = useLang();
  const { invoke, write } = useAppActions();
  const { notify } = useUi();
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(speeds).map(([k, v]) => [k, String(v)])));
  const changed = Object.entries(draft).filter(([k, v]) => Number(v) !== speeds[k]);
  const bad = changed.some(([, v]) => !(Number(v) > 0 && Number(v) <= 150));

  const save = async () => {
    try {
      await write(() => invoke('roads.setSpeeds', { speeds: Object.fromEntries(changed.map(([k, v]) => [k, Number(v)])) }));
      notify(t('roads.speedsSaved'));
    } catch (e) {
      notify(errorText(e, lang), 'error');
    }
  };

  return (
    <fieldset className="roads-speeds" data-testid="roads-speeds">
      <legend>{t('roads.speeds')}</legend>
      <div className="speed-grid">
        {Object.keys(draft).map((k) => (
          <label key={k} className="speed-cell">
            <span>{k}</span>
            <input
              type="text"
              inputMode="decimal"
              value={draft[k]}
              disabled={readOnly}
              data-testid={`roads-speed-${k}`}
              className={Number(draft[k]) > 0 && Number(draft[k]) <= 150 ? '' : 'is-bad'}
              onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      <p className="field-hint">
        {t('roads.speedsHint')}
        {bad && <span className="roads-bad"> {t('roads.badSpeed')}</span>}
      </p>
      {!readOnly && (
        <div>
          <button type="button" className="btn" disabled={changed.length === 0 || bad} onClick={() => void save()} data-testid="roads-save-speeds">
            {t('roads.saveSpeeds')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
