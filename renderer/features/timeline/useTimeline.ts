/**
 * The timeline of the active scenario: the standard sets to choose from, the plan's choice, and the
 * year-by-year summary (projects included), read through the client's cache (renderer/api): again
 * whenever the plan's revision moves (a project saved, an edit, undo, import) or the scenario, the set
 * or the years change. Newest request wins.
 */
import { useCallback } from 'react';
import type { TimelineSummary } from '../../../shared/api/methods/timeline.ts';
import type { StandardSummary } from '../../../shared/gaps/standard.ts';
import { useQuery } from '../../api/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { useRemembered } from '../../ui/state/useRemembered.ts';

export interface YearRange {
  from: number;
  to: number;
}

export interface TimelineData {
  sets: StandardSummary[] | null;
  standardId: string | null;
  setStandardId(id: string): void;
  /** The years asked for (null: the service's default, around the projects and the set's year). */
  range: YearRange | null;
  setRange(r: YearRange | null): void;
  summary: TimelineSummary | null;
  loading: boolean;
  error: unknown;
  reload(): void;
}

export function useTimeline(): TimelineData {
  const { scenarioId, units, facilities, status } = useAppData();
  const planPath = status?.plan?.path ?? null;
  const [chosen, setChosen] = useRemembered<{ plan: string | null; id: string } | null>('timeline.standard', null);
  const [range, setRange] = useRemembered<YearRange | null>('timeline.range', null);
  const settings = useQuery('gaps.settings', {}, { enabled: !!planPath });
  const sets = useQuery('standards.list', {}, { enabled: !!planPath });

  // A choice made in another plan does not carry over.
  const standardId = chosen && chosen.plan === planPath && sets.data?.some((s) => s.id === chosen.id) ? chosen.id : (settings.data?.standardId ?? null);

  const summary = useQuery(
    'timeline.summary',
    { scenarioId, standardId: standardId ?? '', ...(range ? { fromYear: range.from, toYear: range.to } : {}) },
    { enabled: !!standardId && !!units && !!facilities, keepPrevious: true },
  );
  // Kept while another set or range is asked, never across scenarios: another scenario's projects must never show (nor be edited) here.
  const shown = summary.dataArgs?.scenarioId === scenarioId ? summary.data : null;

  const setStandardId = useCallback((id: string) => setChosen({ plan: planPath, id }), [setChosen, planPath]);
  const { refetch: r1 } = settings,
    { refetch: r2 } = sets,
    { refetch: r3 } = summary;
  const reload = useCallback(() => {
    r1();
    r2();
    r3();
  }, [r1, r2, r3]);
  return {
    sets: sets.data,
    standardId,
    setStandardId,
    range,
    setRange,
    summary: shown,
    loading: summary.loading || (!shown && !summary.error && !settings.error && !sets.error) || !units || !facilities,
    error: settings.error ?? sets.error ?? summary.error,
    reload,
  };
}
