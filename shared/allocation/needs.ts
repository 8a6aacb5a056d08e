/**
 * 配置需求: the allocator's needs from the plan and its standard sets — for each ratio target on an
 * allocatable resource (RESOURCE_MEASURE) that the sets evaluate at the chosen scope, one need per
 * county or street/town. The figures are the gap engine's (evaluate.ts, ratio()): the same region,
 * populations, counted facility types, unknowns counted as 0 and shortfall = ceil(min × population ÷
 * per − Σ), so a need's shortfall is the gap screen's for that target and unit.
 */
import type { PopulationFigure } from '../gaps/population.ts';
import { indexRegion, type RegionIndex } from '../gaps/region-index.ts';
import type { Said } from '../gaps/result.ts';
import type { StandardSet, Target } from '../gaps/standard.ts';
import type { Facility, Unit } from '../model/entities.ts';
import { FACILITY_TYPES } from '../model/kinds.ts';
import { RESOURCES, resourceOfMeasure, type Resource } from './resources.ts';
import type { AllocationFacility, AllocationNeed, AllocationUnit, NeedTarget } from './types.ts';

export interface NeedsOptions {
  /** The target year: populations are taken for it; a target due later (its own `year`) is left out. */
  year: number;
  /** Allocate across counties (区县) or streets/towns (街道/乡镇). */
  scope: 'county' | 'township';
  populations?: readonly PopulationFigure[];
}

export interface AllocationNeeds {
  units: AllocationUnit[];
  needs: AllocationNeed[];
  /** The facilities standing in those units (in a community or village below a street/town too). */
  facilities: AllocationFacility[];
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
  return other.shortfall !== kept.shortfall ? other.shortfall > kept.shortfall
    : other.required !== kept.required ? other.required > kept.required
      : other.target.id < kept.target.id;
}

const needTarget = (t: Ratio): NeedTarget => ({
  id: t.id, name: t.name, nameEn: t.nameEn, per: t.per, min: t.min, document: t.source.document, clause: t.source.clause, facilityTypes: t.facilityTypes,
});

export function allocationNeeds(units: readonly Unit[], facilities: readonly Facility[], sets: StandardSet | readonly StandardSet[], opts: NeedsOptions): AllocationNeeds {
  const list: readonly StandardSet[] = Array.isArray(sets) ? sets : [sets as StandardSet];
  const notes: Said[] = [];
  const best = new Map<number, AllocationNeed>(); // plan unit index × R + resource → need (unit: plan index for now)
  let ix: RegionIndex | undefined;
  for (const set of list) {
    ix = indexRegion(units, facilities, { appliesTo: set.appliesTo, year: opts.year, populations: opts.populations });
    for (const t of set.targets) {
      if (t.kind !== 'ratio') continue;
      const r = resourceOfMeasure(t.measure);
      if (!r) continue;
      if (!t.scopes.includes(opts.scope)) {
        notes.push({ zh: `「${t.name}」不在${opts.scope === 'county' ? '区县' : '街道/乡镇'}一级考核，未纳入`, en: `"${t.nameEn}" is not set at the ${opts.scope} level: left out` });
        continue;
      }
      if (t.year !== undefined && t.year > opts.year) {
        notes.push({ zh: `「${t.name}」是 ${t.year} 年目标，晚于 ${opts.year} 年，未纳入`, en: `"${t.nameEn}" is due in ${t.year}, after ${opts.year}: left out` });
        continue;
      }
      ratioNeeds(t, r, ix, opts.scope, best, notes);
    }
  }
  if (!ix) return { units: [], needs: [], facilities: [], notes };

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
  return { units: planUnits.map((i) => ({ code: units[i]!.code, name: units[i]!.name })), needs, facilities: out, notes };
}

/** One target's needs at the scope, kept where they ask more than another target's for the same unit and resource. */
function ratioNeeds(t: Ratio, r: Resource, ix: RegionIndex, scope: 'county' | 'township', best: Map<number, AllocationNeed>, notes: Said[]): void {
  const counts = Uint8Array.from(FACILITY_TYPES, (ty) => (!t.facilityTypes || t.facilityTypes.includes(ty) ? 1 : 0));
  const col = ix.column(t.measure);
  const scopeOf = scope === 'county' ? ix.countyOf : ix.townshipOf;
  const sum = new Float64Array(ix.units.length);
  for (let k = 0; k < col.length; k++) {
    const u = ix.facilityUnit[k]!;
    if (u < 0 || !ix.inRegion[u] || !counts[ix.facilityType[k]!]) continue;
    const v = col[k]!;
    const s = scopeOf[u]!;
    if (s >= 0 && v === v) sum[s]! += v; // NaN (unknown) counts as 0
  }
  const target = needTarget(t);
  let noPopulation = 0;
  for (const i of scope === 'county' ? ix.counties : ix.townships) {
    const population = ix.population(i, t.population);
    if (!(population > 0)) { noPopulation++; continue; }
    const current = sum[i]!;
    const exact = (t.min * population) / t.per;
    const shortfall = ceilPos(exact - current); // the gap screen's expression, to the digit
    const required = shortfall > 0 ? current + shortfall : ceilPos(exact);
    const need: AllocationNeed = { unit: i, resource: r, current, required, shortfall, population, target };
    const key = i * R + RESOURCES.indexOf(r);
    const kept = best.get(key);
    if (!kept || preferNeed(kept, need)) best.set(key, need);
  }
  if (noPopulation) notes.push({ zh: `「${t.name}」：${noPopulation} 个单位缺少人口，未测算`, en: `"${t.nameEn}": ${noPopulation} units have no population and are not allocated to` });
}
