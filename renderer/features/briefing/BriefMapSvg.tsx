/**
 * The briefing's static map as inline SVG: streets/towns filled by their covered share (three bands,
 * the run's service areas — 服务范围 at its limits — drawn over them) or the counties filled by a target's status, counties outlined and labelled, with its legend. Drawn
 * from the Brief's own paths (shared/briefing/svg-map.ts), nothing loaded; the same picture goes into
 * the PPTX and a PNG (raster.ts).
 */
import { useMemo, type Ref } from 'react';
import type { Brief, BriefCoverage, BriefMap } from '../../../shared/briefing/model.ts';
import type { GapStatus } from '../../../shared/gaps/result.ts';
import type { Lang } from '../../ui/i18n/index.ts';
import { BAND_COLOUR, bandOf, BANDS, bt, countyResults, NO_DATA, STATUS_COLOUR } from './text.ts';

export interface LegendItem {
  colour: string;
  label: string;
}

/** How the map is coloured: by covered share of a scenario, or the counties by a target's status. */
export type MapColouring = { kind: 'coverage'; coverage: BriefCoverage } | { kind: 'target'; target: string };

export interface MapPaint {
  fill(code: string): string;
  countyFill(name: string): string | null;
  legend: LegendItem[];
  /** 服务范围: SVG paths in the map's coordinates, the widest first (a coverage run's, where it drew some). */
  areas?: readonly { minutes: number; d: string }[];
}

/** The service areas' one hue (the app's map uses it too), translucent so the shares show through; the inner band's edge bolder. */
const AREA_COLOUR = '#2b6cb0';
const AREA_FILL_OPACITY = 0.14;
const areaStroke = (i: number, n: number) => (i === n - 1 ? 1.6 : 0.9);

const TOWNSHIP_PLAIN = '#eef1f5';

export function paintOf(b: Brief, c: MapColouring, lang: Lang): MapPaint {
  if (c.kind === 'coverage') {
    const shares = c.coverage.byTownship;
    const areas = c.coverage.areas ?? [];
    return {
      fill: (code) => BAND_COLOUR[bandOf(shares[code])],
      countyFill: () => null,
      legend: [
        ...BANDS.map((band) => ({ colour: BAND_COLOUR[band], label: bt(lang, `map.band.${band}`) })),
        // The widest band is listed first; the swatch stacks the fills as the map does.
        ...areas.map((a, i) => ({ colour: `rgba(43,108,176,${(AREA_FILL_OPACITY * (i + 1) + 0.1).toFixed(2)})`, label: a.label })),
      ],
      ...(areas.length ? { areas } : {}),
    };
  }
  const byName = new Map(countyResults(b.current, c.target).map((r) => [r.name, r.status]));
  const colourOf = (s: GapStatus | undefined) => (s === 'met' || s === 'near' || s === 'short' ? STATUS_COLOUR[s] : NO_DATA);
  return {
    fill: () => TOWNSHIP_PLAIN,
    countyFill: (name) => colourOf(byName.get(name)),
    legend: [
      { colour: STATUS_COLOUR.met, label: bt(lang, 'map.status.met') },
      { colour: STATUS_COLOUR.near, label: bt(lang, 'map.status.near') },
      { colour: STATUS_COLOUR.short, label: bt(lang, 'map.status.short') },
      { colour: NO_DATA, label: bt(lang, 'map.status.none') },
    ],
  };
}

export interface MapLabel {
  name: string;
  x: number;
  y: number;
  size: number;
}

/** A label's width in map units: CJK characters a full em, others about half. */
const labelWidth = (name: string, size: number) => [...name].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? size : size * 0.58), 0);

