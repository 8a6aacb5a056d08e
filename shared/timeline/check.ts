/**
 * Checking a project before the plan keeps it: the year, the facility it concerns, the figures it
 * changes. Each problem names the field, in Chinese and English. The service refuses a project with
 * any; the form shows them as the planner types.
 */
import { FACILITY_COLUMNS } from '../model/columns.ts';
import { FACILITY_FIELD_SCHEMAS, type Facility } from '../model/entities.ts';
import { FACILITY_TYPE_LABELS, FACILITY_TYPES, type FacilityType } from '../model/kinds.ts';
import {
  DELTA_FIELDS,
  INT_DELTA_FIELDS,
  NEW_FACILITY_FIELDS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  projectsBuilding,
  type Deltas,
  type Project,
  type ProjectInput,
} from './project.ts';

export interface ProjectProblem {
  field: string;
  message: string;
  messageEn: string;
}

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
/** 1 万亿元: a bound on typing errors, not on ambition. */
const COST_MAX = 1e8;
const DELTA_MAX = 1e7;

export interface CheckContext {
  /** The scenario's facilities (its present state). */
  facilities: readonly Pick<Facility, 'id' | 'name' | 'type'>[];
  /** The scenario's other projects (the one being changed left out). */
  projects: readonly Pick<Project, 'id' | 'kind' | 'year' | 'facility_id' | 'facility_name' | 'type'>[];
  /** The scenario's unit codes, to check a unit given by code. */
  unitCodes: ReadonlySet<string>;
}

/** A checked project, before the plan fills in its unit (new, relocate: the unit at the site) and names. */
export type CheckedProject = Omit<Project, 'id'>;

const LABEL: Record<string, { zh: string; en: string }> = {
  year: { zh: '年份', en: 'year' },
  kind: { zh: '项目类型', en: 'kind' },
  facility_id: { zh: '机构', en: 'facility' },
  name: { zh: '项目名称', en: 'name' },
  lon: { zh: '经度', en: 'longitude' },
  lat: { zh: '纬度', en: 'latitude' },
  unit_code: { zh: '所在区划', en: 'unit' },
  type: { zh: '机构类型', en: 'type' },
  facility_name: { zh: '机构名称', en: 'facility name' },
  cost: { zh: '投资（万元）', en: 'cost (10,000 yuan)' },
  deltas: { zh: '变化', en: 'changes' },
  status: { zh: '状态', en: 'status' },
  responsible_unit: { zh: '责任单位', en: 'responsible unit' },
};
const columnLabel = (k: string) => {
  const c = FACILITY_COLUMNS.find((x) => x.key === k);
  return c ? { zh: c.zh, en: c.en.toLowerCase() } : { zh: k, en: k };
};
const text = (v: string | null | undefined): string | null => {
  const s = v?.trim();
  return s ? s : null;
};
const typeZh = (t: string) => FACILITY_TYPE_LABELS[t as FacilityType]?.zh ?? t;

