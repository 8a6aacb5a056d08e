/**
 * 路网与边界: what road network and boundaries the plan has, importing them (GeoJSON, .osm.pbf) with a
 * report of what was kept, dropped and refused, the speeds by road class, and removing the network.
 */
import { useState } from 'react';
import type { BoundaryImportReport, RoadImportReport, RoadSummary } from '../../../shared/api/contract.ts';
import { useQuery } from '../../api/index.ts';
import { DialogButtons, ErrorBox, Modal } from '../../ui/dialogs/Modal.tsx';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { fileToBase64 } from '../../ui/io/files.ts';
import { FeatureProblems } from './FeatureProblems.tsx';
import { SpeedTable } from './SpeedTable.tsx';
import { PeakTable } from './PeakTable.tsx';
import './roads.css';

const KM = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
type Kind = 'roads' | 'boundaries';
type Report = { kind: 'roads'; r: RoadImportReport } | { kind: 'boundaries'; r: BoundaryImportReport };

export function RoadsDialog() {
  const { t, lang } = useLang();
  const { invoke, write } = useAppActions();
  const { status } = useAppData();
  const { closeDialog, notify, geoChanged } = useUi();
  const readOnly = !!status?.plan?.readOnly;
  // Read again after each import, clear or speed saved: they are writes, and the revision moves.
  const roads = useQuery('roads.summary', {});
  const boundaries = useQuery('boundaries.summary', {});
  const peak = useQuery('roads.peakFactors', {});
  const summary: RoadSummary | null = roads.data;
  const boundaryUnits = boundaries.data?.units ?? null;
  const [kind, setKind] = useState<Kind>('roads');
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState<'wgs84' | 'gcj02' | 'bd09'>('wgs84');
  const [dryRun, setDryRun] = useState(false);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const f = { fileName: file.name, dataBase64: await fileToBase64(file) };
      const run = () =>
        kind === 'roads'
          ? invoke('roads.import', { file: f, crs, dryRun }).then((r): Report => ({ kind: 'roads', r }))
          : invoke('boundaries.import', { file: f, crs, dryRun, replace }).then((r): Report => ({ kind: 'boundaries', r }));
      const rep = dryRun ? await run() : await write(run);
      setReport(rep);
      if (rep.r.ok && !dryRun) geoChanged(); // the map draws the new network and boundaries
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    if (!window.confirm(t('roads.clearConfirm'))) return;
    try {
      const { deleted } = await write(() => invoke('roads.clear', {}));
      notify(t('roads.cleared', { n: deleted }));
      geoChanged();
    } catch (e) {
      setError(e);
    }
  };

  const classes = summary
    ? Object.entries(summary.kmByClass)
        .map(([c, km]) => `${c || '—'} ${KM.format(km)}`)
        .join(' · ')
    : '';
  return (
    <Modal
      title={t('roads.title')}
      testId="roads-dialog"
      wide
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={<DialogButtons primary={t(dryRun ? 'roads.check' : 'roads.run')} busy={busy} disabled={!file || (readOnly && !dryRun)} onCancel={closeDialog} />}
    >
      <section className="roads-summary" data-testid="roads-summary">
        <div>
          {summary && summary.segments > 0 ? (
            <>
              {t('roads.network', { segments: summary.segments.toLocaleString('zh-CN'), km: KM.format(summary.km) })}
              {summary.importedAt && <span className="roads-muted"> · {t('roads.imported', { at: new Date(summary.importedAt).toLocaleString(lang) })}</span>}
              <div className="roads-muted">{classes}</div>
            </>
          ) : (
            t('roads.noNetwork')
          )}
        </div>
        <div>{boundaryUnits ? t('roads.boundaries', { n: boundaryUnits }) : t('roads.noBoundaries')}</div>
      </section>

      <fieldset className="roads-import">
        <legend>{t('roads.importTitle')}</legend>
        <div className="radio-row">
          {(['roads', 'boundaries'] as const).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="roads-kind"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setReport(null);
                }}
                data-testid={`roads-kind-${k}`}
              />
              {t(k === 'roads' ? 'roads.kindRoads' : 'roads.kindBoundaries')}
            </label>
          ))}
        </div>
        <label className="btn file-btn">
          {t('roads.chooseFile')}
          <input
            type="file"
            className="file-native"
            accept=".geojson,.json,.pbf"
            data-testid="roads-file-input"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setError(null);
            }}
          />
        </label>
        <span className="file-name" data-testid="roads-file-name">
          {file ? file.name : t('io.noFile')}
        </span>
        <div className="crs-row">
          {(['wgs84', 'gcj02', 'bd09'] as const).map((c) => (
            <label key={c}>
              <input type="radio" name="roads-crs" checked={crs === c} onChange={() => setCrs(c)} />
              {t(`io.${c}`)}
            </label>
          ))}
        </div>
        <label className="check-row">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-testid="roads-dry-run" />
          {t('io.dryRun')}
        </label>
        {kind === 'boundaries' && (
          <label className="check-row">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
            {t('roads.replace')}
          </label>
        )}
        <p className="field-hint">{t('roads.hint')}</p>
      </fieldset>

      {busy && (
        <div className="import-busy" role="status" data-testid="roads-busy">
          {t('roads.reading')}
        </div>
      )}
      <ErrorBox error={error ?? roads.error ?? boundaries.error} />
      {report && <ImportOutcome report={report} />}

      {summary && <SpeedTable speeds={summary.speeds} readOnly={readOnly} />}
      {summary && summary.segments > 0 && peak.data && <PeakTable table={peak.data} readOnly={readOnly} />}
      {summary && summary.segments > 0 && !readOnly && (
        <div>
          <button type="button" className="btn" onClick={() => void clear()} data-testid="roads-clear">
            {t('roads.clear')}
          </button>
        </div>
      )}
    </Modal>
  );
}

function ImportOutcome({ report }: { report: Report }) {
  const { t } = useLang();
  if (report.kind === 'roads') {
    const r = report.r;
    const dropped = Object.entries(r.dropped)
      .map(([c, n]) => `${c} ${n}`)
      .join('、');
    return (
      <div className="import-report" data-testid="roads-report" data-ok={r.ok}>
        <div className={r.ok ? 'import-ok' : 'import-failed'} role="status">
          {r.ok
            ? t(r.dryRun ? 'roads.roadsDry' : 'roads.roadsOk', { segments: r.segments.toLocaleString('zh-CN'), km: KM.format(r.km) })
            : t('roads.roadsFailed')}
        </div>
        {dropped && <div className="import-meta">{t('roads.dropped', { list: dropped })}</div>}
        <FeatureProblems problems={r.problems} truncated={r.problemsTruncated} />
      </div>
    );
  }
  const r = report.r;
  return (
    <div className="import-report" data-testid="roads-report" data-ok={r.ok}>
      <div className={r.ok ? 'import-ok' : 'import-failed'} role="status">
        {r.ok
          ? t(r.dryRun ? 'roads.boundariesDry' : 'roads.boundariesOk', { matched: r.matched, byCode: r.byCode, byName: r.byName })
          : t('roads.boundariesFailed')}
      </div>
      <FeatureProblems
        problems={[
          ...r.unmatched.map((u) => ({
            feature: u.feature,
            message: `${u.name ?? u.code ?? ''} ${u.reason}`.trim(),
            messageEn: `${u.name ?? u.code ?? ''} ${u.reasonEn}`.trim(),
          })),
          ...r.problems,
        ]}
        truncated={r.problemsTruncated}
      />
    </div>
  );
}
