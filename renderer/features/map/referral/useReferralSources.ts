/**
 * What the map draws of a referral answer, in one source: a line from each facility to the facility it
 * is referred to (within the limit or beyond it, as the service judged), and a point — drawn as a red
 * ring — at each facility that reaches nothing above it. Empty when the referral tab is not shown.
 */
import { useMemo } from 'react';
import type { Feature, FeatureCollection } from 'geojson';
import type { ReferralResultOut } from '../../../../shared/access/referral.ts';
import { EMPTY } from '../geo.ts';
import type { MapLibreMap } from '../maplibre.ts';
import { useSourceData } from '../useSourceData.ts';

export function referralFeatures(result: ReferralResultOut): FeatureCollection {
  const at = new Map(result.targets.map((x) => [x.id, x]));
  const features: Feature[] = [];
  for (const f of result.facilities) {
    const to = f.to ? at.get(f.to) : undefined;
    const properties = { id: f.id, name: f.name, minutes: f.minutes, within: f.within };
    if (to && f.minutes !== null)
      features.push({
        type: 'Feature',
        properties,
        geometry: {
          type: 'LineString',
          coordinates: [
            [f.lon, f.lat],
            [to.lon, to.lat],
          ],
        },
      });
    else features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [f.lon, f.lat] } });
  }
  return { type: 'FeatureCollection', features };
}

export function useReferralSources(map: MapLibreMap | null, result: ReferralResultOut | null): void {
  const data = useMemo(() => (result ? referralFeatures(result) : EMPTY), [result]);
  useSourceData(map, 'referral', data);
}
