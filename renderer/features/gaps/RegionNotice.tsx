/**
 * 适用区域: a set written for a region the plan does not hold is 不适用 — say so, and let the planner
 * apply it to a city or county of theirs (kept with the plan's choice of set); once applied, say to
 * which and offer to undo it.
 */
import { useState } from 'react';
import type { GapSettings } from '../../../shared/api/contract.ts';
import { UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';

interface Props {
  region: { codes: string[]; name: string; applicable: boolean };
  settings: GapSettings | null;
  onSettings(s: GapSettings): void;
}

export function RegionNotice({ region, settings, onSettings }: Props) {
  const { t } = useLang();
  const { units } = useAppData();
  // Cities and counties are what a standard set is written for.
  const choices = (units ?? []).filter((u) => UNIT_KIND_LEVEL[u.kind] <= 1);
  const [pick, setPick] = useState('');
  if (!settings) return null;
  if (settings.region?.length && region.applicable) {
    return (
      <div className="gaps-region" role="note" data-testid="gaps-region-applied">
        <span>{t('gaps.region.applied', { name: region.name })}</span>
        <button type="button" className="tool-btn" onClick={() => onSettings({ standardId: settings.standardId, year: settings.year })}>
          {t('gaps.region.undo')}
        </button>
      </div>
    );
  }
  if (region.applicable) return null;
  const chosen = pick || choices[0]?.code || '';
  return (
    <div className="gaps-region is-na" role="alert" data-testid="gaps-region-na">
      <span>{t('gaps.region.na', { name: region.name })}</span>
      {choices.length > 0 && (
        <>
          <select
            className="tool-select"
            value={chosen}
            onChange={(e) => setPick(e.target.value)}
            aria-label={t('gaps.region.pick')}
            data-testid="gaps-region-select"
          >
            {choices.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
          <button type="button" className="tool-btn" onClick={() => onSettings({ ...settings, region: [chosen] })} data-testid="gaps-region-apply">
            {t('gaps.region.apply')}
          </button>
        </>
      )}
    </div>
  );
}
