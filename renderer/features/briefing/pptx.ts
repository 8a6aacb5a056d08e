/**
 * The PPTX deck (pptxgenjs, loaded only when asked): the same slide list as the presentation and the
 * PDF (planSlides), 16:9, every text and table editable, the bars by county and the coverage curve as
 * native charts (editable in PowerPoint/WPS/LibreOffice), the map as a picture, the sources on the
 * last slides. Figures are worded by the gap screen's own functions, as on the slides.
 */
import type PptxGenJS from 'pptxgenjs';
import type { Brief } from '../../../shared/briefing/model.ts';
import { programmeRows } from '../../../shared/briefing/programme.ts';
import { planSlides, SOURCES_PER_SLIDE, type SlideSpec } from '../../../shared/briefing/slides.ts';
import type { GapStatus } from '../../../shared/gaps/result.ts';
import type { Lang } from '../../ui/i18n/index.ts';
import { lineName, lineQuantity, money, yuan } from '../../ui/wording/compare.ts';
import { cellFigure, DASH, fullFigure, num, pct } from '../../ui/wording/figures.ts';
import { gapPhrase } from '../../ui/wording/phrases.ts';
import { mapSvgString, paintOf } from './BriefMapSvg.tsx';
import { barRows, targetValue } from './options.ts';
import { svgToPng } from './raster.ts';
import { OVERVIEW_TILES } from './slides/OverviewSlide.tsx';
import { outcomeLine, programmeNotes, rowLabel, spendText } from './slides/ProgrammeSlide.tsx';
import { beforeOf, groupName as equityGroup, shareText, worstLine } from './slides/EquitySlide.tsx';
import { COST_LINES, PROPOSAL_LINES, proposalLines } from './slides/ProposalsSlide.tsx';
import { TIMELINE_ROWS } from './slides/TimelineSlide.tsx';
import { sep } from '../../ui/i18n/labels.ts';
import {
  ACCENT,
  BAND_COLOUR,
  bandOf,
  BEFORE,
  bt,
  groupName,
  headlineTargets,
  int,
  pointsDelta,
  regionName,
  regionResult,
  scenarioName,
  sourceNumbers,
  standardLine,
  STATUS_COLOUR,
  statusName,
  tally,
  TARGET_LINE,
  targetById,
  targetLabel,
} from './text.ts';

type Pptx = PptxGenJS;
type PSlide = PptxGenJS.Slide;

const W = 13.333;
const X = 0.6;
const CW = W - 2 * X;
const BODY_Y = 1.55;
const FOOT_Y = 6.95;
const FONT = 'Microsoft YaHei';
const hex = (c: string) => c.replace('#', '').toUpperCase();
const INK = '12263F',
  INK2 = '3E4C59',
  INK3 = '616E7C',
  RULE = 'D5DDE8',
  PANEL = 'F4F7FB';
const STATUS_TEXT: Record<GapStatus, string> = {
  met: '2F8F5B',
  near: 'B07A06',
  short: 'C93C3C',
  missing_data: '8795A1',
  not_evaluated: '8795A1',
  not_due: '616E7C',
  reference: '616E7C',
  not_applicable: '8795A1',
};

interface Ctx {
  pptx: Pptx;
  b: Brief;
  lang: Lang;
  refs: Map<string, number>;
  text: Partial<PptxGenJS.TextPropsOptions>;
  n: number;
  total: number;
}

function frame(c: Ctx, title: string, kicker?: string): PSlide {
  const s = c.pptx.addSlide();
  s.background = { color: 'FFFFFF' };
  s.addText(title, { ...c.text, x: X, y: 0.35, w: CW, h: 0.7, fontSize: 30, bold: true, color: INK, fit: 'shrink', valign: 'middle' });
  if (kicker) s.addText(kicker, { ...c.text, x: X, y: 1.02, w: CW, h: 0.32, fontSize: 12, color: INK3, fit: 'shrink', valign: 'middle' });
  s.addShape(c.pptx.ShapeType.line, { x: X, y: 1.38, w: CW, h: 0, line: { color: RULE, width: 1 } });
  s.addShape(c.pptx.ShapeType.rect, { x: X, y: 1.35, w: 1.1, h: 0.05, fill: { color: hex(ACCENT) }, line: { color: hex(ACCENT), width: 0 } });
  footer(c, s);
  return s;
}

function footer(c: Ctx, s: PSlide) {
  s.addShape(c.pptx.ShapeType.line, { x: X, y: FOOT_Y, w: CW, h: 0, line: { color: RULE, width: 0.75 } });
  s.addText(c.b.planName, { ...c.text, x: X, y: FOOT_Y + 0.05, w: 6, h: 0.4, fontSize: 11, color: INK3, valign: 'middle' });
  if (c.b.sample)
    s.addText(bt(c.lang, 'sample'), {
      ...c.text,
      x: 6.9,
      y: FOOT_Y + 0.07,
      w: 4.4,
      h: 0.36,
      fontSize: 11,
      color: '8A5200',
      fill: { color: 'FFF6E0' },
      align: 'center',
      valign: 'middle',
    });
  s.addText(bt(c.lang, 'slide.counter', { n: c.n, total: c.total }), {
    ...c.text,
    x: W - X - 1.4,
    y: FOOT_Y + 0.05,
    w: 1.4,
    h: 0.4,
    fontSize: 11,
    bold: true,
    color: INK2,
    align: 'right',
    valign: 'middle',
  });
}

