/**
 * 服务范围 and 各机构服务范围 on the map ('areas' source): a result asked with areas.apart carries no polygons,
 * only the key its areas are kept under on the service. They are read once per result as text — a Blob,
 * never decoded or parsed on the page's main thread — and handed to MapLibre's worker as an object URL,
 * which the worker fetches and parses itself (no structured clone of 2,500 catchments either).
 */
import { useEffect } from 'react';
import type { ServiceAreasOut } from '../../../shared/access/result.ts';
import { useDataStore } from '../../api/index.ts';
import { EMPTY } from './geo.ts';
import { lightUntilIdle } from './lightMotion.ts';
import type { GeoJSONSource, MapLibreMap } from './maplibre.ts';

/** Per result's areas (kept as long as the result is): the text, read once however often the map is opened. */
const read = new WeakMap<ServiceAreasOut, Promise<Blob>>();

export function useAreasSource(map: MapLibreMap | null, areas: ServiceAreasOut | undefined): void {
  const { text } = useDataStore();
  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>('areas');
    if (!map || !source) return;
    map.getContainer().dataset.idle = 'false';
    lightUntilIdle(map);
    const shapes = areas?.shapes;
    if (!areas || shapes === undefined) {
      void source.setData(EMPTY);
      return;
    }
    let blob = read.get(areas);
    if (!blob) {
      blob = text('access.areasGeoJson', { shapes });
      read.set(areas, blob);
      // Not kept any more on the service (another plan, many runs later): drawn empty, asked again next time.
      blob.catch(() => read.delete(areas));
    }
    // The map is not idle while the text is read (useMapInstance's idle mark waits for this too).
    const el = map.getContainer();
    el.dataset.reading = 'areas';
    let live = true;
    const done = () => {
      if (el.dataset.reading === 'areas') delete el.dataset.reading;
    };
    blob.then(
      (b) => {
        if (!live) return;
        const url = URL.createObjectURL(b);
        el.dataset.idle = 'false';
        done();
        source
          .setData(url)
          .catch(() => undefined)
          .finally(() => URL.revokeObjectURL(url));
      },
      () => {
        if (!live) return;
        done();
        void source.setData(EMPTY);
      },
    );
    return () => {
      live = false;
      done();
    };
  }, [map, areas, text]);
}
