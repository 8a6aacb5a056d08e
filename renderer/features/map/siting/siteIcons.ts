/**
 * The proposed sites' marks, drawn here on a canvas (nothing is fetched): a dark rounded square with
 * an amber rim and the site's number — square where every facility is round, so a proposal never
 * reads as something already built.
 */
import type { MapLibreMap } from '../maplibre.ts';

const PIXEL_RATIO = 2;
const SIZE = 26 * PIXEL_RATIO;
export const SITE_FILL = '#1f2937';
export const SITE_RIM = '#ffb300';
export const siteIconId = (n: number) => `site-${n}`;

function drawSite(n: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIZE;
  const g = canvas.getContext('2d')!;
  const pad = 3,
    r = 9;
  g.beginPath();
  g.roundRect(pad, pad, SIZE - 2 * pad, SIZE - 2 * pad, r);
  g.fillStyle = SITE_FILL;
  g.fill();
  g.lineWidth = 5;
  g.strokeStyle = SITE_RIM;
  g.stroke();
  g.fillStyle = '#ffffff';
  const digits = String(n).length;
  g.font = `700 ${Math.round(SIZE * (digits > 2 ? 0.34 : digits > 1 ? 0.42 : 0.5))}px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(String(n), SIZE / 2, SIZE / 2 + SIZE * 0.03);
  return canvas;
}

/** Adds the marks 1…count the map does not have yet (before the sites' data names them). */
export function addSiteIcons(map: MapLibreMap, count: number): void {
  for (let n = 1; n <= count; n++) {
    const id = siteIconId(n);
    if (map.hasImage(id)) continue;
    const c = drawSite(n);
    map.addImage(id, c.getContext('2d')!.getImageData(0, 0, SIZE, SIZE), { pixelRatio: PIXEL_RATIO });
  }
}

/** The same mark as a data URL, for the tables and the legend. */
const urls = new Map<number, string>();
export function siteIconUrl(n: number): string {
  let url = urls.get(n);
  if (!url) urls.set(n, (url = drawSite(n).toDataURL('image/png')));
  return url;
}
