/**
 * MapLibre's worker, as bundled for the map (maplibre.ts), with one change: a GeoJSON source loaded from a URL
 * (our sources from text: useTextSource) does not send the parsed data back to the page. MapLibre's worker
 * answers a URL's load with the whole parsed collection, which the page's main thread then deserialises (and
 * MapLibre walks again) only to keep a copy for getData() — for a province's roads or 2,500 catchments that is
 * the very parse and copy the text was meant to keep off the main thread. The map never calls getData().
 */
import MapLibreWorker from 'maplibre-gl/dist/maplibre-gl-worker.mjs';

type Handler = (...args: unknown[]) => Promise<unknown>;
interface Scope {
  worker?: { actor?: { messageHandlers?: Record<string, Handler> } };
}
const scope = self as unknown as Scope;
// The worker module starts itself on import (self.worker) unless the bundler left that out as a side effect
// (maplibre-gl says its dist has none): one worker either way.
scope.worker ??= new MapLibreWorker(scope) as Scope['worker'];
const handlers = scope.worker?.actor?.messageHandlers;
const loadData = handlers?.LD;
if (handlers && loadData) {
  handlers.LD = async (...args) => {
    const result = await loadData(...args);
    if (result && typeof result === 'object' && 'data' in result) delete (result as { data?: unknown }).data;
    return result;
  };
}
