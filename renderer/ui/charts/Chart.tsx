/**
 * The chart every screen uses: ECharts loaded on first use (like the map's MapLibre), a quiet
 * placeholder meanwhile. Pass an ECharts option (types.ts); take a ref for the PNG (savePng).
 *
 *   const ref = useRef<ChartHandle>(null);
 *   <Chart ref={ref} option={option} testId="my-chart" ariaLabel="…" style={{ height: 280 }} />
 *   savePng(ref.current, '床位.png');
 */
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart.tsx';
import './charts.css';

const EChart = lazy(() => import('./EChart.tsx'));

export type ChartProps = EChartProps;
export type { ChartClick, ChartHandle, ChartOption } from './types.ts';
export { savePng, SERIES_COLOURS } from './png.ts';

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<div className={`echart is-loading${props.className ? ` ${props.className}` : ''}`} style={props.style} aria-busy="true" />}>
      <EChart {...props} />
    </Suspense>
  );
}
