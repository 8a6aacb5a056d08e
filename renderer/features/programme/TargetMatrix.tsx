/**
 * 逐年达标情况, before → with the programme: each target of the set (region line) against the years, each
 * cell the figure with the programme (coloured by its status, as the timeline's matrix: 达标 green, 接近
 * amber, 不足 red) over the figure without it; 达标年份 before → after; 约束性 targets marked; under a
 * target not met by the last year, what the engine says it would take.
 */
import type { ProgrammeCell, ProgrammeOut, ProgrammeTarget } from '../../../shared/api/methods/programme.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { labelIn } from '../../ui/i18n/labels.ts';
import { unitEn } from '../../ui/wording/vocabulary.ts';

const NUM = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function TargetMatrix({ result }: { result: ProgrammeOut }) {
  const { t, lang } = useLang();
  const years = result.years.map((y) => y.year);
  const targets = [...result.targets].sort((a, b) => Number(b.binding) - Number(a.binding));
  return (
    <section className="pg-section" data-testid="pg-matrix">
      <header className="pg-section-head">
        <h3>{t('programme.matrix.title')}</h3>
        <span className="pg-legend">
          <span className="pg-legend-after">{t('programme.matrix.legendAfter')}</span>
          <span className="pg-legend-before">{t('programme.matrix.legendBefore')}</span>
        </span>
      </header>
      <div className="pg-scroll">
        <table className="pg-matrix">
          <thead>
            <tr>
              <th scope="col" className="pg-target-h">
                {t('programme.matrix.target')}
              </th>
              {years.map((y) => (
                <th key={y} scope="col" className="pg-year-h">
                  {y}
                </th>
              ))}
              <th scope="col" className="pg-met-h">
                {t('programme.matrix.metYear')}
              </th>
            </tr>
          </thead>
          <tbody>
            {targets.map((x) => (
              <TargetRow key={x.target} x={x} years={years} lang={lang} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TargetRow({ x, years, lang }: { x: ProgrammeTarget; years: number[]; lang: 'zh-CN' | 'en' }) {
  const { t } = useLang();
  const met = (y: number | null) => (y === null ? t('programme.matrix.never') : String(y));
  // The unit as the engine writes it (张, 人 …) in Chinese; in English only where it has a word (m², km²).
  const unit = labelIn({ zh: x.unit, en: unitEn(x.unit) }, lang);
  const improved = x.met_year !== null && (x.met_year_before === null || x.met_year < x.met_year_before);
  return (
    <>
      <tr data-testid="pg-target" data-target={x.target} data-binding={x.binding}>
        <th scope="row" className="pg-target">
          <span className="pg-target-name">
            {x.binding && (
              <span className="pg-binding" data-testid="pg-binding">
                {t('programme.matrix.binding')}
              </span>
            )}
            {labelIn({ zh: x.name, en: x.nameEn }, lang)}
          </span>
          {(unit || !x.modelled) && (
            <span className="pg-target-sub" title={!x.modelled ? t('programme.matrix.notModelled') : undefined}>
              {unit}
              {!x.modelled ? `${unit ? ' · ' : ''}${t('programme.matrix.notModelled')}` : ''}
            </span>
          )}
        </th>
        {years.map((y) => (
          <Cell key={y} year={y} target={x.target} after={x.by_year[String(y)]} before={x.before[String(y)]} />
        ))}
        <td className={`pg-met${improved ? ' is-better' : x.met_year === null ? ' is-never' : ''}`} data-testid="pg-met-year">
          {met(x.met_year_before)} → {met(x.met_year)}
        </td>
      </tr>
      {x.unmet && (
        <tr className="pg-unmet-row">
          <td colSpan={years.length + 2} className={`pg-unmet${x.unmet.reachable ? '' : ' is-not'}`} data-testid="pg-unmet" data-target={x.target}>
            {labelIn({ zh: x.unmet.text, en: x.unmet.textEn }, lang)}
          </td>
        </tr>
      )}
    </>
  );
}

const fig = (c: ProgrammeCell | undefined) => (c?.value === null || c?.value === undefined ? '—' : NUM.format(c.value));

function Cell({ year, target, after, before }: { year: number; target: string; after: ProgrammeCell | undefined; before: ProgrammeCell | undefined }) {
  const { t } = useLang();
  const status = after?.status ?? 'none';
  const changed = !!after && !!before && (after.value !== before.value || after.status !== before.status);
  return (
    <td
      className={`pg-cell is-${status}${changed ? ' is-changed' : ''}`}
      data-testid="pg-cell"
      data-target={target}
      data-year={year}
      data-status={status}
      data-before={before?.status ?? 'none'}
      data-value={after?.value ?? ''}
    >
      <span className="pg-fig">
        <span className="pg-dot" aria-hidden="true" />
        {fig(after)}
      </span>
      {after?.shortfall ? <span className="pg-short">{t('programme.matrix.shortfall', { n: NUM.format(after.shortfall) })}</span> : null}
      {changed && (
        <span className={`pg-was is-${before?.status ?? 'none'}`} title={t('programme.matrix.before')}>
          <span className="pg-dot" aria-hidden="true" />
          {fig(before)}
        </span>
      )}
    </td>
  );
}
