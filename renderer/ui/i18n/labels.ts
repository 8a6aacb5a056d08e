/**
 * Labels that come from shared/model (column headers, kinds, types, service standards) in the
 * current language, so that they are written once, where the import and export also read them.
 */
import { boolLabels } from '../../../shared/model/cells.ts';
import { ENUM_LABELS, FACILITY_COLUMNS, UNIT_COLUMNS, type ColumnDef, type ColumnType } from '../../../shared/model/columns.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import i18next from 'i18next';
import type { Lang } from './index.ts';
import { tIn, type KeyIn } from './keys.ts';

/** A label from shared/model ({zh, en}) in the given language. */
export const labelIn = (l: { readonly zh: string; readonly en: string }, lang: Lang): string => (lang === 'en' ? l.en : l.zh);

/** A separator between items of a list in the given language: ；/ "; ", ，/ ", ", 、/ ", " … (strings `sep.`). */
export const sep = (lang: Lang, kind: KeyIn<'sep'>): string => tIn(lang, `sep.${kind}`);

export type EnumType = Extract<ColumnType, 'unitKind' | 'facilityType' | 'serviceStandard'>;
export const isEnumType = (t: ColumnType): t is EnumType => t === 'unitKind' || t === 'facilityType' || t === 'serviceStandard';

export function columnLabel(c: Pick<ColumnDef, 'zh' | 'en'>, lang: Lang): string {
  return labelIn(c, lang);
}

export function enumLabel(type: EnumType, key: unknown, lang: Lang): string {
  if (key === null || key === undefined || key === '') return '';
  const l = (ENUM_LABELS[type] as Record<string, { zh: string; en: string }>)[String(key)];
  if (!l) return String(key);
  return labelIn(l, lang);
}

/** The keys of an enum in their canonical order (hospital tiers first, …). */
export function enumKeys(type: EnumType): string[] {
  return Object.keys(ENUM_LABELS[type]);
}

/** 是/否 (城镇/农村 for `urban`), or Yes/No (Urban/Rural). */
export function boolLabel(columnKey: string, v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (lang === 'zh-CN') {
    const l = boolLabels(columnKey);
    return v ? l.yes : l.no;
  }
  if (columnKey === 'urban') return i18next.t(v ? 'values.urban' : 'values.rural');
  return i18next.t(v ? 'values.yes' : 'values.no');
}

/** The header of any column of either table by key (for undo labels and import reports). */
export function anyColumnLabel(key: string, lang: Lang): string {
  const c = [...UNIT_COLUMNS, ...FACILITY_COLUMNS].find((x) => x.key === key);
  return c ? columnLabel(c, lang) : key;
}

/** What to show for anything thrown by the service: its message in the current language. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof ApiError) return lang === 'en' ? e.messageEn || e.message : e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function errorCode(e: unknown): string | null {
  return e instanceof ApiError ? e.code : null;
}
