/**
 * Which slides a briefing has, in order, from its data: the title; the region's overview; each target
 * group with its standing (at most 8 targets a slide); the ratio targets by county against their line;
 * coverage by travel time with the map; who is left out (谁被落下, by urban/rural and age band); the proposals with their cost; the phased programme (分年度实施计划,
 * when the scenario was written from one); the projects by year; the sources. One idea a slide. The
 * presentation mode, the PDF and the PPTX follow this same list.
 */
import type { Brief } from './model.ts';

export type SlideSpec =
  | { kind: 'title' }
  | { kind: 'overview' }
  | { kind: 'group'; group: string; targets: string[]; part: number; parts: number }
  | { kind: 'bars'; target: string }
  | { kind: 'coverage' }
  | { kind: 'equity'; index: number }
  | { kind: 'proposals' }
  | { kind: 'programme' }
  | { kind: 'timeline' }
  | { kind: 'sources'; part: number; parts: number };

export const TARGETS_PER_SLIDE = 8;
export const SOURCES_PER_SLIDE = 10;
export const EQUITY_SLIDES = 3;

export function planSlides(b: Brief): SlideSpec[] {
  const out: SlideSpec[] = [{ kind: 'title' }, { kind: 'overview' }];
  const evaluated = new Set(b.current.region.map((r) => r.target));
  const groups = new Map<string, string[]>();
  for (const t of b.targets) if (evaluated.has(t.id)) groups.set(t.group, [...(groups.get(t.group) ?? []), t.id]);
  for (const [group, ids] of groups) {
    const parts = Math.ceil(ids.length / TARGETS_PER_SLIDE);
    for (let p = 0; p < parts; p++)
      out.push({ kind: 'group', group, targets: ids.slice(p * TARGETS_PER_SLIDE, (p + 1) * TARGETS_PER_SLIDE), part: p + 1, parts });
  }
  const byCounty = new Set(b.current.counties.map((r) => r.target));
  for (const t of b.targets) if (t.kind === 'ratio' && byCounty.has(t.id)) out.push({ kind: 'bars', target: t.id });
  if (b.access) out.push({ kind: 'coverage' });
  // 谁被落下: one slide an access analysis, at most EQUITY_SLIDES.
  (b.equity ?? []).slice(0, EQUITY_SLIDES).forEach((_, index) => out.push({ kind: 'equity', index }));
  const f = b.proposals?.changes.facilities;
  if (f && (f.added.length || f.removed.length || f.changed.length)) out.push({ kind: 'proposals' });
  if (b.programme) out.push({ kind: 'programme' });
  if (b.projects.length) out.push({ kind: 'timeline' });
  const parts = Math.max(1, Math.ceil(b.targets.length / SOURCES_PER_SLIDE));
  for (let p = 0; p < parts; p++) out.push({ kind: 'sources', part: p + 1, parts });
  return out;
}
