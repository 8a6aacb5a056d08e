/**
 * A shortfall in words, in the target's natural unit: "还需床位 312 张", "还需 2 个社区卫生服务中心",
 * "3 所机构未设中医馆". Honest about what is not known: missing data says what is missing.
 */
import type { GapResult } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import type { Lang } from '../i18n/index.ts';
import { isRollup, num, presenceType } from './figures.ts';
import { conditionText, counterOf, countNoun, countWords, isBoolMeasure, isPercentMeasure, kindName, measureNoun, tr, typeName, unitEn } from './vocabulary.ts';

const more = (noun: string, n: number, unit: string, lang: Lang) =>
  tr(lang, 'gap.more', {
    noun: unitEn(unit) ? noun : countNoun(noun, n, lang),
    n: num(n),
    counter: counterOf(unit),
    unit: unitEn(unit) ? ` ${unitEn(unit)}` : '',
  });

/** How far below the requirement, in percentage points (a per-facility rate such as bed occupancy). */
const points = (r: GapResult) => num(Math.max(0, ((r.required ?? 0) - (r.value ?? 0)) * 100));

/** Facilities (or units) below the requirement in a roll-up. */
const below = (r: GapResult) => (r.count ? r.count.of - r.count.met : 0);

/** What data a result lacks, in the screen's language. */
export const missingText = (r: GapResult, lang: Lang) => (lang === 'en' ? (r.missingEn ?? r.missing) : r.missing);

/** The gap in a sentence, or null when there is none. */
export function gapPhrase(t: Target, r: GapResult, lang: Lang): string | null {
  if (r.status === 'not_evaluated') return tr(lang, t.kind === 'referral' ? 'gap.referralPending' : 'gap.access');
  if (r.status === 'not_applicable') return missingText(r, lang) ?? null;
  if (r.status === 'missing_data') return missingText(r, lang) ?? tr(lang, 'gap.missing');
  const n = r.shortfall ?? 0;
  if (r.status === 'met' || n <= 0) return null;
  const rollup = isRollup(t, r);
  switch (t.kind) {
    case 'ratio':
      return more(measureNoun(t.measure, lang), n, t.unit, lang);
    case 'presence': {
      const s = tr(lang, 'gap.presence', { n: num(n), counter: t.unit, type: presenceType(t, lang, n) });
      return rollup ? s + tr(lang, 'gap.units', { k: num(below(r)), kind: kindName(t.unitKinds, lang), ...countWords(below(r)) }) : s;
    }
    case 'facility_min': {
      const what = measureNoun(t.measure, lang);
      if (isBoolMeasure(t.measure))
        return rollup ? tr(lang, 'gap.without', { n: num(below(r)), what, ...countWords(below(r)) }) : tr(lang, 'gap.mustHave', { what });
      if (isPercentMeasure(t.measure) && !t.relativeTo)
        return rollup ? tr(lang, 'gap.below', { n: num(below(r)), ...countWords(below(r)) }) : tr(lang, 'gap.points', { pp: points(r) });
      const s = more(what, n, t.unit, lang);
      return rollup ? s + tr(lang, 'gap.facilities', { k: num(below(r)), ...countWords(below(r)) }) : s;
    }
    case 'access':
      return tr(lang, 'gap.reach', { n: num(n), urban: t.urbanMinutes, rural: t.ruralMinutes });
    case 'referral':
      // A facility row (one beyond the minutes) or an area's share.
      return r.scope === 'facility'
        ? (missingText(r, lang) ?? tr(lang, 'gap.referralOne', { minutes: t.minutes }))
        : tr(lang, 'gap.referral', { n: num(n), minutes: t.minutes, ...countWords(n) });
    case 'share': {
      const c = t.condition;
      if (c.field === 'type' && Array.isArray(c.value) && c.value.length === 1)
        return tr(lang, 'gap.shareType', { n: num(n), type: typeName(c.value[0]!, lang, n) });
      return tr(lang, 'gap.share', { n: num(n), cond: conditionText(c, lang), ...countWords(n) });
    }
    case 'pooled_share':
      return more(measureNoun(t.measure, lang), n, t.unit, lang);
    case 'count':
      return tr(lang, 'gap.count', { n: num(n), cond: t.condition ? conditionText(t.condition, lang) : '' });
  }
}

/** The gap in a few characters under a table figure ("缺 312 张"), only for short and near results. */
export function cellGap(t: Target, r: GapResult, lang: Lang): string | null {
  if ((r.status !== 'short' && r.status !== 'near') || !r.shortfall) return null;
  const rollup = isRollup(t, r);
  const facilities = lang === 'en' ? '' : ' 所';
  if (t.kind === 'facility_min' && (isBoolMeasure(t.measure) || (isPercentMeasure(t.measure) && !t.relativeTo))) {
    if (!rollup) return isBoolMeasure(t.measure) ? null : tr(lang, 'gap.cellPoints', { pp: points(r) });
    return tr(lang, 'gap.cell', { n: num(below(r)), counter: facilities });
  }
  if (t.kind === 'share') return tr(lang, 'gap.cell', { n: num(r.shortfall), counter: facilities });
  const u = lang === 'en' ? (unitEn(t.unit) ? ` ${unitEn(t.unit)}` : '') : ` ${counterOf(t.unit)}`;
  return tr(lang, 'gap.cell', { n: num(r.shortfall), counter: u });
}
