/**
 * The siting question: a preset or one's own — model, the type to build and the existing types that
 * count as built, k, the thresholds, the area and what is excluded, the candidates — with the rarer
 * settings (direction, dispatch, cutoff, capacity, solver) folded under 更多设置. Then 运行选址.
 */
import { useState } from 'react';
import { FACILITY_TYPES, type FacilityType } from '../../../../shared/model/kinds.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { enumLabel } from '../../../ui/i18n/labels.ts';
import { useAppData } from '../../../ui/state/AppContext.tsx';
import { AccessBusy } from '../AccessBusy.tsx';
import { NumberField } from '../NumberField.tsx';
import { TypePicker } from '../TypePicker.tsx';
import { CandidateFields } from './CandidateFields.tsx';
import { MoreSettings } from './MoreSettings.tsx';
import { missingInput, MODELS, SITING_PRESET_IDS, SITING_PRESETS, sitingPresetOf, type SitingModel, type SitingPresetId } from './settings.ts';
import { UnitPicker } from './UnitPicker.tsx';
import type { SitingRun } from './useSitingRun.ts';

const STAGES = { keys: ['queued', 'prepare', 'existing', 'graph', 'snap', 'sets', 'solve', 'done'], prefix: 'map.siting.stage', busy: 'map.siting.busy' };

export function SitingForm({ siting, onPicking }: { siting: SitingRun; onPicking(on: boolean): void }) {
  const { t, lang } = useLang();
  const { units } = useAppData();
  const { settings: s, update } = siting;
  const [customChosen, setCustomChosen] = useState(false);
  const preset: SitingPresetId = customChosen ? 'custom' : sitingPresetOf(s);
  const missing = missingInput(s);

  const choosePreset = (id: SitingPresetId) => {
    setCustomChosen(id === 'custom');
    if (id === 'custom') return;
    const p = SITING_PRESETS[id];
    const county = p.area ? units?.find((u) => u.kind === 'county' && u.name === p.area) : undefined;
    update({ ...p.question, k: p.k, ...(county ? { within: [county.code], exclude: [] } : {}) });
  };
  const chooseType = (type: FacilityType) =>
    update({ type, existingTypes: s.existingTypes.length === 1 && s.existingTypes[0] === s.type ? [type] : s.existingTypes });

  return (
    <div className="access-form siting-form">
      <label className="access-field">
        <span>{t('map.siting.preset')}</span>
        <select className="tool-select" value={preset} onChange={(e) => choosePreset(e.target.value as SitingPresetId)} data-testid="siting-preset">
          {SITING_PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`map.siting.presets.${id}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="access-preset-note">{t(`map.siting.presetNote.${preset}`)}</p>
      <label className="access-field">
        <span>{t('map.siting.model')}</span>
        <select className="tool-select" value={s.model} onChange={(e) => update({ model: e.target.value as SitingModel })} data-testid="siting-model">
          {MODELS.map((m) => (
            <option key={m} value={m}>
              {t(`map.siting.models.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="access-preset-note">{t(`map.siting.modelNote.${s.model}`)}</p>
      <label className="access-field">
        <span>{t('map.siting.type')}</span>
        <select className="tool-select" value={s.type} onChange={(e) => chooseType(e.target.value as FacilityType)} data-testid="siting-type">
          {FACILITY_TYPES.map((x) => (
            <option key={x} value={x}>
              {enumLabel('facilityType', x, lang)}
            </option>
          ))}
        </select>
      </label>
      <div className="access-field" title={t('map.siting.existingTip')}>
        <span>{t('map.siting.existing')}</span>
        <TypePicker
          value={s.existingTypes}
          onChange={(existingTypes) => update({ existingTypes })}
          testId="siting-existing"
          optionTestId="siting-existing-type"
        />
      </div>
      {s.model !== 'lscp' && (
        <div className="access-field">
          <span>{t('map.siting.k')}</span>
          <span className="access-inline">
            <NumberField value={s.k} min={1} max={1000} onChange={(k) => update({ k: Math.round(k) })} label={t('map.siting.k')} testId="siting-k" />
            {t('map.siting.unitCount')}
          </span>
        </div>
      )}
      <div className="access-field">
        <span>{t('map.siting.threshold')}</span>
        <span className="access-inline">
          {t('map.access.urban')}
          <NumberField
            value={s.urbanMinutes}
            min={0.5}
            max={600}
            step={0.5}
            onChange={(urbanMinutes) => update({ urbanMinutes })}
            label={t('map.access.urbanLimit', { unit: t('map.access.minutes') })}
            testId="siting-urban"
          />
          {t('map.access.rural')}
          <NumberField
            value={s.ruralMinutes}
            min={0.5}
            max={600}
            step={0.5}
            onChange={(ruralMinutes) => update({ ruralMinutes })}
            label={t('map.access.ruralLimit', { unit: t('map.access.minutes') })}
            testId="siting-rural"
          />
          {t('map.access.minutes')}
        </span>
      </div>
      <div className="access-field">
        <span>{t('map.siting.area')}</span>
        <UnitPicker
          value={s.within}
          onChange={(within) => update({ within })}
          empty={t('map.siting.areaAll')}
          testId="siting-area"
          label={t('map.siting.area')}
        />
      </div>
      <div className="access-field">
        <span>{t('map.siting.exclude')}</span>
        <UnitPicker
          value={s.exclude}
          onChange={(exclude) => update({ exclude })}
          empty={t('map.siting.excludeNone')}
          testId="siting-exclude"
          label={t('map.siting.exclude')}
        />
      </div>
      <CandidateFields settings={s} update={update} picking={siting.picking} onPicking={onPicking} />
      <MoreSettings settings={s} update={update} />
      <div className="access-actions">
        <button type="button" className="btn primary" onClick={siting.run} disabled={siting.busy || !!missing} data-testid="siting-run">
          {t('map.siting.run')}
        </button>
        {siting.result && !siting.busy && (
          <button type="button" className="btn" onClick={siting.clear} data-testid="siting-clear">
            {t('map.siting.clear')}
          </button>
        )}
        {missing && (
          <span className="siting-hint is-warn" data-testid="siting-missing">
            {t(`map.siting.missing.${missing}`)}
          </span>
        )}
      </div>
      {siting.startedAt !== null && (
        <AccessBusy startedAt={siting.startedAt} progress={siting.progress} onCancel={siting.cancel} stages={STAGES} testId="siting" />
      )}
    </div>
  );
}
