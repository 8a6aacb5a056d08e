/** Per-column filters under the header: text contains, number min–max, a select for enums and 是/否. */
import { useState } from 'react';
import type { Column } from '@tanstack/react-table';
import { useLang } from '../i18n/index.ts';
import { boolLabel, enumKeys, enumLabel } from '../i18n/labels.ts';
import { BLANK, type RangeValue } from './filterFns.ts';
import type { GridFeatures } from './gridFeatures.ts';
import { parseCellText } from './parseInput.ts';

type Col = Column<GridFeatures, never, unknown>;

export function FilterRow({ columns, width, pinned }: { columns: Col[]; width: number; pinned: string }) {
  return (
    <div className="grid-filter-row" role="row" style={{ width }}>
      {columns.map((col) => (
        <div
          key={col.id}
          className={`grid-fcell${col.id === pinned ? ' is-pinned' : ''}`}
          style={{ width: col.getSize() }}
          data-testid="grid-filter"
          data-col={col.id}
        >
          <FilterInput col={col} />
        </div>
      ))}
    </div>
  );
}

function FilterInput({ col }: { col: Col }) {
  const { t, lang } = useLang();
  const meta = col.columnDef.meta;
  const value = col.getFilterValue();
  if (!meta || meta.filter === 'none') return null;
  if (meta.filter === 'range') return <RangeInput col={col} />;
  if (meta.filter === 'enum' || meta.filter === 'bool') {
    const opts =
      meta.filter === 'bool'
        ? [
            { v: 'true', l: boolLabel(col.id, true, lang) },
            { v: 'false', l: boolLabel(col.id, false, lang) },
          ]
        : enumKeys(meta.enumType!).map((k) => ({ v: k, l: enumLabel(meta.enumType!, k, lang) }));
    return (
      <select
        className="filter-select"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => col.setFilterValue(e.target.value || undefined)}
        aria-label={meta.label}
      >
        <option value="">{t('grid.any')}</option>
        {opts.map((o) => (
          <option key={o.v} value={o.v}>
            {o.l}
          </option>
        ))}
        <option value={BLANK}>{t('grid.blank')}</option>
      </select>
    );
  }
  return (
    <input
      className="filter-input"
      type="search"
      placeholder={t('grid.contains')}
      aria-label={meta.label}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => col.setFilterValue(e.target.value)}
    />
  );
}

function RangeInput({ col }: { col: Col }) {
  const { t } = useLang();
  const def = col.columnDef.meta?.def;
  const current = (col.getFilterValue() as RangeValue | undefined) ?? [undefined, undefined];
  const [text, setText] = useState<[string, string]>(() => [current[0]?.toString() ?? '', current[1]?.toString() ?? '']);
  const [bad, setBad] = useState<[boolean, boolean]>([false, false]);
  const parse = (s: string): number | undefined | null => {
    if (s.trim() === '') return undefined;
    if (!def) {
      const n = Number(s);
      return Number.isFinite(n) ? n : null;
    }
    const p = parseCellText({ ...def, required: false, min: undefined, max: undefined }, s);
    return p.ok && typeof p.value === 'number' ? p.value : null;
  };
  const set = (i: 0 | 1, s: string) => {
    const nextText: [string, string] = i === 0 ? [s, text[1]] : [text[0], s];
    setText(nextText);
    const a = parse(nextText[0]);
    const b = parse(nextText[1]);
    setBad([a === null, b === null]);
    col.setFilterValue([a ?? undefined, b ?? undefined] satisfies RangeValue);
  };
  return (
    <div className="filter-range">
      <input
        className={`filter-input${bad[0] ? ' is-bad' : ''}`}
        placeholder={t('grid.min')}
        value={text[0]}
        onChange={(e) => set(0, e.target.value)}
        aria-label={`${col.columnDef.meta?.label} ${t('grid.min')}`}
      />
      <span className="range-dash">–</span>
      <input
        className={`filter-input${bad[1] ? ' is-bad' : ''}`}
        placeholder={t('grid.max')}
        value={text[1]}
        onChange={(e) => set(1, e.target.value)}
        aria-label={`${col.columnDef.meta?.label} ${t('grid.max')}`}
      />
    </div>
  );
}
