/**
 * `healthplan programme`: the phased programme (分年度实施计划) — which candidate actions in which year,
 * within each year's money, so that the targets are met soonest; text, JSON or the workbook; --apply writes
 * it into a new scenario as projects of their years.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiArgs } from '../../shared/api/contract.ts';
import { OwnActionSchema, type ProgrammeOut } from '../../shared/api/methods/programme.ts';
import { COST_ITEMS } from '../../shared/compare/costs.ts';
import { STATUS_WORDS } from '../../shared/gaps/words.ts';
import { FACILITY_TYPES, type FacilityType } from '../../shared/model/kinds.ts';
import { type ActionSource, STAFF_CATEGORIES } from '../../shared/programme/types.ts';
import { PROJECT_KIND_LABELS } from '../../shared/timeline/project.ts';
import { fileErrorOf } from '../backend/file-errors.ts';
import type { Command } from './api.ts';
import { choice, list } from './options.ts';
import { jsonText, type Lang, UsageError, writeOutput } from './output.ts';
import { scenarioId } from './scenario.ts';

type Query = ApiArgs<'programme.run'>;
type Opts = Record<string, string | boolean | undefined>;
type Rule = NonNullable<Query['rules']>[number];

const MONEY_USAGE =
  '--money: YEAR=AMOUNT,… in 万元 (5000, 5000万, 1.2亿 = 12000万), FROM-TO=AMOUNT for every year of a range; e.g. 2025=5000万,2026-2030=6000万 / 各年资金（万元）';

/** "2025-2030" (or 2025–2030, 2025~2030, or one year) → the years. */
export function parseYears(v: string | boolean | undefined): { from: number; to: number } {
  const usage = '--years: FROM-TO, e.g. 2025-2030 (2000–2100, at most 50 years) / 规划年份';
  if (typeof v !== 'string') throw new UsageError(usage);
  const m = /^\s*(\d{4})\s*(?:[-–~至]\s*(\d{4}))?\s*$/.exec(v);
  if (!m) throw new UsageError(usage);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (from < 2000 || to > 2100 || to < from || to - from >= 50) throw new UsageError(usage);
  return { from, to };
}

/** An amount as a planner writes it → 万元: 5000, 5000万, 5000万元, 1.2亿, 1.2亿元; null when it is none of these. */
export function wanOf(raw: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(万元|万|亿元|亿)?\s*$/.exec(raw.replaceAll(',', ''));
  if (!m) return null;
  const n = Number(m[1]) * (m[2]?.startsWith('亿') ? 10_000 : 1);
  return Number.isFinite(n) ? Math.round(n * 10_000) / 10_000 : null;
}

/**
 * --money 2025=5000万,2026-2030=6000万 → each year's money (万元), every year of the range listed (a year
 * not given has 0, and `missing` names it). A later entry replaces an earlier one for the same year, so
 * `2025-2030=5000万,2027=8000万` is 5000 a year but 8000 in 2027.
 */
export function parseMoney(
  v: string | boolean | undefined,
  years: { from: number; to: number },
): { money: { year: number; amount: number }[]; missing: number[] } {
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(MONEY_USAGE);
  const byYear = new Map<number, number>();
  // 1.2亿 has no comma; a thousands separator inside an amount (5,000万) would split it, so only ',' between items.
  for (const part of v.split(/[,，;；]/).map((x) => x.trim())) {
    if (!part) continue;
    const m = /^(\d{4})(?:\s*[-–~至]\s*(\d{4}))?\s*[=:：]\s*(.+)$/.exec(part);
    const amount = m ? wanOf(m[3]!) : null;
    if (!m || amount === null) throw new UsageError(`${MONEY_USAGE}\n"${part}" is not YEAR=AMOUNT`);
    const a = Number(m[1]);
    const b = Number(m[2] ?? m[1]);
    if (b < a) throw new UsageError(`--money: "${part}": the range ${a}-${b} runs backwards`);
    for (const y of [a, b])
      if (y < years.from || y > years.to)
        throw new UsageError(`--money: ${y} is outside --years ${years.from}-${years.to}; give money only for years of the programme (or widen --years)`);
    if (amount > 1e8) throw new UsageError(`--money: "${part}": at most 100000000 万元 (1万亿元) a year`);
    for (let y = a; y <= b; y++) byYear.set(y, amount);
  }
  const money: { year: number; amount: number }[] = [];
  const missing: number[] = [];
  for (let y = years.from; y <= years.to; y++) {
    money.push({ year: y, amount: byYear.get(y) ?? 0 });
    if (!byYear.has(y)) missing.push(y);
  }
  return { money, missing };
}

