/**
 * programme.run: the candidates (candidates.ts) compiled to the programme's model (shared/programme),
 * solved, and every year's figure taken from the gap engine on the scenario the programme would write
 * (the scenario's projects that are not candidates, plus the placed ones in their years) — so what the
 * programme says of a year is what `healthplan gaps --year` says of the scenario programme.apply writes.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.ts';
import type {
  ProgrammeActionOut,
  ProgrammeCell,
  ProgrammeOut,
  ProgrammeQueryOut,
  ProgrammeTarget,
  ProgrammeUnscheduled,
  ProgrammeYearOut,
} from '../../../shared/api/methods/programme.ts';
import { type CostTable, CostTableSchema, normaliseCostTable } from '../../../shared/compare/costs.ts';
import type { GapResult } from '../../../shared/gaps/result.ts';
import type { StandardSet } from '../../../shared/gaps/standard.ts';
import type { Facility } from '../../../shared/model/entities.ts';
import { compileProgramme } from '../../../shared/programme/compile.ts';
import { costToMeet, solveProgramme } from '../../../shared/programme/mip.ts';
import { evaluate, type Problem, type Schedule } from '../../../shared/programme/problem.ts';
import { actionProject, type ProgrammeAction, STAFF_CATEGORIES, type UnscheduledWhy } from '../../../shared/programme/types.ts';
import type { MipSolver } from '../../../shared/siting/mip.ts';
import { facilitiesAt } from '../../../shared/timeline/facilities-at.ts';
import { byApplyOrder, type Project } from '../../../shared/timeline/project.ts';
import { readCosts } from '../compare/handlers.ts';
import { getScenario } from '../db/scenarios.ts';
import { type AccessOf, evaluatePlanGaps, type PlanRows } from '../gaps.ts';
import { type AccessPoints, accessInputs } from './access-terms.ts';
import { candidateActions, programmeScope } from './candidates.ts';

/** At most this many years in one programme. */
export const MAX_PROGRAMME_YEARS = 41;
const DEFAULT_SECONDS = 8;

/** The candidates as projects of their years (numbered after the plan's own, so they apply after them within a year). */
export function placedProjects(actions: readonly ProgrammeAction[], yearOf: ReadonlyMap<string, number>, firstId: number): Project[] {
  return actions.flatMap((a, i) => {
    const year = yearOf.get(a.id);
    return year === undefined ? [] : [actionProject(a, firstId + i, year)];
  });
}

/** The run's prices: the plan's 造价标准 with the query's entries over it. */
function pricesOf(db: Database.Database, q: ProgrammeQueryOut): CostTable {
  const plan = readCosts(db);
  if (!q.costs) return plan;
  const r = CostTableSchema.safeParse({ perUnit: { ...plan.perUnit, ...q.costs.perUnit }, perFacility: { ...plan.perFacility, ...q.costs.perFacility } });
  if (!r.success) throw new ApiError('INVALID_ARGS', `造价无效：${r.error.issues[0]?.message}`, `Invalid costs: ${r.error.issues[0]?.message}`);
  return normaliseCostTable(r.data);
}

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
const cell = (r: GapResult | undefined): ProgrammeCell => ({ value: r?.value ?? null, shortfall: r?.shortfall ?? null, status: r?.status ?? 'missing_data' });
const outAction = (a: ProgrammeAction): ProgrammeActionOut => {
  const { project: _, ...rest } = a;
  return rest;
};

