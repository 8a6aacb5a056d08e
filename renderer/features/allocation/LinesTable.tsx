/**
 * The lines of the result: each unit's line per resource with its facilities' lines beneath (按单位), or
 * the facility lines alone (按机构). Sortable (TanStack Table), filtered by resource, 只看有配置的 and a
 * search. A facility line's 本次配置 is set by hand in place; hand-set lines are marked, can be reset,
 * and count until 重新测算 keeps them fixed.
 */
import { useMemo, useState } from 'react';
import {
  createExpandedRowModel,
  createSortedRowModel,
  functionalUpdate,
  rowExpandingFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ExpandedState,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import type { AllocationLine } from '../../../shared/allocation/types.ts';
import type { AllocationOut } from '../../../shared/api/methods/allocation.ts';
import { RESOURCES, type Resource } from '../../../shared/allocation/resources.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { AmountCell, type HandState } from './AmountCell.tsx';
import { fmtInt } from './format.ts';
import { manualKey, useKept, type ManualLine } from './session.ts';

const features = tableFeatures({
  rowSortingFeature,
  rowExpandingFeature,
  sortedRowModel: createSortedRowModel(),
  expandedRowModel: createExpandedRowModel(),
});
type F = typeof features;

export interface LineRow {
  id: string;
  line: AllocationLine;
  unitName: string;
  sub?: LineRow[];
  facilities: number;
}
type View = 'unit' | 'facility';
type ColId = 'name' | 'resource' | 'current' | 'committed' | 'allocated' | 'result' | 'shortfall' | 'reason';

const COLLATOR = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });
type AnyRow = { getValue: (id: string) => unknown };
const numberSort = (a: AnyRow, b: AnyRow, id: string) => (a.getValue(id) as number) - (b.getValue(id) as number);
const textSort = (a: AnyRow, b: AnyRow, id: string) => COLLATOR.compare(String(a.getValue(id)), String(b.getValue(id)));
const NUMERIC: readonly ColId[] = ['current', 'committed', 'allocated', 'result', 'shortfall'];
const PAGE = 400;

const columns: ColumnDef<F, LineRow, unknown>[] = [
  { id: 'name', accessorFn: (r) => r.line.name, sortFn: textSort },
  { id: 'resource', accessorFn: (r) => RESOURCES.indexOf(r.line.resource), sortFn: numberSort },
  { id: 'current', accessorFn: (r) => r.line.current, sortFn: numberSort },
  { id: 'committed', accessorFn: (r) => r.line.committed, sortFn: numberSort },
  { id: 'allocated', accessorFn: (r) => r.line.allocated, sortFn: numberSort },
  { id: 'result', accessorFn: (r) => r.line.result, sortFn: numberSort },
  { id: 'shortfall', accessorFn: (r) => r.line.remaining_shortfall ?? undefined, sortFn: numberSort, sortUndefined: 'last' },
  { id: 'reason', accessorFn: (r) => r.line.reason, enableSorting: false },
];

/** Unit lines each followed by their facility lines (the order the allocator gives them in). */
function buildRows(result: AllocationOut): { units: LineRow[]; facilities: LineRow[] } {
  const units: LineRow[] = [];
  const facilities: LineRow[] = [];
  const unitNames = new Map<string, string>();
  let parent: LineRow | null = null;
  for (const line of result.lines) {
    if (line.scope === 'unit') {
      unitNames.set(line.code, line.name);
      parent = { id: `u:${line.code}:${line.resource}`, line, unitName: line.name, sub: [], facilities: 0 };
      units.push(parent);
    } else {
      const row: LineRow = { id: `f:${line.code}:${line.resource}`, line, unitName: unitNames.get(line.unitCode) ?? line.unitCode, facilities: 0 };
      facilities.push(row);
      if (parent && parent.line.code === line.unitCode && parent.line.resource === line.resource) {
        parent.sub!.push(row);
        parent.facilities++;
      }
    }
  }
  return { units, facilities };
}

