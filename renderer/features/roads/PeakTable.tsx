/**
 * 高峰系数: the plan's peak-hour factor per road class, urban and rural (shared/access/conditions.ts),
 * editable (saved together, checked 0 < v ≤ 1); the defaults are example values, said under the table.
 * Saving is a write: the plan's revision moves and a shown access result at the peak is run again.
 */
import { useState } from 'react';
import type { PeakFactorsOut } from '../../../shared/api/contract.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useAppActions } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';

type Side = 'urban' | 'rural';
const SIDES: Side[] = ['urban', 'rural'];
const ok = (v: string) => Number(v) > 0 && Number(v) <= 1;

export function PeakTable({ table, readOnly }: { table: PeakFactorsOut; readOnly: boolean }) {
  const { t, lang } = useLang();
  const { invoke, write } = useAppActions();
  const { notify } = useUi();
  const classes = [...new Set([...Object.keys(table.factors.urban), ...Object.keys(table.factors.rural)])];
  const [draft, setDraft] = useState<Record<Side, Record<string, string>>>(() => ({
    urban: Object.fromEntries(classes.map((k) => [k, String(table.factors.urban[k] ?? '')])),
    rural: Object.fromEntries(classes.map((k) => [k, String(table.factors.rural[k] ?? '')])),
  }));
  const changed = (side: Side) => Object.entries(draft[side]).filter(([k, v]) => v !== '' && Number(v) !== table.factors[side][k]);
  const count = changed('urban').length + changed('rural').length;
  const bad = SIDES.some((side) => changed(side).some(([, v]) => !ok(v)));

  const save = async () => {
    const of = (side: Side) => Object.fromEntries(changed(side).map(([k, v]) => [k, Number(v)]));
    try {
      await write(() => invoke('roads.setPeakFactors', { urban: of('urban'), rural: of('rural') }));
      notify(t('roads.peak.saved'));
    } catch (e) {
      notify(errorText(e, lang), 'error');
    }
  };

  return (
    <fieldset className="roads-speeds" data-testid="roads-peak">
      <legend>{t('roads.peak.title')}</legend>
      <table className="peak-table">
        <thead>
          <tr>
            <th>{t('roads.roadClass')}</th>
            <th>{t('roads.peak.urban')}</th>
            <th>{t('roads.peak.rural')}</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((k) => (
            <tr key={k}>
              <td>{k}</td>
              {SIDES.map((side) => (
                <td key={side}>
                  <input
                    type="text"
                    inputMode="decimal"
                    value={draft[side][k]}
                    disabled={readOnly}
                    aria-label={`${k} ${t(`roads.peak.${side}`)}`}
                    data-testid={`roads-peak-${side}-${k}`}
                    className={draft[side][k] === '' || ok(draft[side][k]!) ? '' : 'is-bad'}
                    onChange={(e) => setDraft((d) => ({ ...d, [side]: { ...d[side], [k]: e.target.value } }))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">
        {t('roads.peak.hint')}
        {bad && <span className="roads-bad"> {t('roads.peak.bad')}</span>}
      </p>
      {!readOnly && (
        <div>
          <button type="button" className="btn" disabled={count === 0 || bad} onClick={() => void save()} data-testid="roads-save-peak">
            {t('roads.peak.save')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
