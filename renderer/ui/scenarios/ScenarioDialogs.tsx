/** 新建情景 / 复制情景 (a copy of the baseline or of the current one), 重命名情景, 删除情景. */
import { useState } from 'react';
import { useLang } from '../i18n/index.ts';
import { DialogButtons, ErrorBox, Modal } from '../dialogs/Modal.tsx';
import { NameDialog } from '../dialogs/NameDialog.tsx';
import { useActiveScenario, useAppActions, useAppData } from '../state/AppContext.tsx';
import { useUi } from '../state/UiContext.tsx';
import { useScenarioName } from './ScenarioSwitcher.tsx';

export function ScenarioDialog({ mode }: { mode: 'create' | 'duplicate' | 'rename' }) {
  const { t } = useLang();
  const { scenarios } = useAppData();
  const { invoke, write, reloadScenarios, selectScenario } = useAppActions();
  const { closeDialog, notify } = useUi();
  const active = useActiveScenario();
  const nameOf = useScenarioName();
  const [from, setFrom] = useState<'baseline' | 'current'>(mode === 'duplicate' && !active?.baseline ? 'current' : 'baseline');
  const [name, setName] = useState(() =>
    mode === 'duplicate' ? t('scenario.copyName', { name: nameOf(active) }) : t('scenario.defaultName', { n: scenarios.length }),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (mode === 'rename' && active) {
    return (
      <NameDialog
        title={t('scenario.renameTitle')}
        label={t('scenario.name')}
        initial={active.name}
        testId="scenario-rename-dialog"
        onClose={closeDialog}
        onSubmit={async (n) => {
          await write(() => invoke('scenarios.rename', { id: active.id, name: n }));
          await reloadScenarios();
        }}
      />
    );
  }

  const submit = async () => {
    if (!name.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const copyFrom = from === 'current' && active && !active.baseline ? active.id : undefined;
      const s = await write(() => invoke('scenarios.create', { name: name.trim(), copyFrom }));
      await reloadScenarios();
      await selectScenario(s.id);
      notify(t('scenario.created', { name: s.name }));
      closeDialog();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Modal
      title={t(mode === 'duplicate' ? 'scenario.duplicateTitle' : 'scenario.createTitle')}
      testId="scenario-create-dialog"
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={<DialogButtons primary={t('dialog.ok')} busy={busy} disabled={!name.trim()} onCancel={closeDialog} />}
    >
      <label className="field">
        <span>{t('scenario.name')}</span>
        <input type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
      </label>
      <div className="field">
        <span>{t('scenario.copyFrom')}</span>
        <div className="radio-row">
          <label>
            <input type="radio" name="from" checked={from === 'baseline'} onChange={() => setFrom('baseline')} data-testid="scenario-from-baseline" />
            {t('scenario.fromBaseline')}
          </label>
          {active && !active.baseline && (
            <label>
              <input type="radio" name="from" checked={from === 'current'} onChange={() => setFrom('current')} data-testid="scenario-from-current" />
              {t('scenario.fromCurrent', { name: nameOf(active) })}
            </label>
          )}
        </div>
      </div>
      <ErrorBox error={error} />
    </Modal>
  );
}

export function DeleteScenarioDialog() {
  const { t } = useLang();
  const { scenarios } = useAppData();
  const { invoke, write, reloadScenarios, selectScenario } = useAppActions();
  const { closeDialog, notify } = useUi();
  const current = useActiveScenario();
  const [active] = useState(current); // the scenario asked about, even once the baseline is active
  const nameOf = useScenarioName();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!active || active.baseline) return null;
  const submit = async () => {
    setBusy(true);
    try {
      const baseline = scenarios.find((s) => s.baseline) ?? scenarios[0]!;
      await selectScenario(baseline.id); // leave it first: nothing may ask about a deleted scenario
      await write(() => invoke('scenarios.delete', { id: active.id }));
      await reloadScenarios();
      notify(t('scenario.deleted', { name: active.name }));
      closeDialog();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Modal
      title={t('scenario.deleteTitle')}
      testId="scenario-delete-dialog"
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={<DialogButtons primary={t('dialog.delete')} busy={busy} danger onCancel={closeDialog} />}
    >
      <p className="confirm-text">{t('scenario.deleteConfirm', { name: nameOf(active) })}</p>
      <ErrorBox error={error} />
    </Modal>
  );
}
