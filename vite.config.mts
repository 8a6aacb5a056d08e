import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer: built once to out/renderer, loaded by Electron from disk and served by the web door. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
});
