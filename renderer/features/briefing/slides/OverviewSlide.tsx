/** The region at a glance: population and counts, how many targets stand where, six headline figures, and how the figures were made. */
import { bt, headlineTargets, int, regionName, regionResult, standardLine, tally } from '../text.ts';
import { Fit } from './Fit.tsx';
import { Headline } from './Headline.tsx';
import { SlideFrame, StatusChip, type SlideProps } from './SlideFrame.tsx';
import { sep } from '../../../ui/i18n/labels.ts';

export const OVERVIEW_TILES = 6;

export function OverviewSlide(p: SlideProps) {
  const { brief: b, lang, refs } = p;
  const counts = tally(b.current);
  const targets = headlineTargets(b, OVERVIEW_TILES);
  const population = b.current.region.find((r) => r.population !== undefined)?.population ?? b.counts.population;
  const stat = (label: string, value: string, testId?: string) => (
    <div className="bs-stat" data-testid={testId}>
      <div className="bs-stat-value">{value}</div>
      <div className="bs-stat-label">{label}</div>
    </div>
  );
  return (
    <SlideFrame p={p} title={`${regionName(b, lang)} · ${bt(lang, 'slide.overview.title')}`} kicker={standardLine(b, lang)}>
      <div className="bs-overview">
        <div className="bs-stats">
          {stat(bt(lang, 'slide.overview.population', { year: b.standard.year }), int(population), 'slide-population')}
          {stat(bt(lang, 'slide.overview.counties'), int(b.counts.counties))}
          {stat(bt(lang, 'slide.overview.townships'), int(b.counts.townships))}
          {stat(bt(lang, 'slide.overview.facilities'), int(b.counts.facilities))}
          <div className="bs-stat bs-tally" data-testid="slide-tally">
            <div className="bs-stat-label">{bt(lang, 'slide.overview.tally', { n: b.current.region.length })}</div>
            <div className="bs-tally-row">
              {(['met', 'near', 'short', 'missing_data'] as const)
                .filter((s) => counts[s] > 0 || s !== 'missing_data')
                .map((s) => (
                  <span key={s} className="bs-tally-item">
                    <StatusChip status={s} lang={lang} />
                    <b>{counts[s]}</b>
                  </span>
                ))}
            </div>
          </div>
        </div>
        <div className={`bs-tiles n-${targets.length}`}>
          {targets
            .filter((t) => regionResult(b.current, t.id))
            .map((t) => (
              <Headline key={t.id} brief={b} target={t} lang={lang} refNo={refs.get(t.id)} className="bs-tile" testId="slide-headline" />
            ))}
        </div>
        {b.notes.length > 0 && (
          <Fit className="bs-notes-fit">
            <p className="bs-notes">{bt(lang, 'slide.overview.notes', { text: b.notes.join(sep(lang, 'semi')) })}</p>
          </Fit>
        )}
      </div>
    </SlideFrame>
  );
}
