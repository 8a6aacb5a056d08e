/**
 * 分年度实施计划 (the phased programme): which candidate actions to do in which year, within each
 * year's money (and recruits), so that the targets are met soonest. The types every part shares:
 * the candidate actions, the settings, and the programme found.
 */
import type { Project, ProjectInput, ProjectKind } from '../timeline/project.ts';

/** Where a candidate action came from. */
export const ACTION_SOURCES = ['project', 'siting', 'allocation', 'planner'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

/** Staff categories a year's recruitment may be limited in (facility columns). */
export const STAFF_CATEGORIES = ['physicians', 'nurses', 'gps', 'health_technicians'] as const;
export type StaffCategory = (typeof STAFF_CATEGORIES)[number];

/** One candidate action (候选项目): a project the programme may place in one year, or leave out. */
export interface ProgrammeAction {
  /** Stable within a run: `project:12` (the scenario's project 12), `site:S3`, `alloc:F001`, the planner's own id. */
  id: string;
  name: string;
  kind: ProjectKind;
  source: ActionSource;
  /** The facility it concerns (the new facility's id for 新建); null for 其他项目. */
  facility: string | null;
  /** The unit it stands in, where known. */
  unit: string | null;
  /** 投资估算, 万元; null: not priced (neither its own cost nor the 造价标准 gives one): it cannot be scheduled. */
  cost: number | null;
  /** How the cost was found: the project's own estimate, or the 造价标准's prices (what it adds × price). */
  costFrom: 'own' | 'cost_table' | null;
  /** Already decided for this year (固定年份). */
  fixedYear?: number;
  /** Not before this year (不早于). */
  notBefore?: number;
  /** Ids of the actions it must come after (in the same year or later): a sub-centre upgrade after its expansion. */
  after?: string[];
  /**
   * 必做: one of the plan's own commitments (the scenario's 计划 projects): the programme decides its year,
   * not whether — placed before any proposal is chosen, as far as the money allows.
   */
  required?: boolean;
  /** The year the plan gives it (the document's), kept where nothing argues for another. */
  preferredYear?: number;
  /** Staff it adds (recruits needed), by category. */
  staff: Partial<Record<StaffCategory, number>>;
  /** The project it becomes, without its year. */
  project: Omit<ProjectInput, 'year'>;
}

/** Why a candidate is in no year. */
export type UnscheduledWhy = 'money' | 'staff' | 'no_effect' | 'unpriced' | 'dependency' | 'too_late' | 'conflict';

/** The lexicographic objective (目标函数): binding targets' weighted shortfall, then the others', then cost. */
export interface ProgrammeObjective {
  /** Σ over years and binding (约束性) targets of shortfall ÷ the target's shortfall at the start × the region's population (人·年). */
  binding: number;
  /** The same over the other (预期性) targets. */
  expected: number;
  /** Money spent over the years, 万元. */
  cost: number;
}

/** A candidate as the project of a year it becomes (`id`: a number of the caller's, unique in the plan's projects). */
export function actionProject(a: ProgrammeAction, id: number, year: number): Project {
  const p = a.project;
  return {
    id,
    year,
    kind: p.kind,
    facility_id: p.kind === 'other' ? null : (p.facility_id ?? null),
    name: p.name ?? a.name,
    lon: p.lon ?? null,
    lat: p.lat ?? null,
    unit_code: p.unit_code ?? null,
    type: p.type ?? null,
    facility_name: p.facility_name ?? null,
    deltas: (p.deltas ?? {}) as Project['deltas'],
    fields: p.fields ?? {},
    cost: a.cost,
    source_document: p.source_document ?? null,
    source_clause: p.source_clause ?? null,
    note: p.note ?? null,
    responsible_unit: p.responsible_unit ?? null,
    status: p.status ?? 'planned',
  };
}
