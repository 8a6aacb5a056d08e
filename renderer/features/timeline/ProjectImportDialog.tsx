/**
 * 导入项目表…: pick a projects sheet (.xlsx/.csv, the layout 导出项目表 writes), check it first (a dry
 * run: every problem with its row, column and fix, or what would be added, changed and left), then
 * import it — all rows or none. 替换 also removes the scenario's projects that are not in the sheet
 * (the check says how many). The timeline reloads by itself after the write.
 */
import { useState } from 'react';
import type { ProjectImportReport } from '../../../shared/api/methods/timeline.ts';
import { DialogButtons, ErrorBox, Modal } from '../../ui/dialogs/Modal.tsx';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { fileToBase64, saveFileOut } from '../../ui/io/files.ts';
import { ImportReportView } from '../../ui/io/ImportReportView.tsx';
import '../../ui/io/io.css';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';

interface Props {
  scenarioName: string | null;
  onClose(): void;
}

export function ProjectImportDialog({ scenarioName, onClose }: Props) {
  const { t, lang } = useLang();
  const { scenarioId, status } = useAppData();
  const { invoke, write } = useAppActions();
  const { notify } = useUi();
  const readOnly = !!status?.plan?.readOnly;
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState<'' | 'reading' | 'checking' | 'importing'>('');
  const [report, setReport] = useState<ProjectImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  // A file or the 替换 choice changed: what was checked no longer holds.
  const reset = () => {
    setReport(null);
    setError(null);
  };
  const checked = report?.ok && report.dryRun;
  const done = report?.ok && !report.dryRun;

  const run = async (dryRun: boolean) => {
    if (!file || busy) return;
    setError(null);
    try {
      setBusy('reading');
      const dataBase64 = await fileToBase64(file);
      setBusy(dryRun ? 'checking' : 'importing');
      const args = { scenarioId, file: { fileName: file.name, dataBase64 }, dryRun, replace };
      const r = dryRun ? await invoke('projects.import', args) : await write(() => invoke('projects.import', args));
      setReport(r);
      if (r.ok && !r.dryRun) notify(t('timeline.sheet.imported', { added: r.added, changed: r.changed, unchanged: r.unchanged, removed: r.removed }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy('');
    }
  };
  const template = async () => {
    try {
      const f = await invoke('projects.template', { format: 'xlsx' });
      saveFileOut(f);
      notify(t('file.exported', { file: f.fileName }));
    } catch (e) {
      notify(errorText(e, lang), 'error');
    }
  };

  const primary = checked ? t('timeline.sheet.confirm') : t('timeline.sheet.check');
  return (
    <Modal
      title={t('timeline.sheet.importTitle')}
      testId="timeline-import-dialog"
      wide
      onClose={onClose}
      onSubmit={() => (done ? onClose() : void run(!checked))}
      footer={
        done ? (
          <button type="submit" className="btn primary" data-testid="dialog-submit">
            {t('dialog.close')}
          </button>
        ) : (
          <DialogButtons primary={primary} busy={!!busy} disabled={!file || (checked && readOnly)} onCancel={onClose} />
        )
      }
    >
      {scenarioName && <div className="import-into">{t('io.into', { name: scenarioName })}</div>}
      <div className="field">
        <span>{t('io.file')}</span>
        <div className="file-row">
          <label className="btn file-btn">
            {t('io.chooseFile')}
            <input
              type="file"
              className="file-native"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
              data-testid="import-file-input"
            />
          </label>
          <span className="file-name" data-testid="import-file-name">
            {file ? file.name : t('io.noFile')}
          </span>
          <button type="button" className="link-btn" onClick={() => void template()} data-testid="timeline-import-template">
            {t('timeline.sheet.template')}
          </button>
        </div>
      </div>
      <label className="check-row tl-import-replace">
        <span>
          <input
            type="checkbox"
            checked={replace}
            onChange={(e) => {
              setReplace(e.target.checked);
              reset();
            }}
            data-testid="timeline-import-replace"
          />
          {t('timeline.sheet.replace')}
        </span>
        <span className="field-hint">{t('timeline.sheet.replaceHint')}</span>
      </label>
      <p className="field-hint">{t('timeline.sheet.hint')}</p>
      {busy && (
        <div className="import-busy" role="status">
          {t(busy === 'reading' ? 'io.readingFile' : busy === 'checking' ? 'timeline.sheet.checking' : 'io.running')}
        </div>
      )}
      <ErrorBox error={error} />
      {report && <ImportReportView report={report} />}
      {report?.ok && report.removed > 0 && (
        <div className="tl-import-removed" data-testid="timeline-import-removed">
          {t(report.dryRun ? 'timeline.sheet.willRemove' : 'timeline.sheet.removed', { count: report.removed })}
        </div>
      )}
      {checked && (
        <p className="field-hint" data-testid="timeline-import-next">
          {t('timeline.sheet.next')}
        </p>
      )}
    </Modal>
  );
}