const ref = (c: Ctx, id: string): PptxGenJS.TextProps => ({
  text: `[${c.refs.get(id) ?? ''}]`,
  options: { superscript: true, color: hex(ACCENT), bold: true },
});

function titleSlide(c: Ctx) {
  const { b, lang } = c;
  const s = c.pptx.addSlide();
  s.background = { color: 'FFFFFF' };
  s.addShape(c.pptx.ShapeType.rect, { x: X, y: 1.5, w: 0.1, h: 4.1, fill: { color: hex(ACCENT) }, line: { color: hex(ACCENT), width: 0 } });
  s.addText(bt(lang, 'deck'), { ...c.text, x: X + 0.35, y: 1.5, w: CW - 0.5, h: 0.5, fontSize: 18, bold: true, color: hex(ACCENT) });
  s.addText(b.planName, { ...c.text, x: X + 0.35, y: 2.05, w: CW - 0.5, h: 1.3, fontSize: 40, bold: true, color: INK, fit: 'shrink', valign: 'middle' });
  const lines: PptxGenJS.TextProps[] = [
    {
      text:
        bt(lang, 'scenario', { name: scenarioName(b.current.scenario, lang) })
        + (b.compare ? `    ${bt(lang, 'compared', { name: scenarioName(b.compare.scenario, lang) })}` : ''),
      options: { breakLine: true, fontSize: 18, color: INK2 },
    },
    { text: bt(lang, 'standard', { name: b.standard.name, year: b.standard.year }), options: { breakLine: true, fontSize: 17, color: INK2 } },
    { text: bt(lang, 'date', { date: b.date }), options: { fontSize: 15, color: INK3 } },
  ];
  s.addText(lines, { ...c.text, x: X + 0.35, y: 3.45, w: CW - 0.5, h: 1.5, valign: 'top', paraSpaceAfter: 6 });
  if (b.sample)
    s.addText(bt(lang, 'sample'), {
      ...c.text,
      x: X + 0.35,
      y: 5.05,
      w: 5.6,
      h: 0.5,
      fontSize: 16,
      bold: true,
      color: '8A5200',
      fill: { color: 'FFF6E0' },
      line: { color: 'F0D28A', width: 1 },
      align: 'center',
      valign: 'middle',
    });
  footer(c, s);
}

function overviewSlide(c: Ctx) {
  const { b, lang } = c;
  const s = frame(c, `${regionName(b, lang)} · ${bt(lang, 'slide.overview.title')}`, standardLine(b, lang));
  const population = b.current.region.find((r) => r.population !== undefined)?.population ?? b.counts.population;
  const counts = tally(b.current);
  const stats: [string, string][] = [
    [int(population), bt(lang, 'slide.overview.population', { year: b.standard.year })],
    [int(b.counts.counties), bt(lang, 'slide.overview.counties')],
    [int(b.counts.townships), bt(lang, 'slide.overview.townships')],
    [int(b.counts.facilities), bt(lang, 'slide.overview.facilities')],
  ];
  const widths = [2.45, 1.3, 1.75, 1.75];
  let x = X;
  stats.forEach(([v, l], i) => {
    s.addText(
      [
        { text: v, options: { fontSize: 24, bold: true, color: INK, breakLine: true } },
        { text: l, options: { fontSize: 11, color: INK3 } },
      ],
      { ...c.text, x, y: BODY_Y, w: widths[i]!, h: 0.95, fill: { color: PANEL }, margin: 8, valign: 'middle' },
    );
    x += widths[i]! + 0.12;
  });
  const tallyRuns: PptxGenJS.TextProps[] = [
    { text: bt(lang, 'slide.overview.tally', { n: b.current.region.length }), options: { fontSize: 11, color: INK3, breakLine: true } },
  ];
  for (const st of ['met', 'near', 'short', 'missing_data'] as const) {
    if (st === 'missing_data' && !counts[st]) continue;
    tallyRuns.push(
      { text: `● ${statusName(st, lang)} `, options: { fontSize: 13, bold: true, color: STATUS_TEXT[st] } },
      { text: `${counts[st]}   `, options: { fontSize: 18, bold: true, color: INK } },
    );
  }
  s.addText(tallyRuns, { ...c.text, x, y: BODY_Y, w: X + CW - x, h: 0.95, fill: { color: PANEL }, margin: 8, valign: 'middle' });

  const targets = headlineTargets(b, OVERVIEW_TILES).filter((t) => regionResult(b.current, t.id));
  // Two rows of three between the figures and the notes line.
  const ty = BODY_Y + 1.1,
    bottom = b.notes.length ? 6.4 : 6.8;
  const tw = (CW - 0.3) / 3,
    th = (bottom - ty - 0.15) / 2;
  targets.forEach((t, i) => {
    const r = regionResult(b.current, t.id)!;
    const before = regionResult(b.compare, t.id);
    const tx = X + (i % 3) * (tw + 0.15),
      y = ty + Math.floor(i / 3) * (th + 0.15);
    s.addShape(c.pptx.ShapeType.rect, { x: tx, y, w: tw, h: th, fill: { color: 'FFFFFF' }, line: { color: RULE, width: 0.75 } });
    s.addShape(c.pptx.ShapeType.rect, {
      x: tx,
      y,
      w: 0.08,
      h: th,
      fill: { color: hex(STATUS_COLOUR[r.status]) },
      line: { color: hex(STATUS_COLOUR[r.status]), width: 0 },
    });
    const phrase = gapPhrase(t, r, lang);
    const runs: PptxGenJS.TextProps[] = [
      { text: targetLabel(t, lang), options: { fontSize: 13, bold: true, color: INK2 } },
      { ...ref(c, t.id), options: { ...ref(c, t.id).options, fontSize: 13, breakLine: true } },
      { text: fullFigure(t, r, lang), options: { fontSize: 21, bold: true, color: INK, breakLine: true } },
    ];
    if (before)
      runs.push({
        text: bt(lang, 'before', { name: scenarioName(b.compare!.scenario, lang), value: cellFigure(t, before, lang) }),
        options: { fontSize: 11, color: INK3, breakLine: true },
      });
    runs.push({ text: `● ${statusName(r.status, lang)}  `, options: { fontSize: 13, bold: true, color: STATUS_TEXT[r.status] } });
    if (phrase) runs.push({ text: phrase, options: { fontSize: 13, color: INK2 } });
    s.addText(runs, { ...c.text, x: tx + 0.15, y: y + 0.05, w: tw - 0.25, h: th - 0.1, valign: 'top', paraSpaceAfter: 4, fit: 'shrink' });
  });
  if (b.notes.length) {
    s.addText(bt(lang, 'slide.overview.notes', { text: b.notes.join(sep(lang, 'semi')) }), {
      ...c.text,
      x: X,
      y: 6.45,
      w: CW,
      h: 0.42,
      fontSize: 10,
      color: INK3,
      fit: 'shrink',
      valign: 'middle',
    });
  }
}

