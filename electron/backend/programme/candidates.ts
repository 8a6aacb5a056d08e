/**
 * 候选项目: the actions a programme may place — the scenario's own 计划 projects of the range, a siting
 * proposal's sites, an allocation's expansions, the planner's own — each completed as a project of the
 * scenario would be (its unit, its name), priced (its own 投资估算, else the 造价标准: what it adds × the
 * price, as compare prices a scenario) and given the planner's rules (fixed year, not before, after).
 */
import type Database from 'better-sqlite3';
import { RESOURCE_MEASURE } from '../../../shared/allocation/index.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ProgrammeQueryOut } from '../../../shared/api/methods/programme.ts';
import { type CostTable, costOf, resourceDelta, WAN } from '../../../shared/compare/costs.ts';
import type { Facility } from '../../../shared/model/entities.ts';
import type { ProgrammeAction, StaffCategory } from '../../../shared/programme/types.ts';
import { STAFF_CATEGORIES } from '../../../shared/programme/types.ts';
import { facilitiesAt } from '../../../shared/timeline/facilities-at.ts';
import type { Project, ProjectInput } from '../../../shared/timeline/project.ts';
import { completeProject, type ScenarioRows } from '../timeline/projects.ts';
import { type ViewScope, viewScope } from '../scope.ts';

/**
 * The scenario's projects that are candidates: 计划 (planned) ones of the range, in the region
 * (`inRegion`: its facility's or its own unit is in it; null: the whole plan); the rest stay as they are.
 */
export function isCandidateProject(p: Project, years: { fromYear: number; toYear: number }, inRegion: ((p: Project) => boolean) | null): boolean {
  return p.status === 'planned' && p.year >= years.fromYear && p.year <= years.toYear && (inRegion === null || inRegion(p));
}

/** Whether a project lies in the region (units: the region's unit codes; a 其他项目 without a unit counts for the whole plan only). */
export function projectInRegion(rows: ScenarioRows, units: ReadonlySet<string> | null): ((p: Project) => boolean) | null {
  if (units === null) return null;
  const unitOf = new Map(rows.facilities.map((f) => [f.id, f.unit_code]));
  for (const p of rows.projects) if (p.kind === 'new' && p.facility_id && p.unit_code) unitOf.set(p.facility_id, p.unit_code);
  return (p) => {
    const unit =
      p.kind === 'new' || p.kind === 'relocate' || p.kind === 'other'
        ? (p.unit_code ?? (p.facility_id ? unitOf.get(p.facility_id) : null))
        : unitOf.get(p.facility_id ?? '');
    return unit !== null && unit !== undefined && units.has(unit);
  };
}

/** Yuan → 万元, to the yuan. */
const wan = (yuan: number) => Math.round((yuan / WAN) * 1e4) / 1e4;

/** What a project costs at the table's prices (万元), or null when nothing it changes has a price. */
export function priced(project: Omit<Project, 'id'>, facilities: readonly Facility[], costs: CostTable): number | null {
  const before = project.facility_id ? facilities.filter((f) => f.id === project.facility_id) : [];
  const after = facilitiesAt(before, [{ ...project, id: 1 }], project.year).facilities;
  const c = costOf(resourceDelta(before, after), costs);
  return c.lines.length > 0 ? wan(c.total) : null;
}

function staffOf(p: Omit<Project, 'id'>): ProgrammeAction['staff'] {
  const out: Partial<Record<StaffCategory, number>> = {};
  for (const c of STAFF_CATEGORIES) {
    const v = p.kind === 'new' ? p.fields[c] : p.deltas[c as keyof Project['deltas']];
    if (typeof v === 'number' && v > 0) out[c] = v;
  }
  return out;
}

/**
 * The run's scope, found once (the one place every view takes it from, scope.ts): the set asked for (else
 * the plan's), the region it is applied to (the planner's choice, else the one it names), that region's units
 * and the scenario's rows (`scenarioId`: the scenario's, when not the query's). The candidates, the model and
 * the access points all take their region from it.
 */
export function programmeScope(db: Database.Database, q: ProgrammeQueryOut, scenarioId = q.scenarioId): ViewScope {
  return viewScope(db, { scenarioId, standardId: q.standardId, year: q.fromYear });
}

export interface CandidateContext {
  db: Database.Database;
  scenarioId: number;
  /** The run's scope (programmeScope): its rows are the scenario's, its region the one candidates are taken from. */
  scope: ViewScope;
  costs: CostTable;
}

/** Every candidate of the query, in order: projects, siting, allocation, the planner's own; rules applied, excluded ones left out. */
export interface Candidates {
  actions: ProgrammeAction[];
  /** Ids the rules leave out. */
  excluded: string[];
  /** Whether a project of the scenario is one of the candidates (the others stay as they are). */
  isCandidate: (p: Project) => boolean;
}