/** Each target's region line for every year, as the gap engine gives it on `rows`. */
async function regionLines(db: Database.Database, q: ProgrammeQueryOut, set: StandardSet, years: readonly number[], rows: PlanRows, accessOf?: AccessOf) {
  const out = new Map<number, Map<string, GapResult>>();
  let region = '';
  const notes = new Set<string>(),
    notesEn = new Set<string>();
  for (const year of years) {
    const r = await evaluatePlanGaps(db, { scenarioId: q.scenarioId, standardId: set.id, year, level: 'region', onlyShort: false }, accessOf, rows);
    const byTarget = new Map<string, GapResult>();
    for (const x of r.results) if (x.scope === 'region' && !byTarget.has(x.target)) byTarget.set(x.target, x);
    out.set(year, byTarget);
    region ||= r.region.name;
    if (year === years[0]) {
      r.notes.forEach((n) => notes.add(n));
      r.notesEn.forEach((n) => notesEn.add(n));
    }
  }
  return { lines: out, region, notes: [...notes], notesEn: [...notesEn] };
}

export async function runProgramme(
  db: Database.Database,
  q: ProgrammeQueryOut,
  solver: MipSolver | undefined,
  accessOf?: AccessOf,
  accessPoints?: AccessPoints,
): Promise<ProgrammeOut & { schedule: Map<string, number>; actions: ProgrammeAction[] }> {
  const t0 = performance.now();
  const scenario = getScenario(db, q.scenarioId);
  // The set, its region and the scenario's rows, found once for the candidates, the model and the access points.
  const scope = programmeScope(db, q);
  const { set, appliedTo, rows } = scope;
  if (q.fromYear > q.toYear)
    throw new ApiError('INVALID_ARGS', `「起始年份」${q.fromYear} 晚于「截止年份」${q.toYear}`, `fromYear ${q.fromYear} is after toYear ${q.toYear}`);
  if (q.toYear - q.fromYear + 1 > MAX_PROGRAMME_YEARS)
    throw new ApiError('INVALID_ARGS', `年份范围超过 ${MAX_PROGRAMME_YEARS} 年：请缩短范围`, `More than ${MAX_PROGRAMME_YEARS} years: narrow them`);
  const years = Array.from({ length: q.toYear - q.fromYear + 1 }, (_, i) => q.fromYear + i);
  const moneyOf = new Map<number, number>();
  for (const m of q.money) {
    if (m.year < q.fromYear || m.year > q.toYear)
      throw new ApiError('INVALID_ARGS', `资金年份 ${m.year} 不在 ${q.fromYear}–${q.toYear} 年内`, `Money for ${m.year}, outside ${q.fromYear}–${q.toYear}`);
    moneyOf.set(m.year, (moneyOf.get(m.year) ?? 0) + m.amount);
  }
  const money = years.map((y) => moneyOf.get(y) ?? 0);

  const { actions: all, excluded, isCandidate } = candidateActions(q, { db, scenarioId: q.scenarioId, scope, costs: pricesOf(db, q) });
  const kept = rows.projects.filter((p) => !isCandidate(p));

  // Those that cannot be placed: unpriced, not before a year after the range; and, in turn, those after them.
  const why = new Map<string, UnscheduledWhy>();
  for (const a of all) {
    if (a.cost === null) why.set(a.id, 'unpriced');
    else if (a.notBefore !== undefined && a.notBefore > q.toYear) why.set(a.id, 'too_late');
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of all)
      if (!why.has(a.id) && (a.after ?? []).some((b) => why.has(b) || excluded.includes(b))) {
        why.set(a.id, 'dependency');
        changed = true;
      }
  }
  const actions = all.filter((a) => !why.has(a.id));

  const baseCache = new Map<number, Facility[]>();
  const baseAt = (y: number) => {
    let f = baseCache.get(y);
    if (!f) baseCache.set(y, (f = facilitiesAt(rows.facilities, kept, y).facilities));
    return f;
  };
  // Fixed actions over a year's money: say what is missing, and solve with the money they need.
  const fixedSpend = years.map((y) => actions.filter((a) => a.fixedYear === y).reduce((s, a) => s + (a.cost ?? 0), 0));
  const missing: { year: number; amount: number }[] = [];
  let carry = 0;
  const solveMoney = money.slice();
  years.forEach((y, i) => {
    const available = (q.carryOver ? carry : 0) + money[i]!;
    if (fixedSpend[i]! > available + 1e-9) {
      missing.push({ year: y, amount: r4(fixedSpend[i]! - available) });
      solveMoney[i] = money[i]! + (fixedSpend[i]! - available);
    }
    carry = Math.max(0, available - fixedSpend[i]!);
  });

  // 全域覆盖 access targets, from the access engine, where a candidate can change who is reached.
  const touched = new Set(actions.filter((a) => a.kind !== 'other' && a.facility).map((a) => a.facility!));
  const within = scope.region.applicable ? scope.region.codes : [];
  const access = accessPoints ? await accessInputs(set.targets, years, baseAt, actions, touched, accessPoints, within) : new Map();
  let compiled: ReturnType<typeof compileProgramme>;
  try {
    compiled = compileProgramme({
      set,
      units: rows.units,
      populations: rows.populations,
      appliedTo,
      years,
      baseAt,
      actions,
      money: solveMoney,
      carryOver: q.carryOver,
      staff: q.staff ?? {},
      access,
    });
  } catch (e) {
    if (e instanceof RangeError) {
      const [zh, en] = e.message.split(' / ');
      throw new ApiError('INVALID_ARGS', zh!, en ?? zh!);
    }
    throw e;
  }
  const { problem, modelled } = compiled;
  // The time limit is the whole run's: the staged solve most of it, the cost to meet each unmet target a tenth
  // between them, the rest for the gap engine's years (with their access analyses) and the notes.
  const seconds = q.timeLimitSeconds ?? DEFAULT_SECONDS;
  const solved = solveProgramme(problem, solver, { timeLimitSeconds: seconds * 0.6 });
  const schedule = new Map<string, number>();
  actions.forEach((a, i) => {
    if (solved.schedule[i]! >= 0) schedule.set(a.id, years[solved.schedule[i]!]!);
  });

  // The gap engine on the scenario without and with the programme.
  const firstId = Math.max(0, ...rows.projects.map((p) => p.id)) + 1;
  const placed = placedProjects(actions, schedule, firstId);
  const after = await regionLines(db, q, set, years, { ...rows, projects: [...kept, ...placed].sort(byApplyOrder) }, accessOf);
  const before = await regionLines(db, q, set, years, { ...rows, projects: kept }, accessOf);

  const last = q.toYear;
  const totalMoney = money.reduce((s, m) => s + m, 0);
  const unmetCount = set.targets.filter((t, ti) => {
    const end = after.lines.get(last)?.get(t.id)?.status;
    return modelled[ti] && (end === 'short' || end === 'near');
  }).length;
  const meetSeconds = Math.max(0.05, (seconds * 0.1) / Math.max(1, unmetCount));
  const targets: ProgrammeTarget[] = set.targets.map((t, ti) => {
    const by_year: Record<string, ProgrammeCell> = {},
      was: Record<string, ProgrammeCell> = {};
    for (const y of years) {
      by_year[y] = cell(after.lines.get(y)!.get(t.id));
      was[y] = cell(before.lines.get(y)!.get(t.id));
    }
    const metYear = (c: Record<string, ProgrammeCell>) => years.find((y) => c[y]!.status === 'met') ?? null;
    const out: ProgrammeTarget = {
      target: t.id,
      name: t.name,
      nameEn: t.nameEn,
      binding: t.binding,
      unit: t.unit,
      scope: 'region',
      code: 'region',
      met_year: metYear(by_year),
      met_year_before: metYear(was),
      by_year,
      before: was,
      modelled: modelled[ti]!,
    };
    const end = by_year[last]!;
    if (modelled[ti] && solver && (end.status === 'short' || end.status === 'near')) {
      const minCost = costToMeet(problem, ti, solver, meetSeconds);
      out.unmet =
        minCost === undefined
          ? {
              reachable: null,
              minCost: null,
              text: `${last} 年仍未达标；达标所需的最少投资未能在时限内求出（可放宽求解时限）`,
              textEn: `Not met in ${last}; the least cost to meet it was not found within the time limit (allow more time)`,
            }
          : minCost === null
            ? {
                reachable: false,
                minCost: null,
                text: `即使实施全部候选项目，${last} 年仍未达标：需要候选之外的项目`,
                textEn: `Not met in ${last} even with every candidate done: it needs actions beyond the candidates`,
              }
            : {
                reachable: true,
                minCost: r4(minCost),
                text: `除已固定的项目外，候选项目中至少需投资 ${r4(minCost)} 万元的项目才能在 ${last} 年达标（${q.fromYear}–${last} 年资金合计 ${r4(totalMoney)} 万元，且须与其他指标分用）`,
                textEn: `Besides the fixed actions, candidates costing at least ${r4(minCost)} (10k yuan) would meet it in ${last} (the money of ${q.fromYear}–${last} is ${r4(totalMoney)}, shared with the other targets)`,
              };
    }
    return out;
  });

  const yearsOut = yearsOf(years, money, q, actions, solved.schedule, problem);
  const unscheduled = unscheduledOf(all, why, actions, solved.schedule, problem, yearsOut, excluded, q.carryOver);
  const notes: string[] = [...after.notes],
    notesEn: string[] = [...after.notesEn];
  notes.push(
    '目标：先在资金允许时安排全部必做项目（本情景的计划项目），再使约束性指标的缺口最小，再使预期性指标的缺口最小，再使投资最少，最后尽量保持项目原定年份；缺口按各指标起始缺口的比例 × 常住人口逐年相加（越早达标越好）',
  );
  notesEn.push(
    "Objective: every required action (the scenario's own planned projects) placed as far as the money allows, then least shortfall of the binding targets, then of the others, then least cost, then projects kept in their own years; each shortfall as a share of the target at the start × the resident population, summed over the years (earlier is better)",
  );
  const notModelled = set.targets.filter((_, i) => !modelled[i]);
  if (set.targets.some((t, i) => t.kind === 'access' && modelled[i])) {
    notes.push('全域覆盖的可及性指标按通行时间分析纳入测算：每个候选位置单独分析可覆盖的需求点，多处覆盖取并集（与差距分析同一方法）');
    notesEn.push(
      "Access targets of full coverage are in the optimisation: each candidate place analysed for the demand points it reaches, several places reaching the union (the gap screen's method)",
    );
  }
  if (notModelled.some((t) => t.kind === 'access')) {
    notes.push(
      accessOf
        ? '可及性指标逐年按当年机构由路网分析计算并列出，但不参与优化（各候选项目对通行时间的影响需逐一分析）：可用「选址」为其提出候选'
        : '可及性指标未纳入测算（每年需单独运行路网分析）：请在「差距分析」中按年份查看',
    );
    notesEn.push(
      accessOf
        ? "Access targets are computed each year by the road-network analysis on that year's facilities and shown, but are not optimised (each candidate's effect on travel times would need its own run): 选址 (siting) proposes candidates for them"
        : 'Access targets are not in the optimisation (each year needs its own road-network run): see 差距分析 (Gaps) for a year',
    );
  }
  for (const m of missing) {
    notes.push(`${m.year} 年已固定的项目超出当年可用资金 ${m.amount} 万元：按固定安排计入，需追加资金或调整固定年份`);
    notesEn.push(`${m.year}: the fixed actions exceed the money available by ${m.amount} (10k yuan): kept as fixed; add money or move them`);
  }
  if (solved.infeasible) {
    notes.push('规则相互冲突（固定年份、不早于与先后关系无法同时满足）：结果为启发式安排，请检查规则');
    notesEn.push('The rules conflict (fixed years, not-before and order cannot all hold): the schedule shown is the heuristic one; check the rules');
  }
  for (const m of moved(actions, schedule, unscheduled)) {
    notes.push(m.zh);
    notesEn.push(m.en);
  }
  const mismatch = modelMismatch(problem, solved.schedule, set, years, after.lines, modelled);
  if (mismatch.length) {
    notes.push(`模型与差距引擎在以下指标上不一致（以差距引擎为准）：${mismatch.join('、')}`);
    notesEn.push(`The model and the gap engine differ on (the gap engine's figures are shown): ${mismatch.join(', ')}`);
  }

  return {
    standard: set.id,
    standardName: set.name,
    standardNameEn: set.nameEn,
    scenario: scenario.name,
    scenarioId: q.scenarioId,
    region: after.region,
    fromYear: q.fromYear,
    toYear: q.toYear,
    carryOver: q.carryOver,
    years: yearsOut,
    unscheduled,
    targets,
    objective: { binding: r4(solved.binding), expected: r4(solved.expected), cost: r4(solved.cost) },
    bound: { binding: r4(solved.bound.binding), expected: r4(solved.bound.expected) },
    gap: r4(solved.gap),
    optimal: solved.optimal,
    solver: solved.solver,
    candidates: all.length,
    ...(missing.length ? { moneyMissing: missing } : {}),
    notes,
    notesEn,
    ms: Math.round(performance.now() - t0),
    schedule,
    actions,
  };
}