const cell = (text: string, o: PptxGenJS.TableCellProps = {}): PptxGenJS.TableCell => ({ text, options: o });

function tableOpts(colW: number[], fontSize: number): PptxGenJS.TableProps {
  return {
    x: X,
    y: BODY_Y,
    w: CW,
    colW,
    fontFace: FONT,
    fontSize,
    color: INK,
    valign: 'middle',
    margin: [4, 6, 4, 6],
    border: { type: 'solid', pt: 0.5, color: RULE },
  } as PptxGenJS.TableProps;
}

function headRow(labels: string[], size: number): PptxGenJS.TableRow {
  return labels.map((l) => cell(l, { bold: true, color: INK3, fill: { color: 'EEF2F7' }, fontSize: size }));
}

function groupSlide(c: Ctx, spec: Extract<SlideSpec, { kind: 'group' }>) {
  const { b, lang } = c;
  const part = spec.parts > 1 ? bt(lang, 'slide.part', { part: spec.part, parts: spec.parts }) : '';
  const s = frame(c, `${groupName(spec.group, lang)}${part}`, `${regionName(b, lang)} · ${standardLine(b, lang)}`);
  const compare = b.compare;
  const heads = [
    bt(lang, 'slide.group.target'),
    ...(compare ? [scenarioName(compare.scenario, lang)] : []),
    compare ? bt(lang, 'slide.group.scenarioFigure', { name: scenarioName(b.current.scenario, lang) }) : bt(lang, 'slide.group.figure'),
    bt(lang, 'slide.group.status'),
    bt(lang, 'slide.group.gap'),
  ];
  const rows: PptxGenJS.TableRow[] = [headRow(heads, 13)];
  for (const id of spec.targets) {
    const t = targetById(b, id);
    if (!t) continue;
    const r = regionResult(b.current, id);
    const before = regionResult(compare, id);
    rows.push([
      {
        text: [
          { text: targetLabel(t, lang), options: { bold: true } },
          ref(c, id),
          ...(t.unverified ? [{ text: ` ${bt(lang, 'slide.sources.unverified')}`, options: { color: '8A5200', fontSize: 11 } }] : []),
        ],
      },
      ...(compare ? [cell(before ? cellFigure(t, before, lang) : DASH, { color: INK3 })] : []),
      cell(r ? fullFigure(t, r, lang) : DASH, { bold: true }),
      cell(r ? `● ${statusName(r.status, lang)}` : DASH, { bold: true, color: r ? STATUS_TEXT[r.status] : INK3 }),
      cell(r ? (gapPhrase(t, r, lang) ?? bt(lang, 'slide.group.noGap')) : DASH, { color: r?.status === 'short' ? 'A32F2F' : INK2 }),
    ]);
  }
  const colW = compare ? [3.5, 1.6, 2.75, 1.15, 3.13] : [4.2, 3.2, 1.2, 3.53];
  const rowH = Math.min(0.62, 5.2 / rows.length);
  s.addTable(rows, { ...tableOpts(colW, 15), rowH: [0.45, ...rows.slice(1).map(() => rowH)] });
}

