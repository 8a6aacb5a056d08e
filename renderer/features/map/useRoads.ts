/**
 * The roads to draw: the major classes of the whole plan at once, and every class of the area in view
 * once zoomed in (read again when the view leaves the area read). Both come as GeoJSON text for MapLibre's
 * worker (map.roadsGeoJson, useTextSource): a province's major roads are 5.8 MB, never decoded or parsed on
 * the page's main thread. The major classes are read as the map's geometry is (useGeoText).
 */
import { useEffect, useState } from 'react';
import { useDataStore } from '../../api/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import type { MapLibreMap } from './maplibre.ts';
import type { BBox } from '../../../shared/api/contract.ts';
import { useGeoText } from './useGeoText.ts';
import type { SourceText } from './useTextSource.ts';

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

const OVERVIEW = { minClass: 'tertiary' } as const;

export function useRoads(map: MapLibreMap | null): SourceText {
  const { text } = useDataStore();
  const plan = useAppData().status?.plan?.path ?? null;
  const { geoVersion } = useUi();
  const overview = useGeoText('map.roadsGeoJson', OVERVIEW);
  const [detail, setDetail] = useState<{ box: BBox; text: Promise<Blob> } | null>(null);
  const [zoomedIn, setZoomedIn] = useState(false);

  // The streets of the view are read straight from the service, not kept: each view asks another box. The
  // newest box wins, shown once read (the previous roads stay until then); another network (geoVersion) or
  // plan drops what was read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: plan and geoVersion are triggers (drop what was read), not read
  useEffect(() => {
    setDetail(null);
    if (!map || !plan) return;
    let asked: BBox | null = null;
    const onMove = () => {
      const zoomed = map.getZoom() >= DETAIL_ZOOM;
      setZoomedIn(zoomed);
      if (!zoomed) return;
      if (asked && inside(viewBox(map, 0), asked)) return;
      const box = viewBox(map, 0.5);
      asked = box;
      const read = text('map.roadsGeoJson', { bbox: box });
      read.then(
        () => {
          if (asked === box) setDetail({ box, text: read });
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
  }, [map, text, plan, geoVersion]);

  return zoomedIn && detail ? detail.text : overview;
}
