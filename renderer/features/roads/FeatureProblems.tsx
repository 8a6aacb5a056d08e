/** The features an import could not use, each with its number in the file and why. */
import type { FeatureProblem } from '../../../shared/api/contract.ts';
import { useLang } from '../../ui/i18n/index.ts';

export function FeatureProblems({ problems, truncated }: { problems: readonly FeatureProblem[]; truncated: number }) {
  const { t, lang } = useLang();
  if (problems.length === 0) return null;
  return (
    <div className="problem-scroll">
      <div className="import-meta">{t('roads.problems', { n: problems.length + truncated })}</div>
      <table className="problem-table" data-testid="roads-problems">
        <thead>
          <tr>
            <th className="num">{t('roads.feature')}</th>
            <th>{t('roads.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only report of one file's problems, never reordered; a feature may have several
            <tr key={i} data-testid="roads-problem">
              <td className="num">{p.feature === 0 ? t('io.wholeFile') : p.feature}</td>
              <td>{lang === 'en' ? p.messageEn : p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {truncated > 0 && <div className="import-meta">{t('io.truncated', { n: truncated })}</div>}
    </div>
  );
}
