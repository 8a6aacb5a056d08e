/** TanStack column definitions built from the interchange column list of shared/model. */
import type { ColumnDef } from '../../../shared/model/columns.ts';
import type { Lang } from '../i18n/index.ts';
import { columnLabel, enumKeys, isEnumType } from '../i18n/labels.ts';
import { aggregationOf, defaultWidth, displayText, isNumeric } from './format.ts';
import { boolFilter, enumFilter, rangeFilter, textFilter } from './filterFns.ts';
import type { GridColumnDef, GridColumnMeta } from './gridFeatures.ts';

const COLLATOR = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

type AnyRow = { getValue: (id: string) => unknown };
const textSort = (a: AnyRow, b: AnyRow, id: string) => COLLATOR.compare(String(a.getValue(id)), String(b.getValue(id)));
const numberSort = (a: AnyRow, b: AnyRow, id: string) => (a.getValue(id) as number) - (b.getValue(id) as number);
const boolSort = (a: AnyRow, b: AnyRow, id: string) => Number(a.getValue(id)) - Number(b.getValue(id));
function enumSort(order: string[]) {
  const rank = new Map(order.map((k, i) => [k, i]));
  return (a: AnyRow, b: AnyRow, id: string) => (rank.get(String(a.getValue(id))) ?? 99) - (rank.get(String(b.getValue(id))) ?? 99);
}

export interface ModelColumnOptions<TData extends object> {
  lang: Lang;
  /** The key column (区划代码 / 机构编码): shown, never edited in place. */
  keyField: string;
  /** Columns the search box looks in. */
  searchable: string[];
  size?: Partial<Record<string, number>>;
  /** Custom cell renderers by column key (the tree name, the unit with its name …). */
  cell?: Partial<Record<string, GridColumnDef<TData>['cell']>>;
  /** Text searched for a column, when it is more than the shown value (a code and its unit's name). */
  searchText?: Partial<Record<string, (row: TData) => string>>;
}

export function modelColumns<TData extends object>(cols: readonly ColumnDef[], o: ModelColumnOptions<TData>): GridColumnDef<TData>[] {
  return cols.map((c) => {
    const label = columnLabel(c, o.lang);
    const text = (v: unknown) => displayText(c, v, o.lang);
    const search = o.searchText?.[c.key];
    const filter: GridColumnMeta['filter'] = isNumeric(c) ? 'range' : c.type === 'bool' ? 'bool' : isEnumType(c.type) ? 'enum' : 'text';
    const meta: GridColumnMeta = {
      def: c,
      label,
      text,
      filter,
      align: isNumeric(c) ? 'end' : 'start',
      editable: c.key !== o.keyField,
      enumType: isEnumType(c.type) ? c.type : undefined,
      searchText: search as GridColumnMeta['searchText'],
    };
    const sortFn = isNumeric(c) ? numberSort : c.type === 'bool' ? boolSort : isEnumType(c.type) ? enumSort(enumKeys(c.type)) : textSort;
    const filterFn = filter === 'range' ? rangeFilter : filter === 'bool' ? boolFilter : filter === 'enum' ? enumFilter : textFilter;
    const def: GridColumnDef<TData> = {
      id: c.key,
      accessorFn: (row: TData) => (row as Record<string, unknown>)[c.key] ?? undefined,
      header: label,
      size: o.size?.[c.key] ?? defaultWidth(c, o.lang),
      minSize: 48,
      maxSize: 640,
      sortUndefined: 'last',
      sortFn,
      filterFn,
      enableGlobalFilter: o.searchable.includes(c.key),
      enableGrouping: false,
      aggregationFn: aggregationOf(c),
      meta,
      cell: o.cell?.[c.key] ?? ((ctx) => text(ctx.getValue())),
    };
    return def;
  });
}

/** A read-only text column computed from the row (所属区县 …); it can be grouped by. */
export function derivedColumn<TData extends object>(id: string, label: string, get: (row: TData) => string | undefined, size = 120): GridColumnDef<TData> {
  const meta: GridColumnMeta = { label, align: 'start', editable: false, filter: 'text', text: (v) => (v == null ? '' : String(v)) };
  return {
    id,
    accessorFn: (row: TData) => get(row) || undefined,
    header: label,
    size,
    minSize: 48,
    maxSize: 640,
    sortUndefined: 'last',
    sortFn: textSort,
    filterFn: textFilter,
    enableGlobalFilter: true,
    enableGrouping: true,
    meta,
    cell: (ctx) => meta.text(ctx.getValue()),
  };
}