interface Props {
  result: AllocationOut;
  manual: readonly ManualLine[];
  onSetManual(m: ManualLine): void;
  onResetManual(facility: string, resource: Resource): void;
  /** Hand-set lines in force at the next run, and how many differ from the last run. */
  pending: number;
  onResetAll(): void;
  onRerun(): void;
  running: boolean;
  canRerun: boolean;
}

export function LinesTable(p: Props) {
  const { t, lang } = useLang();
  const [view, setView] = useKept<View>('lines.view', 'unit');
  const [onlyGiven, setOnlyGiven] = useKept('lines.onlyGiven', false);
  const [resource, setResource] = useKept<Resource | 'all'>('lines.resource', 'all');
  const [search, setSearch] = useKept('lines.search', '');
  const [sorting, setSorting] = useKept<SortingState>('lines.sorting', []);
  const [expanded, setExpanded] = useKept<ExpandedState>('lines.expanded', true);
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<string | null>(null);

  const all = useMemo(() => buildRows(p.result), [p.result]);
  const manualMap = useMemo(() => new Map(p.manual.map((m) => [manualKey(m.facility, m.resource), m.amount])), [p.manual]);
  const hand = (l: AllocationLine): HandState => {
    const m = manualMap.get(manualKey(l.code, l.resource));
    if (m !== undefined) return { shown: m, hand: true, pending: !(l.manual && l.allocated === m) };
    return { shown: l.allocated, hand: false, pending: l.manual };
  };

  const data = useMemo(() => {
    const q = search.trim().toLowerCase();
    const matches = (l: AllocationLine) => !q || l.name.toLowerCase().includes(q) || l.code.toLowerCase().includes(q);
    const given = (l: AllocationLine) => l.allocated !== 0 || l.manual || manualMap.has(manualKey(l.code, l.resource));
    const keep = (l: AllocationLine) => (resource === 'all' || l.resource === resource) && (!onlyGiven || given(l));
    if (view === 'facility') return all.facilities.filter((r) => keep(r.line) && (matches(r.line) || (!!q && r.unitName.toLowerCase().includes(q))));
    const out: LineRow[] = [];
    for (const u of all.units) {
      if (resource !== 'all' && u.line.resource !== resource) continue;
      const unitHit = matches(u.line);
      const sub = (u.sub ?? []).filter((f) => keep(f.line) && (unitHit || matches(f.line)));
      if (sub.length === 0 && (!keep(u.line) || !unitHit)) continue;
      out.push({ ...u, sub });
    }
    return out;
  }, [all, view, resource, onlyGiven, search, manualMap]);

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (r) => r.id,
    getSubRows: (r) => r.sub,
    state: { sorting, expanded },
    onSortingChange: (u) => setSorting((old) => functionalUpdate(u, old)),
    onExpandedChange: (u) => setExpanded((old) => functionalUpdate(u, old)),
    autoResetExpanded: false,
  });
  const rows = table.getRowModel().rows;
  const total = view === 'facility' ? all.facilities.length : all.units.length + all.facilities.length;
  const shownLines = view === 'facility' ? data.length : data.reduce((n, u) => n + 1 + (u.sub?.length ?? 0), 0);
  const head = (id: ColId) => t(`allocation.table.${id === 'name' && view === 'facility' ? 'facility' : id}`);

  return (
    <section className="alloc-lines" data-testid="alloc-lines">
      <div className="alloc-lines-bar">
        <div className="alloc-seg is-small" role="radiogroup" aria-label={t('allocation.table.view')}>
          {(['unit', 'facility'] as const).map((v) => (
            // biome-ignore lint/a11y/useSemanticElements: a segmented control styled as buttons (e2e reads aria-checked); native radios would need the inputs hidden and restyled
            <button
              key={v}
              type="button"
              role="radio"
              aria-checked={view === v}
              className={view === v ? 'is-on' : ''}
              onClick={() => {
                setView(v);
                setLimit(PAGE);
              }}
              data-testid={`alloc-view-${v}`}
            >
              {t(v === 'unit' ? 'allocation.table.byUnit' : 'allocation.table.byFacility')}
            </button>
          ))}
        </div>
        <select
          className="tool-select"
          value={resource}
          onChange={(e) => setResource(e.target.value as Resource | 'all')}
          aria-label={t('allocation.table.resource')}
          data-testid="alloc-filter-resource"
        >
          <option value="all">{t('allocation.table.allResources')}</option>
          {RESOURCES.map((r) => (
            <option key={r} value={r}>
              {t(`allocation.res.${r}`)}
            </option>
          ))}
        </select>
        <label className="alloc-check">
          <input type="checkbox" checked={onlyGiven} onChange={(e) => setOnlyGiven(e.target.checked)} data-testid="alloc-only-given" />
          {t('allocation.table.onlyGiven')}
        </label>
        <input
          type="search"
          className="search-box alloc-search"
          placeholder={t('allocation.table.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          aria-label={t('allocation.table.search')}
          data-testid="alloc-search"
        />
        {view === 'unit' && (
          <button type="button" className="tool-btn" onClick={() => setExpanded(expanded === true ? {} : true)} data-testid="alloc-expand-all">
            {t(expanded === true ? 'allocation.table.collapseAll' : 'allocation.table.expandAll')}
          </button>
        )}
        <span className="tool-spacer" />
        <span className="alloc-count" data-testid="alloc-count">
          {t('allocation.table.count', { shown: fmtInt(shownLines), total: fmtInt(total) })}
        </span>
        {p.manual.length > 0 && (
          <button type="button" className="tool-btn" onClick={p.onResetAll} data-testid="alloc-reset-all">
            {t('allocation.table.resetAll', { n: p.manual.length })}
          </button>
        )}
        {p.pending > 0 && (
          <button type="button" className="tool-btn is-on alloc-rerun" onClick={p.onRerun} disabled={!p.canRerun || p.running} data-testid="alloc-rerun">
            {p.running ? t('allocation.form.running') : t('allocation.table.rerunWith', { n: p.pending })}
          </button>
        )}
      </div>
      <div className="alloc-table-scroll">
        <table className="alloc-table" data-testid="alloc-table" data-view={view}>
          <colgroup>
            <col className="alloc-col-name" />
            <col className="alloc-col-res" />
            {NUMERIC.map((c) => (
              <col key={c} className="alloc-col-num" />
            ))}
            <col className="alloc-col-reason" />
          </colgroup>
          <thead>
            <tr>
              {(['name', 'resource', ...NUMERIC, 'reason'] as ColId[]).map((id) => {
                const col = table.getColumn(id);
                const sorted = col?.getIsSorted() ?? false;
                const num = NUMERIC.includes(id);
                return (
                  <th
                    key={id}
                    scope="col"
                    className={`${num ? 'is-num' : ''}${id === 'name' ? ' is-name' : ''}`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    data-testid="alloc-col"
                    data-col={id}
                  >
                    {col?.getCanSort() ? (
                      <button type="button" onClick={col.getToggleSortingHandler()} title={t('allocation.table.sortHint')}>
                        <span>{head(id)}</span>
                        {sorted && (
                          <span className="alloc-sort-ind" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : '▼'}
                          </span>
                        )}
                      </button>
                    ) : (
                      <span className="alloc-th-plain">{head(id)}</span>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((row, i) => (
              <LineTr
                key={row.id}
                row={row}
                odd={i % 2 === 1}
                view={view}
                hand={hand(row.original.line)}
                open={open === row.id}
                onOpen={() => setOpen((o) => (o === row.id ? null : row.id))}
                onSet={p.onSetManual}
                onReset={p.onResetManual}
                lang={lang}
              />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="alloc-placeholder" data-testid="alloc-none">
            {t('allocation.table.none')}
          </p>
        )}
        {rows.length > limit && (
          <button type="button" className="link-btn alloc-more" onClick={() => setLimit((n) => n + PAGE)} data-testid="alloc-more">
            {t('allocation.table.more', { n: fmtInt(Math.min(PAGE, rows.length - limit)), total: fmtInt(rows.length) })}
          </button>
        )}
      </div>
    </section>
  );
}

interface TrProps {
  row: Row<F, LineRow>;
  odd: boolean;
  view: View;
  hand: HandState;
  open: boolean;
  onOpen(): void;
  onSet(m: ManualLine): void;
  onReset(facility: string, resource: Resource): void;
  lang: 'zh-CN' | 'en';
}

function LineTr({ row, odd, view, hand, open, onOpen, onSet, onReset, lang }: TrProps) {
  const { t } = useLang();
  const r = row.original;
  const l = r.line;
  const isUnit = l.scope === 'unit';
  const reason = lang === 'en' ? l.reasonEn : l.reason;
  const short = l.remaining_shortfall;
  const cls = [
    'alloc-line',
    isUnit ? 'is-unit' : 'is-facility',
    row.depth > 0 ? 'is-child' : '',
    odd ? 'is-odd' : '',
    hand.hand ? 'is-hand' : '',
    hand.pending ? 'is-pending' : '',
    open ? 'is-open' : '',
    l.allocated > 0 ? 'is-given' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      className={cls}
      data-testid="alloc-line"
      data-scope={l.scope}
      data-code={l.code}
      data-resource={l.resource}
      data-manual={hand.hand ? 'true' : 'false'}
      data-pending={hand.pending ? 'true' : 'false'}
      onClick={onOpen}
    >
      <th scope="row" className="alloc-name">
        <div className="alloc-name-in">
          {isUnit
            && view === 'unit'
            && (row.getCanExpand() ? (
              <button
                type="button"
                className="alloc-expander"
                aria-expanded={row.getIsExpanded()}
                title={t(row.getIsExpanded() ? 'allocation.table.collapse' : 'allocation.table.expand')}
                onClick={(e) => {
                  e.stopPropagation();
                  row.toggleExpanded();
                }}
                data-testid="alloc-expander"
              >
                {row.getIsExpanded() ? '▾' : '▸'}
              </button>
            ) : (
              <span className="alloc-expander is-none" />
            ))}
          <span className="alloc-name-text" title={l.code}>
            {l.name}
            {isUnit && r.facilities > 0 && <span className="alloc-sub">{t('allocation.table.facilities', { n: r.facilities })}</span>}
            {!isUnit && view === 'facility' && <span className="alloc-sub is-block">{r.unitName}</span>}
          </span>
          {hand.pending ? (
            <span className="alloc-chip is-pending" title={t('allocation.table.pendingHint')} data-testid="alloc-chip-pending">
              {t('allocation.table.pending')}
            </span>
          ) : (
            hand.hand && (
              <span className="alloc-chip" title={t('allocation.table.manualHint')} data-testid="alloc-chip-manual">
                {t('allocation.table.manual')}
              </span>
            )
          )}
        </div>
      </th>
      <td className="alloc-res">{t(`allocation.res.${l.resource}`)}</td>
      <td className="is-num">{fmtInt(l.current)}</td>
      <td className={`is-num${l.committed ? '' : ' is-zero'}`}>{fmtInt(l.committed)}</td>
      <td className="is-num alloc-given-cell" data-testid="alloc-cell-allocated">
        {isUnit ? (
          <span className={`alloc-amount-plain ${l.allocated ? 'alloc-given' : 'is-zero'}`}>{fmtInt(l.allocated)}</span>
        ) : (
          <AmountCell
            line={l}
            hand={hand}
            onSet={(amount) => onSet({ facility: l.code, resource: l.resource, amount })}
            onReset={() => onReset(l.code, l.resource)}
          />
        )}
      </td>
      <td className="is-num" data-testid="alloc-cell-result">
        {fmtInt(l.result)}
      </td>
      <td className={`is-num${short ? ' is-short' : short === 0 ? ' is-met' : ''}`} data-testid="alloc-cell-shortfall">
        {short === null ? '' : fmtInt(short)}
      </td>
      <td className="alloc-reason-cell">
        <div className="alloc-reason" title={open ? undefined : reason}>
          {reason}
        </div>
      </td>
    </tr>
  );
}