export function checkProject(input: ProjectInput, ctx: CheckContext): { project: CheckedProject | null; problems: ProjectProblem[] } {
  const problems: ProjectProblem[] = [];
  const bad = (field: string, zh: string, en: string) => {
    const l = LABEL[field] ?? { zh: field, en: field };
    problems.push({ field, message: `「${l.zh}」${zh}`, messageEn: `${l.en}: ${en}` });
  };

  const year = input.year;
  if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX)
    bad('year', `须为 ${YEAR_MIN}–${YEAR_MAX} 之间的年份（给出的是 ${year}）`, `must be a year from ${YEAR_MIN} to ${YEAR_MAX} (got ${year})`);
  const kind = input.kind;
  if (!PROJECT_KINDS.includes(kind)) bad('kind', '须为 新建、迁建、扩建、升级、撤并 或 其他项目', 'must be new, relocate, expand, upgrade, close or other');
  const status = input.status ?? 'planned';
  if (!PROJECT_STATUSES.includes(status)) bad('status', '须为 计划、在建 或 完工', 'must be planned, building or done');
  const other = kind === 'other';

  const lon = input.lon ?? null,
    lat = input.lat ?? null;
  const needsSite = kind === 'new' || kind === 'relocate';
  if (needsSite) {
    if (lon === null || !Number.isFinite(lon) || lon < -180 || lon > 180)
      bad(
        'lon',
        kind === 'new' ? '须填写新机构的经度（-180 到 180）' : '须填写新址的经度（-180 到 180）',
        `the ${kind === 'new' ? 'site' : 'new site'}'s longitude is required (−180 to 180)`,
      );
    if (lat === null || !Number.isFinite(lat) || lat < -90 || lat > 90)
      bad(
        'lat',
        kind === 'new' ? '须填写新机构的纬度（-90 到 90）' : '须填写新址的纬度（-90 到 90）',
        `the ${kind === 'new' ? 'site' : 'new site'}'s latitude is required (−90 to 90)`,
      );
  }
  // new, relocate: the unit of the site (found from it when not given); other: where it is, when one unit.
  const unitCode = needsSite || other ? text(input.unit_code) : null;
  if (unitCode && !ctx.unitCodes.has(unitCode))
    bad('unit_code', `「${unitCode}」不是当前情景中的区划代码`, `"${unitCode}" is not the code of a unit in this scenario`);

  const type = input.type ?? null;
  if (type !== null && !FACILITY_TYPES.includes(type)) bad('type', `「${type}」不是机构类型`, `"${type}" is not a facility type`);

  // The facility: there today, or built by a new-facility project of the scenario.
  const present = new Map(ctx.facilities.map((f) => [f.id, f]));
  const builtBy = projectsBuilding(ctx.projects);
  let facilityId = text(input.facility_id);
  let fromType: string | null = null;
  if (other) {
    // 其他项目 (a platform, equipment for several centres, training): a name, a year and a cost; no facility.
    if (!text(input.name))
      bad(
        'name',
        '其他项目须填写项目名称（如 区域全民健康信息平台建设）',
        "a project that is no facility's change needs a name (e.g. a regional health information platform)",
      );
    if (facilityId)
      bad(
        'facility_id',
        `其他项目不涉及单个机构（给出的是「${facilityId}」）：涉及一个机构的变化请选 新建、迁建、扩建、升级 或 撤并`,
        `a project of kind other concerns no one facility (got "${facilityId}"): choose new, relocate, expand, upgrade or close for one facility's change`,
      );
    if (type !== null) bad('type', '其他项目不填机构类型', 'a project of kind other takes no facility type');
    facilityId = null;
  } else if (kind === 'new') {
    if (type === null) bad('type', '须选择新机构的类型', "the new facility's type is required");
    if (facilityId) {
      if (present.has(facilityId))
        bad(
          'facility_id',
          `已有编码为「${facilityId}」的机构：新建机构须用新的编码`,
          `a facility "${facilityId}" already exists: a new facility needs a new id`,
        );
      else if (builtBy.has(facilityId))
        bad(
          'facility_id',
          `「${facilityId}」已由 ${builtBy.get(facilityId)!.year} 年的另一个新建项目使用`,
          `"${facilityId}" is already used by another new-facility project (${builtBy.get(facilityId)!.year})`,
        );
    } else if (type !== null) {
      let k = 1;
      while (present.has(`NEW-${type}-${k}`) || builtBy.has(`NEW-${type}-${k}`)) k++;
      facilityId = `NEW-${type}-${k}`;
    }
  } else if (!facilityId) {
    bad('facility_id', '须选择项目所涉及的机构', 'choose the facility the project concerns');
  } else {
    const there = present.get(facilityId);
    const built = builtBy.get(facilityId);
    if (!there && !built) bad('facility_id', `当前情景中没有编码为「${facilityId}」的机构`, `no facility "${facilityId}" in this scenario`);
    else if (!there && built && built.year > year)
      bad(
        'facility_id',
        `机构「${facilityId}」要到 ${built.year} 年才新建，早于此的项目不能涉及它`,
        `facility "${facilityId}" is only built in ${built.year}; a project before that cannot concern it`,
      );
    fromType = there?.type ?? built?.type ?? null;
  }
  if (kind === 'upgrade') {
    if (type === null) bad('type', '须选择升级后的机构类型', 'choose the type it becomes');
    else if (fromType === type) bad('type', `升级后的类型与现有类型（${typeZh(type)}）相同`, `the type it becomes is the type it has (${type})`);
  }

  // Deltas (expand, upgrade, relocate) and a new facility's fields.
  const deltas: Deltas = {};
  for (const [k, d] of Object.entries(input.deltas ?? {})) {
    const l = columnLabel(k);
    if (kind === 'new' || kind === 'close' || other) {
      const what = kind === 'new' ? '新建' : kind === 'close' ? '撤并' : '其他';
      bad(
        'deltas',
        `${what}项目不填增减量${kind === 'new' ? '（新建机构的数字填在机构字段中）' : other ? '（不改变任何机构的数字）' : ''}`,
        `a ${kind === 'new' ? 'new-facility' : kind === 'close' ? 'closure' : 'project of kind other'} takes no changes`,
      );
      break;
    }
    if (!(DELTA_FIELDS as readonly string[]).includes(k)) {
      bad('deltas', `「${l.zh}」不是可增减的数值字段`, `${l.en} is not a figure a project can add to`);
      continue;
    }
    if (typeof d !== 'number' || !Number.isFinite(d) || Math.abs(d) > DELTA_MAX) {
      bad('deltas', `「${l.zh}」的增减量须为数字`, `the change in ${l.en} must be a number`);
      continue;
    }
    if (INT_DELTA_FIELDS.has(k) && !Number.isInteger(d)) {
      bad('deltas', `「${l.zh}」的增减量须为整数`, `the change in ${l.en} must be a whole number`);
      continue;
    }
    if (d !== 0) deltas[k as keyof Deltas] = d;
  }
  if (kind === 'expand' && Object.keys(deltas).length === 0 && !problems.some((p) => p.field === 'deltas')) {
    bad('deltas', '扩建项目须至少填写一项增减（如 床位 +40）', 'an expansion needs at least one change (e.g. beds +40)');
  }
  const fields: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(input.fields ?? {})) {
    const l = columnLabel(k);
    if (kind !== 'new') {
      bad('fields', '只有新建项目填写机构字段（其他项目用增减量）', 'only a new-facility project takes facility fields');
      break;
    }
    if (!(NEW_FACILITY_FIELDS as readonly string[]).includes(k)) {
      bad(`fields.${k}`, `「${l.zh}」不能在此填写`, `${l.en} cannot be given here`);
      continue;
    }
    const r = FACILITY_FIELD_SCHEMAS[k]!.safeParse(v);
    if (!r.success) {
      const c = FACILITY_COLUMNS.find((x) => x.key === k);
      const range = c?.min !== undefined ? (c.max !== undefined ? `${c.min}–${c.max}` : `≥ ${c.min}`) : '';
      problems.push({
        field: `fields.${k}`,
        message: `新机构的「${l.zh}」无效${range ? `（须为 ${range} 的数）` : ''}：${String(v)}`,
        messageEn: `the new facility's ${l.en} is not valid${range ? ` (${range})` : ''}: ${String(v)}`,
      });
      continue;
    }
    if (r.data !== null) fields[k] = r.data as string | number | boolean;
  }

  const cost = input.cost ?? null;
  if (cost !== null && (!Number.isFinite(cost) || cost < 0 || cost > COST_MAX))
    bad(
      'cost',
      `须为 0 到 ${COST_MAX.toLocaleString('zh-CN')} 之间的数（万元）`,
      `must be a number from 0 to ${COST_MAX.toLocaleString('en-US')} (10,000 yuan)`,
    );

  if (problems.length) return { project: null, problems };
  return {
    problems,
    project: {
      year,
      kind,
      facility_id: other ? null : facilityId!,
      name: text(input.name) ?? '',
      lon: needsSite ? lon : null,
      lat: needsSite ? lat : null,
      unit_code: unitCode,
      type: kind === 'new' || kind === 'upgrade' ? type : null,
      facility_name: kind === 'close' || kind === 'expand' || other ? null : text(input.facility_name),
      deltas,
      fields,
      cost,
      source_document: text(input.source_document),
      source_clause: text(input.source_clause),
      note: text(input.note),
      responsible_unit: text(input.responsible_unit),
      status,
    },
  };
}
