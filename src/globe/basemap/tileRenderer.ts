/**
 * Draws one basemap tile onto a 2D canvas from the decoded data: land (shaded relief from the
 * height grid once zoomed in), settlement areas, sea and lakes with a light band along their shores,
 * rivers, borders, admin-1 outlines and runways, then fades the edge of the covered region. Lines come in a
 * level of detail per tile level (lineLod.ts: simplified to a fraction of a pixel, long lines cut
 * into pieces with their own bounding boxes); each piece keeps a cached Path2D in degrees relative
 * to the region centre, so a tile only sets a transform and draws the pieces that touch it.
 */
import type { BasemapGeometry, Line, RegionBounds, Runway } from './basemapData.ts';
import {
  ADMIN1_MIN_LEVEL,
  reliefStrength,
  RIVER_MIN_LEVEL,
  RUNWAY_MIN_LEVEL,
  SHORE_HALO_METRES,
  SHORE_HALO_STEPS,
  strokeWidths,
  type BasemapStyle,
} from './basemapStyle.ts';
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
import type { HeightGrid } from './reliefData.ts';
import type { Settlement } from './settlementAreas.ts';
import { drawRunways } from './runwayPainter.ts';
import { expand, intersects, type TileBounds } from './tileMath.ts';
import { ReliefPattern, SettlementPainter } from './tileSurface.ts';

/** Width of the fade at the region frame, in degrees. */
const FRAME_FADE_DEGREES = 0.8;
const METRES_PER_DEGREE = 111_320;

/** What lies under the lines; either part may be missing (then land is flat, without settlements). */
export interface BasemapSurface {
  readonly relief?: HeightGrid;
  readonly settlements?: readonly Settlement[];
}

/** The geometry as drawn at one tile level. */
interface LevelGeometry {
  readonly sea: readonly Line[];
  readonly island: readonly Line[];
  readonly lake: readonly Line[];
  readonly lakeIsland: readonly Line[];
  readonly pond: readonly Line[];
  /** All shorelines, chunked for stroking. */
  readonly coast: readonly Line[];
  /** Shorelines around each kind of water (its own rings and those of the land inside it), chunked. */
  readonly seaShore: readonly Line[];
  readonly lakeShore: readonly Line[];
  readonly pondShore: readonly Line[];
  readonly rivers: readonly (readonly Line[])[];
  readonly borders: readonly Line[];
  readonly admin1: readonly Line[];
}

export class TileRenderer {
  private readonly paths = new WeakMap<Line, Path2D>();
  private readonly levels = new Map<number, LevelGeometry>();
  private readonly originLon: number;
  private readonly originLat: number;
  private readonly relief: ReliefPattern | null;
  private readonly settlements: SettlementPainter | null;

  constructor(
    private readonly geometry: BasemapGeometry,
    private readonly runways: readonly Runway[],
    private readonly style: BasemapStyle,
    private readonly tileSize: number,
    surface: BasemapSurface = {},
  ) {
    const r = geometry.region;
    this.originLon = (r.west + r.east) / 2;
    this.originLat = (r.south + r.north) / 2;
    this.relief = surface.relief ? new ReliefPattern(surface.relief, this.originLon, this.originLat) : null;
    this.settlements = surface.settlements ? new SettlementPainter(surface.settlements, style.settlement, this.originLon, this.originLat) : null;
  }

