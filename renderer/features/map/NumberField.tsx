/** A number typed freely and applied once it is valid (between min and max); otherwise it goes back on blur. */
import { useEffect, useState } from 'react';

interface Props {
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange(v: number): void;
  testId?: string;
  label: string;
}

export function NumberField({ value, min, max, step = 1, onChange, testId, label }: Props) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText(String(value));
  }, [value]);
  const valid = (s: string) => s.trim() !== '' && Number.isFinite(Number(s)) && Number(s) >= min && Number(s) <= max;
  return (
    <input
      type="number"
      className={`map-number${valid(text) ? '' : ' is-bad'}`}
      aria-label={label}
      min={min}
      max={max}
      step={step}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (valid(e.target.value) && Number(e.target.value) !== value) onChange(Number(e.target.value));
      }}
      onBlur={() => {
        if (!valid(text)) setText(String(value));
      }}
      data-testid={testId}
    />
  );
}
