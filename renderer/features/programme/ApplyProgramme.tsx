/**
 * 生成新情景…: the programme into a new scenario (programme.apply: a copy of the scenario it was computed
 * on, each placed action a project of its year, the programme's years and money kept with it), then the
 * app switches to it; a line says so, with the way to 规划项目.
 */
import { useLang } from '../../ui/i18n/index.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { NewScenarioDialog, useApplied, useInApplied as useInAppliedOf, useNewScenario } from '../../ui/scenarios/NewScenario.tsx';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import type { RunRecord } from './useProgramme.ts';

const APPLIED = 'programme.applied';

/** Each placed action and its year, as programme.apply takes them. */
export const scheduleOf = (run: RunRecord) => run.result.years.flatMap((y) => y.actions.map((a) => ({ action: a.id, year: y.year })));

export function ApplyProgramme({ run }: { run: RunRecord }) {
  const { t } = useLang();
  const { scenarios, status } = useAppData();
  const { invoke } = useAppActions();
  const nameOf = useScenarioName();
  const schedule = scheduleOf(run);
  const dialog = useNewScenario({
    key: APPLIED,
    apply: (name) =>
      invoke('programme.apply', {
        scenarioId: run.query.scenarioId,
        name,
        query: run.query,
        schedule,
        result: { objective: run.result.objective, gap: run.result.gap, optimal: run.result.optimal },
      }),
    done: (name) => t('programme.apply.done', { name }),
  });
  const plan = status?.plan;
  const reason = plan?.readOnly ? t('programme.apply.readOnly') : schedule.length === 0 ? t('programme.apply.nothing') : null;

  return (
    <>
      <button
        type="button"
        className="btn primary"
        onClick={() => dialog.open(t('programme.apply.name', { from: run.result.fromYear, to: run.result.toYear }))}
        disabled={!!reason}
        title={reason ?? undefined}
        data-testid="pg-apply"
      >
        {t('programme.apply.button')}
      </button>
      <NewScenarioDialog state={dialog} title={t('programme.apply.title')} label={t('programme.apply.label')} testId="pg-apply-dialog">
        <p className="field-hint" data-testid="pg-apply-hint">
          {t('programme.apply.hint', {
            from: nameOf(scenarios.find((s) => s.id === run.query.scenarioId)) || run.result.scenario,
            n: schedule.length,
          })}
        </p>
      </NewScenarioDialog>
    </>
  );
}

/** Is the active scenario the one made here last? */
export function useInApplied(): boolean {
  return useInAppliedOf(APPLIED);
}

/** In the scenario made here last: that it is the current one now, and the way to its projects. */
export function AppliedNote({ from }: { from: string }) {
  const { t } = useLang();
  const { setTab } = useUi();
  const [applied] = useApplied(APPLIED);
  const inApplied = useInApplied();
  if (!applied || !inApplied) return null;
  return (
    <p className="pg-applied" role="status" data-testid="pg-applied">
      {t('programme.apply.note', { name: applied.name, from })}
      <button type="button" className="link-btn" onClick={() => setTab('timeline')} data-testid="pg-go-timeline">
        {t('programme.apply.goTimeline')}
      </button>
    </p>
  );
}
