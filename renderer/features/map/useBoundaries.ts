/** The plan's unit boundaries (map.boundaries, read as the map's geometry is: useGeoQuery); none when the plan has none. */
import type { BoundaryFeatureCollection } from '../../../shared/api/contract.ts';
import { useGeoQuery } from './useGeoQuery.ts';

export function useBoundaries(): BoundaryFeatureCollection | null {
  const { data } = useGeoQuery('map.boundaries', {});
  return data && data.features.length > 0 ? data : null;
}
