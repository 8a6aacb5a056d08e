/**
 * 可及性分析: the rule (1030, 1530, 开福 10 分钟, the 120 service radius, or one's own), run, then the
 * model used and the covered population per street/town. The map draws the demand points meanwhile.
 */
import { useState, type ReactNode } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { AccessBusy } from './AccessBusy.tsx';
import { AccessTable } from './AccessTable.tsx';
import { AreaFields, sameAreas } from './AreaFields.tsx';
import { CatchmentList } from './CatchmentList.tsx';
import { UncoveredList } from './UncoveredList.tsx';
import { NumberField } from './NumberField.tsx';
import { TravelFields } from './TravelFields.tsx';
import { ComparedLine, ConditionsFields } from './ConditionsFields.tsx';
import { PRESET_IDS, PRESETS, presetOf, sameSettings, type AccessSettings, type PresetId } from './presets.ts';
import { TypePicker } from './TypePicker.tsx';
import type { AccessRun } from './useAccessRun.ts';

export function AccessPanel({ access, onLocate, head }: { access: AccessRun; onLocate(code: string): void; head?: ReactNode }) {
  const { t, lang } = useLang();
  const { settings, setSettings, result } = access;
  const [customChosen, setCustomChosen] = useState(false);
  const [listUncovered, setListUncovered] = useState(false);
  const preset: PresetId = customChosen ? 'custom' : presetOf(settings);
  const set = (p: Partial<AccessSettings>) => setSettings({ ...settings, ...p });
  const choosePreset = (id: PresetId) => {
    setCustomChosen(id === 'custom');
    if (id !== 'custom') setSettings(PRESETS[id]);
  };
  const radius = settings.measure === 'radius';
  const unit = t(radius ? 'map.access.km' : 'map.access.minutes');
  const stale =
    result
    && (!sameSettings(result.query, settings)
      || !sameAreas(result.query.areas, radius ? undefined : settings.areas)
      || (!radius && ((result.query.conditions ?? 'free') !== (settings.conditions ?? 'free') || !!result.query.compare !== !!settings.compare)));
  const uncovered = result ? result.points.filter((p) => !p.covered) : [];

  return (
    <aside className="map-side" data-testid="access-panel" aria-label={t('map.access.title')}>
      {head ?? <h2 className="map-side-title">{t('map.access.title')}</h2>}
      <div className="access-form">
        <label className="access-field">
          <span>{t('map.access.rule')}</span>
          <select className="tool-select" value={preset} onChange={(e) => choosePreset(e.target.value as PresetId)} data-testid="access-preset">
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`map.access.preset.${id}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="access-preset-note">{t(`map.access.presetNote.${preset}`)}</p>
        <label className="access-field">
          <span>{t('map.access.measure')}</span>
          <select
            className="tool-select"
            value={settings.measure}
            onChange={(e) => set({ measure: e.target.value as AccessSettings['measure'] })}
            data-testid="access-measure"
          >
            <option value="time">{t('map.access.byTime')}</option>
            <option value="radius">{t('map.access.byRadius')}</option>
          </select>
        </label>
        <div className="access-field">
          <span>{t('map.access.types')}</span>
          <TypePicker value={settings.types} onChange={(types) => set({ types })} />
        </div>
        <div className="access-field">
          <span>{t(radius ? 'map.access.thresholdRadius' : 'map.access.threshold')}</span>
          <span className="access-inline">
            {t('map.access.urban')}
            <NumberField
              value={settings.urbanMinutes}
              min={0.5}
              max={600}
              step={0.5}
              onChange={(urbanMinutes) => set({ urbanMinutes })}
              label={t('map.access.urbanLimit', { unit })}
              testId="access-urban"
            />
            {t('map.access.rural')}
            <NumberField
              value={settings.ruralMinutes}
              min={0.5}
              max={600}
              step={0.5}
              onChange={(ruralMinutes) => set({ ruralMinutes })}
              label={t('map.access.ruralLimit', { unit })}
              testId="access-rural"
            />
            {unit}
          </span>
        </div>
        {!radius && <TravelFields value={settings} onChange={set} testIdPrefix="access" />}
        {!radius && <ConditionsFields value={settings} onChange={set} testIdPrefix="access" compare />}
        <div className="access-field">
          <span>{t('map.access.demand')}</span>
          <span className="access-inline">
            <select
              className="tool-select"
              value={settings.demand}
              onChange={(e) => set({ demand: e.target.value as AccessSettings['demand'] })}
              data-testid="access-demand"
            >
              <option value="centroids">{t('map.access.centroids')}</option>
              <option value="grid">{t('map.access.grid')}</option>
            </select>
            {settings.demand === 'grid' && (
              <>
                <NumberField
                  value={settings.gridMeters}
                  min={100}
                  max={20000}
                  step={100}
                  onChange={(gridMeters) => set({ gridMeters })}
                  label={t('map.access.gridMeters')}
                  testId="access-grid"
                />
                {t('map.access.meters')}
              </>
            )}
          </span>
        </div>
        {!radius && <AreaFields settings={settings} onChange={(areas) => set({ areas })} />}
        <div className="access-actions">
          <button type="button" className="btn primary" onClick={access.run} disabled={access.busy || settings.types.length === 0} data-testid="access-run">
            {t('map.access.run')}
          </button>
          {result && !access.busy && (
            <button type="button" className="btn" onClick={access.clear} data-testid="access-clear">
              {t('map.access.clear')}
            </button>
          )}
        </div>
        {access.startedAt !== null && <AccessBusy startedAt={access.startedAt} progress={access.progress} onCancel={access.cancel} />}
      </div>

      {!!access.error && (
        <p className="access-message is-error" role="alert" data-testid="access-error">
          {t('map.access.failed', { message: errorText(access.error, lang) })}
        </p>
      )}

      {result ? (
        <div className={`access-result${access.busy ? ' is-busy' : ''}`}>
          <p className={`access-model-note${result.model === 'straight_line' ? ' is-fallback' : ''}`} data-testid="access-model-note" data-model={result.model}>
            <span aria-hidden="true">ⓘ </span>
            {lang === 'en' ? result.modelNoteEn : result.modelNote}
          </p>
          {/* How the demand was formed (units' people beyond those listed under them included), the projects counted, mismatched populations. */}
          <p className="access-model-note" data-testid="access-demand-note">
            {lang === 'en' ? result.demand.noteEn : result.demand.note}
          </p>
          {result.areas && (
            <p className="access-model-note" data-testid="access-areas-note">
              {lang === 'en' ? result.areas.noteEn : result.areas.note}
            </p>
          )}
          {(lang === 'en' ? result.notesEn : result.notes).map((n) => (
            <p key={n} className="access-model-note" data-testid="access-note">
              {n}
            </p>
          ))}
          {stale && (
            <p className="access-message" data-testid="access-stale">
              {t('map.access.stale')}
            </p>
          )}
          <p className="access-uncovered" data-testid="access-uncovered">
            {t('map.access.uncovered', {
              people: Math.round(uncovered.reduce((s, p) => s + p.population, 0)).toLocaleString('en-US'),
              points: uncovered.length,
              of: result.points.length,
            })}
            {uncovered.length > 0 && (
              <button type="button" className="access-toggle" onClick={() => setListUncovered((v) => !v)} data-testid="access-list-toggle">
                {t(listUncovered ? 'map.access.showUnits' : 'map.access.showList')}
              </button>
            )}
          </p>
          <ComparedLine result={result} />
          {result.areas?.catchments && <CatchmentList catchments={result.areas.catchments} />}
          {listUncovered && uncovered.length > 0 ? (
            <UncoveredList points={result.points} onLocate={onLocate} townName={(code) => result.units.find((u) => u.code === code)?.name ?? ''} />
          ) : (
            <AccessTable units={result.units} onLocate={onLocate} />
          )}
        </div>
      ) : (
        !access.busy && <p className="access-message">{t('map.access.hint')}</p>
      )}
    </aside>
  );
}
