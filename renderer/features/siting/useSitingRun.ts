/**
 * 设施选址 in the active scenario: the question, run as a job (progress, 取消) as the access analysis
 * is, and its answer. Unlike access it does not re-run after an edit — a solve can take a while and
 * the planner may be editing towards the proposal — it says the answer is out of date instead. The
 * question outlives the screen; the answer is kept per plan and scenario for the session.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Facility } from '../../../shared/model/entities.ts';
import type { SitingQuery, SitingResultOut } from '../../../shared/siting/query.ts';
import { useLang } from '../../app/i18n/index.ts';
import { useAppActions, useAppData } from '../../app/state/AppContext.tsx';
import { followJob, type Job, type JobProgress } from '../map/accessJob.ts';
import { isUnknownMethod } from '../map/unknownMethod.ts';
import { DEFAULT_SITING, MAP_SITE_PREFIX, toQuery, type SitingSettings } from './settings.ts';

export interface SitingRun {
  settings: SitingSettings;
  update(p: Partial<SitingSettings>): void;
  result: SitingResultOut | null;
  /** The query the shown result answers, as it was sent. */
  asked: SitingQuery | null;
  /** The scenario's facilities changed since the run. */
  edited: boolean;
  busy: boolean;
  startedAt: number | null;
  progress: JobProgress | null;
  error: unknown;
  unavailable: boolean;
  run(): void;
  cancel(): void;
  clear(): void;
  /** Clicks on the map add candidate sites while this is on. */
  picking: boolean;
  setPicking(on: boolean): void;
  addMapSite(lon: number, lat: number): void;
}

interface Memory { key: string; result: SitingResultOut; asked: SitingQuery; facilities: readonly Facility[] | null }
let memory: Memory | null = null;
let lastSettings: SitingSettings = DEFAULT_SITING;

export function useSitingRun(): SitingRun {
  const { t } = useLang();
  const { invoke } = useAppActions();
  const { scenarioId, facilities, status } = useAppData();
  const key = `${status?.plan?.path}|${scenarioId}`;
  const kept = memory?.key === key ? memory : null;
  const [settings, setSettings] = useState<SitingSettings>(lastSettings);
  const [shown, setShown] = useState<Memory | null>(kept);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [picking, setPicking] = useState(false);
  const job = useRef<Job<SitingResultOut> | null>(null);

  const update = useCallback((p: Partial<SitingSettings>) => setSettings((s) => (lastSettings = { ...s, ...p })), []);

  const stop = useCallback(() => {
    job.current?.cancel();
    job.current = null;
    setStartedAt(null);
    setProgress(null);
  }, []);

  const run = useCallback(() => {
    job.current?.cancel();
    const asked = toQuery(settings, scenarioId);
    const ranOn = facilities;
    const j = followJob<SitingResultOut>({
      start: () => invoke('siting.start', asked),
      poll: (id) => invoke('siting.job', { job: id }),
      cancel: (id) => invoke('siting.cancel', { job: id }),
      run: () => invoke('siting.run', asked),
    }, (p) => { if (job.current === j) setProgress(p); });
    job.current = j;
    setStartedAt(Date.now());
    setProgress(null);
    setError(null);
    setPicking(false);
    j.done.then((result) => {
      if (job.current !== j || !result) return;
      job.current = null;
      memory = { key, result, asked, facilities: ranOn };
      setShown(memory);
      setUnavailable(false);
      setStartedAt(null);
      setProgress(null);
    }, (e: unknown) => {
      if (job.current !== j) return;
      job.current = null;
      setStartedAt(null);
      setProgress(null);
      if (isUnknownMethod(e)) setUnavailable(true);
      else setError(e);
    });
  }, [invoke, settings, scenarioId, key, facilities]);

  // Another plan or scenario: the answer shown belongs to the old one.
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    stop();
    setShown(memory?.key === key ? memory : null);
  }, [key, stop]);

  // Leaving the screen: a run nobody will see is cancelled.
  useEffect(() => () => job.current?.cancel(), []);

  // Esc ends picking sites on the map.
  useEffect(() => {
    if (!picking) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setPicking(false); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking]);

  const addMapSite = useCallback((lon: number, lat: number) => setSettings((s) => {
    const n = s.mapSites.reduce((m, x) => Math.max(m, Number(x.id.slice(MAP_SITE_PREFIX.length)) || 0), 0) + 1;
    const site = { id: `${MAP_SITE_PREFIX}${n}`, name: t('map.siting.cand.mapSiteName', { n }), lon: Number(lon.toFixed(6)), lat: Number(lat.toFixed(6)) };
    return (lastSettings = { ...s, mapSites: [...s.mapSites, site] });
  }), [t]);

  const clear = useCallback(() => {
    stop();
    memory = null;
    setShown(null);
  }, [stop]);

  return {
    settings, update, result: shown?.result ?? null, asked: shown?.asked ?? null,
    edited: !!shown && !!facilities && shown.facilities !== facilities,
    busy: startedAt !== null, startedAt, progress, error, unavailable, run, cancel: stop, clear,
    picking, setPicking, addMapSite,
  };
}
