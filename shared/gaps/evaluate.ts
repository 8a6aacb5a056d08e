/**
 * evaluateGaps: every target of a standard set, evaluated for every unit and facility it applies
 * to, with roll-ups so each target has a region line to drill down from. Pure, one pass over the
 * facilities per target.
 */
import { FACILITY_COLUMNS } from '../model/columns.ts';
import type { Facility, Unit } from '../model/entities.ts';
import { UNIT_KIND_LEVEL } from '../model/kinds.ts';
import type { PopulationFigure } from './population.ts';
import { indexRegion, type PopulationBand, type RegionIndex } from './region-index.ts';
import { statusOf, statusOfCount, type GapReport, type GapResult } from './result.ts';
import type { Condition, Scope, StandardSet, Target } from './standard.ts';

type Of<K extends Target['kind']> = Extract<Target, { kind: K }>;
type Emit = (r: GapResult) => void;

/** A facility column's Chinese header, for saying which data is missing. */
const label = (key: string) => FACILITY_COLUMNS.find((c) => c.key === key)?.zh ?? key;
const BAND_LABEL: Record<PopulationBand, string> = { total: '常住人口', age_0_3: '0-3岁人口', age_65_plus: '65岁及以上人口' };
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
const ceilPos = (v: number) => Math.max(0, Math.ceil(v - 1e-9));

/** A facility's value in a column as a number: booleans count 1/0; null when unknown. */
function num(f: Facility, field: string): number | null {
  const v = (f as Record<string, unknown>)[field];
  return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null;
}

function meets(f: Facility, c: Condition): boolean | null {
  const v = (f as Record<string, unknown>)[c.field];
  if (v === null || v === undefined) return null;
  switch (c.op) {
    case '>=': return typeof v === 'number' && typeof c.value === 'number' && v >= c.value;
    case '<=': return typeof v === 'number' && typeof c.value === 'number' && v <= c.value;
    case '==': return v === c.value;
    case 'in': return Array.isArray(c.value) && c.value.includes(String(v));
  }
}

const scopeOfLevel = (level: number): Scope => (level <= 0 ? 'region' : level === 1 ? 'county' : 'township');

export interface EvaluateOptions {
  /** The target year: populations are taken, interpolated or projected for it. */
  year: number;
  /** The plan's populations by year, beside each unit's own figure. */
  populations?: readonly PopulationFigure[];
}

export function evaluateGaps(units: readonly Unit[], facilities: readonly Facility[], set: StandardSet, opts: EvaluateOptions): GapReport {
  const ix = indexRegion(units, facilities, { appliesTo: set.appliesTo, year: opts.year, populations: opts.populations });
  const results: GapResult[] = [];
  const emit: Emit = (r) => { results.push(r); };
  for (const t of set.targets) {
    switch (t.kind) {
      case 'ratio': ratio(t, ix, emit); break;
      case 'presence': presence(t, ix, emit); break;
      case 'facility_min': facilityMin(t, ix, emit); break;
      case 'share': share(t, ix, emit); break;
      case 'access': access(t, ix, emit); break;
    }
  }
  return { standard: set.id, year: opts.year, targets: set.targets, results, notes: ix.notes };
}

/** The counties and townships of the region, in plan order. */
function unitsAt(ix: RegionIndex, level: 1 | 2): number[] {
  const out: number[] = [];
  for (let i = 0; i < ix.units.length; i++) if (ix.inRegion[i] && UNIT_KIND_LEVEL[ix.units[i]!.kind] === level) out.push(i);
  return out;
}
const parentCode = (ix: RegionIndex, i: number, scope: Scope) =>
  scope === 'county' ? 'region' : scope === 'township' ? (ix.countyOf[i]! >= 0 ? ix.units[ix.countyOf[i]!]!.code : 'region') : null;

// ---- ratio to population: Σ measure ÷ population × per ≥ min ---------------------------------------

