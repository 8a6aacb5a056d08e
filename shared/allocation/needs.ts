/**
 * 配置需求: the allocator's needs from the plan and its standard sets — for each ratio target on an
 * allocatable resource (RESOURCE_MEASURE) that the sets evaluate at the chosen scope, one need per
 * county or street/town. The figures are the gap engine's (evaluate.ts, ratio()): the same region,
 * populations, counted facility types, unknowns counted as 0 and shortfall = ceil(min × population ÷
 * per − Σ), so a need's shortfall is the gap screen's for that target and unit, and each resource's
 * region line (`regions`) is the gap screen's region line for its target.
 */
import type { PopulationFigure } from '../gaps/population.ts';
import { indexRegion, type RegionIndex } from '../gaps/region-index.ts';
import type { Said } from '../gaps/result.ts';
import type { StandardSet, Target } from '../gaps/standard.ts';
import type { Facility, Unit } from '../model/entities.ts';
import { FACILITY_TYPES } from '../model/kinds.ts';
import { RESOURCE_LABELS, RESOURCES, resourceOfMeasure, type Resource } from './resources.ts';
import type { AllocationScope } from './scope.ts';
import type { AllocationFacility, AllocationNeed, AllocationUnit, NeedTarget } from './types.ts';

export interface NeedsOptions {
  /** The target year: populations are taken for it; targets due by then come first (see allocationNeeds). */
  year: number;
  /** Allocate across counties (区县) or streets/towns (街道/乡镇); judgedScope(set) by default (scope.ts). */
  scope: AllocationScope;
  populations?: readonly PopulationFigure[];
  /** The planner's choice of region for a set written for another (as the gap screen's; unit codes or names). */
  appliedTo?: readonly string[];
}

/**
 * 全域: a ratio target's region line as the gap screen shows it (evaluate.ts ratio(): the set's region,
 * every counted facility in it, unknowns as 0, shortfall = ceil(min × population ÷ per − Σ)).
 */
export interface RegionLine {
  resource: Resource;
  target: NeedTarget;
  /** The region's name (长沙市). */
  name: string;
  population: number;
  current: number;
  shortfall: number;
  /** The target's own due year (its `year`), when it has one. */
  due?: number;
}

export interface AllocationNeeds {
  units: AllocationUnit[];
  needs: AllocationNeed[];
  /** The facilities standing in those units (in a community or village below a street/town too). */
  facilities: AllocationFacility[];
  /**
   * Per resource with needs, the region line of the target they come from (of the one asking more where
   * two do): the gap screen's total the allocation reconciles with. Absent where that target is not
   * judged for the region (its scopes leave out 'region').
   */
  regions: RegionLine[];
  /** Targets due after the year, not allocated against because a target due by then asks for the same resource: their region lines. */
  later: RegionLine[];
  /** Targets left out and units without a population, said once per target. */
  notes: Said[];
}

type Ratio = Extract<Target, { kind: 'ratio' }>;
const R = RESOURCES.length;
const ceilPos = (v: number) => Math.max(0, Math.ceil(v - 1e-9)); // as evaluate.ts

/**
 * Where two targets ask for the same resource in the same unit, the one asking more is kept: the
 * larger shortfall (what must be added), then the larger required count, then the lower target id.
 */
export function preferNeed(kept: AllocationNeed, other: AllocationNeed): boolean {
  return other.shortfall !== kept.shortfall
    ? other.shortfall > kept.shortfall
    : other.required !== kept.required
      ? other.required > kept.required
      : other.target.id < kept.target.id;
}

const needTarget = (t: Ratio): NeedTarget => ({
  id: t.id,
  name: t.name,
  nameEn: t.nameEn,
  per: t.per,
  min: t.min,
  document: t.source.document,
  clause: t.source.clause,
  facilityTypes: t.facilityTypes,
});

/** A ratio target on an allocatable resource, with the region it is evaluated over. */
interface Candidate {
  t: Ratio;
  r: Resource;
  ix: RegionIndex;
}
const isLater = (t: Ratio, year: number) => t.year !== undefined && t.year > year;