/** --staff physicians=40,nurses=60: at most so many recruits a year by category. */
export function parseStaff(v: string | boolean | undefined): Query['staff'] {
  if (v === undefined) return undefined;
  const usage = `--staff: ${STAFF_CATEGORIES.map((c) => `${c}=N`).join(',')} (recruits a year, whole numbers) / 每年可招聘人数`;
  const out: Record<string, number> = {};
  const parts = list(v);
  if (!parts.length) throw new UsageError(usage);
  for (const part of parts) {
    const [k, raw] = part.split('=');
    const n = Number(raw);
    if (!k || !(STAFF_CATEGORIES as readonly string[]).includes(k) || raw === undefined || raw.trim() === '' || !Number.isInteger(n) || n < 0)
      throw new UsageError(`${usage}\n"${part}"`);
    out[k] = n;
  }
  return out;
}

/** --costs beds=300000,physicians=…,facility:chc=800万 (元; 万 accepted) → the run's prices. */
export function parseCosts(v: string | boolean | undefined): Query['costs'] {
  if (v === undefined) return undefined;
  const usage = `--costs: yuan each, as allocate takes them — ${COST_ITEMS.map((c) => `${c}=N`).join(',')} — and facility:TYPE=N per new facility (${FACILITY_TYPES.join(', ')}); 万 accepted (300000 or 30万) / 单位造价（元）`;
  const perUnit: Record<string, number> = {};
  const perFacility: Record<string, number> = {};
  const parts = list(v);
  if (!parts.length) throw new UsageError(usage);
  for (const part of parts) {
    const [k, raw] = part.split('=');
    const wan = raw?.trim().endsWith('万');
    const n = raw === undefined || raw.trim() === '' ? Number.NaN : Number(wan ? raw.trim().slice(0, -1) : raw) * (wan ? 10_000 : 1);
    if (!k || !(n >= 0)) throw new UsageError(`${usage}\n"${part}"`);
    if (k.startsWith('facility:')) {
      const type = k.slice(9);
      if (!(FACILITY_TYPES as readonly string[]).includes(type))
        throw new UsageError(`--costs: "${type}" is not a facility type (${FACILITY_TYPES.join(', ')})`);
      perFacility[type] = n;
    } else if ((COST_ITEMS as readonly string[]).includes(k)) perUnit[k] = n;
    else throw new UsageError(`${usage}\n"${part}"`);
  }
  return { ...(Object.keys(perUnit).length ? { perUnit } : {}), ...(Object.keys(perFacility).length ? { perFacility } : {}) };
}

function readJson(file: string, flag: string, fix: string): unknown {
  if (!fs.existsSync(file)) throw new UsageError(`${flag}: file not found: ${file} (${fix})`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw fileErrorOf(e, file) ?? e;
  }
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new UsageError(`${flag}: ${file} is not JSON (${fix})`);
  }
}

const SITE_FIX = 'write it with: healthplan site PLAN --type … --format json --out F.json';
const ALLOC_FIX = 'write it with: healthplan allocate PLAN --budget … --format json --out F.json';

