/** The status bar: open file, 已保存 / 保存中… / 只读, the active scenario, row counts, the sample badge. */
import { useLang } from '../../ui/i18n/index.ts';
import { useActiveScenario, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import './status.css';

const N = new Intl.NumberFormat('zh-CN');

function timeOf(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d.toLocaleTimeString('zh-CN', { hour12: false });
}

export function StatusBar() {
  const { t } = useLang();
  const { status, pendingWrites, units, facilities } = useAppData();
  const { tab, counts } = useUi();
  const scenario = useActiveScenario();
  const nameOf = useScenarioName();
  const plan = status?.plan ?? null;
  const c = tab === 'units' || tab === 'facilities' ? counts[tab] : null;
  const saved = timeOf(plan?.savedAt ?? null);
  return (
    <footer className="statusbar" data-testid="status-bar">
      <span className="st-item st-path" title={plan?.path} data-testid="status-file">
        {plan ? plan.path : t('status.noPlan')}
      </span>
      {plan
        && (plan.readOnly ? (
          <span className="st-item st-readonly" data-testid="status-readonly" title={plan.readOnlyReason ?? undefined}>
            {t('status.readOnly')}
            {plan.readOnlyReason ? `：${plan.readOnlyReason}` : ''}
          </span>
        ) : (
          <span
            className={`st-item st-save${pendingWrites > 0 ? ' is-saving' : ''}`}
            data-testid="status-save"
            data-state={pendingWrites > 0 ? 'saving' : 'saved'}
          >
            {pendingWrites > 0 ? t('status.saving') : saved ? t('status.savedAt', { time: saved }) : t('status.saved')}
          </span>
        ))}
      {plan && (
        <span className="st-item" data-testid="status-scenario">
          {t('status.scenario', { name: nameOf(scenario) })}
        </span>
      )}
      {units && (
        <span className="st-item" data-testid="status-units">
          {t('status.units', { n: N.format(units.length) })}
        </span>
      )}
      {facilities && (
        <span className="st-item" data-testid="status-facilities">
          {t('status.facilities', { n: N.format(facilities.length) })}
        </span>
      )}
      {c && (
        <span className="st-item" data-testid="status-rows">
          {t('status.shown', { shown: N.format(c.shown), total: N.format(c.total) })}
        </span>
      )}
      <span className="st-spacer" />
      {plan?.isSample && (
        <span className="st-sample" data-testid="sample-badge">
          {t('status.sample')}
        </span>
      )}
      {status && <span className="st-item st-version">{t('status.version', { v: status.version })}</span>}
    </footer>
  );
}
