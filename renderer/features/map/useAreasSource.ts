/**
 * 服务范围 and 各机构服务范围 on the map ('areas' source): a result asked with areas.apart carries no polygons,
 * only the key its areas are kept under on the service. They are read once per result as text
 * (access.areasGeoJson, useGeoText) and handed to MapLibre's worker (useTextSource), never parsed or copied on
 * the page's main thread.
 */
import type { ServiceAreasOut } from '../../../shared/access/result.ts';
import type { MapLibreMap } from './maplibre.ts';
import { useGeoText } from './useGeoText.ts';
import { useTextSource } from './useTextSource.ts';

export function useAreasSource(map: MapLibreMap | null, areas: ServiceAreasOut | undefined): void {
  const shapes = areas?.shapes;
  useTextSource(map, 'areas', useGeoText('access.areasGeoJson', shapes === undefined ? null : { shapes }));
}
