/** The side panel's analyses, 可及性分析 | 设施选址 | 转诊可及性, as tabs heading whichever panel is shown. */
import { useLang } from '../../ui/i18n/index.ts';

export type Side = 'access' | 'siting' | 'referral';
const SIDES: Side[] = ['access', 'siting', 'referral'];

export function SideTabs({ side, onSide }: { side: Side; onSide(s: Side): void }) {
  const { t } = useLang();
  return (
    <div className="map-side-tabs" role="tablist" aria-label={t('map.side.label')}>
      {SIDES.map((s) => (
        <button
          key={s}
          type="button"
          role="tab"
          aria-selected={side === s}
          className={`map-side-tab${side === s ? ' is-on' : ''}`}
          onClick={() => onSide(s)}
          data-testid={`map-side-${s}`}
        >
          {t(`map.side.${s}`)}
        </button>
      ))}
    </div>
  );
}
