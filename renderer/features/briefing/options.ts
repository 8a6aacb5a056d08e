/**
 * The briefing's two charts as ECharts options, for a slide (large type, 1920×1080 design) or the
 * dashboard: a ratio target by county against its target line (bars coloured by status, the compared
 * scenario's bars in grey beside), and the coverage curve by travel time (before/after) with the
 * urban and rural limits marked. Bar labels are the gap table's own figures.
 */
import type { Brief } from '../../../shared/briefing/model.ts';
import type { GapResult } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import type { Lang } from '../../ui/i18n/index.ts';
import type { ChartOption } from '../../ui/charts/types.ts';
import { cellFigure, num, pct } from '../../ui/wording/figures.ts';
import { ACCENT, BEFORE, bt, countyResults, regionResult, scenarioName, STATUS_COLOUR, TARGET_LINE, targetById } from './text.ts';

export interface ChartLook {
  font: number;
  small: number;
  label: number;
  line: number;
  symbol: number;
}
/** Type for a slide drawn at 1920×1080 (and scaled to the screen or the page). */
export const SLIDE_LOOK: ChartLook = { font: 26, small: 22, label: 24, line: 5, symbol: 12 };
/** Type for the dashboard. */
export const SCREEN_LOOK: ChartLook = { font: 12, small: 11, label: 11, line: 2.5, symbol: 6 };

const AXIS = '#52606d';
const SPLIT = '#e1e6ec';

/** The counties of a target, highest first (those without a figure last). */
export function barRows(b: Brief, id: string): GapResult[] {
  return countyResults(b.current, id)
    .slice()
    .sort((x, y) => (y.value ?? -Infinity) - (x.value ?? -Infinity));
}

/** The line the bars are measured against: what the region is asked for (a ratio target's minimum). */
export function targetValue(b: Brief, t: Target): number | null {
  const r = regionResult(b.current, t.id);
  if (r?.required !== null && r?.required !== undefined) return r.required;
  return t.kind === 'ratio' ? t.min : null;
}

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function barsOption(b: Brief, id: string, lang: Lang, look: ChartLook, animate = true): ChartOption | null {
  const t = targetById(b, id);
  if (!t) return null;
  const rows = barRows(b, id);
  if (!rows.length) return null;
  const before = b.compare ? new Map(countyResults(b.compare, id).map((r) => [r.code, r])) : null;
  const labels = rows.map((r) => cellFigure(t, r, lang));
  const line = targetValue(b, t);
  const names = rows.map((r) => r.name);
  const many = rows.length > 10;
  const current = {
    type: 'bar' as const,
    name: scenarioName(b.current.scenario, lang),
    data: rows.map((r) => ({ value: round2(r.value), itemStyle: { color: STATUS_COLOUR[r.status] } })),
    itemStyle: { color: ACCENT },
    barMaxWidth: look === SLIDE_LOOK ? 84 : 36,
    // A white box keeps a figure legible where the target line crosses it (the line is drawn below).
    label: {
      show: true,
      position: 'top' as const,
      fontSize: look.label,
      color: '#1f2933',
      backgroundColor: '#ffffff',
      padding: [1, 3],
      formatter: (p: { dataIndex: number }) => labels[p.dataIndex] ?? '',
    },
    markLine:
      line === null
        ? undefined
        : {
            silent: true,
            z: 1,
            symbol: 'none',
            lineStyle: { color: TARGET_LINE, type: 'dashed' as const, width: look.line * 0.7 },
            label: {
              show: true,
              position: 'insideEndTop' as const,
              fontSize: look.small,
              color: TARGET_LINE,
              formatter: bt(lang, 'chart.targetLine', { value: num(line) }),
            },
            data: [{ yAxis: line }],
          },
    z: 3,
  };
  const series = before
    ? [
        {
          type: 'bar' as const,
          name: scenarioName(b.compare!.scenario, lang),
          data: rows.map((r) => round2(before.get(r.code)?.value ?? null)),
          itemStyle: { color: BEFORE },
          barMaxWidth: look === SLIDE_LOOK ? 84 : 36,
          label: { show: false },
        },
        current,
      ]
    : [current];
  return {
    animation: animate,
    color: [BEFORE, ACCENT],
    grid: {
      left: 8,
      right: look === SLIDE_LOOK ? 24 : 12,
      top: before ? look.font * 3.2 : look.font * 2.2,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    legend: before ? { top: 0, left: 'center', itemWidth: look.font, itemHeight: look.font * 0.7, textStyle: { fontSize: look.small } } : { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, textStyle: { fontSize: look.small } },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate: many ? 30 : 0, fontSize: look.font, color: AXIS },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      max: (v: { max: number }) => niceMax(Math.max(v.max, line ?? 0) * 1.12),
      axisLabel: { fontSize: look.small, color: AXIS, formatter: (v: number) => num(v) },
      splitLine: { lineStyle: { color: SPLIT } },
    },
    series,
  } as ChartOption;
}

