/**
 * 候选点: where new sites may go — generated on a spacing inside the area, existing facilities that
 * could be upgraded in place, the planner's sheet, and points clicked on the map. Any mix of them.
 */
import { useLang } from '../../../ui/i18n/index.ts';
import { NumberField } from '../NumberField.tsx';
import { TypePicker } from '../TypePicker.tsx';
import { CandidateFile } from './CandidateFile.tsx';
import type { SitingSettings } from './settings.ts';

interface Props {
  settings: SitingSettings;
  update(p: Partial<SitingSettings>): void;
  picking: boolean;
  onPicking(on: boolean): void;
}

export function CandidateFields({ settings: s, update, picking, onPicking }: Props) {
  const { t } = useLang();
  return (
    <fieldset className="siting-cands" data-testid="siting-candidates">
      <legend>{t('map.siting.cand.title')}</legend>
      <div className="siting-check">
        <label>
          <input type="checkbox" checked={s.generate} onChange={(e) => update({ generate: e.target.checked })} data-testid="siting-generate" />
          {t('map.siting.cand.generate')}
        </label>
        <NumberField
          value={s.generateMeters}
          min={200}
          max={50000}
          step={100}
          onChange={(generateMeters) => update({ generateMeters })}
          label={t('map.siting.cand.generate')}
          testId="siting-spacing"
        />
        <span>{t('map.siting.cand.meters')}</span>
      </div>
      <div className="access-field">
        <span>{t('map.siting.cand.upgrade')}</span>
        <TypePicker
          value={s.upgrade}
          onChange={(upgrade) => update({ upgrade })}
          empty={t('map.siting.cand.noUpgrade')}
          testId="siting-upgrade"
          optionTestId="siting-upgrade-type"
        />
      </div>
      <CandidateFile settings={s} update={update} />
      <div className="access-field">
        <span>{t('map.siting.cand.map')}</span>
        <span className="access-inline">
          <button
            type="button"
            className={`tool-btn siting-small-btn${picking ? ' is-on' : ''}`}
            aria-pressed={picking}
            onClick={() => onPicking(!picking)}
            data-testid="siting-pick"
          >
            {t(picking ? 'map.siting.cand.picking' : 'map.siting.cand.pick')}
          </button>
          {s.mapSites.length > 0 && (
            <>
              <span className="siting-hint" data-testid="siting-map-count">
                {t('map.siting.cand.mapCount', { n: s.mapSites.length })}
              </span>
              <button type="button" className="link-btn" onClick={() => update({ mapSites: [] })}>
                {t('map.siting.cand.clearMap')}
              </button>
            </>
          )}
        </span>
      </div>
    </fieldset>
  );
}
