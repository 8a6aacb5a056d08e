/**
 * From a plan to the programme's numbers (problem.ts): each target of the standard set, year by year,
 * as the terms the gap engine's region line sums, and each candidate action's effect on them, found by
 * applying it as the plan would (facilitiesAt) and counting the facility as the engine counts it.
 *
 * The region line's shortfall, per kind (shared/gaps/evaluate.ts):
 *   ratio         max(0, min × population ÷ per − Σ measure)                     one term
 *   presence      Σ over the units asked of: max(0, required − facilities in it)  a term per unit
 *   facility_min  Σ each facility's own shortfall, + ⌈min⌉ per one not yet established  direct terms + per unit
 *   share         max(0, min × facilities − those meeting it)                     one term
 *   pooled_share  max(0, min × Σ relativeTo − Σ measure)                          one term
 *   count         max(0, min − those meeting it)                                  one term
 *   access        Σ over the points no untouched facility reaches: max(0, people − people × reaching facilities)
 *                 (全域覆盖 targets, min 1, from the access engine's own analyses: AccessInput); 参考 rows are not targets.
 *
 * Weights (the "population-weighted shortfall"): a target's shortfall as a share of its shortfall at the
 * start (its first year due, no candidate done) × the region's population that year; for presence, each
 * unit's shortfall weighted by its own population. So a target fully open for a year weighs as the
 * region's people, whatever its unit (beds, centres, a share), and earlier closing counts for more years.
 */
import { meets, presenceNeeds, typeMask } from '../gaps/evaluate.ts';
import { indexRegion, type RegionIndex } from '../gaps/region-index.ts';
import type { StandardSet, Target } from '../gaps/standard.ts';
import type { Facility, PopulationFigure, Unit } from '../model/entities.ts';
import { FACILITY_TYPES } from '../model/kinds.ts';
import { facilitiesAt } from '../timeline/facilities-at.ts';
import { MAX_GROUP_ACTIONS, type Group, type Problem, type ProblemAction, type StateDelta, type Term } from './problem.ts';
import { actionProject, type ProgrammeAction, STAFF_CATEGORIES } from './types.ts';

type Of<K extends Target['kind']> = Extract<Target, { kind: K }>;

export interface CompileInput {
  set: StandardSet;
  units: readonly Unit[];
  populations: readonly PopulationFigure[];
  appliedTo?: readonly string[];
  years: readonly number[];
  /** The scenario's facilities as of a year, with the projects that are not candidates applied. */
  baseAt: (year: number) => readonly Facility[];
  /** The candidates to schedule (priced, not excluded). */
  actions: readonly ProgrammeAction[];
  /** 万元 per year (same order as years). */
  money: readonly number[];
  carryOver: boolean;
  staff: Partial<Record<(typeof STAFF_CATEGORIES)[number], number>>;
  /** Access targets the access engine has prepared (全域覆盖, min 1): by target index. */
  access?: ReadonlyMap<number, AccessInput>;
}

/**
 * An access target as the access engine sees it, for the model: its demand points year by year (people, and
 * whether the facilities no candidate touches already reach them) and the points a facility standing at a place
 * reaches (its own analysis: a place reaches a point when a facility there alone would). Coverage by several
 * facilities is the union of theirs (the nearest one decides), so a point is short only when none reaches it.
 */
export interface AccessInput {
  /** Per year index, per point: its people. */
  population: readonly Float64Array[];
  /** Per year index, per point: 1 when reached without the candidates' facilities. */
  covered: readonly Uint8Array[];
  /** The points a facility of the target's types at (lon, lat) reaches; undefined: a place not analysed (reaches none). */
  reach: (lon: number, lat: number) => Int32Array | undefined;
}

export interface Compiled {
  problem: Problem;
  /** Per target of the set: whether it is in the model. */
  modelled: boolean[];
}

/**
 * Whether the engine emits a region line for a target the programme can aim at. An access target only when the
 * access engine prepared it (`prepared`), everyone to be reached (min 1) and a region line.
 */
export function modelledTarget(t: Target, prepared = false): boolean {
  if (t.reference) return false;
  if (t.kind === 'access') return prepared && t.min === 1 && t.scopes.includes('region');
  if (t.kind === 'ratio' || t.kind === 'share' || t.kind === 'pooled_share') return (t.scopes as readonly string[]).includes('region');
  // A kind the model does not know (one added later) is shown, not optimised.
  return t.kind === 'presence' || t.kind === 'facility_min' || t.kind === 'count';
}

