/**
 * What the briefing says, in either language, from the Brief: its texts, which target a figure's
 * source note points to, the headline targets, and the colours of statuses and coverage bands. The
 * figures themselves are worded by the gap screen (../gaps/figures.ts, ../gaps/phrases.ts), so a
 * slide says exactly what the gap table says.
 */
import { tIn, tUnder } from '../../ui/i18n/keys.ts';
import type { Brief, BriefStanding } from '../../../shared/briefing/model.ts';
import type { GapResult, GapStatus } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import type { Lang } from '../../ui/i18n/index.ts';
import { num } from '../../ui/wording/figures.ts';
import { groupLabel } from '../../ui/wording/vocabulary.ts';

/** A briefing text in the given language (keys under `briefing.`, typed). */
export const bt = tUnder('briefing');

/** A gaps text (status names, group names) in the given language. */
export const gt = tUnder('gaps');

export const statusName = (s: GapStatus, lang: Lang) => gt(lang, `status.${s}`);
export const groupName = groupLabel;
export const targetLabel = (t: Target, lang: Lang) => (lang === 'en' ? t.nameEn : t.name);

/** 基线 in the reader's language; other scenarios by their own name. */
export const scenarioName = (name: string, lang: Lang) => (name === '基线' ? tIn(lang, 'scenario.baseline') : name);

/** The source note of a target: its place in the set (the sources slides list them in this order). */
export function sourceNumbers(b: Brief): Map<string, number> {
  return new Map(b.targets.map((t, i) => [t.id, i + 1]));
}

export function targetById(b: Brief, id: string): Target | undefined {
  return b.targets.find((t) => t.id === id);
}

export function regionResult(s: BriefStanding | null, id: string): GapResult | undefined {
  return s?.region.find((r) => r.target === id);
}

export function countyResults(s: BriefStanding | null, id: string): GapResult[] {
  return s ? s.counties.filter((r) => r.target === id) : [];
}

/** The region's name as the gap engine gives it (长沙市), else 全域. */
export function regionName(b: Brief, lang: Lang): string {
  return b.current.region[0]?.name ?? bt(lang, 'region');
}

/** The ratio targets that have results by county: one bars slide (and one chart choice) each. */
export function barTargets(b: Brief): Target[] {
  const byCounty = new Set(b.current.counties.map((r) => r.target));
  return b.targets.filter((t) => t.kind === 'ratio' && byCounty.has(t.id));
}

const CORE_MEASURES = ['beds_open', 'physicians', 'nurses', 'gps'];

/**
 * The headline targets: beds, physicians, nurses and GPs per population (the first target of each),
 * coverage (access targets), centres per street/town (presence) — whatever the set has — then the
 * rest in the set's order, up to `max`.
 */
export function headlineTargets(b: Brief, max: number): Target[] {
  const evaluated = b.targets.filter((t) => b.current.region.some((r) => r.target === t.id));
  const out: Target[] = [];
  const add = (t: Target | undefined) => {
    if (t && !out.includes(t) && out.length < max) out.push(t);
  };
  for (const m of CORE_MEASURES) add(evaluated.find((t) => t.kind === 'ratio' && t.measure === m));
  for (const t of evaluated) if (t.kind === 'access') add(t);
  // Centres per street/town: the first presence target with a shortfall, else the first.
  const presence = evaluated.filter((t) => t.kind === 'presence');
  add(presence.find((t) => regionResult(b.current, t.id)?.status !== 'met') ?? presence[0]);
  for (const t of evaluated) add(t);
  return out;
}

/** How many targets of the region stand at each status. */
export function tally(s: BriefStanding): Record<GapStatus, number> {
  const out: Record<GapStatus, number> = { met: 0, near: 0, short: 0, missing_data: 0, not_evaluated: 0, not_due: 0, reference: 0, not_applicable: 0 };
  for (const r of s.region) out[r.status]++;
  return out;
}

/** The traffic light's colours, on screen, on paper and in the deck. */
export const STATUS_COLOUR: Record<GapStatus, string> = {
  met: '#2f8f5b',
  near: '#e39b17',
  short: '#d64545',
  missing_data: '#a9b4c2',
  not_evaluated: '#c3cad3',
  not_due: '#7b8794',
  reference: '#9aa5b1',
  not_applicable: '#c3cad3',
};
export const NO_DATA = '#dde2e8';
export const ACCENT = '#1d5fbf';
export const BEFORE = '#8a9bb0';
export const TARGET_LINE = '#b42318';

/** The three coverage bands of the map: most covered, partly, poorly. */
export type Band = 'high' | 'mid' | 'low' | 'none';
export const BAND_COLOUR: Record<Band, string> = { high: '#2f8f5b', mid: '#f0b429', low: '#d64545', none: NO_DATA };
export const BANDS: Band[] = ['high', 'mid', 'low', 'none'];
export function bandOf(share: number | undefined): Band {
  if (share === undefined || !Number.isFinite(share)) return 'none';
  return share >= 0.95 ? 'high' : share >= 0.8 ? 'mid' : 'low';
}

/** 1,234,567 (people, facilities). */
export const int = (v: number) => num(Math.round(v));

/** The plan's scenario line: 情景：基线 · 对比：… */
export function scenarioLine(b: Brief, lang: Lang): string {
  const parts = [bt(lang, 'scenario', { name: scenarioName(b.current.scenario, lang) })];
  if (b.compare) parts.push(bt(lang, 'compared', { name: scenarioName(b.compare.scenario, lang) }));
  return parts.join(' · ');
}

/** Signed percentage points: +1.2 / −0.4 个百分点 (pp). */
export function pointsDelta(d: number, lang: Lang): string {
  const v = Math.round(d * 1000) / 10;
  const s = v > 0 ? `+${num(v)}` : v < 0 ? `−${num(-v)}` : '0';
  return bt(lang, 'points', { s });
}

/** A file name from the plan's name, safe on every system. */
export function fileBase(b: Brief, lang: Lang): string {
  const name = `${b.planName || 'HealthPlan'}-${bt(lang, 'fileName')}`;
  return name.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** Under a slide's title: the standard set and year, and the scenario (and the one compared). */
export function standardLine(b: Brief, lang: Lang): string {
  return `${bt(lang, 'standardShort', { name: b.standard.name, year: b.standard.year })} · ${scenarioLine(b, lang)}`;
}
