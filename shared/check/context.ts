/**
 * What every rule of the data check shares: the plan indexed the way the gap engine indexes it
 * (shared/gaps/region-index.ts: the same populations for the year, the same counties and streets), each
 * unit's own population in the year, and which targets of the set read what.
 */
import { indexRegion, type RegionIndex } from '../gaps/region-index.ts';
import { populationsAt } from '../gaps/population.ts';
import type { Target } from '../gaps/standard.ts';
import { FACILITY_COLUMNS } from '../model/columns.ts';
import { FACILITY_TYPE_LABELS, UNIT_KIND_LEVEL, type FacilityType } from '../model/kinds.ts';
import type { CheckInput, Said } from './finding.ts';

export interface CheckContext {
  input: CheckInput;
  ix: RegionIndex;
  /** Per unit (index in ix.units): its own total population in the year, NaN where it has none. */
  own: Float64Array;
  children: number[][];
}

export function checkContext(input: CheckInput): CheckContext {
  const ix = indexRegion(input.units, input.facilities, {
    appliesTo: input.set.appliesTo,
    appliedTo: input.appliedTo,
    year: input.year,
    populations: input.populations,
  });
  const own = populationsAt(ix.units, ix.parent, input.populations ?? [], input.year).own.total;
  const children: number[][] = ix.units.map(() => []);
  for (let i = 0; i < ix.units.length; i++) if (ix.parent[i]! >= 0) children[ix.parent[i]!]!.push(i);
  return { input, ix, own, children };
}

/** A facility column's header (中医馆, 实有床位 …). */
export const columnLabel = (key: string): Said => {
  const c = FACILITY_COLUMNS.find((x) => x.key === key);
  return { zh: c?.zh ?? key, en: c?.en.toLowerCase() ?? key };
};
export const typeLabel = (t: string): Said => FACILITY_TYPE_LABELS[t as FacilityType] ?? { zh: t, en: t };

/** The scopes a unit's figure stands at in a report: region (the set's one top unit), county, township; none below. */
export function scopesOfUnit(c: CheckContext, i: number): string[] {
  const out: string[] = [];
  if (c.ix.regionRoots.length === 1 && c.ix.regionRoots[0] === i) out.push('region');
  const level = UNIT_KIND_LEVEL[c.ix.units[i]!.kind];
  if (level === 1) out.push('county');
  if (level === 2) out.push('township');
  return out;
}
const atScope = (t: { scopes: readonly string[] }, scopes: readonly string[]) => scopes.some((s) => t.scopes.includes(s));

/**
 * The facility columns a target reads for the facilities it counts, as the gap engine reads them
 * (shared/gaps/evaluate.ts): a ratio its measure, a per-facility minimum its measure and the one it is
 * relative to, a share or a count its condition's field, a pooled share both measures. What an empty
 * cell does there, in `emptyMeans`. Presence and access targets read no facility column (access reads the
 * coordinates, which the places rules check).
 */
export function columnsRead(t: Target): { field: string; types: readonly string[] | undefined; emptyMeans: Said }[] {
  switch (t.kind) {
    case 'ratio':
      return [{ field: t.measure, types: t.facilityTypes, emptyMeans: { zh: '按 0 计入', en: 'counted as 0' } }];
    case 'facility_min':
      return [t.measure, ...(t.relativeTo ? [t.relativeTo] : [])].map((field) => ({
        field,
        types: t.facilityTypes,
        emptyMeans: { zh: '无法判断', en: 'not judged' },
      }));
    case 'share':
      return [{ field: t.condition.field, types: t.facilityTypes, emptyMeans: { zh: '按未达到计', en: 'counted as not meeting it' } }];
    case 'count':
      return t.condition ? [{ field: t.condition.field, types: t.facilityTypes, emptyMeans: { zh: '按未达到计', en: 'counted as not meeting it' } }] : [];
    case 'pooled_share':
      return [t.measure, t.relativeTo].map((field) => ({ field, types: t.facilityTypes, emptyMeans: { zh: '不计入合计', en: 'left out of the totals' } }));
    case 'presence':
    case 'access':
    case 'referral':
      return [];
  }
}

/** Targets that divide by a unit's population at the given scope (ratios of the total; presence per N people). */
export function populationTargets(c: CheckContext, i: number): Target[] {
  const scopes = scopesOfUnit(c, i);
  const u = c.ix.units[i]!;
  return c.input.set.targets.filter(
    (t) =>
      (t.kind === 'ratio' && t.population === 'total' && atScope(t, scopes))
      || (t.kind === 'presence'
        && !t.named
        && (t.perPopulation !== undefined || t.extraAbove !== undefined)
        && (t.unitKinds as readonly string[]).includes(u.kind)),
  );
}

export { atScope };
export const targetRefs = (ts: readonly Target[]) => ts.map((t) => ({ id: t.id, name: t.name }));
/** 「a」「b」 and 2 more. */
export function targetNames(ts: readonly Target[]): Said {
  const zh =
    ts
      .slice(0, 3)
      .map((t) => `「${t.name}」`)
      .join('') + (ts.length > 3 ? `等 ${ts.length} 项指标` : '');
  const en =
    ts
      .slice(0, 3)
      .map((t) => `"${t.nameEn}"`)
      .join(', ') + (ts.length > 3 ? ` and ${ts.length - 3} more` : '');
  return { zh, en };
}

/** Whether a target counts facilities of this type (a ratio without types counts all; presence and the rest their list). */
export const countsType = (t: Target, type: string): boolean =>
  'facilityTypes' in t && (!t.facilityTypes || (t.facilityTypes as readonly string[]).includes(type));
