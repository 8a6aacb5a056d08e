/**
 * 分年度实施计划 in the briefing and the allocation workbook: the programme a scenario was written from
 * (its years, each year's money, the projects it placed) read against the scenario's projects as they
 * stand — each placed project's year and 投资估算 are the scenario's own (what the timeline and the gap
 * engine count; a project without a 投资估算 at the cost the programme priced it at), so a project the
 * planner moved or re-priced since shows where it now is and is counted as changed. Rows for a Gantt-like table (one a project, or grouped by kind and type when
 * more than fit), and what the last year achieves from the gap engine's own results.
 */
import { type GapResult, VERDICTS } from '../gaps/result.ts';
import type { Target } from '../gaps/standard.ts';
import type { Facility } from '../model/entities.ts';
import { FACILITY_TYPE_LABELS, type FacilityType } from '../model/kinds.ts';
import { KIND_ORDER, PROJECT_KIND_LABELS, type Project, type ProjectKind, projectsBuilding } from '../timeline/project.ts';
import type { Lang } from '../timeline/words.ts';

/** What the briefing reads of a stored programme (shared/api's StoredProgramme has these fields). */
export interface ProgrammeRecord {
  fromYear: number;
  toYear: number;
  carryOver: boolean;
  money: readonly { year: number; amount: number }[];
  placed: readonly { project: number; action: string; year: number; cost: number }[];
  /** As the run said; null when the programme was written without it. */
  gap: number | null;
  optimal: boolean | null;
  written: string;
}

/** A project the programme placed, as the scenario holds it now. */
export interface ProgrammeProject {
  project: number;
  year: number;
  name: string;
  kind: ProjectKind;
  /** 新建, 扩建 … in the language asked. */
  kindLabel: string;
  /** The facility type it builds or concerns, in the language asked ('' for 其他项目 or unknown). */
  typeLabel: string;
  /** The facility's name; for 其他项目 its 责任单位, else —. */
  facility: string;
  /** 投资估算, 万元: the project's own, else (none given) what the programme priced it at. */
  cost: number;
}

export interface ProgrammeYear {
  year: number;
  /** This year's money (万元). */
  money: number;
  /** What could be spent: its money, plus what earlier years left when carried over. */
  available: number;
  /** The placed projects' 投资估算 in this year (万元). */
  spent: number;
  count: number;
}

/** The programme's years and projects as the scenario holds them (the allocation workbook's sheet). */
export interface ProgrammeSchedule {
  fromYear: number;
  toYear: number;
  carryOver: boolean;
  years: ProgrammeYear[];
  /** Placed projects still in the scenario within the years, by year, kind, number. */
  projects: ProgrammeProject[];
  money: number;
  spent: number;
  /** Proven optimal, and the solver's stated gap (0 when optimal); null: not said. */
  optimal: boolean | null;
  gap: number | null;
  written: string;
  /** Placed projects since changed in the scenario: another year or cost (changed), gone, or moved outside the years (outside). */
  changed: number;
  gone: number;
  outside: number;
}

