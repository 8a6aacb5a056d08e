/**
 * A ratio target by county against its target line (bars coloured by status; the compared scenario's
 * in grey beside), and beside the chart the region's figure, its shortfall, how many counties fall
 * short, the lowest and highest, and the source.
 */
import { useMemo } from 'react';
import type { SlideSpec } from '../../../../shared/briefing/slides.ts';
import { cellFigure, fullFigure } from '../../../ui/wording/figures.ts';
import { gapPhrase } from '../../../ui/wording/phrases.ts';
import { BriefChart } from '../BriefChart.tsx';
import { barRows, barsOption, SLIDE_LOOK } from '../options.ts';
import { bt, regionName, regionResult, standardLine, targetById, targetLabel } from '../text.ts';
import { Fit } from './Fit.tsx';
import { Ref, SlideFrame, StatusChip, Unverified, type SlideProps } from './SlideFrame.tsx';

export function BarsSlide(p: SlideProps) {
  const { brief: b, lang, refs } = p;
  const id = (p.spec as Extract<SlideSpec, { kind: 'bars' }>).target;
  const t = targetById(b, id)!;
  const option = useMemo(() => {
    const o = barsOption(b, id, lang, SLIDE_LOOK);
    return o && { ...o, tooltip: { show: false } };
  }, [b, id, lang]);
  const r = regionResult(b.current, id);
  const rows = barRows(b, id);
  const known = rows.filter((x) => x.value !== null);
  const short = rows.filter((x) => x.status === 'short').length;
  const near = rows.filter((x) => x.status === 'near').length;
  const phrase = r ? gapPhrase(t, r, lang) : null;
  const highest = known[0],
    lowest = known[known.length - 1];
  const ref = refs.get(id);
  return (
    <SlideFrame p={p} title={bt(lang, 'slide.bars.title', { target: targetLabel(t, lang) })} kicker={standardLine(b, lang)}>
      <div className="bs-bars">
        <div className="bs-chart-box">
          {option && <BriefChart option={option} testId="slide-chart" ariaLabel={bt(lang, 'chart.bars', { target: targetLabel(t, lang) })} />}
        </div>
        <Fit className="bs-side">
          {r && (
            <>
              <div className="bs-side-label">
                {regionName(b, lang)}
                <Ref n={ref} />
                {t.unverified && <Unverified lang={lang} />}
              </div>
              <div className="bs-side-figure" data-testid="slide-bars-figure">
                {fullFigure(t, r, lang)}
              </div>
              <div className="bs-side-status">
                <StatusChip status={r.status} lang={lang} />
              </div>
              {phrase && <div className={`bs-side-gap is-${r.status}`}>{phrase}</div>}
            </>
          )}
          <div className="bs-side-line">{bt(lang, near ? 'slide.bars.countiesNear' : 'slide.bars.counties', { n: rows.length, short, near })}</div>
          {highest && <div className="bs-side-line">{bt(lang, 'slide.bars.highest', { name: highest.name, value: cellFigure(t, highest, lang) })}</div>}
          {lowest && lowest !== highest && (
            <div className="bs-side-line">{bt(lang, 'slide.bars.lowest', { name: lowest.name, value: cellFigure(t, lowest, lang) })}</div>
          )}
          <div className="bs-side-note">
            {bt(lang, 'slide.bars.legend')}
            <br />
            {bt(lang, 'slide.bars.legendLine')}
          </div>
          <div className="bs-side-source">
            [{ref}] {t.source.document} {t.source.clause}
          </div>
        </Fit>
      </div>
    </SlideFrame>
  );
}
