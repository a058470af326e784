/**
 * The surface under the basemap's lines, drawn by TileRenderer: the shaded relief as a canvas
 * pattern (built once, on the first tile that shows it) and the soft settlement areas. Path
 * coordinates are the renderer's: (lon - originLon, originLat - lat) in degrees.
 */
import type { RegionBounds } from './basemapData.ts';
import { RELIEF_FLOOR_M, RELIEF_LOOK, RELIEF_SMOOTHING, RELIEF_UPSAMPLE, SETTLEMENT_HATCH_OPACITY, SETTLEMENT_OPACITY } from './basemapStyle.ts';
import { prepareGrid, type HeightGrid } from './reliefData.ts';
import { shadeRelief } from './reliefShading.ts';
import { settlementShown, type Settlement } from './settlementAreas.ts';
import type { TileBounds } from './tileMath.ts';

const METRES_PER_DEGREE = 111_320;

/** The shaded relief image, made on first use (≈ 1,440 x 800 pixels; tens of ms once). */
export class ReliefPattern {
  private pattern: CanvasPattern | null = null;
  private failed = false;
  /** Time spent building the image, ms (benchmark, tests). */
  buildMs = 0;

  constructor(
    private readonly grid: HeightGrid,
    private readonly originLon: number,
    private readonly originLat: number,
  ) {}

  /** The pattern to fill land with, or null if it cannot be made (then the land stays flat). */
  get(ctx: CanvasRenderingContext2D): CanvasPattern | null {
    if (!this.pattern && !this.failed) this.build(ctx);
    return this.pattern;
  }

  private build(ctx: CanvasRenderingContext2D): void {
    const t0 = performance.now();
    this.failed = true; // until it worked
    const fine = prepareGrid(this.grid, { factor: RELIEF_UPSAMPLE, sigma: RELIEF_SMOOTHING, floor: RELIEF_FLOOR_M });
    const canvas = document.createElement('canvas');
    canvas.width = fine.width;
    canvas.height = fine.height;
    // CPU-backed like the tiles (see BasemapImageryProvider).
    const c = canvas.getContext('2d', { willReadFrequently: true });
    if (!c) return;
    c.putImageData(new ImageData(shadeRelief(fine, RELIEF_LOOK), fine.width, fine.height), 0, 0);
    const pattern = ctx.createPattern(canvas, 'no-repeat');
    if (!pattern) return;
    // Image pixel (u, v) has its centre on sample (u, v): shifted by half a pixel.
    const d = fine.step;
    pattern.setTransform(new DOMMatrix([d, 0, 0, d, fine.west - this.originLon - d / 2, this.originLat - fine.north - d / 2]));
    this.pattern = pattern;
    this.failed = false;
    this.buildMs = performance.now() - t0;
  }
}

/** Period of the settlement hatching, tile pixels (a divisor of the tile size, so it runs on across tiles). */
const HATCH_PX = 8;

/**
 * Settlement areas: the union of all the discs on a tile, tinted and hatched. The hatching marks
 * them as map symbols (an estimated extent), not as something seen from the air.
 */
export class SettlementPainter {
  private hatch: CanvasPattern | null | undefined;

  constructor(
    private readonly settlements: readonly Settlement[],
    private readonly colour: string,
    private readonly originLon: number,
    private readonly originLat: number,
  ) {}

  private hatchPattern(ctx: CanvasRenderingContext2D): CanvasPattern | null {
    if (this.hatch !== undefined) return this.hatch;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = HATCH_PX;
    const c = canvas.getContext('2d', { willReadFrequently: true });
    if (c) {
      c.strokeStyle = this.colour;
      c.lineWidth = 1.2;
      c.beginPath();
      // One diagonal, continued through the corners so neighbouring cells join up.
      c.moveTo(-1, HATCH_PX + 1);
      c.lineTo(HATCH_PX + 1, -1);
      c.stroke();
    }
    this.hatch = c ? ctx.createPattern(canvas, 'repeat') : null;
    return this.hatch;
  }

  /** Draws the settlements that touch the tile (`view`, degrees) at `level`. */
  draw(ctx: CanvasRenderingContext2D, tile: TileBounds, view: RegionBounds, level: number): void {
    const s = tile.pixelsPerDegree;
    const metresPerPixel = METRES_PER_DEGREE / s;
    let area: Path2D | null = null;
    for (const p of this.settlements) {
      if (!settlementShown(p.radiusM / metresPerPixel, level)) continue;
      const rLat = p.radiusM / METRES_PER_DEGREE;
      const rLon = rLat / Math.cos((p.lat * Math.PI) / 180); // a circle on the ground is wider in longitude
      if (p.lon + rLon < view.west || p.lon - rLon > view.east || p.lat + rLat < view.south || p.lat - rLat > view.north) continue;
      area ??= new Path2D();
      const x = p.lon - this.originLon;
      const y = this.originLat - p.lat;
      area.moveTo(x + rLon, y);
      area.ellipse(x, y, rLon, rLat, 0, 0, 2 * Math.PI);
    }
    if (!area) return;
    ctx.globalAlpha = SETTLEMENT_OPACITY;
    ctx.fillStyle = this.colour;
    ctx.fill(area);
    const hatch = this.hatchPattern(ctx);
    if (hatch) {
      // In tile pixels, starting at the tile's corner.
      hatch.setTransform(new DOMMatrix([1 / s, 0, 0, 1 / s, tile.west - this.originLon, this.originLat - tile.north]));
      ctx.globalAlpha = SETTLEMENT_HATCH_OPACITY;
      ctx.fillStyle = hatch;
      ctx.fill(area);
    }
    ctx.globalAlpha = 1;
  }
}
