/**
 * 实施计划's settings as typed (text, so a half-typed number stays on screen) and the ProgrammeQuery
 * they make: the years, each year's money (万元), carry-over, recruits a year, the candidate sources,
 * the planner's own candidate actions and the rules set on candidates from the results table.
 */
import type { ProgrammeQueryIn } from '../../../shared/api/methods/programme.ts';
import type { FacilityType } from '../../../shared/model/kinds.ts';

/** The kinds a planner's own action may be (新建/扩建/升级/其他项目). */
export const OWN_KINDS = ['new', 'expand', 'upgrade', 'other'] as const;
export type OwnKind = (typeof OWN_KINDS)[number];

/** Recruits a year the form offers to limit (执业医师/注册护士/全科医生). */
export const STAFF_FIELDS = ['physicians', 'nurses', 'gps'] as const;
export type StaffField = (typeof STAFF_FIELDS)[number];

/** A candidate action the planner adds (one row of 自定项目). */
export interface OwnRow {
  /** Its action id (`own-1` …), stable while the row lives: rules and 在…之后 name it. */
  id: string;
  name: string;
  kind: OwnKind;
  /** The facility it concerns (扩建/升级), by id. */
  facility: string;
  /** 新建: the new facility's type; 升级: the type it becomes. */
  type: FacilityType | '';
  /** 新建: the unit it stands in (code). */
  unit: string;
  /** 扩建: beds added; 新建: its beds. */
  beds: string;
  /** 投资估算, 万元. */
  cost: string;
  fixedYear: string;
  notBefore: string;
  /** The id of an action it must come after ('' none). */
  after: string;
}

/** A rule set on a candidate from the results table (by its action id). */
export interface TableRule {
  fixedYear?: number;
  notBefore?: number;
  exclude?: boolean;
  /** 投资估算 (万元) for a candidate with none (未定价), or replacing its own. */
  cost?: number;
}

export interface ProgrammeForm {
  from: string;
  to: string;
  /** Money by year (万元), as typed. */
  money: Record<string, string>;
  carryOver: boolean;
  staff: Record<StaffField, string>;
  /** The scenario's 计划 projects are candidates. */
  projects: boolean;
  own: OwnRow[];
  rules: Record<string, TableRule>;
  /** The number the next own row's id takes. */
  nextOwn: number;
  /** The standard set chosen (absent: the plan's, gaps.settings). */
  standardId?: string;
}

export const emptyForm = (from: number, to: number): ProgrammeForm => ({
  from: String(from),
  to: String(to),
  money: {},
  carryOver: false,
  staff: { physicians: '', nurses: '', gps: '' },
  projects: true,
  own: [],
  rules: {},
  nextOwn: 1,
});

export function newOwnRow(form: ProgrammeForm): ProgrammeForm {
  const row: OwnRow = {
    id: `own-${form.nextOwn}`,
    name: '',
    kind: 'expand',
    facility: '',
    type: '',
    unit: '',
    beds: '',
    cost: '',
    fixedYear: '',
    notBefore: '',
    after: '',
  };
  return { ...form, own: [...form.own, row], nextOwn: form.nextOwn + 1 };
}

/** A row removed, and every 在…之后 and rule naming it. */
export function removeOwnRow(form: ProgrammeForm, id: string): ProgrammeForm {
  const { [id]: _gone, ...rules } = form.rules;
  return { ...form, own: form.own.filter((r) => r.id !== id).map((r) => (r.after === id ? { ...r, after: '' } : r)), rules };
}

