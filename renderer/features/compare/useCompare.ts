/**
 * The comparison on screen: which scenarios (the reference first) at which level, compared by the
 * service whenever the choice or the plan's rows change (an edit, undo, import, another plan), and
 * the plan's cost table. The last answer stays on screen while the next is worked out, and is kept for
 * when the tab is opened again.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CompareLevel, CompareOut } from '../../../shared/compare/compare.ts';
import { withCosts } from '../../../shared/compare/compare.ts';
import type { CostTable } from '../../../shared/compare/costs.ts';
import type { Scenario } from '../../../shared/model/entities.ts';
import { useAppActions, useAppData } from '../../app/state/AppContext.tsx';
import { useUi } from '../../app/state/UiContext.tsx';

export const MAX_SCENARIOS = 6;

/** What is remembered across visits to the tab, per plan. */
interface Memory { plan: string | null; ids: number[]; level: CompareLevel; result: CompareOut | null }
let memory: Memory = { plan: null, ids: [], level: 'county', result: null };

/** The baseline and the active scenario (or the next one), when nothing was chosen yet. */
function defaultIds(scenarios: Scenario[], active: number): number[] {
  const base = scenarios.find((s) => s.baseline) ?? scenarios[0];
  if (!base) return [];
  const other = scenarios.find((s) => s.id === active && s.id !== base.id) ?? scenarios.find((s) => s.id !== base.id);
  return other ? [base.id, other.id] : [base.id];
}

export interface CompareData {
  ids: number[];
  setIds(ids: number[]): void;
  level: CompareLevel;
  setLevel(l: CompareLevel): void;
  result: CompareOut | null;
  loading: boolean;
  error: unknown;
  retry(): void;
  /** After the cost table was saved: the costs follow at once, nothing is evaluated again. */
  costsSaved(c: CostTable): void;
}

export function useCompare(): CompareData {
  const { invoke } = useAppActions();
  const { scenarios, scenarioId, units, facilities, status } = useAppData();
  const { dialog } = useUi();
  const plan = status?.plan?.path ?? null;
  if (memory.plan !== plan) memory = { plan, ids: [], level: memory.level, result: null };

  const [chosen, setChosen] = useState<number[]>(memory.ids);
  const [level, setLevelState] = useState<CompareLevel>(memory.level);
  const [result, setResult] = useState<CompareOut | null>(memory.result);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [epoch, setEpoch] = useState(0);
  const seq = useRef(0);

  // Scenarios deleted since are dropped; nothing chosen yet: the baseline and the active one.
  const ids = useMemo(() => {
    const known = new Set(scenarios.map((s) => s.id));
    const kept = chosen.filter((id) => known.has(id));
    return kept.length ? kept : defaultIds(scenarios, scenarioId);
  }, [chosen, scenarios, scenarioId]);
  const key = `${plan}|${level}|${ids.join(',')}`;

  const setIds = useCallback((next: number[]) => { memory.ids = next; setChosen(next); }, []);
  const setLevel = useCallback((l: CompareLevel) => { memory.level = l; setLevelState(l); }, []);

  // The standards dialog may have changed the set in use: compare again when it closes.
  const wasStandards = useRef(false);
  useEffect(() => {
    const is = dialog?.kind === 'standards';
    if (wasStandards.current && !is) setEpoch((n) => n + 1);
    wasStandards.current = is;
  }, [dialog]);

  useEffect(() => {
    if (!plan || !units || !facilities) return;
    if (ids.length < 2) { setResult(null); setLoading(false); return; }
    const n = ++seq.current;
    setLoading(true);
    invoke('scenarios.compare', { scenarioIds: ids, level }).then((r) => {
      if (n !== seq.current) return;
      memory.result = r;
      setResult(r);
      setError(null);
      setLoading(false);
    }, (e: unknown) => {
      if (n !== seq.current) return;
      setError(e);
      setLoading(false);
    });
  }, [invoke, plan, key, ids, level, units, facilities, epoch]);

  const costsSaved = useCallback((c: CostTable) => {
    setResult((r) => {
      const next = r ? withCosts(r, c) : r;
      memory.result = next;
      return next;
    });
  }, []);
  const retry = useCallback(() => { setError(null); setEpoch((n) => n + 1); }, []);

  // A result for other scenarios or another level is not shown as if it were this one.
  const current = result && result.level === level && result.scenarios.map((s) => s.id).join(',') === ids.join(',') ? result : null;
  return { ids, setIds, level, setLevel, result: current, loading, error, retry, costsSaved };
}