async function barsSlide(c: Ctx, id: string) {
  const { b, lang, pptx } = c;
  const t = targetById(b, id)!;
  const s = frame(c, bt(lang, 'slide.bars.title', { target: targetLabel(t, lang) }), standardLine(b, lang));
  const rows = barRows(b, id);
  const labels = rows.map((r) => r.name);
  const round2 = (v: number | null | undefined) => (v === null || v === undefined ? 0 : Math.round(v * 100) / 100);
  const bars = [
    ...(b.compare
      ? [
          {
            name: scenarioName(b.compare.scenario, lang),
            labels,
            values: rows.map((r) => round2(b.compare!.counties.find((x) => x.target === id && x.code === r.code)?.value)),
          },
        ]
      : []),
    { name: scenarioName(b.current.scenario, lang), labels, values: rows.map((r) => round2(r.value)) },
  ];
  const line = targetValue(b, t);
  const max = Math.max(line ?? 0, ...bars.flatMap((x) => x.values)) * 1.15;
  const types: PptxGenJS.IChartMulti[] = [
    {
      type: pptx.ChartType.bar,
      data: bars,
      options: {
        barDir: 'col',
        chartColors: b.compare ? [hex(BEFORE), hex(ACCENT)] : [hex(ACCENT)],
        showValue: true,
        dataLabelFormatCode: '0.00',
        dataLabelFontSize: 11,
        dataLabelFontFace: FONT,
        dataLabelPosition: 'outEnd',
        barGapWidthPct: 60,
      },
    },
  ];
  if (line !== null) {
    types.push({
      type: pptx.ChartType.line,
      data: [{ name: bt(lang, 'chart.targetLine', { value: num(line) }), labels, values: labels.map(() => line) }],
      options: { chartColors: [hex(TARGET_LINE)], lineDash: 'dash', lineDataSymbol: 'none', lineSize: 2 },
    });
  }
  // Several chart types in one: pptxgenjs takes the options in place of the data.
  s.addChart(types, null as unknown as [], {
    x: X,
    y: BODY_Y,
    w: 8.4,
    h: 5.25,
    showLegend: true,
    legendPos: 'b',
    legendFontSize: 12,
    legendFontFace: FONT,
    catAxisLabelFontSize: 12,
    catAxisLabelFontFace: FONT,
    catAxisLabelRotate: rows.length > 10 ? -30 : 0,
    valAxisLabelFontSize: 11,
    valAxisLabelFontFace: FONT,
    valAxisMinVal: 0,
    valAxisMaxVal: Number(max.toPrecision(2)),
    valGridLine: { color: 'E1E6EC', size: 0.5 },
    altText: bt(lang, 'chart.bars', { target: targetLabel(t, lang) }),
  });
  const r = regionResult(b.current, id);
  const known = rows.filter((x) => x.value !== null);
  const runs: PptxGenJS.TextProps[] = [
    { text: regionName(b, lang), options: { fontSize: 13, color: INK3, bold: true } },
    { ...ref(c, id), options: { ...ref(c, id).options, fontSize: 13, breakLine: true } },
  ];
  if (r) {
    runs.push({ text: fullFigure(t, r, lang), options: { fontSize: 24, bold: true, color: INK, breakLine: true } });
    runs.push({ text: `● ${statusName(r.status, lang)}`, options: { fontSize: 14, bold: true, color: STATUS_TEXT[r.status], breakLine: true } });
    const phrase = gapPhrase(t, r, lang);
    if (phrase) runs.push({ text: phrase, options: { fontSize: 14, color: r.status === 'short' ? 'A32F2F' : INK2, breakLine: true } });
  }
  const near = rows.filter((x) => x.status === 'near').length;
  runs.push({
    text: bt(lang, near ? 'slide.bars.countiesNear' : 'slide.bars.counties', { n: rows.length, short: rows.filter((x) => x.status === 'short').length, near }),
    options: { fontSize: 13, color: INK2, breakLine: true },
  });
  if (known[0])
    runs.push({
      text: bt(lang, 'slide.bars.highest', { name: known[0].name, value: cellFigure(t, known[0], lang) }),
      options: { fontSize: 13, color: INK2, breakLine: true },
    });
  const low = known[known.length - 1];
  if (low && low !== known[0])
    runs.push({
      text: bt(lang, 'slide.bars.lowest', { name: low.name, value: cellFigure(t, low, lang) }),
      options: { fontSize: 13, color: INK2, breakLine: true },
    });
  runs.push({ text: `[${c.refs.get(id)}] ${t.source.document} ${t.source.clause}`, options: { fontSize: 11, color: hex(ACCENT) } });
  s.addText(runs, { ...c.text, x: 9.25, y: BODY_Y, w: X + CW - 9.25, h: 5.25, valign: 'top', paraSpaceAfter: 8, fit: 'shrink' });
}

async function mapImage(c: Ctx, which: 'after' | 'before'): Promise<{ data: string; ratio: number } | null> {
  const { b, lang } = c;
  const a = b.access!;
  const coverage = which === 'after' ? a.after : a.before;
  if (!b.map || !coverage) return null;
  const paint = paintOf(b, { kind: 'coverage', coverage }, lang);
  const svg = mapSvgString(b.map, paint, { labelSize: b.map.width / 34 });
  const png = await svgToPng(svg, b.map.width, b.map.height, { scale: 2, legend: paint.legend });
  return { data: png.replace(/^data:/, ''), ratio: (b.map.height + Math.max(16, b.map.width / 40) * 2) / b.map.width };
}

