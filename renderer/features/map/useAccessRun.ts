/**
 * Access analysis of the active scenario: run on request (as a job whose progress is shown, and
 * which can be cancelled), then again after every edit while a result is shown, so that moving or
 * adding a station changes the shares at once. The last result outlives the screen for the session
 * (per plan and scenario); a run overtaken by a newer one is cancelled and its answer dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccessResultOut } from '../../../shared/access/result.ts';
import type { Facility, Unit } from '../../../shared/model/entities.ts';
import { useAppActions, useAppData } from '../../app/state/AppContext.tsx';
import { accessCalls, type JobProgress } from './accessJob.ts';
import { ACCESS_PRESETS, type AccessSettings } from '../../../shared/access/presets.ts';
import { useJob } from './useJob.ts';

export interface AccessRun {
  settings: AccessSettings;
  setSettings(s: AccessSettings): void;
  result: AccessResultOut | null;
  busy: boolean;
  /** When the run in progress started (for the elapsed time shown), and how far it is. */
  startedAt: number | null;
  progress: JobProgress | null;
  error: unknown;
  /** The service has no access analysis (yet). */
  unavailable: boolean;
  run(): void;
  cancel(): void;
  clear(): void;
}

interface Memory { key: string; settings: AccessSettings; result: AccessResultOut | null; facilities: readonly Facility[] | null; units: readonly Unit[] | null }
let memory: Memory | null = null;
let lastSettings: AccessSettings = ACCESS_PRESETS['1030'];

export function useAccessRun(): AccessRun {
  const { invoke } = useAppActions();
  const { scenarioId, units, facilities, status } = useAppData();
  const key = `${status?.plan?.path}|${scenarioId}`;
  const kept = memory?.key === key ? memory : null;
  const [settings, setSettingsState] = useState<AccessSettings>(kept?.settings ?? lastSettings);
  const [result, setResult] = useState<AccessResultOut | null>(kept?.result ?? null);
  const { startedAt, progress, error, unavailable, launch, stop } = useJob<AccessResultOut>();
  /** The rows the shown result was computed from: other rows (an edit) mean run again. */
  const ranOn = useRef({ facilities: kept?.facilities ?? null, units: kept?.units ?? null });
  /** The settings of the result shown (null: none shown, nothing to keep up to date). */
  const shown = useRef<AccessSettings | null>(kept?.result ? kept.settings : null);

  const runWith = useCallback((s: AccessSettings) => {
    const rows = { facilities, units };
    launch(accessCalls(invoke, { ...s, scenarioId }), (r) => {
      ranOn.current = rows;
      shown.current = s;
      memory = { key, settings: s, result: r, ...rows };
      setResult(r);
    });
  }, [invoke, scenarioId, key, facilities, units, launch]);

  // Another plan or scenario: what is shown belongs to the old one.
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    stop();
    shown.current = null;
    setResult(null);
  }, [key, stop]);

  // An edit (here, in a table, an undo): the shares shown are out of date.
  useEffect(() => {
    if (!shown.current || !facilities || !units) return;
    if (ranOn.current.facilities === facilities && ranOn.current.units === units) return;
    runWith(shown.current);
  }, [facilities, units, runWith]);

  const setSettings = useCallback((s: AccessSettings) => { lastSettings = s; setSettingsState(s); }, []);
  const run = useCallback(() => runWith(settings), [runWith, settings]);
  const clear = useCallback(() => {
    stop();
    shown.current = null;
    memory = null;
    setResult(null);
  }, [stop]);

  return { settings, setSettings, result, busy: startedAt !== null, startedAt, progress, error, unavailable, run, cancel: stop, clear };
}
