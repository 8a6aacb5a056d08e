/**
 * Text that must fit its box: drawn at its design size, and only if it would overflow (a long name in
 * a plan's own standard set, a long original wording) zoomed down as a whole until it fits — never cut
 * off. CSS zoom, not a transform, so the text reflows at the smaller size and nothing overflows the
 * layout. `nowrap` keeps one line (a title) and zooms it to the width. The box needs a height of its
 * own (flex, max-height) for the height to bind; otherwise it simply grows with its text.
 */
import { useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  className?: string;
  style?: CSSProperties;
  nowrap?: boolean;
  testId?: string;
}

export function Fit({ children, className, style, nowrap, testId }: Props) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const o = outer.current,
      i = inner.current;
    if (!o || !i) return;
    const fit = () => {
      i.style.zoom = '';
      const box = o.getBoundingClientRect();
      if (!box.width || !box.height) return;
      let s = 1;
      // Smaller text reflows shorter: zoom down, let it reflow, measure again.
      for (let k = 0; k < 14; k++) {
        const r = i.getBoundingClientRect();
        const need = Math.max(r.height / box.height, nowrap ? r.width / box.width : 0);
        if (need <= 1.002) break;
        s = (s / Math.min(need, 1.3)) * 0.995;
        i.style.zoom = String(s);
      }
      o.dataset.fit = s.toFixed(3);
    };
    fit();
    let alive = true;
    void document.fonts?.ready.then(() => {
      if (alive) fit();
    });
    let last = '';
    const ro = new ResizeObserver(([e]) => {
      const size = `${e!.contentRect.width}x${e!.contentRect.height}`;
      if (size !== last) {
        last = size;
        fit();
      }
    });
    ro.observe(o);
    return () => {
      alive = false;
      ro.disconnect();
    };
  });

  return (
    <div ref={outer} className={`bs-fit${className ? ` ${className}` : ''}`} style={style} data-testid={testId}>
      <div ref={inner} className={`bs-fit-inner${nowrap ? ' is-nowrap' : ''}`}>
        {children}
      </div>
    </div>
  );
}
