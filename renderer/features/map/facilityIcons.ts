/** The facility icons, drawn here on a canvas (nothing is fetched): a coloured disc with the type's character. */
import { FACILITY_TYPES } from '../../../shared/model/kinds.ts';
import type { MapLibreMap } from './maplibre.ts';
import { FACILITY_MARKS } from './palette.ts';

const PIXEL_RATIO = 2;
const SIZE = 24 * PIXEL_RATIO;
export const iconId = (type: string) => `fac-${type}`;

function drawIcon(color: string, glyph: string): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIZE;
  const g = canvas.getContext('2d')!;
  const c = SIZE / 2;
  g.beginPath();
  g.arc(c, c, c - 3, 0, Math.PI * 2);
  g.fillStyle = color;
  g.fill();
  g.lineWidth = 3;
  g.strokeStyle = '#ffffff';
  g.stroke();
  g.fillStyle = '#ffffff';
  g.font = `600 ${Math.round(SIZE * 0.5)}px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(glyph, c, c + SIZE * 0.03);
  return g.getImageData(0, 0, SIZE, SIZE);
}

export function addFacilityIcons(map: MapLibreMap): void {
  for (const type of FACILITY_TYPES) {
    const id = iconId(type);
    if (!map.hasImage(id)) map.addImage(id, drawIcon(FACILITY_MARKS[type].color, FACILITY_MARKS[type].glyph), { pixelRatio: PIXEL_RATIO });
  }
}

/** The same icon as a data URL, for the legend. */
const legendIcons = new Map<string, string>();
export function iconDataUrl(type: keyof typeof FACILITY_MARKS): string {
  let url = legendIcons.get(type);
  if (!url) {
    const img = drawIcon(FACILITY_MARKS[type].color, FACILITY_MARKS[type].glyph);
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = SIZE;
    canvas.getContext('2d')!.putImageData(img, 0, 0);
    url = canvas.toDataURL('image/png');
    legendIcons.set(type, url);
  }
  return url;
}
