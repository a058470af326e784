/**
 * Serves (dev) and copies (build) the part of Cesium's static files this app uses (APP_FILES) under
 * `cesium/`, and points CESIUM_BASE_URL there relative to the page, so any sub-path works.
 * Replaces vite-plugin-cesium (stale) and vite-plugin-static-copy 4 (Node 22 only).
 */
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * What Cesium may fetch at run time (paths under Build/Cesium; a folder keeps all below it). The service
 * worker precaches all of it. Left out (3.5 MB): ThirdParty (draco, basis, zip, splats, Google
 * Earth parser: glTF, 3D Tiles, KML only), Widgets (widgets.css is bundled by Vite from src/main.ts),
 * SkyBox, LensFlare, maki, pin.svg, waterNormals (skyBox: false, no water mask, no PinBuilder) and
 * the Bing/Google credit logos. Switching on such a feature means adding its files here.
 */
export const APP_FILES = [
  'Workers', // all: geometry, terrain and picking workers load their chunks lazily
  'Assets/Textures/NaturalEarthII', // base imagery (src/globe/createViewer.ts)
  'Assets/Textures/moonSmall.jpg', // scene.moon exists (hidden); loaded once it is shown
  'Assets/IAU2006_XYS', // sun direction every frame, one file per ~1000 days of the scene's date
  'Assets/approximateTerrainHeights.json', // DataSourceDisplay waits for it before drawing entities
];
/** Everything, for a default Viewer (sky box, widget images): the benchmark's bare baseline. */
export const ALL_FILES = ['Workers', 'Assets', 'Widgets', 'ThirdParty'];
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

export function cesiumStatic(keep: readonly string[] = APP_FILES): Plugin {
  let config: ResolvedConfig;
  const isKept = (rel: string) => keep.some((k) => rel === k || rel.startsWith(k + '/'));
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
        if (!file.startsWith(dir) || !isKept(rel.split(sep).join('/')) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      const dir = cesiumBuildDir(config.root);
      const out = resolve(config.root, config.build.outDir, PREFIX);
      for (const path of keep) cpSync(join(dir, path), join(out, path), { recursive: true });
    },
  };
}
