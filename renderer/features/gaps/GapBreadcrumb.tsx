/** Where the table stands: 全域 › 开福区 › 沙坪街道; an upper place is a link back to it. */
import { useLang } from '../../ui/i18n/index.ts';
import type { PlaceRow } from './drill.ts';

export function GapBreadcrumb({ places, onGo }: { places: PlaceRow[]; onGo(depth: number): void }) {
  const { t } = useLang();
  return (
    <nav className="gaps-breadcrumb" aria-label={t('gaps.crumbRoot')} data-testid="gaps-breadcrumb">
      {places.map((p, i) => {
        const label = i === 0 ? t('gaps.crumbRoot') : p.name;
        const last = i === places.length - 1;
        return (
          <span key={p.code} className="gaps-crumb">
            {i > 0 && (
              <span className="gaps-crumb-sep" aria-hidden="true">
                ›
              </span>
            )}
            {last ? (
              <span className="gaps-crumb-here" aria-current="page" data-testid="gaps-crumb" data-code={p.code}>
                {label}
              </span>
            ) : (
              <button type="button" className="gaps-crumb-link" onClick={() => onGo(i)} data-testid="gaps-crumb" data-code={p.code}>
                {label}
              </button>
            )}
          </span>
        );
      })}
    </nav>
  );
}
