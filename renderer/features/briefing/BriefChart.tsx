/**
 * A chart in the briefing. On screen (dashboard, presentation) it is the app's shared Chart; on the
 * printed pages it is drawn with ECharts' SVG renderer and no animation, so the PDF is vector and
 * complete at once. Either way the box says data-drawn="true" once drawn (the print view waits for
 * every chart), data-points how many points it shows.
 */
import { createContext, useContext, useEffect, useRef, useState, type CSSProperties, type Ref } from 'react';
import { Chart, type ChartHandle, type ChartOption } from '../../ui/charts/Chart.tsx';

export type BriefMedia = 'screen' | 'print';
export const MediaContext = createContext<BriefMedia>('screen');
export const useMedia = () => useContext(MediaContext);

interface Props {
  option: ChartOption;
  testId: string;
  ariaLabel: string;
  style?: CSSProperties;
  ref?: Ref<ChartHandle>;
}

export function BriefChart(props: Props) {
  const media = useMedia();
  return media === 'print' ? (
    <PrintChart {...props} />
  ) : (
    <Chart ref={props.ref} option={props.option} testId={props.testId} ariaLabel={props.ariaLabel} style={props.style} className="brief-chart" />
  );
}

function pointsOf(option: ChartOption): number {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  let n = 0;
  for (const s of series) if (s && Array.isArray((s as { data?: unknown }).data)) n += (s as { data: unknown[] }).data.length;
  return n;
}

/** ECharts on the SVG renderer, animation off: what the printed pages draw. */
function PrintChart({ option, testId, ariaLabel, style }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let alive = true;
    let dispose = () => {};
    setDrawn(false);
    void import('../../ui/charts/echarts.ts').then(({ echarts }) => {
      const el = box.current;
      if (!alive || !el) return;
      const c = echarts.init(el, null, { renderer: 'svg' });
      dispose = () => c.dispose();
      c.on('finished', () => {
        if (alive) setDrawn(true);
      });
      c.setOption(
        { ...option, animation: false, textStyle: { fontFamily: getComputedStyle(el).fontFamily, ...(option.textStyle as object | undefined) } },
        { notMerge: true },
      );
    });
    return () => {
      alive = false;
      dispose();
    };
  }, [option]);
  return (
    <div
      ref={box}
      className="brief-chart"
      style={style}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      data-points={pointsOf(option)}
      data-drawn={drawn ? 'true' : 'false'}
    />
  );
}
