/**
 * 与差距分析对账: what an allocation's totals are against the gap screen's, in figures and in words.
 *
 * A ratio target is judged for the region (长沙市 每千人口床位 11 张): its region line on the gap screen is
 * the shortfall the document asks to close. Allocated unit by unit, the units' shortfalls add up to more
 * than that, since a unit above the target does not lend its surplus to a neighbour (on the sample,
 * 43,475 beds county by county and 65,608 street by street, against 35,873 for 长沙市). Every bed given to
 * a unit short of the target is also one bed more for the region, so what the region still needs is its
 * shortfall less what was added. `still_needed` is therefore restated at the region (the gap screen's
 * figure less what this run and the commitments added: "还需"), split as the allocator found it (what
 * existing facilities in short units could still absorb, the rest new capacity), and each resource says
 * how the units' sum relates to it and why. A target not judged for the region keeps the units' figures.
 */
import type { Said } from '../gaps/result.ts';
import type { StandardSet, Target } from '../gaps/standard.ts';
import { int } from './format.ts';
import type { RegionLine } from './needs.ts';
import { RESOURCE_LABELS, RESOURCES, resourceOfMeasure, type Amounts, type Resource } from './resources.ts';
import type { AllocationScope } from './scope.ts';
import type { AllocationNeed, AllocationResult, Budget } from './types.ts';

/** One resource's totals: the gap screen's region line before and after this run, the units' sums, and what to say. */
export interface ResourceTotal {
  /** The target the needs come from (the region line's), or null where nothing was measured. */
  target: string | null;
  /** The gap screen's region line: its shortfall before this run and what remains after it (commitments and hand-set lines counted). */
  region: { name: string; shortfall: number; remaining: number } | null;
  /** The units at the allocation's scope: how many, how many short, Σ shortfall before this run and Σ remaining after it. */
  units: { count: number; short: number; shortfall: number; remaining: number };
  /** How these figures relate to the gap screen's and why; or, for a resource nothing could be allocated to, why and what would be needed. */
  said: Said | null;
}
export type AllocationTotals = Partial<Record<Resource, ResourceTotal>>;

/** An access target for 120 stations (the 1030 circle), with the people outside it as the gap screen counts them. */
export interface EmsAccess {
  name: string;
  nameEn: string;
  /** The region line's shortfall (people not reached in time); null when it could not be computed here. */
  uncovered: number | null;
  regionName: string;
}

export interface ReconcileInput {
  scope: AllocationScope;
  /** judgedScope(set): the scope the targets are judged at. */
  judged: AllocationScope;
  needs: readonly AllocationNeed[];
  regions: readonly RegionLine[];
  later: readonly RegionLine[];
  result: AllocationResult;
  budget: Budget;
  costs?: Amounts;
  /** The set measured against (to say why a budgeted resource has no need). */
  set: Pick<StandardSet, 'targets'>;
  /** Its access targets for 120 stations, when it has any. */
  ems?: readonly EmsAccess[];
  /** Other sets with an ambulance ratio target (to point to): name and the figure. */
  ambulanceSets?: readonly { name: string; nameEn: string; min: number; per: number }[];
}

export interface Reconciled {
  totals: AllocationTotals;
  /** The result's still_needed restated at the region where the target is judged for it. */
  still_needed: AllocationResult['still_needed'];
  /** The sentences of the budgeted resources and of the targets not yet due, for the notes (JSON, workbook). */
  notes: Said[];
}

const LEVEL = { county: { zh: '区县', en: 'county', ens: 'counties' }, township: { zh: '街道/乡镇', en: 'street/town', ens: 'streets/towns' } } as const;
const SCOPE_ZH = { region: '全域', county: '区县', township: '街道/乡镇', facility: '机构' } as const;
const zhCount = (r: Resource, n: number) => RESOURCE_LABELS[r].count(int(n));
const enCount = (r: Resource, n: number) => RESOURCE_LABELS[r].countEn(int(n));
const compare = (a: number, b: number) =>
  a > b ? { zh: '高于', en: 'more than' } : a < b ? { zh: '低于', en: 'less than' } : { zh: '等于', en: 'the same as' };

