/**
 * How a result's figures read, by kind of target: a ratio to 2 decimals with its unit ("8.28 / 11
 * 张每千人"), a share as percent, a roll-up as "不足 52 / 共 172 所，达标 120" (what is short first;
 * "达标 172 / 172" when none is), a flag as 有/无.
 */
import type { GapResult } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import type { Lang } from '../i18n/index.ts';
import { sep } from '../i18n/labels.ts';
import { isBoolMeasure, isPercentMeasure, kindName, tr, typeName, unitEn } from './vocabulary.ts';

const NUM = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const FIXED2 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PCT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

export const num = (v: number) => NUM.format(v);
export const pct = (v: number) => `${PCT.format(v * 100)}%`;
export const DASH = '—';

/** " 人" after a figure; in English only a real unit (m²), not a counter. */
const unitSuffix = (unit: string, lang: Lang) => {
  const u = lang === 'en' ? unitEn(unit) : unit;
  return u ? ` ${u}` : '';
};

/** A value that is a share of 1 (share targets, per-facility shares such as TCM ÷ all physicians). */
export function isShareValued(t: Target): boolean {
  return (
    t.kind === 'share'
    || t.kind === 'access'
    || t.kind === 'referral'
    || t.kind === 'pooled_share'
    || (t.kind === 'facility_min' && (!!t.relativeTo || isPercentMeasure(t.measure)))
  );
}

/** A roll-up: how many units or facilities below meet a per-unit / per-facility target. */
export const isRollup = (t: Target, r: GapResult) => !!r.count && (t.kind === 'presence' || t.kind === 'facility_min');

const PER_WORD: Record<number, string> = { 100: '百', 1000: '千', 10000: '万', 100000: '十万' };

/** 张每千人 / per 1,000 residents. */
export function ratioUnit(t: Extract<Target, { kind: 'ratio' }>, lang: Lang): string {
  const band = tr(lang, `fig.band.${t.population}`);
  const per = lang === 'en' ? t.per.toLocaleString('en') : (PER_WORD[t.per] ?? String(t.per));
  return tr(lang, 'fig.ratioUnit', { unit: t.unit, per, band });
}

function one(t: Target, v: number | null, lang: Lang): string {
  if (v === null) return DASH;
  if (isShareValued(t)) return pct(v);
  if (t.kind === 'ratio') return FIXED2.format(v);
  if (t.kind === 'facility_min' && isBoolMeasure(t.measure)) return tr(lang, v >= 1 ? 'fig.yes' : 'fig.no');
  return num(v);
}

/**
 * A roll-up in words: what is short first, so a card with a red 不足 does not lead with 达标
 * ("不足 22 / 共 98 所，达标 76"); "达标 98 / 98" when every one meets it.
 */
export function rollupText(t: Target, count: { met: number; of: number }, lang: Lang): string {
  const { met, of } = count;
  if (met >= of) return tr(lang, 'fig.rollup', { met: num(met), of: num(of) });
  const counter = tr(lang, t.kind === 'presence' ? 'fig.counterUnit' : 'fig.counterFacility');
  return tr(lang, 'fig.rollupShort', { short: num(of - met), of: num(of), met: num(met), counter });
}

/** A referral target's facility row (one beyond the minutes): its own minutes, not a share. */
const referralFacility = (t: Target, r: GapResult): boolean => t.kind === 'referral' && r.scope === 'facility';

/** The value alone, short, for a table cell. */
export function cellFigure(t: Target, r: GapResult, lang: Lang): string {
  if (r.value === null) return DASH;
  if (referralFacility(t, r)) return tr(lang, 'fig.minutes', { v: num(r.value) });
  if (isRollup(t, r)) return `${num(r.count!.met)}/${num(r.count!.of)}`;
  if (t.kind === 'presence') return `${num(r.value)}/${num(r.required ?? 0)}`;
  return one(t, r.value, lang);
}