/** The JSON `healthplan site --format json` writes (its type and chosen sites) → candidates.siting. */
export function sitingFrom(j: unknown, file: string): NonNullable<NonNullable<Query['candidates']>['siting']> {
  const o = (j ?? {}) as { type?: unknown; query?: { type?: unknown }; chosen?: unknown };
  const type = o.type ?? o.query?.type;
  if (typeof type !== 'string' || !(FACILITY_TYPES as readonly string[]).includes(type) || !Array.isArray(o.chosen))
    throw new UsageError(`--candidates siting:${file}: not a siting result (it needs "type" and "chosen"; ${SITE_FIX})`);
  const sites = o.chosen.map((s, i) => {
    const c = (s ?? {}) as Record<string, unknown>;
    const ok =
      typeof c.id === 'string'
      && typeof c.name === 'string'
      && typeof c.lon === 'number'
      && typeof c.lat === 'number'
      && (c.source === 'list' || c.source === 'upgrade' || c.source === 'generated');
    if (!ok) throw new UsageError(`--candidates siting:${file}: chosen[${i}] lacks id, name, lon, lat or source (${SITE_FIX})`);
    return { id: c.id as string, name: c.name as string, lon: c.lon as number, lat: c.lat as number, source: c.source as 'list' | 'upgrade' | 'generated' };
  });
  return { type: type as FacilityType, sites };
}

const ALLOC_RESOURCES = ['beds', 'physicians', 'nurses', 'gps', 'ambulances'] as const;

/** The JSON `healthplan allocate --format json` writes: its facility lines given something → candidates.allocation. */
export function allocationFrom(j: unknown, file: string): NonNullable<NonNullable<Query['candidates']>['allocation']> {
  const o = (j ?? {}) as { lines?: unknown };
  if (!Array.isArray(o.lines)) throw new UsageError(`--candidates allocation:${file}: not an allocation result (it needs "lines"; ${ALLOC_FIX})`);
  const lines: { facility: string; resource: (typeof ALLOC_RESOURCES)[number]; amount: number }[] = [];
  for (const [i, l] of o.lines.entries()) {
    const c = (l ?? {}) as Record<string, unknown>;
    if (c.scope !== 'facility') continue;
    if (typeof c.code !== 'string' || !(ALLOC_RESOURCES as readonly unknown[]).includes(c.resource) || typeof c.allocated !== 'number')
      throw new UsageError(`--candidates allocation:${file}: lines[${i}] lacks code, resource or allocated (${ALLOC_FIX})`);
    if (c.allocated > 0) lines.push({ facility: c.code, resource: c.resource as (typeof ALLOC_RESOURCES)[number], amount: Math.round(c.allocated) });
  }
  return { lines };
}

/** --candidates projects+siting:FILE+allocation:FILE (default: projects). */
function candidatesFrom(opts: Opts): NonNullable<Query['candidates']> {
  const usage = '--candidates: projects | siting:F.json | allocation:F.json, joined by + (default projects) / 候选项目来源';
  const out: NonNullable<Query['candidates']> = { projects: opts.candidates === undefined, own: [] };
  if (opts.candidates !== undefined) {
    if (typeof opts.candidates !== 'string') throw new UsageError(usage);
    for (const part of opts.candidates
      .split('+')
      .map((x) => x.trim())
      .filter(Boolean)) {
      if (part === 'projects') out.projects = true;
      else if (part.startsWith('siting:')) out.siting = sitingFrom(readJson(part.slice(7), '--candidates siting:', SITE_FIX), part.slice(7));
      else if (part.startsWith('allocation:')) out.allocation = allocationFrom(readJson(part.slice(11), '--candidates allocation:', ALLOC_FIX), part.slice(11));
      else throw new UsageError(`${usage}\n"${part}" is none of these`);
    }
  }
  if (opts.actions !== undefined) {
    const file = String(opts.actions);
    const fix = 'a JSON array of { id, name, kind, cost (万元), facility_id?, type?, lon?, lat?, deltas?, … } (README: healthplan programme)';
    const j = readJson(file, '--actions', fix);
    if (!Array.isArray(j)) throw new UsageError(`--actions: ${file}: ${fix}`);
    out.own = j.map((a, i) => {
      const r = OwnActionSchema.safeParse(a);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        throw new UsageError(`--actions: ${file}: [${i}]${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message} (${fix})`);
      }
      return r.data;
    });
  }
  return out;
}

/**
 * "project:12:site:S3" → ["project:12", "site:S3"]: the ids the programme makes (project:N, site:ID, alloc:ID)
 * hold a colon themselves, so a known prefix keeps its next word; a planner's own ids are taken as written.
 */
