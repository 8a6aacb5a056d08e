/**
 * 生成新情景…: the facility lines of the result into a new scenario (a copy of the one allocated on, each
 * facility's resource raised by its line; one transaction), then the app switches to it. Read-only
 * plans, hand-set changes not yet allocated and a changed budget: disabled, with why.
 */
import { useState } from 'react';
import { RESOURCES, type Resource } from '../../../shared/allocation/resources.ts';
import { useDataStore } from '../../api/index.ts';
import { DialogButtons, ErrorBox, Modal } from '../../ui/dialogs/Modal.tsx';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { PlannedYear, plannedYearArg, type PlannedYearValue } from '../../ui/scenarios/PlannedYear.tsx';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import { amount } from './format.ts';
import type { RunRecord } from './session.ts';
import { sep } from '../../ui/i18n/labels.ts';

/** The scenario last made here (kept in the client's memory, so per plan), for the line shown once the app is in it. */
interface Applied {
  id: number;
  name: string;
}
const APPLIED = 'allocation.applied';
function useApplied(): [Applied | null, (a: Applied) => void] {
  const { memory } = useDataStore();
  return [(memory.get(APPLIED) as Applied | undefined) ?? null, (a) => memory.set(APPLIED, a)];
}

interface Props {
  run: RunRecord;
  blocked: string | null;
}

export function ApplyScenario({ run, blocked }: Props) {
  const { t, lang } = useLang();
  const { scenarios, status } = useAppData();
  const { invoke, write, reloadScenarios, selectScenario } = useAppActions();
  const { notify } = useUi();
  const nameOf = useScenarioName();
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [planned, setPlanned] = useState<PlannedYearValue>({ on: false, year: new Date().getFullYear() + 1 });
  const [error, setError] = useState<unknown>(null);
  const [, setApplied] = useApplied();
  const plan = status?.plan;
  const lines = run.result.lines
    .filter((l) => l.scope === 'facility' && l.allocated !== 0)
    .map((l) => ({ facility: l.code, resource: l.resource, amount: l.allocated }));
  const reason = plan?.readOnly
    ? plan.readOnlyReason
      ? t('allocation.apply.readOnlyWhy', { reason: plan.readOnlyReason })
      : t('allocation.apply.readOnly')
    : (blocked ?? (lines.length === 0 ? t('allocation.apply.nothing') : null));

  const defaultName = () => {
    const base = t('allocation.apply.name', { year: run.result.year });
    const taken = new Set(scenarios.map((s) => s.name));
    let n = base;
    for (let i = 2; taken.has(n); i++) n = `${base} (${i})`;
    return n;
  };
  const totals = RESOURCES.map((r): [Resource, number] => [r, lines.filter((l) => l.resource === r).reduce((s, l) => s + l.amount, 0)])
    .filter(([, n]) => n !== 0)
    .map(([r, n]) => `${t(`allocation.res.${r}`)} +${amount(r, n, lang)}`)
    .join(sep(lang, 'comma'));

  const open = () => {
    setName(defaultName());
    setError(null);
    setBusy(false);
    setAsking(true);
  };
  const submit = async () => {
    if (!name.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const s = await write(() => invoke('allocation.apply', { scenarioId: run.query.scenarioId, name: name.trim(), lines, ...plannedYearArg(planned) }));
      setApplied({ id: s.id, name: s.name });
      await reloadScenarios();
      await selectScenario(s.id);
      setAsking(false);
      setBusy(false);
      notify(t('allocation.apply.done', { name: s.name }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="btn primary alloc-apply" onClick={open} disabled={!!reason} title={reason ?? undefined} data-testid="alloc-apply">
        {t('allocation.apply.button')}
      </button>
      {asking && (
        <Modal
          title={t('allocation.apply.title')}
          testId="alloc-apply-dialog"
          onClose={() => setAsking(false)}
          onSubmit={() => void submit()}
          footer={<DialogButtons primary={t('dialog.ok')} busy={busy} disabled={!name.trim()} onCancel={() => setAsking(false)} />}
        >
          <label className="field">
            <span>{t('allocation.apply.label')}</span>
            <input type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
          </label>
          <PlannedYear value={planned} onChange={setPlanned} />
          <p className="field-hint" data-testid="alloc-apply-hint">
            {t('allocation.apply.hint', {
              from: nameOf(scenarios.find((s) => s.id === run.query.scenarioId)) || run.result.scenario,
              n: lines.length,
              what: totals,
            })}
          </p>
          <ErrorBox error={error} />
        </Modal>
      )}
    </>
  );
}

/** Is the active scenario the one made here last? */
export function useInApplied(): boolean {
  const { scenarioId } = useAppData();
  const [applied] = useApplied();
  return !!applied && applied.id === scenarioId;
}

/** Shown in a scenario made here: that it is the active one now, what the result was computed on, the way to its gaps. */
export function AppliedNote({ from, onRerun, canRerun }: { from: string; onRerun(): void; canRerun: boolean }) {
  const { t } = useLang();
  const { setTab } = useUi();
  const [applied] = useApplied();
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
