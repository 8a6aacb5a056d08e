/**
 * The plan's units and facilities indexed for evaluation, once per run: for every unit and facility
 * its county (区县) and township (街道/乡镇), whether it lies in the standard set's region, and
 * populations (own figure, or the sum of the children's where a unit has none).
 */
import type { Facility, Unit } from '../model/entities.ts';
import { FACILITY_TYPES, UNIT_KIND_LEVEL } from '../model/kinds.ts';
import { populationNotes, populationsAt, type PopulationBand, type PopulationFigure } from './population.ts';
import type { Said } from './result.ts';
import { mismatchLines, populationMismatches } from '../model/population-check.ts';

export type { PopulationBand };

export interface RegionIndex {
  units: readonly Unit[];
  facilities: readonly Facility[];
  byCode: Map<string, number>;
  /** Per unit: index of its parent unit, or -1. */
  parent: Int32Array;
  /** Per unit: index of its county / township ancestor (itself included), or -1. */
  countyOf: Int32Array;
  townshipOf: Int32Array;
  /** Per unit: in the region the set applies to. */
  inRegion: Uint8Array;
  /** Per facility: index of its unit, or -1 when its unit is not in the plan. */
  facilityUnit: Int32Array;
  /** Per facility: its type's index in FACILITY_TYPES. */
  facilityType: Uint8Array;
  /** The region's counties (区县) and streets/towns (街道/乡镇), in plan order. */
  counties: readonly number[];
  townships: readonly number[];
  /** A facility column as numbers (a flag counts 1/0), NaN where unknown; built once per column. */
  column(field: string): Float64Array;
  /** The region's top units (what `appliesTo` names, or the plan's roots); empty when the set does not apply. */
  regionRoots: number[];
  regionName: string;
  /** False when the set names a region the plan does not hold (and the planner applied it to none of theirs). */
  applicable: boolean;
  /** What a reader must know, e.g. that the set's region is not in the plan and the whole plan counted. */
  notes: Said[];
  /** Population of unit i in a band, with children summed where a unit has no figure (NaN: unknown). */
  population(i: number, band: PopulationBand): number;
  regionPopulation(band: PopulationBand): number;
}

export interface IndexOptions {
  /** The units the standard set applies to (names or codes); the plan's top units when absent. */
  appliesTo?: readonly string[];
  /** The planner's own choice of region for a set written for another (codes or names): replaces `appliesTo`. */
  appliedTo?: readonly string[];
  /** The year populations are wanted for, and the plan's figures by year (人口 by 年份). */
  year: number;
  populations?: readonly PopulationFigure[];
}

export function indexRegion(
  units: readonly Unit[],
  facilities: readonly Facility[],
  { appliesTo, appliedTo, year, populations = [] }: IndexOptions,
): RegionIndex {
  const n = units.length;
  const byCode = new Map<string, number>();
  units.forEach((u, i) => byCode.set(u.code, i));
  const parent = new Int32Array(n).fill(-1);
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const p = units[i]!.parent_code;
    const pi = p != null ? byCode.get(p) : undefined;
    if (pi !== undefined && pi !== i) {
      parent[i] = pi;
      children[pi]!.push(i);
    }
  }

  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i] === -1) roots.push(i);
  const region = regionRootsOf(units, roots, appliesTo, appliedTo);
  const named = region.roots;
  const notes: Said[] = [...region.notes];

  // Depth-first from the given units, parents before children, each unit once (a parent loop
  // cannot trap a walk that starts above it).
  const walk = (starts: readonly number[], fn: (i: number) => void) => {
    const seen = new Uint8Array(n);
    const stack = [...starts];
    while (stack.length) {
      const i = stack.pop()!;
      if (seen[i]) continue;
      seen[i] = 1;
      fn(i);
      for (const c of children[i]!) stack.push(c);
    }
  };
  const countyOf = new Int32Array(n).fill(-1);
  const townshipOf = new Int32Array(n).fill(-1);
  walk(roots, (i) => {
    const p = parent[i]!;
    const level = UNIT_KIND_LEVEL[units[i]!.kind];
    countyOf[i] = level === 1 ? i : p >= 0 ? countyOf[p]! : -1;
    townshipOf[i] = level === 2 ? i : p >= 0 && level > 2 ? townshipOf[p]! : -1;
  });
  const inRegion = new Uint8Array(n);
  walk(named, (i) => {
    inRegion[i] = 1;
  });

  const facilityUnit = new Int32Array(facilities.length);
  const facilityType = new Uint8Array(facilities.length);
  const typeIndex = new Map<string, number>(FACILITY_TYPES.map((t, i) => [t, i]));
  facilities.forEach((f, k) => {
    facilityUnit[k] = byCode.get(f.unit_code) ?? -1;
    facilityType[k] = typeIndex.get(f.type) ?? 0;
  });
  const columns = new Map<string, Float64Array>();
  const column = (field: string): Float64Array => {
    let c = columns.get(field);
    if (c) return c;
    c = new Float64Array(facilities.length);
    for (let k = 0; k < facilities.length; k++) {
      const v = (facilities[k] as Record<string, unknown>)[field];
      c[k] = typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : NaN;
    }
    columns.set(field, c);
    return c;
  };
  const atLevel = (level: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (inRegion[i] && UNIT_KIND_LEVEL[units[i]!.kind] === level) out.push(i);
    return out;
  };

  const pops = populationsAt(units, parent, populations, year);
  const inRegionUnits: number[] = [];
  for (let i = 0; i < n; i++) if (inRegion[i]) inRegionUnits.push(i);
  notes.push(...populationNotes(pops, inRegionUnits, year));
  // A unit whose own figure is not its units' sum: ratios divide by its own, and the report says so.
  const inRegionCodes = new Set(inRegionUnits.map((i) => units[i]!.code));
  const differ = mismatchLines(populationMismatches(units, parent, pops.own.total).filter((m) => inRegionCodes.has(m.code)));
  differ.zh.forEach((zh, k) => notes.push({ zh, en: differ.en[k]! }));
  const memo = { total: new Float64Array(n).fill(-1), age_0_3: new Float64Array(n).fill(-1), age_65_plus: new Float64Array(n).fill(-1) };
  const population = (i: number, band: PopulationBand): number => {
    const m = memo[band];
    if (m[i]! >= 0 || Number.isNaN(m[i])) return m[i]!;
    m[i] = NaN; // guards a loop while computing
    const own = pops.own[band][i]!;
    let v: number;
    if (!Number.isNaN(own)) v = own;
    else if (children[i]!.length) v = children[i]!.reduce((s, c) => s + population(c, band), 0);
    else v = NaN;
    m[i] = v;
    return v;
  };

  return {
    units,
    facilities,
    byCode,
    parent,
    countyOf,
    townshipOf,
    inRegion,
    facilityUnit,
    facilityType,
    counties: atLevel(1),
    townships: atLevel(2),
    column,
    regionRoots: named,
    applicable: region.applicable,
    notes,
    regionName: named.map((i) => units[i]!.name).join('、') || (region.applicable ? '全部' : (appliedTo?.length ? appliedTo : (appliesTo ?? [])).join('、')),
    population,
    regionPopulation: (band) => named.reduce((s, i) => s + population(i, band), 0),
  };
}

