/**
 * The briefing as printable A4 pages (`?print=brief&scenario=ID[&compare=ID][&standard=ID][&year=Y]
 * [&lang=en|zh-CN][&then=print]`): what the CLI's headless Chromium and Electron's printToPDF print.
 * The same slides as the presentation (planSlides), one to an A4 landscape page, drawn at 1920 design
 * pixels wide and zoomed to the page (CSS zoom, not a transform: a transformed box taller than the
 * page would be split across pages by the print layout); charts on ECharts' SVG renderer without animation, so the PDF is
 * vector and complete. Sets document.body.dataset.briefReady = 'true' once every page and chart is
 * drawn (or briefError = the message), and offers window.healthplanPptx() → the PPTX deck as base64.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Brief } from '../../../shared/briefing/model.ts';
import { readBriefPrint, type BriefPrintGlobals } from '../../../shared/briefing/print-url.ts';
import { planSlides } from '../../../shared/briefing/slides.ts';
import { createClient } from '../../api/client.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { MediaContext } from './BriefChart.tsx';
import { pptxBase64 } from './pptx.ts';
import { Slide } from './slides/Slide.tsx';
import { SLIDE_W, SlideSize } from './slides/SlideFrame.tsx';
import { bt, sourceNumbers } from './text.ts';
import './print.css';

/** A4 landscape less a 10 mm margin all round, in CSS pixels: 277 × 190 mm. */
const PAGE_W = (277 * 96) / 25.4;
const PAGE_H = (190 * 96) / 25.4;
const SCALE = PAGE_W / SLIDE_W;
/** The slide's design height on a page: as tall as the page allows at 1920 wide. */
const PRINT_H = Math.floor(PAGE_H / SCALE) - 1;

declare global {
  // window.healthplanPptx, typed once in shared/briefing/print-url.ts (the CLI calls it).
  interface Window extends BriefPrintGlobals {}
}

/** The page's address read as every builder wrote it (shared/briefing/print-url.ts). */
function readQuery() {
  const p = new URLSearchParams(window.location.search);
  return readBriefPrint((k) => p.get(k));
}

const fail = (message: string) => {
  document.body.dataset.briefError = message || 'error';
};

/** Every chart of the pages has drawn, and the fonts are in: then two frames for the paint. */
async function whenDrawn(timeoutMs = 60_000): Promise<void> {
  await document.fonts?.ready;
  const start = performance.now();
  for (;;) {
    const charts = [...document.querySelectorAll<HTMLElement>('.brief-page [data-testid=slide-chart]')];
    if (charts.every((c) => c.dataset.drawn === 'true')) break;
    if (performance.now() - start > timeoutMs) throw new Error('charts did not finish drawing');
    await new Promise((r) => setTimeout(r, 40));
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

export function BriefPrint() {
  const q = useMemo(readQuery, []);
  const invoke = useMemo(() => createClient().invoke, []);
  const [brief, setBrief] = useState<Brief | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.documentElement.lang = q.lang;
    document.body.classList.add('brief-print-body');
    delete document.body.dataset.briefReady;
    delete document.body.dataset.briefError;
    const args = {
      scenarioId: q.scenarioId,
      lang: q.lang,
      ...(q.compareId !== undefined ? { compareId: q.compareId } : {}),
      ...(q.standardId ? { standardId: q.standardId } : {}),
      ...(q.year !== undefined ? { year: q.year } : {}),
    };
    const loaded = invoke('brief.get', args);
    // The charts' code loads while the brief is made, not after.
    void import('../../ui/charts/echarts.ts');
    window.healthplanPptx = async () => pptxBase64(await loaded, q.lang);
    loaded.then(
      (b) => {
        document.title = `${b.planName} — ${bt(q.lang, 'deck')}`;
        setBrief(b);
      },
      (e: unknown) => {
        const m = errorText(e, q.lang);
        setError(m);
        fail(m);
      },
    );
  }, [invoke, q]);

  useEffect(() => {
    if (!brief) return;
    let alive = true;
    whenDrawn().then(
      () => {
        if (!alive) return;
        document.body.dataset.briefReady = 'true';
        if (q.then === 'print') window.print();
      },
      (e: unknown) => {
        if (alive) fail(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      alive = false;
    };
  }, [brief, q.then]);

  const slides = useMemo(() => (brief ? planSlides(brief) : []), [brief]);
  const refs = useMemo(() => (brief ? sourceNumbers(brief) : new Map<string, number>()), [brief]);
  const size = useMemo(() => ({ w: SLIDE_W, h: PRINT_H }), []);

  if (error)
    return (
      <p className="brief-print-status" role="alert">
        {error}
      </p>
    );
  if (!brief) return <p className="brief-print-status">{bt(q.lang, 'print.loading')}</p>;
  return (
    <MediaContext.Provider value="print">
      <SlideSize.Provider value={size}>
        <div className="brief-print" data-testid="brief-print" lang={q.lang}>
          {slides.map((spec, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the print view renders its slide list once, in order; a slide spec has no id
            <section key={i} className="brief-page" data-testid="brief-page" data-kind={spec.kind}>
              <div className="brief-page-slide" style={{ zoom: SCALE, width: SLIDE_W, height: PRINT_H }}>
                <Slide brief={brief} spec={spec} n={i + 1} total={slides.length} lang={q.lang} refs={refs} />
              </div>
            </section>
          ))}
        </div>
      </SlideSize.Provider>
    </MediaContext.Provider>
  );
}