const TYPE_INDEX = new Map<string, number>(FACILITY_TYPES.map((t, i) => [t, i]));
const num = (f: Facility, field: string): number => {
  const v = (f as unknown as Record<string, unknown>)[field];
  return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : Number.NaN;
};
const ceilPos = (v: number) => Math.max(0, Math.ceil(v - 1e-9));

/** One year's terms of the set, and what a facility (in some state) adds to them. */
class YearTerms {
  readonly terms: Term[] = [];
  /** Per target: its term keys → term index ('R', 'S', 'P', 'C', 'D', 'u<i>', 'e<i>'). */
  private readonly keys: Map<string, number>[];
  /** Per target: which facility types it counts (and, facility_min, its expected presence target's). */
  private readonly masks: Uint8Array[];
  private readonly expectedMasks: (Uint8Array | null)[];
  /** Per target, per term index: population of the unit (presence), for the weights. */
  readonly unitPopulation = new Map<number, number>();
  private readonly set: StandardSet;
  private readonly ix: RegionIndex;
  private readonly access: ReadonlyMap<number, AccessInput>;
  private readonly y: number;
  constructor(set: StandardSet, ix: RegionIndex, y: number, year: number, modelled: readonly boolean[], access: ReadonlyMap<number, AccessInput>) {
    this.set = set;
    this.ix = ix;
    this.access = access;
    this.y = y;
    this.keys = set.targets.map(() => new Map());
    this.masks = set.targets.map((t) => typeMask('facilityTypes' in t ? (t.facilityTypes as readonly string[] | undefined) : undefined));
    this.expectedMasks = set.targets.map((t) => {
      const e = t.kind === 'facility_min' && t.expectedFrom ? set.targets.find((x) => x.id === t.expectedFrom && x.kind === 'presence') : undefined;
      return e && 'facilityTypes' in e ? typeMask(e.facilityTypes as readonly string[]) : null;
    });
    set.targets.forEach((t, ti) => {
      if (!modelled[ti] || !ix.applicable || (t.year !== undefined && year < t.year)) return;
      const add = (key: string, kind: Term['kind'], need: number, pop?: number) => {
        const i = this.terms.length;
        this.terms.push({ year: y, target: ti, kind, need, base: 0, weight: 0, binding: t.binding });
        this.keys[ti]!.set(key, i);
        if (pop !== undefined) this.unitPopulation.set(i, pop);
      };
      switch (t.kind) {
        case 'ratio': {
          const pop = ix.regionPopulation(t.population);
          if (pop > 0) add('R', 'max', (t.min * pop) / t.per);
          break;
        }
        case 'presence':
          for (const { i, required } of presenceNeeds(t, ix, null)) if (required !== null) add(`u${i}`, 'max', required, ix.population(i, 'total'));
          break;
        case 'facility_min': {
          add('D', 'direct', 0);
          const expected = t.expectedFrom ? set.targets.find((x): x is Of<'presence'> => x.id === t.expectedFrom && x.kind === 'presence') : undefined;
          // A facility not yet established counts ⌈min⌉ short: the term counts establishments, scaled by ⌈min⌉ in its deltas and need.
          if (expected) for (const { i, required } of presenceNeeds(expected, ix, null)) if (required !== null) add(`e${i}`, 'max', required * ceilPos(t.min));
          break;
        }
        case 'share':
        case 'pooled_share':
          add(t.kind === 'share' ? 'S' : 'P', 'max', 0);
          break;
        case 'count':
          add('C', 'max', t.min);
          break;
        case 'access': {
          // The people of each point no untouched facility reaches: short by all of them until a candidate's does.
          const a = access.get(ti);
          if (!a) break;
          const pop = a.population[y]!,
            covered = a.covered[y]!;
          for (let g = 0; g < pop.length; g++) if (!covered[g] && pop[g]! > 0) add(`a${g}`, 'max', pop[g]!);
          break;
        }
      }
    });
  }

