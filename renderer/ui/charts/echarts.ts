/**
 * Apache ECharts, only the parts the app draws with: bar and line charts on a grid, with tooltip,
 * legend, data zoom and mark lines (a target line, a travel-time limit), on the canvas renderer —
 * and the SVG renderer for printed pages (the briefing's PDF), which stay vector. Text is drawn with
 * the machine's own fonts (the app's font stack); nothing is fetched. A screen that needs another
 * chart type adds it to `use`.
 * Imported by EChart.tsx only (and the briefing's print chart), which screens load lazily (Chart.tsx),
 * so none of it is in the app's first bundle.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer, SVGRenderer]);

export { echarts };
