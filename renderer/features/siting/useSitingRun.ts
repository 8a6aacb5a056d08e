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
import type { JobProgress } from '../map/accessJob.ts';
import { useJob } from '../map/useJob.ts';
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
  const { startedAt, progress, error, unavailable, launch, stop } = useJob<SitingResultOut>();
  const [picking, setPicking] = useState(false);

  const update = useCallback((p: Partial<SitingSettings>) => setSettings((s) => (lastSettings = { ...s, ...p })), []);

  const run = useCallback(() => {
    const asked = toQuery(settings, scenarioId);
    const ranOn = facilities;
    setPicking(false);
    launch({
      start: () => invoke('siting.start', asked),
      poll: (id) => invoke('siting.job', { job: id }),
      cancel: (id) => invoke('siting.cancel', { job: id }),
      run: () => invoke('siting.run', asked),
    }, (result) => {
      memory = { key, result, asked, facilities: ranOn };
      setShown(memory);
    });
  }, [invoke, settings, scenarioId, key, facilities, launch]);

  // Another plan or scenario: the answer shown belongs to the old one.
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    stop();
    setShown(memory?.key === key ? memory : null);
  }, [key, stop]);

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
