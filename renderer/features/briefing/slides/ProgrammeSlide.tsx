/**
 * 分年度实施计划: the programme the scenario was written from as a Gantt-like table — its projects (or,
 * when more than fit, their kinds) down, its years across, each cell the 投资估算 (万元) in that year —
 * with each year's spend against its money, and one line of what it achieves by its last year (the gap
 * engine's own verdicts for that year).
 */
import type { Brief } from '../../../../shared/briefing/model.ts';
import { type BriefProgramme, type ProgrammeRow, type ProgrammeYear, programmeOutcome, programmeRows } from '../../../../shared/briefing/programme.ts';
import type { Lang } from '../../../ui/i18n/index.ts';
import { sep } from '../../../ui/i18n/labels.ts';
import { num, pct } from '../../../ui/wording/figures.ts';
import { bt, standardLine, targetLabel } from '../text.ts';
import { Fit } from './Fit.tsx';
import { SlideFrame, type SlideProps } from './SlideFrame.tsx';

/** Unmet targets named on the outcome line; the rest are an ellipsis. */
const UNMET_NAMED = 3;

/** 到 2030 年，12 项可判定指标中 10 项达标（约束性 4/4）；仍未达标：A、B (null: no target judged that year). */
export function outcomeLine(b: Brief, lang: Lang): string | null {
  const o = programmeOutcome(b.programme!, b.targets);
  if (!o.judged) return null;
  let s = bt(lang, 'slide.programme.outcome', { year: o.year, judged: num(o.judged), met: num(o.met) });
  if (o.bindingJudged) s += `${sep(lang, 'comma')}${bt(lang, 'slide.programme.outcomeBinding', { met: num(o.bindingMet), of: num(o.bindingJudged) })}`;
  if (o.unmet.length) {
    const names = o.unmet.slice(0, UNMET_NAMED).map((t) => targetLabel(t, lang));
    s += `${sep(lang, 'semi')}${bt(lang, 'slide.programme.unmet', { names: names.join(sep(lang, 'list')) + (o.unmet.length > UNMET_NAMED ? ' …' : '') })}`;
  }
  return s;
}

/** The row's name: the project's, the group's kind · type, or 另有 N 项. */
export function rowLabel(r: ProgrammeRow, lang: Lang): string {
  return r.what === 'rest' ? bt(lang, 'slide.programme.rest', { count: r.count }) : r.label;
}

/** A year's spend: 4,800 / 5,000 (and, with carry-over, what could be spent when more than its money). */
export function spendText(y: ProgrammeYear, p: BriefProgramme, lang: Lang): { main: string; sub: string | null } {
  return {
    main: `${num(y.spent)} / ${num(y.money)}`,
    sub: p.carryOver && y.available > y.money ? bt(lang, 'slide.programme.available', { n: num(y.available) }) : null,
  };
}

/** Under the table: the unit, carry-over, how good the schedule is, and what changed since it was written. */
export function programmeNotes(p: BriefProgramme, lang: Lang): string {
  const parts = [bt(lang, 'slide.programme.unit'), bt(lang, p.carryOver ? 'slide.programme.carryOver' : 'slide.programme.noCarryOver')];
  if (p.optimal) parts.push(bt(lang, 'slide.programme.optimal'));
  else if (p.optimal === false && p.gap !== null) parts.push(bt(lang, 'slide.programme.gap', { pct: pct(p.gap) }));
  if (p.changed) parts.push(bt(lang, 'slide.programme.changed', { count: p.changed }));
  if (p.gone) parts.push(bt(lang, 'slide.programme.gone', { count: p.gone }));
  if (p.outside) parts.push(bt(lang, 'slide.programme.outside', { count: p.outside }));
  return parts.join(sep(lang, 'meta'));
}

export function ProgrammeSlide(p: SlideProps) {
  const { brief: b, lang } = p;
  const pr = b.programme!;
  const rows = programmeRows(pr);
  const grouped = rows.some((r) => r.what !== 'project');
  const outcome = outcomeLine(b, lang);
  return (
    <SlideFrame p={p} title={bt(lang, 'slide.programme.title')} kicker={standardLine(b, lang)}>
      {outcome && (
        <Fit className="bs-prog-outcome-fit">
          <div className="bs-prog-outcome" data-testid="slide-programme-outcome">
            {outcome}
          </div>
        </Fit>
      )}
      <Fit className="bs-table-fit">
        <table className={`bs-table bs-prog-table${rows.length <= 5 ? ' is-roomy' : ''}`} data-testid="slide-programme-table">
          <thead>
            <tr>
              <th scope="col" className="c-item">
                {bt(lang, grouped ? 'slide.programme.group' : 'slide.programme.item')}
              </th>
              {pr.years.map((y) => (
                <th scope="col" key={y.year} className="c-year">
                  {y.year}
                </th>
              ))}
              <th scope="col" className="c-year c-total">
                {bt(lang, 'slide.programme.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static slide table; two projects may share a name, so the index keeps keys unique
              <tr key={`${r.label}-${i}`} data-testid="slide-programme-row" data-what={r.what}>
                <th scope="row">
                  {rowLabel(r, lang)}
                  {(r.detail || r.what === 'group') && (
                    <span className="bs-cell-note">{r.what === 'group' ? bt(lang, 'slide.programme.count', { count: r.count }) : r.detail}</span>
                  )}
                </th>
                {pr.years.map((y) => {
                  const c = r.cells[y.year];
                  return (
                    <td key={y.year} className="c-year" data-year={y.year}>
                      {c && (
                        <span className="bs-prog-bar">
                          {num(c.cost)}
                          {r.what !== 'project' && <small>{bt(lang, 'slide.programme.count', { count: c.count })}</small>}
                        </span>
                      )}
                    </td>
                  );
                })}
                <td className="c-year c-total">{num(r.total)}</td>
              </tr>
            ))}
            {!rows.length && (
              <tr>
                <th scope="row" colSpan={pr.years.length + 2}>
                  {bt(lang, 'slide.programme.none')}
                </th>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr data-testid="slide-programme-spend">
              <th scope="row">{bt(lang, 'slide.programme.spend')}</th>
              {pr.years.map((y) => {
                const s = spendText(y, pr, lang);
                return (
                  <td key={y.year} className={`c-year${y.spent > y.available + 1e-6 ? ' is-over' : ''}`} data-year={y.year}>
                    {s.main}
                    {s.sub && <small>{s.sub}</small>}
                  </td>
                );
              })}
              <td className="c-year c-total">{`${num(pr.spent)} / ${num(pr.money)}`}</td>
            </tr>
          </tfoot>
        </table>
      </Fit>
      <Fit className="bs-prog-notes-fit">
        <p className="bs-notes" data-testid="slide-programme-notes">
          {programmeNotes(pr, lang)}
        </p>
      </Fit>
    </SlideFrame>
  );
}