export function splitPair(v: string): [string, string] | null {
  const words = v.split(':');
  const ids: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (['project', 'site', 'alloc'].includes(words[i]!) && i + 1 < words.length) {
      ids.push(`${words[i]}:${words[i + 1]}`);
      i++;
    } else ids.push(words[i]!);
  }
  return ids.length === 2 && ids.every((x) => x.trim()) ? [ids[0]!.trim(), ids[1]!.trim()] : null;
}

/** --fix ID=YEAR,… --not-before ID=YEAR,… --estimate ID=万元,… --exclude ID,… --required/--optional ID,… --after ID:ID,… → the rules, one per action. */
export function parseRules(opts: Opts, years: { from: number; to: number }): Rule[] {
  const rules = new Map<string, Rule>();
  const rule = (id: string) => rules.get(id) ?? rules.set(id, { action: id }).get(id)!;
  for (const [flag, key, what] of [
    ['fix', 'fixedYear', '已定年份'],
    ['not-before', 'notBefore', '不早于'],
  ] as const) {
    for (const part of list(opts[flag])) {
      const at = part.lastIndexOf('=');
      const id = part.slice(0, at).trim();
      const y = Number(part.slice(at + 1));
      if (at <= 0 || !Number.isInteger(y)) throw new UsageError(`--${flag}: ID=YEAR,…, e.g. project:12=2026 (ids as the JSON lists them) / ${what}\n"${part}"`);
      if (y < years.from || y > years.to) throw new UsageError(`--${flag} ${part}: ${y} is outside --years ${years.from}-${years.to}`);
      rule(id)[key] = y;
    }
  }
  for (const part of list(opts.estimate)) {
    const at = part.lastIndexOf('=');
    const cost = at > 0 ? wanOf(part.slice(at + 1)) : null;
    if (at <= 0 || cost === null || cost > 1e8)
      throw new UsageError(`--estimate: ID=AMOUNT,… in 万元, e.g. project:4=1200万 (its 投资估算, replacing the one found) / 投资估算\n"${part}"`);
    rule(part.slice(0, at).trim()).cost = cost;
  }
  for (const id of list(opts.exclude)) rule(id).exclude = true;
  for (const id of list(opts.required)) rule(id).required = true;
  for (const id of list(opts.optional)) {
    if (rule(id).required) throw new UsageError(`--required and --optional both name "${id}": one of the two`);
    rule(id).required = false;
  }
  for (const part of list(opts.after)) {
    const pair = splitPair(part);
    if (!pair || pair[0] === pair[1])
      throw new UsageError(`--after: LATER:EARLIER,…, e.g. project:13:project:12 (project 13 in project 12's year or later) / 先后顺序\n"${part}"`);
    const r = rule(pair[0]);
    r.after = [...(r.after ?? []), pair[1]];
  }
  return [...rules.values()];
}

function number(v: string | boolean | undefined, flag: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n >= min && n <= max)) throw new UsageError(`${flag}: a number, ${min}–${max}`);
  return n;
}

/** The flags as the service's programme query, checked before anything runs; `missing`: years of the range given no money. */
export async function programmeQuery(svc: Parameters<Command['run']>[0], opts: Opts, lang: Lang): Promise<{ q: Query; missing: number[] }> {
  if (opts.years === undefined) throw new UsageError('--years: FROM-TO, e.g. 2025-2030 / 规划年份');
  const years = parseYears(opts.years);
  if (opts.money === undefined) throw new UsageError(MONEY_USAGE);
  const { money, missing } = parseMoney(opts.money, years);
  const q: Query = {
    scenarioId: await scenarioId(svc, opts.scenario as string | undefined, false, lang),
    fromYear: years.from,
    toYear: years.to,
    money,
    carryOver: opts['carry-over'] === true,
    candidates: candidatesFrom(opts),
    rules: parseRules(opts, years),
  };
  const staff = parseStaff(opts.staff);
  if (staff) q.staff = staff;
  const costs = parseCosts(opts.costs);
  if (costs) q.costs = costs;
  if (opts.standard) q.standardId = String(opts.standard);
  const limit = number(opts['time-limit'], '--time-limit', 0.1, 600);
  if (limit !== undefined) q.timeLimitSeconds = limit;
  return { q, missing };
}

