/**
 * The briefing's print view (汇报材料的打印页) is the renderer's index.html with `?print=brief&scenario=ID
 * [&compare=ID][&standard=ID][&year=Y]&lang=zh-CN|en`: the browser's 导出 PDF opens it in a tab, Electron's
 * `app.printBrief` prints it in a hidden window, `healthplan brief` prints it in headless Chromium. Its
 * address is built here, once, and read back here by the page (BriefPrint.tsx); and the page offers
 * `window.healthplanPptx()` (BriefPrintGlobals), which the CLI calls for the PPTX.
 */

/** What the print view is asked for: the brief's query (brief.get's arguments) and its language. */
export interface BriefPrintQuery {
  scenarioId: number;
  /** The scenario compared with (the "before"). */
  compareId?: number | undefined;
  standardId?: string | undefined;
  year?: number | undefined;
  lang: 'zh-CN' | 'en';
}

/** `print=brief&scenario=1&compare=2&standard=…&year=2025&lang=zh-CN` (no `?`: to follow another query, as the CLI's door token). */
export function briefPrintParams(q: BriefPrintQuery): string {
  const pairs: [string, string][] = [
    ['print', 'brief'],
    ['scenario', String(q.scenarioId)],
  ];
  if (q.compareId !== undefined) pairs.push(['compare', String(q.compareId)]);
  if (q.standardId) pairs.push(['standard', q.standardId]);
  if (q.year !== undefined) pairs.push(['year', String(q.year)]);
  pairs.push(['lang', q.lang]);
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** The print view's query string: `?print=brief&scenario=1&…&lang=zh-CN`. */
export const briefPrintSearch = (q: BriefPrintQuery): string => `?${briefPrintParams(q)}`;

/** The print view's query read back (`get`: URLSearchParams' get of the page's address); a number that is not one is left out. */
export function readBriefPrint(get: (key: string) => string | null): BriefPrintQuery & { then: string | null } {
  const n = (k: string) => {
    const v = get(k);
    return v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
  };
  return {
    scenarioId: n('scenario') ?? 1,
    compareId: n('compare'),
    standardId: get('standard') || undefined,
    year: n('year'),
    lang: get('lang') === 'en' ? 'en' : 'zh-CN',
    then: get('then'),
  };
}

/** What the print view puts on its window once its brief is asked for: the PPTX deck of the same brief, as base64. */
export interface BriefPrintGlobals {
  healthplanPptx?: () => Promise<string>;
}
