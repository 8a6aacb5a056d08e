/**
 * The comparison on screen: which scenarios (the reference first) at which level, compared by the
 * service (through the client's cache, renderer/api) whenever the choice changes or the plan's revision
 * moves (an edit, undo, import, a set changed), and the plan's cost table. The last answer stays on
 * screen while the next is worked out; the choice is kept (per plan) for when the tab is opened again.
 */
import { useCallback, useMemo, useState } from 'react';
import type { CompareLevel, CompareOut } from '../../../shared/compare/compare.ts';
import { withCosts } from '../../../shared/compare/compare.ts';
import type { CostTable } from '../../../shared/compare/costs.ts';
import type { Scenario } from '../../../shared/model/entities.ts';
import { useKept, useQuery } from '../../api/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';

export const MAX_SCENARIOS = 6;
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
  const { scenarios, scenarioId, units, facilities, status } = useAppData();
  const plan = status?.plan?.path ?? null;
  const [chosen, setIds] = useKept<number[]>('compare.ids', []);
  const [level, setLevel] = useKept<CompareLevel>('compare.level', 'county');

  // Scenarios deleted since are dropped; nothing chosen yet: the baseline and the active one.
  const ids = useMemo(() => {
    const known = new Set(scenarios.map((s) => s.id));
    const kept = chosen.filter((id) => known.has(id));
    return kept.length ? kept : defaultIds(scenarios, scenarioId);
  }, [chosen, scenarios, scenarioId]);

  const q = useQuery('scenarios.compare', { scenarioIds: ids, level }, { enabled: !!plan && !!units && !!facilities && ids.length >= 2 });

  // Costs just saved show at once on the answer held; the next answer (the save moved the revision) has them too.
  const [costed, setCosted] = useState<{ from: CompareOut; to: CompareOut } | null>(null);
  const costsSaved = useCallback(
    (c: CostTable) => {
      if (q.data) setCosted({ from: q.data, to: withCosts(q.data, c) });
    },
    [q.data],
  );
  const result = costed && costed.from === q.data ? costed.to : q.data;

  // A result for other scenarios or another level is not shown as if it were this one.
  const current = ids.length >= 2 && result && result.level === level && result.scenarios.map((s) => s.id).join(',') === ids.join(',') ? result : null;
  return { ids, setIds, level, setLevel, result: current, loading: q.loading, error: q.error, retry: q.refetch, costsSaved };
}
