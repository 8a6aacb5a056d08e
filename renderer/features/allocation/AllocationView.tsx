/** 资源配置 (Allocate resources). */
import { useLang } from '../../app/i18n/index.ts';

export function AllocationView() {
  const { t } = useLang();
  return <div className="pane-placeholder" data-testid="allocation-view"><h2>{t('allocation.title')}</h2></div>;
}
