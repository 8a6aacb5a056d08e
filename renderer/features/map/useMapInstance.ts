/**
 * The MapLibre map in a container: created when the screen opens, removed when it closes. The view is
 * kept in the plan's screen memory, so coming back to the tab shows the same place.
 */
import { useEffect, useState, type RefObject } from 'react';
import { useDataStore } from '../../api/index.ts';
import type { Lang } from '../../ui/i18n/index.ts';
import { addFacilityIcons } from './facilityIcons.ts';
import { drawToBudget, softwareWebGl } from './lightMotion.ts';
import { warmPrograms } from './warmup.ts';
import { MapLibreMap, NavigationControl, ScaleControl } from './maplibre.ts';
import { mapStyle } from './style.ts';

/**
 * Whether WebGL is drawn in software here: module state on purpose — a fact of the machine, not of a
 * plan or a screen, and looking costs a WebGL context (browsers allow few), so it is looked at once
 * per window, not once per map.
 */
let software: boolean | undefined;

/** Where the view is kept (the plan's screen memory: written on every moveend without re-rendering). */
const VIEW = 'map.view';
interface View {
  plan: string | null;
  center: [number, number];
  zoom: number;
}

/** The zoom buttons' tooltips (the scale says km/m, read alike in both languages and not redrawn on a switch). */
const ZH_LOCALE = {
  'NavigationControl.ZoomIn': '放大',
  'NavigationControl.ZoomOut': '缩小',
  'NavigationControl.ResetBearing': '复位正北',
  'Map.Title': '地图',
};

export interface MapInstance {
  map: MapLibreMap | null;
  /** WebGL could not be started (old graphics driver, remote desktop …). */
  failed: string | null;
  /** A remembered view was restored: do not fit the plan's bounds over it. */
  restored: boolean;
}

export function useMapInstance(container: RefObject<HTMLDivElement | null>, plan: string | null, lang: Lang): MapInstance {
  const [state, setState] = useState<MapInstance>({ map: null, failed: null, restored: false });
  const { memory } = useDataStore();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the language only names the zoom buttons (see the end): not worth a new map
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const kept = memory.get(VIEW) as View | undefined;
    const view = kept?.plan === plan ? kept : null;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: el,
        style: mapStyle(),
        center: view?.center ?? [112.94, 28.23],
        zoom: view?.zoom ?? 8,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        maxPitch: 0,
        fadeDuration: 100,
        locale: lang === 'zh-CN' ? ZH_LOCALE : {},
      });
    } catch (e) {
      setState({ map: null, failed: e instanceof Error ? e.message : String(e), restored: false });
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
    // The view as data attributes: lets a test find a place on the canvas, and costs nothing.
    const mark = () => {
      const c = map.getCenter();
      el.dataset.lon = c.lng.toFixed(6);
      el.dataset.lat = c.lat.toFixed(6);
      el.dataset.zoom = map.getZoom().toFixed(4);
      memory.set(VIEW, { plan, center: [c.lng, c.lat], zoom: map.getZoom() } satisfies View);
    };
    map.on('moveend', mark);
    map.on('load', () => {
      addFacilityIcons(map);
      warmPrograms(map);
      mark();
      setState({ map, failed: null, restored: !!view });
    });
    map.on('movestart', () => {
      el.dataset.idle = 'false';
    });
    if ((software ??= softwareWebGl())) drawToBudget(map);
    // Not idle while a source's data is still being read to be set (useAreasSource).
    map.on('idle', () => {
      el.dataset.idle = el.dataset.reading ? 'false' : 'true';
    });
    return () => {
      map.remove();
      setState({ map: null, failed: null, restored: false });
    };
    // The language only names the zoom buttons: not worth a new map.
  }, [container, plan, memory]);

  return state;
}
