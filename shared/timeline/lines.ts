/** 规划项目 as lines of a table (the briefing's timeline slide, the allocation workbook's sheet): in Chinese or English, by year. */
import type { Facility } from '../model/entities.ts';
import { PROJECT_KIND_LABELS, type Project } from './project.ts';
import { changesInWords, type Lang } from './words.ts';

export interface ProjectLine { year: number; name: string; kind: string; facility: string; change: string; /** 万元 */ cost: number | null; source: string }

export function projectLines(projects: readonly Project[], facilities: readonly Facility[], lang: Lang = 'zh-CN'): ProjectLine[] {
  const byId = new Map(facilities.map((f) => [f.id, f]));
  return [...projects].sort((a, b) => a.year - b.year || a.id - b.id).map((p) => {
    const f = byId.get(p.facility_id);
    return {
      year: p.year, name: p.name, kind: PROJECT_KIND_LABELS[p.kind][lang === 'en' ? 'en' : 'zh'], facility: f?.name ?? p.facility_name ?? p.facility_id,
      change: changesInWords(p, lang, f?.type ?? null), cost: p.cost,
      source: [p.source_document, p.source_clause].filter(Boolean).join(' '),
    };
  });
}
