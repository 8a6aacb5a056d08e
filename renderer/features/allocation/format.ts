/** Figures as planners read them: thousands separators, amounts with their measure word ("625 床", "625 beds"). */
import { RESOURCE_LABELS, type Resource } from '../../../shared/allocation/resources.ts';
import type { Lang } from '../../ui/i18n/index.ts';
import { tIn } from '../../ui/i18n/keys.ts';
import type { MoneyUnit } from './session.ts';

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DEC = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const fmtInt = (n: number) => INT.format(n);
export const fmtNum = (n: number) => DEC.format(n);

/** "625 床", "1 名全科医生"; "625 beds", "1 GP". */
export function amount(r: Resource, n: number, lang: Lang): string {
  const l = RESOURCE_LABELS[r];
  return lang === 'en' ? l.countEn(fmtInt(n)) : l.count(fmtInt(n));
}

/** Yuan in the unit the planner typed the budget in: "5,000 万元", "50,000,000 元"; "5,000 × 10k yuan". */
export function money(yuan: number, unit: MoneyUnit, lang: Lang): string {
  if (unit === 'wan') return tIn(lang, 'allocation.money.wan', { n: fmtNum(yuan / 10000) });
  return tIn(lang, 'allocation.money.yuan', { n: fmtNum(yuan) });
}

/** The typed text with thousands separators when it is a plain number; else as typed. */
export function prettyTyped(text: string): string {
  const s = text.replace(/[,，\s_]/g, '');
  const m = /^(\d+)(\.\d*)?$/.exec(s);
  if (!m) return text;
  return `${INT.format(Number(m[1]))}${m[2] ?? ''}`;
}
