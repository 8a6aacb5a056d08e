/**
 * 数据检查：N 条影响这些数字 — the data check's findings that change a figure of the set and year the gap
 * screen shows (counts.touchingTargets), as a button opening the check for them; hidden when there are none.
 */
import type { GapSettings } from '../../../shared/api/contract.ts';
import { useQuery } from '../../api/index.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';

export function CheckCount({ settings }: { settings: GapSettings | null }) {
  const { t } = useLang();
  const { scenarioId, status } = useAppData();
  const { openDialog } = useUi();
  const args = { scenarioId, standardId: settings?.standardId ?? '', year: settings?.year ?? 0 };
  const check = useQuery('plan.check', args, { enabled: !!status?.plan?.path && !!settings });
  const n = check.data?.counts.touchingTargets ?? 0;
  if (!settings || !n) return null;
  return (
    <button
      type="button"
      className="tool-btn gaps-check-count"
      title={t('check.gapsCountHint')}
      onClick={() => openDialog({ kind: 'check', standardId: settings.standardId, year: settings.year })}
      data-testid="gaps-check-count"
    >
      {t('check.gapsCount', { count: n })}
    </button>
  );
}
