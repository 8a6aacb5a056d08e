/**
 * The gaps of the active scenario: the plan's standard set and year, the sets to choose from, and the
 * report, evaluated again whenever the rows change (an edit, undo, import, another scenario or plan).
 * Replies that arrive after a newer request are dropped; the last report stays on screen meanwhile.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GapReportOut, GapSettings } from '../../../shared/api/contract.ts';
import type { StandardSummary } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../app/i18n/index.ts';
import { errorText } from '../../app/i18n/labels.ts';
import { useAppActions, useAppData } from '../../app/state/AppContext.tsx';
import { useUi } from '../../app/state/UiContext.tsx';

export interface GapData {
  sets: StandardSummary[] | null;
  settings: GapSettings | null;
  report: GapReportOut | null;
  loading: boolean;
  error: unknown;
  changeSettings(s: GapSettings): void;
  retry(): void;
}

/** The last report, so that coming back to the tab shows it at once while it is computed again. */
let lastReport: { key: string; report: GapReportOut } | null = null;

export function useGapReport(): GapData {
  const { lang } = useLang();
  const { invoke, write } = useAppActions();
  const { scenarioId, units, facilities, status } = useAppData();
  const { dialog, notify } = useUi();
  const plan = status?.plan;
  const planPath = plan?.path ?? null;
  const key = `${planPath}|${scenarioId}`;

  const [sets, setSets] = useState<StandardSummary[] | null>(null);
  const [settings, setSettings] = useState<GapSettings | null>(null);
  const [report, setReport] = useState<GapReportOut | null>(() => (lastReport?.key === key ? lastReport.report : null));
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [epoch, setEpoch] = useState(0);
  const settingsSeq = useRef(0);
  const reportSeq = useRef(0);

  // The standards dialog may have added, changed or removed sets: read them again when it closes.
  const dialogWasStandards = useRef(false);
  useEffect(() => {
    const isStandards = dialog?.kind === 'standards';
    if (dialogWasStandards.current && !isStandards) setEpoch((n) => n + 1);
    dialogWasStandards.current = isStandards;
  }, [dialog]);

  // Another plan has its own choice (and perhaps its own sets): wait for it rather than ask with the old one.
  const settingsPlan = useRef(planPath);
  useEffect(() => {
    if (!planPath) return;
    if (settingsPlan.current !== planPath) { settingsPlan.current = planPath; setSettings(null); }
    const seq = ++settingsSeq.current;
    Promise.all([invoke('gaps.settings', {}), invoke('standards.list', {})]).then(([s, list]) => {
      if (seq !== settingsSeq.current) return;
      setSets(list);
      setSettings(s);
    }, (e: unknown) => {
      if (seq !== settingsSeq.current) return;
      setError(e);
      setLoading(false);
    });
  }, [invoke, planPath, epoch]);

  useEffect(() => {
    if (!settings || !units || !facilities) return;
    const seq = ++reportSeq.current;
    setLoading(true);
    invoke('gaps.evaluate', { scenarioId, standardId: settings.standardId, year: settings.year, onlyShort: false, ...(settings.region?.length ? { region: settings.region } : {}) }).then((r) => {
      if (seq !== reportSeq.current) return;
      lastReport = { key, report: r };
      setReport(r);
      setError(null);
      setLoading(false);
    }, (e: unknown) => {
      if (seq !== reportSeq.current) return;
      setError(e);
      setLoading(false);
    });
  }, [invoke, scenarioId, units, facilities, settings, key]);

  const readOnly = !!plan?.readOnly;
  const changeSettings = useCallback((s: GapSettings) => {
    setSettings(s);
    // A read-only plan cannot keep the choice, but the screen can still show it.
    if (readOnly) return;
    write(() => invoke('gaps.setSettings', s)).catch((e: unknown) => {
      notify(errorText(e, lang), 'error');
      setEpoch((n) => n + 1);
    });
  }, [invoke, write, notify, lang, readOnly]);

  const retry = useCallback(() => { setError(null); setEpoch((n) => n + 1); }, []);

  // Rows of another scenario are loading: what is shown is about to change.
  return { sets, settings, report, loading: loading || !units || !facilities, error, changeSettings, retry };
}