function yearsOf(
  years: readonly number[],
  money: readonly number[],
  q: ProgrammeQueryOut,
  actions: readonly ProgrammeAction[],
  s: Schedule,
  p: Problem,
): ProgrammeYearOut[] {
  let carry = 0;
  return years.map((year, y) => {
    const placed = actions.filter((_, i) => s[i] === y);
    const spent = r4(placed.reduce((sum, a) => sum + (a.cost ?? 0), 0));
    const available = r4((q.carryOver ? carry : 0) + money[y]!);
    carry = Math.max(0, available - spent);
    const staff: ProgrammeYearOut['staff'] = {};
    STAFF_CATEGORIES.forEach((c, k) => {
      if (Number.isFinite(p.staffLimit[k]!)) staff[c] = { used: placed.reduce((sum, a) => sum + (a.staff[c] ?? 0), 0), limit: p.staffLimit[k]! };
    });
    return { year, money: money[y]!, available, spent, actions: placed.map(outAction), staff };
  });
}

const WHY: Record<UnscheduledWhy, [string, string]> = {
  money: ['资金不足：各年可用资金已用于更优先的项目', 'Not enough money: each year’s money went to actions that close more'],
  staff: ['招聘名额不足', 'Not enough recruits a year'],
  no_effect: ['不改变所选标准中已纳入测算的指标（或其他项目已使其达标）', 'Changes no target in the optimisation (or others already meet them)'],
  unpriced: ['未填投资估算，造价标准也无法计价：请填写投资估算或造价标准', 'No cost: give its 投资估算 or fill in the 造价标准'],
  dependency: ['其前置项目未安排', 'An action it must follow is not placed'],
  too_late: ['「不早于」年份在范围之后', 'Its not-before year is after the range'],
  conflict: ['规则冲突', 'The rules conflict'],
};

