/**
 * The in-cell editor, typed by column: a text/number input, or a select for enums and booleans.
 * Enter (or choosing an option) saves, Tab saves and moves right, Esc cancels. The service's error,
 * or the reason a typed value cannot be read, is shown under the cell and the editor stays open.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ColumnDef } from '../../../shared/model/columns.ts';
import { useLang } from '../i18n/index.ts';
import { boolLabel, enumKeys, enumLabel, isEnumType } from '../i18n/labels.ts';
import type { CellValue } from '../state/types.ts';
import { editText, isNumeric } from './format.ts';
import { parseCellText } from './parseInput.ts';

export type Move = 'down' | 'right' | 'left' | 'none';

interface Props {
  def: ColumnDef;
  value: unknown;
  /** A character typed on the focused cell starts the editor with it. */
  initialText?: string;
  saving: boolean;
  error: string | null;
  onCommit(value: CellValue, move: Move): void;
  onCancel(): void;
}

export function CellEditor(p: Props) {
  const isSelect = p.def.type === 'bool' || isEnumType(p.def.type);
  return (
    <div className="cell-editor" data-testid="cell-editor">
      {isSelect ? <SelectEditor {...p} /> : <TextEditor {...p} />}
      {p.error && (
        <div className="cell-error" role="alert" data-testid="cell-error">
          {p.error}
        </div>
      )}
    </div>
  );
}

function TextEditor({ def, value, initialText, saving, onCommit, onCancel }: Props) {
  // Compared with the original, not the start text: a typed first key or Delete is already a change.
  const original = editText(def, value);
  const [text, setText] = useState(initialText ?? original);
  const [localError, setLocalError] = useState<string | null>(null);
  const submitted = useRef<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    if (initialText === undefined) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
  }, [initialText]);

  const commit = (move: Move) => {
    // Unchanged text is no edit, even where it reads back rounded (a share shown as 85.2381%).
    if (text === original) {
      onCommit((value ?? null) as CellValue, move);
      return;
    }
    const parsed = parseCellText(def, text);
    if (!parsed.ok) {
      setLocalError(parsed.message);
      return;
    }
    setLocalError(null);
    submitted.current = text;
    onCommit(parsed.value, move);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.nativeEvent.isComposing) return; // an IME is still composing Chinese text
    if (e.key === 'Enter') {
      e.preventDefault();
      commit('down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      commit(e.shiftKey ? 'left' : 'right');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  const onBlur = () => {
    if (saving) return;
    if (text === original || text === submitted.current) onCancel();
    else commit('none');
  };
  return (
    <>
      <input
        ref={ref}
        className={`cell-input${isNumeric(def) ? ' is-number' : ''}`}
        data-testid="cell-input"
        value={text}
        readOnly={saving}
        inputMode={isNumeric(def) ? 'decimal' : undefined}
        aria-invalid={localError ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setLocalError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      {localError && (
        <div className="cell-error" role="alert" data-testid="cell-error">
          {localError}
        </div>
      )}
    </>
  );
}

function SelectEditor({ def, value, saving, onCommit, onCancel }: Props) {
  const { lang } = useLang();
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const current = value === undefined || value === null ? '' : String(value);
  const options: { v: string; label: string }[] =
    def.type === 'bool'
      ? [
          { v: 'true', label: boolLabel(def.key, true, lang) },
          { v: 'false', label: boolLabel(def.key, false, lang) },
        ]
      : enumKeys(def.type as Parameters<typeof enumKeys>[0]).map((k) => ({ v: k, label: enumLabel(def.type as Parameters<typeof enumKeys>[0], k, lang) }));
  const canBeEmpty = !def.required && def.key !== 'urban';
  const toValue = (s: string): CellValue => (s === '' ? null : def.type === 'bool' ? s === 'true' : s);
  return (
    <select
      ref={ref}
      className="cell-select"
      data-testid="cell-select"
      value={current}
      disabled={saving}
      onChange={(e) => onCommit(toValue(e.target.value), 'none')}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        } else if (e.key === 'Enter') {
          e.preventDefault();
          onCommit(toValue(e.currentTarget.value), 'down');
        }
      }}
      onBlur={() => {
        if (!saving) onCancel();
      }}
    >
      {(canBeEmpty || current === '') && <option value="">—</option>}
      {options.map((o) => (
        <option key={o.v} value={o.v}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
