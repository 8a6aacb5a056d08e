/** How a value of a model column is shown in a grid cell and written into the cell editor. */
import { PERCENT_COLUMNS, PERCENT_POINT_COLUMNS, YEAR_COLUMNS } from '../../../shared/model/cells.ts';
import { ENUM_LABELS, type ColumnDef } from '../../../shared/model/columns.ts';
import { boolLabel, enumLabel, isEnumType, labelIn } from '../i18n/labels.ts';
import type { Lang } from '../i18n/index.ts';

const INT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const DEC = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const PCT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const COORD_COLUMNS = new Set(['lon', 'lat']);

export function formatNumber(key: string, type: ColumnDef['type'], v: number): string {
  if (YEAR_COLUMNS.has(key)) return String(v);
  if (PERCENT_COLUMNS.has(key)) return `${PCT.format(v * 100)}%`;
  if (PERCENT_POINT_COLUMNS.has(key)) return `${PCT.format(v)}%`;
  if (COORD_COLUMNS.has(key)) return String(Math.round(v * 1e6) / 1e6);
  return type === 'int' ? INT.format(v) : DEC.format(v);
}

/** The text a cell shows: thousands separators, 85%, Chinese (or English) labels; '' for empty. */
export function displayText(c: ColumnDef, v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '';
  if (c.type === 'int' || c.type === 'number') return typeof v === 'number' ? formatNumber(c.key, c.type, v) : String(v);
  if (c.type === 'bool') return boolLabel(c.key, v, lang);
  if (isEnumType(c.type)) return enumLabel(c.type, v, lang);
  return String(v);
}

/** The text the editor starts with: the plain value (a share as 85%), so that it reads back the same. */
export function editText(c: ColumnDef, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && PERCENT_COLUMNS.has(c.key)) return `${Math.round(v * 1e6) / 1e4}%`;
  return String(v);
}

export function isNumeric(c: ColumnDef): boolean {
  return c.type === 'int' || c.type === 'number';
}

/** Which numeric columns a group row adds up, and which it averages (a share). */
export function aggregationOf(c: ColumnDef): 'sum' | 'mean' | undefined {
  if (!isNumeric(c) || YEAR_COLUMNS.has(c.key) || COORD_COLUMNS.has(c.key) || PERCENT_POINT_COLUMNS.has(c.key)) return undefined;
  return PERCENT_COLUMNS.has(c.key) ? 'mean' : 'sum';
}

/** A header ending in a unit of measure: 面积(平方公里), Floor area (m²). */
export const UNIT_RE = /^(.+?)\s*([(（][^()（）]*(?:平方|km|m²|%)[^()（）]*[)）])$/;
/** Rough width in px of the 13 px table font: a CJK glyph is a full em (a little more in bold), Latin about half. */
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 13.5 : 7), 0);

/**
 * A width that fits the header in the current language (on one line when short, else on two; a unit
 * in brackets goes below) and, for enums, the longest label.
 */
export function defaultWidth(c: ColumnDef, lang: Lang): number {
  const byType: Record<ColumnDef['type'], number> = {
    text: 140,
    int: 92,
    number: 100,
    bool: 72,
    unitKind: 92,
    facilityType: 150,
    serviceStandard: 96,
  };
  const label = labelIn(c, lang);
  const m = UNIT_RE.exec(label);
  const w = m ? Math.max(textWidth(m[1]!), textWidth(m[2]!) * 0.9) : textWidth(label);
  const longestWord = Math.max(...label.split(/\s+/).map(textWidth));
  const header = w + 30 <= 140 ? w + 30 : Math.max(w / 2 + 44, longestWord + 34);
  let values = byType[c.type];
  if (isEnumType(c.type)) {
    const labels = Object.values(ENUM_LABELS[c.type] as Record<string, { zh: string; en: string }>);
    values = Math.min(220, Math.max(...labels.map((l) => textWidth(labelIn(l, lang)))) * 1.1 + 24);
  }
  return Math.round(Math.max(values, Math.min(header, 180), 64));
}