async function coverageSlide(c: Ctx) {
  const { b, lang, pptx } = c;
  const a = b.access!;
  const t = a.target ? targetById(b, a.target) : undefined;
  const r = t ? regionResult(b.current, t.id) : undefined;
  const label = t ? targetLabel(t, lang) : a.label;
  const s = frame(c, bt(lang, 'slide.coverage.title', { label }), standardLine(b, lang));
  const after = await mapImage(c, 'after');
  const before = a.before ? await mapImage(c, 'before') : null;
  const curve = (x: number, y: number, w: number, h: number) => {
    const labels = ['0', ...a.after.curve.map((p) => String(p.minutes))];
    const data = [
      ...(a.before ? [{ name: scenarioName(a.before.scenario, lang), labels, values: [0, ...a.before.curve.map((p) => p.share)] }] : []),
      { name: scenarioName(a.after.scenario, lang), labels, values: [0, ...a.after.curve.map((p) => p.share)] },
    ];
    s.addChart(pptx.ChartType.line, data, {
      x,
      y,
      w,
      h,
      chartColors: a.before ? [hex(BEFORE), hex(ACCENT)] : [hex(ACCENT)],
      lineSize: 2.5,
      lineDataSymbolSize: 5,
      showLegend: !!a.before,
      legendPos: 'b',
      legendFontSize: 11,
      legendFontFace: FONT,
      valAxisMinVal: 0,
      valAxisMaxVal: 1,
      valAxisLabelFormatCode: '0%',
      valAxisLabelFontSize: 11,
      catAxisLabelFontSize: 11,
      showCatAxisTitle: true,
      catAxisTitle: bt(lang, 'chart.minutesAxis'),
      catAxisTitleFontSize: 11,
      catAxisTitleFontFace: FONT,
      showTitle: true,
      title: bt(lang, 'chart.curve'),
      titleFontSize: 13,
      titleFontFace: FONT,
      titleColor: INK2,
      valGridLine: { color: 'E1E6EC', size: 0.5 },
      altText: bt(lang, 'chart.curve'),
    });
  };
  const share = a.after.population > 0 ? a.after.covered / a.after.population : null;
  const beforeShare = a.before && a.before.population > 0 ? a.before.covered / a.before.population : null;
  const runs: PptxGenJS.TextProps[] = [{ text: bt(lang, 'slide.coverage.covered'), options: { fontSize: 13, bold: true, color: INK3 } }];
  if (t) runs.push({ ...ref(c, t.id), options: { ...ref(c, t.id).options, fontSize: 13 } });
  runs[runs.length - 1]!.options = { ...runs[runs.length - 1]!.options, breakLine: true };
  runs.push({ text: t && r ? fullFigure(t, r, lang) : share !== null ? pct(share) : DASH, options: { fontSize: 24, bold: true, color: INK, breakLine: true } });
  runs.push({
    text: bt(lang, 'slide.coverage.coveredOf', { covered: int(a.after.covered), population: int(a.after.population) }),
    options: { fontSize: 13, color: INK2, breakLine: true },
  });
  if (r && t) {
    const phrase = gapPhrase(t, r, lang);
    runs.push({ text: `● ${statusName(r.status, lang)}  ${phrase ?? ''}`, options: { fontSize: 13, color: STATUS_TEXT[r.status], breakLine: true } });
  }
  if (share !== null && beforeShare !== null) {
    const same = Math.abs(share - beforeShare) < 0.0005;
    runs.push({
      text: same ? bt(lang, 'slide.coverage.same') : bt(lang, 'slide.coverage.change', { delta: pointsDelta(share - beforeShare, lang) }),
      options: { fontSize: 13, color: INK2, breakLine: true },
    });
  }
  runs.push({
    text: bt(lang, 'slide.coverage.rule', { urban: a.urbanMinutes, rural: a.ruralMinutes }),
    options: { fontSize: 11, color: INK3, breakLine: true },
  });
  runs.push({ text: bt(lang, 'slide.coverage.model', { note: a.modelNote }), options: { fontSize: 11, color: INK3 } });

  if (before && after) {
    const w = (CW - 0.3) / 2,
      h = Math.min(3.3, w * after.ratio);
    s.addText(bt(lang, 'map.before', { name: scenarioName(a.before!.scenario, lang) }), {
      ...c.text,
      x: X,
      y: BODY_Y - 0.05,
      w,
      h: 0.3,
      fontSize: 12,
      bold: true,
      color: INK2,
    });
    s.addText(bt(lang, 'map.after', { name: scenarioName(a.after.scenario, lang) }), {
      ...c.text,
      x: X + w + 0.3,
      y: BODY_Y - 0.05,
      w,
      h: 0.3,
      fontSize: 12,
      bold: true,
      color: INK2,
    });
    s.addImage({ data: before.data, x: X, y: BODY_Y + 0.27, w: h / before.ratio, h, altText: bt(lang, 'map.title') });
    s.addImage({ data: after.data, x: X + w + 0.3, y: BODY_Y + 0.27, w: h / after.ratio, h, altText: bt(lang, 'map.title') });
    const y2 = BODY_Y + 0.35 + h;
    curve(X, y2, 6.3, FOOT_Y - 0.1 - y2);
    s.addText(runs, { ...c.text, x: X + 6.6, y: y2, w: CW - 6.6, h: FOOT_Y - 0.1 - y2, valign: 'top', paraSpaceAfter: 3, fit: 'shrink' });
  } else {
    const mw = 7.3;
    if (after) {
      const h = Math.min(5.3, mw * after.ratio);
      s.addImage({ data: after.data, x: X, y: BODY_Y, w: h / after.ratio, h, altText: bt(lang, 'map.title') });
    }
    const rx = after ? X + mw + 0.35 : X,
      rw = X + CW - rx;
    s.addText(runs, { ...c.text, x: rx, y: BODY_Y, w: rw, h: 2.45, valign: 'top', paraSpaceAfter: 4, fit: 'shrink' });
    curve(rx, BODY_Y + 2.55, rw, FOOT_Y - 0.1 - BODY_Y - 2.55);
  }
}