function unscheduledOf(
  all: readonly ProgrammeAction[],
  why: ReadonlyMap<string, UnscheduledWhy>,
  actions: readonly ProgrammeAction[],
  s: Schedule,
  p: Problem,
  years: readonly ProgrammeYearOut[],
  excluded: readonly string[],
  carryOver: boolean,
): ProgrammeUnscheduled[] {
  const at = new Map(actions.map((a, i) => [a.id, i]));
  const placedIds = new Set(actions.filter((_, i) => s[i]! >= 0).map((a) => a.id));
  const effect = new Set<number>();
  p.groups.forEach((g) =>
    g.actions.forEach((a, bit) => {
      if (g.byYear.some((states) => states[(1 << bit) - 1]!.terms.length > 0)) effect.add(a);
    }),
  );
  const out: ProgrammeUnscheduled[] = [];
  for (const a of all) {
    if (placedIds.has(a.id) || excluded.includes(a.id)) continue;
    let w = why.get(a.id);
    if (!w) {
      const i = at.get(a.id)!;
      const first = p.actions[i]!.first;
      // Money left unspent in a year it may go in (with carry-over, what is left there is what no later year spent).
      const left = years.map((y) => y.available - y.spent);
      if (carryOver) for (let y = left.length - 2; y >= 0; y--) left[y] = Math.min(left[y]!, left[y + 1]!);
      const room = left.slice(first).some((v) => v + 1e-9 >= (a.cost ?? 0));
      const recruits = Object.keys(a.staff).length > 0 && years.some((y) => Object.keys(y.staff).length > 0);
      if ((a.after ?? []).some((b) => !placedIds.has(b))) w = 'dependency';
      else if (room && recruits) w = 'staff';
      else if (a.required || effect.has(i)) w = room ? (a.required ? 'conflict' : 'no_effect') : 'money';
      else w = 'no_effect';
    }
    out.push({ ...outAction(a), why: w, whyText: WHY[w][0], whyTextEn: WHY[w][1] });
  }
  return out;
}

