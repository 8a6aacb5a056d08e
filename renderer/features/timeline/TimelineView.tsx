/** 规划项目 (Projects by year). */
import { useLang } from '../../app/i18n/index.ts';

export function TimelineView() {
  const { t } = useLang();
  return <div className="pane-placeholder" data-testid="timeline-view"><h2>{t('timeline.title')}</h2></div>;
}
