/** Vite's `?worker&url`: the URL of a worker bundled as a same-origin file (see maplibre.ts). */
declare module '*?worker&url' {
  const url: string;
  export default url;
}
