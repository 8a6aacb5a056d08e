/**
 * Every slide's frame, designed at 1920×1080 (the printed page uses a taller box of the same width):
 * the title (one line, shrunk if it must be) with a line under it saying where and what, the body, and
 * a footer with the plan, the sample warning where it applies, and the slide's number.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Brief } from '../../../../shared/briefing/model.ts';
import type { SlideSpec } from '../../../../shared/briefing/slides.ts';
import type { GapStatus } from '../../../../shared/gaps/result.ts';
import type { Lang } from '../../../ui/i18n/index.ts';
import { bt, statusName } from '../text.ts';
import { Fit } from './Fit.tsx';

export const SLIDE_W = 1920;
export const SLIDE_H = 1080;

/** The box a slide is drawn in (design pixels): 1920×1080 on screen, taller on an A4 page. */
export const SlideSize = createContext<{ w: number; h: number }>({ w: SLIDE_W, h: SLIDE_H });

export interface SlideProps {
  brief: Brief;
  spec: SlideSpec;
  /** 1-based place in the deck, and how many slides. */
  n: number;
  total: number;
  lang: Lang;
  /** The source note of each target (its number on the sources slides). */
  refs: Map<string, number>;
}

interface FrameProps {
  p: SlideProps;
  title: string;
  kicker?: ReactNode;
  className?: string;
  children: ReactNode;
  /** No header (the title slide draws its own). */
  bare?: boolean;
}

export function SlideFrame({ p, title, kicker, className, children, bare }: FrameProps) {
  const size = useContext(SlideSize);
  const { brief, lang } = p;
  return (
    <div
      className={`bs-slide bs-k-${p.spec.kind}${className ? ` ${className}` : ''}`}
      style={{ width: size.w, height: size.h }}
      data-testid="slide"
      data-kind={p.spec.kind}
      data-n={p.n}
      lang={lang}
    >
      {!bare && (
        <header className="bs-head">
          <Fit nowrap className="bs-title-fit">
            <h1 className="bs-title" data-testid="slide-title">
              {title}
            </h1>
          </Fit>
          {kicker && (
            <Fit nowrap className="bs-kicker-fit">
              <div className="bs-kicker">{kicker}</div>
            </Fit>
          )}
        </header>
      )}
      <div className="bs-body">{children}</div>
      <footer className="bs-foot">
        <span className="bs-foot-plan">{brief.planName}</span>
        {brief.sample && (
          <span className="bs-foot-sample" data-testid="slide-sample">
            {bt(lang, 'sample')}
          </span>
        )}
        <span className="bs-foot-n" data-testid="slide-number">
          {bt(lang, 'slide.counter', { n: p.n, total: p.total })}
        </span>
      </footer>
    </div>
  );
}

/** A superscript source note: [3] points to the sources slides. */
export function Ref({ n }: { n: number | undefined }) {
  return n ? (
    <sup className="bs-ref" data-testid="slide-ref">
      [{n}]
    </sup>
  ) : null;
}

export function StatusChip({ status, lang }: { status: GapStatus; lang: Lang }) {
  return (
    <span className={`bs-status is-${status}`} data-status={status}>
      <i aria-hidden="true" />
      {statusName(status, lang)}
    </span>
  );
}

/** 待核实 beside a target not confirmed from its original document. */
export function Unverified({ lang }: { lang: Lang }) {
  return <span className="bs-badge is-unverified">{bt(lang, 'slide.sources.unverified')}</span>;
}