/**
 * The needs of the ratio targets on allocatable resources that the sets judge at the scope. Targets due
 * by the year come first: a target due later (its own `year`, e.g. the 2030 GP horizon in a 2025 plan)
 * is allocated against only where no target due by then asks for that resource (the earliest such,
 * said in the notes); otherwise it is left out and listed in `later` with its region line, so the
 * reader can be told how far the allocation goes toward it.
 */
export function allocationNeeds(
  units: readonly Unit[],
  facilities: readonly Facility[],
  sets: StandardSet | readonly StandardSet[],
  opts: NeedsOptions,
): AllocationNeeds {
  const list: readonly StandardSet[] = Array.isArray(sets) ? sets : [sets as StandardSet];
  const notes: Said[] = [];
  const best = new Map<number, AllocationNeed>(); // plan unit index × R + resource → need (unit: plan index for now)
  const level = opts.scope === 'county' ? '区县' : '街道/乡镇';
  let ix: RegionIndex | undefined;
  const candidates: Candidate[] = [];
  for (const set of list) {
    ix = indexRegion(units, facilities, {
      appliesTo: set.appliesTo,
      year: opts.year,
      populations: opts.populations,
      ...(opts.appliedTo ? { appliedTo: opts.appliedTo } : {}),
    });
    // As the gap screen says them (populations projected, a region not in the plan: 不适用), once for several sets.
    for (const n of ix.notes) if (!notes.some((x) => x.zh === n.zh)) notes.push(n);
    for (const t of set.targets) {
      if (t.kind !== 'ratio') continue;
      const r = resourceOfMeasure(t.measure);
      if (!r) continue;
      if (!t.scopes.includes(opts.scope)) {
        notes.push({ zh: `「${t.name}」不在${level}一级考核，未纳入`, en: `"${t.nameEn}" is not set at the ${opts.scope} level: left out` });
        continue;
      }
      candidates.push({ t, r, ix });
    }
  }
  const regions: RegionLine[] = [],
    later: RegionLine[] = [];
  for (const r of RESOURCES) {
    const of = candidates.filter((c) => c.r === r);
    if (!of.length) continue;
    const due = of.filter((c) => !isLater(c.t, opts.year));
    let used = due;
    if (!due.length) {
      const first = Math.min(...of.map((c) => c.t.year!));
      used = of.filter((c) => c.t.year === first);
      for (const c of used) {
        notes.push({
          zh: `「${c.t.name}」${first} 年到期（未到期）：没有 ${opts.year} 年到期的${RESOURCE_LABELS[r].zh}指标，按它配置`,
          en: `"${c.t.nameEn}" is due in ${first} (not yet due): no ${RESOURCE_LABELS[r].en} target is due by ${opts.year}, so the allocation is measured against it`,
        });
      }
    }
    let region: RegionLine | undefined;
    for (const c of used) {
      ratioNeeds(c.t, r, c.ix, opts.scope, best, notes);
      const line = regionLine(c.t, r, c.ix);
      if (line && (!region || preferRegion(region, line))) region = line;
    }
    if (region) regions.push(region);
    for (const c of of) {
      if (used.includes(c)) continue;
      const line = regionLine(c.t, r, c.ix);
      if (line) later.push(line);
      else
        notes.push({
          zh: `「${c.t.name}」${c.t.year} 年到期（未到期），本次先按到期指标配置`,
          en: `"${c.t.nameEn}" is due in ${c.t.year} (not yet due): the allocation is measured against the targets due first`,
        });
    }
  }
  if (!ix) return { units: [], needs: [], facilities: [], regions, later, notes };

  // Units in plan order; each need and facility points at its unit's position.
  const planUnits = [...new Set([...best.keys()].map((k) => Math.floor(k / R)))].sort((a, b) => a - b);
  const position = new Map(planUnits.map((u, i) => [u, i]));
  const needs = [...best.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => ({ ...n, unit: position.get(n.unit)! }));
  const scopeOf = opts.scope === 'county' ? ix.countyOf : ix.townshipOf;
  const out: AllocationFacility[] = [];
  facilities.forEach((f, k) => {
    const u = ix.facilityUnit[k]!;
    const at = u >= 0 ? position.get(scopeOf[u]!) : undefined;
    if (at === undefined) return;
    const n = (v: number | null) => (typeof v === 'number' && v > 0 ? v : 0); // unknown counts as 0, as on the gap screen
    const current = { beds: n(f.beds_open), physicians: n(f.physicians), nurses: n(f.nurses), gps: n(f.gps), ambulances: n(f.ambulances) };
    out.push({ id: f.id, name: f.name, unit: at, type: f.type, current, floorArea: f.floor_area_m2 });
  });
  return { units: planUnits.map((i) => ({ code: units[i]!.code, name: units[i]!.name })), needs, facilities: out, regions, later, notes };
}

