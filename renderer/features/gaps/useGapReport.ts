/**
 * The gaps of the active scenario: the plan's standard set and year, the sets to choose from, and the
 * report, read through the client's cache (renderer/api): evaluated again whenever the plan's revision
 * moves (an edit, undo, import, a set changed in 标准管理) or another scenario or plan is shown. The last
 * report stays on screen meanwhile (also when coming back to the tab).
 */
import { useCallback, useState } from 'react';
import type { GapReportOut, GapSettings } from '../../../shared/api/contract.ts';
import type { StandardSummary } from '../../../shared/gaps/standard.ts';
import { stableStringify, useQuery } from '../../api/index.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';

export interface GapData {
  sets: StandardSummary[] | null;
  settings: GapSettings | null;
  report: GapReportOut | null;
  loading: boolean;
  error: unknown;
  changeSettings(s: GapSettings): void;
  retry(): void;
}

export function useGapReport(): GapData {
  const { lang } = useLang();
  const { invoke, write } = useAppActions();
  const { scenarioId, units, facilities, status } = useAppData();
  const { notify } = useUi();
  const plan = status?.plan;
  const open = !!plan?.path;

  const saved = useQuery('gaps.settings', {}, { enabled: open });
  const sets = useQuery('standards.list', {}, { enabled: open });
  // A choice on a read-only plan is not kept by the service, but the screen shows it (until another plan).
  // A choice just made shows at once; once the service's settings say the same, they are shown.
  const [local, setLocal] = useState<{ plan: string; settings: GapSettings } | null>(null);
  const kept = local && local.plan === plan?.path && !(saved.data && stableStringify(saved.data) === stableStringify(local.settings)) ? local.settings : null;
  const settings = kept ?? saved.data;

  const args = settings
    ? { scenarioId, standardId: settings.standardId, year: settings.year, onlyShort: false, ...(settings.region?.length ? { region: settings.region } : {}) }
    : { scenarioId, standardId: '', year: 0, onlyShort: false };
  const report = useQuery('gaps.evaluate', args, { enabled: open && !!settings && !!units && !!facilities, keepPrevious: true });

  const readOnly = !!plan?.readOnly;
  const planPath = plan?.path ?? '';
  const refetchSaved = saved.refetch;
  const changeSettings = useCallback(
    (s: GapSettings) => {
      setLocal({ plan: planPath, settings: s });
      if (readOnly) return;
      write(() => invoke('gaps.setSettings', s)).catch((e: unknown) => {
        notify(errorText(e, lang), 'error');
        setLocal(null);
        refetchSaved();
      });
    },
    [invoke, write, notify, lang, readOnly, planPath, refetchSaved],
  );

  const { refetch: r1 } = saved,
    { refetch: r2 } = sets,
    { refetch: r3 } = report;
  const retry = useCallback(() => {
    r1();
    r2();
    r3();
  }, [r1, r2, r3]);

  const error = saved.error ?? sets.error ?? report.error;
  // Rows of another scenario are loading: what is shown is about to change.
  return {
    sets: sets.data,
    settings,
    report: report.data,
    loading: report.loading || (!report.data && !error) || !units || !facilities,
    error,
    changeSettings,
    retry,
  };
}
