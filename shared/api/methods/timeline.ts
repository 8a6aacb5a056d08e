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
import { PROJECT_KINDS, PROJECT_STATUSES, type Project } from '../../timeline/project.ts';
import type { ProjectCost } from '../../timeline/lines.ts';
import type { TimelineProblem } from '../../timeline/facilities-at.ts';
import type { ImportReport } from '../../model/issues.ts';
import { CellValue, FileBytes, type FileOut, Format, InScenario, Key, Lat, Lon, method, SetId, Year } from '../schemas.ts';

const ProjectId = z.number().int().positive();
const Text = (max: number) => z.string().max(max).nullable().optional();

/** A project as given to projects.add / projects.update (the service fills in id, unit and names). */
export const ProjectInputSchema = z.object({
  /** The year it is done (2000–2100; checked by the service, which names the field). */
  year: z.number().int(),
  kind: z.enum(PROJECT_KINDS),
  /** The facility it concerns; a new facility's id (optional: NEW-<type>-<n>); none for 其他项目 (kind other). */
  facility_id: Key.optional(),
  name: z.string().max(200).optional(),
  /** new, relocate: the (new) site, WGS-84. */
  lon: Lon.nullable().optional(),
  lat: Lat.nullable().optional(),
  /** new, relocate: the unit, when not the one the site stands in; other: where it is (optional). */
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
  /** 责任单位 (free text, as the document names it). */
  responsible_unit: Text(200),
  /** 计划/在建/完工; default planned. */
  status: z.enum(PROJECT_STATUSES).optional(),
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
  /** The 投资估算 (万元) of this year's projects, 其他项目 included (those without a cost count 0). */
  cost: number;
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
  /** The 投资估算 of the projects of fromYear–toYear, 其他项目 included; how many had a cost and how many none. */
  cost: ProjectCost;
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

/** What a projects import did (or would do: dryRun): as the tables' imports say it, and how many projects `replace` removed. */
export interface ProjectImportReport extends Omit<ImportReport, 'table'> {
  table: 'projects';
  removed: number;
}

export const TIMELINE_API = {
  'projects.list': method<ProjectOut[]>()(
    InScenario,
    "The scenario's projects (规划项目) in the order they apply (year, then new → relocate → upgrade → expand → close, then as entered), each with the problems found applying it.",
  ),
  'projects.add': method<ProjectOut>()(
    InScenario.extend({ project: ProjectInputSchema }),
    'Add a project to the scenario: checked (year 2000–2100; relocate/expand/upgrade/close: the facility exists; new: its id is new; figures valid as facility fields); a refusal names the field.',
  ),
  'projects.update': method<ProjectOut>()(
    InScenario.extend({ id: ProjectId, project: ProjectInputSchema }),
    'Replace a project of the scenario with the one given, checked as projects.add.',
  ),
  'projects.remove': method<{ removed: number }>()(InScenario.extend({ id: ProjectId }), 'Remove a project from the scenario.'),
  'projects.export': method<FileOut>()(
    InScenario.extend({ format: Format }),
    "The scenario's projects as a sheet (.xlsx/.csv): the 规划项目 tab's columns with 责任单位 and 状态, and 编号, 机构编码, 新名称, 机构类型, 经度/纬度, 所在区划代码 and 新增<figure> columns, so it imports back to the same projects.",
  ),
  'projects.template': method<FileOut>()(
    z.object({ format: Format }),
    "An empty projects sheet (the export's columns, with 新增实有床位, 新增执业(助理)医师, 新增注册护士, 新增业务用房面积 as figure columns) to fill in.",
  ),
  'projects.import': method<ProjectImportReport>()(
    InScenario.extend({ file: FileBytes, dryRun: z.boolean().default(false), replace: z.boolean().default(false) }),
    'Import projects from a projects sheet, all or nothing: each row checked as projects.add (its facility by 机构编码 or by a name unique in the scenario); a row with the 编号 of a project of the scenario replaces it, one without is added; replace: the projects not in the sheet are removed. Each problem names the row, the column and the fix.',
  ),
  'timeline.facilities': method<FacilitiesAtOut>()(
    InScenario.extend({ year: Year }),
    "The scenario's facilities as of a year: the facilities table with every project of that year or before applied.",
  ),
  'timeline.summary': method<TimelineSummary>()(
    InScenario.extend({ standardId: SetId.optional(), fromYear: Year.optional(), toYear: Year.optional() }),
    "Year by year (at most 41 years; default: the year before the first project to the year after the last, or the set's year): the region-level result of every target of the set (the plan's unless given) with the facilities and population of that year, and the projects of that year. Access targets are not evaluated here (未评估; the gap screen evaluates them for its year).",
  ),
} as const;
