/** The title: plan name, the scenario (and the one compared), date, standard set and year, and the sample warning. */
import { bt, scenarioName } from '../text.ts';
import { Fit } from './Fit.tsx';
import { SlideFrame, type SlideProps } from './SlideFrame.tsx';

export function TitleSlide(p: SlideProps) {
  const { brief: b, lang } = p;
  return (
    <SlideFrame p={p} title={b.planName} bare>
      <div className="bs-cover">
        <div className="bs-cover-deck">{bt(lang, 'deck')}</div>
        <Fit className="bs-cover-name-fit">
          <h1 className="bs-cover-name" data-testid="slide-title">
            {b.planName}
          </h1>
        </Fit>
        <div className="bs-cover-lines">
          <div className="bs-cover-scenario">
            {bt(lang, 'scenario', { name: scenarioName(b.current.scenario, lang) })}
            {b.compare && <span className="bs-cover-compare">{bt(lang, 'compared', { name: scenarioName(b.compare.scenario, lang) })}</span>}
          </div>
          <Fit nowrap className="bs-cover-standard-fit">
            <div className="bs-cover-standard">{bt(lang, 'standard', { name: b.standard.name, year: b.standard.year })}</div>
          </Fit>
          <div className="bs-cover-date">{bt(lang, 'date', { date: b.date })}</div>
        </div>
        {b.sample && (
          <div className="bs-cover-sample" data-testid="slide-sample-banner">
            {bt(lang, 'sample')}
          </div>
        )}
      </div>
    </SlideFrame>
  );
}
