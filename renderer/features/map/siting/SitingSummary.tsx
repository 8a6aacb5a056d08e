/**
 * The answer in figures: how good it is (已证明最优, or how far from the optimum at most; LSCP: the
 * fewest sites any answer needs), the solver and time, and the area's coverage before → after
 * (p-median also the mean travel time).
 */
import type { SitingResultOut } from '../../../../shared/siting/query.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { fmtInt, fmtShare } from '../format.ts';
import { SitingOtherLine } from '../ConditionsFields.tsx';

function useQuality(r: SitingResultOut): string {
  const { t } = useLang();
  if (r.optimal) return t('map.siting.quality.optimal');
  if (r.model === 'lscp') return t('map.siting.quality.lscpBound', { bound: Math.ceil(r.bound - 1e-9), n: r.chosen.length });
  const gap = r.gap * 100;
  return gap < 0.05 ? t('map.siting.quality.gapTiny') : t('map.siting.quality.gap', { gap: gap.toFixed(1) });
}

export function SitingSummary({ result: r }: { result: SitingResultOut }) {
  const { t } = useLang();
  const quality = useQuality(r);
  const share = (n: number) => (r.totalPopulation ? n / r.totalPopulation : null);
  const points = r.totalPopulation ? ((r.coveredAfter - r.coveredBefore) / r.totalPopulation) * 100 : 0;
  return (
    <div className="siting-summary">
      <p className={`siting-quality${r.optimal ? ' is-optimal' : ''}`} data-testid="siting-quality" data-optimal={r.optimal} data-gap={r.gap}>
        <strong>
          {r.optimal ? '✓ ' : ''}
          {quality}
        </strong>
        <span>{t(r.solver === 'highs' ? 'map.siting.solver.highs' : 'map.siting.solver.greedy')}</span>
        <span>{t('map.siting.took', { s: (r.ms / 1000).toFixed(1) })}</span>
      </p>
      <dl className="siting-figures">
        <dt>{t('map.siting.sum.covered')}</dt>
        <dd data-testid="siting-covered" data-before={r.coveredBefore} data-after={r.coveredAfter} data-total={r.totalPopulation}>
          {fmtInt(r.coveredBefore)} → <strong>{fmtInt(r.coveredAfter)}</strong>
          <span className="siting-of">{t('map.siting.sum.of', { n: fmtInt(r.totalPopulation) })}</span>
        </dd>
        <dt>{t('map.siting.sum.share')}</dt>
        <dd>
          {fmtShare(share(r.coveredBefore))} → <strong>{fmtShare(share(r.coveredAfter))}</strong>
          {points > 0 && <span className="siting-delta">+{t('map.siting.sum.points', { n: points.toFixed(1) })}</span>}
        </dd>
        {r.model !== 'pmedian' && (
          <>
            <dt>{t('map.siting.sum.gained')}</dt>
            <dd className="siting-gain" data-testid="siting-gained">
              {t('map.siting.sum.people', { n: fmtInt(r.coveredAfter - r.coveredBefore) })}
            </dd>
          </>
        )}
        {r.meanMinutesBefore !== null && r.meanMinutesAfter !== null && (
          <>
            <dt>{t('map.siting.sum.mean')}</dt>
            <dd data-testid="siting-mean">{t('map.siting.sum.minutes', { before: r.meanMinutesBefore.toFixed(1), after: r.meanMinutesAfter.toFixed(1) })}</dd>
          </>
        )}
        {r.unreachable > 0 && (
          <>
            <dt title={t('map.siting.sum.unreachableTip')}>{t('map.siting.sum.unreachable')}</dt>
            <dd title={t('map.siting.sum.unreachableTip')} className="siting-unreachable">
              {t('map.siting.sum.people', { n: fmtInt(r.unreachable) })}
            </dd>
          </>
        )}
      </dl>
      <SitingOtherLine result={r} />
    </div>
  );
}