/** Value against what is required, with the unit: "8.28 / 11 张每千人", "35% / 40%", "不足 52 / 共 172 所，达标 120". */
export function fullFigure(t: Target, r: GapResult, lang: Lang): string {
  if (r.status === 'not_evaluated') return DASH;
  if (isRollup(t, r)) return rollupText(t, r.count!, lang);
  if (t.kind === 'referral' && r.scope === 'facility')
    return tr(lang, 'fig.minutesLimit', { v: r.value === null ? DASH : num(r.value), limit: num(t.minutes) });
  const v = one(t, r.value, lang);
  if (t.kind === 'facility_min' && isBoolMeasure(t.measure)) return `${v} / ${tr(lang, 'fig.mustHave')}`;
  const req = r.required === null ? DASH : one(t, r.required, lang);
  if (isShareValued(t)) return `${v} / ${req}`;
  if (t.kind === 'ratio') return `${v} / ${num(r.required ?? t.min)} ${ratioUnit(t, lang)}`;
  return `${v} / ${req}${unitSuffix(t.unit, lang)}`;
}

/** What the target asks, for the source panel (and, `brief`, a column header): "≥11 张每千人", "每个街道 ≥1 个". */
export function requirement(t: Target, lang: Lang, brief = false): string {
  switch (t.kind) {
    case 'ratio':
      return `≥${num(t.min)} ${ratioUnit(t, lang)}`;
    case 'share':
    case 'pooled_share':
      return tr(lang, 'fig.share', { min: pct(t.min) });
    case 'count':
      return `≥${num(t.min)}${unitSuffix(t.unit, lang)}`;
    case 'access': {
      const rule = tr(lang, 'fig.access', { urban: t.urbanMinutes, rural: t.ruralMinutes });
      const walk = t.travel
        ? t.travel.urban === 'walk'
          ? t.travel.rural === 'walk'
            ? 'walk'
            : 'urbanWalk'
          : t.travel.rural === 'walk'
            ? 'ruralWalk'
            : null
        : null;
      return walk ? `${rule}${tr(lang, `fig.travel.${walk}`)}` : rule;
    }
    case 'referral':
      return tr(lang, 'fig.referral', { min: pct(t.min), minutes: num(t.minutes) });
    case 'facility_min':
      if (isBoolMeasure(t.measure)) return tr(lang, 'fig.mustHave');
      return tr(lang, 'fig.perFacility', { min: isShareValued(t) ? pct(t.min) : `${num(t.min)}${unitSuffix(t.unit, lang)}` });
    case 'presence': {
      if (t.named) return tr(lang, 'fig.named');
      const parts = [tr(lang, 'fig.perUnit', { kind: kindName(t.unitKinds, lang), min: t.min, unit: lang === 'en' ? '' : t.unit })];
      if (brief) return parts[0]!;
      if (t.perPopulation) parts.push(tr(lang, 'fig.perPop', { pop: num(t.perPopulation) }));
      if (t.extraAbove) parts.push(tr(lang, 'fig.extra', { pop: num(t.extraAbove.population), extra: t.extraAbove.extra }));
      return parts.join(sep(lang, 'clause'));
    }
  }
}

/** The facility type a presence target asks for, in words. */
export const presenceType = (t: Extract<Target, { kind: 'presence' }>, lang: Lang, n: number) => typeName(t.facilityTypes[0]!, lang, n);

/** The current value alone, with its unit, for the source panel. */
export function valueText(t: Target, r: GapResult, lang: Lang): string {
  if (r.value === null) return DASH;
  if (isRollup(t, r)) return rollupText(t, r.count!, lang);
  if (referralFacility(t, r)) return tr(lang, 'fig.minutes', { v: num(r.value) });
  const v = one(t, r.value, lang);
  if ((t.kind === 'share' || t.kind === 'referral') && r.count) return `${v}（${tr(lang, 'fig.shareCount', { met: num(r.count.met), of: num(r.count.of) })}）`;
  if (t.kind === 'ratio') return `${v} ${ratioUnit(t, lang)}`;
  if (isShareValued(t) || (t.kind === 'facility_min' && isBoolMeasure(t.measure))) return v;
  return `${v}${unitSuffix(t.unit, lang)}`;
}

/** What this place is asked for: its own number where it has one (a presence count), else the target's rule. */
export function requiredText(t: Target, r: GapResult | undefined, lang: Lang): string {
  if (r && r.required !== null && t.kind === 'presence' && !isRollup(t, r)) return `${num(r.required)}${unitSuffix(t.unit, lang)}`;
  return requirement(t, lang);
}