/** Targets where the model's shortfall for the schedule differs from the gap engine's (a guard: they should agree). */
function modelMismatch(
  p: Problem,
  s: Schedule,
  set: StandardSet,
  years: readonly number[],
  lines: ReadonlyMap<number, ReadonlyMap<string, GapResult>>,
  modelled: readonly boolean[],
): string[] {
  // The model's own shortfall of each term for the schedule (problem.ts), summed per target and year.
  const { shortfall } = evaluate(p, s);
  const sum = new Map<string, number>();
  p.terms.forEach((t, i) => {
    const key = `${t.target}:${t.year}`;
    sum.set(key, (sum.get(key) ?? 0) + shortfall[i]!);
  });
  const bad = new Set<string>();
  set.targets.forEach((t, ti) => {
    if (!modelled[ti]) return;
    years.forEach((year, y) => {
      const line = lines.get(year)?.get(t.id);
      if (!line || line.shortfall === null || line.status === 'not_due') return;
      const model = sum.get(`${ti}:${y}`) ?? 0;
      if (Math.abs(Math.max(0, Math.ceil(model - 1e-6)) - line.shortfall) > 0.5) bad.add(t.id);
    });
  });
  return [...bad];
}

/** The plan's own projects the programme places in another year than theirs (or leaves out), and why. */
function moved(
  actions: readonly ProgrammeAction[],
  schedule: ReadonlyMap<string, number>,
  unscheduled: readonly ProgrammeUnscheduled[],
): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  for (const a of actions) {
    if (!a.required || a.preferredYear === undefined) continue;
    const year = schedule.get(a.id);
    if (year === undefined) {
      const u = unscheduled.find((x) => x.id === a.id);
      out.push({
        zh: `「${a.name}」原定 ${a.preferredYear} 年，未能安排：${u?.whyText ?? ''}`,
        en: `"${a.name}" (planned for ${a.preferredYear}) is not placed: ${u?.whyTextEn ?? ''}`,
      });
    } else if (year > a.preferredYear) {
      out.push({
        zh: `「${a.name}」原定 ${a.preferredYear} 年，推迟到 ${year} 年：${a.preferredYear} 年的资金不足，或已用于更能缩小指标缺口的项目（或须在其前置项目之后）`,
        en: `"${a.name}" moves from ${a.preferredYear} to ${year}: the money of ${a.preferredYear} cannot hold it, or closes more of the gaps on other actions (or it must follow another)`,
      });
    } else if (year < a.preferredYear) {
      out.push({
        zh: `「${a.name}」原定 ${a.preferredYear} 年，提前到 ${year} 年：提前实施可更早缩小指标缺口`,
        en: `"${a.name}" moves from ${a.preferredYear} to ${year}: done earlier, it closes a gap sooner`,
      });
    }
  }
  return out;
}
