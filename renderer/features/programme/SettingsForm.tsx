/**
 * 实施计划's settings (the left column): the years, each year's money (万元, 每年相同), 结转, recruits a
 * year, the candidate sources and the planner's own actions; 测算 at the foot, or why it cannot run.
 */
import { useQuery } from '../../api/index.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import type { ProgrammeProposals } from '../../ui/state/programmeProposals.ts';
import { parseNumber, sameEveryYear, STAFF_FIELDS, yearsOf, type Checked, type ProgrammeForm } from './form.ts';
import { OwnActions } from './OwnActions.tsx';
import { Proposals } from './Proposals.tsx';

interface Props {
  form: ProgrammeForm;
  onForm(u: ProgrammeForm | ((f: ProgrammeForm) => ProgrammeForm)): void;
  checked: Checked;
  running: boolean;
  onRun(): void;
  /** Actions of the last programme (id → name), for 在…之后. */
  known: Map<string, string>;
  /** The set chosen (else the plan's) and the plan's. */
  standardId: string | null;
  planStandardId: string | null;
  proposals: ProgrammeProposals;
  onProposals(u: (p: ProgrammeProposals) => ProgrammeProposals): void;
}

const NUM = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function SettingsForm({ form, onForm, checked, running, onRun, known, standardId, planStandardId, proposals, onProposals }: Props) {
  const { t } = useLang();
  const years = yearsOf(form);
  const bad = (k: string) => (checked.bad.has(k) ? ' is-bad' : '');
  const total = years.reduce((s, y) => {
    const n = parseNumber(form.money[String(y)] ?? '');
    return n === undefined || Number.isNaN(n) ? s : s + n;
  }, 0);
  const why = checked.blocked ? t(`programme.form.why.${checked.blocked}`) : null;

  return (
    <form
      className="pg-form"
      data-testid="pg-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.query && !running) onRun();
      }}
    >
      <h2 className="pg-form-title">{t('programme.form.title')}</h2>
      <div className="pg-form-body">
        <StandardPicker standardId={standardId} planStandardId={planStandardId} onForm={onForm} />

        <fieldset className="pg-group">
          <legend>{t('programme.form.years')}</legend>
          <div className="pg-years">
            <input
              className={`pg-num pg-year${bad('from')}`}
              inputMode="numeric"
              aria-label={t('programme.form.from')}
              value={form.from}
              onChange={(e) => onForm((f) => ({ ...f, from: e.target.value }))}
              data-testid="pg-from"
            />
            <span aria-hidden="true">–</span>
            <input
              className={`pg-num pg-year${bad('to')}`}
              inputMode="numeric"
              aria-label={t('programme.form.to')}
              value={form.to}
              onChange={(e) => onForm((f) => ({ ...f, to: e.target.value }))}
              data-testid="pg-to"
            />
          </div>
        </fieldset>

        <fieldset className="pg-group" data-testid="pg-money">
          <legend>{t('programme.form.money')}</legend>
          {years.map((y) => (
            <div className="pg-row" key={y}>
              <label className="pg-row-label" htmlFor={`pg-money-${y}`}>
                {t('programme.form.moneyYear', { year: y })}
              </label>
              <input
                id={`pg-money-${y}`}
                className={`pg-num${bad(`money.${y}`)}`}
                inputMode="decimal"
                value={form.money[String(y)] ?? ''}
                onChange={(e) => onForm((f) => ({ ...f, money: { ...f.money, [String(y)]: e.target.value } }))}
                data-testid={`pg-money-${y}`}
              />
            </div>
          ))}
          {years.length > 1 && (
            <div className="pg-row pg-total">
              <span className="pg-row-label">{t('programme.form.total')}</span>
              <span className="pg-total-n" data-testid="pg-money-total">
                {NUM.format(total)}
              </span>
            </div>
          )}
          {years.length > 1 && (
            <div className="pg-same">
              <button type="button" className="btn pg-btn-small" onClick={() => onForm(sameEveryYear)} data-testid="pg-money-same">
                {t('programme.form.same')}
              </button>
              <span className="pg-hint">{t('programme.form.sameHint')}</span>
            </div>
          )}
          <label className="pg-check">
            <input type="checkbox" checked={form.carryOver} onChange={(e) => onForm((f) => ({ ...f, carryOver: e.target.checked }))} data-testid="pg-carry" />
            <span>{t('programme.form.carryOver')}</span>
          </label>
        </fieldset>

        <details className="pg-group" open={STAFF_FIELDS.some((k) => form.staff[k] !== '')}>
          <summary>{t('programme.form.staff')}</summary>
          {STAFF_FIELDS.map((k) => (
            <div className="pg-row" key={k}>
              <label className="pg-row-label" htmlFor={`pg-staff-${k}`}>
                {t(`programme.form.staffKind.${k}`)}
              </label>
              <input
                id={`pg-staff-${k}`}
                className={`pg-num${bad(`staff.${k}`)}`}
                inputMode="numeric"
                value={form.staff[k]}
                onChange={(e) => onForm((f) => ({ ...f, staff: { ...f.staff, [k]: e.target.value } }))}
                data-testid={`pg-staff-${k}`}
              />
              <span className="pg-row-unit">{t('programme.form.staffUnit')}</span>
            </div>
          ))}
          <p className="pg-hint">{t('programme.form.staffHint')}</p>
        </details>

        <fieldset className="pg-group">
          <legend>{t('programme.form.candidates')}</legend>
          <label className="pg-check">
            <input type="checkbox" checked={form.projects} onChange={(e) => onForm((f) => ({ ...f, projects: e.target.checked }))} data-testid="pg-projects" />
            <span>{t('programme.form.projects')}</span>
          </label>
          <p className="pg-hint">{t('programme.form.projectsHint')}</p>
          <Proposals proposals={proposals} onProposals={onProposals} />
        </fieldset>

        <OwnActions form={form} onForm={onForm} checked={checked} known={known} />
      </div>
      <div className="pg-form-foot">
        <button type="submit" className="btn primary pg-run" disabled={!checked.query || running} data-testid="pg-run">
          {running ? t('programme.form.running') : t('programme.form.run')}
        </button>
        {why && (
          <p className="pg-hint is-warn" data-testid="pg-run-why">
            {why}
          </p>
        )}
      </div>
    </form>
  );
}

