/**
 * 区县 / 街道（乡镇） to choose, for the area of a siting question and the units excluded from it:
 * the counties, each opening onto its streets/towns, or a search over both. A chosen county takes
 * its streets/towns with it.
 */
import { useMemo, useRef, useState } from 'react';
import type { Unit } from '../../../../shared/model/entities.ts';
import { UNIT_KIND_LEVEL } from '../../../../shared/model/kinds.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { sep } from '../../../ui/i18n/labels.ts';
import { useAppData } from '../../../ui/state/AppContext.tsx';
import { useDetailsDismiss } from '../useDetailsDismiss.ts';

interface Props {
  value: readonly string[];
  onChange(v: string[]): void;
  empty: string;
  testId: string;
  label: string;
}

export function UnitPicker({ value, onChange, empty, testId, label }: Props) {
  const { t, lang } = useLang();
  const { units } = useAppData();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string | null>(null);
  const box = useRef<HTMLDetailsElement>(null);
  useDetailsDismiss(box);

  const { counties, towns, byCode } = useMemo(() => {
    const list = units ?? [];
    const towns = new Map<string, Unit[]>();
    for (const u of list) {
      if (UNIT_KIND_LEVEL[u.kind] !== 2 || !u.parent_code) continue;
      towns.set(u.parent_code, [...(towns.get(u.parent_code) ?? []), u]);
    }
    return { counties: list.filter((u) => UNIT_KIND_LEVEL[u.kind] === 1), towns, byCode: new Map(list.map((u) => [u.code, u])) };
  }, [units]);

  const chosen = new Set(value);
  const names = value.map((c) => byCode.get(c)?.name ?? c);
  const summary = value.length === 0 ? empty : value.length <= 2 ? names.join(sep(lang, 'list')) : t('map.siting.picker.n', { n: value.length });
  const toggle = (code: string, on: boolean) => {
    // A county chosen stands for its streets/towns: they leave the list.
    const inside = new Set((towns.get(code) ?? []).map((u) => u.code));
    const rest = value.filter((c) => c !== code && !(on && inside.has(c)));
    onChange(on ? [...rest, code] : rest);
  };

  const q = query.trim();
  const found = q ? [...counties, ...[...towns.values()].flat()].filter((u) => u.name.includes(q) || u.code.startsWith(q)) : null;
  const row = (u: Unit, sub: boolean) => {
    const inChosenCounty = sub && !!u.parent_code && chosen.has(u.parent_code);
    return (
      <label key={u.code} className={`siting-unit${sub ? ' is-town' : ''}`}>
        <input
          type="checkbox"
          checked={chosen.has(u.code) || inChosenCounty}
          disabled={inChosenCounty}
          onChange={(e) => toggle(u.code, e.target.checked)}
          data-testid={`${testId}-option`}
          data-code={u.code}
        />
        <span className="siting-unit-name">{u.name}</span>
        {sub && q && u.parent_code && <span className="access-county">{byCode.get(u.parent_code)?.name}</span>}
      </label>
    );
  };

  return (
    <details ref={box} className="access-types siting-units" data-testid={testId}>
      <summary title={names.join('、')} aria-label={label}>
        {summary}
      </summary>
      <div className="access-types-list siting-unit-list">
        <div className="siting-unit-tools">
          <input
            type="search"
            className="siting-unit-search"
            value={query}
            placeholder={t('map.siting.picker.search')}
            onChange={(e) => setQuery(e.target.value)}
            data-testid={`${testId}-search`}
          />
          {value.length > 0 && (
            <button type="button" className="link-btn" onClick={() => onChange([])}>
              {t('map.siting.picker.clear')}
            </button>
          )}
        </div>
        {found ? (
          found.length ? (
            found.map((u) => row(u, UNIT_KIND_LEVEL[u.kind] === 2))
          ) : (
            <p className="siting-unit-none">{t('map.siting.picker.none')}</p>
          )
        ) : (
          counties.map((c) => (
            <div key={c.code}>
              <div className="siting-unit-county">
                <button
                  type="button"
                  className="siting-unit-expand"
                  aria-expanded={expanded === c.code}
                  aria-label={t('map.siting.picker.expand')}
                  onClick={() => setExpanded(expanded === c.code ? null : c.code)}
                  disabled={!towns.get(c.code)?.length}
                >
                  {expanded === c.code ? '▾' : '▸'}
                </button>
                {row(c, false)}
              </div>
              {expanded === c.code && towns.get(c.code)?.map((u) => row(u, true))}
            </div>
          ))
        )}
      </div>
    </details>
  );
}
