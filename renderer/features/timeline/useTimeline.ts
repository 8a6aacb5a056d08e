/**
 * The timeline of the active scenario: the standard sets to choose from, the plan's choice, and the
 * year-by-year summary (projects included), read again whenever the rows, the scenario, the set or the
 * years change, or after a project is saved. Replies that arrive after a newer request are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TimelineSummary } from '../../../shared/api/methods/timeline.ts';
import type { StandardSummary } from '../../../shared/gaps/standard.ts';
import { useAppActions, useAppData } from '../../app/state/AppContext.tsx';
import { useRemembered } from '../../app/state/useRemembered.ts';

export interface YearRange { from: number; to: number }

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

/** The last summary, so that coming back to the tab shows it at once while it is computed again. */
let lastSummary: { key: string; summary: TimelineSummary } | null = null;

export function useTimeline(): TimelineData {
  const { invoke } = useAppActions();
  const { scenarioId, units, facilities, status } = useAppData();
  const planPath = status?.plan?.path ?? null;
  const key = `${planPath}|${scenarioId}`;
  const [sets, setSets] = useState<StandardSummary[] | null>(null);
  const [chosen, setChosen] = useRemembered<{ plan: string | null; id: string } | null>('timeline.standard', null);
  const [planDefault, setPlanDefault] = useState<string | null>(null);
  const [range, setRange] = useRemembered<YearRange | null>('timeline.range', null);
  // Kept with the plan and scenario it is of: another scenario's projects must never show (nor be edited) here.
  const [held, setHeld] = useState<{ key: string; summary: TimelineSummary } | null>(() => (lastSummary?.key === key ? lastSummary : null));
  const summary = held?.key === key ? held.summary : null;
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [epoch, setEpoch] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    if (!planPath) return;
    let live = true;
    Promise.all([invoke('gaps.settings', {}), invoke('standards.list', {})]).then(([s, list]) => {
      if (!live) return;
      setSets(list);
      setPlanDefault(s.standardId);
    }, (e: unknown) => { if (live) { setError(e); setLoading(false); } });
    return () => { live = false; };
  }, [invoke, planPath]);

  // A choice made in another plan does not carry over.
  const standardId = chosen && chosen.plan === planPath && sets?.some((s) => s.id === chosen.id) ? chosen.id : planDefault;

  useEffect(() => {
    if (!standardId || !units || !facilities) return;
    const n = ++seq.current;
    setLoading(true);
    invoke('timeline.summary', { scenarioId, standardId, ...(range ? { fromYear: range.from, toYear: range.to } : {}) }).then((s) => {
      if (n !== seq.current) return;
      lastSummary = { key, summary: s };
      setHeld(lastSummary);
      setError(null);
      setLoading(false);
    }, (e: unknown) => {
      if (n !== seq.current) return;
      setError(e);
      setLoading(false);
    });
  }, [invoke, scenarioId, standardId, range, units, facilities, key, epoch]);

  const setStandardId = useCallback((id: string) => setChosen({ plan: planPath, id }), [setChosen, planPath]);
  const reload = useCallback(() => setEpoch((e) => e + 1), []);
  return { sets, standardId, setStandardId, range, setRange, summary, loading: loading || !units || !facilities, error, reload };
}
