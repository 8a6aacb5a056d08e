/**
 * A row another screen asks the grid to show (数据检查's links to a unit or facility): the asked column
 * made visible, filters that hide the row cleared, the tree parents or groups above it opened, then the
 * row scrolled to with its cell focused. One step a render (each step changes the grid's state, the
 * next render takes the next), at most a few; `done` says whether the row was found.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLang } from '../i18n/index.ts';
import { useUi } from '../state/UiContext.tsx';
import type { TableName } from '../state/types.ts';

export interface RevealAsk {
  rowId: string;
  colId?: string;
  seq: number;
}

/** What the hook needs of a row: its id and, in a tree or under a group, the rows below it. */
interface RowLike {
  id: string;
  subRows: readonly RowLike[];
}

export interface RevealArgs {
  ask: RevealAsk | null | undefined;
  done?(seq: number, found: boolean): void;
  /** The data has arrived (there is something to look in). */
  ready: boolean;
  /** The rows on screen, in order (parents expanded). */
  rows: readonly RowLike[];
  /** All rows as grouped and sorted, before expansion (filters applied). */
  allRows(): readonly RowLike[];
  /** Whether the column exists, and whether it is shown. */
  column(id: string): 'shown' | 'hidden' | 'none';
  pinned: string;
  filtering: boolean;
  clearFilters(): void;
  showColumn(id: string): void;
  expand(ids: readonly string[]): void;
  /** Focus the cell and scroll it into view. */
  focus(rowIndex: number, rowId: string, colId: string): void;
}

const MAX_STEPS = 6;

/** The rows from the top down to the one with this id (itself last), or null. */
export function pathTo(rows: readonly RowLike[], id: string): RowLike[] | null {
  for (const r of rows) {
    if (r.id === id) return [r];
    if (r.subRows.length) {
      const below = pathTo(r.subRows, id);
      if (below) return [r, ...below];
    }
  }
  return null;
}

export function useRowReveal(a: RevealArgs): void {
  const state = useRef<{ seq: number; steps: number; finished: boolean } | null>(null);
  const args = useRef(a);
  args.current = a;
  // After every render while an ask is open: each step below changes the grid, and its render runs the next.
  useEffect(() => {
    const { ask, ready, done } = args.current;
    if (!ask || !ready) return;
    if (state.current?.seq !== ask.seq) state.current = { seq: ask.seq, steps: 0, finished: false };
    const s = state.current;
    if (s.finished) return;
    const finish = (found: boolean) => {
      s.finished = true;
      done?.(ask.seq, found);
    };
    if (++s.steps > MAX_STEPS) {
      finish(false);
      return;
    }
    const g = args.current;
    const col = ask.colId && g.column(ask.colId) !== 'none' ? ask.colId : g.pinned;
    if (g.column(col) === 'hidden') {
      g.showColumn(col);
      return;
    }
    const at = g.rows.findIndex((r) => r.id === ask.rowId);
    if (at >= 0) {
      g.focus(at, ask.rowId, col);
      finish(true);
      return;
    }
    const path = pathTo(g.allRows(), ask.rowId);
    if (path && path.length > 1) {
      g.expand(path.slice(0, -1).map((r) => r.id));
      return;
    }
    if (!path && g.filtering) {
      g.clearFilters();
      return;
    }
    finish(false);
  });
}

/**
 * The grid props for the row the UI state asks this table to show (UiContext.revealRow): the ask, and
 * when it is done, forgotten — with a notice when the table has no such row.
 */
export function useRevealAsk(table: TableName): { reveal: RevealAsk | null; onRevealed(seq: number, found: boolean): void } {
  const { t } = useLang();
  const { reveal, revealDone, notify } = useUi();
  const mine = reveal?.table === table ? reveal : null;
  const ask = useMemo(() => (mine ? { rowId: mine.key, ...(mine.column ? { colId: mine.column } : {}), seq: mine.seq } : null), [mine]);
  const onRevealed = useCallback(
    (seq: number, found: boolean) => {
      revealDone(seq);
      if (!found && mine?.seq === seq) notify(t('check.notFound', { table: t(`tabs.${table}`), name: mine.name ?? mine.key, key: mine.key }), 'error');
    },
    [revealDone, notify, mine, t, table],
  );
  return { reveal: ask, onRevealed };
}
