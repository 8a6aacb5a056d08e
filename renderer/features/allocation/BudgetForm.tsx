/**
 * The budget: an amount per resource and money (元 or 万元), optional unit costs (money binds only the
 * resources that have one), the level shared across, the standard set and year (the plan's by default),
 * the floor area per bed; 测算 runs it.
 */
import type { StandardSummary } from '../../../shared/gaps/standard.ts';
import { RESOURCES, type Resource } from '../../../shared/allocation/resources.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { NumberInput } from './NumberInput.tsx';
import type { Checked, FormState, MoneyUnit, Scope } from './session.ts';

interface Props {
  form: FormState;
  onForm(u: (f: FormState) => FormState): void;
  sets: StandardSummary[] | null;
  /** The level the set's targets are judged at (the default), null while it is read. */
  judged: Scope | null;
  checked: Checked;
  running: boolean;
  onRun(): void;
}

export function BudgetForm({ form, onForm, sets, judged, checked, running, onRun }: Props) {
  const { t, lang } = useLang();
  const bad = checked.bad;
  const setBudget = (r: Resource, v: string) => onForm((f) => ({ ...f, budget: { ...f.budget, [r]: v } }));
  const setCost = (r: Resource, v: string) => onForm((f) => ({ ...f, costs: { ...f.costs, [r]: v } }));
  const anyCost = RESOURCES.some((r) => form.costs[r].trim() !== '');
  const scope = form.scope ?? judged;
  const why =
    !form.standardId || !judged
      ? t('allocation.form.loadingSets')
      : bad.size > 0
        ? t('allocation.form.bad')
        : checked.empty
          ? t('allocation.form.needBudget')
          : null;

  return (
    <form
      className="alloc-form"
      data-testid="alloc-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.query && !running) onRun();
      }}
    >
      <h2 className="alloc-form-title">{t('allocation.form.title')}</h2>
      <div className="alloc-form-body">
        <fieldset className="alloc-group">
          <legend>{t('allocation.form.budget')}</legend>
          <p className="alloc-hint">{t('allocation.form.budgetHint')}</p>
          {RESOURCES.map((r) => (
            <label key={r} className="alloc-row">
              <span className="alloc-row-label">{t(`allocation.res.${r}`)}</span>
              <NumberInput
                value={form.budget[r]}
                onChange={(v) => setBudget(r, v)}
                label={t(`allocation.res.${r}`)}
                bad={bad.has(r)}
                testId={`alloc-budget-${r}`}
              />
              <span className="alloc-row-unit">{t(`allocation.unit.${r}`)}</span>
            </label>
          ))}
          <div className="alloc-row is-money">
            <label className="alloc-row-label" htmlFor="alloc-money">
              {t('allocation.res.money')}
            </label>
            <MoneyInput form={form} onForm={onForm} bad={bad.has('money')} />
            <select
              className="tool-select alloc-money-unit"
              aria-label={t('allocation.form.moneyUnit')}
              value={form.moneyUnit}
              onChange={(e) => onForm((f) => ({ ...f, moneyUnit: e.target.value as MoneyUnit }))}
              data-testid="alloc-money-unit"
            >
              <option value="wan">{t('allocation.form.wan')}</option>
              <option value="yuan">{t('allocation.form.yuan')}</option>
            </select>
          </div>
          {form.money.trim() !== '' && !anyCost && (
            <p className="alloc-hint is-warn" data-testid="alloc-money-no-costs">
              {t('allocation.form.moneyNoCosts')}
            </p>
          )}
        </fieldset>

        <details className="alloc-group alloc-costs" open={anyCost || undefined} data-testid="alloc-costs">
          <summary>{t('allocation.form.costs')}</summary>
          <p className="alloc-hint">{t('allocation.form.costsHint')}</p>
          {RESOURCES.map((r) => (
            <label key={r} className="alloc-row">
              <span className="alloc-row-label">{t(`allocation.res.${r}`)}</span>
              <NumberInput
                value={form.costs[r]}
                onChange={(v) => setCost(r, v)}
                label={`${t('allocation.form.costs')}: ${t(`allocation.res.${r}`)}`}
                bad={bad.has(`cost.${r}`)}
                testId={`alloc-cost-${r}`}
              />
              <span className="alloc-row-unit">{t('allocation.form.costUnit', { unit: t(`allocation.unit.${r}`) })}</span>
            </label>
          ))}
        </details>

        <fieldset className="alloc-group">
          <legend>{t('allocation.form.settings')}</legend>
          <span className="alloc-row-label">{t('allocation.form.scope')}</span>
          <div className="alloc-seg" role="radiogroup" aria-label={t('allocation.form.scope')}>
            {(['county', 'township'] as const satisfies readonly Scope[]).map((s) => (
              // biome-ignore lint/a11y/useSemanticElements: a segmented control styled as buttons (e2e reads aria-checked); native radios would need the inputs hidden and restyled
              <button
                key={s}
                type="button"
                role="radio"
                aria-checked={scope === s}
                className={scope === s ? 'is-on' : ''}
                // The set's own level is kept as "follow the set" (null): another set chosen later brings its own.
                onClick={() => onForm((f) => ({ ...f, scope: s === judged ? null : s }))}
                data-testid={`alloc-scope-${s}`}
              >
                {t(`allocation.form.${s}`)}
              </button>
            ))}
          </div>
          {judged && (
            <p className={`alloc-hint${scope !== judged ? ' is-warn' : ''}`} data-testid="alloc-scope-hint">
              {t(scope === judged ? 'allocation.form.scopeJudged' : 'allocation.form.scopeOther', { level: t(`allocation.form.level.${judged}`) })}
            </p>
          )}
          <SetPicker form={form} onForm={onForm} sets={sets} lang={lang} />
          <label className="alloc-row">
            <span className="alloc-row-label">{t('allocation.form.year')}</span>
            <input
              type="text"
              inputMode="numeric"
              className={`alloc-num alloc-year${bad.has('year') ? ' is-bad' : ''}`}
              value={form.year}
              maxLength={4}
              onChange={(e) => onForm((f) => ({ ...f, year: e.target.value }))}
              aria-invalid={bad.has('year') || undefined}
              data-testid="alloc-year"
            />
            <span className="alloc-row-unit" />
          </label>
          <label className="alloc-row">
            <span className="alloc-row-label">{t('allocation.form.m2PerBed')}</span>
            <NumberInput
              value={form.m2PerBed}
              onChange={(v) => onForm((f) => ({ ...f, m2PerBed: v }))}
              label={t('allocation.form.m2PerBed')}
              bad={bad.has('m2PerBed')}
              testId="alloc-m2"
            />
            <span className="alloc-row-unit">{t('allocation.form.m2Unit')}</span>
          </label>
          <p className="alloc-hint">{t('allocation.form.m2Hint')}</p>
        </fieldset>
      </div>
      <div className="alloc-form-foot">
        <button type="submit" className="btn primary alloc-run" disabled={!checked.query || running} aria-busy={running} data-testid="alloc-run">
          {running ? t('allocation.form.running') : t('allocation.form.run')}
        </button>
        {why && (
          <p className="alloc-hint" data-testid="alloc-run-why">
            {why}
          </p>
        )}
      </div>
    </form>
  );
}