export function reconcile(inp: ReconcileInput): Reconciled {
  const { result } = inp;
  const totals: AllocationTotals = {};
  const notes: Said[] = [];
  const still = { ...result.still_needed };
  const added: Partial<Record<Resource, number>> = {};
  for (const r of RESOURCES) {
    const lines = result.lines.filter((l) => l.scope === 'unit' && l.resource === r);
    const needs = inp.needs.filter((n) => n.resource === r);
    const region = inp.regions.find((x) => x.resource === r);
    const budgeted = inp.budget[r] !== undefined;
    if (!lines.length && !region) {
      if (budgeted) {
        const said = noNeed(inp, r);
        totals[r] = { target: null, region: null, units: { count: 0, short: 0, shortfall: 0, remaining: 0 }, said };
        notes.push(said);
      }
      continue;
    }
    const plus = lines.reduce((s, l) => s + l.result - l.current, 0);
    added[r] = plus;
    const units = {
      count: lines.length,
      short: needs.filter((n) => n.shortfall > 0).length,
      shortfall: needs.reduce((s, n) => s + n.shortfall, 0),
      remaining: lines.reduce((s, l) => s + (l.remaining_shortfall ?? 0), 0),
    };
    let reg: ResourceTotal['region'] = null;
    if (region) {
      const remaining = Math.max(0, region.shortfall - plus);
      reg = { name: region.name, shortfall: region.shortfall, remaining };
      const absorbable = Math.min(remaining, result.still_needed[r].budget);
      still[r] = { budget: absorbable, new_capacity: remaining - absorbable };
    }
    const said = reg ? sayTotals(r, inp.scope, inp.judged, reg, units, plus) : null;
    totals[r] = { target: region?.target.id ?? needs[0]?.target.id ?? null, region: reg, units, said };
    if (said && budgeted) notes.push(said);
  }
  for (const l of inp.later) notes.push(sayLater(l, inp, added[l.resource]));
  if (result.still_needed.money !== null) {
    const cost = (r: Resource) => inp.costs?.[r] ?? 0;
    const more = RESOURCES.reduce((s, r) => s + cost(r) * still[r].budget, 0);
    still.money = Math.max(0, more - (result.unspent.money ?? 0));
  }
  return { totals, still_needed: still, notes };
}

/** "全域（长沙市）缺口 35,873 床，同差距分析；配置后还缺 34,308 床…" at the judged scope; at a finer one the units' sum first, then how it relates. */
function sayTotals(
  r: Resource,
  scope: AllocationScope,
  judged: AllocationScope,
  reg: NonNullable<ResourceTotal['region']>,
  units: ResourceTotal['units'],
  plus: number,
): Said {
  const lv = LEVEL[scope],
    c = compare(units.shortfall, reg.shortfall),
    more = units.shortfall > reg.shortfall;
  const region =
    reg.shortfall > 0
      ? { zh: `全域（${reg.name}）缺口 ${zhCount(r, reg.shortfall)}`, en: `the ${enCount(r, reg.shortfall)} ${reg.name} is short of as a whole` }
      : { zh: `全域（${reg.name}）已达标`, en: `${reg.name} as a whole, which meets the target` };
  const after = (n: number) => (n > 0 ? { zh: `还缺 ${zhCount(r, n)}`, en: `${enCount(r, n)} short` } : { zh: '达标', en: 'met' });
  if (scope !== judged) {
    // A finer scope than the targets are judged at: the units' sum first, then why it differs from the gap screen's.
    const ra = after(reg.remaining);
    return {
      zh:
        `按${lv.zh}测算，各${lv.zh}缺口之和 ${zhCount(r, units.shortfall)}，${reg.shortfall > 0 ? `${c.zh}${region.zh}` : `而${region.zh}`}（差距分析）`
        + `${more ? `：${lv.zh}间的富余不能相互抵补，该指标按全域和${LEVEL[judged].zh}考核` : ''}`
        + (plus > 0 ? `；配置后各${lv.zh}还缺 ${zhCount(r, units.remaining)}，全域${ra.zh}` : ''),
      en:
        `By ${lv.en}: the ${lv.ens}' shortfalls add up to ${enCount(r, units.shortfall)}, ${reg.shortfall > 0 ? c.en : 'against'} ${region.en} (gap screen)`
        + `${more ? `: one ${lv.en}'s surplus does not offset another's shortfall, and the target is judged for the region and its ${LEVEL[judged].ens}` : ''}`
        + (plus > 0 ? `; after this run ${enCount(r, units.remaining)} short ${lv.en} by ${lv.en}, the region ${ra.en}` : ''),
    };
  }
  const zh = [`${region.zh}，同差距分析`];
  const en = [
    reg.shortfall > 0
      ? `${reg.name} as a whole is short of ${enCount(r, reg.shortfall)}, as on the gap screen`
      : `${reg.name} as a whole meets the target, as on the gap screen`,
  ];
  if (plus > 0 && reg.shortfall > 0) {
    const a = after(reg.remaining);
    zh.push(`；配置后${a.zh}`);
    en.push(`; ${a.en} after this run`);
  }
  if (units.shortfall !== reg.shortfall) {
    zh.push(
      `。逐${lv.zh}计缺口之和 ${zhCount(r, units.shortfall)}${reg.shortfall > 0 ? `，${c.zh}全域` : ''}${more ? `：已达标${lv.zh}的富余不抵补其他${lv.zh}` : ''}`,
    );
    en.push(
      `. ${lv.en[0]!.toUpperCase()}${lv.en.slice(1)} by ${lv.en} the shortfalls add up to ${enCount(r, units.shortfall)}${reg.shortfall > 0 ? `, ${c.en} the region's` : ''}${more ? `: a surplus in one ${lv.en} does not offset another's shortfall` : ''}`,
    );
    if (plus > 0) {
      zh.push(`，配置后 ${zhCount(r, units.remaining)}`);
      en.push(`, ${enCount(r, units.remaining)} after this run`);
    }
  }
  return { zh: zh.join(''), en: en.join('') };
}

