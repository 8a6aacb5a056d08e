/**
 * What an import said: on failure every problem (行, 列, 值, 说明) and "未写入任何数据"; on success
 * "新增 N 条，修改 M 条，未变 K 条". Then what it passed over (notes: title rows, totals, the sheet read) and each
 * facility type it could not read, once with its rows, with a select that writes it into the plan's 机构类别对照
 * (types.setAlias) and 重新导入.
 */
import { useEffect, useRef, useState } from 'react';
import { useLang } from '../i18n/index.ts';
import { enumKeys, enumLabel, sep } from '../i18n/labels.ts';
import { useAppActions } from '../state/AppContext.tsx';
import type { ImportReport } from '../state/types.ts';
import type { FacilityType } from '../../../shared/model/kinds.ts';

const N = new Intl.NumberFormat('zh-CN');

/** Each unknown facility type with a select of ours: the choice goes to the plan's 机构类别对照, then 重新导入. */
function UnknownTypes({ unknown, onRetry }: { unknown: NonNullable<ImportReport['unknownTypes']>; onRetry?: () => void }) {
  const { t, lang } = useLang();
  const { invoke } = useAppActions();
  const [set, setSet] = useState<Record<string, FacilityType>>({});
  const [error, setError] = useState<string | null>(null);
  const choose = async (written: string, type: FacilityType) => {
    setError(null);
    try {
      await invoke('types.setAlias', { written, type });
      setSet((s) => ({ ...s, [written]: type }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="unknown-types" data-testid="import-unknown-types">
      <strong>{t('io.mapping.unknownTypes')}</strong>
      <p className="field-hint">{t('io.mapping.aliasHint')}</p>
      {unknown.map((u) => (
        <div key={u.written} className="unknown-type" data-testid="import-unknown-type" data-written={u.written}>
          <span>
            {t('io.mapping.unknownType', { written: u.written, n: N.format(u.rows.length), count: u.rows.length, rows: u.rows.join(sep(lang, 'list')) })}
          </span>
          <label className="unknown-type-map">
            {t('io.mapping.mapTo')}
            <select
              value={set[u.written] ?? ''}
              data-testid="import-unknown-type-select"
              aria-label={u.written}
              onChange={(e) => {
                if (e.target.value) void choose(u.written, e.target.value as FacilityType);
              }}
            >
              <option value="" disabled>
                {t('io.mapping.choose')}
              </option>
              {enumKeys('facilityType').map((k) => (
                <option key={k} value={k}>
                  {enumLabel('facilityType', k, lang)}
                </option>
              ))}
            </select>
          </label>
          {set[u.written] && (
            <span className="import-meta" data-testid="import-alias-saved">
              {t('io.mapping.aliasSaved', { written: u.written, type: enumLabel('facilityType', set[u.written], lang) })}
            </span>
          )}
        </div>
      ))}
      {error && (
        <div className="mapping-missing" role="alert">
          {error}
        </div>
      )}
      {onRetry && Object.keys(set).length > 0 && (
        <button type="button" className="btn primary" onClick={onRetry} data-testid="import-retry">
          {t('io.mapping.reimport')}
        </button>
      )}
    </div>
  );
}

export function ImportReportView({ report, onRetry }: { report: Omit<ImportReport, 'table'>; onRetry?: () => void }) {
  const { t, lang } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new report is the trigger: it shows below the step, scrolled to on a small screen
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [report]);
  const counts = { added: N.format(report.added), changed: N.format(report.changed), unchanged: N.format(report.unchanged) };
  return (
    <div ref={ref} className="import-report" data-testid="import-report" data-ok={report.ok}>
      {report.ok ? (
        <div className="import-ok" role="status" data-testid="import-success">
          {t(report.dryRun ? 'io.dryRunOk' : 'io.success', counts)}
        </div>
      ) : (
        <div className="import-failed" role="alert" data-testid="import-failed">
          <strong>{t('io.failed')}</strong>
          <div>{t('io.problems', { n: report.problems.length + report.problemsTruncated })}</div>
        </div>
      )}
      <div className="import-meta">
        {report.fileName} · {t('io.encoding', { enc: report.encoding, rows: N.format(report.rows) })}
        {report.ignoredColumns.length > 0 && <div data-testid="import-ignored">{t('io.ignored', { cols: report.ignoredColumns.join('、') })}</div>}
      </div>
      {report.notes && report.notes.length > 0 && (
        <div className="import-notes" data-testid="import-notes">
          <strong>{t('io.mapping.notes')}</strong>
          <ul>
            {report.notes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a report's notes in file order, never reordered
              <li key={i} data-testid="import-note">
                {lang === 'en' ? n.messageEn : n.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.unknownTypes && report.unknownTypes.length > 0 && <UnknownTypes unknown={report.unknownTypes} {...(onRetry ? { onRetry } : {})} />}
      {report.problems.length > 0 && (
        <div className="problem-scroll">
          <table className="problem-table" data-testid="import-problems">
            <thead>
              <tr>
                <th className="num">{t('io.row')}</th>
                <th>{t('io.column')}</th>
                <th>{t('io.value')}</th>
                <th>{t('io.message')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((pr, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a report's problems in file order, never reordered
                <tr key={i} data-testid="import-problem">
                  <td className="num">{pr.row === 0 ? t('io.wholeFile') : pr.row}</td>
                  <td>{pr.column ?? ''}</td>
                  <td className="val">{pr.value ?? ''}</td>
                  <td>{lang === 'en' ? pr.messageEn : pr.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.problemsTruncated > 0 && <div className="import-meta">{t('io.truncated', { n: report.problemsTruncated })}</div>}
        </div>
      )}
    </div>
  );
}
