/**
 * 导入单位… / 导入机构… / 导入分年份人口…: pick a .xlsx/.csv, choose the coordinate system (tables
 * only), import into the active scenario (all rows or none) and show the report; the tables reload
 * after a successful import, and with them the gaps.
 *
 * A file chosen is first read with `sheets.inspect`: a workbook of several sheets gets a sheet picker; headers
 * that are not sure (and not a layout the plan remembers) get the mapping step (MappingStep.tsx), and 确认并导入
 * imports with that mapping (the plan remembers it). A remembered mapping is said in one line, with 更改对应….
 */
import { useRef, useState } from 'react';
import { useLang } from '../i18n/index.ts';
import { sep } from '../i18n/labels.ts';
import { isIgnorableHeader } from '../../../shared/model/mapping.ts';
import { DialogButtons, ErrorBox, Modal } from '../dialogs/Modal.tsx';
import { useActiveScenario, useAppActions, useAppData } from '../state/AppContext.tsx';
import { useUi } from '../state/UiContext.tsx';
import type { ImportReport, TableName } from '../state/types.ts';
import { useScenarioName } from '../scenarios/ScenarioSwitcher.tsx';
import { fileToBase64 } from './files.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { MappingStep, mappingReady } from './MappingStep.tsx';
import type { ColumnMapping, MappingProposal, SheetInspectOut } from '../../../shared/api/methods/sheets.ts';
import './io.css';

const CRS = ['wgs84', 'gcj02', 'bd09'] as const;
type Crs = (typeof CRS)[number];

/** The proposal as a mapping: every non-empty header → its field or null (mapping.ts' mappingOf). */
const mappingOf = (p: MappingProposal): ColumnMapping => Object.fromEntries(p.columns.filter((c) => c.header).map((c) => [c.header, c.field]));

/**
 * The step opens when the import would refuse the headers: a column's field guessed (from the header or the
 * values), a required field missing, two columns on one field. Headers merely not recognised (联系电话, a
 * populations sheet's 名称) are ignored as before and said in one line, with a link to the step.
 */
const needsStep = (p: MappingProposal): boolean =>
  p.missingRequired.length > 0 || p.duplicates.length > 0 || p.columns.some((c) => c.how === 'guess' || c.how === 'values');

type Inspected = Pick<SheetInspectOut, 'proposal' | 'headerRow' | 'preview' | 'remembered' | 'sheet' | 'sheets'>;

const TITLE = { units: 'io.importUnitsTitle', facilities: 'io.importFacilitiesTitle', populations: 'io.importPopulationsTitle' } as const;

