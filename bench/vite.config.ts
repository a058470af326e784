import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { cesiumStatic } from '../build/cesiumStatic.ts';

// Builds the bare-viewer baseline page into bench/dist with the same Cesium setup as the app.
export default defineConfig({
  root: resolve(import.meta.dirname, '.'),
  base: './',
  plugins: [cesiumStatic()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    rollupOptions: { input: resolve(import.meta.dirname, 'bare.html') },
  },
  logLevel: 'warn',
});