  /** The lines simplified for a tile level (computed once per level, on first use). */
  levelGeometry(level: number): LevelGeometry {
    const key = Math.min(level, FULL_DETAIL_LEVEL);
    let lod = this.levels.get(key);
    if (!lod) {
      const g = this.geometry;
      const tol = key >= FULL_DETAIL_LEVEL ? 0 : LOD_PIXEL_TOLERANCE * degreesPerPixel(key, this.tileSize);
      const polygons = (lines: readonly Line[]): Line[] => (tol > 0 ? simplifyPolygons(lines, tol) : lines.slice());
      const [sea, island, lake, lakeIsland, pond] = [g.sea, g.island, g.lake, g.lakeIsland, g.pond].map(polygons) as [Line[], Line[], Line[], Line[], Line[]];
      // Shorelines are the filled polygons' own rings, cut into pieces (tolerance 0: already simplified).
      const seaShore = simplifyAndChunk([...sea, ...island], 0);
      const lakeShore = simplifyAndChunk([...lake, ...lakeIsland], 0);
      const pondShore = simplifyAndChunk(pond, 0);
      lod = {
        sea,
        island,
        lake,
        lakeIsland,
        pond,
        coast: [...seaShore, ...lakeShore, ...pondShore],
        seaShore,
        lakeShore,
        pondShore,
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

    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    const strength = reliefStrength(level);
    const relief = strength > 0 ? (this.relief?.get(ctx) ?? null) : null;
    this.fillLand(ctx, null, view, relief, strength);
    // Before the water, which covers the parts of coastal towns' discs that reach into it.
    this.settlements?.draw(ctx, tile, view, level);
    this.drawWater(ctx, g.sea, g.seaShore, view, px);
    this.fillLand(ctx, g.island, view, relief, strength);
    this.drawWater(ctx, g.lake, g.lakeShore, view, px);
    this.fillLand(ctx, g.lakeIsland, view, relief, strength);
    this.drawWater(ctx, g.pond, g.pondShore, view, px);
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

    if (level >= RUNWAY_MIN_LEVEL) drawRunways(ctx, this.runways, this.style, view, px, this.originLon, this.originLat);

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

  /** Land: the whole region (`lines` null) or polygons, flat colour and/or shaded relief by strength. */
  private fillLand(ctx: CanvasRenderingContext2D, lines: readonly Line[] | null, view: RegionBounds, relief: CanvasPattern | null, strength: number): void {
    const paint = (style: string | CanvasPattern): void => {
      ctx.fillStyle = style;
      if (lines === null) this.fillRegion(ctx);
      else for (const l of lines) if (intersects(l, view)) ctx.fill(this.path(l));
    };
    if (!relief || strength < 1) paint(this.style.land);
    if (relief && strength > 0) {
      ctx.globalAlpha = strength;
      paint(relief);
      ctx.globalAlpha = 1;
    }
  }

  /**
   * Water polygons, then a light band along their shores inside them: nested translucent strokes
   * of the shorelines, clipped to the water (the land inside it is drawn over them afterwards).
   */
  private drawWater(ctx: CanvasRenderingContext2D, polygons: readonly Line[], shore: readonly Line[], view: RegionBounds, px: number): void {
    const area = this.combine(polygons, view);
    if (!area) return;
    ctx.fillStyle = this.style.sea;
    ctx.fill(area);
    const halo = SHORE_HALO_METRES / METRES_PER_DEGREE;
    if (halo < 1.5 * px) return;
    const shoreline = this.combine(shore, expand(view, halo));
    if (!shoreline) return;
    ctx.save();
    ctx.clip(area);
    ctx.strokeStyle = this.style.shoreHalo;
    for (let i = SHORE_HALO_STEPS; i >= 1; i--) {
      ctx.lineWidth = 2 * halo * Math.sqrt(i / SHORE_HALO_STEPS);
      ctx.stroke(shoreline);
    }
    ctx.restore();
  }

  /** The pieces that touch `view` as ONE path (where pieces meet or lines cross, no pixel is painted twice). */
  private combine(lines: readonly Line[], view: RegionBounds): Path2D | null {
    let combined: Path2D | null = null;
    for (const l of lines) {
      if (!intersects(l, view)) continue;
      combined ??= new Path2D();
      combined.addPath(this.path(l));
    }
    return combined;
  }

  private stroke(ctx: CanvasRenderingContext2D, lines: readonly Line[], view: RegionBounds, color: string, width: number): void {
    const combined = this.combine(lines, view);
    if (!combined) return;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.stroke(combined);
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
