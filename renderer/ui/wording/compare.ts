/**
 * How the comparison reads: money in 元 (with 万元 beside large sums), signed differences, a field's
 * value as the tables show it, and a cost line or a resource in words.
 */
import { FACILITY_COLUMNS, UNIT_COLUMNS } from '../../../shared/model/columns.ts';
import type { FieldValue } from '../../../shared/compare/rows.ts';
import type { CostItem, CostLine } from '../../../shared/compare/costs.ts';
import type { Lang } from '../i18n/index.ts';
import { anyColumnLabel, boolLabel, enumLabel, isEnumType } from '../i18n/labels.ts';
import { typeName } from './vocabulary.ts';
import { tIn, tUnder } from '../i18n/keys.ts';

/** A compare text in the given language. */
export const ct = tUnder('compare');

const INT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const NUM = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const WAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const MILLION = new Intl.NumberFormat('en', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

export const num = (v: number) => NUM.format(v);
/** −40 / +40 (a real minus sign). */
export const signed = (v: number, f: (x: number) => string = num) => (v > 0 ? `+${f(v)}` : v < 0 ? `−${f(-v)}` : f(0));

/** 29,000,000 元（2,900 万元） / ¥29,000,000 (29 million). */
export function money(v: number, lang: Lang): string {
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  const whole = `${sign}${INT.format(Math.round(a))}`;
  if (lang === 'en') return a >= 1e6 ? `¥${whole} (${sign}${MILLION.format(a / 1e6)} million)` : `¥${whole}`;
  return a >= 1e4 ? `${whole} 元（${sign}${WAN.format(a / 1e4)} 万元）` : `${whole} 元`;
}

export const itemName = (item: CostItem | 'projects', lang: Lang) => ct(lang, `costs.item.${item}`);

/** "新建 社区卫生服务中心" / "床位": what a cost line is for. */
export function lineName(l: CostLine, lang: Lang): string {
  return l.item === 'facility' ? ct(lang, 'costs.newFacility', { type: typeName(l.type!, lang, l.quantity) }) : itemName(l.item, lang);
}

/** "+2 所" / "−20 张" / "+1,500.5 平方米". */
export function lineQuantity(l: CostLine, lang: Lang): string {
  return `${signed(l.quantity)} ${ct(lang, `costs.qty.${l.item}`, { count: Math.abs(l.quantity) })}`;
}

/** Yuan without a unit, for tables whose header says 元: 20,000,000. */
export const yuan = (v: number) => (v < 0 ? `−${NUM.format(-v)}` : NUM.format(v));

const COLUMNS = new Map<string, (typeof FACILITY_COLUMNS)[number] | (typeof UNIT_COLUMNS)[number]>(
  [...UNIT_COLUMNS, ...FACILITY_COLUMNS].map((c) => [c.key, c]),
);

/** A field's value as the tables show it: a type's name, 是/否, a number with separators, 空 for blank. */
export function fieldValue(field: string, v: FieldValue, lang: Lang, table: 'facilities' | 'units' = 'facilities'): string {
  if (v === null || v === '') return ct(lang, 'blank');
  const c = (table === 'units' ? UNIT_COLUMNS : FACILITY_COLUMNS).find((x) => x.key === field) ?? COLUMNS.get(field);
  if (!c) return String(v);
  if (isEnumType(c.type)) return enumLabel(c.type, v, lang);
  if (c.type === 'bool') return boolLabel(field, v, lang);
  if (typeof v === 'number') {
    if (field === 'bed_occupancy_rate') return `${NUM.format(v * 100)}%`;
    if (field === 'lon' || field === 'lat') return v.toFixed(5);
    if (c.key === 'year' || c.key === 'opened_year') return String(v);
    return NUM.format(v);
  }
  return String(v);
}

/** 基线 in the screen's language, else the scenario's own name. */
export const scenarioLabel = (s: { name: string; baseline: boolean }, lang: Lang) => (s.baseline ? tIn(lang, 'scenario.baseline') : s.name);

/** The header of a column. */
export const fieldName = (field: string, lang: Lang) => anyColumnLabel(field, lang);