/** The region asking more, as preferNeed: the larger shortfall, then the larger required count, then the lower id. */
function preferRegion(kept: RegionLine, other: RegionLine): boolean {
  const req = (l: RegionLine) => l.current + l.shortfall;
  return other.shortfall !== kept.shortfall
    ? other.shortfall > kept.shortfall
    : req(other) !== req(kept)
      ? req(other) > req(kept)
      : other.target.id < kept.target.id;
}

/** A target's region line, to the digit of evaluate.ts; undefined where it is not judged for the region or the region has no population. */
function regionLine(t: Ratio, r: Resource, ix: RegionIndex): RegionLine | undefined {
  if (!t.scopes.includes('region')) return undefined;
  const population = ix.regionPopulation(t.population);
  if (!(population > 0)) return undefined;
  const counts = Uint8Array.from(FACILITY_TYPES, (ty) => (!t.facilityTypes || t.facilityTypes.includes(ty) ? 1 : 0));
  const col = ix.column(t.measure);
  let current = 0;
  for (let k = 0; k < col.length; k++) {
    const u = ix.facilityUnit[k]!;
    if (u < 0 || !ix.inRegion[u] || !counts[ix.facilityType[k]!]) continue;
    const v = col[k]!;
    if (!Number.isNaN(v)) current += v; // NaN (unknown) counts as 0
  }
  return {
    resource: r,
    target: needTarget(t),
    name: ix.regionName,
    population,
    current,
    shortfall: ceilPos((t.min * population) / t.per - current),
    ...(t.year !== undefined ? { due: t.year } : {}),
  };
}

/** One target's needs at the scope, kept where they ask more than another target's for the same unit and resource. */
function ratioNeeds(t: Ratio, r: Resource, ix: RegionIndex, scope: AllocationScope, best: Map<number, AllocationNeed>, notes: Said[]): void {
  const counts = Uint8Array.from(FACILITY_TYPES, (ty) => (!t.facilityTypes || t.facilityTypes.includes(ty) ? 1 : 0));
  const col = ix.column(t.measure);
  const scopeOf = scope === 'county' ? ix.countyOf : ix.townshipOf;
  const sum = new Float64Array(ix.units.length);
  for (let k = 0; k < col.length; k++) {
    const u = ix.facilityUnit[k]!;
    if (u < 0 || !ix.inRegion[u] || !counts[ix.facilityType[k]!]) continue;
    const v = col[k]!;
    const s = scopeOf[u]!;
    if (s >= 0 && !Number.isNaN(v)) sum[s]! += v; // NaN (unknown) counts as 0
  }
  const target = needTarget(t);
  let noPopulation = 0;
  for (const i of scope === 'county' ? ix.counties : ix.townships) {
    const population = ix.population(i, t.population);
    if (!(population > 0)) {
      noPopulation++;
      continue;
    }
    const current = sum[i]!;
    const exact = (t.min * population) / t.per;
    const shortfall = ceilPos(exact - current); // the gap screen's expression, to the digit
    const required = shortfall > 0 ? current + shortfall : ceilPos(exact);
    const need: AllocationNeed = { unit: i, resource: r, current, required, shortfall, population, target };
    const key = i * R + RESOURCES.indexOf(r);
    const kept = best.get(key);
    if (!kept || preferNeed(kept, need)) best.set(key, need);
  }
  if (noPopulation)
    notes.push({
      zh: `「${t.name}」：${noPopulation} 个单位缺少人口，未测算`,
      en: `"${t.nameEn}": ${noPopulation} units have no population and are not allocated to`,
    });
}
