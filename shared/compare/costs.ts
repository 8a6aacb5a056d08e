/**
 * 造价/费用标准: what the planner says a bed, a staff member, a square metre, an ambulance or a new
 * facility of a type costs (元), kept plan-wide; and a scenario's cost against a reference from what
 * changed. Nothing is priced that the planner has not entered: an item without a price is listed as
 * 未填造价, never guessed. 其他项目 (projects that change no facility: a platform, equipment, training)
 * are priced by their own 投资估算 (万元, × 10,000 → 元), on a line of their own (item 'projects').
 */
import { z } from 'zod';
import type { Facility } from '../model/entities.ts';
import { FACILITY_TYPES, type FacilityType } from '../model/kinds.ts';
import type { Project } from '../timeline/project.ts';

/**
 * What is priced per piece. `other_technicians`: health technicians other than physicians and nurses
 * (卫生技术人员 less 执业(助理)医师 and 注册护士). GPs are priced on their own, on top of a physician.
 */
export const COST_ITEMS = ['beds', 'physicians', 'nurses', 'gps', 'other_technicians', 'ambulances', 'floor_area_m2'] as const;
export type CostItem = (typeof COST_ITEMS)[number];

/** The facility column each item counts (other_technicians is derived, see resourceDelta). */
export const COST_ITEM_FIELD = {
  beds: 'beds_open',
  physicians: 'physicians',
  nurses: 'nurses',
  gps: 'gps',
  other_technicians: 'health_technicians',
  ambulances: 'ambulances',
  floor_area_m2: 'floor_area_m2',
} as const satisfies Record<CostItem, keyof Facility>;

/** Yuan, never negative; up to ten trillion. */
export const Money = z.number().finite().min(0).max(1e13);

export const CostTableSchema = z
  .object({
    /** Yuan per bed, per staff member, per ambulance, per m² of floor area. */
    perUnit: z.partialRecord(z.enum(COST_ITEMS), Money).default({}),
    /** Yuan per new facility of a type (building and fitting out). */
    perFacility: z.partialRecord(z.enum(FACILITY_TYPES), Money).default({}),
  })
  .strict();
export type CostTable = z.output<typeof CostTableSchema>;

export const EMPTY_COSTS: CostTable = { perUnit: {}, perFacility: {} };

/** Reads a stored cost table; anything unreadable is no table at all (the planner enters it again). */
export function readCostTable(json: string | null): CostTable {
  if (!json) return { perUnit: {}, perFacility: {} };
  try {
    const r = CostTableSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : { perUnit: {}, perFacility: {} };
  } catch {
    return { perUnit: {}, perFacility: {} };
  }
}

/** The table with its entries in a fixed order (items, then types, as listed), for storing and showing. */
export function normaliseCostTable(c: CostTable): CostTable {
  const perUnit: CostTable['perUnit'] = {};
  for (const k of COST_ITEMS) if (c.perUnit[k] !== undefined) perUnit[k] = c.perUnit[k];
  const perFacility: CostTable['perFacility'] = {};
  for (const k of FACILITY_TYPES) if (c.perFacility[k] !== undefined) perFacility[k] = c.perFacility[k];
  return { perUnit, perFacility };
}

/** What a scenario has more (or less) of than the reference, summed over all facilities. */
export interface ResourceDelta {
  beds: number;
  physicians: number;
  nurses: number;
  gps: number;
  other_technicians: number;
  ambulances: number;
  floor_area_m2: number;
  /** Facilities in the scenario and not in the reference, by type. */
  added: Partial<Record<FacilityType, number>>;
  /** Facilities in the reference and not in the scenario, by type (never credited). */
  removed: Partial<Record<FacilityType, number>>;
  /** Facilities in both whose type changed (an upgrade; not priced). */
  retyped: number;
  /** 其他项目 in one scenario and not the other, or whose cost changed (projectsDelta). */
  projects: ProjectsDelta;
}