function proposalsSlide(c: Ctx) {
  const { b, lang } = c;
  const pr = b.proposals!;
  const f = pr.changes.facilities;
  const cost = pr.changes.cost;
  const s = frame(c, bt(lang, 'slide.proposals.title'), standardLine(b, lang));
  const lines = proposalLines(pr, lang);
  const runs: PptxGenJS.TextProps[] = [
    {
      text: bt(lang, 'slide.proposals.against', { name: scenarioName(pr.against, lang) }),
      options: { fontSize: 13, color: INK3, bold: true, breakLine: true },
    },
    {
      text: bt(lang, 'slide.proposals.counts', { added: num(f.added.length), removed: num(f.removed.length), changed: num(f.changed.length) }),
      options: { fontSize: 18, bold: true, color: INK, breakLine: true },
    },
  ];
  const tagColour = { added: '1B7A3D', removed: 'B42318', changed: '164C99' };
  for (const l of lines.slice(0, PROPOSAL_LINES)) {
    runs.push({ text: `【${bt(lang, `slide.proposals.${l.kind}`)}】`, options: { fontSize: 13, bold: true, color: tagColour[l.kind] } });
    runs.push({ text: `${l.name}  `, options: { fontSize: 14, bold: true, color: INK } });
    runs.push({ text: l.meta, options: { fontSize: 12, color: INK3, breakLine: true } });
  }
  if (lines.length > PROPOSAL_LINES)
    runs.push({ text: bt(lang, 'slide.proposals.more', { n: num(lines.length - PROPOSAL_LINES) }), options: { fontSize: 12, color: INK3 } });
  s.addText(runs, { ...c.text, x: X, y: BODY_Y, w: 7.2, h: 5.25, valign: 'top', paraSpaceAfter: 5, fit: 'shrink' });

  const cx = X + 7.5,
    cw = CW - 7.5;
  s.addShape(c.pptx.ShapeType.rect, { x: cx, y: BODY_Y, w: cw, h: 5.25, fill: { color: PANEL }, line: { color: PANEL, width: 0 } });
  s.addText(bt(lang, 'slide.proposals.cost'), { ...c.text, x: cx + 0.2, y: BODY_Y + 0.1, w: cw - 0.4, h: 0.35, fontSize: 13, bold: true, color: INK3 });
  if (cost.priced) {
    s.addText(money(cost.total, lang), { ...c.text, x: cx + 0.2, y: BODY_Y + 0.45, w: cw - 0.4, h: 0.6, fontSize: 22, bold: true, color: INK, fit: 'shrink' });
    const rows = cost.lines.slice(0, COST_LINES).map((l) => [cell(lineName(l, lang)), cell(lineQuantity(l, lang)), cell(yuan(l.amount!), { align: 'right' })]);
    if (rows.length)
      s.addTable(rows, {
        x: cx + 0.2,
        y: BODY_Y + 1.15,
        w: cw - 0.4,
        colW: [(cw - 0.4) * 0.42, (cw - 0.4) * 0.28, (cw - 0.4) * 0.3],
        fontFace: FONT,
        fontSize: 11,
        color: INK2,
        border: { type: 'solid', pt: 0.5, color: RULE },
      } as PptxGenJS.TableProps);
    if (!cost.complete)
      s.addText(bt(lang, 'slide.proposals.costPartial'), { ...c.text, x: cx + 0.2, y: BODY_Y + 4.3, w: cw - 0.4, h: 0.4, fontSize: 11, color: INK3 });
  } else {
    s.addText(bt(lang, 'slide.proposals.costNone'), { ...c.text, x: cx + 0.2, y: BODY_Y + 0.5, w: cw - 0.4, h: 0.9, fontSize: 13, color: INK3, valign: 'top' });
  }
  s.addText(bt(lang, 'slide.proposals.costSource'), { ...c.text, x: cx + 0.2, y: BODY_Y + 4.75, w: cw - 0.4, h: 0.35, fontSize: 11, color: hex(ACCENT) });
}

