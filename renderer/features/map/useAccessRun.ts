/**
 * Access analysis of the active scenario: run on request (as a job whose progress is shown, and
 * which can be cancelled), then again after every edit while a result is shown, so that moving or
 * adding a station changes the shares at once. The last result outlives the screen for the session
 * (per plan and scenario); a run overtaken by a newer one is cancelled and its answer dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccessResultOut } from '../../../shared/access/result.ts';
import { useAppActions, useAppData } from '../../app/state/AppContext.tsx';
import { useRevision } from '../../api/hooks.tsx';
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

interface Memory { key: string; settings: AccessSettings; result: AccessResultOut | null; revision: number }
let memory: Memory | null = null;
let lastSettings: AccessSettings = ACCESS_PRESETS['1030'];

export function useAccessRun(): AccessRun {
  const { invoke } = useAppActions();
  const { scenarioId, units, facilities, status } = useAppData();
  const revision = useRevision();
  const key = `${status?.plan?.path}|${scenarioId}`;
  const kept = memory?.key === key ? memory : null;
  const [settings, setSettingsState] = useState<AccessSettings>(kept?.settings ?? lastSettings);
  const [result, setResult] = useState<AccessResultOut | null>(kept?.result ?? null);
  const { startedAt, progress, error, unavailable, launch, stop } = useJob<AccessResultOut>();
  /** The plan's revision the shown result was computed at: a later one (any write: an edit, road speeds, an undo) means run again. */
  const ranAt = useRef(kept?.revision ?? revision);
  /** The settings of the result shown (null: none shown, nothing to keep up to date). */
  const shown = useRef<AccessSettings | null>(kept?.result ? kept.settings : null);

  const runWith = useCallback((s: AccessSettings) => {
    const at = revision;
    launch(accessCalls(invoke, { ...s, scenarioId }), (r) => {
      ranAt.current = at;
      shown.current = s;
      memory = { key, settings: s, result: r, revision: at };
      setResult(r);
    });
  }, [invoke, scenarioId, key, revision, launch]);

  // Another plan or scenario: what is shown belongs to the old one.
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    stop();
    shown.current = null;
    setResult(null);
  }, [key, stop]);

  // A write (an edit here or in a table, an undo, new road speeds): the shares shown are out of date.
  useEffect(() => {
    if (!shown.current || !facilities || !units) return;
    if (ranAt.current === revision) return;
    runWith(shown.current);
  }, [facilities, units, revision, runWith]);

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