/** A 其他项目 as the cost counts it; `cost` its 投资估算 in 万元 (null: none entered). */
export interface ProjectBrief {
  name: string;
  year: number;
  cost: number | null;
}
export interface ProjectsDelta {
  /** In the scenario and not in the reference. */
  added: ProjectBrief[];
  /** In the reference and not in the scenario (its investment no longer planned: counted as less). */
  removed: ProjectBrief[];
  /** In both with another cost: `cost` the scenario's, `from` the reference's. */
  changed: (ProjectBrief & { from: number | null })[];
}

/** 万元 → 元. */
export const WAN = 10_000;

/**
 * The 其他项目 (kind 'other') of the scenario against the reference's. A scenario copied from another
 * copies its projects with new numbers (copyProjects), so projects are matched by kind, year and name
 * (the same name twice in a year: in the order entered), never by id. Facility projects are not here:
 * what they change is in the facilities.
 */
export function projectsDelta(
  reference: readonly Pick<Project, 'kind' | 'name' | 'year' | 'cost'>[],
  scenario: readonly Pick<Project, 'kind' | 'name' | 'year' | 'cost'>[],
): ProjectsDelta {
  const key = (p: Pick<Project, 'kind' | 'name' | 'year'>) => `${p.kind}\u0000${p.year}\u0000${p.name.trim()}`;
  const brief = (p: Pick<Project, 'name' | 'year' | 'cost'>): ProjectBrief => ({ name: p.name, year: p.year, cost: p.cost });
  const left = new Map<string, Pick<Project, 'kind' | 'name' | 'year' | 'cost'>[]>();
  for (const p of reference) if (p.kind === 'other') left.set(key(p), [...(left.get(key(p)) ?? []), p]);
  const d: ProjectsDelta = { added: [], removed: [], changed: [] };
  for (const p of scenario) {
    if (p.kind !== 'other') continue;
    const a = left.get(key(p))?.shift();
    if (!a) d.added.push(brief(p));
    else if (a.cost !== p.cost) d.changed.push({ ...brief(p), from: a.cost });
  }
  for (const rest of left.values()) for (const p of rest) d.removed.push(brief(p));
  return d;
}

const n = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The scenario's facilities against the reference's, matched by id. A blank figure counts as 0.
 * Other health technicians: where a facility's 卫生技术人员 changed, the change less the change in
 * physicians and nurses; where it did not, none (the total was not kept up, nothing is inferred).
 */
export function resourceDelta(
  reference: readonly Facility[],
  scenario: readonly Facility[],
  referenceProjects: readonly Pick<Project, 'kind' | 'name' | 'year' | 'cost'>[] = [],
  scenarioProjects: readonly Pick<Project, 'kind' | 'name' | 'year' | 'cost'>[] = [],
): ResourceDelta {
  const d: ResourceDelta = {
    beds: 0,
    physicians: 0,
    nurses: 0,
    gps: 0,
    other_technicians: 0,
    ambulances: 0,
    floor_area_m2: 0,
    added: {},
    removed: {},
    retyped: 0,
    projects: projectsDelta(referenceProjects, scenarioProjects),
  };
  const before = new Map(reference.map((f) => [f.id, f]));
  const after = new Map(scenario.map((f) => [f.id, f]));
  const pair = (a: Facility | undefined, b: Facility | undefined) => {
    const dv = (k: keyof Facility) => n(b?.[k] as number | null | undefined) - n(a?.[k] as number | null | undefined);
    d.beds += dv('beds_open');
    d.physicians += dv('physicians');
    d.nurses += dv('nurses');
    d.gps += dv('gps');
    d.ambulances += dv('ambulances');
    d.floor_area_m2 += dv('floor_area_m2');
    const tech = dv('health_technicians');
    if (tech !== 0) d.other_technicians += tech - dv('physicians') - dv('nurses');
  };
  for (const f of scenario) {
    const a = before.get(f.id);
    if (!a) d.added[f.type] = (d.added[f.type] ?? 0) + 1;
    else if (a.type !== f.type) d.retyped++;
    pair(a, f);
  }
  for (const f of reference) {
    if (after.has(f.id)) continue;
    d.removed[f.type] = (d.removed[f.type] ?? 0) + 1;
    pair(f, undefined);
  }
  return d;
}

