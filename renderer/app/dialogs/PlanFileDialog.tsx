/**
 * 新建方案 / 打开方案 / 另存为: a path field prefilled in the plans folder, the recent files, and the
 * service's error when the file cannot be created or opened (not a plan, newer version, locked …).
 */
import { useState } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import type { PlanInfo } from '../../ui/state/types.ts';
import { DialogButtons, ErrorBox, Modal } from '../../ui/dialogs/Modal.tsx';

type Mode = 'new' | 'open' | 'saveAs';

function joinPath(dir: string, file: string): string {
  if (!dir) return file;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + file : dir + sep + file;
}
const baseName = (p: string) => (p.split(/[\\/]/).pop() ?? p).replace(/\.hplan$/i, '');

export function PlanFileDialog({ mode }: { mode: Mode }) {
  const { t } = useLang();
  const { status } = useAppData();
  const { invoke, planOpened } = useAppActions();
  const { closeDialog, notify } = useUi();
  const dir = status?.plansDir ?? '';
  const initial =
    mode === 'new'
      ? joinPath(dir, t('plan.defaultFile'))
      : mode === 'saveAs' && status?.plan
        ? joinPath(dir, `${baseName(status.plan.path)}-${t('plan.copySuffix')}.hplan`)
        : joinPath(dir, '');
  const [path, setPath] = useState(initial);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (target: string, action: () => Promise<PlanInfo>) => {
    if (!target.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const info = await action();
      await planOpened(info);
      notify(t('plan.opened', { name: info.name }));
      closeDialog();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const submit = (target = path) =>
    run(target, () => {
      const p = target.trim();
      if (mode === 'new') return invoke('plan.new', { path: p, name: name.trim() || undefined });
      if (mode === 'saveAs') return invoke('plan.saveAs', { path: p });
      return invoke('plan.open', { path: p });
    });

  /** Electron only: the system's file dialog fills the path. */
  const browse = async () => {
    try {
      const picked = await invoke('app.pickPath', { purpose: mode === 'open' ? 'open' : 'save', defaultPath: path.trim() || undefined });
      if (picked.path) {
        setPath(picked.path);
        setError(null);
      }
    } catch (e) {
      setError(e);
    }
  };

  const title = t(mode === 'new' ? 'plan.newTitle' : mode === 'open' ? 'plan.openTitle' : 'plan.saveAsTitle');
  const primary = t(mode === 'new' ? 'plan.create' : mode === 'open' ? 'plan.open' : 'plan.save');
  const recent = status?.recent ?? [];
  return (
    <Modal
      title={title}
      testId={`plan-dialog-${mode}`}
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={<DialogButtons primary={primary} busy={busy} disabled={!path.trim()} onCancel={closeDialog} />}
    >
      {mode === 'new' && (
        <label className="field">
          <span>{t('plan.name')}</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder={baseName(path)} data-testid="plan-name-input" />
        </label>
      )}
      <label className="field">
        <span>{t('plan.path')}</span>
        <span className="field-row">
          <input
            type="text"
            value={path}
            onChange={(e) => {
              setPath(e.target.value);
              setError(null);
            }}
            spellCheck={false}
            data-testid="plan-path-input"
          />
          {status?.door === 'electron' && (
            <button type="button" className="btn" onClick={() => void browse()} data-testid="plan-browse">
              {t('plan.browse')}
            </button>
          )}
        </span>
        <span className="field-hint">{t('plan.pathHint', { dir })}</span>
      </label>
      {mode === 'open' && (
        <div className="field">
          <span>{t('plan.recent')}</span>
          {recent.length ? (
            <ul className="recent-list" data-testid="plan-recent-list">
              {recent.map((r) => (
                <li key={r}>
                  <button type="button" className={r === path ? 'is-chosen' : ''} title={r} onClick={() => setPath(r)} onDoubleClick={() => void submit(r)}>
                    {r}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <div className="recent-empty">{t('plan.noRecent')}</div>
          )}
          <button
            type="button"
            className="link-btn align-start"
            onClick={() => void run('sample', () => invoke('plan.openSample', {}))}
            data-testid="plan-open-sample"
          >
            {t('file.openSample')}
          </button>
        </div>
      )}
      <ErrorBox error={error} />
    </Modal>
  );
}
