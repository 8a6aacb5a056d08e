/**
 * 实施计划 (the phased programme, issue 17): "with this much money each year, which actions in which year
 * close the gaps soonest?" The settings on the left; on the right the programme — the objective and how
 * it was solved, the actions by year against each year's money, the year × target matrix before and
 * after — 生成新情景… and 导出 Excel.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ProgrammeOut } from '../../../shared/api/methods/programme.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText, labelIn } from '../../ui/i18n/labels.ts';
import { saveFileOut } from '../../ui/io/files.ts';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { AppliedNote, ApplyProgramme, useInApplied } from './ApplyProgramme.tsx';
import type { TableRule } from './form.ts';
import { ScheduleTable, wan } from './ScheduleTable.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { TargetMatrix } from './TargetMatrix.tsx';
import { useProgramme } from './useProgramme.ts';
import './programme.css';

export function ProgrammeView() {
  const { status } = useAppData();
  // Another plan starts afresh (its memory was forgotten when it opened).
  return <ProgrammeScreen key={status?.plan?.path ?? ''} />;
}

function ProgrammeScreen() {
  const { t, lang } = useLang();
  const { scenarios, scenarioId } = useAppData();
  const { invoke } = useAppActions();
  const { notify } = useUi();
  const nameOf = useScenarioName();
  const p = useProgramme();
  const { run, running, error, form, setForm } = p;
  const [exporting, setExporting] = useState(false);
  const inApplied = useInApplied();

  const known = useMemo(() => {
    const m = new Map<string, string>();
    if (run) for (const a of [...run.result.years.flatMap((y) => y.actions), ...run.result.unscheduled]) m.set(a.id, a.name);
    return m;
  }, [run]);
  const onRule = useCallback(
    (action: string, rule: TableRule | null) =>
      setForm((f) => {
        // In place (the rules keep the order they were set in); removed when it says nothing.
        if (rule) return { ...f, rules: { ...f.rules, [action]: rule } };
        const { [action]: _old, ...rest } = f.rules;
        return { ...f, rules: rest };
      }),
    [setForm],
  );

  const exportXlsx = async () => {
    if (!run) return;
    setExporting(true);
    try {
      const f = await invoke('programme.export', run.query);
      saveFileOut(f);
      notify(t('programme.exported', { file: f.fileName }));
    } catch (e) {
      notify(errorText(e, lang), 'error');
    } finally {
      setExporting(false);
    }
  };

  const ranOn = run ? nameOf(scenarios.find((s) => s.id === run.query.scenarioId)) || run.result.scenario : '';
  const failed = !!error && (
    <p className="pg-fail" role="alert" data-testid="pg-error">
      {t('programme.failed', { message: errorText(error, lang) })}
    </p>
  );

  return (
    <div className="pg-view" data-testid="programme-view">
      <SettingsForm
        form={form}
        onForm={setForm}
        checked={p.checked}
        running={running}
        onRun={p.start}
        known={known}
        standardId={p.standardId}
        planStandardId={p.planStandardId}
        proposals={p.proposals}
        onProposals={p.setProposals}
      />
      <section className="pg-main">
        {run ? (
          <>
            <header className="pg-head">
              <div className="pg-head-text">
                <h2>{t('programme.head.title')}</h2>
                <span className="pg-meta" data-testid="pg-meta">
                  {t('programme.head.meta', {
                    standard: labelIn({ zh: run.result.standardName, en: run.result.standardNameEn }, lang),
                    from: run.result.fromYear,
                    to: run.result.toYear,
                    scenario: ranOn,
                  })}
                </span>
              </div>
              {running && (
                <span className="pg-busy" data-testid="pg-busy">
                  {t('programme.form.running')}
                </span>
              )}
              {p.changed && !running && (
                <span className="pg-changed" data-testid="pg-changed">
                  {t('programme.head.changed')}
                </span>
              )}
              <span className="tool-spacer" />
              <button type="button" className="btn" onClick={() => void exportXlsx()} disabled={exporting} data-testid="pg-export">
                {exporting ? t('programme.exporting') : t('programme.export')}
              </button>
              <ApplyProgramme run={run} />
            </header>
            <AppliedNote from={ranOn} />
            {run.query.scenarioId !== scenarioId && !inApplied && (
              <p className="pg-stale" role="note" data-testid="pg-other-scenario">
                {t('programme.head.otherScenario', { name: ranOn, now: nameOf(scenarios.find((s) => s.id === scenarioId)) })}
              </p>
            )}
            {failed}
            <div className={`pg-result${running ? ' is-busy' : ''}`} aria-busy={running}>
              <Objective result={run.result} />
              <ScheduleTable result={run.result} rules={form.rules} onRule={onRule} />
              <TargetMatrix result={run.result} />
            </div>
          </>
        ) : (
          <div className="pg-empty" data-testid="pg-empty">
            {failed}
            {running ? (
              <p className="pg-busy is-big" data-testid="pg-busy">
                {t('programme.form.running')}
              </p>
            ) : (
              <div className="pg-empty-text">
                <h2>{t('programme.empty.title')}</h2>
                <p>{t('programme.empty.body')}</p>
              </div>
            )}
          </div>
        )}
      </section>
    </div>
  );
}

const NUM = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const PCT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** The objective as chosen (约束性 first, then 预期性, then cost), the solver and the proof, the notes. */
function Objective({ result }: { result: ProgrammeOut }) {
  const { t, lang } = useLang();
  const o = result.objective;
  const notes = lang === 'en' ? result.notesEn : result.notes;
  return (
    <section className="pg-objective" data-testid="pg-objective">
      <dl className="pg-figures">
        <div title={t('programme.objective.bindingHint')}>
          <dt>{t('programme.objective.binding')}</dt>
          <dd data-testid="pg-obj-binding">
            {NUM.format(o.binding)} <small>{t('programme.objective.unit')}</small>
          </dd>
        </div>
        <div>
          <dt>{t('programme.objective.expected')}</dt>
          <dd data-testid="pg-obj-expected">
            {NUM.format(o.expected)} <small>{t('programme.objective.unit')}</small>
          </dd>
        </div>
        <div>
          <dt>{t('programme.objective.cost')}</dt>
          <dd data-testid="pg-obj-cost">{t('programme.wan', { n: wan(o.cost) })}</dd>
        </div>
        <div>
          <dt>{t(result.solver === 'highs' ? 'programme.objective.solverHighs' : 'programme.objective.solverGreedy')}</dt>
          <dd data-testid="pg-obj-proof" data-optimal={result.optimal}>
            {result.optimal ? t('programme.objective.optimal') : t('programme.objective.gap', { gap: `${PCT.format(result.gap * 100)}%` })}
          </dd>
        </div>
      </dl>
      <p className="pg-muted pg-small">{t('programme.objective.candidates', { n: result.candidates, s: (result.ms / 1000).toFixed(1) })}</p>
      {notes.length > 0 && (
        <ul className="pg-notes" data-testid="pg-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
