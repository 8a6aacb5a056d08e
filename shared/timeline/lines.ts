/** 规划项目 as lines of a table (the briefing's timeline slide, the allocation workbook's sheet): in Chinese or English, by year. */
import type { Facility } from '../model/entities.ts';
import { PROJECT_KIND_LABELS, PROJECT_STATUS_LABELS, type Project } from './project.ts';
import { changesInWords, type Lang } from './words.ts';

export interface ProjectLine {
  year: number;
  name: string;
  kind: string;
  /** The facility's name; for 其他项目 (no facility) its 责任单位, else —. */
  facility: string;
  change: string;
  /** 万元 */
  cost: number | null;
  source: string;
  /** 责任单位 ('' when none is given) and status (计划/在建/完工), in the language asked. */
  responsible: string;
  status: string;
}

export function projectLines(projects: readonly Project[], facilities: readonly Facility[], lang: Lang = 'zh-CN'): ProjectLine[] {
  const byId = new Map(facilities.map((f) => [f.id, f]));
  const l = lang === 'en' ? 'en' : 'zh';
  return [...projects]
    .sort((a, b) => a.year - b.year || a.id - b.id)
    .map((p) => {
      const f = p.facility_id === null ? undefined : byId.get(p.facility_id);
      return {
        year: p.year,
        name: p.name,
        kind: PROJECT_KIND_LABELS[p.kind][l],
        facility: p.facility_id === null ? (p.responsible_unit ?? '—') : (f?.name ?? p.facility_name ?? p.facility_id),
        change: changesInWords(p, lang, f?.type ?? null),
        cost: p.cost,
        source: [p.source_document, p.source_clause].filter(Boolean).join(' '),
        responsible: p.responsible_unit ?? '',
        status: PROJECT_STATUS_LABELS[p.status][l],
      };
    });
}

/** What projects cost (投资估算, 万元): the sum of those with a cost, 其他项目 included, and how many have none. */
export interface ProjectCost {
  total: number;
  costed: number;
  uncosted: number;
}

export function projectCost(projects: readonly Pick<Project, 'cost'>[]): ProjectCost {
  let total = 0,
    costed = 0;
  for (const p of projects)
    if (p.cost !== null) {
      total += p.cost;
      costed++;
    }
  return { total: Math.round(total * 1e6) / 1e6, costed, uncosted: projects.length - costed };
}
