/** The statuses in words, once for every output (workbook, CLI, screens, slides). */
import type { GapStatus } from './result.ts';

export const STATUS_WORDS: Record<GapStatus, { zh: string; en: string }> = {
  met: { zh: '达标', en: 'Met' },
  near: { zh: '接近', en: 'Near' },
  short: { zh: '不足', en: 'Short' },
  missing_data: { zh: '数据不全', en: 'Data missing' },
  not_evaluated: { zh: '未评估', en: 'Not evaluated' },
  not_due: { zh: '未到期', en: 'Not yet due' },
  reference: { zh: '参考', en: 'Reference' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
};

/** A row's status with its progress where it is set aside: "未到期（2030 年；目前 不足）". */
export function statusInWords(r: { status: GapStatus; judged?: GapStatus; due?: number }, lang: 'zh' | 'en'): string {
  const w = STATUS_WORDS[r.status][lang];
  if (r.status === 'not_due' && r.judged)
    return lang === 'zh' ? `${w}（${r.due} 年；目前${STATUS_WORDS[r.judged].zh}）` : `${w} (${r.due}; now ${STATUS_WORDS[r.judged].en.toLowerCase()})`;
  if (r.status === 'reference' && r.judged) return lang === 'zh' ? `${w}（${STATUS_WORDS[r.judged].zh}）` : `${w} (${STATUS_WORDS[r.judged].en.toLowerCase()})`;
  return w;
}
