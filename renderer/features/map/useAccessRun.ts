/**
 * Access analysis of the active scenario: run on request (as a job whose progress is shown, and
 * which can be cancelled), then again whenever the plan's revision moves while a result is shown (an
 * edit here or in a table, an undo, new road speeds), so that moving or adding a station changes the
 * shares at once. The result is kept in the plan's screen memory per scenario (useJob's keep), the
 * rule chosen per plan (useKept); a run overtaken by a newer one is cancelled and its answer dropped.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { AccessResultOut } from '../../../shared/access/result.ts';
import { ACCESS_PRESETS, type AccessSettings } from '../../../shared/access/presets.ts';
import { useJob, useKept, useRevision, type JobArgs, type JobControls } from '../../api/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';

export interface AccessRun extends JobControls {
  settings: AccessSettings;
  setSettings(s: AccessSettings): void;
  result: AccessResultOut | null;
}

export function useAccessRun(): AccessRun {
  const { scenarioId, units, facilities } = useAppData();
  const revision = useRevision();
  const [settings, setSettings] = useKept<AccessSettings>('map.access.settings', ACCESS_PRESETS['1030']);
  const job = useJob('access', null, { keep: `map.access.result|${scenarioId}` });
  const { run: runJob, stop, clear, resultArgs, resultRevision, startedAt } = job;
  /** The question of the run in flight (null: none), and the revision it was started at. */
  const asking = useRef<{ query: JobArgs<'access'>; at: number } | null>(null);
  if (startedAt === null) asking.current = null;

  const runQuery = useCallback(
    (query: JobArgs<'access'>) => {
      asking.current = { query, at: revision };
      runJob(query);
    },
    [runJob, revision],
  );

  // A write moved the revision: the shares shown (or being computed) are out of date. Also on coming
  // back to the screen after writes elsewhere. Waits for the rows of a scenario just switched to.
  const loaded = !!units && !!facilities;
  useEffect(() => {
    if (!loaded) return;
    const inFlight = asking.current;
    if (inFlight) {
      if (inFlight.at !== revision) runQuery(inFlight.query);
      return;
    }
    if (resultArgs && resultRevision !== revision) runQuery(resultArgs);
  }, [loaded, revision, resultArgs, resultRevision, runQuery]);

  // 服务范围: the bands chosen (the urban and rural limits when the box is ticked) and each facility's
  // catchment if asked (drawn on the roads only). Their polygons apart: the map's worker reads them as
  // GeoJSON text (useAreasSource), the page never parses them.
  const run = useCallback(() => {
    const { areas, ...rest } = settings;
    const ask =
      areas && settings.measure === 'time' && (areas.bands.length > 0 || areas.catchments)
        ? { bands: [...areas.bands], catchments: !!areas.catchments, apart: true }
        : null;
    runQuery({ ...rest, scenarioId, ...(ask ? { areas: ask } : {}) });
  }, [runQuery, settings, scenarioId]);

  return { settings, setSettings, result: job.result, busy: startedAt !== null, startedAt, progress: job.progress, error: job.error, run, cancel: stop, clear };
}
