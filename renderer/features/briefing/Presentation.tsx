/**
 * 演示: the briefing's slides one at a time, full screen where the browser allows it (and filling the
 * window where it does not), each drawn at 1920×1080 and scaled to fit the window at 16:9. → ↓ PageDown
 * space Enter move on, ← ↑ PageUp Backspace back, Home/End to the ends, Esc (or leaving full screen)
 * ends it. The controls show when the mouse moves and hide again.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Brief } from '../../../shared/briefing/model.ts';
import { planSlides } from '../../../shared/briefing/slides.ts';
import type { Lang } from '../../ui/i18n/index.ts';
import { Slide } from './slides/Slide.tsx';
import { SLIDE_H, SLIDE_W } from './slides/SlideFrame.tsx';
import { bt, sourceNumbers } from './text.ts';
import './presentation.css';

interface Props {
  brief: Brief;
  lang: Lang;
  onClose(): void;
  start?: number;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'Spacebar']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

function fitScale(): number {
  return Math.min(window.innerWidth / SLIDE_W, window.innerHeight / SLIDE_H);
}

export function Presentation({ brief, lang, onClose, start = 0 }: Props) {
  const slides = useMemo(() => planSlides(brief), [brief]);
  const refs = useMemo(() => sourceNumbers(brief), [brief]);
  const [i, setI] = useState(() => Math.min(start, slides.length - 1));
  const [scale, setScale] = useState(fitScale);
  const [controls, setControls] = useState(false);
  const hideTimer = useRef(0);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const total = slides.length;
  const at = Math.min(i, total - 1);

  const go = useCallback((d: number) => setI((x) => Math.max(0, Math.min(total - 1, x + d))), [total]);

  // Fill the window, and follow it.
  useEffect(() => {
    const onResize = () => setScale(fitScale());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  // Full screen where allowed; leaving full screen (Esc in most browsers) ends the presentation.
  useEffect(() => {
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) closeRef.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    const el = document.documentElement;
    if (el.requestFullscreen && !document.fullscreenElement)
      el.requestFullscreen().catch(() => {
        /* not allowed: the window it is */
      });
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  // The keys, before the app's own shortcuts see them.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      let handled = true;
      if (NEXT.has(e.key)) go(1);
      else if (PREV.has(e.key)) go(-1);
      else if (e.key === 'Home') setI(0);
      else if (e.key === 'End') setI(total - 1);
      else if (e.key === 'Escape') closeRef.current();
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [go, total]);

  const wake = () => {
    setControls(true);
    window.clearTimeout(hideTimer.current);
    hideTimer.current = window.setTimeout(() => setControls(false), 2500);
  };
  useEffect(() => () => window.clearTimeout(hideTimer.current), []);

  const spec = slides[at]!;
  return createPortal(
    <div className="brief-present" role="dialog" aria-modal="true" aria-label={bt(lang, 'toolbar.present')} data-testid="presentation" onMouseMove={wake}>
      <div className="brief-present-stage" style={{ width: SLIDE_W * scale, height: SLIDE_H * scale }}>
        {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a click on the slide is the mouse's "next"; the keys (→, Space, PageDown …) are handled on the window */}
        <div
          className="brief-present-slide"
          style={{ width: SLIDE_W, height: SLIDE_H, transform: `scale(${scale})` }}
          data-testid="presentation-slide"
          data-n={at + 1}
          data-kind={spec.kind}
          onClick={(e) => {
            if (e.detail === 1) go(1);
          }}
        >
          <Slide key={at} brief={brief} spec={spec} n={at + 1} total={total} lang={lang} refs={refs} />
        </div>
      </div>
      <div className={`brief-present-controls${controls ? ' is-on' : ''}`}>
        <button type="button" onClick={() => go(-1)} disabled={at === 0} aria-label={bt(lang, 'present.prev')} data-testid="presentation-prev">
          ‹
        </button>
        <span className="brief-present-counter" data-testid="presentation-counter" data-n={at + 1} data-total={total}>
          {bt(lang, 'slide.counter', { n: at + 1, total })}
        </span>
        <button type="button" onClick={() => go(1)} disabled={at === total - 1} aria-label={bt(lang, 'present.next')} data-testid="presentation-next">
          ›
        </button>
        <span className="brief-present-hint">{bt(lang, 'present.hint')}</span>
        <button type="button" onClick={() => closeRef.current()} className="brief-present-close" data-testid="presentation-close">
          {bt(lang, 'present.close')}
        </button>
      </div>
    </div>,
    document.body,
  );
}
