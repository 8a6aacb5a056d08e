/**
 * 生成新情景…: the programme into a new scenario (programme.apply: a copy of the scenario it was computed
 * on, each placed action a project of its year, the programme's years and money kept with it), then the
 * app switches to it; a line says so, with the way to 规划项目.
 */
import { useState } from 'react';
import { useDataStore } from '../../api/index.ts';
import { DialogButtons, ErrorBox, Modal } from '../../ui/dialogs/Modal.tsx';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import type { RunRecord } from './useProgramme.ts';

interface Applied {
  id: number;
  name: string;
}
const APPLIED = 'programme.applied';
function useApplied(): [Applied | null, (a: Applied) => void] {
  const { memory } = useDataStore();
  return [(memory.get(APPLIED) as Applied | undefined) ?? null, (a) => memory.set(APPLIED, a)];
}

/** Each placed action and its year, as programme.apply takes them. */
export const scheduleOf = (run: RunRecord) => run.result.years.flatMap((y) => y.actions.map((a) => ({ action: a.id, year: y.year })));

export function ApplyProgramme({ run }: { run: RunRecord }) {
  const { t } = useLang();
  const { scenarios, status } = useAppData();
  const { invoke, write, reloadScenarios, selectScenario } = useAppActions();
  const { notify } = useUi();
  const nameOf = useScenarioName();
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [, setApplied] = useApplied();
  const schedule = scheduleOf(run);
  const plan = status?.plan;
  const reason = plan?.readOnly ? t('programme.apply.readOnly') : schedule.length === 0 ? t('programme.apply.nothing') : null;

  const open = () => {
    const base = t('programme.apply.name', { from: run.result.fromYear, to: run.result.toYear });
    const taken = new Set(scenarios.map((s) => s.name));
    let n = base;
    for (let i = 2; taken.has(n); i++) n = `${base} (${i})`;
    setName(n);
    setError(null);
    setBusy(false);
    setAsking(true);
  };
  const submit = async () => {
    if (!name.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const s = await write(() => invoke('programme.apply', { scenarioId: run.query.scenarioId, name: name.trim(), query: run.query, schedule }));
      setApplied({ id: s.id, name: s.name });
      await reloadScenarios();
      await selectScenario(s.id);
      setAsking(false);
      setBusy(false);
      notify(t('programme.apply.done', { name: s.name }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="btn primary" onClick={open} disabled={!!reason} title={reason ?? undefined} data-testid="pg-apply">
        {t('programme.apply.button')}
      </button>
      {asking && (
        <Modal
          title={t('programme.apply.title')}
          testId="pg-apply-dialog"
          onClose={() => setAsking(false)}
          onSubmit={() => void submit()}
          footer={<DialogButtons primary={t('dialog.ok')} busy={busy} disabled={!name.trim()} onCancel={() => setAsking(false)} />}
        >
          <label className="field">
            <span>{t('programme.apply.label')}</span>
            <input type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
          </label>
          <p className="field-hint" data-testid="pg-apply-hint">
            {t('programme.apply.hint', {
              from: nameOf(scenarios.find((s) => s.id === run.query.scenarioId)) || run.result.scenario,
              n: schedule.length,
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

/** In the scenario made here last: that it is the current one now, and the way to its projects. */
export function AppliedNote({ from }: { from: string }) {
  const { t } = useLang();
  const { setTab } = useUi();
  const [applied] = useApplied();
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
