/**
 * 生成新情景…, as every screen that writes its result into a new scenario has it (资源配置, 选址, 实施计划): a
 * free default name, the dialog with the name and what the screen adds, the write, then the app reloads the
 * scenarios, switches to the new one and says so; the scenario made is remembered (per plan, in the client's
 * memory) so the screen can show a note while the planner is in it.
 */
import { type ReactNode, useState } from 'react';
import type { Scenario } from '../../../shared/model/entities.ts';
import { useDataStore } from '../../api/index.ts';
import { DialogButtons, ErrorBox, Modal } from '../dialogs/Modal.tsx';
import { useLang } from '../i18n/index.ts';
import { useAppActions, useAppData } from '../state/AppContext.tsx';
import { useUi } from '../state/UiContext.tsx';

/** The scenario a screen made last. */
export interface Applied {
  id: number;
  name: string;
}

/** The scenario made last under `key` (e.g. 'allocation.applied'), and how to remember another. */
export function useApplied<A extends Applied = Applied>(key: string): [A | null, (a: A) => void] {
  const { memory } = useDataStore();
  return [(memory.get(key) as A | undefined) ?? null, (a) => memory.set(key, a)];
}

/** Is the active scenario the one made last under `key`? */
export function useInApplied(key: string): boolean {
  const { scenarioId } = useAppData();
  const [applied] = useApplied(key);
  return !!applied && applied.id === scenarioId;
}

/** `base`, or `base (2)`, `base (3)` … whichever no scenario has. */
export function freeName(base: string, scenarios: readonly { name: string }[]): string {
  const taken = new Set(scenarios.map((s) => s.name));
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base} (${i})`;
  return n;
}

export interface NewScenarioOptions<A extends Applied> {
  /** Where the scenario made is remembered. */
  key: string;
  /** Writes the scenario (the screen's `*.apply`), given the name. */
  apply: (name: string) => Promise<Scenario>;
  /** What is remembered of it (default: id and name). */
  remember?: (s: Scenario) => A;
  /** What the app says once it is in it. */
  done: (name: string) => string;
}

/** The dialog's state and the write. */
export function useNewScenario<A extends Applied = Applied>(o: NewScenarioOptions<A>) {
  const { scenarios } = useAppData();
  const { write, reloadScenarios, selectScenario } = useAppActions();
  const { notify } = useUi();
  const [, setApplied] = useApplied<A>(o.key);
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = (base: string) => {
    setName(freeName(base, scenarios));
    setError(null);
    setBusy(false);
    setAsking(true);
  };
  const submit = async () => {
    if (!name.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const s = await write(() => o.apply(name.trim()));
      setApplied(o.remember ? o.remember(s) : ({ id: s.id, name: s.name } as A));
      await reloadScenarios();
      await selectScenario(s.id);
      setAsking(false);
      setBusy(false);
      notify(o.done(s.name));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return { asking, name, setName, busy, error, open, close: () => setAsking(false), submit };
}

export type NewScenarioState = ReturnType<typeof useNewScenario>;

/** The dialog: the name, then what the screen adds (a planned year, what goes in, the rule kept …). */
export function NewScenarioDialog({
  state,
  title,
  label,
  testId,
  children,
}: {
  state: NewScenarioState;
  title: string;
  label: string;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useLang();
  if (!state.asking) return null;
  return (
    <Modal
      title={title}
      testId={testId}
      onClose={state.close}
      onSubmit={() => void state.submit()}
      footer={<DialogButtons primary={t('dialog.ok')} busy={state.busy} disabled={!state.name.trim()} onCancel={state.close} />}
    >
      <label className="field">
        <span>{label}</span>
        <input type="text" value={state.name} maxLength={100} onChange={(e) => state.setName(e.target.value)} data-testid="name-input" />
      </label>
      {children}
      <ErrorBox error={state.error} />
    </Modal>
  );
}
