/**
 * The traffic light of a result: 达标 green, 接近 amber, 不足 red, 数据不全 grey, 未评估 grey outline;
 * 未到期 and 参考 neutral, with what the verdict would be now beside them (never red).
 */
import type { GapStatus } from '../../../shared/gaps/result.ts';
import { useLang } from '../../ui/i18n/index.ts';

export function StatusLight({ status, judged, due }: { status: GapStatus; judged?: GapStatus; due?: number }) {
  const { t } = useLang();
  const aside = (status === 'not_due' || status === 'reference') && judged ? t(`gaps.aside.${status}`, { due, now: t(`gaps.status.${judged}`) }) : undefined;
  return (
    <span className={`gap-light is-${status}`} data-testid="gap-light" data-status={status} data-judged={judged} title={aside}>
      <span className="gap-dot" aria-hidden="true" />
      {t(`gaps.status.${status}`)}
      {aside && status === 'not_due' && <span className="gap-light-now">{due}</span>}
    </span>
  );
}

/** Source badges: 约束性 (binding) and 待核实 (not confirmed from an original document). */
export function TargetBadges({ binding, unverified }: { binding: boolean; unverified: boolean }) {
  const { t } = useLang();
  return (
    <>
      {binding && (
        <span className="gap-badge is-binding" data-testid="badge-binding">
          {t('gaps.badge.binding')}
        </span>
      )}
      {unverified && (
        <span className="gap-badge is-unverified" data-testid="badge-unverified">
          {t('gaps.badge.unverified')}
        </span>
      )}
    </>
  );
}
