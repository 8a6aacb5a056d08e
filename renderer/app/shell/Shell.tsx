/** The window: menu bar with the scenario switcher and language, tabs, the active table, status bar. */
import { lazy, Suspense, useEffect } from 'react';
import { useLang, setLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { MenuBar } from '../menus/MenuBar.tsx';
import { useAppMenus } from '../menus/useAppMenus.ts';
import { DialogHost } from '../dialogs/DialogHost.tsx';
import { StatusBar } from '../status/StatusBar.tsx';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { ScenarioSwitcher } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import { UnitsView } from '../../features/units/UnitsView.tsx';
import { FacilitiesView } from '../../features/facilities/FacilitiesView.tsx';
import { GapsView } from '../../features/gaps/GapsView.tsx';
import { TimelineView } from '../../features/timeline/TimelineView.tsx';
import { CompareView } from '../../features/compare/CompareView.tsx';
import { AllocationView } from '../../features/allocation/AllocationView.tsx';
import { ProgrammeView } from '../../features/programme/ProgrammeView.tsx';
import { DashboardView } from '../../features/briefing/DashboardView.tsx';
// MapLibre is large: the map loads when its tab is first opened, not with the app.
const MapView = lazy(() => import('../../features/map/MapView.tsx').then((m) => ({ default: m.MapView })));
import { Notices } from './Notices.tsx';
import { useShortcuts } from './useShortcuts.ts';
import './shell.css';

export function Shell() {
  const { t, lang } = useLang();
  const { status, startError, ended } = useAppData();
  const { start } = useAppActions();
  const { tab, setTab } = useUi();
  const menus = useAppMenus();
  useShortcuts();
  useEffect(() => {
    void start();
  }, [start]);
  useEffect(() => {
    document.title = status?.plan ? `${status.plan.name} — ${t('app.title')}` : t('app.title');
  }, [status?.plan, t]);

  return (
    <div className="shell">
      <header className="titlebar">
        <span className="app-name">{t('app.title')}</span>
        <MenuBar menus={menus} />
        <span className="plan-name" title={status?.plan?.path} data-testid="plan-name">
          {status?.plan?.name}
        </span>
        <span className="bar-spacer" />
        <ScenarioSwitcher />
        {/* biome-ignore lint/a11y/useSemanticElements: a segmented control of aria-pressed toggle buttons, not a form section: <fieldset> would add form semantics and its own box */}
        <div className="lang-switch" role="group" aria-label={t('lang.label')}>
          <button
            type="button"
            className={lang === 'zh-CN' ? 'is-on' : ''}
            aria-pressed={lang === 'zh-CN'}
            onClick={() => setLang('zh-CN')}
            data-testid="lang-zh"
          >
            {t('lang.zh')}
          </button>
          <button type="button" className={lang === 'en' ? 'is-on' : ''} aria-pressed={lang === 'en'} onClick={() => setLang('en')} data-testid="lang-en">
            {t('lang.en')}
          </button>
        </div>
      </header>
      <div className="tabs" role="tablist">
        {(['dashboard', 'units', 'facilities', 'gaps', 'map', 'timeline', 'compare', 'allocation', 'programme'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={`tab${tab === k ? ' is-on' : ''}`}
            onClick={() => setTab(k)}
            data-testid={`tab-${k}`}
          >
            {t(`tabs.${k}`)}
          </button>
        ))}
      </div>
      <main className="workspace">
        {ended ? (
          <div className="start-error" role="status" data-testid="app-ended">
            <p>{t('app.ended')}</p>
          </div>
        ) : startError ? (
          <div className="start-error" role="alert" data-testid="start-error">
            <p>{t('app.startFailed', { message: errorText(startError, lang) })}</p>
            <button type="button" className="btn primary" onClick={() => void start()}>
              {t('app.retry')}
            </button>
          </div>
        ) : (
          <>
            <section className="pane" hidden={tab !== 'dashboard'} role="tabpanel" data-testid="pane-dashboard">
              {tab === 'dashboard' && <DashboardView />}
            </section>
            <section className="pane" hidden={tab !== 'units'} role="tabpanel" data-testid="pane-units">
              <UnitsView />
            </section>
            <section className="pane" hidden={tab !== 'facilities'} role="tabpanel" data-testid="pane-facilities">
              <FacilitiesView />
            </section>
            <section className="pane" hidden={tab !== 'gaps'} role="tabpanel" data-testid="pane-gaps">
              {tab === 'gaps' && <GapsView />}
            </section>
            <section className="pane" hidden={tab !== 'map'} role="tabpanel" data-testid="pane-map">
              {tab === 'map' && (
                <Suspense fallback={<p className="pane-loading">{t('map.loading')}</p>}>
                  <MapView />
                </Suspense>
              )}
            </section>
            <section className="pane" hidden={tab !== 'timeline'} role="tabpanel" data-testid="pane-timeline">
              {tab === 'timeline' && <TimelineView />}
            </section>
            <section className="pane" hidden={tab !== 'compare'} role="tabpanel" data-testid="pane-compare">
              {tab === 'compare' && <CompareView />}
            </section>
            <section className="pane" hidden={tab !== 'allocation'} role="tabpanel" data-testid="pane-allocation">
              {tab === 'allocation' && <AllocationView />}
            </section>
            <section className="pane" hidden={tab !== 'programme'} role="tabpanel" data-testid="pane-programme">
              {tab === 'programme' && <ProgrammeView />}
            </section>
          </>
        )}
      </main>
      <StatusBar />
      <DialogHost />
      <Notices />
    </div>
  );
}
