/** 本方案的对照: the plan's entries (written → type) to change or remove, and the add row with its messages. */
import { useEffect, useRef, useState } from 'react';
import type { TypeAliasOut } from '../../../shared/api/contract.ts';
import type { FacilityType } from '../../../shared/model/kinds.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { enumKeys, enumLabel, errorText } from '../../ui/i18n/labels.ts';
import { useAppActions } from '../../ui/state/AppContext.tsx';
import { foldSearch } from './builtInRows.ts';

type Said = { tone: 'ok' | 'error'; text: string } | null;

function TypeSelect({
  value,
  onChange,
  disabled,
  label,
  testId,
}: {
  value: string;
  onChange(v: FacilityType): void;
  disabled: boolean;
  label: string;
  testId: string;
}) {
  const { t, lang } = useLang();
  return (
    <select
      value={value}
      disabled={disabled}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        if (e.target.value) onChange(e.target.value as FacilityType);
      }}
    >
      <option value="" disabled>
        {t('types.choose')}
      </option>
      {enumKeys('facilityType').map((k) => (
        <option key={k} value={k}>
          {enumLabel('facilityType', k, lang)}
        </option>
      ))}
    </select>
  );
}

export function PlanAliases({ plan, readOnly, submitSignal }: { plan: readonly TypeAliasOut[]; readOnly: boolean; submitSignal: number }) {
  const { t, lang } = useLang();
  const { invoke, write } = useAppActions();
  const [written, setWritten] = useState('');
  const [type, setType] = useState<FacilityType | ''>('');
  const [said, setSaid] = useState<Said>(null);
  const [busy, setBusy] = useState(false);
  const typeName = (k: FacilityType) => enumLabel('facilityType', k, lang);
  const existing = plan.find((a) => foldSearch(a.written) === foldSearch(written));

  const set = async (w: string, ty: FacilityType | null, done: string) => {
    setBusy(true);
    setSaid(null);
    try {
      await write(() => invoke('types.setAlias', { written: w, type: ty }));
      setSaid({ tone: 'ok', text: done });
      return true;
    } catch (e) {
      setSaid({ tone: 'error', text: errorText(e, lang) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    if (readOnly || busy) return;
    const w = written.trim();
    if (!w) return setSaid({ tone: 'error', text: t('types.needWritten') });
    if (!type) return setSaid({ tone: 'error', text: t('types.needType', { written: w }) });
    if (await set(w, type, t(existing ? 'types.changed' : 'types.added', { written: w, type: typeName(type) }))) {
      setWritten('');
      setType('');
    }
  };
  // The dialog's form was submitted (Enter in the add row): add.
  const addRef = useRef(add);
  addRef.current = add;
  useEffect(() => {
    if (submitSignal > 0) void addRef.current();
  }, [submitSignal]);

  return (
    <section className="types-section" data-testid="types-plan">
      <h3>{t('types.plan')}</h3>
      <p className="field-hint">{readOnly ? t('types.readOnly') : t('types.planHint')}</p>
      <table className="types-table">
        <thead>
          <tr>
            <th>{t('types.written')}</th>
            <th>{t('types.type')}</th>
            <th className="types-actions">{t('types.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.length === 0 && (
            <tr>
              <td colSpan={3} className="types-empty" data-testid="types-plan-empty">
                {t('types.planEmpty')}
              </td>
            </tr>
          )}
          {plan.map((a) => (
            <tr key={a.written} data-testid="types-alias" data-written={a.written}>
              <td className="types-written">{a.written}</td>
              <td>
                <TypeSelect
                  value={a.type}
                  disabled={readOnly || busy}
                  label={a.written}
                  testId="types-alias-type"
                  onChange={(v) => void set(a.written, v, t('types.changed', { written: a.written, type: typeName(v) }))}
                />
              </td>
              <td className="types-actions">
                <button
                  type="button"
                  className="btn"
                  disabled={readOnly || busy}
                  title={t('types.removeTitle', { written: a.written })}
                  data-testid="types-alias-remove"
                  onClick={() => void set(a.written, null, t('types.removed', { written: a.written }))}
                >
                  {t('types.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        {!readOnly && (
          <tfoot>
            <tr className="types-add">
              <td>
                <input
                  type="text"
                  value={written}
                  maxLength={200}
                  placeholder={t('types.addWritten')}
                  aria-label={t('types.written')}
                  data-testid="types-add-written"
                  onChange={(e) => {
                    setWritten(e.target.value);
                    setSaid(null);
                  }}
                />
              </td>
              <td>
                <TypeSelect
                  value={type}
                  disabled={busy}
                  label={t('types.type')}
                  testId="types-add-type"
                  onChange={(v) => {
                    setType(v);
                    setSaid(null);
                  }}
                />
              </td>
              <td className="types-actions">
                <button type="submit" className="btn primary" disabled={busy} data-testid="types-add">
                  {t('types.add')}
                </button>
              </td>
            </tr>
          </tfoot>
        )}
      </table>
      {existing && !said && (
        <div className="field-hint" data-testid="types-add-replaces">
          {t('types.replaces', { written: existing.written, type: typeName(existing.type) })}
        </div>
      )}
      {said && (
        <div
          className={said.tone === 'error' ? 'error-box' : 'types-ok'}
          role={said.tone === 'error' ? 'alert' : 'status'}
          data-testid={`types-said-${said.tone}`}
        >
          {said.text}
        </div>
      )}
    </section>
  );
}
