/**
 * A target in words: its rule ("实有床位：每千常住人口 ≥ 11 张"), what it counts and at which levels.
 * Facility types, unit kinds and column headers come from shared/model, so they read as elsewhere.
 */
import { FACILITY_TYPES, FACILITY_TYPE_LABELS, UNIT_KIND_LABELS, type FacilityType, type UnitKind } from '../../../shared/model/kinds.ts';
import { PERCENT_COLUMNS } from '../../../shared/model/cells.ts';
import { FACILITY_COLUMNS, UNIT_COLUMNS } from '../../../shared/model/columns.ts';
import type { Condition, Target } from '../../../shared/gaps/standard.ts';
import { anyColumnLabel, boolLabel, columnLabel, enumLabel, labelIn } from '../../ui/i18n/labels.ts';
import type { Lang, useLang } from '../../ui/i18n/index.ts';
import { tIn } from '../../ui/i18n/keys.ts';

type T = ReturnType<typeof useLang>['t'];
type Of<K extends Target['kind']> = Extract<Target, { kind: K }>;

/** Bands of population a ratio divides by, named by the unit column holding them. */
const BAND_COLUMN = { total: 'population', age_0_3: 'population_0_3', age_65_plus: 'population_65_plus' } as const;
/** Facility types that are not medical and health institutions (the policy tables exclude them). */
const NOT_MEDICAL: readonly FacilityType[] = ['elderly_care', 'childcare'];
/** The Chinese counting words of the data in English; the others read fine without one. */
const UNIT_EN: Record<string, string> = { 张: 'beds', 辆: 'vehicles', 平方米: 'm²' };

const BOOL_TYPES = new Set(FACILITY_COLUMNS.filter((c) => c.type === 'bool').map((c) => c.key as string));

export const fmtNumber = (v: number, lang: Lang) => v.toLocaleString(lang, { maximumFractionDigits: 4 });
/** A share (0.25) as a percentage (25%). */
export const fmtPercent = (v: number, lang: Lang) => `${(v * 100).toLocaleString(lang, { maximumFractionDigits: 2 })}%`;

export function unitWord(unit: string, lang: Lang): string {
  return lang === 'en' ? (UNIT_EN[unit] ?? '') : unit;
}

export const targetName = (x: { name: string; nameEn: string }, lang: Lang) => (lang === 'en' ? x.nameEn : x.name);

/** The minimum a target's `min` is entered as a percentage for: shares, and ratios of one column to another. */
export function minIsPercent(target: Target): boolean {
  if (target.kind === 'share' || target.kind === 'access' || target.kind === 'referral') return true;
  return target.kind === 'facility_min' && (!!target.relativeTo || PERCENT_COLUMNS.has(target.measure));
}

/** A facility flag (中医馆) required with min 1 reads "设有…": there is no value to enter. */
export function isFlagTarget(target: Target): boolean {
  return target.kind === 'facility_min' && BOOL_TYPES.has(target.measure) && !target.relativeTo;
}

function joinList(items: string[], t: T): string {
  return items.join(t('standards.rule.list'));
}

