/** A number field that shows thousands separators when it is not being typed in (3,000), and accepts them typed. */
import { useState } from 'react';
import { prettyTyped } from './format.ts';

interface Props {
  value: string;
  onChange(text: string): void;
  label: string;
  bad?: boolean;
  placeholder?: string;
  testId?: string;
  className?: string;
  id?: string;
}

export function NumberInput({ value, onChange, label, bad, placeholder, testId, className, id }: Props) {
  const [typing, setTyping] = useState(false);
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      className={`alloc-num${bad ? ' is-bad' : ''}${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-invalid={bad || undefined}
      placeholder={placeholder}
      value={typing ? value : prettyTyped(value)}
      onFocus={() => setTyping(true)}
      onBlur={() => setTyping(false)}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    />
  );
}
