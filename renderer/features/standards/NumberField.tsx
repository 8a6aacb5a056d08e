/**
 * A number input of the target editor. Keeps the text as typed (so "0." or "" can be on the way to a
 * number); a share is shown and typed as a percentage and handed on as the fraction it stores.
 */
import { useEffect, useState } from 'react';
import { useLang } from '../../ui/i18n/index.ts';

interface Props {
  label: string;
  value: number;
  onChange(v: number): void;
  /** Text that is not a number: the draft keeps its last number, the save waits. */
  onValidity(ok: boolean): void;
  percent?: boolean;
  /** The server refused this field. */
  invalid?: boolean;
  testId?: string;
  wide?: boolean;
}

/** Full-width digits and signs from a Chinese IME, thousands separators and a trailing % are accepted. */
export function parseNumber(text: string): number | null {
  const s = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/[,，\s]/g, '')
    .replace(/[%％]$/, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const clean = (n: number) => Number(n.toPrecision(12)); // 0.15 × 100 is 15.000000000000002

export function NumberField({ label, value, onChange, onValidity, percent, invalid, testId, wide }: Props) {
  const { t } = useLang();
  const shown = (v: number) => String(clean(percent ? v * 100 : v));
  const [text, setText] = useState(() => shown(value));
  const parsed = parseNumber(text);
  const bad = parsed === null;
  // Follow the draft when it changes from elsewhere (an added target, a saved set), not while typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when `value` changes only; a change of the text (typing) must not rewrite it
  useEffect(() => {
    if (parsed !== null && clean(percent ? parsed / 100 : parsed) !== value) setText(shown(value));
  }, [value]);
  const change = (s: string) => {
    setText(s);
    const n = parseNumber(s);
    onValidity(n !== null);
    if (n !== null) onChange(clean(percent ? n / 100 : n));
  };
  return (
    <label className={`std-num${wide ? ' is-wide' : ''}`}>
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        onChange={(e) => change(e.target.value)}
        aria-invalid={bad || invalid || undefined}
        title={bad ? t('standards.notNumber') : undefined}
        data-testid={testId}
      />
    </label>
  );
}
