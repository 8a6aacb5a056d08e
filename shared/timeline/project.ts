/**
 * 规划项目: a capital project with a year — a new facility (新建), a relocation (迁建), an expansion
 * (扩建), an upgrade (升级, e.g. 乡镇卫生院 → 县域医疗次中心), a closure (撤并), or a project that is no
 * one facility's change (其他项目: an information platform, equipment for several centres, a training
 * programme), which has a cost and a year but no facility. A scenario's projects turn its facilities
 * (the plan's present state) into the plan as of any year (facilities-at.ts); 其他项目 change none.
 * Every project has a 责任单位 (responsible unit, free text) and a status (计划/在建/完工).
 */
import { FACILITY_COLUMNS, type FacilityColumnKey } from '../model/columns.ts';
import type { FacilityType } from '../model/kinds.ts';

export const PROJECT_KINDS = ['new', 'relocate', 'expand', 'upgrade', 'close', 'other'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_KIND_LABELS: Record<ProjectKind, { zh: string; en: string }> = {
  new: { zh: '新建', en: 'New facility' },
  relocate: { zh: '迁建', en: 'Relocation' },
  expand: { zh: '扩建', en: 'Expansion' },
  upgrade: { zh: '升级', en: 'Upgrade' },
  close: { zh: '撤并', en: 'Closure' },
  other: { zh: '其他项目', en: 'Other project' },
};

/** Kinds that concern one facility (every kind but 其他项目). */
export const concernsFacility = (kind: ProjectKind): kind is Exclude<ProjectKind, 'other'> => kind !== 'other';

/** Where a project stands: 计划 (planned, the default), 在建 (being built), 完工 (done). Said, not inferred from the year. */
export const PROJECT_STATUSES = ['planned', 'building', 'done'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, { zh: string; en: string }> = {
  planned: { zh: '计划', en: 'Planned' },
  building: { zh: '在建', en: 'Under construction' },
  done: { zh: '完工', en: 'Done' },
};

/**
 * Within one year projects apply in this order (then in the order they were entered): a facility is
 * built, then moved, then changes type, then grows, then closes. So "upgrade, then expand" in one year
 * means the same whichever was typed first.
 */
export const KIND_ORDER: Record<ProjectKind, number> = { new: 0, relocate: 1, upgrade: 2, expand: 3, close: 4, other: 5 };

/** Fields that are not a project's to add to: place, identity, a rate and a year. */
const NOT_DELTA = new Set<string>(['lon', 'lat', 'bed_occupancy_rate', 'opened_year']);
/** Numeric facility fields a project may add to (or, negative, take from): beds, staff, floor area, places … */
export const DELTA_FIELDS = FACILITY_COLUMNS.filter((c) => (c.type === 'int' || c.type === 'number') && !NOT_DELTA.has(c.key)).map(
  (c) => c.key,
) as readonly FacilityColumnKey[];
export type DeltaField = (typeof DELTA_FIELDS)[number];
/** Delta fields that hold whole numbers (beds, people, vehicles): their deltas must be whole too. */
export const INT_DELTA_FIELDS = new Set<string>(FACILITY_COLUMNS.filter((c) => c.type === 'int' && !NOT_DELTA.has(c.key)).map((c) => c.key));

/** Facility fields a new facility may be given besides its identity, type and place. */
const IDENTITY = new Set<string>(['id', 'name', 'type', 'unit_code', 'lon', 'lat']);
export const NEW_FACILITY_FIELDS = FACILITY_COLUMNS.filter((c) => !IDENTITY.has(c.key)).map((c) => c.key) as readonly FacilityColumnKey[];

export type Deltas = Partial<Record<DeltaField, number>>;

/** A project as the plan keeps it. */
export interface Project {
  /** Its number in the plan (a new number when copied into another scenario). */
  id: number;
  /** The year it is done: the plan counts it from this year on (2022年前完成 → 2022). */
  year: number;
  kind: ProjectKind;
  /** The facility it concerns; for a new facility the new facility's id; null for 其他项目 (and only for it). */
  facility_id: string | null;
  /** 项目名称, e.g. 新河街道社区卫生服务中心扩建提质. */
  name: string;
  /** new, relocate: the (new) site, WGS-84. */
  lon: number | null;
  lat: number | null;
  /** new, relocate: the unit the site stands in (the nearest community/village centre, found when saved, unless given); other: where it is, if one unit (optional). */
  unit_code: string | null;
  /** new: the new facility's type; upgrade: the type it becomes. */
  type: FacilityType | null;
  /** new: the new facility's name; relocate, upgrade: the name it takes (null: keeps its own). */
  facility_name: string | null;
  /** expand, upgrade, relocate: added to the facility's figures (negative takes away). */
  deltas: Deltas;
  /** new: the new facility's further fields (beds, staff, floor area …), as in the facilities table. */
  fields: Record<string, string | number | boolean | null>;
  /** 投资估算, in 万元 (10,000 yuan). */
  cost: number | null;
  /** The document it comes from (文号, e.g. 开政办发〔2022〕26号) and its clause (§四(一)3). */
  source_document: string | null;
  source_clause: string | null;
  note: string | null;
  /** 责任单位, e.g. 区卫生健康局 (free text, as the document names it). */
  responsible_unit: string | null;
  status: ProjectStatus;
}

/** What a caller gives to add or change a project; the plan fills in the rest (id, name, unit). */
export interface ProjectInput {
  year: number;
  kind: ProjectKind;
  /** Required except for a new facility (which gets NEW-<type>-<n> when none is given) and 其他项目 (which has none). */
  facility_id?: string;
  name?: string;
  lon?: number | null;
  lat?: number | null;
  unit_code?: string | null;
  type?: FacilityType | null;
  facility_name?: string | null;
  deltas?: Record<string, number>;
  fields?: Record<string, string | number | boolean | null>;
  cost?: number | null;
  source_document?: string | null;
  source_clause?: string | null;
  note?: string | null;
  responsible_unit?: string | null;
  /** Default planned. */
  status?: ProjectStatus;
}

/** Projects in the order they apply: by year, then kind (KIND_ORDER), then as entered (id). */
export function byApplyOrder(a: Pick<Project, 'year' | 'kind' | 'id'>, b: Pick<Project, 'year' | 'kind' | 'id'>): number {
  return a.year - b.year || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id - b.id;
}

/** The scenario's 新建 projects by the id of the facility each builds (a facility in no table until its year). */
export function projectsBuilding<P extends Pick<Project, 'kind' | 'facility_id'>>(projects: readonly P[]): Map<string, P> {
  const out = new Map<string, P>();
  for (const p of projects) if (p.kind === 'new' && p.facility_id !== null) out.set(p.facility_id, p);
  return out;
}
