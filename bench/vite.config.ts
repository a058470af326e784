import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { ALL_FILES, cesiumStatic } from '../build/cesiumStatic.ts';

// Builds the bare-viewer baseline page into bench/dist with the same Cesium setup as the app.
export default defineConfig({
  root: resolve(import.meta.dirname, '.'),
  base: './',
  // A default Viewer needs all of Cesium's files (sky box, moon, widget images), not the app's subset.
  plugins: [cesiumStatic(ALL_FILES)],
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    rollupOptions: { input: { bare: resolve(import.meta.dirname, 'bare.html'), papa: resolve(import.meta.dirname, 'papa.html') } },
  },
  logLevel: 'warn',
});
