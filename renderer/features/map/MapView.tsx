/** 地图与可及性: placeholder until the map lands. */
import { useLang } from '../../app/i18n/index.ts';

export function MapView() {
  const { t } = useLang();
  return <p>{t('map.loading')}</p>;
}
