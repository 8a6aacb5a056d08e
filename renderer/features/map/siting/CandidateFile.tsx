/**
 * 候选点表: the planner's own candidate sites from a sheet (编号、名称、经度、纬度; a coordinate system to
 * convert from). All or nothing, as every import: a bad sheet is listed by row and column and not read.
 */
import { useState } from 'react';
import type { ImportProblem } from '../../../../shared/api/import-report.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { errorText } from '../../../ui/i18n/labels.ts';
import { useAppActions } from '../../../ui/state/AppContext.tsx';
import { fileToBase64 } from '../../../ui/io/files.ts';
import '../../../ui/io/io.css';
import type { SitingSettings } from './settings.ts';

type Crs = 'wgs84' | 'gcj02' | 'bd09';
const CRS: Crs[] = ['wgs84', 'gcj02', 'bd09'];
const N = new Intl.NumberFormat('en-US');

export function CandidateFile({ settings, update }: { settings: SitingSettings; update(p: Partial<SitingSettings>): void }) {
  const { t, lang } = useLang();
  const { invoke } = useAppActions();
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [reading, setReading] = useState(false);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const read = async (file: File) => {
    setReading(true);
    setProblems(null);
    setError(null);
    try {
      const r = await invoke('siting.readCandidates', { file: { fileName: file.name, dataBase64: await fileToBase64(file) }, crs });
      if (r.problems.length) setProblems(r.problems);
      else update({ listFile: file.name, listSites: r.sites });
    } catch (e) {
      setError(e);
    } finally {
      setReading(false);
    }
  };

  return (
    <>
      <div className="access-field is-top">
        <span>{t('map.siting.cand.file')}</span>
        <div className="siting-file">
          <span className="access-inline">
            <label className="btn file-btn siting-small-btn">
              {reading ? t('map.siting.cand.reading') : t('map.siting.cand.choose')}
              <input
                type="file"
                className="file-native"
                accept=".xlsx,.csv"
                disabled={reading}
                data-testid="siting-file-input"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) void read(f);
                }}
              />
            </label>
            <select className="tool-select siting-crs" value={crs} onChange={(e) => setCrs(e.target.value as Crs)} aria-label={t('io.crs')} title={t('io.crs')}>
              {CRS.map((c) => (
                <option key={c} value={c}>
                  {t(`io.${c}`)}
                </option>
              ))}
            </select>
          </span>
          {settings.listFile ? (
            <span className="siting-file-read" data-testid="siting-file-read">
              {t('map.siting.cand.read', { file: settings.listFile, n: N.format(settings.listSites.length) })}
              <button type="button" className="link-btn" onClick={() => update({ listFile: null, listSites: [] })}>
                {t('map.siting.cand.remove')}
              </button>
            </span>
          ) : (
            <span className="siting-hint">{t('map.siting.cand.fileHint')}</span>
          )}
        </div>
      </div>
      {!!error && (
        <p className="access-message is-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
      {problems && (
        <div className="siting-problems" role="alert" data-testid="siting-file-problems">
          <p>{t('map.siting.cand.problems', { n: problems.length })}</p>
          <div className="problem-scroll">
            <table className="problem-table">
              <thead>
                <tr>
                  <th className="num">{t('io.row')}</th>
                  <th>{t('io.column')}</th>
                  <th>{t('io.value')}</th>
                  <th>{t('io.message')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a file's problems, listed once in file order and never reordered
                  <tr key={i} data-testid="siting-file-problem">
                    <td className="num">{p.row === 0 ? t('io.wholeFile') : p.row}</td>
                    <td>{p.column ?? ''}</td>
                    <td className="val">{p.value ?? ''}</td>
                    <td>{lang === 'en' ? p.messageEn : p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </>
  );
}