const SOURCE: Record<ActionSource, { zh: string; en: string }> = {
  project: { zh: '规划项目', en: 'planned project' },
  siting: { zh: '选址方案', en: 'siting' },
  allocation: { zh: '资源配置', en: 'allocation' },
  planner: { zh: '自定项目', en: "planner's own" },
};
const wan = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-US');

/** The programme as a planner reads it in a terminal: each year's projects and spend, the targets' years, what is left out, the objective. */
export function programmeText(r: ProgrammeOut, lang: Lang, sample: boolean, missing: number[]): string {
  const en = lang === 'en';
  const say = (s: { zh: string; en: string }) => (en ? s.en : s.zh);
  const out: string[] = [];
  const range = r.fromYear === r.toYear ? `${r.fromYear}` : `${r.fromYear}–${r.toYear}`;
  out.push(
    en
      ? `Phased programme ${range} · scenario "${r.scenario}" · ${r.standardNameEn} (${r.standard}) · ${r.region}${sample ? ' (sample data — some figures are estimates)' : ''}`
      : `分年度实施计划 ${range} 年 · 情景「${r.scenario}」· ${r.standardName}（${r.standard}）· ${r.region}${sample ? '（示例数据 — 部分数值为估算）' : ''}`,
  );
  out.push(
    en
      ? `money ${r.carryOver ? 'carried over' : 'not carried over'} between years; ${r.candidates} candidates`
      : `资金${r.carryOver ? '可结转' : '不结转'}；候选项目 ${r.candidates} 个`,
  );
  if (missing.length) out.push(en ? `no money given for ${missing.join(', ')}: taken as 0` : `${missing.join('、')} 年未给资金，按 0 计`);
  for (const m of r.moneyMissing ?? [])
    out.push(
      en
        ? `${m.year}: the actions fixed to it cost ${wan(m.amount)} (10k yuan) more than its money; kept, and said so`
        : `${m.year} 年：已定项目超出可用资金 ${wan(m.amount)} 万元（仍按已定年份安排）`,
    );
  for (const y of r.years) {
    out.push('');
    out.push(
      en
        ? `${y.year}: money ${wan(y.money)} (10k yuan)${r.carryOver ? `, available ${wan(y.available)}` : ''}, spent ${wan(y.spent)} on ${y.actions.length} project(s)`
        : `${y.year} 年：资金 ${wan(y.money)} 万元${r.carryOver ? `，可用 ${wan(y.available)}` : ''}，安排 ${wan(y.spent)} 万元（${y.actions.length} 个项目）`,
    );
    for (const a of y.actions)
      out.push(
        `  [${say(PROJECT_KIND_LABELS[a.kind])}]${a.required ? (en ? ' (required)' : '（必做）') : ''} ${a.name} — ${a.cost === null ? '—' : wan(a.cost)}${en ? ` (${SOURCE[a.source].en} ${a.id})` : ` 万元（${SOURCE[a.source].zh} ${a.id}）`}`,
      );
    for (const [k, s] of Object.entries(y.staff)) if (s) out.push(en ? `  recruits ${k}: ${s.used} of ${s.limit}` : `  招聘 ${k}：${s.used} / ${s.limit}`);
  }
  out.push('', en ? 'Targets (year first met: without → with the programme):' : '指标（首次达标年份：不实施 → 实施后）：');
  const last = String(r.toYear);
  for (const t of r.targets) {
    const met = (y: number | null) => (y === null ? (en ? 'not met' : '未达标') : String(y));
    const end = t.by_year[last];
    const endText = end ? `${end.value === null ? '—' : Math.round(end.value * 100) / 100} ${say(STATUS_WORDS[end.status])}` : '';
    out.push(
      `  ${t.binding ? '★ ' : ''}${en ? t.nameEn : t.name}${t.binding ? (en ? ' (binding)' : '（约束性）') : ''}: ${met(t.met_year_before)} → ${met(t.met_year)}${endText ? `; ${last}: ${endText}` : ''}${t.modelled ? '' : en ? ' (not optimised)' : '（未纳入优化）'}`,
    );
    if (t.unmet) out.push(`      ${en ? t.unmet.textEn : t.unmet.text}`);
  }
  if (r.unscheduled.length) {
    out.push('', en ? `Not scheduled (${r.unscheduled.length}):` : `未安排（${r.unscheduled.length} 个）：`);
    for (const u of r.unscheduled)
      out.push(
        en
          ? `  ${u.name} (${u.cost === null ? 'no cost' : wan(u.cost)}; ${u.id}): ${u.whyTextEn}`
          : `  ${u.name}（${u.cost === null ? '未填造价' : `${wan(u.cost)} 万元`}；${u.id}）: ${u.whyText}`,
      );
  }
  out.push('');
  const proof = r.optimal
    ? en
      ? 'proven optimal'
      : '已证明最优'
    : en
      ? `within ${(r.gap * 100).toFixed(1)}% of the optimum`
      : `与最优相差不超过 ${(r.gap * 100).toFixed(1)}%`;
  out.push(
    en
      ? `Objective: binding shortfall ${wan(r.objective.binding)} person-years (bound ${wan(r.bound.binding)}), expected ${wan(r.objective.expected)} (bound ${wan(r.bound.expected)}), cost ${wan(r.objective.cost)} (10k yuan); ${r.solver === 'highs' ? 'HiGHS' : 'heuristic'}, ${proof}; ${r.ms} ms`
      : `目标：约束性指标加权短缺 ${wan(r.objective.binding)} 人·年（下界 ${wan(r.bound.binding)}），预期性 ${wan(r.objective.expected)}（下界 ${wan(r.bound.expected)}），投资 ${wan(r.objective.cost)} 万元；${r.solver === 'highs' ? 'HiGHS 精确求解' : '启发式'}，${proof}；用时 ${r.ms} 毫秒`,
  );
  for (const n of en ? r.notesEn : r.notes) out.push(`  ${n}`);
  return `${out.join('\n')}\n`;
}