/** A target due after the year: said, with how far this run goes toward it where the same facilities count. */
function sayLater(l: RegionLine, inp: ReconcileInput, plus: number | undefined): Said {
  const r = l.resource,
    used = inp.regions.find((x) => x.resource === r);
  const same = used && sameTypes(used.target.facilityTypes, l.target.facilityTypes);
  const after = same && plus ? Math.max(0, l.shortfall - plus) : null;
  return {
    zh: `「${l.target.name}」${l.due} 年到期（未到期），本次先按到期指标配置；按它全域（${l.name}）缺 ${zhCount(r, l.shortfall)}${after !== null ? `，配置后缺 ${zhCount(r, after)}` : ''}`,
    en: `"${l.target.nameEn}" is due in ${l.due} (not yet due): the allocation is measured against the targets due first; against it ${l.name} is short of ${enCount(r, l.shortfall)}${after !== null ? `, ${enCount(r, after)} after this run` : ''}`,
  };
}

const sameTypes = (a?: readonly string[], b?: readonly string[]) => (!a && !b) || (!!a && !!b && a.length === b.length && a.every((x) => b.includes(x)));

/** Why a budgeted resource got nothing, and what would be needed instead. */
function noNeed(inp: ReconcileInput, r: Resource): Said {
  const n = inp.budget[r] ?? 0,
    l = RESOURCE_LABELS[r],
    lv = LEVEL[inp.scope];
  const left = { zh: `${zhCount(r, n)}未分配`, en: `the ${enCount(r, n)} are left unspent` };
  const ratios = inp.set.targets.filter((t): t is Extract<Target, { kind: 'ratio' }> => t.kind === 'ratio' && resourceOfMeasure(t.measure) === r);
  const elsewhere = ratios.filter((t) => !t.scopes.includes(inp.scope));
  if (elsewhere.length) {
    const t = elsewhere[0]!;
    return {
      zh: `「${t.name}」只按${t.scopes.map((s) => SCOPE_ZH[s]).join('、')}考核，按${lv.zh}测算时未纳入：按区县测算可配置；${left.zh}`,
      en: `"${t.nameEn}" is judged for ${t.scopes.join(', ')} only, not by ${lv.en}: allocate by county to share them; ${left.en}`,
    };
  }
  if (ratios.length)
    return {
      zh: `没有可测算的单位（标准不适用于本方案的区域，或缺少人口，见说明）；${left.zh}`,
      en: `no unit to measure (the set does not apply to the plan's region, or populations are missing: see the notes); ${left.en}`,
    };
  if (r !== 'ambulances') return { zh: `所选标准没有${l.zh}的比例指标；${left.zh}`, en: `the set has no ${l.en} ratio target; ${left.en}` };
  const ems = inp.ems ?? [];
  if (ems.length) {
    // Ambulances do not change how far a place is from the nearest station: the circle needs stations.
    const parts = ems.map((e) => ({
      zh: `「${e.name}」${e.uncovered === null ? '' : e.uncovered > 0 ? `：全域（${e.regionName}）${int(e.uncovered)} 人不在时限内` : `：全域（${e.regionName}）已全部覆盖`}`,
      en: `"${e.nameEn}"${e.uncovered === null ? '' : e.uncovered > 0 ? `: ${int(e.uncovered)} people in ${e.regionName} are not reached in time` : `: all of ${e.regionName} is reached in time`}`,
    }));
    const unknown = ems.some((e) => e.uncovered === null);
    return {
      zh: `本标准没有救护车数量指标，急救指标是覆盖范围${parts.map((p) => p.zh).join('；')}${unknown ? '（未覆盖人口见差距分析）' : ''}。增加救护车不缩短急救站到现场的时间：补覆盖需新建急救站，见设施选址；${left.zh}`,
      en: `The set has no ambulance count target; its ambulance targets are coverage: ${parts.map((p) => p.en).join('; ')}${unknown ? ' (the people not reached are on the gap screen)' : ''}. More ambulances do not shorten the time from a station to the scene: closing the circle needs new stations (facility siting); ${left.en}`,
    };
  }
  const other = (inp.ambulanceSets ?? []).map((s) => ({
    zh: `「${s.name}」每${per(s.per)}人口 ${s.min} 辆`,
    en: `"${s.nameEn}", ${s.min} per ${int(s.per)} people`,
  }));
  return {
    zh: `本标准没有救护车配置指标；${left.zh}。按『1030』急救圈布局急救站见设施选址${other.length ? `；按人口配置救护车的指标见${other.map((o) => o.zh).join('、')}，可选用该标准测算` : ''}`,
    en: `The set has no ambulance target; ${left.en}. Where 120 stations should be (the 10/30-minute circle) is for facility siting${other.length ? `; ambulances per population are set by ${other.map((o) => o.en).join(', ')}: allocate against that set` : ''}`,
  };
}

/** 30,000 → "3万", 1,000 → "千", 10,000 → "万". */
function per(n: number): string {
  if (n === 1000) return '千';
  if (n === 10000) return '万';
  if (n % 10000 === 0) return `${n / 10000}万`;
  return int(n);
}
