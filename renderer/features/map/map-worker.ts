/**
 * MapLibre's worker, as bundled for the map (maplibre.ts), with two changes. First, it reads our object URLs
 * itself: MapLibre's worker fetches only http(s)/file URLs on its own and asks the page for any other
 * (`blob:http://…` included) — the page's main thread then fetched the text, parsed it (response.json()) and
 * sent the parsed collection back through MapLibre's serialize and a structured clone: for a province's 5.8 MB
 * of roads and the boundaries about a second of the page's thread at opening, the very work the text was meant
 * to keep off it. Second, a GeoJSON source loaded from a URL
 * (our sources from text: useTextSource) does not send the parsed data back to the page. MapLibre's worker
 * answers a URL's load with the whole parsed collection, which the page's main thread then deserialises (and
 * MapLibre walks again) only to keep a copy for getData() — for a province's roads or 2,500 catchments that is
 * the very parse and copy the text was meant to keep off the main thread. The map never calls getData().
 */
import MapLibreWorker from 'maplibre-gl/dist/maplibre-gl-worker.mjs';

type Handler = (...args: unknown[]) => Promise<unknown>;
interface Message {
  type: string;
  data?: { url?: unknown; type?: unknown };
}
type Send = (message: Message, abort?: AbortController) => Promise<unknown>;
interface Scope {
  worker?: { actor?: { messageHandlers?: Record<string, Handler>; sendAsync?: Send } };
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

// 'GR' (MessageType.getResource): the worker asking the page for a resource. An object URL of this page is
// readable here (same origin, CSP connect-src blob:), so it is read and parsed here, as MapLibre would an
// http URL (GetResourceResponse: { data }).
const actor = scope.worker?.actor;
const send = actor?.sendAsync?.bind(actor);
if (actor && send) {
  actor.sendAsync = async (message, abort) => {
    const url = message.type === 'GR' ? message.data?.url : undefined;
    if (typeof url !== 'string' || !url.startsWith('blob:')) return send(message, abort);
    const res = await fetch(url, { signal: abort?.signal });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    const kind = message.data?.type;
    return { data: kind === 'json' ? await res.json() : kind === 'string' ? await res.text() : await res.arrayBuffer() };
  };
}
