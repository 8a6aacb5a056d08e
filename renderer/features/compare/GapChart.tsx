/**
 * The chosen target per place, one bar series per scenario (the reference in grey), the target as a
 * line (a dashed line where it is the same everywhere, a mark over each bar where it differs), or the
 * shortfall instead. Many places scroll (data zoom). Click a bar to show that place in the table;
 * 导出图片 saves a PNG.
 */
import { useMemo, useRef, useState } from 'react';
import type { CompareOut } from '../../../shared/compare/compare.ts';
import type { CompareRow } from '../../../shared/compare/gaps.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import { useLang, type Lang } from '../../ui/i18n/index.ts';
import { useUi } from '../../ui/state/UiContext.tsx';
import { Chart, savePng, SERIES_COLOURS, type ChartHandle, type ChartOption } from '../../ui/charts/Chart.tsx';
import { isShareValued, ratioUnit } from '../../ui/wording/figures.ts';
import { counterOf, unitEn } from '../../ui/wording/vocabulary.ts';
import { ct, num, scenarioLabel } from '../../ui/wording/compare.ts';

export type ChartMode = 'value' | 'shortfall';
const MANY = 12;
const TARGET_COLOUR = '#b42318';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The value axis' unit: 张每千人, %, 个, 人. */
function axisUnit(t: Target, mode: ChartMode, lang: Lang): string {
  if (mode === 'shortfall') return lang === 'en' ? unitEn(t.unit) : counterOf(t.unit);
  if (isShareValued(t)) return '%';
  if (t.kind === 'ratio') return ratioUnit(t, lang);
  return lang === 'en' ? unitEn(t.unit) : t.unit;
}

/** What a bar stands for: the value (a share in percent), or the shortfall. */
function barValue(t: Target, row: CompareRow, s: number, mode: ChartMode): number | null {
  const c = row.cells[s];
  if (!c) return null;
  if (mode === 'shortfall') return c.shortfall;
  if (c.value === null) return null;
  return isShareValued(t) ? Math.round(c.value * 1000) / 10 : c.value;
}

export function buildOption(result: CompareOut, target: Target, places: CompareRow[], mode: ChartMode, lang: Lang): ChartOption {
  const names = places.map((p) => (p.scope === 'region' ? ct(lang, 'levels.region') : p.name));
  const share = isShareValued(target) && mode === 'value';
  const required = places.map((p) => {
    const r = p.cells.find((c) => c)?.required ?? null;
    return r === null ? null : share ? Math.round(r * 1000) / 10 : r;
  });
  const known = required.filter((r): r is number => r !== null);
  const constant = known.length > 0 && known.every((r) => r === known[0]);
  const unit = axisUnit(target, mode, lang);
  const fmt = (v: number | null) => (v === null ? '—' : `${num(v)}${share ? '%' : ''}`);
  const bars = result.scenarios.map((s, i) => ({
    type: 'bar' as const,
    name: scenarioLabel(s, lang),
    data: places.map((p) => barValue(target, p, i, mode)),
    itemStyle: { color: SERIES_COLOURS[i % SERIES_COLOURS.length] },
    barMaxWidth: 28,
    // Few places: each bar says its figure.
    label: {
      show: places.length <= 6,
      position: 'top' as const,
      fontSize: 11,
      color: '#3e4c59',
      formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmt(p.value) : ''),
    },
    emphasis: { focus: 'series' as const },
  }));
  const targetName = ct(lang, 'chart.target');
  const line =
    mode === 'value' && known.length > 0
      ? [
          {
            type: 'line' as const,
            name: targetName,
            data: required,
            itemStyle: { color: TARGET_COLOUR },
            lineStyle: constant ? { color: TARGET_COLOUR, type: 'dashed' as const, width: 2 } : { opacity: 0 },
            symbol: constant ? 'none' : 'path://M0,0H20V3H0Z',
            symbolSize: constant ? 0 : [26, 3],
            z: 5,
            tooltip: { show: true },
          },
        ]
      : [];
  const many = places.length > MANY;
  return {
    color: [...SERIES_COLOURS],
    grid: { left: 12, right: 20, top: 40, bottom: many ? 36 : 10, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 4, left: 'center', itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (raw: unknown) => {
        const ps = (Array.isArray(raw) ? raw : [raw]) as { axisValue?: string; seriesName: string; value: number | null; marker: string }[];
        const head = esc(ps[0]?.axisValue ?? '');
        return [`<b>${head}</b>`, ...ps.map((p) => `${p.marker}${esc(p.seriesName)}：${fmt(p.value ?? null)}`)].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate: places.length > 6 ? 30 : 0, fontSize: 12, color: '#3e4c59' },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      name: unit,
      nameTextStyle: { align: 'left', color: '#7b8794' },
      axisLabel: { color: '#7b8794', formatter: (v: number) => num(v) },
      splitLine: { lineStyle: { color: '#e1e6ec' } },
    },
    dataZoom: many
      ? [
          { type: 'slider', startValue: 0, endValue: MANY - 1, height: 14, bottom: 6, brushSelect: false, showDetail: false, showDataShadow: false },
          { type: 'inside', zoomOnMouseWheel: false, moveOnMouseWheel: true },
        ]
      : [],
    series: [...bars, ...line],
  } as ChartOption;
}

interface Props {
  result: CompareOut;
  target: Target;
  /** The places at the level (or the region alone). */
  places: CompareRow[];
  onPlace(code: string): void;
}

export function GapChart({ result, target, places, onPlace }: Props) {
  const { t, lang } = useLang();
  const { notify } = useUi();
  const [mode, setMode] = useState<ChartMode>('value');
  const ref = useRef<ChartHandle>(null);
  const option = useMemo(() => buildOption(result, target, places, mode, lang), [result, target, places, mode, lang]);
  const title = lang === 'en' ? target.nameEn : target.name;
  const level = t(`compare.chart.by.${result.level}`);
  const save = () => {
    const file = `${t('compare.title')}-${title}-${t(`compare.chart.${mode}`)}.png`;
    if (savePng(ref.current, file)) notify(t('compare.chart.saved', { file }));
  };
  return (
    <section className="compare-chart" data-testid="compare-chart-panel">
      <div className="compare-chart-head">
        <h2 className="compare-chart-title" data-testid="compare-chart-title">
          {t('compare.chart.title', { target: title, by: level })}
        </h2>
        {/* biome-ignore lint/a11y/useSemanticElements: a segmented control of aria-pressed toggle buttons, not a form section: <fieldset> would add form semantics and its own box */}
        <div className="compare-seg" role="group" aria-label={t('compare.chart.show')}>
          {(['value', 'shortfall'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className={`compare-seg-btn${mode === m ? ' is-on' : ''}`}
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
              data-testid={`compare-chart-${m}`}
            >
              {t(`compare.chart.${m}`)}
            </button>
          ))}
        </div>
        <button type="button" className="tool-btn" onClick={save} data-testid="compare-chart-export">
          {t('compare.chart.export')}
        </button>
      </div>
      <div className="compare-chart-box">
        {places.length === 0 ? (
          <p className="compare-none">{t('compare.chart.empty')}</p>
        ) : (
          <Chart
            ref={ref}
            option={option}
            testId="compare-chart"
            ariaLabel={t('compare.chart.title', { target: title, by: level })}
            onClick={(e) => {
              const p = places[e.dataIndex];
              if (p) onPlace(p.code);
            }}
          />
        )}
      </div>
    </section>
  );
}
