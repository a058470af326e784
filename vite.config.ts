import { defineConfig } from 'vite';
import { cesiumStatic } from './build/cesiumStatic.ts';
import { contentSecurityPolicy } from './build/contentSecurityPolicy.ts';
import { serviceWorker } from './build/serviceWorker.ts';

// Relative base: the build works from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [cesiumStatic(), contentSecurityPolicy(), serviceWorker()],
  build: {
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('node_modules/cesium') || id.includes('node_modules/@cesium') ? 'cesium' : undefined),
      },
    },
  },
  // The import worker (src/app/importWorker.ts) is an ES module with its own chunks.
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
