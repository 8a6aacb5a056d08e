/**
 * 设施选址 in the active scenario: the question, run as a job (progress, 取消) as the access analysis
 * is, and its answer. Unlike access it does not re-run after an edit — a solve can take a while and
 * the planner may be editing towards the proposal — it says the answer is out of date instead (the
 * plan's revision moved since). The question is kept per plan (useKept), the answer per plan and
 * scenario (useJob's keep); another scenario cancels what runs.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SitingQuery, SitingResultOut } from '../../../../shared/siting/query.ts';
import { useJob, useKept, useRevision, type JobControls } from '../../../api/index.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { useAppData } from '../../../ui/state/AppContext.tsx';
import { DEFAULT_SITING, MAP_SITE_PREFIX, toQuery, type SitingSettings } from './settings.ts';

export interface SitingRun extends JobControls {
  settings: SitingSettings;
  update(p: Partial<SitingSettings>): void;
  result: SitingResultOut | null;
  /** The query the shown result answers, as it was sent. */
  asked: SitingQuery | null;
  /** The plan changed since the run (an edit, an undo, road speeds: its revision moved). */
  edited: boolean;
  /** Clicks on the map add candidate sites while this is on. */
  picking: boolean;
  setPicking(on: boolean): void;
  addMapSite(lon: number, lat: number): void;
}

export function useSitingRun(): SitingRun {
  const { t } = useLang();
  const { scenarioId } = useAppData();
  const revision = useRevision();
  const [settings, setSettings] = useKept<SitingSettings>('map.siting.settings', DEFAULT_SITING);
  const job = useJob('siting', null, { keep: `map.siting.result|${scenarioId}` });
  const { run: runJob, stop, clear, startedAt } = job;
  const [picking, setPicking] = useState(false);

  const update = useCallback((p: Partial<SitingSettings>) => setSettings((s) => ({ ...s, ...p })), [setSettings]);

  const run = useCallback(() => {
    setPicking(false);
    runJob(toQuery(settings, scenarioId));
  }, [runJob, settings, scenarioId]);

  // Esc ends picking sites on the map.
  useEffect(() => {
    if (!picking) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPicking(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking]);

  const addMapSite = useCallback(
    (lon: number, lat: number) =>
      setSettings((s) => {
        const n = s.mapSites.reduce((m, x) => Math.max(m, Number(x.id.slice(MAP_SITE_PREFIX.length)) || 0), 0) + 1;
        const site = { id: `${MAP_SITE_PREFIX}${n}`, name: t('map.siting.cand.mapSiteName', { n }), lon: Number(lon.toFixed(6)), lat: Number(lat.toFixed(6)) };
        return { ...s, mapSites: [...s.mapSites, site] };
      }),
    [t, setSettings],
  );

  return {
    settings,
    update,
    result: job.result,
    asked: job.resultArgs as SitingQuery | null, // run() sends toQuery's whole queries
    edited: job.resultRevision !== null && job.resultRevision !== revision,
    busy: startedAt !== null,
    startedAt,
    progress: job.progress,
    error: job.error,
    run,
    cancel: stop,
    clear,
    picking,
    setPicking,
    addMapSite,
  };
}
