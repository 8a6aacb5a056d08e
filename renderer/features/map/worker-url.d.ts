/** Vite's `?worker&url`: the URL of a worker bundled as a same-origin file (see maplibre.ts). */
declare module '*?worker&url' {
  const url: string;
  export default url;
}
/** MapLibre's worker module (map-worker.ts): its class, started on a worker's global scope. */
declare module 'maplibre-gl/dist/maplibre-gl-worker.mjs' {
  const Worker: new (self: unknown) => unknown;
  export default Worker;
}
