/**
 * The plan as of a year: the scenario's facilities (its present state, as the facilities table holds
 * them) with every project of that year or before applied, in year order (project.ts: byApplyOrder).
 * Pure; the facilities given are never changed (a changed facility is a new object).
 */
import { emptyFacility, type Facility } from '../model/entities.ts';
import { FACILITY_COLUMNS } from '../model/columns.ts';
import { byApplyOrder, INT_DELTA_FIELDS, PROJECT_KIND_LABELS, type Project, type ProjectKind } from './project.ts';

/** A project that could not be applied (error: skipped) or was applied with an assumption (warning). */
export interface TimelineProblem {
  project: number;
  year: number;
  /** The facility concerned (其他项目 are never applied, so are never a problem). */
  facility: string;
  severity: 'error' | 'warning';
  message: string;
  messageEn: string;
}

export interface PlanAtYear {
  year: number;
  facilities: Facility[];
  /** Ids of the projects applied, in the order they were. */
  applied: number[];
  /** How many were applied, by kind. */
  appliedByKind: Record<ProjectKind, number>;
  problems: TimelineProblem[];
}

const FIELD_LABEL = new Map(FACILITY_COLUMNS.map((c) => [c.key as string, { zh: c.zh, en: c.en.toLowerCase() }]));
const fieldLabel = (k: string) => FIELD_LABEL.get(k) ?? { zh: k, en: k };
/** Sums like 1150 + 1200.4 without binary noise (0.1 + 0.2). */
const tidy = (v: number) => Math.round(v * 1e6) / 1e6;

/** The facility a new-facility project brings: its fields, its site and unit; opened in the project's year unless said. */
export function newFacilityOf(p: Project & { facility_id: string }): Facility {
  const blank = emptyFacility(p.facility_id, p.facility_name ?? p.name, p.type ?? 'chc', p.unit_code ?? '');
  return {
    ...blank,
    ...(p.fields as Partial<Facility>),
    id: p.facility_id,
    name: blank.name,
    type: blank.type,
    unit_code: blank.unit_code,
    lon: p.lon,
    lat: p.lat,
    opened_year: (p.fields.opened_year as number | null | undefined) ?? p.year,
  };
}

export function facilitiesAt(facilities: readonly Facility[], projects: readonly Project[], year: number): PlanAtYear {
  const appliedByKind: Record<ProjectKind, number> = { new: 0, relocate: 0, expand: 0, upgrade: 0, close: 0, other: 0 };
  // 其他项目 (a platform, equipment, training) change no facility: never applied, never a problem.
  const due = projects.filter((p) => p.year <= year && p.kind !== 'other').sort(byApplyOrder);
  if (due.length === 0) return { year, facilities: facilities.slice(), applied: [], appliedByKind, problems: [] };

  const out: (Facility | null)[] = facilities.slice();
  const index = new Map<string, number>();
  facilities.forEach((f, i) => index.set(f.id, i));
  const applied: number[] = [];
  const problems: TimelineProblem[] = [];
  const say = (p: Project, severity: TimelineProblem['severity'], zh: string, en: string) =>
    problems.push({
      project: p.id,
      year: p.year,
      facility: p.facility_id ?? '',
      severity,
      message: `${p.year} 年「${p.name}」：${zh}`,
      messageEn: `${p.year} "${p.name}": ${en}`,
    });

  const withDeltas = (p: Project, f: Facility): Facility => {
    const keys = Object.keys(p.deltas);
    if (keys.length === 0) return f;
    const next = { ...f } as Record<string, unknown>;
    for (const k of keys) {
      const d = p.deltas[k as keyof typeof p.deltas];
      if (typeof d !== 'number' || !Number.isFinite(d)) continue;
      const l = fieldLabel(k);
      const before = next[k];
      const base = typeof before === 'number' ? before : 0;
      if (typeof before !== 'number') say(p, 'warning', `机构原来的「${l.zh}」未填，按 0 计`, `the facility's ${l.en} was empty, taken as 0`);
      const v = INT_DELTA_FIELDS.has(k) ? Math.round(base + d) : tidy(base + d);
      if (v < 0) say(p, 'warning', `「${l.zh}」减少 ${-d}，超过原有的 ${base}，按 0 计`, `${l.en} down by ${-d}, more than the ${base} there, taken as 0`);
      next[k] = Math.max(0, v);
    }
    return next as Facility;
  };

  for (const p of due) {
    if (p.facility_id === null) continue; // only 其他项目 has none, filtered out above
    const i = index.get(p.facility_id);
    const current = i === undefined ? null : out[i]!;
    if (p.kind === 'new') {
      if (current) {
        say(p, 'error', `已有编码为「${p.facility_id}」的机构，未计入`, `a facility "${p.facility_id}" is already there; not counted`);
        continue;
      }
      const f = newFacilityOf(p as Project & { facility_id: string });
      if (i === undefined) {
        index.set(f.id, out.length);
        out.push(f);
      } else out[i] = f; // the id of one closed before
      applied.push(p.id);
      appliedByKind.new++;
      continue;
    }
    if (!current) {
      const closed = i !== undefined;
      say(
        p,
        'error',
        closed ? `机构「${p.facility_id}」此前已撤并，未计入` : `找不到机构「${p.facility_id}」（当前情景中没有，也没有更早的新建项目），未计入`,
        closed
          ? `facility "${p.facility_id}" was closed before; not counted`
          : `no facility "${p.facility_id}" (not in this scenario, nor built by an earlier project); not counted`,
      );
      continue;
    }
    let next: Facility | null;
    switch (p.kind) {
      case 'relocate':
        if (p.lon === null || p.lat === null) {
          say(p, 'error', '迁建项目没有新址坐标，未计入', 'a relocation without the new site; not counted');
          continue;
        }
        next = withDeltas(p, { ...current, lon: p.lon, lat: p.lat, unit_code: p.unit_code ?? current.unit_code, name: p.facility_name ?? current.name });
        break;
      case 'upgrade':
        next = withDeltas(p, { ...current, type: p.type ?? current.type, name: p.facility_name ?? current.name });
        break;
      case 'expand':
        next = withDeltas(p, current);
        break;
      case 'close':
        next = null;
        break;
      case 'other':
        continue;
    }
    out[i!] = next;
    applied.push(p.id);
    appliedByKind[p.kind]++;
  }
  return { year, facilities: out.filter((f): f is Facility => f !== null), applied, appliedByKind, problems };
}

const PLURAL_EN: Record<ProjectKind, string> = {
  new: 'new facilities',
  relocate: 'relocations',
  expand: 'expansions',
  upgrade: 'upgrades',
  close: 'closures',
  other: 'other projects',
};

/** "迁建 5 个、扩建 1 个" / "5 relocations, 1 expansion": what was applied, for notes. */
export function appliedInWords(byKind: Record<ProjectKind, number>): { zh: string; en: string } {
  const kinds = (Object.keys(byKind) as ProjectKind[]).filter((k) => byKind[k] > 0);
  return {
    zh: kinds.map((k) => `${PROJECT_KIND_LABELS[k].zh} ${byKind[k]} 个`).join('、'),
    en: kinds.map((k) => `${byKind[k]} ${byKind[k] === 1 ? PROJECT_KIND_LABELS[k].en.toLowerCase() : PLURAL_EN[k]}`).join(', '),
  };
}