function ratio(t: Of<'ratio'>, ix: RegionIndex, emit: Emit): void {
  const types = t.facilityTypes ? new Set<string>(t.facilityTypes) : null;
  const n = ix.units.length;
  const sum = new Float64Array(n);
  const missing = new Int32Array(n);
  let regionSum = 0, regionMissing = 0;
  ix.facilities.forEach((f, k) => {
    const u = ix.facilityUnit[k]!;
    if (u < 0 || !ix.inRegion[u] || (types && !types.has(f.type))) return;
    const v = num(f, t.measure);
    const c = ix.countyOf[u]!, w = ix.townshipOf[u]!;
    if (v === null) { regionMissing++; if (c >= 0) missing[c]!++; if (w >= 0) missing[w]!++; return; }
    regionSum += v;
    if (c >= 0) sum[c]! += v;
    if (w >= 0) sum[w]! += v;
  });
  const one = (scope: Scope, code: string, name: string, parent: string | null, total: number, pop: number, lacking: number) => {
    const base = { target: t.id, scope, code, name, parent, unit: t.unit };
    const note = lacking ? `${lacking} 所机构缺少「${label(t.measure)}」数据，按 0 计` : undefined;
    if (!(pop > 0)) {
      emit({ ...base, value: null, required: t.min, shortfall: null, status: 'missing_data', missing: `缺少${BAND_LABEL[t.population]}` });
      return;
    }
    const value = (total / pop) * t.per;
    emit({ ...base, value: round4(value), required: t.min, shortfall: ceilPos((t.min * pop) / t.per - total), status: statusOf(value, t.min), missing: note });
  };
  if (t.scopes.includes('region')) one('region', 'region', ix.regionName, null, regionSum, ix.regionPopulation(t.population), regionMissing);
  for (const level of [1, 2] as const) {
    const scope = scopeOfLevel(level);
    if (!t.scopes.includes(scope as 'county' | 'township')) continue;
    for (const i of unitsAt(ix, level)) one(scope, ix.units[i]!.code, ix.units[i]!.name, parentCode(ix, i, scope), sum[i]!, ix.population(i, t.population), missing[i]!);
  }
}

// ---- roll-ups: how many units / facilities below meet a target, and the summed shortfall ----------

class Rollup {
  private readonly met = new Map<number, number>();
  private readonly of = new Map<number, number>();
  private readonly short = new Map<number, number>();
  private readonly lacking = new Map<number, number>();
  add(at: number, met: boolean | null, shortfall: number): void {
    if (met === null) { this.lacking.set(at, (this.lacking.get(at) ?? 0) + 1); return; }
    this.of.set(at, (this.of.get(at) ?? 0) + 1);
    if (met) this.met.set(at, (this.met.get(at) ?? 0) + 1);
    this.short.set(at, (this.short.get(at) ?? 0) + shortfall);
  }
  /** Adds one result at the unit `u` to its township, county and the region (key -1). */
  addUp(ix: RegionIndex, u: number, met: boolean | null, shortfall: number, self: number): void {
    const w = ix.townshipOf[u]!, c = ix.countyOf[u]!;
    if (w >= 0 && w !== self) this.add(w, met, shortfall);
    if (c >= 0 && c !== self) this.add(c, met, shortfall);
    this.add(-1, met, shortfall);
  }
  emit(t: Target, ix: RegionIndex, emit: Emit, what: string, scopes: readonly Scope[]): void {
    const keys = new Set([...this.of.keys(), ...this.lacking.keys()]);
    const rows: [number, Scope][] = [];
    if (keys.has(-1) && scopes.includes('region')) rows.push([-1, 'region']);
    for (const level of [1, 2] as const) {
      const scope = scopeOfLevel(level);
      if (!scopes.includes(scope)) continue;
      for (const i of unitsAt(ix, level)) if (keys.has(i)) rows.push([i, scope]);
    }
    for (const [at, scope] of rows) {
      const met = this.met.get(at) ?? 0, of = this.of.get(at) ?? 0, lacking = this.lacking.get(at) ?? 0;
      emit({
        target: t.id, scope,
        code: at < 0 ? 'region' : ix.units[at]!.code,
        name: at < 0 ? ix.regionName : ix.units[at]!.name,
        parent: at < 0 ? null : parentCode(ix, at, scope),
        value: met, required: of, shortfall: this.short.get(at) ?? 0, unit: t.unit,
        status: of === 0 ? 'missing_data' : statusOfCount(met, of),
        count: { met, of },
        missing: lacking ? `${lacking} ${what}缺少数据` : undefined,
      });
    }
  }
}

