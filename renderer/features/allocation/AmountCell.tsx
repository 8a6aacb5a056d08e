/**
 * A facility line's 本次配置, set by hand: click the figure, type a whole number, Enter (or leave the
 * field) keeps it, Esc drops it. ↺ gives the line back to the allocator.
 */
import { useState, type KeyboardEvent } from 'react';
import type { AllocationLine } from '../../../shared/allocation/types.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { fmtInt } from './format.ts';
import { parseNumber } from './session.ts';

/** What the line shows: the amount in force at the next run, whether it is hand-set, and whether that differs from the last run. */
export interface HandState {
  shown: number;
  hand: boolean;
  pending: boolean;
}

interface Props {
  line: AllocationLine;
  hand: HandState;
  onSet(amount: number): void;
  onReset(): void;
}

const valid = (n: number | undefined): n is number => n !== undefined && !Number.isNaN(n) && Number.isInteger(n) && n >= 0 && n <= 1e6;

export function AmountCell({ line, hand, onSet, onReset }: Props) {
  const { t } = useLang();
  const [text, setText] = useState<string | null>(null);
  const resource = t(`allocation.res.${line.resource}`);
  const value = text === null ? undefined : parseNumber(text);
  const bad = text !== null && !valid(value);

  const finish = (keep: boolean) => {
    if (text === null) return;
    if (keep && valid(value)) onSet(value);
    setText(null);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!bad) finish(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      finish(false);
    }
  };

  if (text !== null) {
    return (
      <input
        type="text"
        inputMode="numeric"
        className={`alloc-num alloc-edit-input${bad ? ' is-bad' : ''}`}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the input replaces the cell the planner has just chosen to edit, so focus is what was asked for
        autoFocus
        onFocus={(e) => e.target.select()}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        onBlur={() => finish(true)}
        onClick={(e) => e.stopPropagation()}
        aria-label={t('allocation.table.edit', { name: line.name, resource })}
        aria-invalid={bad || undefined}
        title={bad ? t('allocation.table.badAmount') : undefined}
        data-testid="alloc-edit-input"
      />
    );
  }
  return (
    <span className="alloc-amount">
      {hand.hand && (
        <button
          type="button"
          className="alloc-reset"
          title={t('allocation.table.reset')}
          aria-label={t('allocation.table.reset')}
          onClick={(e) => {
            e.stopPropagation();
            onReset();
          }}
          data-testid="alloc-reset"
        >
          ↺
        </button>
      )}
      <button
        type="button"
        className="alloc-amount-btn"
        title={t('allocation.table.editHint')}
        aria-label={t('allocation.table.edit', { name: line.name, resource })}
        onClick={(e) => {
          e.stopPropagation();
          setText(String(hand.shown));
        }}
        data-testid="alloc-edit"
      >
        <span className={hand.shown ? 'alloc-given' : 'is-zero'}>{fmtInt(hand.shown)}</span>
      </button>
    </span>
  );
}
