/** The projects by year: what is built, moved or extended when, with its source — the first rows, and how many more. */
import { num } from '../../../ui/wording/figures.ts';
import { bt, standardLine } from '../text.ts';
import { Fit } from './Fit.tsx';
import { SlideFrame, type SlideProps } from './SlideFrame.tsx';

/** Rows on the slide; the rest are counted. */
export const TIMELINE_ROWS = 9;

export function TimelineSlide(p: SlideProps) {
  const { brief: b, lang } = p;
  const rows = [...b.projects].sort((x, y) => x.year - y.year);
  const shown = rows.slice(0, TIMELINE_ROWS);
  const costs = rows.some((x) => x.cost !== null);
  return (
    <SlideFrame p={p} title={bt(lang, 'slide.timeline.title')} kicker={standardLine(b, lang)}>
      <Fit className="bs-table-fit">
        <table className={`bs-table bs-timeline-table${costs ? ' has-cost' : ''}`} data-testid="slide-timeline-table">
          <thead>
            <tr>
              <th scope="col" className="c-year">
                {bt(lang, 'slide.timeline.year')}
              </th>
              <th scope="col" className="c-pname">
                {bt(lang, 'slide.timeline.name')}
              </th>
              <th scope="col" className="c-kind">
                {bt(lang, 'slide.timeline.kind')}
              </th>
              <th scope="col" className="c-facility">
                {bt(lang, 'slide.timeline.facility')}
              </th>
              <th scope="col" className="c-change">
                {bt(lang, 'slide.timeline.change')}
              </th>
              {costs && (
                <th scope="col" className="c-cost">
                  {bt(lang, 'slide.timeline.cost')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((x, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static slide table; two projects may share year and name, so the index keeps keys unique
              <tr key={`${x.year}-${x.name}-${i}`} data-testid="slide-project">
                <td className="c-year">{x.year}</td>
                <th scope="row">
                  {x.name}
                  {x.source && <span className="bs-cell-note">{x.source}</span>}
                </th>
                <td>{x.kind}</td>
                <td>{x.facility}</td>
                <td>{x.change}</td>
                {costs && <td className="c-cost">{x.cost === null ? '—' : num(x.cost)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length > shown.length && <div className="bs-more">{bt(lang, 'slide.timeline.more', { n: num(rows.length - shown.length) })}</div>}
      </Fit>
    </SlideFrame>
  );
}
