/**
 * 导入单位… / 导入机构… / 导入分年份人口…: pick a .xlsx/.csv, choose the coordinate system (tables
 * only), import into the active scenario (all rows or none) and show the report; the tables reload
 * after a successful import, and with them the gaps.
 */
import { useState } from 'react';
import { useLang } from '../i18n/index.ts';
import { DialogButtons, ErrorBox, Modal } from '../dialogs/Modal.tsx';
import { useActiveScenario, useAppActions, useAppData } from '../state/AppContext.tsx';
import { useUi } from '../state/UiContext.tsx';
import type { ImportReport, TableName } from '../state/types.ts';
import { useScenarioName } from '../scenarios/ScenarioSwitcher.tsx';
import { fileToBase64 } from './files.ts';
import { ImportReportView } from './ImportReportView.tsx';
import './io.css';

const CRS = ['wgs84', 'gcj02', 'bd09'] as const;
type Crs = (typeof CRS)[number];

const TITLE = { units: 'io.importUnitsTitle', facilities: 'io.importFacilitiesTitle', populations: 'io.importPopulationsTitle' } as const;

export function ImportDialog({ table }: { table: TableName | 'populations' }) {
  const { t } = useLang();
  const { scenarioId, status } = useAppData();
  const { invoke, write, reloadRows } = useAppActions();
  const { closeDialog, notify, setTab } = useUi();
  const scenario = useActiveScenario();
  const nameOf = useScenarioName();
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState<'' | 'reading' | 'importing'>('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    if (!file || busy) return;
    setError(null);
    setReport(null);
    try {
      setBusy('reading');
      const dataBase64 = await fileToBase64(file);
      setBusy('importing');
      const fileArg = { fileName: file.name, dataBase64 };
      const run = () => (table === 'populations'
        ? invoke('populations.import', { scenarioId, file: fileArg, dryRun })
        : invoke('table.import', { scenarioId, table, file: fileArg, crs, dryRun }));
      const r = dryRun ? await run() : await write(run);
      setReport(r);
      setBusy('');
      if (r.ok && !r.dryRun) {
        await reloadRows();
        if (table !== 'populations') setTab(table);
        notify(t('io.success', { added: r.added, changed: r.changed, unchanged: r.unchanged }));
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy('');
    }
  };

  const done = report?.ok && !report.dryRun;
  return (
    <Modal
      title={t(TITLE[table])}
      testId={`import-dialog-${table}`}
      wide
      onClose={closeDialog}
      onSubmit={() => (done ? closeDialog() : void submit())}
      footer={done
        ? <button type="submit" className="btn primary" data-testid="dialog-submit">{t('dialog.close')}</button>
        : <DialogButtons primary={t(dryRun ? 'io.check' : 'io.run')} busy={!!busy} disabled={!file || !!status?.plan?.readOnly && !dryRun} onCancel={closeDialog} />}
    >
      <div className="import-into">{t('io.into', { name: nameOf(scenario) })}</div>
      <div className="field">
        <span>{t('io.file')}</span>
        <div className="file-row">
          <label className="btn file-btn">
            {t('io.chooseFile')}
            <input type="file" className="file-native" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); setError(null); }} data-testid="import-file-input" />
          </label>
          <span className="file-name" data-testid="import-file-name">{file ? file.name : t('io.noFile')}</span>
        </div>
      </div>
      {table !== 'populations' && <div className="field">
        <span>{t('io.crs')}</span>
        <div className="crs-row">
          {CRS.map((c) => (
            <label key={c}><input type="radio" name="crs" checked={crs === c} onChange={() => setCrs(c)} data-testid={`import-crs-${c}`} />{t(`io.${c}`)}</label>
          ))}
        </div>
      </div>}
      <label className="check-row">
        <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-testid="import-dry-run" />{t('io.dryRun')}
      </label>
      <p className="field-hint">{t('io.hint')}</p>
      {table === 'populations' && <p className="field-hint" data-testid="import-populations-hint">{t('io.populationsHint')}</p>}
      {busy && <div className="import-busy" role="status">{t(busy === 'reading' ? 'io.readingFile' : 'io.running')}</div>}
      <ErrorBox error={error} />
      {report && <ImportReportView report={report} />}
    </Modal>
  );
}