function MoneyInput({ form, onForm, bad }: { form: FormState; onForm: Props['onForm']; bad: boolean }) {
  const { t } = useLang();
  return (
    <NumberInput
      value={form.money}
      onChange={(v) => onForm((f) => ({ ...f, money: v }))}
      label={`${t('allocation.res.money')} (${t(`allocation.form.${form.moneyUnit}`)})`}
      bad={bad}
      testId="alloc-budget-money"
      id="alloc-money"
    />
  );
}

/** The set's whole name on show (it wraps); the native picker opens over it. */
function SetPicker({ form, onForm, sets, lang }: { form: FormState; onForm: Props['onForm']; sets: StandardSummary[] | null; lang: 'zh-CN' | 'en' }) {
  const { t } = useLang();
  const list = sets ?? [];
  const current = list.find((s) => s.id === form.standardId);
  const nameOf = (s: StandardSummary) => (lang === 'en' ? s.nameEn : s.name);
  const choose = (id: string) =>
    onForm((f) => {
      const next = list.find((s) => s.id === id);
      // Follow the new set's year unless the planner typed a year of their own.
      const ownYear = current && f.year.trim() !== String(current.year);
      return { ...f, standardId: id, year: next && !ownYear ? String(next.year) : f.year };
    });
  const own = list.filter((s) => !s.builtin);
  return (
    <div className="alloc-set-field">
      <span className="alloc-row-label">{t('allocation.form.standard')}</span>
      <div className={`alloc-set${!sets ? ' is-loading' : ''}`} title={current ? `${nameOf(current)} — ${current.documents.join('、')}` : undefined}>
        <span className="alloc-set-name" data-testid="alloc-standard-name">
          {current ? nameOf(current) : (form.standardId ?? t('allocation.form.loadingSets'))}
        </span>
        <span className="alloc-set-caret" aria-hidden="true">
          ▾
        </span>
        <select
          value={form.standardId ?? ''}
          onChange={(e) => choose(e.target.value)}
          disabled={!sets || list.length === 0}
          aria-label={t('allocation.form.standard')}
          data-testid="alloc-standard"
        >
          {form.standardId && !current && <option value={form.standardId}>{form.standardId}</option>}
          <optgroup label={t('allocation.form.builtin')}>
            {list
              .filter((s) => s.builtin)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {nameOf(s)}
                </option>
              ))}
          </optgroup>
          {own.length > 0 && (
            <optgroup label={t('allocation.form.own')}>
              {own.map((s) => (
                <option key={s.id} value={s.id}>
                  {nameOf(s)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
    </div>
  );
}
