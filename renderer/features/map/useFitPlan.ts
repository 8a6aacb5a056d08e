/** Shows the whole plan the first time the map opens on it (a remembered view is kept instead). */
import { useEffect, useRef } from 'react';
import type { Unit } from '../../../shared/model/entities.ts';
import { planBounds } from './geo.ts';
import type { MapLibreMap } from './maplibre.ts';

export function useFitPlan(map: MapLibreMap | null, units: readonly Unit[] | null, restored: boolean): void {
  const fitted = useRef<MapLibreMap | null>(null);
  useEffect(() => {
    if (!map || !units || restored || fitted.current === map) return;
    const b = planBounds(units);
    if (!b) return;
    fitted.current = map;
    map.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: 36, animate: false, maxZoom: 13 },
    );
  }, [map, units, restored]);
}
