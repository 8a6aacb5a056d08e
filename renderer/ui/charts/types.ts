/** The option a chart takes: ECharts' own, narrowed to what echarts.ts registers (types only: nothing is loaded). */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | DataZoomComponentOption
>;

/** What a chart offers its screen: the picture, for export. */
export interface ChartHandle {
  /** The chart as a PNG data URL (white behind it, at twice the screen's resolution), or null before it is drawn. */
  toDataUrl(opts?: { pixelRatio?: number; backgroundColor?: string }): string | null;
}

/** A click on a bar or point: which category and series. */
export interface ChartClick {
  name: string;
  seriesName: string;
  dataIndex: number;
  value: unknown;
}
