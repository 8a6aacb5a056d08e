/**
 * One ECharts chart in a box that fills its container and follows its size. The option is drawn as
 * given (replacing the last), in the app's fonts. For tests and screens the box says what it shows:
 * data-series (how many series), data-points (how many data points) and data-drawn once the current
 * option is rendered (animations finished).
 * Load it through Chart.tsx (lazily), not directly.
 */
import { useEffect, useImperativeHandle, useRef, useState, type CSSProperties, type Ref } from 'react';
import { echarts } from './echarts.ts';
import type { ChartClick, ChartHandle, ChartOption } from './types.ts';

export interface EChartProps {
  option: ChartOption;
  testId: string;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  ariaLabel: string;
  className?: string;
  style?: CSSProperties;
  onClick?(e: ChartClick): void;
  ref?: Ref<ChartHandle>;
}

/** The app's font stack, so Chinese labels match the rest of the screen (system fonts only). */
function appFont(el: HTMLElement): string {
  return getComputedStyle(el).fontFamily || 'sans-serif';
}

function countOf(option: ChartOption): { series: number; points: number } {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  let points = 0;
  for (const s of series) if (s && Array.isArray((s as { data?: unknown }).data)) points += (s as { data: unknown[] }).data.length;
  return { series: series.length, points };
}

export function EChart({ option, testId, ariaLabel, className, style, onClick, ref }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.({ name: String(p.name), seriesName: String(p.seriesName ?? ''), dataIndex: p.dataIndex, value: p.value }));
    c.on('finished', () => setDrawn(true));
    // Follow the container: a pane resized, a window resized, a side panel opened.
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!c.isDisposed()) c.resize();
      });
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c || !box.current) return;
    const font = appFont(box.current);
    setDrawn(false); // until this option is drawn (its animation finished)
    c.setOption({ animationDuration: 300, ...option, textStyle: { fontFamily: font, ...(option.textStyle as object | undefined) } }, { notMerge: true });
  }, [option]);

  useImperativeHandle(
    ref,
    () => ({
      toDataUrl: (opts) => {
        const c = chart.current;
        if (!c || c.isDisposed()) return null;
        return c.getDataURL({ type: 'png', pixelRatio: opts?.pixelRatio ?? 2, backgroundColor: opts?.backgroundColor ?? '#ffffff' });
      },
    }),
    [],
  );

  const n = countOf(option);
  return (
    <div
      ref={box}
      className={`echart${className ? ` ${className}` : ''}`}
      style={style}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      data-series={n.series}
      data-points={n.points}
      data-drawn={drawn ? 'true' : 'false'}
    />
  );
}

export default EChart;
