/**
 * Adding, changing and removing a scenario's projects (规划项目): each checked against the scenario
 * (shared/timeline/check.ts) and completed — a new or relocated facility belongs to the unit its site
 * stands in (place-facility.ts unitAt), names are filled in — before it is written.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.ts';
import { sayIssue } from '../../../shared/api/say-issues.ts';
import type { ProjectOut } from '../../../shared/api/methods/timeline.ts';
import { FacilitySchema, type Facility, type Unit } from '../../../shared/model/entities.ts';
import { FACILITY_TYPE_LABELS } from '../../../shared/model/kinds.ts';
import { checkProject, type CheckedProject } from '../../../shared/timeline/check.ts';
import { facilitiesAt, newFacilityOf, type TimelineProblem } from '../../../shared/timeline/facilities-at.ts';
import { PROJECT_KIND_LABELS, type Project, type ProjectInput } from '../../../shared/timeline/project.ts';
import { deleteProject, getProject, insertProject, listProjects, replaceProject } from '../db/projects.ts';
import { listRows } from '../db/tables.ts';
import { unitAt } from '../place-facility.ts';

/** Every project of the scenario with the problems found applying them all (the last year there is). */
export function projectsOut(db: Database.Database, scenarioId: number, projects = listProjects(db, scenarioId)): ProjectOut[] {
  const last = Math.max(2000, ...projects.map((p) => p.year));
  const { problems } = facilitiesAt(listRows(db, 'facilities', scenarioId), projects, last);
  const byProject = new Map<number, TimelineProblem[]>();
  for (const x of problems) byProject.set(x.project, [...(byProject.get(x.project) ?? []), x]);
  return projects.map((p) => ({ ...p, problems: byProject.get(p.id) ?? [] }));
}

function refuse(problems: { field: string; message: string; messageEn: string }[]): never {
  throw new ApiError(
    'INVALID_ARGS',
    `规划项目无效：${problems.map((p) => p.message).join('；')}`,
    `Invalid project: ${problems.map((p) => p.messageEn).join('; ')}`,
    { problems },
  );
}

/** What a project is checked against: the scenario's facilities, units and other projects. */
export interface ScenarioRows {
  facilities: Facility[];
  units: Unit[];
  projects: Project[];
}

export function scenarioRows(db: Database.Database, scenarioId: number): ScenarioRows {
  return { facilities: listRows(db, 'facilities', scenarioId), units: listRows(db, 'units', scenarioId), projects: listProjects(db, scenarioId) };
}

/**
 * Checks and completes a project of the scenario (`except`: the project being replaced); `rows`: what
 * it is checked against when not the plan's (an import checks each row against the rows before it).
 */
export function completeProject(
  db: Database.Database,
  scenarioId: number,
  input: ProjectInput,
  except?: number,
  rows = scenarioRows(db, scenarioId),
): Omit<Project, 'id'> {
  const { facilities, units } = rows;
  const others = rows.projects.filter((p) => p.id !== except);
  const unitCodes = new Set(units.map((u) => u.code));
  const { project, problems } = checkProject(input, { facilities, projects: others, unitCodes });
  if (!project) refuse(problems);
  const p: CheckedProject = { ...project };
  if ((p.kind === 'new' || p.kind === 'relocate') && !p.unit_code) {
    const unit = unitAt(units, p.lon!, p.lat!);
    if (!unit)
      refuse([
        {
          field: 'unit_code',
          message: '「所在区划」方案中没有可归属的单位：请先导入行政区划',
          messageEn: 'unit: the plan has no unit to place it in; import the units first',
        },
      ]);
    p.unit_code = unit.code;
  }
  const current = facilities.find((f) => f.id === p.facility_id) ?? others.find((o) => o.kind === 'new' && o.facility_id === p.facility_id);
  const currentName = current ? ('facility_name' in current ? (current.facility_name ?? current.name) : current.name) : p.facility_id;
  if (p.kind === 'new') {
    const unitName = units.find((u) => u.code === p.unit_code)?.name ?? '';
    p.facility_name ??= `${unitName}新建${FACILITY_TYPE_LABELS[p.type!].zh}`;
    p.name ||= p.facility_name;
    // The facility it brings must be a valid facility row, as an import or an edit would check.
    const brought = newFacilityOf({ ...p, id: 0, facility_id: p.facility_id! });
    const r = FacilitySchema.safeParse(brought);
    if (!r.success) {
      const i = r.error.issues[0]!;
      const said = sayIssue(i, brought, 'facility');
      refuse([{ field: `fields.${i.path.join('.')}`, message: `新机构：${said.zh}`, messageEn: `New facility: ${said.en}` }]);
    }
  } else if (p.kind !== 'other') {
    // 其他项目 has its name (the check requires one)
    p.name ||= `${currentName}${PROJECT_KIND_LABELS[p.kind].zh}`;
  }
  return p;
}

export function addProject(db: Database.Database, scenarioId: number, input: ProjectInput): ProjectOut {
  const saved = insertProject(db, scenarioId, completeProject(db, scenarioId, input));
  return projectsOut(db, scenarioId).find((p) => p.id === saved.id)!;
}

function requireProject(db: Database.Database, scenarioId: number, id: number): Project {
  const p = getProject(db, scenarioId, id);
  if (!p) throw new ApiError('NOT_FOUND', `当前情景中没有编号为 ${id} 的规划项目`, `No project ${id} in this scenario`);
  return p;
}

export function updateProject(db: Database.Database, scenarioId: number, id: number, input: ProjectInput): ProjectOut {
  requireProject(db, scenarioId, id);
  replaceProject(db, scenarioId, id, completeProject(db, scenarioId, input, id));
  return projectsOut(db, scenarioId).find((p) => p.id === id)!;
}

export function removeProject(db: Database.Database, scenarioId: number, id: number): void {
  requireProject(db, scenarioId, id);
  deleteProject(db, scenarioId, id);
}
