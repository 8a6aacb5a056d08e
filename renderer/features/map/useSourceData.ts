/** Keeps one of the map's GeoJSON sources showing the given data. */
import { useEffect } from 'react';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, MapLibreMap } from './maplibre.ts';
import type { SourceId } from './style.ts';
import { lightUntilIdle } from './lightMotion.ts';

export function useSourceData(map: MapLibreMap | null, id: SourceId, data: FeatureCollection): void {
  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(id);
    if (!map || !source) return;
    map.getContainer().dataset.idle = 'false';
    lightUntilIdle(map);
    void source.setData(data);
  }, [map, id, data]);
}

/** Shows or hides layers (the centre circles give way to boundaries when there are some). */
export function useLayerVisible(map: MapLibreMap | null, layers: readonly string[], visible: boolean): void {
  useEffect(() => {
    if (!map) return;
    for (const l of layers) if (map.getLayer(l)) map.setLayoutProperty(l, 'visibility', visible ? 'visible' : 'none');
  }, [map, layers, visible]);
}