export function candidateActions(q: ProgrammeQueryOut, ctx: CandidateContext): Candidates {
  const { rows, region, units } = ctx.scope;
  const out: ProgrammeAction[] = [];
  // Completed against the scenario without its candidate projects (they are what is being placed).
  // The region's units (its top units and all below them); null (the set's region is not in the plan): the whole plan.
  const inRegion = projectInRegion(rows, region.applicable ? new Set(units.map((u) => u.code)) : null);
  const candidate = (p: Project) => q.candidates.projects && isCandidateProject(p, q, inRegion);
  const fixedRows: ScenarioRows = { ...rows, projects: rows.projects.filter((p) => !candidate(p)) };
  const add = (id: string, source: ProgrammeAction['source'], input: Omit<ProjectInput, 'year'>, own: number | null) => {
    let p: Omit<Project, 'id'>;
    try {
      p = completeProject(ctx.db, ctx.scenarioId, { ...input, year: q.fromYear }, undefined, fixedRows);
    } catch (e) {
      if (e instanceof ApiError) throw new ApiError('INVALID_ARGS', `候选项目「${id}」：${e.message}`, `Candidate "${id}": ${e.messageEn}`, e.details);
      throw e;
    }
    const cost = own ?? priced(p, rows.facilities, ctx.costs);
    const { year: _, ...project } = p;
    out.push({
      id,
      name: p.name,
      kind: p.kind,
      source,
      facility: p.facility_id,
      unit: p.unit_code ?? rows.facilities.find((f) => f.id === p.facility_id)?.unit_code ?? null,
      cost,
      costFrom: own !== null ? 'own' : cost !== null ? 'cost_table' : null,
      staff: staffOf(p),
      project: project as Omit<ProjectInput, 'year'>,
    });
  };

  for (const p of rows.projects) {
    if (!candidate(p)) continue;
    const { id, year: _y, ...input } = p;
    add(`project:${id}`, 'project', { ...input, facility_id: input.facility_id ?? undefined }, p.cost);
    // The plan's own: done within the range, in its own year unless the money or the targets say otherwise.
    const a = out[out.length - 1]!;
    a.required = true;
    a.preferredYear = p.year;
  }
  const ids = new Set(rows.facilities.map((f) => f.id));
  for (const s of q.candidates.siting?.sites ?? []) {
    const type = q.candidates.siting!.type;
    if (s.source === 'upgrade') add(`site:${s.id}`, 'siting', { kind: 'upgrade', facility_id: s.id, type, name: `${s.name}升级` }, null);
    else
      add(
        `site:${s.id}`,
        'siting',
        { kind: 'new', facility_id: ids.has(s.id) ? `NEW-${type}-${s.id}` : s.id, type, lon: s.lon, lat: s.lat, facility_name: s.name, note: '来自选址方案' },
        null,
      );
  }
  const gains = new Map<string, Record<string, number>>();
  for (const l of q.candidates.allocation?.lines ?? []) {
    if (l.amount <= 0) continue;
    const g = gains.get(l.facility) ?? {};
    g[RESOURCE_MEASURE[l.resource]] = (g[RESOURCE_MEASURE[l.resource]] ?? 0) + l.amount;
    gains.set(l.facility, g);
  }
  for (const [facility, deltas] of gains)
    add(`alloc:${facility}`, 'allocation', { kind: 'expand', facility_id: facility, deltas, note: '来自资源配置测算' }, null);
  for (const a of q.candidates.own) {
    const { id, cost, ...input } = a;
    add(id, 'planner', input as Omit<ProjectInput, 'year'>, cost ?? null);
  }

  const seen = new Set<string>();
  for (const a of out) {
    if (seen.has(a.id)) throw new ApiError('INVALID_ARGS', `候选项目编号「${a.id}」重复`, `Candidate id "${a.id}" appears twice`);
    seen.add(a.id);
  }
  const excluded: string[] = [];
  for (const r of q.rules) {
    const a = out.find((x) => x.id === r.action);
    if (!a) throw new ApiError('INVALID_ARGS', `规则指向的候选项目「${r.action}」不存在`, `A rule names no candidate "${r.action}"`);
    if (r.exclude) excluded.push(a.id);
    if (r.cost !== undefined) {
      a.cost = r.cost;
      a.costFrom = 'own';
    }
    if (r.fixedYear !== undefined) a.fixedYear = r.fixedYear;
    if (r.required !== undefined) a.required = r.required;
    if (r.notBefore !== undefined) a.notBefore = r.notBefore;
    if (r.after) {
      for (const b of r.after)
        if (!seen.has(b))
          throw new ApiError('INVALID_ARGS', `「${a.id}」须在「${b}」之后：没有候选项目「${b}」`, `"${a.id}" after "${b}": no candidate "${b}"`);
      a.after = [...(a.after ?? []), ...r.after];
    }
  }
  for (const a of out) {
    if (a.fixedYear !== undefined && (a.fixedYear < q.fromYear || a.fixedYear > q.toYear))
      throw new ApiError(
        'INVALID_ARGS',
        `「${a.name}」固定在 ${a.fixedYear} 年，不在 ${q.fromYear}–${q.toYear} 年内`,
        `"${a.name}" is fixed to ${a.fixedYear}, outside ${q.fromYear}–${q.toYear}`,
      );
  }
  return { actions: out.filter((a) => !excluded.includes(a.id)), excluded, isCandidate: (p) => Boolean(candidate(p)) };
}
