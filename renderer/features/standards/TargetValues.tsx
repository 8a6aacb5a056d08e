/** The values of one target a planner may change: the required value, `per` of a ratio, minutes of access. */
import type { Target } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { NumberField } from './NumberField.tsx';
import { isFlagTarget, minIsPercent, unitWord } from './targetText.ts';

interface Props {
  target: Target;
  onEdit(fn: (t: Target) => Target): void;
  onValidity(field: string, ok: boolean): void;
  /** The field the server refused (min, per, named.1.min …). */
  problemField: string | null;
}

export function TargetValues({ target, onEdit, onValidity, problemField }: Props) {
  const { t, lang } = useLang();
  const unit = unitWord(target.unit, lang);
  const field = (key: string, label: string, value: number, set: (t: Target, v: number) => Target, opts: { percent?: boolean; testId?: string } = {}) => (
    <NumberField
      key={key}
      label={label}
      value={value}
      percent={opts.percent}
      testId={opts.testId}
      invalid={problemField === key}
      onChange={(v) => onEdit((x) => set(x, v))}
      onValidity={(ok) => onValidity(key, ok)}
    />
  );
  const min = (label: string) =>
    field('min', label, target.min, (x, v) => ({ ...x, min: v }), { percent: minIsPercent(target), testId: 'standard-target-min' });

  const inputs = (() => {
    switch (target.kind) {
      case 'ratio':
        return [
          min(unit ? t('standards.requiredUnit', { unit }) : t('standards.required')),
          field('per', t('standards.per'), target.per, (x, v) => (x.kind === 'ratio' ? { ...x, per: v } : x)),
        ];
      case 'presence':
        if (target.named) {
          return target.named.map((n, i) =>
            field(
              `named.${i}.min`,
              n.unit,
              n.min,
              (x, v) => (x.kind === 'presence' && x.named ? { ...x, named: x.named.map((m, j) => (j === i ? { ...m, min: v } : m)) } : x),
              i === 0 ? { testId: 'standard-target-min' } : {},
            ),
          );
        }
        return [min(unit ? t('standards.requiredUnit', { unit }) : t('standards.required'))];
      case 'facility_min':
        if (isFlagTarget(target)) return [];
        return [min(minIsPercent(target) ? t('standards.requiredPct') : unit ? t('standards.requiredUnit', { unit }) : t('standards.required'))];
      case 'share':
      case 'pooled_share':
        return [min(t('standards.requiredPct'))];
      case 'count':
        return [min(unit ? t('standards.requiredUnit', { unit }) : t('standards.required'))];
      case 'access':
        return [
          field('urbanMinutes', t('standards.urbanMinutes'), target.urbanMinutes, (x, v) => (x.kind === 'access' ? { ...x, urbanMinutes: v } : x)),
          field('ruralMinutes', t('standards.ruralMinutes'), target.ruralMinutes, (x, v) => (x.kind === 'access' ? { ...x, ruralMinutes: v } : x)),
          min(t('standards.coverPct')),
        ];
      case 'referral':
        return [
          field('minutes', t('standards.referralMinutes'), target.minutes, (x, v) => (x.kind === 'referral' ? { ...x, minutes: v } : x), {
            testId: 'standard-target-minutes',
          }),
          min(t('standards.referralPct')),
        ];
    }
  })();
  if (inputs.length === 0) return null;
  return <div className="std-values">{inputs}</div>;
}