// ---- presence per unit: ≥ n facilities of given types in each unit of given kinds --------------------

function presence(t: Of<'presence'>, ix: RegionIndex, emit: Emit): void {
  const types = new Set<string>(t.facilityTypes);
  const kinds = new Set<string>(t.unitKinds);
  const count = new Int32Array(ix.units.length);
  ix.facilities.forEach((f, k) => {
    if (!types.has(f.type)) return;
    for (let u = ix.facilityUnit[k]!, depth = 0; u >= 0 && depth < 8; u = ix.parent[u]!, depth++) count[u]!++;
  });
  const namedMin = new Map<number, number>();
  if (t.named) {
    for (const nm of t.named) {
      const i = ix.units.findIndex((u, j) => ix.inRegion[j] && (u.code === nm.unit || u.name === nm.unit));
      if (i < 0) {
        emit({ target: t.id, scope: 'region', code: nm.unit, name: nm.unit, parent: null, value: null, required: nm.min, shortfall: null, unit: t.unit, status: 'missing_data', missing: `方案中没有「${nm.unit}」` });
      } else namedMin.set(i, nm.min);
    }
  }
  const roll = new Rollup();
  let regionDirect = false;
  for (let i = 0; i < ix.units.length; i++) {
    const u = ix.units[i]!;
    if (!ix.inRegion[i] || (t.named ? !namedMin.has(i) : !kinds.has(u.kind))) continue;
    const pop = ix.population(i, 'total');
    let required = namedMin.get(i) ?? t.min;
    if (!t.named && (t.perPopulation || t.extraAbove) && !(pop >= 0)) { roll.addUp(ix, i, null, 0, i); continue; }
    if (!t.named && t.perPopulation) required = Math.max(required, Math.ceil(pop / t.perPopulation));
    if (!t.named && t.extraAbove && pop > t.extraAbove.population) required += t.extraAbove.extra;
    const have = count[i]!;
    const shortfall = Math.max(0, required - have);
    const level = UNIT_KIND_LEVEL[u.kind];
    // A named unit that is the region itself (40 community hospitals in 长沙市) is the region line.
    const isRegion = ix.regionRoots.length === 1 && ix.regionRoots[0] === i;
    if (level <= 2 || isRegion) {
      const scope = isRegion ? 'region' : scopeOfLevel(level);
      emit({ target: t.id, scope, code: isRegion ? 'region' : u.code, name: u.name, parent: isRegion ? null : parentCode(ix, i, scope),
        value: have, required, shortfall, unit: t.unit, status: statusOf(have, required) });
      if (isRegion) { regionDirect = true; continue; }
    }
    roll.addUp(ix, i, have >= required, shortfall, i);
  }
  roll.emit(t, ix, emit, '个单位', regionDirect ? ['county', 'township'] : ['region', 'county', 'township']);
}

// ---- per-facility minimum: each facility of given types has measure (÷ relativeTo) ≥ min ----------------

