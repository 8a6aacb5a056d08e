/** A yes/no step: discard unsaved changes, delete a set. */
import { useState, type ReactNode } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import { ErrorBox } from '../../ui/dialogs/Modal.tsx';
import { Sheet } from './Sheet.tsx';

interface Props {
  title: string;
  testId: string;
  children: ReactNode;
  confirm: string;
  cancel: string;
  danger?: boolean;
  onConfirm(): Promise<void> | void;
  onCancel(): void;
}

export function ConfirmSheet({ title, testId, children, confirm, cancel, danger, onConfirm, onCancel }: Props) {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Sheet
      onDismiss={onCancel}
      title={title}
      testId={testId}
      buttons={
        <>
          <button type="button" className="btn" onClick={onCancel} data-testid="sheet-cancel">
            {cancel}
          </button>
          <button type="button" className={`btn primary${danger ? ' danger' : ''}`} disabled={busy} onClick={() => void run()} data-testid="sheet-confirm">
            {busy ? t('dialog.working') : confirm}
          </button>
        </>
      }
    >
      {children}
      <ErrorBox error={error} />
    </Sheet>
  );
}
