/**
 * Words for the parts of a target — what is measured, which facilities, which units, a condition —
 * so that gaps read as sentences ("还需床位 312 张") in either language.
 */
import { tIn, tUnder, type Key } from '../i18n/keys.ts';
import { PERCENT_COLUMNS } from '../../../shared/model/cells.ts';
import { FACILITY_COLUMNS } from '../../../shared/model/columns.ts';
import { FACILITY_TYPE_LABELS, SERVICE_STANDARD_LABELS, UNIT_KIND_LABELS, type FacilityType, type UnitKind } from '../../../shared/model/kinds.ts';
import type { Condition, Target } from '../../../shared/gaps/standard.ts';
import type { Lang } from '../i18n/index.ts';
import { sep, labelIn } from '../i18n/labels.ts';

/** A gaps text in the given language (keys under `gaps.`, typed). */
export const tr = tUnder('gaps');

/** A target group's name (床位, 人员 … from the documents): the known ones have English, others show as written. */
export const groupLabel = (g: string, lang: Lang): string => tIn(lang, `gaps.groups.${g}` as Key, { defaultValue: g });

/** English labels start lower-case inside a sentence, acronyms (TCM, GPs, CDC) stay. */
const inSentence = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const plural = (s: string) => (/s$/.test(s) ? s : `${s}s`);
/** "1 more bed", "2 more beds": English nouns here are plural; one drops the s. */
export const countNoun = (noun: string, n: number, lang: Lang) => (lang === 'en' && n === 1 && /[^s]s$/.test(noun) ? noun.slice(0, -1) : noun);
/** Words that change with the number in English; the Chinese templates do not use them. */
export const countWords = (n: number) => ({ fac: n === 1 ? 'facility' : 'facilities', unitWord: n === 1 ? 'unit' : 'units' });

/** The shorter everyday word where a column header is long (实有床位 → 床位). */
const NOUN: Record<string, { zh: string; en: string }> = {
  beds_open: { zh: '床位', en: 'beds' },
  beds_approved: { zh: '编制床位', en: 'approved beds' },
  physicians: { zh: '执业（助理）医师', en: 'physicians' },
  pharmacists: { zh: '药师（士）', en: 'pharmacists' },
  bachelor_or_above: { zh: '本科及以上学历人员', en: 'staff with a bachelor degree or above' },
  senior_or_intermediate_titles: { zh: '中高级职称人员', en: 'staff with senior or intermediate titles' },
  childcare_places: { zh: '托位', en: 'childcare places' },
  floor_area_m2: { zh: '业务用房面积', en: 'floor area' },
};

export function measureNoun(measure: string, lang: Lang): string {
  const own = NOUN[measure];
  if (own) return own[lang === 'en' ? 'en' : 'zh'];
  const c = FACILITY_COLUMNS.find((x) => x.key === measure);
  if (!c) return measure;
  return lang === 'en' ? inSentence(c.en) : c.zh;
}

/** The header of a facility column, as it appears in the tables. */
export function columnName(key: string, lang: Lang): string {
  if (key === 'type') return tr(lang, 'typeColumn');
  const c = FACILITY_COLUMNS.find((x) => x.key === key);
  return c ? (lang === 'en' ? inSentence(c.en) : c.zh) : key;
}

export const isBoolMeasure = (measure: string) => FACILITY_COLUMNS.find((c) => c.key === measure)?.type === 'bool';
export const isPercentMeasure = (measure: string) => PERCENT_COLUMNS.has(measure);

/** A facility type: 社区卫生服务中心 / community health centres (plural when n ≠ 1). */
export function typeName(type: string, lang: Lang, n = 1): string {
  const l = FACILITY_TYPE_LABELS[type as FacilityType];
  if (!l) return type;
  return lang === 'en' ? inSentence(n === 1 ? l.en : plural(l.en)) : l.zh;
}