/** 谁被落下: the groups' table (people, the compared share, covered share, left out), the worst served and the notes beside it. */
function equitySlide(c: Ctx, spec: Extract<SlideSpec, { kind: 'equity' }>) {
  const { b, lang } = c;
  const e = b.equity![spec.index]!;
  const s = frame(c, bt(lang, 'slide.equity.title', { label: e.label }), standardLine(b, lang));
  const compared = !!(e.before && b.compare);
  const rows: PptxGenJS.TableRow[] = [
    headRow(
      [
        bt(lang, 'equity.groupCol'),
        bt(lang, 'equity.population'),
        ...(compared ? [scenarioName(b.compare!.scenario, lang)] : []),
        bt(lang, 'equity.share'),
        bt(lang, 'equity.leftOut'),
      ],
      12,
    ),
  ];
  for (const g of e.groups) {
    const bold = g.group === 'all';
    const before = beforeOf(e, g);
    rows.push([
      cell(equityGroup(g.group, lang), { bold: true }),
      cell(int(g.population), { align: 'right', bold }),
      ...(compared ? [cell(before ? shareText(before.share) : DASH, { align: 'right', color: INK3 })] : []),
      cell(shareText(g.share), { align: 'right', bold: true, color: g.share === null ? INK3 : hex(BAND_COLOUR[bandOf(g.share)]) }),
      cell(int(g.leftOut), { align: 'right', bold }),
    ]);
  }
  const tw = 7.4;
  s.addTable(rows, { ...tableOpts(compared ? [2.0, 1.5, 1.3, 1.2, 1.4] : [2.4, 1.8, 1.5, 1.7], 14), w: tw, rowH: 0.5 });
  const side: PptxGenJS.TextProps[] = [{ text: bt(lang, 'equity.worst'), options: { fontSize: 14, bold: true, color: INK3, breakLine: true } }];
  if (e.worst.length)
    e.worst.forEach((w, i) => side.push({ text: `${i + 1}. ${worstLine(w, b, lang)}`, options: { fontSize: 13, color: INK, breakLine: true } }));
  else side.push({ text: bt(lang, 'equity.none'), options: { fontSize: 13, color: INK2, breakLine: true } });
  side.push({ text: bt(lang, 'equity.rule', { urban: e.urbanMinutes, rural: e.ruralMinutes }), options: { fontSize: 11, color: INK3, breakLine: true } });
  side.push({ text: e.note, options: { fontSize: 11, color: INK3 } });
  const sx = X + tw + 0.5;
  s.addText(side, { ...c.text, x: sx, y: BODY_Y, w: X + CW - sx, h: 5.2, valign: 'top', paraSpaceAfter: 8, fit: 'shrink' });
}

/** 分年度实施计划: the Gantt-like table (each year's cost in its cell, shaded), the spend row, the outcome line above and the notes below. */
function programmeSlide(c: Ctx) {
  const { b, lang } = c;
  const pr = b.programme!;
  const s = frame(c, bt(lang, 'slide.programme.title'), standardLine(b, lang));
  const outcome = outcomeLine(b, lang);
  if (outcome) s.addText(outcome, { ...c.text, x: X, y: BODY_Y, w: CW, h: 0.6, fontSize: 14, bold: true, color: INK, fit: 'shrink', valign: 'top' });
  const rows = programmeRows(pr);
  const grouped = rows.some((r) => r.what !== 'project');
  const bar = { fill: { color: 'DBE7F8' }, bold: true, align: 'center' } as const;
  const table: PptxGenJS.TableRow[] = [
    headRow(
      [bt(lang, grouped ? 'slide.programme.group' : 'slide.programme.item'), ...pr.years.map((y) => String(y.year)), bt(lang, 'slide.programme.total')],
      11,
    ),
  ];
  for (const r of rows)
    table.push([
      {
        text: [
          { text: rowLabel(r, lang), options: { bold: true } },
          ...(r.detail || r.what === 'group'
            ? [{ text: `  ${r.what === 'group' ? bt(lang, 'slide.programme.count', { count: r.count }) : r.detail}`, options: { fontSize: 9, color: INK3 } }]
            : []),
        ],
      },
      ...pr.years.map((y) => {
        const x = r.cells[y.year];
        if (!x) return cell('');
        return cell(r.what === 'project' ? num(x.cost) : `${num(x.cost)}\n${bt(lang, 'slide.programme.count', { count: x.count })}`, bar);
      }),
      cell(num(r.total), { bold: true, align: 'right' }),
    ]);
  if (!rows.length) table.push([cell(bt(lang, 'slide.programme.none'), { colspan: pr.years.length + 2, color: INK3 })]);
  const foot = { bold: true, fill: { color: PANEL }, align: 'center' } as const;
  table.push([
    cell(bt(lang, 'slide.programme.spend'), { bold: true, fill: { color: PANEL } }),
    ...pr.years.map((y) => {
      const t = spendText(y, pr, lang);
      return cell(t.sub ? `${t.main}\n${t.sub}` : t.main, { ...foot, ...(y.spent > y.available + 1e-6 ? { color: hex(TARGET_LINE) } : {}) });
    }),
    cell(`${num(pr.spent)} / ${num(pr.money)}`, { ...foot, align: 'right' }),
  ]);
  const label = 3.3,
    total = 1.5;
  const yearW = (CW - label - total) / Math.max(1, pr.years.length);
  s.addTable(table, {
    ...tableOpts([label, ...pr.years.map(() => yearW), total], 11),
    y: BODY_Y + (outcome ? 0.72 : 0),
    margin: [3, 5, 3, 5],
    rowH: 0.34,
  });
  s.addText(programmeNotes(pr, lang), { ...c.text, x: X, y: 6.45, w: CW, h: 0.4, fontSize: 10, color: INK3, fit: 'shrink', valign: 'middle' });
}

