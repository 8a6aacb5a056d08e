/**
 * 通行条件: free flow (平峰) or the peak hour (高峰: each road class's speed × the plan's peak factors,
 * set in 路网与边界), and — in the access panel — whether to give the other condition's coverage beside.
 * Also the line that gives that coverage under a result.
 */
import type { TravelConditions } from '../../../shared/access/conditions.ts';
import type { AccessResultOut } from '../../../shared/access/result.ts';
import type { SitingResultOut } from '../../../shared/siting/query.ts';
import { useLang } from '../../ui/i18n/index.ts';

export interface Conditions {
  conditions?: TravelConditions;
  compare?: boolean;
  siteFor?: 'worse';
}

export function ConditionsFields({
  value,
  onChange,
  testIdPrefix,
  compare = false,
  siteFor = false,
}: {
  value: Conditions;
  onChange(p: Conditions): void;
  testIdPrefix: string;
  /** Offer the side-by-side checkbox (the access panel). */
  compare?: boolean;
  /** Offer "site for the worse of the two" (the siting panel). */
  siteFor?: boolean;
}) {
  const { t } = useLang();
  return (
    <>
      <label className="access-field">
        <span>{t('roads.peak.conditions')}</span>
        <select
          className="tool-select"
          value={value.conditions ?? 'free'}
          onChange={(e) => onChange({ conditions: e.target.value as TravelConditions })}
          data-testid={`${testIdPrefix}-conditions`}
        >
          <option value="free">{t('roads.peak.free')}</option>
          <option value="peak">{t('roads.peak.peak')}</option>
        </select>
      </label>
      {compare && (
        <label className="access-check">
          <input type="checkbox" checked={!!value.compare} onChange={(e) => onChange({ compare: e.target.checked })} data-testid={`${testIdPrefix}-compare`} />
          {t('roads.peak.compare')}
        </label>
      )}
      {siteFor && (
        <label className="access-check">
          <input
            type="checkbox"
            checked={value.siteFor === 'worse'}
            onChange={(e) => onChange({ siteFor: e.target.checked ? 'worse' : undefined })}
            data-testid={`${testIdPrefix}-site-for-worse`}
          />
          {t('roads.peak.siteForWorse')}
        </label>
      )}
    </>
  );
}

/** The siting proposal under the other condition: "高峰时：覆盖 0 → 1,000；不再全部达标（2,000 人不再覆盖）". */
export function SitingOtherLine({ result: r }: { result: SitingResultOut }) {
  const { t } = useLang();
  const o = r.other;
  if (!o) return null;
  const pct = (n: number) => (r.totalPopulation > 0 ? `${((n / r.totalPopulation) * 100).toFixed(1)}%` : '—');
  const verdict = o.meetsRule ? 'roads.peak.stillMeets' : r.meetsRule ? 'roads.peak.noLongerMeets' : 'roads.peak.notMet';
  return (
    <p className={`siting-other${o.meetsRule ? '' : ' is-warn'}`} data-testid="siting-other" data-conditions={o.conditions} data-meets={o.meetsRule}>
      {t('roads.peak.sitingOther', {
        when: t(o.conditions === 'peak' ? 'roads.peak.peak' : 'roads.peak.free'),
        before: pct(o.coveredBefore),
        after: pct(o.coveredAfter),
        verdict: t(verdict),
      })}
      {o.lost >= 0.5 && t('roads.peak.lost', { n: Math.round(o.lost).toLocaleString('en-US') })}
    </p>
  );
}

/**
 * "高峰时：覆盖 68.8%（3,000 人中 1,000 人）" for this run's condition, then the other's, when the run gave both
 * (--compare): side by side, each saying its condition, so neither share is read as the other's.
 */
export function ComparedLine({ result }: { result: Pick<AccessResultOut, 'conditions' | 'units' | 'compared'> }) {
  const { compared } = result;
  if (!compared) return null;
  return (
    <>
      <ConditionLine conditions={result.conditions ?? 'free'} units={result.units} testId="access-own-condition" />
      <ConditionLine conditions={compared.conditions} units={compared.units} testId="access-compared" />
    </>
  );
}

function ConditionLine({
  conditions,
  units,
  testId,
}: {
  conditions: TravelConditions;
  units: readonly { scope: string; population: number; covered: number; share: number | null }[];
  testId: string;
}) {
  const { t } = useLang();
  const region = units.find((u) => u.scope === 'region');
  if (!region) return null;
  return (
    <p className="access-uncovered" data-testid={testId} data-conditions={conditions}>
      {t('roads.peak.comparedLine', {
        when: t(conditions === 'peak' ? 'roads.peak.peak' : 'roads.peak.free'),
        share: region.share === null ? '—' : `${(region.share * 100).toFixed(1)}%`,
        population: Math.round(region.population).toLocaleString('en-US'),
        covered: Math.round(region.covered).toLocaleString('en-US'),
      })}
    </p>
  );
}
