/**
 * The plan year by year (时间轴): for each year of a range, every target of a standard set at region
 * level, evaluated by the gap engine on the facilities and population of that year, and the projects
 * done that year. Access targets too, by the access engine on each year's facilities (`accessOf`; the
 * graph is kept, so a year costs a search): without it they are left unevaluated and the notes say so.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.ts';
import type { TimelineSummary, TimelineYear } from '../../../shared/api/methods/timeline.ts';
import { facilitiesAt, type TimelineProblem } from '../../../shared/timeline/facilities-at.ts';
import { projectCost } from '../../../shared/timeline/lines.ts';
import { getScenario } from '../db/scenarios.ts';
import { type AccessOf, evaluatePlanGaps, gapSettings, planRows } from '../gaps.ts';
import { getSet } from '../standards.ts';
import { projectsOut } from './projects.ts';

/** At most this many years in one summary. */
export const MAX_YEARS = 41;

export interface SummaryQuery {
  scenarioId: number;
  standardId?: string;
  fromYear?: number;
  toYear?: number;
}

/** The default range: the year before the first project (or the set's year) to the year after the last. */
export function defaultRange(projectYears: readonly number[], setYear: number): { from: number; to: number } {
  const years = [...projectYears, setYear];
  const from = Math.max(2000, Math.min(...years) - 1);
  const to = Math.min(2100, Math.max(...years) + 1, from + MAX_YEARS - 1);
  return { from, to };
}

export async function timelineSummary(db: Database.Database, q: SummaryQuery, accessOf?: AccessOf): Promise<TimelineSummary> {
  const t0 = performance.now();
  const scenario = getScenario(db, q.scenarioId);
  const set = getSet(db, q.standardId ?? gapSettings(db).standardId);
  const rows = planRows(db, q.scenarioId);
  const range = defaultRange(
    rows.projects.map((p) => p.year),
    set.year,
  );
  const from = q.fromYear ?? (q.toYear !== undefined ? Math.min(range.from, q.toYear) : range.from);
  const to = q.toYear ?? (q.fromYear !== undefined ? Math.max(range.to, q.fromYear) : range.to);
  if (from > to) throw new ApiError('INVALID_ARGS', `「起始年份」${from} 晚于「截止年份」${to}`, `fromYear ${from} is after toYear ${to}`);
  if (to - from + 1 > MAX_YEARS) {
    throw new ApiError(
      'INVALID_ARGS',
      `年份范围 ${from}–${to} 超过 ${MAX_YEARS} 年：请缩短范围`,
      `The years ${from}–${to} span more than ${MAX_YEARS} years: narrow them`,
    );
  }

  const years: TimelineYear[] = [];
  let region = '';
  let commonNotes: { zh: string[]; en: string[] } | null = null;
  for (let year = from; year <= to; year++) {
    const r = await evaluatePlanGaps(db, { scenarioId: q.scenarioId, standardId: set.id, year, level: 'region', onlyShort: false }, accessOf, rows);
    region ||= r.results[0]?.name ?? '';
    // Notes said every year (the region, how the plan was read) are kept; those of one year (its population, its projects) are not.
    commonNotes = commonNotes
      ? { zh: commonNotes.zh.filter((n) => r.notes.includes(n)), en: commonNotes.en.filter((n) => r.notesEn.includes(n)) }
      : { zh: [...r.notes], en: [...r.notesEn] };
    const ofYear = rows.projects.filter((p) => p.year === year);
    years.push({ year, results: r.results, projects: ofYear.map((p) => p.id), cost: projectCost(ofYear).total });
  }

  // Problems once each, as found applying every project up to the last year shown (or there is).
  const last = Math.max(to, ...rows.projects.map((p) => p.year));
  const problems: TimelineProblem[] = facilitiesAt(rows.facilities, rows.projects, last).problems;
  const hasAccess = set.targets.some((t) => t.kind === 'access');
  const outside = rows.projects.filter((p) => p.year < from || p.year > to).length;
  const notes = [...(commonNotes?.zh ?? []), '人口与机构均按各年份计（人口插值或按增长率推算；机构含截至该年的规划项目）'];
  const notesEn = [
    ...(commonNotes?.en ?? []),
    'Population and facilities are those of each year (population interpolated or projected; facilities with the projects up to that year)',
  ];
  if (hasAccess && !accessOf) {
    notes.push('可及性指标未逐年计算（每年需单独运行路网分析），显示为未评估：请在「差距分析」中选择年份查看');
    notesEn.push(
      'Access targets are not computed year by year (each year needs its own road-network run) and show as not evaluated: see 差距分析 (Gaps) for a year',
    );
  }
  if (outside) {
    const before = rows.projects.filter((p) => p.year < from).length;
    notes.push(`${outside} 个项目不在 ${from}–${to} 年范围内${before ? `（其中 ${before} 个早于 ${from} 年，已计入各年）` : ''}`);
    notesEn.push(
      `${outside} project${outside === 1 ? ' is' : 's are'} outside ${from}–${to}${before ? ` (${before} before ${from}, counted in every year)` : ''}`,
    );
  }
  return {
    standard: set.id,
    standardName: set.name,
    standardNameEn: set.nameEn,
    standardYear: set.year,
    scenario: scenario.name,
    region,
    fromYear: from,
    toYear: to,
    targets: set.targets,
    years,
    projects: projectsOut(db, q.scenarioId, rows.projects),
    cost: projectCost(rows.projects.filter((p) => p.year >= from && p.year <= to)),
    problems,
    notes,
    notesEn,
    ms: Math.round(performance.now() - t0),
  };
}
