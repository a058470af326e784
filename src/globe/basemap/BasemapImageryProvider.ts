/**
 * A Cesium imagery provider that draws its tiles in the browser from the bundled vector data, so the
 * map is crisp at every height and needs no network. Geographic tiling (Cesium's own globe tiling,
 * no reprojection), limited to the data's region.
 *
 * Speed (see docs/BASEMAP.md, "Speed"): Cesium asks for tiles inside a 5 ms slice of each frame, so
 * `requestImage` only queues the tile and returns; the tiles are drawn between frames, several per
 * task within a time budget, on CPU-backed canvases (`willReadFrequently`: a GPU-backed 2D canvas
 * is rasterised by SwiftShader in the GPU process on machines without a GPU, which made the map
 * three times slower to load). Tiles Cesium no longer wants are skipped.
 */
import {
  Credit,
  Event,
  GeographicTilingScheme,
  NeverTileDiscardPolicy,
  Rectangle,
  RequestState,
  type ImageryLayerFeatureInfo,
  type ImageryProvider,
  type ImageryTypes,
  type Proxy,
  type Request,
  type TileDiscardPolicy,
} from 'cesium';
import type { BasemapGeometry, Runway } from './basemapData.ts';
import type { BasemapStyle } from './basemapStyle.ts';
import { geographicTileBounds } from './tileMath.ts';
import { TileRenderer, type BasemapSurface } from './tileRenderer.ts';

/** Short on-screen attribution; docs/BASEMAP.md and assets/basemap/SOURCES.md have the details. */
export const BASEMAP_CREDIT = 'Map data: GSHHG/WDBII, DCW-GMT (LGPL) · ETOPO5 relief (NOAA) · GeoNames (CC BY 4.0) · OurAirports';

/** Drawing time per task before yielding to the browser (ms). */
const DRAW_BUDGET_MS = 12;

interface TileJob {
  readonly x: number;
  readonly y: number;
  readonly level: number;
  readonly request: Request | undefined;
  readonly resolve: (image: ImageryTypes) => void;
  readonly reject: (reason: Error) => void;
}

export class BasemapImageryProvider implements ImageryProvider {
  readonly tileWidth = 256;
  readonly tileHeight = 256;
  readonly minimumLevel = 0;
  /** Level 16 ≈ 2.7 m per pixel: crisp down to about 3 km camera height. */
  readonly maximumLevel = 16;
  readonly tilingScheme = new GeographicTilingScheme();
  readonly rectangle: Rectangle;
  readonly tileDiscardPolicy: TileDiscardPolicy = new NeverTileDiscardPolicy();
  readonly errorEvent = new Event();
  readonly credit = new Credit(BASEMAP_CREDIT, true);
  // Tiles are drawn locally, never fetched: there is nothing to proxy. Cesium's own providers leave it undefined.
  readonly proxy = undefined as unknown as Proxy;
  readonly hasAlphaChannel = true;
  private readonly renderer: TileRenderer;
  private readonly queue: TileJob[] = [];
  private drainScheduled = false;
  /** Tiles drawn so far, tiles skipped because Cesium cancelled them, time spent drawing (tests, benchmark). */
  readonly stats = { tilesDrawn: 0, tilesSkipped: 0, drawMs: 0 };

  /** `onTilesDrawn` is called after each batch of drawn tiles (the viewer should render a frame). */
  constructor(
    geometry: BasemapGeometry,
    runways: readonly Runway[],
    style: BasemapStyle,
    private readonly onTilesDrawn: () => void = () => undefined,
    surface: BasemapSurface = {},
  ) {
    const r = geometry.region;
    this.rectangle = Rectangle.fromDegrees(r.west, r.south, r.east, r.north);
    this.renderer = new TileRenderer(geometry, runways, style, this.tileWidth, surface);
  }

  getTileCredits(): Credit[] {
    return [];
  }

  requestImage(x: number, y: number, level: number, request?: Request): Promise<ImageryTypes> {
    return new Promise<ImageryTypes>((resolve, reject) => {
      this.queue.push({ x, y, level, request, resolve, reject });
      this.scheduleDrain();
    });
  }

  /** Draws one tile now (tests and the benchmark use it directly). */
  drawTile(x: number, y: number, level: number): HTMLCanvasElement {
    const t0 = performance.now();
    const canvas = document.createElement('canvas');
    canvas.width = this.tileWidth;
    canvas.height = this.tileHeight;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('basemap: no 2D canvas context');
    this.renderer.draw(ctx, geographicTileBounds(x, y, level, this.tileWidth), level);
    this.stats.tilesDrawn++;
    this.stats.drawMs += performance.now() - t0;
    return canvas;
  }

  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setTimeout(this.drain, 0);
  }

  private readonly drain = (): void => {
    this.drainScheduled = false;
    const start = performance.now();
    let drawn = 0;
    while (this.queue.length > 0 && performance.now() - start < DRAW_BUDGET_MS) {
      const job = this.queue.shift()!;
      if (job.request?.state === RequestState.CANCELLED) {
        // Cesium reloads cancelled tiles later if it still needs them.
        this.stats.tilesSkipped++;
        job.reject(new Error('basemap tile no longer needed'));
        continue;
      }
      try {
        job.resolve(this.drawTile(job.x, job.y, job.level));
        drawn++;
      } catch (err) {
        job.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    if (this.queue.length > 0) this.scheduleDrain();
    if (drawn > 0) this.onTilesDrawn();
  };

  pickFeatures(): Promise<ImageryLayerFeatureInfo[]> | undefined {
    return undefined;
  }
}
