/**
 * 总览: the active scenario at the plan's standard set and year, for leadership — the headline figures
 * against their targets (the gap screen's wording), a ratio target by county against its line, the
 * coverage curve by travel time, the map coloured by coverage or by a target's standing; a scenario to
 * compare with (before/after everywhere); 演示 (presentation mode), 导出 PDF / PPTX and a PNG of each
 * chart and the map. Exports go through `exporter` (the browser door's by default; Electron's own).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { planSlides } from '../../../shared/briefing/slides.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import type { ChartHandle } from '../../ui/charts/Chart.tsx';
import { BriefChart } from './BriefChart.tsx';
import { BriefMapSvg, MapLegend, paintOf, type MapColouring } from './BriefMapSvg.tsx';
import { briefExporter, PopupBlocked, type BriefExporter } from './exporting.ts';
import { barsOption, curveOption, SCREEN_LOOK } from './options.ts';
import { Presentation } from './Presentation.tsx';
import { serializeSvg, svgToPng } from './raster.ts';
import { EquityTable, worstLine } from './slides/EquitySlide.tsx';
import { Headline } from './slides/Headline.tsx';
import { barTargets, bt, fileBase, headlineTargets, scenarioName, sourceNumbers, targetLabel } from './text.ts';
import { useBrief } from './useBrief.ts';
import './slides/slides.css';
import './dashboard.css';

const HEADLINES = 8;

export function DashboardView({ exporter }: { exporter?: BriefExporter } = {}) {
  const { t, lang } = useLang();
  const { scenarios, scenarioId } = useAppData();
  const { notify } = useUi();
  const [compareId, setCompareId] = useState<number | null>(null);
  // A scenario compared with must exist and be another one.
  const compare = compareId !== null && compareId !== scenarioId && scenarios.some((s) => s.id === compareId) ? compareId : null;
  const { brief, loading, error, retry } = useBrief(compare);
  const [barTarget, setBarTarget] = useState<string | null>(null);
  const [colour, setColour] = useState<string>('coverage');
  const [mapSide, setMapSide] = useState<'after' | 'before'>('after');
  const [equityPick, setEquityPick] = useState(0);
  const [presenting, setPresenting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const barsRef = useRef<ChartHandle>(null);
  const curveRef = useRef<ChartHandle>(null);
  const mapRef = useRef<SVGSVGElement>(null);
  const { invoke } = useAppActions();
  const ex = exporter ?? briefExporter(invoke);

  useEffect(() => {
    if (compareId !== null && compare === null) setCompareId(null);
  }, [compareId, compare]);

  const refs = useMemo(() => (brief ? sourceNumbers(brief) : new Map<string, number>()), [brief]);
  const bars = useMemo(() => (brief ? barTargets(brief) : []), [brief]);
  const barId = bars.find((x) => x.id === barTarget)?.id ?? bars[0]?.id ?? null;
  const barsOpt = useMemo(() => (brief && barId ? barsOption(brief, barId, lang, SCREEN_LOOK) : null), [brief, barId, lang]);
  const curveOpt = useMemo(() => (brief ? curveOption(brief, lang, SCREEN_LOOK) : null), [brief, lang]);
  const headlines = useMemo(() => (brief ? headlineTargets(brief, HEADLINES) : []), [brief]);
  const colourable = useMemo(() => (brief ? brief.targets.filter((x) => brief.current.counties.some((r) => r.target === x.id)) : []), [brief]);
  const colouring: MapColouring | null = useMemo(() => {
    if (!brief) return null;
    const target = colourable.find((x) => x.id === colour);
    if (target) return { kind: 'target', target: target.id };
    if (!brief.access) return colourable[0] ? { kind: 'target', target: colourable[0].id } : null;
    const cov = mapSide === 'before' && brief.access.before ? brief.access.before : brief.access.after;
    return { kind: 'coverage', coverage: cov };
  }, [brief, colourable, colour, mapSide]);
  const paint = useMemo(() => (brief && colouring ? paintOf(brief, colouring, lang) : null), [brief, colouring, lang]);
  const mapTitle =
    brief && colouring
      ? colouring.kind === 'coverage'
        ? bt(lang, 'map.coverage', {
            label: brief.access!.target ? targetLabel(brief.targets.find((x) => x.id === brief.access!.target)!, lang) : brief.access!.label,
          })
        : bt(lang, 'map.byTarget', { target: targetLabel(brief.targets.find((x) => x.id === colouring.target)!, lang) })
      : '';

  const run = async (what: string, fn: () => Promise<unknown>) => {
    setBusy(what);
    try {
      await fn();
    } catch (e) {
      notify(e instanceof PopupBlocked ? t('briefing.toolbar.popupBlocked') : t('briefing.toolbar.exportFailed', { message: errorText(e, lang) }), 'error');
    } finally {
      setBusy(null);
    }
  };
  const saved = (o: { kind: string; file?: string }) => {
    if (o.kind === 'saved') notify(t('briefing.toolbar.exported', { file: o.file }));
    else if (o.kind === 'opened') notify(t('briefing.toolbar.printOpened'));
  };
  const base = brief ? fileBase(brief, lang) : 'HealthPlan';
  const exportPdf = () =>
    brief
    && run('pdf', async () =>
      saved(
        await ex.pdf(
          {
            scenarioId,
            ...(compare !== null ? { compareId: compare } : {}),
            standardId: brief.standard.id,
            year: brief.standard.year,
            lang,
          },
          `${base}.pdf`,
        ),
      ),
    );
  const exportPptx = () => brief && run('pptx', async () => saved(await ex.pptx(brief, lang, `${base}.pptx`)));
  const chartPng = (h: ChartHandle | null, name: string) =>
    run('png', async () => {
      const url = h?.toDataUrl();
      if (url) saved(await ex.png(url, `${name}.png`.replace(/[\\/:*?"<>|\s]+/g, '_')));
    });
  const mapPng = () =>
    run('png', async () => {
      if (!mapRef.current || !paint) return;
      const { svg, width, height } = serializeSvg(mapRef.current);
      saved(
        await ex.png(
          await svgToPng(svg, width, height, { scale: 2, title: mapTitle, legend: paint.legend }),
          `${mapTitle}.png`.replace(/[\\/:*?"<>|\s]+/g, '_'),
        ),
      );
    });

  const slideCount = brief ? planSlides(brief).length : 0;
  // 谁被落下: one access analysis at a time (the set's access targets, else the 1030 rule).
  const equities = brief?.equity ?? [];
  const equity = equities[equityPick] ?? equities[0] ?? null;
  const others = scenarios.filter((s) => s.id !== scenarioId);
  const barName = brief && barId ? targetLabel(brief.targets.find((x) => x.id === barId)!, lang) : '';

  return (
    <div className="brief-dash" data-testid="dashboard-view">
      <div className="brief-dash-bar">
        <div className="brief-dash-heading">
          <h2>{t('briefing.title')}</h2>
          {brief && (
            <span className="brief-dash-sub" data-testid="dashboard-standard">
              {bt(lang, 'standardShort', { name: brief.standard.name, year: brief.standard.year })} ·{' '}
              {bt(lang, 'scenario', { name: scenarioName(brief.current.scenario, lang) })}
            </span>
          )}
        </div>
        <label className="brief-dash-field">
          <span>{t('briefing.toolbar.compare')}</span>
          <select value={compare ?? ''} onChange={(e) => setCompareId(e.target.value ? Number(e.target.value) : null)} data-testid="dashboard-compare">
            <option value="">{t('briefing.toolbar.none')}</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {scenarioName(s.name, lang)}
              </option>
            ))}
          </select>
        </label>
        {loading && (
          <span className="brief-dash-busy" data-testid="dashboard-busy">
            {t('briefing.computing')}
          </span>
        )}
        <span className="brief-dash-spacer" />
        <button
          type="button"
          className="tool-btn brief-dash-present"
          disabled={!brief}
          onClick={() => setPresenting(true)}
          title={t('briefing.toolbar.presentHint')}
          data-testid="dashboard-present"
        >
          ▶ {slideCount ? t('briefing.toolbar.presentCount', { n: slideCount }) : t('briefing.toolbar.present')}
        </button>
        <button type="button" className="tool-btn" disabled={!brief || !!busy} onClick={exportPdf} data-testid="dashboard-pdf">
          {busy === 'pdf' ? t('briefing.toolbar.exporting') : t('briefing.toolbar.pdf')}
        </button>
        <button type="button" className="tool-btn" disabled={!brief || !!busy} onClick={exportPptx} data-testid="dashboard-pptx">
          {busy === 'pptx' ? t('briefing.toolbar.exporting') : t('briefing.toolbar.pptx')}
        </button>
      </div>
      {brief?.sample && (
        <div className="brief-dash-sample" data-testid="dashboard-sample">
          {bt(lang, 'sample')}
        </div>
      )}
      {!!error && (
        <div className="brief-dash-fail" role="alert" data-testid="dashboard-error">
          <span>{t('briefing.failed', { message: errorText(error, lang) })}</span>
          <button type="button" className="tool-btn" onClick={retry}>
            {t('briefing.retry')}
          </button>
        </div>
      )}
      {!brief ? (
        !error && (
          <p className="brief-dash-placeholder" data-testid="dashboard-loading">
            {t('briefing.loading')}
          </p>
        )
      ) : (
        <div className={`brief-dash-scroll${loading ? ' is-busy' : ''}`}>
          <section className="brief-dash-figures" data-testid="dashboard-figures" aria-label={t('briefing.headline.title')}>
            {headlines.map((x) => (
              <Headline key={x.id} brief={brief} target={x} lang={lang} refNo={refs.get(x.id)} className="brief-card" testId="dashboard-figure" />
            ))}
          </section>
          {brief.current.region.length > headlines.length && (
            <p className="brief-dash-more">{t('briefing.headline.more', { n: brief.current.region.length - headlines.length })}</p>
          )}
          <div className="brief-dash-grid">
            <section className="brief-panel" data-testid="dashboard-bars-panel">
              <header className="brief-panel-head">
                <h3>{t('briefing.chart.byCounty')}</h3>
                {bars.length > 0 && (
                  <select
                    value={barId ?? ''}
                    onChange={(e) => setBarTarget(e.target.value)}
                    aria-label={t('briefing.chart.pick')}
                    data-testid="dashboard-bars-target"
                  >
                    {bars.map((x) => (
                      <option key={x.id} value={x.id}>
                        {targetLabel(x, lang)}
                      </option>
                    ))}
                  </select>
                )}
                <button
                  type="button"
                  className="tool-btn"
                  disabled={!barsOpt || !!busy}
                  onClick={() => void chartPng(barsRef.current, `${bt(lang, 'chart.bars', { target: barName })}`)}
                  data-testid="dashboard-bars-png"
                >
                  {t('briefing.toolbar.png')}
                </button>
              </header>
              <div className="brief-panel-body">
                {barsOpt ? (
                  <BriefChart ref={barsRef} option={barsOpt} testId="dashboard-bars" ariaLabel={bt(lang, 'chart.bars', { target: barName })} />
                ) : (
                  <p className="brief-dash-none">{t('briefing.chart.none')}</p>
                )}
              </div>
            </section>
            <section className="brief-panel" data-testid="dashboard-curve-panel">
              <header className="brief-panel-head">
                <h3>{t('briefing.chart.curve')}</h3>
                {brief.access && (
                  <span className="brief-panel-sub">
                    {brief.access.target ? targetLabel(brief.targets.find((x) => x.id === brief.access!.target)!, lang) : brief.access.label}
                  </span>
                )}
                <button
                  type="button"
                  className="tool-btn"
                  disabled={!curveOpt || !!busy}
                  onClick={() => void chartPng(curveRef.current, t('briefing.chart.curve'))}
                  data-testid="dashboard-curve-png"
                >
                  {t('briefing.toolbar.png')}
                </button>
              </header>
              <div className="brief-panel-body">
                {curveOpt ? (
                  <BriefChart ref={curveRef} option={curveOpt} testId="dashboard-curve" ariaLabel={t('briefing.chart.curve')} />
                ) : (
                  <p className="brief-dash-none">{t('briefing.chart.noAccess')}</p>
                )}
              </div>
            </section>
            {brief && equity && (
              <section className="brief-panel brief-panel-wide" data-testid="dashboard-equity">
                <header className="brief-panel-head">
                  <h3>{t('briefing.equity.title')}</h3>
                  {equities.length > 1 ? (
                    <select
                      value={equities.indexOf(equity)}
                      onChange={(e) => setEquityPick(Number(e.target.value))}
                      aria-label={t('briefing.equity.pick')}
                      data-testid="dashboard-equity-target"
                    >
                      {equities.map((x, i) => (
                        <option key={x.target ?? 'rule'} value={i}>
                          {x.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="brief-panel-sub">{equity.label}</span>
                  )}
                </header>
                <div className="brief-eq">
                  <EquityTable b={brief} e={equity} lang={lang} className="brief-eq-table" testId="dashboard-equity-table" />
                  <div className="brief-eq-side">
                    <div className="brief-eq-head">{t('briefing.equity.worst')}</div>
                    {equity.worst.length ? (
                      <ol className="brief-eq-worst" data-testid="dashboard-equity-worst">
                        {equity.worst.map((w) => (
                          <li key={`${w.code}-${w.group}`}>{worstLine(w, brief, lang)}</li>
                        ))}
                      </ol>
                    ) : (
                      <p className="brief-eq-note">{t('briefing.equity.none')}</p>
                    )}
                    <p className="brief-eq-note">{t('briefing.equity.rule', { urban: equity.urbanMinutes, rural: equity.ruralMinutes })}</p>
                    <p className="brief-eq-note">{equity.note}</p>
                  </div>
                </div>
              </section>
            )}
            <section className="brief-panel brief-panel-map" data-testid="dashboard-map-panel">
              <header className="brief-panel-head">
                <h3>{t('briefing.map.title')}</h3>
                <label className="brief-dash-field">
                  <span>{t('briefing.map.colour')}</span>
                  <select
                    value={colouring?.kind === 'target' ? colouring.target : 'coverage'}
                    onChange={(e) => setColour(e.target.value)}
                    data-testid="dashboard-map-colour"
                  >
                    {brief.access && (
                      <option value="coverage">
                        {bt(lang, 'map.coverage', {
                          label: brief.access.target ? targetLabel(brief.targets.find((x) => x.id === brief.access!.target)!, lang) : brief.access.label,
                        })}
                      </option>
                    )}
                    {colourable.map((x) => (
                      <option key={x.id} value={x.id}>
                        {bt(lang, 'map.byTarget', { target: targetLabel(x, lang) })}
                      </option>
                    ))}
                  </select>
                </label>
                {colouring?.kind === 'coverage' && brief.access?.before ? (
                  // biome-ignore lint/a11y/useSemanticElements: a segmented control of aria-pressed toggle buttons, not a form section: <fieldset> would add form semantics and its own box
                  <div className="brief-seg" role="group">
                    {(['before', 'after'] as const).map((k) => (
                      <button
                        key={k}
                        type="button"
                        className={`brief-seg-btn${mapSide === k ? ' is-on' : ''}`}
                        aria-pressed={mapSide === k}
                        onClick={() => setMapSide(k)}
                        data-testid={`dashboard-map-${k}`}
                      >
                        {scenarioName(k === 'before' ? brief.access!.before!.scenario : brief.access!.after.scenario, lang)}
                      </button>
                    ))}
                  </div>
                ) : null}
                <button type="button" className="tool-btn" disabled={!brief.map || !!busy} onClick={() => void mapPng()} data-testid="dashboard-map-png">
                  {t('briefing.toolbar.png')}
                </button>
              </header>
              <div className="brief-panel-body brief-map-body">
                {brief.map && paint ? (
                  <BriefMapSvg ref={mapRef} map={brief.map} paint={paint} testId="dashboard-map" ariaLabel={mapTitle} />
                ) : (
                  <p className="brief-dash-none">{t('briefing.map.none')}</p>
                )}
              </div>
              {paint && brief.map && <MapLegend items={paint.legend} className="brief-dash-legend" testId="dashboard-map-legend" />}
            </section>
          </div>
        </div>
      )}
      {presenting && brief && <Presentation brief={brief} lang={lang} onClose={() => setPresenting(false)} />}
    </div>
  );
}
