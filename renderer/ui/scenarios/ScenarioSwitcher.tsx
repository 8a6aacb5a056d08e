/**
 * 情景 ▾: which scenario is active (edits go to it), switch to another, and new / duplicate / rename /
 * delete. The baseline (基线) cannot be renamed or deleted.
 */
import { useCallback, useRef, useState } from 'react';
import type { Scenario } from '../../../shared/model/entities.ts';
import { useLang } from '../i18n/index.ts';
import { errorText } from '../i18n/labels.ts';
import { useDismiss } from '../useDismiss.ts';
import { useActiveScenario, useAppActions, useAppData } from '../state/AppContext.tsx';
import { useUi } from '../state/UiContext.tsx';
import './scenarios.css';

export function useScenarioName(): (s: Scenario | undefined) => string {
  const { t } = useLang();
  return (s) => (!s ? '' : s.baseline ? t('scenario.baseline') : s.name);
}

export function ScenarioSwitcher() {
  const { t, lang } = useLang();
  const { scenarios, scenarioId, status } = useAppData();
  const { selectScenario } = useAppActions();
  const { openDialog, notify } = useUi();
  const active = useActiveScenario();
  const nameOf = useScenarioName();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  const readOnly = !!status?.plan?.readOnly;
  const noPlan = !status?.plan;

  const choose = (s: Scenario) => {
    close();
    if (s.id === scenarioId) return;
    selectScenario(s.id).then(
      () => notify(t('scenario.switched', { name: nameOf(s) })),
      (e) => notify(errorText(e, lang), 'error'),
    );
  };
  const act = (kind: 'create' | 'duplicate' | 'rename' | 'delete') => {
    close();
    openDialog(kind === 'delete' ? { kind: 'deleteScenario' } : { kind: 'scenario', mode: kind });
  };
  const baseline = !!active?.baseline;

  return (
    <div className="scenario-switcher popover-anchor" ref={ref}>
      <button
        type="button"
        className={`scenario-btn${baseline ? '' : ' is-scenario'}`}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={noPlan}
        onClick={() => setOpen((o) => !o)}
        title={t('scenario.editsGoTo')}
        data-testid="scenario-switcher"
      >
        <span className="scenario-caption">{t('scenario.label')}</span>
        <span className="scenario-name" data-testid="scenario-active-name">
          {nameOf(active)}
        </span>
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <div className="popover scenario-menu" role="menu" data-testid="scenario-menu">
          {scenarios.map((s) => (
            <button
              key={s.id}
              type="button"
              role="menuitemradio"
              aria-checked={s.id === scenarioId}
              className={`menu-row${s.id === scenarioId ? ' is-active' : ''}`}
              onClick={() => choose(s)}
              data-testid={`scenario-option-${s.id}`}
            >
              <span className="check">{s.id === scenarioId ? '✓' : ''}</span>
              <span className="grow">{nameOf(s)}</span>
            </button>
          ))}
          <div className="menu-sep" />
          <button type="button" role="menuitem" className="menu-row" disabled={readOnly} onClick={() => act('create')} data-testid="scenario-new">
            <span className="check" />
            <span className="grow">{t('scenario.new')}</span>
          </button>
          <button type="button" role="menuitem" className="menu-row" disabled={readOnly} onClick={() => act('duplicate')} data-testid="scenario-duplicate">
            <span className="check" />
            <span className="grow">{t('scenario.duplicate')}</span>
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-row"
            disabled={readOnly || baseline}
            title={baseline ? t('scenario.baselineLocked') : undefined}
            onClick={() => act('rename')}
            data-testid="scenario-rename"
          >
            <span className="check" />
            <span className="grow">{t('scenario.rename')}</span>
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-row"
            disabled={readOnly || baseline}
            title={baseline ? t('scenario.baselineLocked') : undefined}
            onClick={() => act('delete')}
            data-testid="scenario-delete"
          >
            <span className="check" />
            <span className="grow">{t('scenario.delete')}</span>
          </button>
        </div>
      )}
    </div>
  );
}
