/**
 * Where every target comes from: its note number (the [n] beside each figure), the document number,
 * the clause and the original wording; binding or expected, and 待核实 where the figure is not
 * confirmed from the original document. Ten a slide, in the set's order.
 */
import { SOURCES_PER_SLIDE, type SlideSpec } from '../../../../shared/briefing/slides.ts';
import { bt, standardLine, targetLabel } from '../text.ts';
import { Fit } from './Fit.tsx';
import { SlideFrame, Unverified, type SlideProps } from './SlideFrame.tsx';

export function SourcesSlide(p: SlideProps) {
  const { brief: b, lang, refs } = p;
  const spec = p.spec as Extract<SlideSpec, { kind: 'sources' }>;
  const targets = b.targets.slice((spec.part - 1) * SOURCES_PER_SLIDE, spec.part * SOURCES_PER_SLIDE);
  const part = spec.parts > 1 ? bt(lang, 'slide.part', { part: spec.part, parts: spec.parts }) : '';
  return (
    <SlideFrame p={p} title={`${bt(lang, 'slide.sources.title')}${part}`} kicker={standardLine(b, lang)}>
      <Fit className="bs-table-fit">
        <table className="bs-table bs-sources-table" data-testid="slide-sources">
          <thead>
            <tr>
              <th scope="col" className="c-no">
                #
              </th>
              <th scope="col" className="c-name">
                {bt(lang, 'slide.group.target')}
              </th>
              <th scope="col" className="c-doc">
                {bt(lang, 'slide.sources.document')} · {bt(lang, 'slide.sources.clause')}
              </th>
              <th scope="col" className="c-text">
                {bt(lang, 'slide.sources.text')}
              </th>
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => (
              <tr key={t.id} data-testid="slide-source" data-target={t.id}>
                <td className="c-no">[{refs.get(t.id)}]</td>
                <th scope="row" className="c-name">
                  {targetLabel(t, lang)}
                  <span className="bs-badge">{bt(lang, t.binding ? 'slide.sources.binding' : 'slide.sources.expected')}</span>
                  {t.unverified && <Unverified lang={lang} />}
                </th>
                <td className="c-doc">
                  <span className="bs-doc" data-testid="slide-source-document">
                    {t.source.document}
                  </span>
                  <span className="bs-clause">{t.source.clause}</span>
                </td>
                <td className="c-text">“{t.source.text}”</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Fit>
    </SlideFrame>
  );
}
