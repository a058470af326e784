/**
 * Draws one basemap tile onto a 2D canvas from the decoded vector data: land, sea and lakes, rivers,
 * borders, admin-1 outlines and runways, then fades the edge of the covered region. Lines come in a
 * level of detail per tile level (lineLod.ts: simplified to a fraction of a pixel, long lines cut
 * into pieces with their own bounding boxes); each piece keeps a cached Path2D in degrees relative
 * to the region centre, so a tile only sets a transform and draws the pieces that touch it.
 */
import type { BasemapGeometry, Line, RegionBounds, Runway } from './basemapData.ts';
import { ADMIN1_MIN_LEVEL, RIVER_MIN_LEVEL, RUNWAY_MIN_LEVEL, strokeWidths, type BasemapStyle } from './basemapStyle.ts';
import {
  CHUNK_POINTS,
  DASHED_CHUNK_POINTS,
  DASHED_SHORT_CHUNK_LEVEL,
  degreesPerPixel,
  FULL_DETAIL_LEVEL,
  LOD_PIXEL_TOLERANCE,
  simplifyAndChunk,
  simplifyPolygons,
} from './lineLod.ts';
import { expand, intersects, runwayCorners, type TileBounds } from './tileMath.ts';

/** Width of the fade at the region frame, in degrees. */
const FRAME_FADE_DEGREES = 0.8;

/** The geometry as drawn at one tile level. */
interface LevelGeometry {
  readonly sea: readonly Line[];
  readonly island: readonly Line[];
  readonly lake: readonly Line[];
  readonly lakeIsland: readonly Line[];
  readonly pond: readonly Line[];
  /** All shorelines, chunked for stroking. */
  readonly coast: readonly Line[];
  readonly rivers: readonly (readonly Line[])[];
  readonly borders: readonly Line[];
  readonly admin1: readonly Line[];
}

export class TileRenderer {
  private readonly paths = new WeakMap<Line, Path2D>();
  private readonly levels = new Map<number, LevelGeometry>();
  private readonly originLon: number;
  private readonly originLat: number;

  constructor(
    private readonly geometry: BasemapGeometry,
    private readonly runways: readonly Runway[],
    private readonly style: BasemapStyle,
    private readonly tileSize: number,
  ) {
    const r = geometry.region;
    this.originLon = (r.west + r.east) / 2;
    this.originLat = (r.south + r.north) / 2;
  }

  /** The lines simplified for a tile level (computed once per level, on first use). */
  levelGeometry(level: number): LevelGeometry {
    const key = Math.min(level, FULL_DETAIL_LEVEL);
    let lod = this.levels.get(key);
    if (!lod) {
      const g = this.geometry;
      const tol = key >= FULL_DETAIL_LEVEL ? 0 : LOD_PIXEL_TOLERANCE * degreesPerPixel(key, this.tileSize);
      const polygons = (lines: readonly Line[]): Line[] => (tol > 0 ? simplifyPolygons(lines, tol) : lines.slice());
      lod = {
        sea: polygons(g.sea),
        island: polygons(g.island),
        lake: polygons(g.lake),
        lakeIsland: polygons(g.lakeIsland),
        pond: polygons(g.pond),
        coast: simplifyAndChunk([...g.sea, ...g.island, ...g.lake, ...g.lakeIsland, ...g.pond], tol),
        rivers: g.rivers.map((lines) => simplifyAndChunk(lines, tol)),
        borders: simplifyAndChunk(g.borders, tol),
        admin1: simplifyAndChunk(g.admin1, tol, key >= DASHED_SHORT_CHUNK_LEVEL ? DASHED_CHUNK_POINTS : CHUNK_POINTS),
      };
      this.levels.set(key, lod);
    }
    return lod;
  }

  draw(ctx: CanvasRenderingContext2D, tile: TileBounds, level: number): void {
    const size = this.tileSize;
    const s = tile.pixelsPerDegree;
    const w = strokeWidths(level);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, size, size);
    // Path coordinates are (lon - originLon, originLat - lat): map them to tile pixels.
    ctx.setTransform(s, 0, 0, s, (this.originLon - tile.west) * s, (tile.north - this.originLat) * s);
    const px = 1 / s; // one CSS pixel in path units
    const view = expand(tile, 4 * px);
    const g = this.levelGeometry(level);

    ctx.fillStyle = this.style.land;
    this.fillRegion(ctx);
    this.fill(ctx, g.sea, view, this.style.sea);
    this.fill(ctx, g.island, view, this.style.land);
    this.fill(ctx, g.lake, view, this.style.sea);
    this.fill(ctx, g.lakeIsland, view, this.style.land);
    this.fill(ctx, g.pond, view, this.style.sea);

    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    g.rivers.forEach((lines, riverClass) => {
      if (level < (RIVER_MIN_LEVEL[riverClass] ?? 99)) return;
      this.stroke(ctx, lines, view, this.style.river, (w.river[riverClass] ?? 1) * px);
    });
    this.stroke(ctx, g.coast, view, this.style.coast, w.coast * px);

    if (level >= ADMIN1_MIN_LEVEL) {
      ctx.setLineDash([6 * px, 4 * px]);
      this.stroke(ctx, g.admin1, view, this.style.admin1, w.admin1 * px);
      ctx.setLineDash([]);
    }
    this.stroke(ctx, g.borders, view, this.style.borderCasing, (w.border + 2) * px);
    this.stroke(ctx, g.borders, view, this.style.border, w.border * px);

