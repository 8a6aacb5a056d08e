/**
 * How the dashboard's exports leave the app. One seam, `BriefExporter`: the browser door's opens the
 * printable briefing in a new tab and its print dialog for the PDF; Electron's asks the main process
 * (`app.printBrief`) to print the same print view to an A4 PDF and saves it. Both download the PPTX
 * and the PNGs. briefExporter() picks by door; DashboardView's `exporter` prop puts another in its place.
 */
import type { Brief } from '../../../shared/briefing/model.ts';
import { briefPrintSearch, type BriefPrintQuery } from '../../../shared/briefing/print-url.ts';
import type { Lang } from '../../ui/i18n/index.ts';
import type { Invoke } from '../../ui/state/types.ts';
import { saveFileOut } from '../../ui/io/files.ts';
import { pptxBase64, pptxBlob } from './pptx.ts';

/** What the print view is asked for (`?print=brief&scenario=…`): shared/briefing/print-url.ts. */
export type { BriefPrintQuery };

export type ExportOutcome = { kind: 'saved'; file: string } | { kind: 'opened' } | { kind: 'cancelled' };

export interface BriefExporter {
  /** The briefing as an A4 PDF, from the print view (`printSearch(q)`). */
  pdf(q: BriefPrintQuery, fileName: string): Promise<ExportOutcome>;
  /** The PPTX deck of the brief on screen. */
  pptx(b: Brief, lang: Lang, fileName: string): Promise<ExportOutcome>;
  /** A chart or the map as a PNG (data URL). */
  png(dataUrl: string, fileName: string): Promise<ExportOutcome>;
}

/** The print view's query string: `?print=brief&scenario=1&compare=2&standard=…&year=2025&lang=zh-CN` (built once, for every door). */
export const printSearch = briefPrintSearch;

function download(href: string, fileName: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export class PopupBlocked extends Error {}

/** The browser door: a new tab with the print view (which opens the print dialog when drawn), downloads. */
export const browserExporter: BriefExporter = {
  async pdf(q) {
    const p = new URLSearchParams(printSearch(q).slice(1));
    p.set('then', 'print');
    // The tab is a new window of this origin: it shares this session's token.
    const token = sessionStorage.getItem('healthplan.token');
    if (token) p.set('token', token);
    const w = window.open(`${window.location.pathname}?${p}`, '_blank');
    if (!w) throw new PopupBlocked('popup blocked');
    return { kind: 'opened' };
  },
  async pptx(b, lang, fileName) {
    const url = URL.createObjectURL(await pptxBlob(b, lang));
    try {
      download(url, fileName);
    } finally {
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    return { kind: 'saved', file: fileName };
  },
  async png(dataUrl, fileName) {
    download(dataUrl, fileName);
    return { kind: 'saved', file: fileName };
  },
};

/** Electron: the main process prints the print view (app.printBrief); the file is saved like every export. */
export function appExporter(invoke: Invoke): BriefExporter {
  return {
    ...browserExporter,
    async pdf(q, fileName) {
      const f = await invoke('app.printBrief', q);
      saveFileOut({ ...f, fileName });
      return { kind: 'saved', file: fileName };
    },
  };
}

/** The exporter the dashboard uses when given none: the door's (Electron's preload bridge, or the browser). */
export function briefExporter(invoke: Invoke): BriefExporter {
  return window.healthplan ? appExporter(invoke) : browserExporter;
}

export { pptxBase64 };
