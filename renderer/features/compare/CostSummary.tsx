/**
 * 费用: each scenario's cost against the reference at the plan's prices — the total, its lines
 * (quantity × price = amount), and what changed without a price (未填造价). Nothing is priced that
 * the planner has not entered.
 */
import type { CompareOut, ScenarioChanges } from '../../../shared/compare/compare.ts';
import { hasCosts, type ProjectsDelta } from '../../../shared/compare/costs.ts';
import type { Lang } from '../../ui/i18n/index.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { lineName, lineQuantity, money, num, scenarioLabel, yuan } from '../../ui/wording/compare.ts';
import { sep } from '../../ui/i18n/labels.ts';

export function CostSummary({ result, onEdit }: { result: CompareOut; onEdit(): void }) {
  const { t, lang } = useLang();
  const any = hasCosts(result.costs);
  return (
    <section className="compare-panel compare-costs" data-testid="compare-costs">
      <div className="compare-panel-head">
        <h2 className="compare-panel-title">{t('compare.costs.title')}</h2>
        <button type="button" className="tool-btn" onClick={onEdit} data-testid="compare-costs-edit-2">
          {any ? t('compare.costs.change') : t('compare.costs.enter')}
        </button>
      </div>
      <p className="compare-panel-sub">{t('compare.costs.against', { name: scenarioLabel(result.scenarios[0]!, lang) })}</p>
      {!any && (
        <p className="compare-cost-empty" data-testid="compare-costs-empty">
          {t('compare.costs.noneEntered')}
        </p>
      )}
      {result.changes.map(
        (c, i) => c && <ScenarioCostCard key={result.scenarios[i]!.id} id={result.scenarios[i]!.id} name={scenarioLabel(result.scenarios[i]!, lang)} c={c} />,
      )}
    </section>
  );
}

function ScenarioCostCard({ id, name, c }: { id: number; name: string; c: ScenarioChanges }) {
  const { t, lang } = useLang();
  const cost = c.cost;
  const changed = cost.lines.length + cost.unpriced.length > 0;
  const notCounted = Object.values(c.delta.removed).reduce((s, n) => s + (n ?? 0), 0);
  return (
    <div className="compare-cost-card" data-testid="compare-cost" data-scenario={id}>
      <div className="compare-cost-head">
        <span className="compare-sc-name">{name}</span>
        <span className={`compare-cost-total${cost.priced ? '' : ' is-none'}`} data-testid="compare-cost-total">
          {!changed ? t('compare.costs.nothing') : cost.priced ? money(cost.total, lang) : t('compare.costs.unpricedAll')}
        </span>
      </div>
      {cost.priced && !cost.complete && <p className="compare-cost-partial">{t('compare.costs.partial')}</p>}
      {cost.lines.length > 0 && (
        <table className="compare-cost-lines">
          <thead>
            <tr>
              <th scope="col">{t('compare.costs.itemHead')}</th>
              <th scope="col">{t('compare.costs.quantity')}</th>
              <th scope="col">{t('compare.costs.price')}</th>
              <th scope="col">{t('compare.costs.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {cost.lines.map((l) => (
              <tr key={`${l.item}-${l.type ?? ''}`} data-testid="compare-cost-line" data-item={l.item} data-type={l.type}>
                <th scope="row">{lineName(l, lang)}</th>
                <td>{lineQuantity(l, lang)}</td>
                <td>{l.unitCost === null ? '—' : yuan(l.unitCost)}</td>
                <td>{yuan(l.amount!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cost.unpriced.length > 0 && (
        <div className="compare-unpriced" data-testid="compare-cost-unpriced">
          <span className="compare-unpriced-label">{t('compare.costs.unpriced')}</span>
          {cost.unpriced.map((l) => `${lineName(l, lang)} ${lineQuantity(l, lang)}`).join(sep(lang, 'semi'))}
        </div>
      )}
      <ProjectsNote p={c.delta.projects} lang={lang} />
      {(notCounted > 0 || c.delta.retyped > 0) && (
        <p className="compare-cost-note">
          {[
            notCounted > 0 && t('compare.costs.removedNote', { n: num(notCounted) }),
            c.delta.retyped > 0 && t('compare.costs.retypedNote', { n: num(c.delta.retyped) }),
          ]
            .filter(Boolean)
            .join(lang === 'en' ? ' ' : '')}
        </p>
      )}
    </div>
  );
}

/** Where the 其他项目投资 line comes from: each 其他项目 added, removed or with another cost, at its own 投资估算. */
function ProjectsNote({ p, lang }: { p: ProjectsDelta; lang: Lang }) {
  const { t } = useLang();
  const wan = (v: number | null) => (v === null ? t('compare.costs.wanBlank') : t('compare.costs.wan', { v: num(v) }));
  const list = [
    ...p.added.map((x) => t('compare.costs.projectAdded', { name: x.name, year: x.year, cost: wan(x.cost) })),
    ...p.removed.map((x) => t('compare.costs.projectRemoved', { name: x.name, year: x.year, cost: wan(x.cost) })),
    ...p.changed.map((x) => t('compare.costs.projectChanged', { name: x.name, year: x.year, from: wan(x.from), cost: wan(x.cost) })),
  ];
  if (list.length === 0) return null;
  return (
    <p className="compare-cost-note" data-testid="compare-cost-projects">
      {t('compare.costs.projectsNote', { list: list.join(sep(lang, 'semi')) })}
    </p>
  );
}