/** A round upper end for the value axis. */
function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const steps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  return (steps.find((s) => s * p >= v) ?? 10) * p;
}

/** The coverage curve: the share of the population within each travel time, before and after. */
export function curveOption(b: Brief, lang: Lang, look: ChartLook, animate = true): ChartOption | null {
  const a = b.access;
  if (!a?.after.curve.length) return null;
  const point = (c: { minutes: number; share: number }) => [c.minutes, Math.round(c.share * 1000) / 10];
  const withZero = (curve: { minutes: number; share: number }[]) => [[0, 0], ...curve.map(point)];
  // A limit's label sits above the plot, on two short lines, so that two limits stay apart.
  const limits =
    a.urbanMinutes === a.ruralMinutes
      ? [{ xAxis: a.urbanMinutes, name: bt(lang, 'chart.limit', { n: a.urbanMinutes }) }]
      : [
          { xAxis: a.urbanMinutes, name: bt(lang, 'chart.urban', { n: a.urbanMinutes }) },
          { xAxis: a.ruralMinutes, name: bt(lang, 'chart.rural', { n: a.ruralMinutes }) },
        ];
  const after = {
    type: 'line' as const,
    name: scenarioName(a.after.scenario, lang),
    data: withZero(a.after.curve),
    smooth: false,
    symbolSize: look.symbol,
    lineStyle: { width: look.line, color: ACCENT },
    itemStyle: { color: ACCENT },
    areaStyle: { color: 'rgba(29, 95, 191, 0.10)' },
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: TARGET_LINE, type: 'dashed' as const, width: look.line * 0.6 },
      label: {
        show: true,
        position: 'end' as const,
        fontSize: look.small,
        lineHeight: look.small * 1.2,
        color: TARGET_LINE,
        formatter: (p: { name: string }) => p.name,
      },
      data: limits,
    },
    z: 3,
  };
  const series = a.before
    ? [
        {
          type: 'line' as const,
          name: scenarioName(a.before.scenario, lang),
          data: withZero(a.before.curve),
          symbolSize: look.symbol * 0.8,
          lineStyle: { width: look.line * 0.8, color: BEFORE, type: 'dashed' as const },
          itemStyle: { color: BEFORE },
        },
        after,
      ]
    : [after];
  return {
    animation: animate,
    color: [BEFORE, ACCENT],
    grid: {
      left: 8,
      right: look === SLIDE_LOOK ? 36 : 18,
      top: look.small * (a.before ? 4.6 : 3),
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    legend: a.before
      ? { top: 0, left: 'center', itemWidth: look.font * 1.4, itemHeight: look.font * 0.6, textStyle: { fontSize: look.small } }
      : { show: false },
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: { fontSize: look.small },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? pct(v / 100) : String(v)),
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 60,
      interval: 10,
      name: bt(lang, 'chart.minutesAxis'),
      nameLocation: 'middle',
      nameGap: look.font * 1.6,
      nameTextStyle: { fontSize: look.small, color: AXIS },
      axisLabel: { fontSize: look.small, color: AXIS },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { fontSize: look.small, color: AXIS, formatter: (v: number) => `${v}%` },
      splitLine: { lineStyle: { color: SPLIT } },
    },
    series,
  } as ChartOption;
}
