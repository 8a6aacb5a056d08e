/** The contract's types as the renderer uses them (types only: no zod in these imports). */
export type { AppStatus, EditState, FileOut, ImportReport, Invoke, PlanInfo } from '../../../shared/api/contract.ts';
export type { ImportProblem } from '../../../shared/api/import-report.ts';
import type { Scope } from '../../../shared/gaps/standard.ts';
export type CellValue = string | number | boolean | null;
export type TableName = 'units' | 'facilities';
/** The window's tabs: the dashboard (总览), the two tables, the gaps screen (差距分析), the map (地图与可及性), projects by year (规划项目), scenarios compared (情景比较) and the allocator (资源配置). */
export type TabName = 'dashboard' | TableName | 'gaps' | 'map' | 'timeline' | 'compare' | 'allocation' | 'programme';
/**
 * The gap screen's selection, remembered as `gaps.selected`: what its source panel shows — a target, and one
 * place's result for it when a figure was picked. Here because other screens (siting's 应用到情景) open the gap
 * screen on a figure.
 */
export interface GapSelection {
  target: string;
  scope?: Scope;
  code?: string;
}
