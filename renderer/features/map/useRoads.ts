/**
 * The roads to draw: the major classes of the whole plan at once, and every class of the area in view
 * once zoomed in (fetched again when the view leaves the area fetched). Nothing when there is no network.
 * The major classes are read as the map's geometry is (useGeoQuery).
 */
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import type { MapLibreMap } from './maplibre.ts';
import { EMPTY } from './geo.ts';
import type { BBox, RoadFeatureCollection } from '../../../shared/api/contract.ts';
import { useGeoQuery } from './useGeoQuery.ts';

/** From this zoom on, the minor streets of the view are loaded. */
const DETAIL_ZOOM = 12;

const inside = (a: BBox, b: BBox) => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];

function viewBox(map: MapLibreMap, grow: number): BBox {
  const b = map.getBounds();
  const dx = (b.getEast() - b.getWest()) * grow,
    dy = (b.getNorth() - b.getSouth()) * grow;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return [clamp(b.getWest() - dx, -180, 180), clamp(b.getSouth() - dy, -90, 90), clamp(b.getEast() + dx, -180, 180), clamp(b.getNorth() + dy, -90, 90)];
}

export function useRoads(map: MapLibreMap | null): FeatureCollection {
  const { invoke } = useAppActions();
  const plan = useAppData().status?.plan?.path ?? null;
  const { geoVersion } = useUi();
  const overview = useGeoQuery('map.roads', { minClass: 'tertiary' });
  const none = !overview.data || overview.data.features.length === 0;
  const [detail, setDetail] = useState<{ box: BBox; data: RoadFeatureCollection } | null>(null);
  const [zoomedIn, setZoomedIn] = useState(false);

  // The streets of the view are read straight from the service, not through the client's cache: each
  // view asks another box, and the cache (which keeps every answer while the plan is open) would keep
  // them all. The newest box wins; another network (geoVersion) or plan drops what was read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: plan and geoVersion are triggers (drop what was read), not read
  useEffect(() => {
    setDetail(null);
    if (!map || none) return;
    let asked: BBox | null = null;
    const onMove = () => {
      const zoomed = map.getZoom() >= DETAIL_ZOOM;
      setZoomedIn(zoomed);
      if (!zoomed) return;
      if (asked && inside(viewBox(map, 0), asked)) return;
      const box = viewBox(map, 0.5);
      asked = box;
      invoke('map.roads', { bbox: box }).then(
        (data) => {
          if (asked === box) setDetail({ box, data });
        },
        () => {
          if (asked === box) asked = null;
        },
      );
    };
    onMove();
    map.on('moveend', onMove);
    return () => {
      asked = null;
      map.off('moveend', onMove);
    };
  }, [map, invoke, none, plan, geoVersion]);

  if (zoomedIn && detail) return detail.data;
  return overview.data ?? EMPTY;
}
