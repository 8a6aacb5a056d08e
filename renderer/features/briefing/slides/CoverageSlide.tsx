/**
 * Coverage by travel time: the map of streets/towns by covered share (before and after side by side
 * when a scenario is compared), the share of the population within each travel time, and the
 * region's figure with its shortfall and source.
 */
import { useMemo } from 'react';
import { fullFigure, pct } from '../../../ui/wording/figures.ts';
import { gapPhrase } from '../../../ui/wording/phrases.ts';
import { BriefChart } from '../BriefChart.tsx';
import { BriefMapSvg, MapLegend, paintOf } from '../BriefMapSvg.tsx';
import { curveOption, SLIDE_LOOK } from '../options.ts';
import { bt, int, pointsDelta, regionResult, scenarioName, standardLine, targetById } from '../text.ts';
import { Fit } from './Fit.tsx';
import { Ref, SlideFrame, StatusChip, type SlideProps } from './SlideFrame.tsx';

export function CoverageSlide(p: SlideProps) {
  const { brief: b, lang, refs } = p;
  const a = b.access!;
  const t = a.target ? targetById(b, a.target) : undefined;
  const r = t ? regionResult(b.current, t.id) : undefined;
  const option = useMemo(() => {
    const o = curveOption(b, lang, SLIDE_LOOK);
    // Compared: the key is said in the chart's title line, the plot keeps the height.
    return (
      o && { ...o, tooltip: { show: false }, ...(a.before ? { legend: { show: false }, grid: { ...(o.grid as object), top: SLIDE_LOOK.small * 3 } } : {}) }
    );
  }, [b, a.before, lang]);
  const share = a.after.population > 0 ? a.after.covered / a.after.population : null;
  const beforeShare = a.before && a.before.population > 0 ? a.before.covered / a.before.population : null;
  const phrase = t && r ? gapPhrase(t, r, lang) : null;
  const label = t ? (lang === 'en' ? t.nameEn : t.name) : a.label;
  const after = useMemo(() => paintOf(b, { kind: 'coverage', coverage: a.after }, lang), [b, a.after, lang]);
  const before = useMemo(() => (a.before ? paintOf(b, { kind: 'coverage', coverage: a.before }, lang) : null), [b, a.before, lang]);

  const stats = (
    <Fit className="bs-cov-stats">
      <div className="bs-side-label">
        {bt(lang, 'slide.coverage.covered')}
        {t && <Ref n={refs.get(t.id)} />}
      </div>
      <div className="bs-side-figure" data-testid="slide-coverage-figure">
        {t && r ? fullFigure(t, r, lang) : share !== null ? pct(share) : '—'}
      </div>
      <div className="bs-side-line">{bt(lang, 'slide.coverage.coveredOf', { covered: int(a.after.covered), population: int(a.after.population) })}</div>
      {r && (
        <div className="bs-side-status">
          <StatusChip status={r.status} lang={lang} />
          {phrase && <span className={`bs-side-gap is-${r.status}`}>{phrase}</span>}
        </div>
      )}
      {share !== null && beforeShare !== null && (
        <div className="bs-side-line" data-testid="slide-coverage-change">
          {Math.abs(share - beforeShare) < 0.0005
            ? bt(lang, 'slide.coverage.same')
            : bt(lang, 'slide.coverage.change', { delta: pointsDelta(share - beforeShare, lang) })}
        </div>
      )}
      <div className="bs-side-note">{bt(lang, 'slide.coverage.rule', { urban: a.urbanMinutes, rural: a.ruralMinutes })}</div>
      <div className="bs-side-note">{bt(lang, 'slide.coverage.model', { note: a.modelNote })}</div>
    </Fit>
  );
  const chart = (
    <div className="bs-cov-chart">
      <div className="bs-cov-chart-title">
        {bt(lang, 'chart.curve')}
        {a.before && (
          <span className="bs-cov-chart-key">
            {bt(lang, 'chart.curveKey', { before: scenarioName(a.before.scenario, lang), after: scenarioName(a.after.scenario, lang) })}
          </span>
        )}
      </div>
      <div className="bs-cov-chart-box">{option && <BriefChart option={option} testId="slide-chart" ariaLabel={bt(lang, 'chart.curve')} />}</div>
    </div>
  );

  return (
    <SlideFrame p={p} title={bt(lang, 'slide.coverage.title', { label })} kicker={standardLine(b, lang)}>
      {b.map && before ? (
        <div className="bs-cov is-compare">
          <div className="bs-cov-maps">
            <figure className="bs-cov-map">
              <figcaption>{bt(lang, 'map.before', { name: scenarioName(a.before!.scenario, lang) })}</figcaption>
              <div className="bs-map-box">
                <BriefMapSvg map={b.map} paint={before} testId="slide-map" ariaLabel={bt(lang, 'map.title')} />
              </div>
            </figure>
            <figure className="bs-cov-map">
              <figcaption>{bt(lang, 'map.after', { name: scenarioName(a.after.scenario, lang) })}</figcaption>
              <div className="bs-map-box">
                <BriefMapSvg map={b.map} paint={after} testId="slide-map" ariaLabel={bt(lang, 'map.title')} />
              </div>
            </figure>
          </div>
          <div className="bs-cov-bottom">
            {chart}
            <div className="bs-cov-side">
              {stats}
              <MapLegend items={after.legend} className="bs-legend" />
            </div>
          </div>
        </div>
      ) : (
        <div className="bs-cov">
          {b.map && (
            <figure className="bs-cov-map is-single">
              <div className="bs-map-box">
                <BriefMapSvg map={b.map} paint={after} testId="slide-map" ariaLabel={bt(lang, 'map.title')} />
              </div>
              <MapLegend items={after.legend} className="bs-legend" testId="slide-map-legend" />
            </figure>
          )}
          <div className="bs-cov-right">
            {stats}
            {chart}
          </div>
        </div>
      )}
    </SlideFrame>
  );
}
