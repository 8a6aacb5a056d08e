/**
 * 生成新情景…: the facility lines of the result into a new scenario (a copy of the one allocated on, each
 * facility's resource raised by its line; one transaction), then the app switches to it. Read-only
 * plans, hand-set changes not yet allocated and a changed budget: disabled, with why.
 */
import { useState } from 'react';
import { RESOURCES, type Resource } from '../../../shared/allocation/resources.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { PlannedYear, plannedYearArg, type PlannedYearValue } from '../../ui/scenarios/PlannedYear.tsx';
import { NewScenarioDialog, useApplied, useInApplied as useInAppliedOf, useNewScenario } from '../../ui/scenarios/NewScenario.tsx';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import { amount } from './format.ts';
import type { RunRecord } from './session.ts';
import { sep } from '../../ui/i18n/labels.ts';

/** The scenario last made here (kept in the client's memory, so per plan), for the line shown once the app is in it. */
const APPLIED = 'allocation.applied';

interface Props {
  run: RunRecord;
  blocked: string | null;
}

export function ApplyScenario({ run, blocked }: Props) {
  const { t, lang } = useLang();
  const { scenarios, status } = useAppData();
  const { invoke } = useAppActions();
  const nameOf = useScenarioName();
  const [planned, setPlanned] = useState<PlannedYearValue>({ on: false, year: new Date().getFullYear() + 1 });
  const plan = status?.plan;
  const lines = run.result.lines
    .filter((l) => l.scope === 'facility' && l.allocated !== 0)
    .map((l) => ({ facility: l.code, resource: l.resource, amount: l.allocated }));
  const dialog = useNewScenario({
    key: APPLIED,
    apply: (name) => invoke('allocation.apply', { scenarioId: run.query.scenarioId, name, lines, ...plannedYearArg(planned) }),
    done: (name) => t('allocation.apply.done', { name }),
  });
  const reason = plan?.readOnly
    ? plan.readOnlyReason
      ? t('allocation.apply.readOnlyWhy', { reason: plan.readOnlyReason })
      : t('allocation.apply.readOnly')
    : (blocked ?? (lines.length === 0 ? t('allocation.apply.nothing') : null));
  const totals = RESOURCES.map((r): [Resource, number] => [r, lines.filter((l) => l.resource === r).reduce((s, l) => s + l.amount, 0)])
    .filter(([, n]) => n !== 0)
    .map(([r, n]) => `${t(`allocation.res.${r}`)} +${amount(r, n, lang)}`)
    .join(sep(lang, 'comma'));

  return (
    <>
      <button
        type="button"
        className="btn primary alloc-apply"
        onClick={() => dialog.open(t('allocation.apply.name', { year: run.result.year }))}
        disabled={!!reason}
        title={reason ?? undefined}
        data-testid="alloc-apply"
      >
        {t('allocation.apply.button')}
      </button>
      <NewScenarioDialog state={dialog} title={t('allocation.apply.title')} label={t('allocation.apply.label')} testId="alloc-apply-dialog">
        <PlannedYear value={planned} onChange={setPlanned} />
        <p className="field-hint" data-testid="alloc-apply-hint">
          {t('allocation.apply.hint', {
            from: nameOf(scenarios.find((s) => s.id === run.query.scenarioId)) || run.result.scenario,
            n: lines.length,
            what: totals,
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

/** Shown in a scenario made here: that it is the active one now, what the result was computed on, the way to its gaps. */
export function AppliedNote({ from, onRerun, canRerun }: { from: string; onRerun(): void; canRerun: boolean }) {
  const { t } = useLang();
  const { setTab } = useUi();
  const [applied] = useApplied(APPLIED);
  const inApplied = useInApplied();
  if (!inApplied || !applied) return null;
  return (
    <p className="alloc-applied" role="status" data-testid="alloc-applied">
      {t('allocation.apply.note', { name: applied.name, from })}
      <button type="button" className="link-btn" onClick={() => setTab('gaps')} data-testid="alloc-go-gaps">
        {t('allocation.apply.goGaps')}
      </button>
      <button type="button" className="link-btn" onClick={onRerun} disabled={!canRerun} data-testid="alloc-applied-rerun">
        {t('allocation.head.rerunHere')}
      </button>
    </p>
  );
}
