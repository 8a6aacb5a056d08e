/**
 * The contract's timeline methods (规划项目 and the plan year by year; spread into API in ../contract.ts).
 * A project's year, facility and figures are checked by the service (shared/timeline/check.ts), whose
 * refusals name the field in Chinese and English; the schemas here fix the shapes.
 */
import { z } from 'zod';
import type { Facility } from '../../model/entities.ts';
import { FACILITY_TYPES } from '../../model/kinds.ts';
import type { GapResult } from '../../gaps/result.ts';
import type { Target } from '../../gaps/standard.ts';
import { PROJECT_KINDS, type Project } from '../../timeline/project.ts';
import type { TimelineProblem } from '../../timeline/facilities-at.ts';
import { CellValue, InScenario, Key, Lat, Lon, method, SetId, Year } from '../schemas.ts';

const ProjectId = z.number().int().positive();
const Text = (max: number) => z.string().max(max).nullable().optional();

/** A project as given to projects.add / projects.update (the service fills in id, unit and names). */
export const ProjectInputSchema = z.object({
  /** The year it is done (2000–2100; checked by the service, which names the field). */
  year: z.number().int(),
  kind: z.enum(PROJECT_KINDS),
  /** The facility it concerns; a new facility's id (optional: NEW-<type>-<n>). */
  facility_id: Key.optional(),
  name: z.string().max(200).optional(),
  /** new, relocate: the (new) site, WGS-84. */
  lon: Lon.nullable().optional(),
  lat: Lat.nullable().optional(),
  /** new, relocate: the unit, when not the one the site stands in. */
  unit_code: Key.nullable().optional(),
  /** new: the new facility's type; upgrade: the type it becomes. */
  type: z.enum(FACILITY_TYPES).nullable().optional(),
  /** new: the new facility's name; relocate, upgrade: a new name. */
  facility_name: Text(200),
  /** expand, upgrade, relocate: added to numeric fields, e.g. { beds_open: 40, floor_area_m2: 2000 }. */
  deltas: z.record(z.string(), z.number()).optional(),
  /** new: further fields of the new facility, as in the facilities table. */
  fields: z.record(z.string(), CellValue).optional(),
  /** 投资估算, 万元. */
  cost: z.number().nullable().optional(),
  source_document: Text(200),
  source_clause: Text(200),
  note: Text(2000),
});

/** A project with what the plan found when it applied it (not there, closed before …). */
export interface ProjectOut extends Project {
  problems: TimelineProblem[];
}

/** One year of the timeline: the region-level result of every target, and the projects done that year. */
export interface TimelineYear {
  year: number;
  results: GapResult[];
  /** Ids of the projects of this year. */
  projects: number[];
}

export interface TimelineSummary {
  standard: string;
  standardName: string;
  standardNameEn: string;
  /** The year the set's targets are for. */
  standardYear: number;
  scenario: string;
  /** The region the results are for (the set's region, or the whole plan). */
  region: string;
  fromYear: number;
  toYear: number;
  targets: Target[];
  years: TimelineYear[];
  projects: ProjectOut[];
  /** Projects that could not be applied (error) or were applied with an assumption (warning), once each. */
  problems: TimelineProblem[];
  notes: string[];
  notesEn: string[];
  ms: number;
}

/** The facilities as of a year, and what the projects did to get there. */
export interface FacilitiesAtOut {
  year: number;
  facilities: Facility[];
  applied: number[];
  problems: TimelineProblem[];
}

export const TIMELINE_API = {
  'projects.list': method<ProjectOut[]>()(InScenario,
    'The scenario\'s projects (规划项目) in the order they apply (year, then new → relocate → upgrade → expand → close, then as entered), each with the problems found applying it.'),
  'projects.add': method<ProjectOut>()(InScenario.extend({ project: ProjectInputSchema }),
    'Add a project to the scenario: checked (year 2000–2100; relocate/expand/upgrade/close: the facility exists; new: its id is new; figures valid as facility fields); a refusal names the field.'),
  'projects.update': method<ProjectOut>()(InScenario.extend({ id: ProjectId, project: ProjectInputSchema }),
    'Replace a project of the scenario with the one given, checked as projects.add.'),
  'projects.remove': method<{ removed: number }>()(InScenario.extend({ id: ProjectId }), 'Remove a project from the scenario.'),
  'timeline.facilities': method<FacilitiesAtOut>()(InScenario.extend({ year: Year }),
    'The scenario\'s facilities as of a year: the facilities table with every project of that year or before applied.'),
  'timeline.summary': method<TimelineSummary>()(InScenario.extend({ standardId: SetId.optional(), fromYear: Year.optional(), toYear: Year.optional() }),
    'Year by year (at most 41 years; default: the year before the first project to the year after the last, or the set\'s year): the region-level result of every target of the set (the plan\'s unless given) with the facilities and population of that year, and the projects of that year. Access targets are not evaluated here (未评估; the gap screen evaluates them for its year).'),
} as const;
