/**
 * 新建转诊可及性指标: a referral-time target of the planner's own (no seed document states one) — the types
 * referred from, where to (the ladder a level up, or chosen types), the minutes, the share asked and the
 * levels; it joins the draft (saved with 保存).
 */
import { useState } from 'react';
import { REFERRAL_LADDER, referralTargets } from '../../../shared/access/referral.ts';
import { FACILITY_TYPE_LABELS, type FacilityType } from '../../../shared/model/kinds.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { labelIn, sep } from '../../ui/i18n/labels.ts';
import { type ReferralChoice, referralNames } from './draft.ts';
import { NumberField } from './NumberField.tsx';
import { Sheet } from './Sheet.tsx';

interface Props {
  onAdd(choice: ReferralChoice): void;
  onCancel(): void;
}

/** The ladder's types, lowest first: every one may be referred from but the top rung's. */
const LADDER_TYPES: FacilityType[] = REFERRAL_LADDER.flatMap((r) => [...r.types]);
const FROM_TYPES: FacilityType[] = REFERRAL_LADDER.slice(0, -1).flatMap((r) => [...r.types]);

export function ReferralTargetSheet({ onAdd, onCancel }: Props) {
  const { t, lang } = useLang();
  const [from, setFrom] = useState<FacilityType[]>(['thc', 'central_thc']);
  const [toMode, setToMode] = useState<'ladder' | 'chosen'>('ladder');
  const [to, setTo] = useState<FacilityType[]>(['sub_centre', 'secondary_hospital']);
  const [minutes, setMinutes] = useState(30);
  const [pct, setPct] = useState(1);
  const [scopes, setScopes] = useState<('region' | 'county')[]>(['region', 'county']);
  const [name, setName] = useState<string | null>(null);
  const [bad, setBad] = useState<ReadonlySet<string>>(new Set());

  const toggle = <X,>(list: X[], x: X, on: boolean) => (on ? [...list.filter((y) => y !== x), x] : list.filter((y) => y !== x));
  const ordered = (list: FacilityType[]) => LADDER_TYPES.filter((x) => list.includes(x));
  const shownName = name ?? referralNames({ fromTypes: ordered(from), minutes }).name;
  const toChosen = toMode === 'chosen' ? ordered(to).filter((x) => !from.includes(x)) : undefined;
  const offLadder = toMode === 'ladder' ? from.filter((x) => !referralTargets(x)?.length) : [];
  const problem =
    from.length === 0
      ? t('standards.referral.needFrom')
      : toChosen && toChosen.length === 0
        ? t('standards.referral.needTo')
        : offLadder.length
          ? t('standards.referral.offLadder', { types: offLadder.map((x) => labelIn(FACILITY_TYPE_LABELS[x], lang)).join(sep(lang, 'list')) })
          : scopes.length === 0
            ? t('standards.referral.needScope')
            : null;
  const ready = !problem && bad.size === 0 && minutes > 0 && pct >= 0 && pct <= 1;
  const validity = (key: string) => (ok: boolean) =>
    setBad((prev) => {
      const next = new Set(prev);
      if (ok) next.delete(key);
      else next.add(key);
      return next;
    });
  const add = () => {
    if (!ready) return;
    onAdd({
      fromTypes: ordered(from),
      ...(toChosen ? { toTypes: toChosen } : {}),
      minutes,
      min: pct,
      scopes: (['region', 'county'] as const).filter((s) => scopes.includes(s)),
      ...(name !== null ? { name } : {}),
    });
  };
  const typeBox = (x: FacilityType, list: FacilityType[], set: (l: FacilityType[]) => void, testId: string, disabled = false) => (
    <label key={x} className="std-check" data-testid={testId} data-type={x}>
      <input type="checkbox" checked={list.includes(x)} disabled={disabled} onChange={(e) => set(toggle(list, x, e.target.checked))} />
      {labelIn(FACILITY_TYPE_LABELS[x], lang)}
    </label>
  );
  return (
    <Sheet
      onDismiss={onCancel}
      title={t('standards.referral.title')}
      testId="standards-referral-sheet"
      wide
      buttons={
        <>
          <button type="button" className="btn" onClick={onCancel} data-testid="sheet-cancel">
            {t('dialog.cancel')}
          </button>
          <button type="button" className="btn primary" disabled={!ready} onClick={add} data-testid="sheet-confirm">
            {t('standards.referral.add')}
          </button>
        </>
      }
    >
      <p className="std-sheet-text">{t('standards.referral.intro')}</p>
      <label className="field">
        <span>{t('standards.referral.name')}</span>
        <input type="text" value={shownName} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="standards-referral-name" />
      </label>
      <fieldset className="field std-checks">
        <legend>{t('standards.referral.from')}</legend>
        {FROM_TYPES.map((x) => typeBox(x, from, setFrom, 'standards-referral-from'))}
      </fieldset>
      <fieldset className="field std-checks">
        <legend>{t('standards.referral.to')}</legend>
        <label className="std-check is-line">
          <input
            type="radio"
            name="std-referral-to"
            checked={toMode === 'ladder'}
            onChange={() => setToMode('ladder')}
            data-testid="standards-referral-to-ladder"
          />
          {t('standards.referral.toLadder')}
        </label>
        <label className="std-check is-line">
          <input
            type="radio"
            name="std-referral-to"
            checked={toMode === 'chosen'}
            onChange={() => setToMode('chosen')}
            data-testid="standards-referral-to-chosen"
          />
          {t('standards.referral.toChosen')}
        </label>
        {toMode === 'chosen' && LADDER_TYPES.map((x) => typeBox(x, to, setTo, 'standards-referral-to', from.includes(x)))}
      </fieldset>
      <div className="std-values">
        <NumberField
          label={t('standards.referral.minutes')}
          value={minutes}
          onChange={setMinutes}
          onValidity={validity('minutes')}
          invalid={!(minutes > 0)}
          testId="standards-referral-minutes"
        />
        <NumberField
          label={t('standards.referral.pct')}
          value={pct}
          percent
          onChange={setPct}
          onValidity={validity('pct')}
          invalid={pct < 0 || pct > 1}
          testId="standards-referral-pct"
        />
      </div>
      <fieldset className="field std-checks">
        <legend>{t('standards.referral.scopes')}</legend>
        {(['region', 'county'] as const).map((s) => (
          <label key={s} className="std-check" data-testid="standards-referral-scope" data-scope={s}>
            <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes(toggle(scopes, s, e.target.checked))} />
            {t(`standards.scope.${s}`)}
          </label>
        ))}
      </fieldset>
      {problem && (
        <p className="field-hint std-bad" data-testid="standards-referral-problem">
          {problem}
        </p>
      )}
    </Sheet>
  );
}
