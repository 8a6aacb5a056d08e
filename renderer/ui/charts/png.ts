/** A chart saved as a PNG through the browser's (or Electron's) download. */
import type { ChartHandle } from './types.ts';

/** Saves the chart under `fileName` (.png added); false when there is nothing drawn yet. */
export function savePng(chart: ChartHandle | null, fileName: string): boolean {
  const url = chart?.toDataUrl();
  if (!url) return false;
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.toLowerCase().endsWith('.png') ? fileName : `${fileName}.png`;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return true;
}

/** Series colours that stay apart on screen and in print, the reference first (the app's accent). */
export const SERIES_COLOURS = ['#8a9bb0', '#1d5fbf', '#e07b00', '#2a9d5c', '#8e44ad', '#c0392b'];
