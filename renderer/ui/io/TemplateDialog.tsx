/** 保存导入模板…: the empty template for units or facilities, as .xlsx or .csv. */
import { useState } from 'react';
import { useLang } from '../i18n/index.ts';
import { DialogButtons, ErrorBox, Modal } from '../dialogs/Modal.tsx';
import { useUi } from '../state/UiContext.tsx';
import type { TableName } from '../state/types.ts';
import { useExport } from './useExport.ts';
import './io.css';

export function TemplateDialog() {
  const { t } = useLang();
  const { closeDialog, tab } = useUi();
  const { saveTemplate } = useExport();
  const [table, setTable] = useState<TableName>(tab === 'units' ? 'units' : 'facilities');
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveTemplate(table, format);
      closeDialog();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Modal
      title={t('io.templateTitle')}
      testId="template-dialog"
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={<DialogButtons primary={t('plan.save')} busy={busy} onCancel={closeDialog} />}
    >
      <div className="field">
        <span>{t('io.templateTable')}</span>
        <div className="radio-row">
          {(['units', 'facilities'] as const).map((x) => (
            <label key={x}>
              <input type="radio" name="table" checked={table === x} onChange={() => setTable(x)} data-testid={`template-table-${x}`} />
              {t(`io.${x}`)}
            </label>
          ))}
        </div>
      </div>
      <div className="field">
        <span>{t('io.templateFormat')}</span>
        <div className="radio-row">
          {(['xlsx', 'csv'] as const).map((x) => (
            <label key={x}>
              <input type="radio" name="format" checked={format === x} onChange={() => setFormat(x)} data-testid={`template-format-${x}`} />
              {t(`format.${x}`)}
            </label>
          ))}
        </div>
      </div>
      <p className="field-hint">{t('io.templateHint')}</p>
      <ErrorBox error={error} />
    </Modal>
  );
}
