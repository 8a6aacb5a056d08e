/**
 * Apache ECharts, only the parts the app draws with: bar and line charts on a grid, with tooltip,
 * legend and data zoom, on the canvas renderer. Text is drawn with the machine's own fonts
 * (the app's font stack); nothing is fetched. A screen that needs another chart type adds it to `use`.
 * Imported by EChart.tsx only, which screens load lazily (Chart.tsx), so none of it is in the app's
 * first bundle.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

export { echarts };
