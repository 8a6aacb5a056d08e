/**
 * The proposals: what the scenario changes against the one compared with (facilities new, removed,
 * changed — the first lines, and how many more) and what it costs at the plan's own prices (the
 * comparison screen's own figures and wording).
 */
import { enumLabel, sep } from '../../../ui/i18n/labels.ts';
import { fieldName, fieldValue, lineName, lineQuantity, money, yuan } from '../../../ui/wording/compare.ts';
import { num } from '../../../ui/wording/figures.ts';
import { bt, scenarioName, standardLine } from '../text.ts';
import { Fit } from './Fit.tsx';
import { SlideFrame, type SlideProps } from './SlideFrame.tsx';

/** Change lines on the slide; the rest are counted. */
export const PROPOSAL_LINES = 8;
/** Cost lines on the slide. */
export const COST_LINES = 6;

export interface ProposalLine {
  kind: 'added' | 'removed' | 'changed';
  id: string;
  name: string;
  meta: string;
}

/** The facility changes as lines: the new first, then the removed, then the changed. */
export function proposalLines(p: NonNullable<SlideProps['brief']['proposals']>, lang: SlideProps['lang']): ProposalLine[] {
  const f = p.changes.facilities;
  const where = (code: string) => p.unitNames[code] ?? '';
  const figures = (x: { beds_open: number | null; physicians: number | null }) =>
    [x.beds_open !== null ? `${bt(lang, 'beds')} ${num(x.beds_open)}` : '', x.physicians !== null ? `${bt(lang, 'physicians')} ${num(x.physicians)}` : '']
      .filter(Boolean)
      .join(sep(lang, 'comma'));
  return [
    ...f.added.map((x) => ({
      kind: 'added' as const,
      id: x.id,
      name: x.name,
      meta: [enumLabel('facilityType', x.type, lang), where(x.unit_code), figures(x)].filter(Boolean).join(' · '),
    })),
    ...f.removed.map((x) => ({
      kind: 'removed' as const,
      id: x.id,
      name: x.name,
      meta: [enumLabel('facilityType', x.type, lang), where(x.unit_code)].filter(Boolean).join(' · '),
    })),
    ...f.changed.map((x) => ({
      kind: 'changed' as const,
      id: x.id,
      name: x.name,
      meta:
        x.fields
          .slice(0, 2)
          .map((c) => `${fieldName(c.field, lang)} ${fieldValue(c.field, c.from, lang)} → ${fieldValue(c.field, c.to, lang)}`)
          .join(sep(lang, 'semi')) + (x.fields.length > 2 ? ' …' : ''),
    })),
  ];
}

export function ProposalsSlide(p: SlideProps) {
  const { brief: b, lang } = p;
  const pr = b.proposals!;
  const f = pr.changes.facilities;
  const cost = pr.changes.cost;
  const lines = proposalLines(pr, lang);
  const shown = lines.slice(0, PROPOSAL_LINES);
  return (
    <SlideFrame p={p} title={bt(lang, 'slide.proposals.title')} kicker={standardLine(b, lang)}>
      <div className="bs-proposals">
        <Fit className="bs-prop-list">
          <div className="bs-prop-head">{bt(lang, 'slide.proposals.against', { name: scenarioName(pr.against, lang) })}</div>
          <div className="bs-prop-counts">
            {bt(lang, 'slide.proposals.counts', { added: num(f.added.length), removed: num(f.removed.length), changed: num(f.changed.length) })}
          </div>
          <ul>
            {shown.map((l) => (
              <li key={`${l.kind}-${l.id}`} data-testid="slide-proposal" data-kind={l.kind}>
                <span className={`bs-tag is-${l.kind}`}>{bt(lang, `slide.proposals.${l.kind}`)}</span>
                <span className="bs-prop-name">{l.name}</span>
                {l.meta && <span className="bs-prop-meta">{l.meta}</span>}
              </li>
            ))}
          </ul>
          {lines.length > shown.length && <div className="bs-more">{bt(lang, 'slide.proposals.more', { n: num(lines.length - shown.length) })}</div>}
        </Fit>
        <div className="bs-prop-cost">
          <Fit className="bs-prop-cost-fit">
            <div className="bs-side-label">{bt(lang, 'slide.proposals.cost')}</div>
            {cost.priced ? (
              <>
                <div className="bs-side-figure" data-testid="slide-cost-total">
                  {money(cost.total, lang)}
                </div>
                <table className="bs-cost-table">
                  <tbody>
                    {cost.lines.slice(0, COST_LINES).map((l) => (
                      <tr key={`${l.item}-${l.type ?? ''}`}>
                        <th scope="row">{lineName(l, lang)}</th>
                        <td>{lineQuantity(l, lang)}</td>
                        <td>{yuan(l.amount!)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {cost.lines.length > COST_LINES && (
                  <div className="bs-more">{bt(lang, 'slide.proposals.more', { n: num(cost.lines.length - COST_LINES) })}</div>
                )}
                {!cost.complete && <div className="bs-side-note">{bt(lang, 'slide.proposals.costPartial')}</div>}
              </>
            ) : (
              <div className="bs-side-note" data-testid="slide-cost-none">
                {bt(lang, 'slide.proposals.costNone')}
              </div>
            )}
            {cost.unpriced.length > 0 && cost.priced && (
              <div className="bs-side-note">
                {bt(lang, 'slide.proposals.unpriced', {
                  items: cost.unpriced.map((l) => `${lineName(l, lang)} ${lineQuantity(l, lang)}`).join(sep(lang, 'semi')),
                })}
              </div>
            )}
            <div className="bs-side-source">{bt(lang, 'slide.proposals.costSource')}</div>
          </Fit>
        </div>
      </div>
    </SlideFrame>
  );
}