export function ImportDialog({ table }: { table: TableName | 'populations' }) {
  const { t, lang } = useLang();
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
  const [bytes, setBytes] = useState<string | null>(null);
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  /** The mapping as the planner sets it in the step (null: none given, the import reads the headers or the remembered mapping). */
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  /** The step shown. */
  const [step, setStep] = useState(false);
  /** The import gives the planner's mapping (the step was needed, or opened with 更改对应…). */
  const [given, setGiven] = useState(false);
  const seq = useRef(0);

  /** Reads the file's headers (and the sheet's, of a workbook): the step opens when they are not sure and the plan remembers nothing. */
  const inspect = async (f: File, sheetName: string | undefined) => {
    const mine = ++seq.current;
    setInspecting(true);
    try {
      const dataBase64 = await fileToBase64(f);
      if (mine !== seq.current) return;
      setBytes(dataBase64);
      const out = await invoke('sheets.inspect', { kind: table, file: { fileName: f.name, dataBase64 }, ...(sheetName ? { sheet: sheetName } : {}) });
      if (mine !== seq.current) return;
      setInspected(out);
      const needs = needsStep(out.proposal) && !out.remembered;
      setStep(needs);
      setGiven(needs);
      setMapping(needs ? mappingOf(out.proposal) : out.remembered ? { ...mappingOf(out.proposal), ...out.remembered } : null);
    } catch {
      // The import itself says what is wrong with the file (FILE_ERROR …), as before the step existed.
      if (mine === seq.current) {
        setInspected(null);
        setStep(false);
        setGiven(false);
        setMapping(null);
      }
    } finally {
      if (mine === seq.current) setInspecting(false);
    }
  };

  const chooseFile = (f: File | null) => {
    setFile(f);
    setReport(null);
    setError(null);
    setInspected(null);
    setStep(false);
    setGiven(false);
    setMapping(null);
    setSheet(undefined);
    setBytes(null);
    if (f) void inspect(f, undefined);
    else seq.current++;
  };

  const chooseSheet = (name: string) => {
    setSheet(name);
    setReport(null);
    setError(null);
    if (file) void inspect(file, name);
  };

  const submit = async () => {
    if (!file || busy) return;
    setError(null);
    setReport(null);
    try {
      setBusy('reading');
      const dataBase64 = bytes ?? (await fileToBase64(file));
      setBusy('importing');
      const fileArg = { fileName: file.name, dataBase64 };
      const withMapping = given && mapping ? { mapping } : {};
      const inSheet = sheet ? { sheet } : {};
      const run = () =>
        table === 'populations'
          ? invoke('populations.import', { scenarioId, file: fileArg, dryRun, ...withMapping, ...inSheet })
          : invoke('table.import', { scenarioId, table, file: fileArg, crs, dryRun, ...withMapping, ...inSheet });
      const r = dryRun ? await run() : await write(run);
      setReport(r);
      setBusy('');
      if (!r.ok && r.mapping && !given) {
        // The import found headers to confirm that the reading before did not (or could not): the step, from its proposal.
        const proposal = r.mapping;
        setInspected((prev) => ({
          proposal,
          headerRow: r.problems[0]?.row || proposal.headerIndex + 2,
          preview: [],
          remembered: null,
          ...(prev?.sheets ? { sheets: prev.sheets } : {}),
          ...(r.sheet ? { sheet: r.sheet } : {}),
        }));
        setMapping(mappingOf(proposal));
        setStep(true);
        setGiven(true);
      } else if (given) {
        setStep(false); // confirmed: one line says so (更改对应… reopens it); the report comes into view
      }
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
  const ready = !given || !mapping || mappingReady(table, mapping);
  const primary = step ? (dryRun ? 'io.mapping.confirmCheck' : 'io.mapping.confirm') : dryRun ? 'io.check' : 'io.run';
  const sheets = inspected?.sheets ?? report?.sheets;
  const unrecognised = inspected
    ? inspected.proposal.columns.filter((c) => c.header && c.how === 'none' && !isIgnorableHeader(c.header, inspected.proposal.kind)).map((c) => c.header)
    : [];
  const openStep = () => {
    if (!inspected) return;
    setMapping((m) => m ?? mappingOf(inspected.proposal));
    setStep(true);
    setGiven(true);
    setReport(null);
  };
  return (
    <Modal
      title={t(TITLE[table])}
      testId={`import-dialog-${table}`}
      wide
      onClose={closeDialog}
      onSubmit={() => (done ? closeDialog() : void submit())}
      footer={
        done ? (
          <button type="submit" className="btn primary" data-testid="dialog-submit">
            {t('dialog.close')}
          </button>
        ) : (
          <DialogButtons
            primary={t(primary)}
            busy={!!busy}
            disabled={!file || inspecting || !ready || (!!status?.plan?.readOnly && !dryRun)}
            onCancel={closeDialog}
          />
        )
      }
    >
      <div className="import-into">{t('io.into', { name: nameOf(scenario) })}</div>
      <div className="field">
        <span>{t('io.file')}</span>
        <div className="file-row">
          <label className="btn file-btn">
            {t('io.chooseFile')}
            <input
              type="file"
              className="file-native"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
              data-testid="import-file-input"
            />
          </label>
          <span className="file-name" data-testid="import-file-name">
            {file ? file.name : t('io.noFile')}
          </span>
        </div>
      </div>
      {table !== 'populations' && (
        <div className="field">
          <span>{t('io.crs')}</span>
          <div className="crs-row">
            {CRS.map((c) => (
              <label key={c}>
                <input type="radio" name="crs" checked={crs === c} onChange={() => setCrs(c)} data-testid={`import-crs-${c}`} />
                {t(`io.${c}`)}
              </label>
            ))}
          </div>
        </div>
      )}
      <label className="check-row">
        <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-testid="import-dry-run" />
        {t('io.dryRun')}
      </label>
      <p className="field-hint">{t('io.hint')}</p>
      {table === 'populations' && (
        <p className="field-hint" data-testid="import-populations-hint">
          {t('io.populationsHint')}
        </p>
      )}
      {sheets && sheets.length > 1 && (
        <div className="field">
          <span>{t('io.mapping.sheet')}</span>
          <div className="file-row">
            <select value={sheet ?? inspected?.sheet ?? report?.sheet ?? ''} onChange={(e) => chooseSheet(e.target.value)} data-testid="import-sheet">
              {sheets.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <span className="field-hint">{t('io.mapping.sheetHint', { n: sheets.length })}</span>
          </div>
        </div>
      )}
      {inspecting && (
        <div className="import-busy" role="status" data-testid="import-inspecting">
          {t('io.mapping.inspecting')}
        </div>
      )}
      {!step && !inspecting && inspected && mapping && (given || inspected.remembered) && (
        <div className="mapping-remembered" data-testid={given ? 'mapping-confirmed' : 'mapping-remembered'}>
          {t(given ? 'io.mapping.confirmed' : 'io.mapping.remembered')}{' '}
          <button type="button" className="link-btn" onClick={openStep} data-testid="mapping-change">
            {t('io.mapping.change')}
          </button>
        </div>
      )}
      {!step && !inspecting && inspected && !given && !inspected.remembered && unrecognised.length > 0 && (
        <div className="mapping-remembered" data-testid="mapping-unrecognised">
          {t('io.mapping.unrecognised', { cols: unrecognised.join(sep(lang, 'list')) })}{' '}
          <button type="button" className="link-btn" onClick={openStep} data-testid="mapping-open">
            {t('io.mapping.open')}
          </button>
        </div>
      )}
      {step && !inspecting && inspected && mapping && !done && (
        <MappingStep
          kind={table}
          proposal={inspected.proposal}
          headerRow={inspected.headerRow}
          preview={inspected.preview}
          mapping={mapping}
          onChange={(m) => {
            setMapping(m);
            setReport(null);
          }}
          fileName={file?.name ?? ''}
        />
      )}
      {busy && (
        <div className="import-busy" role="status">
          {t(busy === 'reading' ? 'io.readingFile' : 'io.running')}
        </div>
      )}
      <ErrorBox error={error} />
      {report && <ImportReportView report={report} onRetry={done || busy ? undefined : () => void submit()} />}
    </Modal>
  );
}
