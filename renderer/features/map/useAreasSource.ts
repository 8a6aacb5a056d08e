/**
 * 服务范围 and 各机构服务范围 on the map ('areas' source): a result asked with areas.apart carries no polygons,
 * only the key its areas are kept under on the service. They are read once per result as text
 * (access.areasGeoJson) and handed to MapLibre's worker (useTextSource), never parsed or copied on the
 * page's main thread.
 */
import { useMemo } from 'react';
import type { ServiceAreasOut } from '../../../shared/access/result.ts';
import { useDataStore } from '../../api/index.ts';
import type { MapLibreMap } from './maplibre.ts';
import { useTextSource } from './useTextSource.ts';

/** Per result's areas (kept as long as the result is): the text, read once however often the map is opened. */
const read = new WeakMap<ServiceAreasOut, Promise<Blob>>();

export function useAreasSource(map: MapLibreMap | null, areas: ServiceAreasOut | undefined): void {
  const { text } = useDataStore();
  const blob = useMemo(() => {
    const shapes = areas?.shapes;
    if (!areas || shapes === undefined) return null;
    let b = read.get(areas);
    if (!b) {
      b = text('access.areasGeoJson', { shapes });
      read.set(areas, b);
      // Not kept any more on the service (another plan, many runs later): drawn empty, asked again next time.
      b.catch(() => read.delete(areas));
    }
    return b;
  }, [areas, text]);
  useTextSource(map, 'areas', blob);
}
