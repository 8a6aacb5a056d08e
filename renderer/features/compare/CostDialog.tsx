/**
 * 造价标准: the plan's prices, in 元 — per bed, staff member, ambulance and m² of floor area, and per
 * new facility of each type. A field left empty has no price (the cost shows 未填造价 for it);
 * separators (1,200,000) are accepted. Saved in the plan; every scenario's cost follows.
 */
import { useMemo, useState } from 'react';
import { COST_ITEMS, type CostItem, type CostTable } from '../../../shared/compare/costs.ts';
import { FACILITY_TYPES, type FacilityType } from '../../../shared/model/kinds.ts';
import { useQuery } from '../../api/index.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { DialogButtons, ErrorBox, Modal } from '../../ui/dialogs/Modal.tsx';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { enumLabel } from '../../ui/i18n/labels.ts';

const GROUPED = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const show = (v: number | undefined) => (v === undefined ? '' : GROUPED.format(v));

/** '' → no price; '1,200,000' or '１２００' → 1200000; anything else → NaN (refused). */
export function parseYuan(s: string): number | null {
  const x = s
    .trim()
    .replace(/[\s,，_]/g, '')
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!x) return null;
  return /^\d+(\.\d+)?$/.test(x) ? Number(x) : Number.NaN;
}

interface Props {
  onClose(): void;
  onSaved(c: CostTable): void;
}

/** Reads the plan's table first, so the fields show what is kept now. */
export function CostDialog({ onClose, onSaved }: Props) {
  const { t } = useLang();
  // The form starts from the first answer; a later one (after saving) does not retype what is shown.
  const { data: costs, error } = useQuery('costs.get', {});
  if (!costs) {
    return (
      <Modal
        title={t('compare.costs.dialogTitle')}
        testId="compare-cost-dialog"
        onClose={onClose}
        wide
        footer={
          <button type="button" className="btn" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
        }
      >
        {error ? <ErrorBox error={error} /> : <p className="cost-intro">{t('compare.costs.loading')}</p>}
      </Modal>
    );
  }
  return <CostForm costs={costs} onClose={onClose} onSaved={onSaved} />;
}

function CostForm({ costs, onClose, onSaved }: Props & { costs: CostTable }) {
  const { t, lang } = useLang();
  const { invoke, write } = useAppActions();
  const { status } = useAppData();
  const readOnly = !!status?.plan?.readOnly;
  const [items, setItems] = useState<Record<string, string>>(() => Object.fromEntries(COST_ITEMS.map((k) => [k, show(costs.perUnit[k])])));
  const [types, setTypes] = useState<Record<string, string>>(() => Object.fromEntries(FACILITY_TYPES.map((k) => [k, show(costs.perFacility[k])])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const parsed = useMemo(() => {
    const perUnit: CostTable['perUnit'] = {};
    const perFacility: CostTable['perFacility'] = {};
    const bad: string[] = [];
    for (const k of COST_ITEMS) {
      const v = parseYuan(items[k] ?? '');
      if (v !== null) {
        if (Number.isNaN(v)) bad.push(k);
        else perUnit[k] = v;
      }
    }
    for (const k of FACILITY_TYPES) {
      const v = parseYuan(types[k] ?? '');
      if (v !== null) {
        if (Number.isNaN(v)) bad.push(k);
        else perFacility[k] = v;
      }
    }
    return { table: { perUnit, perFacility }, bad: new Set(bad) };
  }, [items, types]);

  const save = async () => {
    if (parsed.bad.size || readOnly) return;
    setBusy(true);
    setError(null);
    try {
      const kept = await write(() => invoke('costs.set', { costs: parsed.table }));
      onSaved(kept);
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const field = (key: string, label: string, unit: string, value: string, set: (v: string) => void, testId: string) => (
    <label key={key} className={`cost-field${parsed.bad.has(key) ? ' is-bad' : ''}`}>
      <span className="cost-label">{label}</span>
      <span className="cost-input-wrap">
        <input
          type="text"
          inputMode="decimal"
          className="cost-input"
          value={value}
          placeholder={t('compare.costs.notEntered')}
          onChange={(e) => set(e.target.value)}
          onBlur={() => {
            const v = parseYuan(value);
            if (v !== null && !Number.isNaN(v)) set(GROUPED.format(v));
          }}
          aria-invalid={parsed.bad.has(key)}
          disabled={readOnly}
          data-testid={testId}
          data-key={key}
        />
        <span className="cost-unit">{unit}</span>
      </span>
    </label>
  );

  return (
    <Modal
      title={t('compare.costs.dialogTitle')}
      testId="compare-cost-dialog"
      onClose={onClose}
      onSubmit={() => void save()}
      wide
      footer={<DialogButtons primary={t('compare.costs.save')} busy={busy} disabled={parsed.bad.size > 0 || readOnly} onCancel={onClose} />}
    >
      <p className="cost-intro">{t('compare.costs.intro')}</p>
      {readOnly && (
        <p className="cost-readonly" role="note">
          {t('compare.costs.readOnly')}
        </p>
      )}
      <fieldset className="cost-group">
        <legend>{t('compare.costs.perPiece')}</legend>
        <div className="cost-grid">
          {COST_ITEMS.map((k: CostItem) =>
            field(
              k,
              t(`compare.costs.item.${k}`),
              t('compare.costs.yuanPer', { unit: t(`compare.costs.per.${k}`) }),
              items[k] ?? '',
              (v) => setItems((o) => ({ ...o, [k]: v })),
              'cost-item',
            ),
          )}
        </div>
        <p className="field-hint">{t('compare.costs.hintStaff')}</p>
      </fieldset>
      <fieldset className="cost-group">
        <legend>{t('compare.costs.perFacility')}</legend>
        <div className="cost-grid">
          {FACILITY_TYPES.map((k: FacilityType) =>
            field(
              k,
              enumLabel('facilityType', k, lang),
              t('compare.costs.yuanPer', { unit: t('compare.costs.per.facility') }),
              types[k] ?? '',
              (v) => setTypes((o) => ({ ...o, [k]: v })),
              'cost-type',
            ),
          )}
        </div>
        <p className="field-hint">{t('compare.costs.hintFacility')}</p>
      </fieldset>
      {parsed.bad.size > 0 && (
        <p className="cost-bad" role="alert" data-testid="cost-bad">
          {t('compare.costs.bad')}
        </p>
      )}
      <ErrorBox error={error} />
    </Modal>
  );
}
