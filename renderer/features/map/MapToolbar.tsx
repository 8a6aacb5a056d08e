/** Above the map: the target that colours the streets/towns, placing a new facility, and the scenario edited. */
import { FACILITY_TYPES, type FacilityType } from '../../../shared/model/kinds.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { enumLabel, errorText } from '../../ui/i18n/labels.ts';
import type { TargetChoice } from './useTownshipGaps.ts';
import type { EditMode } from './useFacilityEditing.ts';

interface Props {
  targets: TargetChoice[];
  targetId: string | null;
  onTarget(id: string | null): void;
  addType: FacilityType;
  onAddType(t: FacilityType): void;
  mode: EditMode;
  onMode(m: EditMode): void;
  readOnly: boolean;
  scenarioName: string | null;
  /** gaps.statuses failed: the targets cannot be offered. */
  gapsError: unknown;
}

export function MapToolbar(p: Props) {
  const { t, lang } = useLang();
  const adding = p.mode === 'add';
  return (
    <div className="map-toolbar" data-testid="map-toolbar">
      <label className="tool-label map-field">
        {t('map.colourBy')}
        <select
          className="tool-select map-target-select"
          value={p.targetId ?? ''}
          onChange={(e) => p.onTarget(e.target.value || null)}
          title={p.targets.find((x) => x.id === p.targetId)?.name}
          data-testid="map-target-select"
        >
          <option value="">{t('map.noColour')}</option>
          {p.targets.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      {!!p.gapsError && (
        <span className="map-warn" role="alert" title={errorText(p.gapsError, lang)} data-testid="map-gaps-error">
          {t('map.gapsFailed')}
        </span>
      )}
      <span className="tool-sep" />
      <label className="tool-label map-field">
        {t('map.add.type')}
        <select
          className="tool-select"
          value={p.addType}
          onChange={(e) => p.onAddType(e.target.value as FacilityType)}
          disabled={p.readOnly}
          data-testid="map-add-type"
        >
          {FACILITY_TYPES.map((x) => (
            <option key={x} value={x}>
              {enumLabel('facilityType', x, lang)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={`tool-btn${adding ? ' is-on' : ''}`}
        aria-pressed={adding}
        disabled={p.readOnly}
        onClick={() => p.onMode(adding ? 'browse' : 'add')}
        title={p.readOnly ? t('map.readOnly') : undefined}
        data-testid="map-add-mode"
      >
        {adding ? t('map.add.active') : t('map.add.start')}
      </button>
      <span className="tool-spacer" />
      {p.scenarioName && (
        <span className="tool-hint" data-testid="map-scenario">
          {t('map.scenario', { name: p.scenarioName })}
        </span>
      )}
    </div>
  );
}