  /**
   * What facility f adds to this year's terms (into `out`: term index → amount). `touched`: one the candidates
   * change (an untouched facility's reach is already in the access terms: they exist only where it reaches nobody).
   */
  contribute(f: Facility, out: Map<number, number>, touched = false): void {
    const ix = this.ix;
    const type = TYPE_INDEX.get(f.type) ?? 0;
    const put = (i: number | undefined, v: number) => {
      if (i !== undefined && v !== 0) out.set(i, (out.get(i) ?? 0) + v);
    };
    // Access: the access engine counts every facility of the types with a place, wherever its unit.
    if (touched && f.lon !== null && f.lat !== null)
      for (const [ti, a] of this.access) {
        const keys = this.keys[ti]!;
        if (keys.size === 0 || !this.masks[ti]![type]) continue;
        const pop = a.population[this.y]!;
        for (const g of a.reach(f.lon, f.lat) ?? []) put(keys.get(`a${g}`), pop[g]!);
      }
    const u = ix.byCode.get(f.unit_code) ?? -1;
    if (u < 0) return;
    const upwards = (keys: Map<string, number>, prefix: string, v: number) => {
      for (let w = u, depth = 0; w >= 0 && depth < 8; w = ix.parent[w]!, depth++) put(keys.get(prefix + w), v);
    };
    this.set.targets.forEach((t, ti) => {
      const keys = this.keys[ti]!;
      if (keys.size === 0) return;
      // Presence counts a facility in every unit above it (the engine's presenceNeeds does not ask whether its unit is in the region).
      if (t.kind === 'presence') {
        if (this.masks[ti]![type]) upwards(keys, 'u', 1);
        return;
      }
      if (t.kind === 'facility_min' && this.expectedMasks[ti]?.[type]) upwards(keys, 'e', ceilPos(t.min));
      if (t.kind === 'access' || !ix.inRegion[u] || !this.masks[ti]![type]) return;
      switch (t.kind) {
        case 'ratio': {
          const v = num(f, t.measure);
          put(keys.get('R'), Number.isNaN(v) ? 0 : v);
          break;
        }
        case 'facility_min': {
          const v = num(f, t.measure);
          const den = t.relativeTo ? num(f, t.relativeTo) : 1;
          if (!Number.isNaN(v) && !Number.isNaN(den) && den !== 0) put(keys.get('D'), ceilPos(t.min * den - v));
          break;
        }
        case 'share':
          put(keys.get('S'), (meets(f, t.condition) === true ? 1 : 0) - t.min);
          break;
        case 'pooled_share': {
          const a = num(f, t.measure),
            b = num(f, t.relativeTo);
          if (!Number.isNaN(a) && !Number.isNaN(b)) put(keys.get('P'), a - t.min * b);
          break;
        }
        case 'count':
          put(keys.get('C'), !t.condition || meets(f, t.condition) ? 1 : 0);
          break;
      }
    });
  }
}

