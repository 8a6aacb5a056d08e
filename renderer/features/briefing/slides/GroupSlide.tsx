/**
 * A group of targets (床位, 人员 …; at most 8 a slide) for the region: each target with its source
 * note, the value against what is required, its traffic light and the shortfall in words — the gap
 * table's own wording — and the compared scenario's value beside it where there is one.
 */
import type { SlideSpec } from '../../../../shared/briefing/slides.ts';
import { cellFigure, DASH, fullFigure } from '../../../ui/wording/figures.ts';
import { gapPhrase } from '../../../ui/wording/phrases.ts';
import { bt, groupName, regionName, regionResult, scenarioName, standardLine, targetById, targetLabel } from '../text.ts';
import { Fit } from './Fit.tsx';
import { Meter } from './Headline.tsx';
import { Ref, SlideFrame, StatusChip, Unverified, type SlideProps } from './SlideFrame.tsx';

export function GroupSlide(p: SlideProps) {
  const { brief: b, lang, refs } = p;
  const spec = p.spec as Extract<SlideSpec, { kind: 'group' }>;
  const targets = spec.targets.map((id) => targetById(b, id)).filter((t) => t !== undefined);
  const part = spec.parts > 1 ? bt(lang, 'slide.part', { part: spec.part, parts: spec.parts }) : '';
  const compare = b.compare;
  return (
    <SlideFrame p={p} title={`${groupName(spec.group, lang)}${part}`} kicker={`${regionName(b, lang)} · ${standardLine(b, lang)}`}>
      <Fit className="bs-table-fit">
        <table className={`bs-table${compare ? ' has-compare' : ''}${targets.length <= 4 ? ' is-few' : ''}`} data-testid="slide-group-table">
          <thead>
            <tr>
              <th scope="col" className="c-name">
                {bt(lang, 'slide.group.target')}
              </th>
              {compare && (
                <th scope="col" className="c-before">
                  {scenarioName(compare.scenario, lang)}
                </th>
              )}
              <th scope="col" className="c-figure">
                {compare ? bt(lang, 'slide.group.scenarioFigure', { name: scenarioName(b.current.scenario, lang) }) : bt(lang, 'slide.group.figure')}
              </th>
              <th scope="col" className="c-status">
                {bt(lang, 'slide.group.status')}
              </th>
              <th scope="col" className="c-gap">
                {bt(lang, 'slide.group.gap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => {
              const r = regionResult(b.current, t.id);
              const before = regionResult(compare, t.id);
              return (
                <tr key={t.id} data-testid="slide-group-row" data-target={t.id}>
                  <th scope="row" className="c-name">
                    {targetLabel(t, lang)}
                    <Ref n={refs.get(t.id)} />
                    {t.unverified && <Unverified lang={lang} />}
                  </th>
                  {compare && <td className="c-before">{before ? cellFigure(t, before, lang) : DASH}</td>}
                  <td className="c-figure">
                    <span data-testid="slide-group-figure">{r ? fullFigure(t, r, lang) : DASH}</span>
                    {r && <Meter t={t} r={r} />}
                  </td>
                  <td className="c-status">{r && <StatusChip status={r.status} lang={lang} />}</td>
                  <td className={`c-gap is-${r?.status ?? 'missing_data'}`}>{r ? (gapPhrase(t, r, lang) ?? bt(lang, 'slide.group.noGap')) : DASH}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Fit>
    </SlideFrame>
  );
}