/** The standard set the programme is judged by (standards.list): the plan's by default. */
function StandardPicker({ standardId, planStandardId, onForm }: Pick<Props, 'standardId' | 'planStandardId' | 'onForm'>) {
  const { t, lang } = useLang();
  const { status } = useAppData();
  const sets = useQuery('standards.list', {}, { enabled: !!status?.plan });
  const list = sets.data ?? [];
  const nameOf = (s: (typeof list)[number]) => (lang === 'en' ? s.nameEn : s.name);
  const current = list.find((s) => s.id === standardId);
  const plan = list.find((s) => s.id === planStandardId);
  return (
    <fieldset className="pg-group">
      <legend>{t('programme.standard')}</legend>
      <select
        className="pg-set"
        aria-label={t('programme.standard')}
        value={standardId ?? ''}
        title={current ? nameOf(current) : undefined}
        disabled={list.length === 0}
        onChange={(e) => {
          const id = e.target.value;
          onForm((f) => {
            const { standardId: _old, ...rest } = f;
            return id && id !== planStandardId ? { ...rest, standardId: id } : rest;
          });
        }}
        data-testid="pg-standard"
      >
        {list.length === 0 && <option value={standardId ?? ''}>{standardId ?? ''}</option>}
        {list.map((s) => (
          <option key={s.id} value={s.id}>
            {nameOf(s)}
          </option>
        ))}
      </select>
      {plan && (
        <p className="pg-hint" data-testid="pg-standard-hint">
          {standardId === planStandardId ? t('programme.standardIsPlan') : t('programme.standardPlan', { name: nameOf(plan) })}
        </p>
      )}
    </fieldset>
  );
}
