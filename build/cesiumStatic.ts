/**
 * Serves (dev) and copies (build) Cesium's static folders — Workers, Assets, Widgets, ThirdParty —
 * under `cesium/`, and points CESIUM_BASE_URL there relative to the page, so any sub-path works.
 * Replaces vite-plugin-cesium (stale) and vite-plugin-static-copy 4 (Node 22 only).
 */
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const FOLDERS = ['Workers', 'Assets', 'Widgets', 'ThirdParty'];
const PREFIX = 'cesium/';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.ktx2': 'image/ktx2',
};

function cesiumBuildDir(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('cesium/package.json')), 'Build', 'Cesium');
}

export function cesiumStatic(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'flightrecon-cesium-static',
    config: () => ({
      // Read by Cesium's buildModuleUrl: relative to the document, so it follows the deploy path.
      define: { CESIUM_BASE_URL: JSON.stringify(PREFIX) },
    }),
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      const dir = cesiumBuildDir(config.root);
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        const base = config.base === './' ? '/' : config.base;
        if (!path.startsWith(base + PREFIX)) return next();
        const rel = normalize(decodeURIComponent(path.slice(base.length + PREFIX.length)));
        const file = resolve(dir, rel);
        if (!file.startsWith(dir) || !FOLDERS.some((f) => rel.startsWith(f)) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      const dir = cesiumBuildDir(config.root);
      const out = resolve(config.root, config.build.outDir, PREFIX);
      for (const folder of FOLDERS) cpSync(join(dir, folder), join(out, folder), { recursive: true });
    },
  };
}
