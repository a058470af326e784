/**
 * A Cesium imagery provider that draws its tiles in the browser from the bundled vector data, so the
 * map is crisp at every height and needs no network. Geographic tiling (Cesium's own globe tiling,
 * no reprojection), limited to the data's region.
 */
import {
  Credit,
  Event,
  GeographicTilingScheme,
  NeverTileDiscardPolicy,
  Rectangle,
  type ImageryLayerFeatureInfo,
  type ImageryProvider,
  type ImageryTypes,
  type Proxy,
  type TileDiscardPolicy,
} from 'cesium';
import type { BasemapGeometry, Runway } from './basemapData.ts';
import type { BasemapStyle } from './basemapStyle.ts';
import { geographicTileBounds } from './tileMath.ts';
import { TileRenderer } from './tileRenderer.ts';

/** Short on-screen attribution; docs/BASEMAP.md and assets/basemap/SOURCES.md have the details. */
export const BASEMAP_CREDIT = 'Map data: GSHHG/WDBII, DCW-GMT (LGPL) · GeoNames (CC BY 4.0) · OurAirports';

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
  /** Tiles drawn so far (tests and the benchmark read it). */
  tilesDrawn = 0;

  constructor(geometry: BasemapGeometry, runways: readonly Runway[], style: BasemapStyle) {
    const r = geometry.region;
    this.rectangle = Rectangle.fromDegrees(r.west, r.south, r.east, r.north);
    this.renderer = new TileRenderer(geometry, runways, style);
  }

  getTileCredits(): Credit[] {
    return [];
  }

  requestImage(x: number, y: number, level: number): Promise<ImageryTypes> {
    const canvas = document.createElement('canvas');
    canvas.width = this.tileWidth;
    canvas.height = this.tileHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) return Promise.reject(new Error('basemap: no 2D canvas context'));
    this.renderer.draw(ctx, geographicTileBounds(x, y, level, this.tileWidth), level, this.tileWidth);
    this.tilesDrawn++;
    return Promise.resolve(canvas);
  }

  pickFeatures(): Promise<ImageryLayerFeatureInfo[]> | undefined {
    return undefined;
  }
}
