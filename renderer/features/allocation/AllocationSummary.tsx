/**
 * Per resource given a budget: the budget, what this run gave, what is left, and what would still be
 * needed ("还需追加 625 床；另有 64,513 床需新建机构") — the gap screen's region shortfall less what was
 * added — with how that total relates to the gap screen's and the units' sum ("全域（长沙市）缺口 35,873 床，
 * 同差距分析…"; at a finer level "按街道/乡镇测算，各街道/乡镇缺口之和 65,608 床，高于…"), or why nothing
 * was given (救护车 without a target: what would be needed instead); the money likewise; then the
 * resources with a shortfall but no budget, and the other notes and warnings of the run.
 */
import type { AllocationOut } from '../../../shared/api/methods/allocation.ts';
import { RESOURCES, type Resource } from '../../../shared/allocation/resources.ts';
import { useLang, type Lang } from '../../ui/i18n/index.ts';
import { amount, fmtInt, money } from './format.ts';
import type { MoneyUnit } from './session.ts';
import { sep, labelIn } from '../../ui/i18n/labels.ts';

interface Props {
  result: AllocationOut;
  moneyUnit: MoneyUnit;
}

export function AllocationSummary({ result: r, moneyUnit }: Props) {
  const { t, lang } = useLang();
  const withTarget = new Set(r.lines.filter((l) => l.scope === 'unit').map((l) => l.resource));
  const given = RESOURCES.filter((res) => r.budget[res] !== undefined);
  const unbudgeted = RESOURCES.filter((res) => r.budget[res] === undefined && r.still_needed[res].budget + r.still_needed[res].new_capacity > 0);
  const warnings = r.warnings.length;
  const notes = lang === 'en' ? r.notesEn : r.notes;
  // The cards say their own resource's sentence: the notes keep the rest.
  const onCards = new Set(given.map((res) => said(r, res, lang)).filter((x): x is string => !!x));
  const info = notes.slice(0, notes.length - warnings).filter((n) => !onCards.has(n));
  const warned = notes.slice(notes.length - warnings);
  return (
    <section className="alloc-summary" data-testid="alloc-summary">
      <div className="alloc-cards">
        {given.map((res) => (
          <ResourceCard key={res} res={res} r={r} hasTarget={withTarget.has(res)} />
        ))}
        {r.budget.money !== undefined && (
          <div className="alloc-card is-money" data-testid="alloc-sum-money">
            <div className="alloc-card-head">
              <span className="alloc-card-name">{t('allocation.res.money')}</span>
            </div>
            <dl className="alloc-card-figs">
              <div>
                <dt>{t('allocation.summary.budget')}</dt>
                <dd data-testid="alloc-sum-budget">{money(r.budget.money, moneyUnit, lang)}</dd>
              </div>
              <div>
                <dt>{t('allocation.summary.spent')}</dt>
                <dd data-testid="alloc-sum-given">{money(r.spent_money, moneyUnit, lang)}</dd>
              </div>
              <div>
                <dt>{t('allocation.summary.unspent')}</dt>
                <dd>{r.unspent.money === null ? '—' : money(r.unspent.money, moneyUnit, lang)}</dd>
              </div>
            </dl>
            <p className={`alloc-card-need${r.still_needed.money ? ' is-short' : ''}`} data-testid="alloc-sum-need">
              {r.still_needed.money === null
                ? t('allocation.summary.moneyNone')
                : r.still_needed.money > 0
                  ? t('allocation.summary.moneyMore', { amount: money(r.still_needed.money, moneyUnit, lang) })
                  : t('allocation.summary.closed')}
            </p>
          </div>
        )}
      </div>
      {unbudgeted.length > 0 && (
        <p className="alloc-unbudgeted" data-testid="alloc-unbudgeted">
          {t('allocation.summary.noBudget', {
            list: unbudgeted
              .map((res) => `${t(`allocation.res.${res}`)} ${amount(res, r.still_needed[res].budget + r.still_needed[res].new_capacity, lang)}`)
              .join(sep(lang, 'semi')),
          })}
        </p>
      )}
      {info.length + warned.length > 0 && (
        <ul className="alloc-notes" data-testid="alloc-notes" aria-label={t('allocation.notes')}>
          {info.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: notes are plain texts made afresh each render (two may be equal), with no state to keep
            <li key={`i${i}`}>
              <span className="alloc-note-icon" aria-hidden="true">
                ⓘ
              </span>
              {n}
            </li>
          ))}
          {warned.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: warnings are plain texts made afresh each render (two may be equal), with no state to keep
            <li key={`w${i}`} className="is-warn" data-testid="alloc-warning">
              <span className="alloc-note-icon" aria-hidden="true">
                ⚠
              </span>
              {n}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ResourceCard({ res, r, hasTarget }: { res: Resource; r: AllocationOut; hasTarget: boolean }) {
  const { t, lang } = useLang();
  const budget = r.budget[res] ?? 0;
  const given = r.allocated[res];
  const committed = r.committed[res];
  const unspent = r.unspent[res];
  const still = r.still_needed[res];
  const stopped = r.stopped[res];
  const total = r.totals[res];
  const recon = said(r, res, lang);
  const share = budget > 0 ? Math.min(1, (given + committed) / budget) : 0;
  let need: string;
  let tone = 'is-ok';
  if (!hasTarget) {
    need = recon ?? t('allocation.summary.noTarget');
    tone = 'is-muted';
  } else if (still.budget > 0 && still.new_capacity > 0) {
    need = `${t('allocation.summary.more', { amount: amount(res, still.budget, lang) })}${sep(lang, 'semi')}${t('allocation.summary.newCap', { amount: amount(res, still.new_capacity, lang) })}`;
    tone = 'is-short';
  } else if (still.budget > 0) {
    need = t('allocation.summary.more', { amount: amount(res, still.budget, lang) });
    tone = 'is-short';
  } else if (still.new_capacity > 0) {
    need = t('allocation.summary.newCapOnly', { amount: amount(res, still.new_capacity, lang) });
    tone = 'is-short';
  } else if (total?.region && total.units.remaining > 0) need = t('allocation.summary.regionMet');
  else need = t('allocation.summary.closed');
  return (
    <div className="alloc-card" data-testid={`alloc-sum-${res}`} data-budget={budget} data-given={given} data-unspent={unspent ?? ''}>
      <div className="alloc-card-head">
        <span className="alloc-card-name">{t(`allocation.res.${res}`)}</span>
        {hasTarget && <span className={`alloc-stop is-${stopped}`}>{t(`allocation.summary.stopped.${stopped}`)}</span>}
      </div>
      <dl className="alloc-card-figs">
        <div>
          <dt>{t('allocation.summary.budget')}</dt>
          <dd data-testid="alloc-sum-budget">{fmtInt(budget)}</dd>
        </div>
        <div>
          <dt>{t('allocation.summary.given')}</dt>
          <dd className="is-given" data-testid="alloc-sum-given">
            {fmtInt(given)}
          </dd>
        </div>
        {committed > 0 && (
          <div>
            <dt>{t('allocation.summary.committed')}</dt>
            <dd>{fmtInt(committed)}</dd>
          </div>
        )}
        <div>
          <dt>{t('allocation.summary.unspent')}</dt>
          <dd data-testid="alloc-sum-unspent">{unspent === null ? '—' : fmtInt(unspent)}</dd>
        </div>
      </dl>
      <div className="alloc-bar" aria-hidden="true">
        <span style={{ width: `${share * 100}%` }} />
      </div>
      <p className={`alloc-card-need ${tone}`} data-testid="alloc-sum-need">
        {need}
      </p>
      {hasTarget && recon && (
        <p className="alloc-card-recon" data-testid="alloc-sum-recon">
          {recon}
        </p>
      )}
    </div>
  );
}

/** A resource's sentence against the gap screen (or why nothing was given), in the screen's language. */
function said(r: AllocationOut, res: Resource, lang: Lang): string | null {
  const s = r.totals[res]?.said;
  return s ? labelIn(s, lang) : null;
}
