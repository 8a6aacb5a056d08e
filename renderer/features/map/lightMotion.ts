/**
 * A map that keeps up on a weak PC. Where WebGL is drawn by the processor (SwiftShader, llvmpipe: no
 * usable graphics chip, a remote desktop, a blocklisted driver), the browser reads every frame back from
 * the software renderer before it can show it, and the page waits for the whole frame to be drawn: a
 * full-resolution frame of the sample took 150–400 ms there. While the map moves (a drag, the wheel, a
 * fly-to) and while it draws new data, it is drawn at a lower resolution (about a third of the pixels), and
 * sharp again when it stops.
 * On a graphics chip nothing changes.
 */
import type { MapLibreMap } from './maplibre.ts';

/** The resolution while moving, as a share of the screen's (in each direction). */
export const MOVING_PIXEL_RATIO = 0.55;

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

/** Draws the map lightly until it has drawn new data (a source's setData), where lightWhileMoving is on. */
export function lightUntilIdle(map: MapLibreMap): void {
  lighten.get(map)?.();
}

/**
 * Draws the map at MOVING_PIXEL_RATIO while it moves, and while it draws new data (lightUntilIdle) until
 * it is idle; returns the undo.
 */
export function lightWhileMoving(map: MapLibreMap): () => void {
  let light = false;
  // map.setPixelRatio would also fire movestart/moveend and stop the camera (a wheel zoom ends after one
  // step): only resize the canvas, as setPixelRatio does before that (MapLibre 6.17's own fields).
  const set = (ratio: number | null) => {
    map._overridePixelRatio = ratio;
    map._resizeInternal();
    map.triggerRepaint();
  };
  const start = () => {
    if (light) return;
    light = true;
    set(Math.min(window.devicePixelRatio || 1, MOVING_PIXEL_RATIO));
  };
  const end = () => {
    if (!light || map.isMoving()) return;
    light = false;
    set(null);
  };
  map.on('movestart', start);
  map.on('moveend', end);
  map.on('idle', end);
  lighten.set(map, start);
  return () => {
    map.off('movestart', start);
    map.off('moveend', end);
    map.off('idle', end);
    lighten.delete(map);
  };
}
