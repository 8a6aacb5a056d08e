/** A project's changes in words: "床位 +40；业务用房面积 +2,000 ㎡", "社区卫生服务中心 → 社区医院". */
import { FACILITY_COLUMNS } from '../model/columns.ts';
import { FACILITY_TYPE_LABELS } from '../model/kinds.ts';
import type { Project } from './project.ts';

export type Lang = 'zh-CN' | 'en';

/** Shorter than the column headers, as a planner says them. */
const SHORT: Record<string, { zh: string; en: string; unitZh?: string; unitEn?: string }> = {
  beds_open: { zh: '床位', en: 'beds' },
  beds_approved: { zh: '编制床位', en: 'approved beds' },
  physicians: { zh: '执业(助理)医师', en: 'physicians' },
  floor_area_m2: { zh: '业务用房面积', en: 'floor area', unitZh: ' ㎡', unitEn: ' m²' },
  ambulances: { zh: '救护车', en: 'ambulances', unitZh: ' 辆' },
  childcare_places: { zh: '托位', en: 'childcare places' },
};

/** The short label of a numeric facility field, in the language given. */
export function fieldWord(key: string, lang: Lang): string {
  const s = SHORT[key];
  if (s) return lang === 'en' ? s.en : s.zh;
  const c = FACILITY_COLUMNS.find((x) => x.key === key);
  if (!c) return key;
  return lang === 'en' ? c.en.toLowerCase() : c.zh.replace(/\(.*?\)$|（.*?）$/u, '');
}

const number = (v: number, lang: Lang) => v.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });

/** "床位 +40" for one delta. */
export function deltaWords(key: string, d: number, lang: Lang): string {
  const s = SHORT[key];
  const unit = (lang === 'en' ? s?.unitEn : s?.unitZh) ?? '';
  return `${fieldWord(key, lang)} ${d >= 0 ? '+' : '−'}${number(Math.abs(d), lang)}${unit}`;
}

const typeWord = (t: string | null, lang: Lang) => {
  const l = t ? FACILITY_TYPE_LABELS[t as keyof typeof FACILITY_TYPE_LABELS] : undefined;
  return l ? (lang === 'en' ? l.en : l.zh) : (t ?? '');
};

/** Every change a project makes, joined: what a row of the projects table says under 变化. */
export function changesInWords(
  p: Pick<Project, 'kind' | 'type' | 'lon' | 'lat' | 'facility_name' | 'deltas' | 'fields'>,
  lang: Lang,
  fromType?: string | null,
): string {
  const parts: string[] = [];
  const en = lang === 'en';
  switch (p.kind) {
    case 'new': {
      parts.push(en ? `new ${typeWord(p.type, lang)}` : `新建${typeWord(p.type, lang)}`);
      for (const [k, v] of Object.entries(p.fields)) {
        if (typeof v === 'number' && v !== 0 && k !== 'opened_year' && k !== 'bed_occupancy_rate') parts.push(deltaWords(k, v, lang).replace(' +', ' '));
      }
      break;
    }
    case 'relocate':
      parts.push(
        p.lon !== null && p.lat !== null
          ? en
            ? `to a new site (${p.lon.toFixed(4)}, ${p.lat.toFixed(4)})`
            : `迁至新址（${p.lon.toFixed(4)}, ${p.lat.toFixed(4)}）`
          : en
            ? 'to a new site'
            : '迁至新址',
      );
      break;
    case 'upgrade':
      parts.push(
        fromType ? `${typeWord(fromType, lang)} → ${typeWord(p.type, lang)}` : en ? `becomes ${typeWord(p.type, lang)}` : `升级为${typeWord(p.type, lang)}`,
      );
      break;
    case 'expand':
      break;
    case 'close':
      parts.push(en ? 'closed: no longer counted' : '撤并：此后不再计入');
      break;
    case 'other':
      parts.push(en ? 'no facility changed (investment only)' : '不改变机构（仅计投资）');
      break;
  }
  if (p.kind !== 'new' && p.facility_name) parts.push(en ? `renamed ${p.facility_name}` : `更名为「${p.facility_name}」`);
  for (const [k, d] of Object.entries(p.deltas)) if (typeof d === 'number' && d !== 0) parts.push(deltaWords(k, d, lang));
  if (parts.length === 0) parts.push(en ? 'no change given' : '未填变化');
  return parts.join(en ? '; ' : '；');
}