export const programmeCommand: Command = {
  usage:
    'healthplan programme <file.hplan> --years 2025-2030 --money 2025=5000万,2026-2030=6000万 [--carry-over] [--staff physicians=40,nurses=60] [--candidates projects+siting:F.json+allocation:F.json] [--actions F.json] [--costs beds=300000,facility:chc=800万,…] [--estimate ID=万元,…] [--exclude ID,…] [--required ID,…] [--optional ID,…] [--fix ID=YEAR,…] [--not-before ID=YEAR,…] [--after LATER:EARLIER,…] [--standard ID] [--scenario NAME] [--time-limit S] [--apply NEW_SCENARIO] [--format json|text|xlsx] [--out F]',
  summary: {
    zh: '分年度实施计划：在每年资金内安排各年项目，使约束性指标、再其他指标尽早达标，投资最少',
    en: "Phased programme: which projects in which year, within each year's money, so that binding then other targets are met soonest, at least cost",
  },
  options: {
    years: { type: 'string', help: 'the programme years, FROM-TO (e.g. 2025-2030) / 规划年份' },
    money: {
      type: 'string',
      help: "each year's money in 万元: 2025=5000万,2026=5000 (万元), 1.2亿 = 12000万, 2025-2030=5000万 for every year; a year not given has 0 / 各年资金",
    },
    'carry-over': { type: 'boolean', help: "a year's unspent money carries over to the next / 资金可结转" },
    staff: { type: 'string', help: `at most so many recruits a year: ${STAFF_CATEGORIES.map((c) => `${c}=N`).join(',')} / 每年可招聘人数` },
    candidates: {
      type: 'string',
      help: "projects (the scenario's 计划 projects; default) | siting:F.json (healthplan site --format json) | allocation:F.json (healthplan allocate --format json), joined by + / 候选项目",
    },
    actions: {
      type: 'string',
      help: 'your own candidate actions: a JSON array of { id, name, kind, cost (万元), facility_id, type, lon, lat, deltas … } / 自定项目',
    },
    costs: {
      type: 'string',
      help: "yuan per bed, physician …, as allocate takes them, and facility:TYPE=N per new facility (default: the plan's 造价标准) / 造价",
    },
    fix: { type: 'string', help: 'actions already decided for a year: ID=YEAR,… (ids as the JSON lists them: project:12, site:G3, alloc:F001) / 已定年份' },
    'not-before': { type: 'string', help: 'actions not before a year: ID=YEAR,… / 不早于' },
    estimate: { type: 'string', help: "a candidate's cost in 万元, replacing the one found: ID=AMOUNT,… (project:4=1200万) / 投资估算" },
    exclude: { type: 'string', help: 'candidates to leave out: ID,… / 不纳入' },
    required: {
      type: 'string',
      help: "candidates that must be done within the years (the programme picks the year): ID,… (the scenario's own projects are) / 必做",
    },
    optional: { type: 'string', help: "candidates done only if they close a gap: ID,… (e.g. one of the scenario's own projects) / 可选" },
    after: { type: 'string', help: "LATER:EARLIER,…: the first in the second's year or later (project:13:project:12) / 先后顺序" },
    standard: { type: 'string', help: "standard set id (default: the plan's) / 标准" },
    scenario: { type: 'string', help: 'scenario name (default: baseline) / 情景' },
    'time-limit': { type: 'string', help: 'seconds for the exact solver / 求解时限（秒）' },
    apply: { type: 'string', help: 'write the programme into a new scenario of this name, as projects of their years / 生成新情景' },
    format: { type: 'string', help: 'json (default) | text | xlsx (the workbook; needs --out)' },
    out: { type: 'string', help: 'write to a file / 输出文件' },
  },
  async run(svc, file, opts, lang) {
    const { isSample } = await svc.call('plan.open', { path: path.resolve(file) });
    const format = choice(opts.format, ['json', 'text', 'xlsx'], '--format: json | text | xlsx') ?? 'json';
    if (format === 'xlsx' && !opts.out) throw new UsageError('--format xlsx needs --out F.xlsx');
    if (opts.apply !== undefined && (typeof opts.apply !== 'string' || !opts.apply.trim())) throw new UsageError("--apply: the new scenario's name");
    const { q, missing } = await programmeQuery(svc, opts, lang);
    if (missing.length && format !== 'text')
      console.error(lang === 'en' ? `no money given for ${missing.join(', ')}: taken as 0` : `${missing.join('、')} 年未给资金，按 0 计`);
    const r = await svc.call('programme.run', q);
    let applied: string | null = null;
    if (opts.apply) {
      const schedule = r.years.flatMap((y) => y.actions.map((a) => ({ action: a.id, year: y.year })));
      const result = { objective: r.objective, gap: r.gap, optimal: r.optimal };
      applied = (await svc.call('programme.apply', { scenarioId: q.scenarioId, name: String(opts.apply), query: q, schedule, result })).name;
      console.error(
        lang === 'en'
          ? `created scenario "${applied}" with the programme: ${schedule.length} project(s) in ${r.fromYear}–${r.toYear}`
          : `已新建情景「${applied}」，写入实施计划：${r.fromYear}–${r.toYear} 年共 ${schedule.length} 个项目`,
      );
    }
    if (format === 'xlsx') {
      const f = await svc.call('programme.export', q);
      writeOutput(opts.out as string, Buffer.from(f.dataBase64, 'base64'));
      console.log(lang === 'en' ? `wrote ${opts.out}` : `已写出 ${opts.out}`);
      return 0;
    }
    const text =
      format === 'json' ? jsonText({ ...r, ...(applied ? { applied_scenario: applied } : {}) }, isSample, lang) : programmeText(r, lang, isSample, missing);
    if (opts.out) {
      writeOutput(opts.out as string, text);
      console.log(lang === 'en' ? `wrote ${opts.out}` : `已写出 ${opts.out}`);
    } else process.stdout.write(text);
    return 0;
  },
};
