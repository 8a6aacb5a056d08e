/**
 * 分年度安排, Gantt-like: a row per action placed, a column per year, the cell of its year marked with its
 * cost (万元); at the foot each year's money, what could be spent (with carry-over), what was spent (red
 * when over) and recruits used; below, the actions placed in no year and why. Each action's rule (固定年份
 * / 不早于 / 不纳入) can be set in its row; it takes effect at the next 测算.
 */
import type { ProgrammeActionOut, ProgrammeOut } from '../../../shared/api/methods/programme.ts';
import { PROJECT_KIND_LABELS } from '../../../shared/timeline/project.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { labelIn } from '../../ui/i18n/labels.ts';
import { useState } from 'react';
import { parseNumber, type TableRule } from './form.ts';

const WAN = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
export const wan = (n: number) => WAN.format(n);

interface Props {
  result: ProgrammeOut;
  rules: Record<string, TableRule>;
  onRule(action: string, rule: TableRule | null): void;
}

export function ScheduleTable({ result, rules, onRule }: Props) {
  const { t, lang } = useLang();
  const years = result.years.map((y) => y.year);
  const placed = result.years.flatMap((y) => y.actions.map((a) => ({ a, year: y.year })));
  const staffKeys = [...new Set(result.years.flatMap((y) => Object.keys(y.staff)))];

  return (
    <section className="pg-section" data-testid="pg-schedule">
      <header className="pg-section-head">
        <h3>{t('programme.schedule.title')}</h3>
        <span className="pg-muted">{t('programme.schedule.count', { n: placed.length, count: placed.length, from: result.fromYear, to: result.toYear })}</span>
      </header>
      <div className="pg-scroll">
        <table className="pg-gantt">
          <thead>
            <tr>
              <th scope="col" className="pg-action-h">
                {t('programme.schedule.action')}
              </th>
              {years.map((y) => (
                <th key={y} scope="col" className="pg-year-h" data-testid="pg-year-h">
                  {y}
                </th>
              ))}
              <th scope="col" className="pg-rule-h">
                {t('programme.schedule.rule')}
              </th>
            </tr>
          </thead>
          <tbody>
            {placed.length === 0 && (
              <tr>
                <td colSpan={years.length + 2} className="pg-muted pg-none">
                  {t('programme.schedule.none')}
                </td>
              </tr>
            )}
            {placed.map(({ a, year }) => (
              <tr key={a.id} data-testid="pg-placed" data-action={a.id} data-year={year}>
                <th scope="row" className="pg-action">
                  <ActionName a={a} />
                </th>
                {years.map((y) => (
                  <td key={y} className={`pg-slot${y === year ? ' is-on' : ''}`}>
                    {y === year && (
                      <span className="pg-bar" data-testid="pg-bar">
                        {a.cost === null ? t('programme.schedule.noCost') : wan(a.cost)}
                      </span>
                    )}
                  </td>
                ))}
                <td className="pg-rule">
                  <RulePicker a={a} years={years} rule={rules[a.id]} onRule={onRule} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="pg-foot-money">
              <th scope="row">{t('programme.schedule.money')}</th>
              {result.years.map((y) => (
                <td key={y.year} data-testid="pg-money-cell" data-year={y.year}>
                  {wan(y.money)}
                </td>
              ))}
              <td />
            </tr>
            {result.carryOver && (
              <tr>
                <th scope="row">{t('programme.schedule.available')}</th>
                {result.years.map((y) => (
                  <td key={y.year} data-testid="pg-available-cell" data-year={y.year}>
                    {wan(y.available)}
                  </td>
                ))}
                <td />
              </tr>
            )}
            <tr className="pg-foot-spent">
              <th scope="row">{t('programme.schedule.spent')}</th>
              {result.years.map((y) => {
                const over = y.spent > y.available + 1e-6;
                return (
                  <td
                    key={y.year}
                    className={over ? 'is-over' : ''}
                    title={over ? t('programme.schedule.over') : undefined}
                    data-testid="pg-spent-cell"
                    data-year={y.year}
                    data-over={over}
                  >
                    {wan(y.spent)} / {wan(y.available)}
                  </td>
                );
              })}
              <td />
            </tr>
            {staffKeys.map((k) => (
              <tr key={k}>
                <th scope="row">
                  {t('programme.schedule.staffRow')} · {staffLabel(k, t)}
                </th>
                {result.years.map((y) => {
                  const s = y.staff[k];
                  const over = !!s && s.used > s.limit;
                  return (
                    <td key={y.year} className={over ? 'is-over' : ''}>
                      {s ? `${s.used} / ${s.limit}` : ''}
                    </td>
                  );
                })}
                <td />
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
      {result.unscheduled.length > 0 && (
        <div className="pg-unscheduled" data-testid="pg-unscheduled">
          <h4>{t('programme.schedule.unscheduled', { n: result.unscheduled.length })}</h4>
          <table className="pg-list">
            <tbody>
              {result.unscheduled.map((u) => (
                <tr key={u.id} data-testid="pg-unscheduled-row" data-action={u.id} data-why={u.why}>
                  <th scope="row" className="pg-action">
                    <ActionName a={u} />
                  </th>
                  <td className="pg-cost">
                    {u.why === 'unpriced' || rules[u.id]?.cost !== undefined ? (
                      <CostInput a={u} rule={rules[u.id]} onRule={onRule} />
                    ) : u.cost === null ? (
                      t('programme.schedule.noCost')
                    ) : (
                      t('programme.wan', { n: wan(u.cost) })
                    )}
                  </td>
                  <td className="pg-why" data-testid="pg-why">
                    {labelIn({ zh: u.whyText, en: u.whyTextEn }, lang)}
                  </td>
                  <td className="pg-rule">
                    <RulePicker a={u} years={years} rule={rules[u.id]} onRule={onRule} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ActionName({ a }: { a: ProgrammeActionOut }) {
  const { t, lang } = useLang();
  return (
    <>
      <span className="pg-action-line">
        <span className={`pg-kind is-${a.kind}`}>{labelIn(PROJECT_KIND_LABELS[a.kind], lang)}</span>
        <span className="pg-action-name">{a.name}</span>
      </span>
      <span className="pg-action-sub">
        {t(`programme.source.${a.source}`)}
        {a.facility ? ` · ${a.facility}` : ''}
        {a.fixedYear ? ` · ${t('programme.rules.fixed', { year: a.fixedYear })}` : ''}
        {a.notBefore ? ` · ${t('programme.rules.notBefore', { year: a.notBefore })}` : ''}
      </span>
    </>
  );
}

const staffLabel = (k: string, t: ReturnType<typeof useLang>['t']) =>
  k === 'physicians' || k === 'nurses' || k === 'gps'
    ? t(`programme.form.staffKind.${k}`)
    : k === 'health_technicians'
      ? t('programme.form.staffKind.tech')
      : k;

/** One select: 自动排期, 固定 Y, 不早于 Y, 不纳入. */
function RulePicker({ a, years, rule, onRule }: { a: ProgrammeActionOut; years: number[]; rule: TableRule | undefined; onRule: Props['onRule'] }) {
  const { t } = useLang();
  const value = !rule
    ? ''
    : rule.exclude
      ? 'exclude'
      : rule.fixedYear !== undefined
        ? `fix:${rule.fixedYear}`
        : rule.notBefore !== undefined
          ? `nb:${rule.notBefore}`
          : '';
  const cost = rule?.cost !== undefined ? { cost: rule.cost } : {};
  const pick = (v: string) => {
    if (v === '') onRule(a.id, rule?.cost !== undefined ? cost : null);
    else if (v === 'exclude') onRule(a.id, { ...cost, exclude: true });
    else if (v.startsWith('fix:')) onRule(a.id, { ...cost, fixedYear: Number(v.slice(4)) });
    else onRule(a.id, { ...cost, notBefore: Number(v.slice(3)) });
  };
  return (
    <select
      className="pg-rule-select"
      value={value}
      onChange={(e) => pick(e.target.value)}
      aria-label={t('programme.rules.label', { name: a.name })}
      data-testid="pg-rule"
    >
      <option value="">{t('programme.rules.auto')}</option>
      {years.map((y) => (
        <option key={`f${y}`} value={`fix:${y}`}>
          {t('programme.rules.fixed', { year: y })}
        </option>
      ))}
      {years.slice(1).map((y) => (
        <option key={`n${y}`} value={`nb:${y}`}>
          {t('programme.rules.notBefore', { year: y })}
        </option>
      ))}
      <option value="exclude">{t('programme.rules.exclude')}</option>
    </select>
  );
}

/** 投资（万元） for a candidate the programme could not price: kept as its rule's cost, used at the next 测算. */
function CostInput({ a, rule, onRule }: { a: ProgrammeActionOut; rule: TableRule | undefined; onRule: Props['onRule'] }) {
  const { t } = useLang();
  const [text, setText] = useState(rule?.cost !== undefined ? String(rule.cost) : '');
  const n = parseNumber(text);
  const bad = n !== undefined && (Number.isNaN(n) || n > 1e8);
  const change = (v: string) => {
    setText(v);
    const c = parseNumber(v);
    const { cost: _old, ...rest } = rule ?? {};
    if (c === undefined) onRule(a.id, Object.keys(rest).length ? rest : null);
    else if (!Number.isNaN(c) && c <= 1e8) onRule(a.id, { ...rest, cost: c });
  };
  return (
    <input
      className={`pg-num pg-cost-input${bad ? ' is-bad' : ''}`}
      inputMode="decimal"
      placeholder={t('programme.schedule.costPlaceholder')}
      aria-label={t('programme.schedule.costLabel', { name: a.name })}
      value={text}
      onChange={(e) => change(e.target.value)}
      data-testid="pg-cost-input"
    />
  );
}
