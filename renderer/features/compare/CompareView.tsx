/** 情景比较 (Compare scenarios). */
import { useLang } from '../../app/i18n/index.ts';

export function CompareView() {
  const { t } = useLang();
  return <div className="pane-placeholder" data-testid="compare-view"><h2>{t('compare.title')}</h2></div>;
}