/** The extent of an SVG path's points. */
function extent(d: string): number {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  const re = /[ML](-?[\d.]+) (-?[\d.]+)/g;
  for (let m = re.exec(d); m; m = re.exec(d)) {
    const x = Number(m[1]),
      y = Number(m[2]);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x1 > x0 ? (x1 - x0) * (y1 - y0) : 0;
}

/**
 * Where the county names go: at each county's centre, the largest counties first; a name that would
 * cover one already placed moves a little up, down or aside, or gets smaller — in the dense city
 * core neighbouring districts must all stay legible.
 */
export function placeLabels(map: BriefMap, size: number): MapLabel[] {
  const order = map.counties.map((c) => ({ c, area: extent(c.d) })).sort((a, b) => b.area - a.area);
  const boxes: [number, number, number, number][] = [];
  const overlap = (b: [number, number, number, number]) =>
    boxes.reduce((sum, o) => {
      const w = Math.min(b[2], o[2]) - Math.max(b[0], o[0]),
        h = Math.min(b[3], o[3]) - Math.max(b[1], o[1]);
      return sum + (w > 0 && h > 0 ? w * h : 0);
    }, 0);
  const out: MapLabel[] = [];
  for (const { c } of order) {
    if (!Number.isFinite(c.cx) || !Number.isFinite(c.cy)) continue;
    let best: { l: MapLabel; box: [number, number, number, number]; cost: number } | null = null;
    for (const k of [1, 0.82, 0.68]) {
      const s = size * k,
        w = labelWidth(c.name, s) + s * 0.3,
        h = s * 1.25;
      for (const [dx, dy] of [
        [0, 0],
        [0, -h],
        [0, h],
        [w * 0.55, 0],
        [-w * 0.55, 0],
        [w * 0.45, -h],
        [-w * 0.45, h],
        [w * 0.45, h],
        [-w * 0.45, -h],
      ] as const) {
        const x = Math.min(map.width - w / 2, Math.max(w / 2, c.cx + dx)),
          y = Math.min(map.height - h / 2, Math.max(h / 2, c.cy + dy));
        const box: [number, number, number, number] = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
        // Prefer no overlap, then staying put, then full size.
        const cost = overlap(box) * 100 + Math.hypot(dx, dy) + (1 - k) * size * 4;
        if (!best || cost < best.cost) best = { l: { name: c.name, x, y, size: s }, box, cost };
      }
      if (best && best.cost < size * 6) break;
    }
    if (best) {
      boxes.push(best.box);
      out.push(best.l);
    }
  }
  return out;
}

interface Props {
  map: BriefMap;
  paint: MapPaint;
  testId: string;
  ariaLabel: string;
  /** County names on the map (size relative to the map). */
  labels?: boolean;
  /** Label size in map units (default: width ÷ 40). */
  labelSize?: number;
  className?: string;
  ref?: Ref<SVGSVGElement>;
}

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export function BriefMapSvg({ map, paint, testId, ariaLabel, labels = true, labelSize, className, ref }: Props) {
  const size = labelSize ?? map.width / 40;
  const placed = useMemo(() => (labels ? placeLabels(map, size) : []), [map, size, labels]);
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${map.width} ${map.height}`}
      preserveAspectRatio="xMidYMid meet"
      className={`brief-map${className ? ` ${className}` : ''}`}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      data-shapes={map.shapes.length}
    >
      <rect width={map.width} height={map.height} fill="#ffffff" />
      {map.shapes.map((s) =>
        s.d ? (
          <path key={s.code} d={s.d} fill={paint.fill(s.code)} stroke="#ffffff" strokeWidth={0.6} />
        ) : (
          <circle key={s.code} cx={s.cx} cy={s.cy} r={s.r} fill={paint.fill(s.code)} stroke="#ffffff" strokeWidth={0.6} />
        ),
      )}
      {paint.areas?.map((a, i, all) => (
        <path
          key={`a-${a.minutes}`}
          d={a.d}
          fill={AREA_COLOUR}
          fillOpacity={AREA_FILL_OPACITY}
          fillRule="evenodd"
          stroke={AREA_COLOUR}
          strokeWidth={areaStroke(i, all.length)}
          strokeLinejoin="round"
          data-testid="brief-map-area"
          data-minutes={a.minutes}
        />
      ))}
      {map.counties.map((c) => {
        const f = paint.countyFill(c.name);
        return (
          <path key={`c-${c.name}`} d={c.d} fill={f ?? 'none'} fillOpacity={f ? 0.9 : undefined} stroke="#37474f" strokeWidth={1.4} strokeLinejoin="round" />
        );
      })}
      {placed.map((l) => (
        <text
          key={`l-${l.name}`}
          x={l.x}
          y={l.y}
          fontFamily={FONT}
          fontSize={l.size}
          fontWeight={600}
          textAnchor="middle"
          dominantBaseline="central"
          fill="#1f2933"
          stroke="#ffffff"
          strokeWidth={l.size / 5}
          paintOrder="stroke"
        >
          {l.name}
        </text>
      ))}
    </svg>
  );
}

const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The same picture as one SVG document (for the PPTX image and PNGs made without the screen). */
export function mapSvgString(map: BriefMap, paint: MapPaint, opts: { labels?: boolean; labelSize?: number } = {}): string {
  const size = opts.labelSize ?? map.width / 40;
  const shapes = map.shapes
    .map((s) =>
      s.d
        ? `<path d="${s.d}" fill="${paint.fill(s.code)}" stroke="#ffffff" stroke-width="0.6"/>`
        : `<circle cx="${s.cx.toFixed(1)}" cy="${s.cy.toFixed(1)}" r="${s.r.toFixed(1)}" fill="${paint.fill(s.code)}" stroke="#ffffff" stroke-width="0.6"/>`,
    )
    .join('');
  const areas = (paint.areas ?? [])
    .map(
      (a, i, all) =>
        `<path d="${a.d}" fill="${AREA_COLOUR}" fill-opacity="${AREA_FILL_OPACITY}" fill-rule="evenodd" stroke="${AREA_COLOUR}" stroke-width="${areaStroke(i, all.length)}" stroke-linejoin="round"/>`,
    )
    .join('');
  const counties = map.counties
    .map((c) => {
      const f = paint.countyFill(c.name);
      return `<path d="${c.d}" fill="${f ?? 'none'}"${f ? ' fill-opacity="0.9"' : ''} stroke="#37474f" stroke-width="1.4" stroke-linejoin="round"/>`;
    })
    .join('');
  const labels =
    opts.labels === false
      ? ''
      : placeLabels(map, size)
          .map(
            (l) =>
              `<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" font-family='${FONT}' font-size="${l.size.toFixed(1)}" font-weight="600" text-anchor="middle" dominant-baseline="central" fill="#1f2933" stroke="#ffffff" stroke-width="${(l.size / 5).toFixed(1)}" paint-order="stroke">${esc(l.name)}</text>`,
          )
          .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" width="${map.width}" height="${map.height}"><rect width="${map.width}" height="${map.height}" fill="#ffffff"/>${shapes}${areas}${counties}${labels}</svg>`;
}

export function MapLegend({ items, className, testId }: { items: LegendItem[]; className?: string; testId?: string }) {
  return (
    <ul className={`brief-legend${className ? ` ${className}` : ''}`} data-testid={testId}>
      {items.map((i) => (
        <li key={i.label}>
          <span className="brief-swatch" style={{ background: i.colour }} aria-hidden="true" />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
