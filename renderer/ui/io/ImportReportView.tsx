/**
 * What an import said: on failure every problem (行, 列, 值, 说明) and "未写入任何数据"; on success
 * "新增 N 条，修改 M 条，未变 K 条".
 */
import { useLang } from '../i18n/index.ts';
import type { ImportReport } from '../state/types.ts';

const N = new Intl.NumberFormat('zh-CN');

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, lang } = useLang();
  const counts = { added: N.format(report.added), changed: N.format(report.changed), unchanged: N.format(report.unchanged) };
  return (
    <div className="import-report" data-testid="import-report" data-ok={report.ok}>
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
      {report.problems.length > 0 && (
        <div className="problem-scroll">
          <table className="problem-table" data-testid="import-problems">
            <thead>
              <tr><th className="num">{t('io.row')}</th><th>{t('io.column')}</th><th>{t('io.value')}</th><th>{t('io.message')}</th></tr>
            </thead>
            <tbody>
              {report.problems.map((pr, i) => (
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
