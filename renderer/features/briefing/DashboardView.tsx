/** 总览: the dashboard for the current scenario and year (placeholder until built). */
import { useLang } from '../../app/i18n/index.ts';

export function DashboardView() {
  const { t } = useLang();
  return <div className="pane-placeholder" data-testid="dashboard-view"><h2>{t('briefing.title')}</h2></div>;
}