/** The types a target counts, as a short list: 社区卫生服务中心、社区医院. All medical types read as one phrase. */
export function typesList(types: readonly string[] | undefined, lang: Lang): string {
  if (!types || types.length > 6) return tr(lang, 'rule.allMedical');
  return types.map((x) => typeName(x, lang, 2)).join(sep(lang, 'list'));
}

export function kindName(kinds: readonly string[], lang: Lang): string {
  return kinds
    .map((k) => {
      const l = UNIT_KIND_LABELS[k as UnitKind];
      return l ? (lang === 'en' ? inSentence(l.en) : l.zh) : k;
    })
    .join(sep(lang, 'or'));
}

/** The counter word of a unit: people are counted 名 in a sentence. */
export const counterOf = (unit: string) => (unit === '人' ? '名' : unit);
/** The English word for a unit that is not a plain count (平方米 → m²); counts need none. */
export const unitEn = (unit: string) => (unit === '平方米' ? 'm²' : unit === '平方公里' ? 'km²' : '');

function valueLabel(field: string, v: string, lang: Lang): string {
  const labels = field === 'service_standard' ? SERVICE_STANDARD_LABELS : field === 'type' ? FACILITY_TYPE_LABELS : null;
  const l = labels ? (labels as Record<string, { zh: string; en: string }>)[v] : undefined;
  return l ? labelIn(l, lang) : v;
}

/** A share target's condition in words: 设有中医阁, 达到基本标准或推荐标准. */
export function conditionText(c: Condition, lang: Lang): string {
  const what = columnName(c.field, lang);
  switch (c.op) {
    case '==':
      if (typeof c.value === 'boolean') return tr(lang, c.value ? 'cond.has' : 'cond.hasNot', { what });
      return tr(lang, 'cond.is', { what, values: valueLabel(c.field, String(c.value), lang) });
    case 'in': {
      const values = (Array.isArray(c.value) ? c.value : [String(c.value)]).map((v) => valueLabel(c.field, v, lang)).join(tr(lang, 'cond.or'));
      return tr(lang, c.field === 'service_standard' ? 'cond.reach' : 'cond.is', { what, values });
    }
    case '>=':
      return tr(lang, 'cond.atLeast', { what, v: c.value });
    case '<=':
      return tr(lang, 'cond.atMost', { what, v: c.value });
  }
}

export const targetName = (t: Target, lang: Lang) => (lang === 'en' ? t.nameEn : t.name);

const NUM = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** How the figure is computed, in one line. */
export function ruleText(t: Target, lang: Lang): string {
  const types = typesList(t.kind === 'referral' ? t.fromTypes : t.facilityTypes, lang);
  switch (t.kind) {
    case 'ratio':
      return tr(lang, 'rule.ratio', { types, measure: columnName(t.measure, lang), pop: tr(lang, `rule.pop.${t.population}`), per: NUM.format(t.per) });
    case 'presence':
      return tr(lang, 'rule.presence', { types, kind: kindName(t.unitKinds, lang) });
    case 'facility_min':
      return t.relativeTo
        ? tr(lang, 'rule.facility_rel', { types, measure: columnName(t.measure, lang), rel: columnName(t.relativeTo, lang) })
        : tr(lang, 'rule.facility_min', { types, measure: columnName(t.measure, lang) });
    case 'share':
      return tr(lang, 'rule.share', { types, cond: conditionText(t.condition, lang) });
    case 'pooled_share':
      return tr(lang, 'rule.pooled_share', { types, measure: columnName(t.measure, lang), rel: columnName(t.relativeTo, lang) });
    case 'count':
      return tr(lang, 'rule.count', { types, cond: t.condition ? conditionText(t.condition, lang) : '' });
    case 'access':
      return tr(lang, 'rule.access', { types });
    case 'referral':
      return tr(lang, 'rule.referral', { types, to: t.toTypes ? typesList(t.toTypes, lang) : tr(lang, 'rule.referralUp') });
  }
}
