/**
 * The circle layers that stay empty until an analysis (access points, siting's candidates and demand,
 * the selection) have their WebGL programs built when the map opens, not in the frame that first draws
 * an analysis: where WebGL is drawn in software, building them made that frame take 300+ ms. A copy of
 * each layer draws one point just beyond the map's right edge (inside the margin of a drawn tile, so
 * drawn but not seen) once, then the copies are removed; MapLibre keeps the programs.
 */
import type { CircleLayerSpecification } from 'maplibre-gl';
import type { MapLibreMap } from './maplibre.ts';

const SOURCE = 'warmup';
const LAYERS = ['access-points', 'siting-candidates', 'siting-demand', 'selection-halo'];

export function warmPrograms(map: MapLibreMap): void {
  const { width, height } = map.getContainer().getBoundingClientRect();
  const at = map.unproject([width + 24, height / 2]);
  map.addSource(SOURCE, {
    type: 'geojson',
    data: {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [at.lng, at.lat] },
      properties: { covered: false, band: 1, planner: false, state: 'newly' },
    },
  });
  const copies: string[] = [];
  for (const id of LAYERS) {
    const layer = map.getStyle().layers.find((l) => l.id === id) as CircleLayerSpecification | undefined;
    if (!layer) continue;
    map.addLayer({ ...layer, id: `${SOURCE}-${id}`, source: SOURCE });
    copies.push(`${SOURCE}-${id}`);
  }
  map.once('idle', () => {
    for (const id of copies) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  });
}