function facilityMin(t: Of<'facility_min'>, ix: RegionIndex, emit: Emit): void {
  const types = new Set<string>(t.facilityTypes);
  const roll = new Rollup();
  ix.facilities.forEach((f, k) => {
    const u = ix.facilityUnit[k]!;
    if (u < 0 || !ix.inRegion[u] || !types.has(f.type)) return;
    const w = ix.townshipOf[u]! >= 0 ? ix.townshipOf[u]! : ix.countyOf[u]!;
    const base = { target: t.id, scope: 'facility' as const, code: f.id, name: f.name, parent: w >= 0 ? ix.units[w]!.code : null, unit: t.unit };
    const v = num(f, t.measure);
    const den = t.relativeTo ? num(f, t.relativeTo) : 1;
    if (v === null || den === null || den === 0) {
      const what = v === null ? `缺少「${label(t.measure)}」` : den === 0 ? `「${label(t.relativeTo!)}」为 0` : `缺少「${label(t.relativeTo!)}」`;
      emit({ ...base, value: null, required: t.min, shortfall: null, status: 'missing_data', missing: what });
      roll.addUp(ix, u, null, 0, -2);
      return;
    }
    const value = v / den;
    const shortfall = ceilPos(t.min * den - v);
    emit({ ...base, value: round4(value), required: t.min, shortfall, status: statusOf(value, t.min) });
    roll.addUp(ix, u, value + 1e-9 >= t.min, shortfall, -2);
  });
  roll.emit(t, ix, emit, '所机构', ['region', 'county', 'township']);
}

// ---- share of facilities meeting a condition ------------------------------------------------------

function share(t: Of<'share'>, ix: RegionIndex, emit: Emit): void {
  const types = new Set<string>(t.facilityTypes);
  const n = ix.units.length;
  const of = new Int32Array(n), met = new Int32Array(n), lacking = new Int32Array(n);
  let rOf = 0, rMet = 0, rLacking = 0;
  ix.facilities.forEach((f, k) => {
    const u = ix.facilityUnit[k]!;
    if (u < 0 || !ix.inRegion[u] || !types.has(f.type)) return;
    const m = meets(f, t.condition);
    const c = ix.countyOf[u]!;
    rOf++; if (c >= 0) of[c]!++;
    if (m) { rMet++; if (c >= 0) met[c]!++; }
    if (m === null) { rLacking++; if (c >= 0) lacking[c]!++; }
  });
  const one = (scope: Scope, code: string, name: string, parent: string | null, k: number, total: number, lack: number) => {
    const base = { target: t.id, scope, code, name, parent, unit: t.unit, count: { met: k, of: total } };
    if (total === 0) { emit({ ...base, value: null, required: t.min, shortfall: null, status: 'missing_data', missing: '没有此类机构' }); return; }
    const value = k / total;
    emit({ ...base, value: round4(value), required: t.min, shortfall: ceilPos(t.min * total - k), status: statusOf(value, t.min),
      missing: lack ? `${lack} 所机构缺少「${label(t.condition.field)}」数据，按未达到计` : undefined });
  };
  if (t.scopes.includes('region')) one('region', 'region', ix.regionName, null, rMet, rOf, rLacking);
  if (t.scopes.includes('county')) for (const i of unitsAt(ix, 1)) one('county', ix.units[i]!.code, ix.units[i]!.name, 'region', met[i]!, of[i]!, lacking[i]!);
}

// ---- access: declared here, evaluated by the access engine (issue 4) ---------------------------------

function access(t: Of<'access'>, ix: RegionIndex, emit: Emit): void {
  const base = { target: t.id, value: null, required: t.min, shortfall: null, unit: t.unit, status: 'not_evaluated' as const, missing: '通行时间分析尚未实现' };
  if (t.scopes.includes('region')) emit({ ...base, scope: 'region', code: 'region', name: ix.regionName, parent: null });
  for (const level of [1, 2] as const) {
    const scope = scopeOfLevel(level);
    if (!t.scopes.includes(scope as 'county' | 'township')) continue;
    for (const i of unitsAt(ix, level)) emit({ ...base, scope, code: ix.units[i]!.code, name: ix.units[i]!.name, parent: parentCode(ix, i, scope) });
  }
}