export function compileProgramme(input: CompileInput): Compiled {
  const { set, years, actions } = input;
  const Y = years.length;
  const access = input.access ?? new Map<number, AccessInput>();
  const modelled = set.targets.map((t, i) => modelledTarget(t, access.has(i)));
  const index = new Map(actions.map((a, i) => [a.id, i]));
  // Groups: the facilities candidate actions touch (其他项目 touch none).
  const byFacility = new Map<string, number[]>();
  actions.forEach((a, i) => {
    if (a.kind === 'other' || !a.facility) return;
    const list = byFacility.get(a.facility) ?? [];
    list.push(i);
    byFacility.set(a.facility, list);
  });
  for (const [id, list] of byFacility)
    if (list.length > MAX_GROUP_ACTIONS)
      throw new RangeError(
        `机构「${id}」有 ${list.length} 个候选项目，最多 ${MAX_GROUP_ACTIONS} 个：请合并或排除一些 / facility ${id} has ${list.length} candidate actions, at most ${MAX_GROUP_ACTIONS}`,
      );
  const touched = new Set(byFacility.keys());
  const groupIds = [...byFacility.keys()];

  const terms: Term[] = [];
  const unitPop = new Map<number, number>();
  const regionPop: number[] = [];
  const groupYears: StateDelta[][][] = groupIds.map(() => []);
  for (let y = 0; y < Y; y++) {
    const year = years[y]!;
    const base = input.baseAt(year);
    const untouched = base.filter((f) => !touched.has(f.id));
    const ix = indexRegion(input.units, untouched, { appliesTo: set.appliesTo, appliedTo: input.appliedTo, year, populations: input.populations });
    const yt = new YearTerms(set, ix, y, year, modelled, access);
    const offset = terms.length;
    const sums = new Map<number, number>();
    for (const f of untouched) yt.contribute(f, sums);
    const byId = new Map(base.map((f) => [f.id, f]));
    groupIds.forEach((id, gi) => {
      const acts = byFacility.get(id)!;
      const f0 = byId.get(id);
      const stateContribution = (state: number): Map<number, number> => {
        const out = new Map<number, number>();
        const projects = acts.filter((_, bit) => state & (1 << bit)).map((a) => actionProject(actions[a]!, 1_000_000 + a, year));
        const f = state === 0 ? f0 : facilitiesAt(f0 ? [f0] : [], projects, year).facilities.find((x) => x.id === id);
        if (f) yt.contribute(f, out, true);
        return out;
      };
      const zero = stateContribution(0);
      for (const [t, v] of zero) sums.set(t, (sums.get(t) ?? 0) + v);
      const states: StateDelta[] = [];
      for (let s = 1; s < 1 << acts.length; s++) {
        const c = stateContribution(s);
        const keys = new Set([...c.keys(), ...zero.keys()]);
        const t: number[] = [],
          d: number[] = [];
        for (const k of keys) {
          const v = (c.get(k) ?? 0) - (zero.get(k) ?? 0);
          if (Math.abs(v) > 1e-12) {
            t.push(offset + k);
            d.push(v);
          }
        }
        states.push({ terms: Int32Array.from(t), deltas: Float64Array.from(d) });
      }
      groupYears[gi]![y] = states;
    });
    yt.terms.forEach((t, k) => {
      terms.push({ ...t, base: sums.get(k) ?? 0 });
      const p = yt.unitPopulation.get(k);
      if (p !== undefined) unitPop.set(offset + k, p);
    });
    const rp = ix.regionPopulation('total');
    regionPop.push(rp > 0 ? rp : 1);
  }
  weigh(terms, unitPop, regionPop, set.targets.length);

  const staffLimit = Float64Array.from(STAFF_CATEGORIES, (c) => input.staff[c] ?? Infinity);
  const first = years[0]!;
  const problemActions: ProblemAction[] = actions.map((a) => ({
    cost: a.cost ?? 0,
    fixed: a.fixedYear !== undefined ? a.fixedYear - first : -1,
    first: Math.max(0, (a.notBefore ?? first) - first),
    after: (a.after ?? []).map((id) => index.get(id)).filter((i): i is number => i !== undefined),
    staff: STAFF_CATEGORIES.map((c) => a.staff[c] ?? 0),
    ...(a.required ? { required: true } : {}),
    ...(a.preferredYear !== undefined ? { preferred: Math.min(Y - 1, Math.max(0, a.preferredYear - first)) } : {}),
  }));
  const groups: Group[] = groupIds.map((id, gi) => ({ actions: byFacility.get(id)!, byYear: groupYears[gi]! }));
  return {
    problem: { years: Y, money: Float64Array.from(input.money), carryOver: input.carryOver, staffLimit, actions: problemActions, groups, terms },
    modelled,
  };
}

/** The weights: shortfall as a share of the target's shortfall at the start, × the region's people (presence: × the unit's). */
function weigh(terms: Term[], unitPop: ReadonlyMap<number, number>, regionPop: readonly number[], targets: number): void {
  const firstYear = new Int32Array(targets).fill(-1);
  terms.forEach((t) => {
    if (firstYear[t.target]! < 0 || t.year < firstYear[t.target]!) firstYear[t.target] = t.year;
  });
  const start = new Float64Array(targets);
  const fallback = new Float64Array(targets);
  terms.forEach((t, i) => {
    if (t.year !== firstYear[t.target]) return;
    const pop = popOf(unitPop, i);
    const short = t.kind === 'max' ? Math.max(0, t.need - t.base) : t.base;
    start[t.target]! += short * pop;
    fallback[t.target]! += Math.max(1, t.need) * pop;
  });
  terms.forEach((t, i) => {
    const scale = start[t.target]! > 1e-9 ? start[t.target]! : Math.max(1e-9, fallback[t.target]!);
    const pop = popOf(unitPop, i);
    t.weight = (regionPop[t.year]! * pop) / scale;
  });
}

/** A presence unit's population for its weight (unknown: 1, so its shortfall still counts); 1 for other terms. */
function popOf(unitPop: ReadonlyMap<number, number>, i: number): number {
  const p = unitPop.get(i);
  return p === undefined || !(p > 0) ? 1 : p;
}