/** The region a set is evaluated over in a plan: its top units' codes, or not applicable (see regionRootsOf). */
export function setRegion(units: readonly Unit[], appliesTo?: readonly string[], appliedTo?: readonly string[]): { codes: string[]; applicable: boolean } {
  const codes = new Set(units.map((u) => u.code));
  const roots: number[] = [];
  units.forEach((u, i) => {
    if (!u.parent_code || !codes.has(u.parent_code)) roots.push(i);
  });
  const r = regionRootsOf(units, roots, appliesTo, appliedTo);
  return { codes: r.roots.map((i) => units[i]!.code), applicable: r.applicable };
}

/** Units whose code or name is in `names`, in plan order. */
function unitsNamed(units: readonly Unit[], names: readonly string[]): number[] {
  const out: number[] = [];
  units.forEach((u, i) => {
    if (names.includes(u.code) || names.includes(u.name)) out.push(i);
  });
  return out;
}

/**
 * 适用区域: the units a standard set is evaluated over — the planner's choice (`appliedTo`) when made,
 * else what the set names (`appliesTo`), else the plan's top units. A set written for a region the plan
 * does not hold is not applicable (不适用): it is not silently measured over another place.
 */
export function regionRootsOf(
  units: readonly Unit[],
  roots: readonly number[],
  appliesTo?: readonly string[],
  appliedTo?: readonly string[],
): { roots: number[]; applicable: boolean; notes: Said[] } {
  const notes: Said[] = [];
  const written = appliesTo?.length ? appliesTo.join('、') : '';
  if (appliedTo?.length) {
    const chosen = unitsNamed(units, appliedTo);
    const missing = appliedTo.filter((a) => !units.some((u) => u.code === a || u.name === a));
    if (chosen.length && !missing.length) {
      const names = chosen.map((i) => units[i]!.name).join('、');
      if (written && !appliesTo!.every((a) => chosen.some((i) => units[i]!.code === a || units[i]!.name === a))) {
        notes.push({
          zh: `本标准原适用于「${written}」，按规划人员的选择应用于「${names}」`,
          en: `The set was written for ${appliesTo!.join(', ')}; applied to ${names} as the planner chose`,
        });
      }
      return { roots: chosen, applicable: true, notes };
    }
    notes.push({ zh: `所选适用区域「${missing.join('、')}」不在方案中`, en: `The region chosen, ${missing.join(', ')}, is not in the plan` });
    return { roots: [], applicable: false, notes };
  }
  if (!appliesTo?.length) return { roots: [...roots], applicable: true, notes };
  const named = unitsNamed(units, appliesTo);
  if (named.length) return { roots: named, applicable: true, notes };
  notes.push({
    zh: `本标准适用于「${written}」，方案中没有该单位：不适用（可在差距分析中指定应用于本方案的区域）`,
    en: `The set is for ${appliesTo.join(', ')}, which the plan does not hold: not applicable (it can be applied to a region of the plan)`,
  });
  return { roots: [], applicable: false, notes };
}
