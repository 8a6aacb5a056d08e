/**
 * MapLibre, set up once for an offline app: its worker is bundled by Vite as a file of our own origin
 * (no blob: or data: worker, so the CSP stays `script-src 'self'`), and its stylesheet is bundled too.
 */
import { setWorkerUrl } from 'maplibre-gl';
// MapLibre's worker with the change map-worker.ts describes (a GeoJSON URL's data not sent back to the page).
import workerUrl from './map-worker.ts?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);

export { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
export type { GeoJSONSource, MapMouseEvent, StyleSpecification } from 'maplibre-gl';
