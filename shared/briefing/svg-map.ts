/**
 * A static map for briefings: streets/towns and counties as SVG paths (equirectangular at the region's
 * middle latitude, fitted to a width), or dots at the centres of units without a boundary. Simple
 * enough to draw in a slide, a PDF page or a PPTX image with nothing loaded from anywhere.
 */
import { type Area, polygonsOf } from '../geo/polygon.ts';
import type { BriefMap, BriefMapFrame, BriefShape } from './model.ts';

export interface MapUnit {
  code: string;
  name: string;
  area: Area | null;
  lon: number | null;
  lat: number | null;
  population: number | null;
}

/** Points nearer than this (in map units) to the last one drawn are dropped: the outline stays, the bytes shrink. */
const MIN_STEP = 0.8;

export function briefMap(townships: readonly MapUnit[], counties: readonly MapUnit[], width = 1000): BriefMap | null {
  const all = [...townships, ...counties];
  let minLon = Infinity,
    maxLon = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  const grow = (lon: number, lat: number) => {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  };
  for (const u of all) {
    if (u.area) for (const poly of polygonsOf(u.area)) for (const p of poly[0] ?? []) grow(p[0]!, p[1]!);
    else if (u.lon !== null && u.lat !== null) grow(u.lon, u.lat);
  }
  if (!(maxLon > minLon) || !(maxLat > minLat)) return null;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const margin = 0.02 * width;
  const scale = (width - 2 * margin) / ((maxLon - minLon) * k);
  const height = Math.ceil((maxLat - minLat) * scale + 2 * margin);
  const frame: BriefMapFrame = { minLon, maxLat, k, scale, margin };
  const x = (lon: number) => margin + (lon - minLon) * k * scale;
  const y = (lat: number) => margin + (maxLat - lat) * scale;
  const path = (a: Area): string => pathIn(frame, polygonsOf(a));
  const centre = (u: MapUnit): [number, number] => {
    if (u.lon !== null && u.lat !== null) return [x(u.lon), y(u.lat)];
    const ring = u.area ? (polygonsOf(u.area)[0]?.[0] ?? []) : [];
    let sx = 0,
      sy = 0;
    for (const p of ring) {
      sx += x(p[0]!);
      sy += y(p[1]!);
    }
    return ring.length ? [sx / ring.length, sy / ring.length] : [NaN, NaN];
  };
  const maxPop = Math.max(1, ...townships.map((u) => u.population ?? 0));
  const shapes: BriefShape[] = townships.map((u) => {
    const [cx, cy] = centre(u);
    return { code: u.code, name: u.name, d: u.area ? path(u.area) : null, cx, cy, r: u.area ? 0 : 3 + 9 * Math.sqrt((u.population ?? 0) / maxPop) };
  });
  return {
    width,
    height,
    frame,
    shapes,
    counties: counties
      .filter((u) => u.area)
      .map((u) => {
        const [cx, cy] = centre(u);
        return { name: u.name, d: path(u.area!), cx, cy };
      }),
  };
}

/** Polygons (lon/lat rings) as one SVG path in a map's coordinates, points closer than MIN_STEP to the last dropped. */
function pathIn(f: BriefMapFrame, polygons: readonly (readonly (readonly (readonly number[])[])[])[]): string {
  const parts: string[] = [];
  for (const poly of polygons) {
    for (const ring of poly) {
      let lx = NaN,
        ly = NaN,
        out = '';
      for (const p of ring) {
        const px = f.margin + (p[0]! - f.minLon) * f.k * f.scale,
          py = f.margin + (f.maxLat - p[1]!) * f.scale;
        if (out && Math.hypot(px - lx, py - ly) < MIN_STEP) continue;
        out += `${out ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`;
        lx = px;
        ly = py;
      }
      if (out) parts.push(`${out}Z`);
    }
  }
  return parts.join('');
}

/**
 * 服务范围 on the briefing's map: each band's polygons (GeoJSON MultiPolygon coordinates, as an access
 * run's result.areas gives them) as an SVG path in the map's own coordinates, the widest first. Holes are
 * rings of the same path (drawn with fill-rule evenodd). None without the map's frame.
 */
export function areaPaths(
  m: BriefMap,
  bands: readonly { minutes: number; population: number; polygons: readonly (readonly (readonly (readonly number[])[])[])[] }[],
) {
  if (!m.frame) return [];
  return [...bands]
    .filter((b) => b.polygons.length)
    .sort((a, b) => b.minutes - a.minutes)
    .map((b) => ({ minutes: b.minutes, population: b.population, d: pathIn(m.frame!, b.polygons) }));
}

/** The map as one SVG document, each street/town filled by `fill(code)` (for the PPTX image and a PNG). */
export function mapSvg(m: BriefMap, fill: (code: string) => string, opts: { labels?: boolean; font?: string } = {}): string {
  const font = opts.font ?? 'Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif';
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = m.shapes
    .map((s) =>
      s.d
        ? `<path d="${s.d}" fill="${fill(s.code)}" stroke="#ffffff" stroke-width="0.6"/>`
        : `<circle cx="${s.cx.toFixed(1)}" cy="${s.cy.toFixed(1)}" r="${s.r.toFixed(1)}" fill="${fill(s.code)}" stroke="#ffffff" stroke-width="0.6"/>`,
    )
    .join('');
  const counties = m.counties.map((c) => `<path d="${c.d}" fill="none" stroke="#37474f" stroke-width="1.4"/>`).join('');
  const labels =
    opts.labels === false
      ? ''
      : m.counties
          .map(
            (c) =>
              `<text x="${c.cx.toFixed(1)}" y="${c.cy.toFixed(1)}" font-family="${font}" font-size="${Math.round(m.width / 55)}" text-anchor="middle" fill="#263238" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(c.name)}</text>`,
          )
          .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${m.width} ${m.height}" width="${m.width}" height="${m.height}"><rect width="100%" height="100%" fill="#f7f9fb"/>${body}${counties}${labels}</svg>`;
}
