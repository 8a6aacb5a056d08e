/**
 * Targets × scenarios at one place: each scenario's figure and shortfall, and beside the reference's
 * how each other scenario differs — better in green (▲), worse in red (▼), otherwise changed (◆).
 * Click a target to chart it.
 */
import type { CompareOut, CompareScenario } from '../../../shared/compare/compare.ts';
import type { CellDiff, CompareCell, CompareRow } from '../../../shared/compare/gaps.ts';
import type { GapResult } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import { useLang, type Lang } from '../../ui/i18n/index.ts';
import { cellFigure, isShareValued, requirement } from '../../ui/wording/figures.ts';
import { cellGap } from '../../ui/wording/phrases.ts';
import { counterOf, groupLabel, unitEn } from '../../ui/wording/vocabulary.ts';
import { ct, num, scenarioLabel, signed } from '../../ui/wording/compare.ts';

const FIXED2 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const ARROW = { better: '▲', worse: '▼', changed: '◆', same: '' } as const;

/** A cell as the gaps screen's formatters take it. */
export function asResult(row: CompareRow, cell: CompareCell, t: Target): GapResult {
  return { ...cell, target: row.target, scope: row.scope, code: row.code, name: row.name, parent: row.parent, unit: t.unit };
}

/** The difference in the value, in the target's terms: +0.40 (a ratio), +1.5 个百分点 (a share), +2 (a count). */
export function valueDelta(t: Target, row: CompareRow, d: CellDiff, lang: Lang): string | null {
  if (d.value === null || Math.abs(d.value) < 1e-9) return null;
  if (isShareValued(t)) return Math.abs(d.value) < 0.0005 ? null : ct(lang, 'diff.points', { n: signed(d.value * 100, (x) => num(Math.round(x * 10) / 10)) });
  // A ratio shows 2 decimals: a change that rounds to 0.00 is said by the shortfall alone.
  if (t.kind === 'ratio') return Math.abs(d.value) < 0.005 ? null : signed(d.value, (x) => FIXED2.format(x));
  const cell = row.cells[0];
  return cell?.count ? null : signed(d.value);
}

/** The difference in the shortfall: 缺口 −40 张 / gap −40. */
export function shortfallDelta(t: Target, d: CellDiff, lang: Lang): string | null {
  if (d.shortfall === null || d.shortfall === 0) return null;
  const unit = lang === 'en' ? (unitEn(t.unit) ? ` ${unitEn(t.unit)}` : '') : ` ${counterOf(t.unit)}`;
  return ct(lang, 'diff.gap', { n: signed(d.shortfall), unit });
}

interface Props {
  result: CompareOut;
  rows: CompareRow[];
  selected: string | null;
  onSelect(target: string): void;
  onlyChanged: boolean;
}

export function TargetTable({ result, rows, selected, onSelect, onlyChanged }: Props) {
  const { t, lang } = useLang();
  const byTarget = new Map(rows.map((r) => [r.target, r]));
  const targets = result.targets.filter((x) => byTarget.has(x.id) && (!onlyChanged || byTarget.get(x.id)!.changed));
  // Grouped as the standard groups them, each group once (in the order it first appears).
  const groups = [...new Set(targets.map((x) => x.group))].map((name) => ({ name, targets: targets.filter((x) => x.group === name) }));
  const span = 2 + result.scenarios.length;
  return (
    <table className="compare-table" style={{ minWidth: `${(lang === 'en' ? 27 : 24) + 10 * result.scenarios.length}em` }} data-testid="compare-table">
      <colgroup>
        <col className="compare-col-target" />
        <col className="compare-col-req" />
        {result.scenarios.map((s) => (
          <col key={s.id} className="compare-col-scenario" />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="compare-th-target">
            {t('compare.table.target')}
          </th>
          <th scope="col" className="compare-th-req">
            {t('compare.table.required')}
          </th>
          {result.scenarios.map((s, i) => (
            <ScenarioHead key={s.id} s={s} reference={i === 0} name={scenarioLabel(s, lang)} />
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => [
          <tr key={`g-${g.name}`} className="compare-group-row">
            <th colSpan={span} scope="colgroup">
              {groupLabel(g.name, lang)}
            </th>
          </tr>,
          ...g.targets.map((x) => {
            const row = byTarget.get(x.id)!;
            return (
              <tr
                key={x.id}
                className={`compare-row${selected === x.id ? ' is-selected' : ''}${row.changed ? ' is-changed' : ''}`}
                onClick={() => onSelect(x.id)}
                data-testid="compare-row"
                data-target={x.id}
                data-changed={row.changed ? 'true' : 'false'}
                aria-selected={selected === x.id}
              >
                <th scope="row" className="compare-target">
                  <button
                    type="button"
                    className="compare-target-btn"
                    onClick={(e) => {
                      e.stopPropagation();
                      onSelect(x.id);
                    }}
                    title={t('compare.table.chartIt')}
                  >
                    {lang === 'en' ? x.nameEn : x.name}
                  </button>
                </th>
                <td className="compare-req">{requirement(x, lang, true)}</td>
                {row.cells.map((c, i) => (
                  <Cell key={result.scenarios[i]!.id} t={x} row={row} cell={c} diff={row.diffs[i] ?? null} scenario={result.scenarios[i]!.id} />
                ))}
              </tr>
            );
          }),
        ])}
        {targets.length === 0 && (
          <tr>
            <td colSpan={span} className="compare-empty" data-testid="compare-table-empty">
              {t(onlyChanged ? 'compare.table.noChanges' : 'compare.table.none')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function ScenarioHead({ s, reference, name }: { s: CompareScenario; reference: boolean; name: string }) {
  const { t } = useLang();
  return (
    <th scope="col" className={`compare-th-scenario${reference ? ' is-reference' : ''}`} data-testid="compare-col" data-scenario={s.id}>
      <span className="compare-th-name">{name}</span>
      {reference && <span className="compare-ref-badge">{t('compare.referenceBadge')}</span>}
    </th>
  );
}

function Cell({ t: target, row, cell, diff, scenario }: { t: Target; row: CompareRow; cell: CompareCell | null; diff: CellDiff | null; scenario: number }) {
  const { t, lang } = useLang();
  if (!cell)
    return (
      <td className="compare-cell is-absent" data-testid="compare-cell" data-scenario={scenario}>
        {t('compare.table.absent')}
      </td>
    );
  const r = asResult(row, cell, target);
  const gap = cellGap(target, r, lang);
  const dir = diff?.direction ?? 'same';
  const dv = diff ? valueDelta(target, row, diff, lang) : null;
  const ds = diff ? shortfallDelta(target, diff, lang) : null;
  return (
    <td
      className={`compare-cell is-${cell.status}${diff ? ` is-${dir}` : ' is-reference'}`}
      data-testid="compare-cell"
      data-scenario={scenario}
      data-direction={diff ? dir : 'reference'}
    >
      <span className="compare-fig" data-testid="compare-figure">
        {cellFigure(target, r, lang)}
      </span>
      {gap && <span className="compare-gap">{gap}</span>}
      {cell.status === 'met' && <span className="compare-met">{t('compare.table.met')}</span>}
      {diff && dir !== 'same' && (
        <span className="compare-diff" title={t(`compare.diff.${dir}`)} data-testid="compare-diff">
          <span className="compare-arrow" role="img" aria-label={t(`compare.diff.${dir}`)}>
            {ARROW[dir]}
          </span>
          {[dv, ds].filter(Boolean).join(' · ') || t(`compare.diff.${dir}`)}
        </span>
      )}
    </td>
  );
}
