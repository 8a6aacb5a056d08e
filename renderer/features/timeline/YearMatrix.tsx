/**
 * 逐年达标情况: every target of the set (rows) against the years (columns), each cell the region's
 * figure with its traffic light and shortfall as on the gap screen, the projects of each year and their
 * 投资估算 (万元, 其他项目 included) above, and the year from which each target is met. A year's header picks it as the year viewed.
 */
import { memo } from 'react';
import type { TimelineSummary } from '../../../shared/api/methods/timeline.ts';
import type { GapResult, GapStatus } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { cellFigure, requirement } from '../../ui/wording/figures.ts';
import { cellGap, gapPhrase } from '../../ui/wording/phrases.ts';
import { groupLabel, targetName } from '../../ui/wording/vocabulary.ts';

interface Props {
  summary: TimelineSummary;
  viewYear: number;
  onViewYear(y: number): void;
  projectNames: Map<number, string>;
}

/**
 * How a target fares over the years shown: met in every year, met from a year on, met then lost from a
 * year on, never met, or not evaluated year by year.
 */
export type MetFrom = { kind: 'all' | 'never' | 'unknown' } | { kind: 'since' | 'lost'; year: number };
export function metFrom(statuses: readonly (GapStatus | undefined)[], years: readonly number[]): MetFrom {
  if (statuses.every((s) => s === undefined || s === 'not_evaluated' || s === 'missing_data')) return { kind: 'unknown' };
  // The last run of years with the same answer (met, or not), counted back from the end.
  const lastMet = statuses.at(-1) === 'met';
  let i = statuses.length - 1;
  while (i > 0 && (statuses[i - 1] === 'met') === lastMet) i--;
  if (i === 0) return { kind: lastMet ? 'all' : 'never' };
  return lastMet ? { kind: 'since', year: years[i]! } : { kind: 'lost', year: years[i]! };
}

const COST = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export const YearMatrix = memo(function YearMatrix({ summary, viewYear, onViewYear, projectNames }: Props) {
  const { t, lang } = useLang();
  const years = summary.years.map((y) => y.year);
  const byYear = new Map(summary.years.map((y) => [y.year, new Map(y.results.map((r) => [r.target, r]))]));
  const groups = [...new Set(summary.targets.map((x) => x.group))];

  return (
    <table className="tl-matrix" data-testid="timeline-matrix">
      <thead>
        <tr className="tl-year-row">
          <th scope="col" className="tl-target-h">
            {t('timeline.matrix.target')}
          </th>
          {summary.years.map((y) => (
            <th
              key={y.year}
              scope="col"
              className={`tl-year-h${y.year === viewYear ? ' is-viewed' : ''}${y.year === summary.standardYear ? ' is-due' : ''}`}
              data-testid="timeline-year"
              data-year={y.year}
            >
              <button
                type="button"
                className="tl-year-btn"
                onClick={() => onViewYear(y.year)}
                title={t('timeline.matrix.pick', { year: y.year })}
                aria-pressed={y.year === viewYear}
              >
                {y.year}
                {y.year === summary.standardYear && <span className="tl-due">{t('timeline.matrix.due')}</span>}
              </button>
            </th>
          ))}
          <th scope="col" className="tl-metfrom-h">
            {t('timeline.matrix.metFrom')}
          </th>
        </tr>
        <tr className="tl-projects-row">
          <th scope="row" className="tl-target-h tl-sub">
            {t('timeline.matrix.projectsRow')}
          </th>
          {summary.years.map((y) => (
            <th
              key={y.year}
              className={`tl-projects-cell${y.year === viewYear ? ' is-viewed' : ''}`}
              data-testid="timeline-year-projects"
              data-year={y.year}
              title={y.projects.map((id) => projectNames.get(id) ?? '').join('\n') || undefined}
            >
              {y.projects.length > 0 ? (
                <span className="tl-project-count">{t('timeline.matrix.projectsN', { n: y.projects.length })}</span>
              ) : (
                <span className="tl-none">·</span>
              )}
            </th>
          ))}
          <th className="tl-metfrom-h tl-sub" />
        </tr>
        <tr className="tl-cost-row">
          <th scope="row" className="tl-target-h tl-sub">
            {t('timeline.matrix.costRow')}
          </th>
          {summary.years.map((y) => (
            <th key={y.year} className={`tl-cost-cell${y.year === viewYear ? ' is-viewed' : ''}`} data-testid="timeline-year-cost" data-year={y.year}>
              {y.cost !== 0 ? COST.format(y.cost) : <span className="tl-none">·</span>}
            </th>
          ))}
          <th className="tl-metfrom-h tl-sub tl-cost-total" data-testid="timeline-range-cost">
            {t('timeline.matrix.costTotal', { total: COST.format(summary.cost.total) })}
          </th>
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g}>
          <tr className="tl-group-row">
            <th scope="rowgroup" colSpan={years.length + 2}>
              {groupLabel(g, lang)}
            </th>
          </tr>
          {summary.targets
            .filter((x) => x.group === g)
            .map((target) => {
              const results = years.map((y) => byYear.get(y)?.get(target.id));
              return (
                <tr key={target.id} data-testid="timeline-row" data-target={target.id}>
                  <th scope="row" className="tl-target">
                    <span className="tl-target-name">{targetName(target, lang)}</span>
                    <span className="tl-target-req">
                      {requirement(target, lang, true)}
                      {target.year && target.year !== summary.standardYear ? ` · ${t('timeline.matrix.due')} ${target.year}` : ''}
                    </span>
                  </th>
                  {results.map((r, i) => (
                    <Cell key={years[i]} target={target} result={r} year={years[i]!} viewed={years[i] === viewYear} />
                  ))}
                  <MetFrom statuses={results.map((r) => r?.judged ?? r?.status)} years={years} />
                </tr>
              );
            })}
        </tbody>
      ))}
    </table>
  );
});

function Cell({ target, result, year, viewed }: { target: Target; result: GapResult | undefined; year: number; viewed: boolean }) {
  const { lang } = useLang();
  const status = result?.status ?? 'none';
  const gap = result ? cellGap(target, result, lang) : null;
  const phrase = result ? gapPhrase(target, result, lang) : null;
  return (
    <td
      className={`tl-cell is-${status}${viewed ? ' is-viewed' : ''}`}
      data-testid="timeline-cell"
      data-target={target.id}
      data-year={year}
      data-status={status}
      title={phrase ?? undefined}
    >
      {result && (
        <>
          <span className="tl-fig">
            <span className="tl-dot" aria-hidden="true" />
            {cellFigure(target, result, lang)}
          </span>
          {gap && <span className="tl-gap">{gap}</span>}
        </>
      )}
    </td>
  );
}

function MetFrom({ statuses, years }: { statuses: (GapStatus | undefined)[]; years: number[] }) {
  const { t } = useLang();
  const m = metFrom(statuses, years);
  const text =
    'year' in m
      ? t(m.kind === 'since' ? 'timeline.matrix.metSince' : 'timeline.matrix.lostFrom', { year: m.year })
      : t(m.kind === 'all' ? 'timeline.matrix.alwaysMet' : m.kind === 'never' ? 'timeline.matrix.neverMet' : 'timeline.matrix.notEvaluated');
  const tone = m.kind === 'never' || m.kind === 'lost' ? 'is-short' : m.kind === 'unknown' ? 'is-unknown' : 'is-met';
  return (
    <td className={`tl-metfrom ${tone}`} data-testid="timeline-met-from" data-kind={m.kind}>
      {text}
    </td>
  );
}
