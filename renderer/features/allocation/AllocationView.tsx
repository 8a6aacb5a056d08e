/**
 * 资源配置: "I have 3,000 beds, 400 physicians … for 2025 — where should they go?" The budget on the
 * left; on the right what each resource came to (given, left, still needed), the notes, and every line
 * by unit and facility with its reason. Lines can be set by hand and allocated again around them; the
 * result goes into a new scenario or out as the workbook a 卫健委 sends upward.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Resource } from '../../../shared/allocation/resources.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import { saveFileOut } from '../../ui/io/files.ts';
import { AllocationSummary } from './AllocationSummary.tsx';
import { AppliedNote, ApplyScenario, useInApplied } from './ApplyScenario.tsx';
import { BudgetForm } from './BudgetForm.tsx';
import { LinesTable } from './LinesTable.tsx';
import { ToProgramme } from './ToProgramme.tsx';
import {
  checkForm,
  dataSignature,
  EMPTY_FORM,
  manualKey,
  pendingCount,
  sameQuery,
  useKept,
  type FormState,
  type ManualLine,
  type RunRecord,
} from './session.ts';
import { useJudgedScope, useStandardChoices } from './useStandardChoices.ts';
import './allocation.css';

export function AllocationView() {
  const { status } = useAppData();
  const plan = status?.plan?.path ?? null;
  // Another plan starts with an empty form (its memory was forgotten when it opened).
  return <AllocationScreen key={plan ?? ''} />;
}

function AllocationScreen() {
  const { t, lang } = useLang();
  const { scenarioId, units, facilities, scenarios } = useAppData();
  const { invoke } = useAppActions();
  const { notify } = useUi();
  const nameOf = useScenarioName();
  const choices = useStandardChoices();
  const [form, setForm] = useKept<FormState>('form', EMPTY_FORM);
  const [manual, setManual] = useKept<ManualLine[]>('manual', []);
  const [run, setRun] = useKept<RunRecord | null>('run', null);
  const [running, setRunning] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const signature = useMemo(() => dataSignature(units, facilities), [units, facilities]);
  const signatureNow = useRef(signature);
  signatureNow.current = signature;

  // The plan's standard set and year, until the planner chooses others.
  const { settings } = choices;
  useEffect(() => {
    if (settings && form.standardId === null) setForm((f) => ({ ...f, standardId: settings.standardId, year: f.year || String(settings.year) }));
  }, [settings, form.standardId, setForm]);

  const judged = useJudgedScope(form.standardId);
  const checked = useMemo(() => checkForm(form, judged), [form, judged]);
  const pending = pendingCount(manual, run?.query.manual);
  const changed = !!run && !!checked.query && !sameQuery(checked.query, run.query);
  const otherScenario = !!run && run.query.scenarioId !== scenarioId;
  const dataChanged = !!run && !otherScenario && signature !== null && run.signature !== null && run.signature !== signature;
  const inApplied = useInApplied();

  const allocate = useCallback(async () => {
    if (!checked.query) return;
    const query = { scenarioId, ...checked.query, manual };
    const mine = ++seq.current;
    setRunning(true);
    setError(null);
    try {
      const result = await invoke('allocation.run', query);
      if (mine !== seq.current) return;
      setRun({ query, result, signature: signatureNow.current, moneyUnit: form.moneyUnit });
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setRunning(false);
    }
  }, [checked.query, scenarioId, manual, invoke, setRun, form.moneyUnit]);

  const exportXlsx = async () => {
    if (!run) return;
    setExporting(true);
    try {
      const f = await invoke('allocation.export', run.query);
      saveFileOut(f);
      notify(t('allocation.exported', { file: f.fileName }));
    } catch (e) {
      notify(errorText(e, lang), 'error');
    } finally {
      setExporting(false);
    }
  };

  const setOne = useCallback(
    (m: ManualLine) => setManual((list) => [...list.filter((x) => manualKey(x.facility, x.resource) !== manualKey(m.facility, m.resource)), m]),
    [setManual],
  );
  const resetOne = useCallback(
    (facility: string, resource: Resource) => setManual((list) => list.filter((x) => manualKey(x.facility, x.resource) !== manualKey(facility, resource))),
    [setManual],
  );
  const resetAll = useCallback(() => setManual([]), [setManual]);

  const blocked =
    pending > 0 ? t('allocation.apply.pending') : changed ? t('allocation.apply.changed') : otherScenario || dataChanged ? t('allocation.apply.stale') : null;
  const ranOn = run ? nameOf(scenarios.find((s) => s.id === run.query.scenarioId)) || run.result.scenario : '';
  const set = run ? choices.sets?.find((s) => s.id === run.result.standard) : undefined;
  const standardName = set ? (lang === 'en' ? set.nameEn : set.name) : (run?.result.standardName ?? '');
  const canRun = !!checked.query && !running;

  return (
    <div className="alloc-view" data-testid="allocation-view">
      <BudgetForm form={form} onForm={setForm} sets={choices.sets} judged={judged} checked={checked} running={running} onRun={() => void allocate()} />
      <section className="alloc-main">
        {run ? (
          <>
            <header className="alloc-head">
              <div className="alloc-head-text">
                <h2>{t('allocation.head.title')}</h2>
                <span className="alloc-meta" data-testid="alloc-meta">
                  {t('allocation.head.meta', {
                    standard: standardName,
                    year: run.result.year,
                    scope: t(`allocation.form.${run.result.scope}`),
                    scenario: ranOn,
                  })}
                </span>
              </div>
              {running && (
                <span className="alloc-busy" data-testid="alloc-busy">
                  {t('allocation.form.running')}
                </span>
              )}
              {changed && !running && (
                <span className="alloc-changed" data-testid="alloc-changed">
                  {t('allocation.head.changed')}
                </span>
              )}
              <span className="tool-spacer" />
              <div className="alloc-head-actions">
                <button type="button" className="btn" onClick={() => void exportXlsx()} disabled={exporting} data-testid="alloc-export">
                  {exporting ? t('allocation.exporting') : t('allocation.export')}
                </button>
                <ToProgramme run={run} />
                <ApplyScenario run={run} blocked={blocked} />
              </div>
            </header>
            <AppliedNote from={ranOn} onRerun={() => void allocate()} canRerun={canRun} />
            {(otherScenario || dataChanged) && !inApplied && (
              <p className="alloc-stale" role="note" data-testid="alloc-stale">
                {otherScenario
                  ? t('allocation.head.staleScenario', { name: ranOn, now: nameOf(scenarios.find((s) => s.id === scenarioId)) })
                  : t('allocation.head.staleData')}
                <button type="button" className="link-btn" onClick={() => void allocate()} disabled={!canRun} data-testid="alloc-stale-rerun">
                  {t(otherScenario ? 'allocation.head.rerunHere' : 'allocation.head.rerun')}
                </button>
              </p>
            )}
            {!!error && (
              <p className="alloc-fail" role="alert" data-testid="alloc-error">
                {t('allocation.failed', { message: errorText(error, lang) })}
              </p>
            )}
            <div className={`alloc-result${running ? ' is-busy' : ''}`} aria-busy={running}>
              <AllocationSummary result={run.result} moneyUnit={run.moneyUnit} />
              <LinesTable
                key={`${run.result.scenario}|${run.result.standard}|${run.result.year}|${run.result.scope}`}
                result={run.result}
                manual={manual}
                onSetManual={setOne}
                onResetManual={resetOne}
                pending={pending}
                onResetAll={resetAll}
                onRerun={() => void allocate()}
                running={running}
                canRerun={!!checked.query}
              />
            </div>
          </>
        ) : (
          <div className="alloc-empty" data-testid="alloc-empty">
            {!!error && (
              <p className="alloc-fail" role="alert" data-testid="alloc-error">
                {t('allocation.failed', { message: errorText(error, lang) })}
              </p>
            )}
            {running ? (
              <p className="alloc-busy is-big" data-testid="alloc-busy">
                {t('allocation.form.running')}
              </p>
            ) : (
              <div className="alloc-empty-text">
                <h2>{t('allocation.empty.title')}</h2>
                <p>{t('allocation.empty.body')}</p>
              </div>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
