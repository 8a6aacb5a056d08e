/**
 * 谁被落下 (who is left out): one access analysis's covered share by group — everyone, urban, rural,
 * and 0–3 / 65+ where the plan has them — with the people left out, the compared scenario's share
 * beside it, and the groups worst served (the counties' lowest shares). The figures are the access
 * result's own groups (shared/access/groups.ts), as `healthplan access --by urban,age` gives them.
 */
import type { GroupCoverage, GroupKey, WorstGroup } from '../../../../shared/access/groups.ts';
import type { Brief, BriefEquity } from '../../../../shared/briefing/model.ts';
import type { Lang } from '../../../ui/i18n/index.ts';
import { pct } from '../../../ui/wording/figures.ts';
import { BAND_COLOUR, bandOf, bt, int, regionName, scenarioName, standardLine } from '../text.ts';
import { Fit } from './Fit.tsx';
import { SlideFrame, type SlideProps } from './SlideFrame.tsx';

export const groupName = (g: GroupKey, lang: Lang) => bt(lang, `equity.group.${g}`);
export const shareText = (s: number | null) => (s === null ? '—' : pct(s));

/** 浏阳市 · 农村：57.9%，87,306 人未覆盖. */
export function worstLine(w: WorstGroup, b: Brief, lang: Lang): string {
  return bt(lang, 'equity.worstLine', {
    area: w.scope === 'region' ? regionName(b, lang) : w.name,
    group: groupName(w.group, lang),
    share: pct(w.share),
    leftOut: int(w.leftOut),
  });
}

/** The compared scenario's share of the same group. */
export const beforeOf = (e: BriefEquity, g: GroupCoverage) => e.before?.find((x) => x.group === g.group) ?? null;

/** The groups' table: group, people, covered share (with a bar in the coverage map's colours), people left out, and the compared scenario's share. */
export function EquityTable({ b, e, lang, className, testId }: { b: Brief; e: BriefEquity; lang: Lang; className: string; testId: string }) {
  return (
    <table className={`${className}${e.before && b.compare ? ' has-before' : ''}`} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col" className="c-group">
            {bt(lang, 'equity.groupCol')}
          </th>
          <th scope="col" className="c-num">
            {bt(lang, 'equity.population')}
          </th>
          {e.before && b.compare && (
            <th scope="col" className="c-num c-before">
              {scenarioName(b.compare.scenario, lang)}
            </th>
          )}
          <th scope="col" className="c-share">
            {bt(lang, 'equity.share')}
          </th>
          <th scope="col" className="c-num">
            {bt(lang, 'equity.leftOut')}
          </th>
        </tr>
      </thead>
      <tbody>
        {e.groups.map((g) => {
          const before = beforeOf(e, g);
          return (
            <tr key={g.group} data-testid={`${testId}-row`} data-group={g.group} className={g.group === 'all' ? 'is-all' : undefined}>
              <th scope="row">{groupName(g.group, lang)}</th>
              <td className="c-num">{int(g.population)}</td>
              {e.before && b.compare && <td className="c-num c-before">{before ? shareText(before.share) : '—'}</td>}
              <td className="c-share">
                <span className="eq-share">{shareText(g.share)}</span>
                {g.share !== null && (
                  <span className="eq-meter" aria-hidden="true">
                    <i style={{ width: `${Math.round(g.share * 1000) / 10}%`, background: BAND_COLOUR[bandOf(g.share)] }} />
                  </span>
                )}
              </td>
              <td className="c-num">{int(g.leftOut)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function EquitySlide(p: SlideProps) {
  const { brief: b, lang, spec } = p;
  const e = b.equity![spec.kind === 'equity' ? spec.index : 0]!;
  return (
    <SlideFrame p={p} title={bt(lang, 'slide.equity.title', { label: e.label })} kicker={standardLine(b, lang)}>
      <div className="bs-eq">
        <Fit className="bs-eq-main">
          <EquityTable b={b} e={e} lang={lang} className="bs-table bs-eq-table" testId="slide-equity-table" />
        </Fit>
        <Fit className="bs-eq-side">
          <div className="bs-side-label">{bt(lang, 'equity.worst')}</div>
          {e.worst.length ? (
            <ol className="bs-eq-worst" data-testid="slide-equity-worst">
              {e.worst.map((w) => (
                <li key={`${w.code}-${w.group}`}>{worstLine(w, b, lang)}</li>
              ))}
            </ol>
          ) : (
            <div className="bs-side-line">{bt(lang, 'equity.none')}</div>
          )}
          <div className="bs-side-note">{bt(lang, 'equity.rule', { urban: e.urbanMinutes, rural: e.ruralMinutes })}</div>
          <div className="bs-side-note" data-testid="slide-equity-note">
            {e.note}
          </div>
        </Fit>
      </div>
    </SlideFrame>
  );
}