function timelineSlide(c: Ctx) {
  const { b, lang } = c;
  const s = frame(c, bt(lang, 'slide.timeline.title'), standardLine(b, lang));
  const projects = [...b.projects].sort((x, y) => x.year - y.year);
  const costs = projects.some((p) => p.cost !== null);
  const rows: PptxGenJS.TableRow[] = [
    headRow(
      (['year', 'name', 'kind', 'facility', 'change', ...(costs ? (['cost'] as const) : [])] as const).map((k) => bt(lang, `slide.timeline.${k}`)),
      12,
    ),
  ];
  for (const p of projects.slice(0, TIMELINE_ROWS)) {
    rows.push([
      cell(String(p.year), { bold: true }),
      {
        text: [
          { text: p.name, options: { bold: true, breakLine: !!p.source } },
          ...(p.source ? [{ text: p.source, options: { fontSize: 9, color: INK3 } }] : []),
        ],
      },
      cell(p.kind),
      cell(p.facility),
      cell(p.change),
      ...(costs ? [cell(p.cost === null ? DASH : num(p.cost), { align: 'right' })] : []),
    ]);
  }
  s.addTable(rows, { ...tableOpts(costs ? [0.9, 3.5, 0.9, 2.6, 2.83, 1.4] : [0.9, 4.0, 1.0, 3.0, 3.23], 12), margin: [3, 5, 3, 5], rowH: 0.3 });
  if (projects.length > TIMELINE_ROWS)
    s.addText(bt(lang, 'slide.timeline.more', { n: num(projects.length - TIMELINE_ROWS) }), {
      ...c.text,
      x: X,
      y: 6.5,
      w: CW,
      h: 0.35,
      fontSize: 12,
      color: INK3,
    });
}

function sourcesSlide(c: Ctx, spec: Extract<SlideSpec, { kind: 'sources' }>) {
  const { b, lang } = c;
  const part = spec.parts > 1 ? bt(lang, 'slide.part', { part: spec.part, parts: spec.parts }) : '';
  const s = frame(c, `${bt(lang, 'slide.sources.title')}${part}`, standardLine(b, lang));
  const rows: PptxGenJS.TableRow[] = [
    headRow(
      ['#', bt(lang, 'slide.group.target'), `${bt(lang, 'slide.sources.document')} · ${bt(lang, 'slide.sources.clause')}`, bt(lang, 'slide.sources.text')],
      11,
    ),
  ];
  for (const t of b.targets.slice((spec.part - 1) * SOURCES_PER_SLIDE, spec.part * SOURCES_PER_SLIDE)) {
    const badge = bt(lang, t.binding ? 'slide.sources.binding' : 'slide.sources.expected') + (t.unverified ? ` · ${bt(lang, 'slide.sources.unverified')}` : '');
    rows.push([
      cell(`[${c.refs.get(t.id)}]`, { bold: true, color: hex(ACCENT) }),
      {
        text: [
          { text: targetLabel(t, lang), options: { bold: true, breakLine: true } },
          { text: badge, options: { fontSize: 9, color: t.unverified ? '8A5200' : INK3 } },
        ],
      },
      {
        text: [
          { text: t.source.document, options: { bold: true, breakLine: true } },
          { text: t.source.clause, options: { color: INK3 } },
        ],
      },
      cell(`“${t.source.text}”`, { color: INK2 }),
    ]);
  }
  s.addTable(rows, { ...tableOpts([0.6, 3.2, 2.5, 5.83], 9.5), valign: 'top', margin: [2, 5, 2, 5], rowH: 0.3 });
}

/** The deck as a pptxgenjs presentation. */
export async function buildDeck(b: Brief, lang: Lang): Promise<Pptx> {
  const { default: Pptx } = await import('pptxgenjs');
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'HealthPlan 卫健资源规划台';
  pptx.company = 'HealthPlan';
  pptx.title = `${b.planName} — ${bt(lang, 'deck')}`;
  pptx.subject = bt(lang, 'standard', { name: b.standard.name, year: b.standard.year });
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const slides = planSlides(b);
  const c: Ctx = {
    pptx,
    b,
    lang,
    refs: sourceNumbers(b),
    text: { fontFace: FONT, lang: lang === 'en' ? 'en-US' : 'zh-CN', margin: 0 },
    n: 0,
    total: slides.length,
  };
  for (const spec of slides) {
    c.n++;
    switch (spec.kind) {
      case 'title':
        titleSlide(c);
        break;
      case 'overview':
        overviewSlide(c);
        break;
      case 'group':
        groupSlide(c, spec);
        break;
      case 'bars':
        await barsSlide(c, spec.target);
        break;
      case 'coverage':
        await coverageSlide(c);
        break;
      case 'equity':
        equitySlide(c, spec);
        break;
      case 'proposals':
        proposalsSlide(c);
        break;
      case 'programme':
        programmeSlide(c);
        break;
      case 'timeline':
        timelineSlide(c);
        break;
      case 'sources':
        sourcesSlide(c, spec);
        break;
    }
  }
  return pptx;
}

/** The deck as base64 (the CLI's window.healthplanPptx, Electron's save). */
export async function pptxBase64(b: Brief, lang: Lang): Promise<string> {
  return (await (await buildDeck(b, lang)).write({ outputType: 'base64' })) as string;
}

/** The deck as a Blob (the browser's download). */
export async function pptxBlob(b: Brief, lang: Lang): Promise<Blob> {
  return (await (await buildDeck(b, lang)).write({ outputType: 'blob' })) as Blob;
}