/**
 * One line of a cost: a new facility of a type, an item, or the 其他项目 ('projects'); `unitCost` null
 * when not entered — and always for 'projects', each of which has its own cost (the amount is their sum).
 */
export interface CostLine {
  item: CostItem | 'facility' | 'projects';
  /** For item 'facility'. */
  type?: FacilityType;
  /** How many (signed: fewer beds is negative). */
  quantity: number;
  /** Yuan per piece as entered, or null (未填造价). */
  unitCost: number | null;
  /** quantity × unitCost (for 'projects' the sum of the differences in cost, 元), or null. */
  amount: number | null;
}

export interface ScenarioCost {
  /** The sum of the priced lines (元). */
  total: number;
  /** Lines with a price, in order: new facilities by type, then items, then 其他项目. */
  lines: CostLine[];
  /** Lines that changed but have no price (未填造价). */
  unpriced: CostLine[];
  /** Some line has a price. */
  priced: boolean;
  /** Every change has a price (and something changed). */
  complete: boolean;
}

/**
 * The cost of a scenario's changes at the planner's prices: new facilities × cost per type + each Δ × its
 * price + the 其他项目's own 投资估算 (万元 × 10,000): those added count their cost, those removed count it
 * as less, those in both the change of cost. One 'projects' line (quantity: added − removed) holds
 * those with costs; one unpriced line (quantity: how many) those without (a project added or removed
 * with no cost, or whose cost became or was blank).
 */
export function costOf(delta: ResourceDelta, costs: CostTable): ScenarioCost {
  const all: CostLine[] = [];
  for (const type of FACILITY_TYPES) {
    const q = delta.added[type] ?? 0;
    if (q === 0) continue;
    const unitCost = costs.perFacility[type] ?? null;
    all.push({ item: 'facility', type, quantity: q, unitCost, amount: unitCost === null ? null : q * unitCost });
  }
  for (const item of COST_ITEMS) {
    const q = delta[item];
    if (q === 0) continue;
    const unitCost = costs.perUnit[item] ?? null;
    all.push({ item, quantity: q, unitCost, amount: unitCost === null ? null : q * unitCost });
  }
  const p = delta.projects;
  const known = (x: ProjectBrief) => x.cost !== null;
  const priced = [...p.added.filter(known), ...p.removed.filter(known), ...p.changed.filter((x) => x.cost !== null && x.from !== null)];
  if (priced.length > 0) {
    const amount =
      (p.added.reduce((s, x) => s + (x.cost ?? 0), 0)
        - p.removed.reduce((s, x) => s + (x.cost ?? 0), 0)
        + p.changed.reduce((s, x) => s + (x.cost !== null && x.from !== null ? x.cost - x.from : 0), 0))
      * WAN;
    all.push({ item: 'projects', quantity: p.added.filter(known).length - p.removed.filter(known).length, unitCost: null, amount });
  }
  // How many projects the difference cannot be priced for (added, removed or changed with a blank cost).
  const blank = [...p.added, ...p.removed].filter((x) => !known(x)).length + p.changed.filter((x) => x.cost === null || x.from === null).length;
  if (blank > 0) all.push({ item: 'projects', quantity: blank, unitCost: null, amount: null });
  const lines = all.filter((l) => l.amount !== null);
  const unpriced = all.filter((l) => l.amount === null);
  return {
    total: lines.reduce((s, l) => s + l.amount!, 0),
    lines,
    unpriced,
    priced: lines.length > 0,
    complete: all.length > 0 && unpriced.length === 0,
  };
}

/** Whether the table has any price at all. */
export const hasCosts = (c: CostTable) => Object.keys(c.perUnit).length + Object.keys(c.perFacility).length > 0;
