/** 内置对照: the WS 218-2002 卫生机构类别 the tool reads, each code and name → the tool's type; read-only, searchable. */
import { useState } from 'react';
import type { BuiltInTypeOut } from '../../../shared/api/contract.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { enumLabel, sep } from '../../ui/i18n/labels.ts';
import { filterBuiltIn } from './builtInRows.ts';

export function BuiltInTable({ builtIn }: { builtIn: readonly BuiltInTypeOut[] }) {
  const { t, lang } = useLang();
  const [query, setQuery] = useState('');
  const reads = (r: BuiltInTypeOut): string =>
    r.type === 'byLevel' ? t('types.byLevel') : r.type === null ? t('types.notPlanned') : enumLabel('facilityType', r.type, lang);
  // The search matches what a row reads as in the language shown, and the type's label in the other too.
  const typeText = (r: BuiltInTypeOut): string =>
    [reads(r), typeof r.type === 'string' && r.type !== 'byLevel' ? enumLabel('facilityType', r.type, lang === 'en' ? 'zh-CN' : 'en') : ''].join(' ');
  const rows = filterBuiltIn(builtIn, query, typeText);
  return (
    <section className="types-section" data-testid="types-builtin">
      <div className="types-builtin-head">
        <h3>{t('types.builtIn')}</h3>
        <input
          type="search"
          value={query}
          placeholder={t('types.search')}
          aria-label={t('types.search')}
          data-testid="types-search"
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="field-hint" data-testid="types-builtin-count">
          {t('types.shown', { shown: rows.length, total: builtIn.length })}
        </span>
      </div>
      <p className="field-hint" data-testid="types-source">
        {t('types.builtInSource')}
      </p>
      <div className="types-builtin-scroll">
        <table className="types-table">
          <thead>
            <tr>
              <th className="types-code">{t('types.code')}</th>
              <th>{t('types.name')}</th>
              <th>{t('types.type')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} data-testid="types-builtin-row" data-code={r.code}>
                <td className="types-code">{r.code}</td>
                <td>
                  {r.name}
                  {r.aliases.length > 0 && <span className="types-aka">（{r.aliases.join(sep(lang, 'list'))}）</span>}
                </td>
                <td
                  className={r.type === null ? 'types-none' : undefined}
                  title={r.type === 'byLevel' ? t('types.byLevelHint') : r.type === null ? t('types.notPlannedHint') : undefined}
                >
                  {reads(r)}
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={3} className="types-empty">
                  {t('types.noMatch', { q: query.trim() })}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
