/**
 * Above the comparison: the reference scenario, the scenarios set beside it (up to five), the level
 * and the place the table shows, 只看有变化的, 造价标准…, and the standard set and year in use.
 */
import type { CompareLevel } from '../../../shared/compare/compare.ts';
import type { Scenario } from '../../../shared/model/entities.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import { MAX_SCENARIOS } from './useCompare.ts';

interface Props {
  scenarios: Scenario[];
  ids: number[];
  onIds(ids: number[]): void;
  level: CompareLevel;
  onLevel(l: CompareLevel): void;
  places: { code: string; name: string }[];
  place: string;
  onPlace(code: string): void;
  onlyChanged: boolean;
  onOnlyChanged(v: boolean): void;
  onEditCosts(): void;
  loading: boolean;
  standard: string | null;
}

export function CompareToolbar(p: Props) {
  const { t } = useLang();
  const nameOf = useScenarioName();
  const [reference, ...others] = p.ids;
  const chooseReference = (id: number) => p.onIds([id, ...others.filter((x) => x !== id)]);
  const toggle = (id: number, on: boolean) => {
    // Those set beside the reference keep the order of the scenario list.
    const picked = new Set(on ? [...others, id] : others.filter((x) => x !== id));
    p.onIds([reference!, ...p.scenarios.map((s) => s.id).filter((x) => x !== reference && picked.has(x))]);
  };
  const full = p.ids.length >= MAX_SCENARIOS;

  return (
    <div className="compare-toolbar" data-testid="compare-toolbar">
      <div className="compare-toolbar-row">
        <label className="compare-field">
          <span className="compare-field-label">{t('compare.reference')}</span>
          <select
            className="tool-select compare-ref-select"
            value={reference ?? ''}
            onChange={(e) => chooseReference(Number(e.target.value))}
            data-testid="compare-reference"
          >
            {p.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {nameOf(s)}
              </option>
            ))}
          </select>
        </label>
        <span className="compare-field-label">{t('compare.against')}</span>
        {/* biome-ignore lint/a11y/useSemanticElements: a row of aria-pressed toggle buttons (the scenarios compared), not a form section: <fieldset> would add form semantics and its own box */}
        <div className="compare-picks" role="group" aria-label={t('compare.against')}>
          {p.scenarios
            .filter((s) => s.id !== reference)
            .map((s) => {
              const on = others.includes(s.id);
              return (
                <label
                  key={s.id}
                  className={`compare-pick${on ? ' is-on' : ''}`}
                  title={!on && full ? t('compare.maxScenarios', { n: MAX_SCENARIOS }) : undefined}
                >
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && full}
                    onChange={(e) => toggle(s.id, e.target.checked)}
                    data-testid="compare-pick"
                    data-id={s.id}
                  />
                  {nameOf(s)}
                </label>
              );
            })}
          {p.scenarios.length < 2 && <span className="compare-hint">{t('compare.needTwo')}</span>}
        </div>
        <span className="tool-spacer" />
        {p.loading && (
          <span className="compare-busy" data-testid="compare-busy">
            {t('compare.computing')}
          </span>
        )}
        <button type="button" className="tool-btn" onClick={p.onEditCosts} data-testid="compare-costs-edit">
          {t('compare.costs.edit')}
        </button>
      </div>
      <div className="compare-toolbar-row">
        <label className="compare-field">
          <span className="compare-field-label">{t('compare.level')}</span>
          <select className="tool-select" value={p.level} onChange={(e) => p.onLevel(e.target.value as CompareLevel)} data-testid="compare-level">
            {(['region', 'county', 'township'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`compare.levelOptions.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="compare-field">
          <span className="compare-field-label">{t('compare.place')}</span>
          <select className="tool-select compare-place-select" value={p.place} onChange={(e) => p.onPlace(e.target.value)} data-testid="compare-place">
            {p.places.map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <label className="compare-check">
          <input type="checkbox" checked={p.onlyChanged} onChange={(e) => p.onOnlyChanged(e.target.checked)} data-testid="compare-only-changed" />
          {t('compare.onlyChanged')}
        </label>
        <span className="tool-spacer" />
        {p.standard && (
          <span className="tool-hint compare-standard" title={p.standard} data-testid="compare-standard">
            {p.standard}
          </span>
        )}
      </div>
    </div>
  );
}