/** A number typed with or without thousands separators; undefined when empty, NaN when not a number. */
export function parseNumber(text: string): number | undefined {
  const s = text.replace(/[,，\s_]/g, '');
  if (s === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

const MAX_YEARS = 30;
const isYear = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= 2000 && n <= 2100;

/** The years from–to as typed, or [] when they are not a range of at most 30 years. */
export function yearsOf(form: Pick<ProgrammeForm, 'from' | 'to'>): number[] {
  const a = parseNumber(form.from);
  const b = parseNumber(form.to);
  if (!isYear(a) || !isYear(b) || b < a || b - a + 1 > MAX_YEARS) return [];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** Every year's money set to the first year's (每年相同). */
export function sameEveryYear(form: ProgrammeForm): ProgrammeForm {
  const years = yearsOf(form);
  if (years.length === 0) return form;
  const first = form.money[String(years[0])] ?? '';
  return { ...form, money: { ...form.money, ...Object.fromEntries(years.map((y) => [String(y), first])) } };
}

/** Why the form makes no query (a key of programme.form.why), or null. */
export type Blocked = 'years' | 'bad' | 'noMoney' | 'noStandard' | null;

export interface Checked {
  /** Fields typed wrong: `from`, `to`, `money.2025`, `staff.nurses`, `own.own-1.cost` … */
  bad: Set<string>;
  blocked: Blocked;
  query: ProgrammeQueryIn | null;
}

/** Candidate sources from the other screens (the ticked siting / allocation proposals: ui/state/programmeProposals). */
export type ProposalSources = Pick<NonNullable<ProgrammeQueryIn['candidates']>, 'siting' | 'allocation'>;

/** The query the form makes for `scenarioId` at `standardId` (null until the plan's set is read), with the proposals ticked. */
export function checkForm(form: ProgrammeForm, scenarioId: number, standardId: string | null, proposals: ProposalSources = {}): Checked {
  const bad = new Set<string>();
  const years = yearsOf(form);
  if (years.length === 0) {
    if (!isYear(parseNumber(form.from))) bad.add('from');
    else bad.add('to');
  }
  const yearIn = (text: string, key: string): number | undefined => {
    const n = parseNumber(text);
    if (n === undefined) return undefined;
    if (!isYear(n)) bad.add(key);
    return isYear(n) ? n : undefined;
  };

  const money: { year: number; amount: number }[] = [];
  for (const y of years) {
    const n = parseNumber(form.money[String(y)] ?? '');
    if (n === undefined) continue;
    if (Number.isNaN(n) || n > 1e8) bad.add(`money.${y}`);
    else money.push({ year: y, amount: n });
  }

  const staff: Partial<Record<StaffField, number>> = {};
  for (const k of STAFF_FIELDS) {
    const n = parseNumber(form.staff[k]);
    if (n === undefined) continue;
    if (Number.isNaN(n) || !Number.isInteger(n) || n > 1e6) bad.add(`staff.${k}`);
    else staff[k] = n;
  }

  const own: NonNullable<NonNullable<ProgrammeQueryIn['candidates']>['own']> = [];
  const rules = new Map<string, NonNullable<ProgrammeQueryIn['rules']>[number]>();
  const ownIds = new Set(form.own.map((r) => r.id));
  for (const r of form.own) {
    const k = (f: string) => `own.${r.id}.${f}`;
    const name = r.name.trim();
    if (!name) bad.add(k('name'));
    const cost = parseNumber(r.cost);
    if (cost !== undefined && (Number.isNaN(cost) || cost > 1e8)) bad.add(k('cost'));
    const beds = parseNumber(r.beds);
    if (beds !== undefined && (Number.isNaN(beds) || !Number.isInteger(beds) || beds > 1e6)) bad.add(k('beds'));
    const facility = r.facility.trim();
    if ((r.kind === 'expand' || r.kind === 'upgrade') && !facility) bad.add(k('facility'));
    if ((r.kind === 'new' || r.kind === 'upgrade') && !r.type) bad.add(k('type'));
    if (r.kind === 'new' && !r.unit.trim()) bad.add(k('unit'));
    const fixedYear = yearIn(r.fixedYear, k('fixedYear'));
    const notBefore = yearIn(r.notBefore, k('notBefore'));
    const okBeds = beds !== undefined && !Number.isNaN(beds) && beds > 0 ? beds : undefined;
    own.push({
      id: r.id,
      name: name || r.id,
      kind: r.kind,
      ...(r.kind === 'expand' || r.kind === 'upgrade' ? { facility_id: facility } : {}),
      ...(r.kind === 'new' ? { type: r.type || null, unit_code: r.unit.trim() || null, facility_name: name || null } : {}),
      ...(r.kind === 'upgrade' ? { type: r.type || null } : {}),
      ...(r.kind === 'expand' && okBeds !== undefined ? { deltas: { beds_open: okBeds } } : {}),
      ...(r.kind === 'new' && okBeds !== undefined ? { fields: { beds_open: okBeds } } : {}),
      ...(cost !== undefined && !Number.isNaN(cost) ? { cost } : {}),
    });
    const after = r.after && r.after !== r.id && (ownIds.has(r.after) || !r.after.startsWith('own-')) ? [r.after] : [];
    if (fixedYear !== undefined || notBefore !== undefined || after.length > 0)
      rules.set(r.id, {
        action: r.id,
        ...(fixedYear !== undefined ? { fixedYear } : {}),
        ...(notBefore !== undefined ? { notBefore } : {}),
        ...(after.length ? { after } : {}),
      });
  }
  // The table's rules (on any candidate) add to the row's own and win where both say a year.
  for (const [action, t] of Object.entries(form.rules)) {
    if (!t.exclude && t.fixedYear === undefined && t.notBefore === undefined && t.cost === undefined) continue;
    rules.set(action, { ...(rules.get(action) ?? {}), action, ...t });
  }

  const standardBlocked = !standardId;
  const blocked: Blocked = years.length === 0 ? 'years' : bad.size > 0 ? 'bad' : money.length === 0 ? 'noMoney' : standardBlocked ? 'noStandard' : null;
  if (blocked || !standardId) return { bad, blocked, query: null };
  return {
    bad,
    blocked,
    query: {
      scenarioId,
      standardId,
      fromYear: years[0]!,
      toYear: years.at(-1)!,
      money,
      carryOver: form.carryOver,
      ...(Object.keys(staff).length ? { staff } : {}),
      candidates: { projects: form.projects, ...proposals, own },
      rules: [...rules.values()],
    },
  };
}

/** The same settings? (Compared as sent, the scenario aside: another scenario is said on its own.) */
export const sameQuery = (a: ProgrammeQueryIn | null, b: ProgrammeQueryIn | null) =>
  !!a && !!b && JSON.stringify({ ...a, scenarioId: 0 }) === JSON.stringify({ ...b, scenarioId: 0 });