    if (level >= RUNWAY_MIN_LEVEL) this.drawRunways(ctx, view, px);

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.fadeFrame(ctx, tile, size);
  }

  private fillRegion(ctx: CanvasRenderingContext2D): void {
    const r = this.geometry.region;
    ctx.fillRect(r.west - this.originLon, this.originLat - r.north, r.east - r.west, r.north - r.south);
  }

  private path(line: Line): Path2D {
    let p = this.paths.get(line);
    if (!p) {
      p = new Path2D();
      const c = line.coords;
      p.moveTo(c[0]! - this.originLon, this.originLat - c[1]!);
      for (let i = 2; i < c.length; i += 2) p.lineTo(c[i]! - this.originLon, this.originLat - c[i + 1]!);
      this.paths.set(line, p);
    }
    return p;
  }

  private fill(ctx: CanvasRenderingContext2D, lines: readonly Line[], view: RegionBounds, color: string): void {
    ctx.fillStyle = color;
    for (const l of lines) if (intersects(l, view)) ctx.fill(this.path(l));
  }

  /**
   * Strokes the pieces that touch the tile as ONE path, so that where pieces meet (or translucent
   * lines cross) no pixel is painted twice.
   */
  private stroke(ctx: CanvasRenderingContext2D, lines: readonly Line[], view: RegionBounds, color: string, width: number): void {
    let combined: Path2D | null = null;
    for (const l of lines) {
      if (!intersects(l, view)) continue;
      combined ??= new Path2D();
      combined.addPath(this.path(l));
    }
    if (!combined) return;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.stroke(combined);
  }

  private drawRunways(ctx: CanvasRenderingContext2D, view: RegionBounds, px: number): void {
    for (const rw of this.runways) {
      const corners = runwayCorners(rw).map(([lon, lat]) => [lon - this.originLon, this.originLat - lat] as const);
      const lons = runwayCorners(rw).map((c) => c[0]);
      const lats = runwayCorners(rw).map((c) => c[1]);
      const box = { west: Math.min(...lons), east: Math.max(...lons), south: Math.min(...lats), north: Math.max(...lats) };
      if (!intersects(box, view)) continue;
      const [a, b, c, d] = corners as [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]];
      const widthPx = Math.hypot(a[0] - d[0], a[1] - d[1]) / px;
      const e1 = [(a[0] + d[0]) / 2, (a[1] + d[1]) / 2] as const;
      const e2 = [(b[0] + c[0]) / 2, (b[1] + c[1]) / 2] as const;
      if (widthPx < 5) {
        // Too narrow to draw to scale: a bright bar of at least 3 px so it reads at all.
        ctx.strokeStyle = this.style.runwayEdge;
        ctx.lineWidth = Math.max(3, widthPx) * px;
        ctx.lineCap = 'butt';
        ctx.beginPath();
        ctx.moveTo(e1[0], e1[1]);
        ctx.lineTo(e2[0], e2[1]);
        ctx.stroke();
        continue;
      }
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(b[0], b[1]);
      ctx.lineTo(c[0], c[1]);
      ctx.lineTo(d[0], d[1]);
      ctx.closePath();
      ctx.fillStyle = this.style.runway;
      ctx.fill();
      ctx.strokeStyle = this.style.runwayEdge;
      ctx.lineWidth = 1.5 * px;
      ctx.stroke();
      // Dashed centre line (30 m dashes, 20 m gaps, as painted on real runways) and threshold bars.
      const metre = Math.hypot(a[0] - d[0], a[1] - d[1]) / (rw.widthFt * 0.3048);
      ctx.strokeStyle = this.style.runwayMarking;
      ctx.lineWidth = Math.max(1, (0.9 * metre) / px) * px;
      ctx.setLineDash([30 * metre, 20 * metre]);
      ctx.beginPath();
      ctx.moveTo(e1[0], e1[1]);
      ctx.lineTo(e2[0], e2[1]);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.lineWidth = Math.max(1.5 * px, 6 * metre);
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(d[0], d[1]);
      ctx.moveTo(b[0], b[1]);
      ctx.lineTo(c[0], c[1]);
      ctx.stroke();
    }
    ctx.lineCap = 'round';
  }

  /** Erases the map towards the region frame so the base imagery shows through with no hard edge. */
  private fadeFrame(ctx: CanvasRenderingContext2D, tile: TileBounds, size: number): void {
    const r = this.geometry.region;
    const s = tile.pixelsPerDegree;
    const x = (lon: number): number => (lon - tile.west) * s;
    const y = (lat: number): number => (tile.north - lat) * s;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-out';
    const band = FRAME_FADE_DEGREES * s;
    const eraser = (x0: number, y0: number, x1: number, y1: number): CanvasGradient => {
      const g = ctx.createLinearGradient(x0, y0, x1, y1);
      g.addColorStop(0, 'rgba(0,0,0,1)');
      g.addColorStop(1, 'rgba(0,0,0,0)');
      return g;
    };
    const inBand = (d: number): boolean => d < FRAME_FADE_DEGREES;
    if (inBand(tile.west - r.west)) {
      ctx.fillStyle = eraser(x(r.west), 0, x(r.west) + band, 0);
      ctx.fillRect(x(r.west), 0, band, size);
    }
    if (inBand(r.east - tile.east)) {
      ctx.fillStyle = eraser(x(r.east), 0, x(r.east) - band, 0);
      ctx.fillRect(x(r.east) - band, 0, band, size);
    }
    if (inBand(r.north - tile.north)) {
      ctx.fillStyle = eraser(0, y(r.north), 0, y(r.north) + band);
      ctx.fillRect(0, y(r.north), size, band);
    }
    if (inBand(tile.south - r.south)) {
      ctx.fillStyle = eraser(0, y(r.south), 0, y(r.south) - band);
      ctx.fillRect(0, y(r.south) - band, size, band);
    }
    ctx.restore();
  }
}