/** The schedule with what its last year achieves: the gap engine's region results in toYear, as the gap screen gives them for that year. */
export interface BriefProgramme extends ProgrammeSchedule {
  last: { year: number; region: GapResult[] };
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The programme against the scenario's projects and facilities (for the types of the facilities a project concerns). */
export function programmeSchedule(
  stored: ProgrammeRecord,
  projects: readonly Project[],
  facilities: readonly Facility[],
  lang: Lang = 'zh-CN',
): ProgrammeSchedule {
  const l = lang === 'en' ? 'en' : 'zh';
  const byId = new Map(projects.map((p) => [p.id, p]));
  const facility = new Map(facilities.map((f) => [f.id, f]));
  const built = projectsBuilding(projects);
  const typeOf = (p: Project): FacilityType | null => {
    if (p.type) return p.type;
    if (p.facility_id === null) return null;
    return facility.get(p.facility_id)?.type ?? built.get(p.facility_id)?.type ?? null;
  };
  let changed = 0,
    gone = 0,
    outside = 0;
  const out: ProgrammeProject[] = [];
  for (const x of stored.placed) {
    const p = byId.get(x.project);
    if (!p) {
      gone++;
      continue;
    }
    // A project with no 投资估算 of its own costs what the programme priced it at (an --estimate, the 造价标准).
    const cost = p.cost ?? x.cost;
    if (p.year !== x.year || r6(cost) !== r6(x.cost)) changed++;
    if (p.year < stored.fromYear || p.year > stored.toYear) {
      outside++;
      continue;
    }
    const f = p.facility_id === null ? undefined : facility.get(p.facility_id);
    const type = typeOf(p);
    out.push({
      project: p.id,
      year: p.year,
      name: p.name,
      kind: p.kind,
      kindLabel: PROJECT_KIND_LABELS[p.kind][l],
      typeLabel: type ? FACILITY_TYPE_LABELS[type][l] : '',
      facility: p.facility_id === null ? (p.responsible_unit ?? '—') : (f?.name ?? p.facility_name ?? p.facility_id),
      cost,
    });
  }
  out.sort((a, b) => a.year - b.year || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.project - b.project);
  const moneyOf = new Map<number, number>();
  for (const m of stored.money) moneyOf.set(m.year, (moneyOf.get(m.year) ?? 0) + m.amount);
  const years: ProgrammeYear[] = [];
  let left = 0;
  for (let y = stored.fromYear; y <= stored.toYear; y++) {
    const these = out.filter((p) => p.year === y);
    const money = moneyOf.get(y) ?? 0;
    const available = r6(money + (stored.carryOver ? Math.max(0, left) : 0));
    const spent = r6(these.reduce((s, p) => s + p.cost, 0));
    left = available - spent;
    years.push({ year: y, money, available, spent, count: these.length });
  }
  return {
    fromYear: stored.fromYear,
    toYear: stored.toYear,
    carryOver: stored.carryOver,
    years,
    projects: out,
    money: r6(years.reduce((s, y) => s + y.money, 0)),
    spent: r6(years.reduce((s, y) => s + y.spent, 0)),
    optimal: stored.optimal,
    gap: stored.gap,
    written: stored.written,
    changed,
    gone,
    outside,
  };
}

/** The schedule and its last year's standing (`last`: the gap engine's region results for stored.toYear). */
export function briefProgramme(
  stored: ProgrammeRecord,
  projects: readonly Project[],
  facilities: readonly Facility[],
  last: BriefProgramme['last'],
  lang: Lang = 'zh-CN',
): BriefProgramme {
  return { ...programmeSchedule(stored, projects, facilities, lang), last };
}

/** At most this many rows on the slide (and in the deck); the rest are grouped, then counted. */
export const PROGRAMME_ROWS = 10;

export interface ProgrammeRow {
  /** project: one placed project; group: the projects of one kind and type; rest: the groups that did not fit. */
  what: 'project' | 'group' | 'rest';
  /** The project's name, or the group's kind · type ('' for rest: the reader words it with its count). */
  label: string;
  /** Under a project's name: its facility. */
  detail: string;
  count: number;
  /** By year: what the row spends (万元) and how many projects. */
  cells: Record<number, { cost: number; count: number }>;
  total: number;
}

function rowOf(what: ProgrammeRow['what'], label: string, detail: string, ps: readonly ProgrammeProject[]): ProgrammeRow {
  const cells: ProgrammeRow['cells'] = {};
  for (const p of ps) {
    const c = (cells[p.year] ??= { cost: 0, count: 0 });
    c.cost = r6(c.cost + p.cost);
    c.count++;
  }
  return { what, label, detail, count: ps.length, cells, total: r6(ps.reduce((s, p) => s + p.cost, 0)) };
}

/**
 * The Gantt table's rows: each placed project when they fit in `max` rows; else one row per kind and
 * type (新建 · 社区卫生服务中心), the costliest first when even those do not fit, with the rest on a last
 * row — every row's cells still add up to the year's spend.
 */
export function programmeRows(p: ProgrammeSchedule, max = PROGRAMME_ROWS): ProgrammeRow[] {
  if (p.projects.length <= max) return p.projects.map((x) => rowOf('project', x.name, x.facility, [x]));
  const groups = new Map<string, ProgrammeProject[]>();
  for (const x of p.projects) {
    const key = x.typeLabel ? `${x.kindLabel} · ${x.typeLabel}` : x.kindLabel;
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  let rows = [...groups].map(([label, ps]) => rowOf('group', label, '', ps));
  const first = (r: ProgrammeRow) => Math.min(...Object.keys(r.cells).map(Number));
  if (rows.length > max) {
    const kept = [...rows].sort((a, b) => b.total - a.total || b.count - a.count).slice(0, max - 1);
    const rest = rows.filter((r) => !kept.includes(r));
    rows = [
      ...kept,
      rowOf(
        'rest',
        '',
        '',
        p.projects.filter((x) => rest.some((r) => groups.get(r.label)!.includes(x))),
      ),
    ];
  }
  return rows.sort((a, b) => Number(a.what === 'rest') - Number(b.what === 'rest') || first(a) - first(b) || b.total - a.total);
}

/** What the programme achieves by its last year, from the gap engine's region results for that year. */
export interface ProgrammeOutcome {
  year: number;
  /** Targets judged (达标/接近/不足) and met, all and binding (约束性). */
  judged: number;
  met: number;
  bindingJudged: number;
  bindingMet: number;
  /** The targets judged but not met, in the set's order. */
  unmet: Target[];
}

export function programmeOutcome(p: BriefProgramme, targets: readonly Target[]): ProgrammeOutcome {
  const status = new Map(p.last.region.map((r) => [r.target, r.status]));
  const judged = targets.filter((t) => VERDICTS.includes(status.get(t.id) ?? 'not_evaluated'));
  const binding = judged.filter((t) => t.binding);
  const met = (ts: Target[]) => ts.filter((t) => status.get(t.id) === 'met').length;
  return {
    year: p.last.year,
    judged: judged.length,
    met: met(judged),
    bindingJudged: binding.length,
    bindingMet: met(binding),
    unmet: judged.filter((t) => status.get(t.id) !== 'met'),
  };
}
