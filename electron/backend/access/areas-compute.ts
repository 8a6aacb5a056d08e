/**
 * 服务范围 on the worker: the polygons of an access run's bands and catchments, from the field the run
 * has just settled (shared/access/service-area.ts), on the same graph, node index and connector speed
 * its demand points were snapped with — so a place is timed as a village standing there would be.
 */
import type { NearestFacilityField, TravelMode } from '../../../shared/access/index.ts';
import { type ServiceAreas, serviceAreas } from '../../../shared/access/service-area.ts';
import type { CachedNetwork } from '../worker/network-cache.ts';

export interface AreasComputed extends ServiceAreas {
  mode: TravelMode;
  connectorKmh: number;
}

export function areasOnGraph(
  run: { field: NearestFacilityField; network: CachedNetwork; mode: TravelMode },
  ask: { bands: number[]; catchments: boolean },
  facilityCount: number,
): AreasComputed {
  const { graph, index, connectorKmh } = run.network;
  const a = serviceAreas({ graph, index, field: run.field, facilityCount, connectorKmh, bands: ask.bands, catchments: ask.catchments });
  return { ...a, mode: run.mode, connectorKmh };
}
