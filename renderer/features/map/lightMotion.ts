/**
 * A map that keeps up on a weak PC. Where WebGL is drawn by the processor (SwiftShader, llvmpipe: no
 * usable graphics chip, a remote desktop, a blocklisted driver), the browser reads every frame back from
 * the software renderer before it can show it, and the page waits for the whole frame to be drawn: the
 * time goes with the number of pixels drawn (a full-resolution frame of the sample, 540,000 pixels, took
 * 150–400 ms there). So on such a machine the map is drawn to a pixel budget: while it moves (a drag, the
 * wheel, a fly-to) and while it draws new data at most MOVING_PIXELS, and when it stops at most
 * IDLE_PIXELS (a little soft on a large window, never frozen), each within a floor of resolution that
 * keeps labels legible.
 * On a graphics chip nothing changes.
 */
// From maplibre-gl itself, not ./maplibre.ts (which sets up the bundled worker): a unit test imports this file.
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The most pixels a frame may have while the map moves or draws new data (0.55 of 1280×720's map). */
export const MOVING_PIXELS = 160_000;
/**
 * The most pixels of the frame drawn when the map stops (0.64 of 1280×720's map in each direction): at 300,000
 * (0.75) the sharp frame after a drag still took 240–300 ms on the e2e machine, at 220,000 160–190 ms.
 */
export const IDLE_PIXELS = 220_000;
/**
 * The lowest resolution drawn, moving and idle, in drawn pixels per CSS pixel in each direction (what
 * legibility depends on, whatever the screen's own ratio).
 */
export const MOVING_FLOOR = 0.4;
export const IDLE_FLOOR = 0.6;

/**
 * The pixel ratio that keeps a map of `cssPixels` (its width × height in CSS pixels) within `budget`
 * drawn pixels: never sharper than the screen (`dpr`), never softer than `floor`.
 */
export function budgetPixelRatio(cssPixels: number, dpr: number, budget: number, floor: number): number {
  if (!(cssPixels > 0)) return dpr;
  return Math.min(dpr, Math.max(floor, Math.sqrt(budget / cssPixels)));
}

/** Whether this browser's WebGL is drawn in software (one look at a throw-away context). */
export function softwareWebGl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(renderer);
  } catch {
    return false;
  }
}

const lighten = new WeakMap<MapLibreMap, () => void>();

/** Draws the map lightly until it has drawn new data (a source's setData), where drawToBudget is on. */
export function lightUntilIdle(map: MapLibreMap): void {
  lighten.get(map)?.();
}

/**
 * Draws the map within MOVING_PIXELS while it moves, and while it draws new data (lightUntilIdle) until
 * it is idle; within IDLE_PIXELS otherwise (again after the window is resized); returns the undo.
 */
export function drawToBudget(map: MapLibreMap): () => void {
  let light = false;
  const ratio = (budget: number, floor: number) => {
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    return budgetPixelRatio(w * h, window.devicePixelRatio || 1, budget, floor);
  };
  // map.setPixelRatio would also fire movestart/moveend and stop the camera (a wheel zoom ends after one
  // step): only resize the canvas, as setPixelRatio does before that (MapLibre 6.17's own fields).
  const set = (r: number) => {
    if (map._overridePixelRatio === r) return;
    map._overridePixelRatio = r;
    map._resizeInternal();
    map.triggerRepaint();
  };
  const start = () => {
    if (light) return;
    light = true;
    set(ratio(MOVING_PIXELS, MOVING_FLOOR));
  };
  const end = () => {
    if (!light || map.isMoving()) return;
    light = false;
    set(ratio(IDLE_PIXELS, IDLE_FLOOR));
  };
  // A resized window (the container: MapLibre has already resized the canvas at the old ratio).
  const resized = () => set(light ? ratio(MOVING_PIXELS, MOVING_FLOOR) : ratio(IDLE_PIXELS, IDLE_FLOOR));
  set(ratio(IDLE_PIXELS, IDLE_FLOOR));
  map.on('movestart', start);
  map.on('moveend', end);
  map.on('idle', end);
  map.on('resize', resized);
  lighten.set(map, start);
  return () => {
    map.off('movestart', start);
    map.off('moveend', end);
    map.off('idle', end);
    map.off('resize', resized);
    lighten.delete(map);
    map._overridePixelRatio = null;
    map._resizeInternal();
  };
}
