/** A dialog asking for one name (重命名方案, 重命名情景). */
import { useState } from 'react';
import { useLang } from '../i18n/index.ts';
import { DialogButtons, ErrorBox, Modal } from './Modal.tsx';

interface Props {
  title: string;
  label: string;
  initial: string;
  testId: string;
  onSubmit(name: string): Promise<void>;
  onClose(): void;
}

export function NameDialog({ title, label, initial, testId, onSubmit, onClose }: Props) {
  const { t } = useLang();
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!name.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Modal
      title={title}
      testId={testId}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={<DialogButtons primary={t('dialog.ok')} busy={busy} disabled={!name.trim()} onCancel={onClose} />}
    >
      <label className="field">
        <span>{label}</span>
        <input type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
      </label>
      <ErrorBox error={error} />
    </Modal>
  );
}
