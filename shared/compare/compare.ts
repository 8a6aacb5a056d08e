/**
 * 情景比较: two to six scenarios side by side, the first the reference. The gap engine's results of
 * each (compareResults), what each changed in the facilities and units (diffRows), and what that
 * costs at the planner's prices (costOf). Pure: the backend reads the plan and evaluates the gaps.
 */
import type { GapResult } from '../gaps/result.ts';
import type { Target } from '../gaps/standard.ts';
import type { Facility, Unit } from '../model/entities.ts';
import type { FacilityType, UnitKind } from '../model/kinds.ts';
import type { Project } from '../timeline/project.ts';
import { costOf, resourceDelta, type CostTable, type ResourceDelta, type ScenarioCost } from './costs.ts';
import { compareResults, type CompareRow } from './gaps.ts';
import { diffFacilities, diffUnits, type FieldChange } from './rows.ts';

export type CompareLevel = 'region' | 'county' | 'township';
export const COMPARE_LEVELS = ['region', 'county', 'township'] as const satisfies readonly CompareLevel[];

export interface CompareScenario {
  id: number;
  name: string;
  baseline: boolean;
}

/** A facility as the change list shows it. */
export interface FacilityBrief {
  id: string;
  name: string;
  type: FacilityType;
  unit_code: string;
  beds_open: number | null;
  physicians: number | null;
  nurses: number | null;
}
export interface FacilityChange {
  id: string;
  name: string;
  type: FacilityType;
  unit_code: string;
  fields: FieldChange[];
}
export interface UnitBrief {
  code: string;
  name: string;
  kind: UnitKind;
}
export interface UnitChange {
  code: string;
  name: string;
  kind: UnitKind;
  fields: FieldChange[];
}

/** What a scenario changed against the reference, and its cost. */
export interface ScenarioChanges {
  facilities: { added: FacilityBrief[]; removed: FacilityBrief[]; changed: FacilityChange[] };
  units: { added: UnitBrief[]; removed: UnitBrief[]; changed: UnitChange[] };
  delta: ResourceDelta;
  cost: ScenarioCost;
}

export interface CompareOut {
  standard: string;
  standardName: string;
  standardNameEn: string;
  year: number;
  level: CompareLevel;
  /** In the order asked: the reference first. */
  scenarios: CompareScenario[];
  targets: Target[];
  /** Each target at the region and at each place of the level. */
  rows: CompareRow[];
  /** Per scenario against the reference; null for the reference. */
  changes: (ScenarioChanges | null)[];
  /** The plan's cost table the costs were worked out with. */
  costs: CostTable;
  /** Names of the units the changed facilities stand in. */
  unitNames: Record<string, string>;
  notes: string[];
  notesEn: string[];
  /** How long it took (ms). */
  ms: number;
}

/** One scenario as read from the plan and evaluated. */
export interface ScenarioInput {
  scenario: CompareScenario;
  results: readonly GapResult[];
  notes: readonly string[];
  notesEn: readonly string[];
  units: readonly Unit[];
  facilities: readonly Facility[];
  /** Its 规划项目: the 其他项目 among them are costed (costs.ts, projectsDelta). */
  projects: readonly Pick<Project, 'kind' | 'name' | 'year' | 'cost'>[];
}

export interface CompareInput {
  standard: { id: string; name: string; nameEn: string; year: number; targets: Target[] };
  level: CompareLevel;
  scenarios: readonly ScenarioInput[];
  costs: CostTable;
}

const facilityBrief = (f: Facility): FacilityBrief => ({
  id: f.id,
  name: f.name,
  type: f.type,
  unit_code: f.unit_code,
  beds_open: f.beds_open,
  physicians: f.physicians,
  nurses: f.nurses,
});
const unitBrief = (u: Unit): UnitBrief => ({ code: u.code, name: u.name, kind: u.kind });

/** What `scenario` changed against `reference`, and its cost at `costs`. */
export function scenarioChanges(reference: ScenarioInput, scenario: ScenarioInput, costs: CostTable): ScenarioChanges {
  const f = diffFacilities(reference.facilities, scenario.facilities);
  const u = diffUnits(reference.units, scenario.units);
  const delta = resourceDelta(reference.facilities, scenario.facilities, reference.projects, scenario.projects);
  return {
    facilities: {
      added: f.added.map(facilityBrief),
      removed: f.removed.map(facilityBrief),
      changed: f.changed.map((c) => ({ id: c.after.id, name: c.after.name, type: c.after.type, unit_code: c.after.unit_code, fields: c.fields })),
    },
    units: {
      added: u.added.map(unitBrief),
      removed: u.removed.map(unitBrief),
      changed: u.changed.map((c) => ({ code: c.after.code, name: c.after.name, kind: c.after.kind, fields: c.fields })),
    },
    delta,
    cost: costOf(delta, costs),
  };
}

/** Notes said by any scenario's evaluation, once each, in order. */
function unionNotes(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

export function compareScenarios(input: CompareInput, ms = 0): CompareOut {
  const [reference] = input.scenarios;
  if (!reference || input.scenarios.length < 2) throw new Error('compareScenarios: at least two scenarios');
  const changes = input.scenarios.map((s, i) => (i === 0 ? null : scenarioChanges(reference, s, input.costs)));

  const codes = new Set<string>();
  for (const c of changes) for (const f of c ? [...c.facilities.added, ...c.facilities.removed, ...c.facilities.changed] : []) codes.add(f.unit_code);
  for (const c of changes)
    for (const f of c?.facilities.changed ?? []) for (const x of f.fields) if (x.field === 'unit_code' && typeof x.from === 'string') codes.add(x.from);
  const unitNames: Record<string, string> = {};
  for (const s of input.scenarios) for (const u of s.units) if (codes.has(u.code) && !(u.code in unitNames)) unitNames[u.code] = u.name;

  return {
    standard: input.standard.id,
    standardName: input.standard.name,
    standardNameEn: input.standard.nameEn,
    year: input.standard.year,
    level: input.level,
    scenarios: input.scenarios.map((s) => s.scenario),
    targets: input.standard.targets,
    rows: compareResults(
      input.scenarios.map((s) => s.results),
      input.level,
    ),
    changes,
    costs: input.costs,
    unitNames,
    notes: unionNotes(input.scenarios.map((s) => s.notes)),
    notesEn: unionNotes(input.scenarios.map((s) => s.notesEn)),
    ms,
  };
}

/** The same comparison at other prices (after the cost table is edited): only the costs change. */
export function withCosts(out: CompareOut, costs: CostTable): CompareOut {
  return { ...out, costs, changes: out.changes.map((c) => (c ? { ...c, cost: costOf(c.delta, costs) } : null)) };
}