/** a、b或c — the types any of which meets a presence or access rule. */
function joinOr(items: string[], t: T): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(t('standards.rule.list'))}${t('standards.rule.or')}${items.at(-1)}`;
}

const typeNames = (types: readonly FacilityType[], lang: Lang) => types.map((k) => labelIn(FACILITY_TYPE_LABELS[k], lang));
const kindNames = (kinds: readonly UnitKind[], lang: Lang) => kinds.map((k) => (lang === 'en' ? UNIT_KIND_LABELS[k].en.toLowerCase() : UNIT_KIND_LABELS[k].zh));
const quote = (s: string, lang: Lang) => tIn(lang, 'standards.quote', { s });
const measureName = (key: string, lang: Lang) => quote(anyColumnLabel(key, lang), lang);

function percentOrNumber(field: string, v: number, lang: Lang): string {
  return PERCENT_COLUMNS.has(field) ? fmtPercent(v, lang) : fmtNumber(v, lang);
}

function conditionText(c: Condition, t: T, lang: Lang): string {
  const field = measureName(c.field, lang);
  if (c.op === '>=' || c.op === '<=') {
    const value = typeof c.value === 'number' ? percentOrNumber(c.field, c.value, lang) : String(c.value);
    return t(c.op === '>=' ? 'standards.rule.condAtLeast' : 'standards.rule.condAtMost', { field, value });
  }
  const values = Array.isArray(c.value) ? c.value : [c.value];
  const words = values.map((v) => {
    if (typeof v === 'boolean') return boolLabel(c.field, v, lang);
    if (c.field === 'type') return enumLabel('facilityType', v, lang);
    if (c.field === 'service_standard') return enumLabel('serviceStandard', v, lang);
    return String(v);
  });
  return t('standards.rule.condIs', { field, value: joinOr(words, t) });
}

function perWords(per: number, t: T, lang: Lang): string {
  if (per === 1000) return t('standards.rule.perThousand');
  if (per === 10_000) return t('standards.rule.perTenThousand');
  if (per === 100_000) return t('standards.rule.perHundredThousand');
  return t('standards.rule.perN', { n: fmtNumber(per, lang) });
}

const tidy = (s: string) =>
  s
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([：:；;，,])/g, '$1')
    .trim();

/** The rule in one sentence, with the required value and its unit. */
export function ruleText(target: Target, t: T, lang: Lang): string {
  const unit = unitWord(target.unit, lang);
  switch (target.kind) {
    case 'ratio': {
      const band = UNIT_COLUMNS.find((c) => c.key === BAND_COLUMN[target.population])!;
      return tidy(
        t('standards.rule.ratio', {
          measure: anyColumnLabel(target.measure, lang),
          per: perWords(target.per, t, lang),
          band: lang === 'en' ? columnLabel(band, lang).toLowerCase().replace('population', 'residents') : columnLabel(band, lang),
          min: fmtNumber(target.min, lang),
          unit,
        }),
      );
    }
    case 'presence':
      return tidy(presenceText(target, t, lang, unit));
    case 'facility_min': {
      const types = joinOr(typeNames(target.facilityTypes, lang), t);
      if (isFlagTarget(target)) return tidy(t('standards.rule.facilityFlag', { types, measure: measureName(target.measure, lang) }));
      if (target.relativeTo) {
        return tidy(
          t('standards.rule.facilityShare', {
            types,
            measure: measureName(target.measure, lang),
            relativeTo: measureName(target.relativeTo, lang),
            pct: fmtPercent(target.min, lang),
          }),
        );
      }
      const min = PERCENT_COLUMNS.has(target.measure) ? fmtPercent(target.min, lang) : fmtNumber(target.min, lang);
      return tidy(
        t('standards.rule.facilityMin', { types, measure: measureName(target.measure, lang), min, unit: PERCENT_COLUMNS.has(target.measure) ? '' : unit }),
      );
    }
    case 'share':
      return tidy(
        t('standards.rule.share', {
          types: joinList(typeNames(target.facilityTypes, lang), t),
          condition: conditionText(target.condition, t, lang),
          pct: fmtPercent(target.min, lang),
        }),
      );
    case 'pooled_share':
      return tidy(
        t('standards.rule.pooledShare', {
          types: joinList(typeNames(target.facilityTypes, lang), t),
          measure: measureName(target.measure, lang),
          relativeTo: measureName(target.relativeTo, lang),
          pct: fmtPercent(target.min, lang),
        }),
      );
    case 'count': {
      const types = joinList(typeNames(target.facilityTypes, lang), t);
      return tidy(
        target.condition
          ? t('standards.rule.count', { types, condition: conditionText(target.condition, t, lang), min: fmtNumber(target.min, lang), unit })
          : t('standards.rule.countAll', { types, min: fmtNumber(target.min, lang), unit }),
      );
    }
    case 'access':
      return tidy(
        t('standards.rule.access', {
          types: joinOr(typeNames(target.facilityTypes, lang), t),
          urban: fmtNumber(target.urbanMinutes, lang),
          rural: fmtNumber(target.ruralMinutes, lang),
          pct: fmtPercent(target.min, lang),
        }),
      );
    case 'referral':
      return tidy(
        t('standards.rule.referral', {
          from: joinOr(typeNames(target.fromTypes, lang), t),
          to: target.toTypes?.length ? joinOr(typeNames(target.toTypes, lang), t) : t('standards.rule.referralUp'),
          minutes: fmtNumber(target.minutes, lang),
          pct: fmtPercent(target.min, lang),
        }),
      );
  }
}

function presenceText(target: Of<'presence'>, t: T, lang: Lang, unit: string): string {
  const types = joinOr(typeNames(target.facilityTypes, lang), t);
  if (target.named) {
    const list = target.named.map((n) => tidy(t('standards.rule.namedItem', { unit: n.unit, min: fmtNumber(n.min, lang), unitWord: unit })));
    return t('standards.rule.named', { types, list: joinList(list, t) });
  }
  let s = t('standards.rule.presence', { kinds: joinOr(kindNames(target.unitKinds, lang), t), min: fmtNumber(target.min, lang), unit, types });
  if (target.perPopulation) s += t('standards.rule.perPopulation', { n: fmtNumber(target.perPopulation, lang), unit });
  if (target.extraAbove)
    s += t('standards.rule.extraAbove', { population: fmtNumber(target.extraAbove.population, lang), extra: fmtNumber(target.extraAbove.extra, lang), unit });
  return s;
}

/** "计入：…" — the facility types counted; whole families named as such rather than listed. */
export function countsText(target: Target, t: T, lang: Lang): string | null {
  if (target.kind !== 'ratio') return null;
  const types = target.facilityTypes;
  if (!types || FACILITY_TYPES.every((k) => types.includes(k))) return t('standards.counts', { types: t('standards.allFacilities') });
  const medical = FACILITY_TYPES.filter((k) => !NOT_MEDICAL.includes(k));
  if (types.length === medical.length && medical.every((k) => types.includes(k))) return t('standards.counts', { types: t('standards.allMedical') });
  return t('standards.counts', { types: joinList(typeNames(types, lang), t) });
}

export function scopesText(target: Target, t: T): string | null {
  if (!('scopes' in target)) return null;
  return t('standards.scopes', { scopes: target.scopes.map((s) => t(`standards.scope.${s}`)).join(' · ') });
}
