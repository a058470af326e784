/**
 * Geometry of the basemap's tiles (Cesium GeographicTilingScheme: 2 x 1 tiles at level 0, each
 * 180 degrees square) and of runways. Pure functions, unit-tested in Node.
 */
import type { RegionBounds, Runway } from './basemapData.ts';

export interface TileBounds extends RegionBounds {
  /** Pixels per degree (same in x and y: geographic tiles are square in degrees). */
  readonly pixelsPerDegree: number;
}

export function geographicTileBounds(x: number, y: number, level: number, tileSize: number): TileBounds {
  const size = 180 / 2 ** level;
  const west = -180 + x * size;
  const north = 90 - y * size;
  return { west, east: west + size, north, south: north - size, pixelsPerDegree: tileSize / size };
}

/** Pixel position of a lon/lat inside a tile (x right, y down, 0..tileSize across the tile). */
export function lonLatToTilePixel(tile: TileBounds, lon: number, lat: number): [number, number] {
  return [(lon - tile.west) * tile.pixelsPerDegree, (tile.north - lat) * tile.pixelsPerDegree];
}

export function intersects(a: RegionBounds, b: RegionBounds): boolean {
  return a.west <= b.east && a.east >= b.west && a.south <= b.north && a.north >= b.south;
}

/** Grows a box by a margin in degrees (so strokes wider than a hair are not cut at tile edges). */
export function expand(b: RegionBounds, margin: number): RegionBounds {
  return { west: b.west - margin, south: b.south - margin, east: b.east + margin, north: b.north + margin };
}

const METRES_PER_DEGREE = 111_320;
const FOOT = 0.3048;

/**
 * The four corners (lon, lat) of a runway drawn from its two threshold points and its width, on a
 * local flat approximation (good to centimetres over 4 km).
 */
export function runwayCorners(runway: Runway): [number, number][] {
  const [, lat1, lon1] = runway.ends[0];
  const [, lat2, lon2] = runway.ends[1];
  const k = Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  const dx = (lon2 - lon1) * k * METRES_PER_DEGREE;
  const dy = (lat2 - lat1) * METRES_PER_DEGREE;
  const len = Math.hypot(dx, dy);
  const half = (runway.widthFt * FOOT) / 2;
  // Unit normal (metres), converted back to degrees.
  const nx = ((-dy / len) * half) / (k * METRES_PER_DEGREE);
  const ny = ((dx / len) * half) / METRES_PER_DEGREE;
  return [
    [lon1 + nx, lat1 + ny],
    [lon2 + nx, lat2 + ny],
    [lon2 - nx, lat2 - ny],
    [lon1 - nx, lat1 - ny],
  ];
}

/** True course from the first threshold to the second, degrees 0..360 (spherical, initial bearing). */
export function runwayTrueHeading(runway: Runway): number {
  const [, lat1, lon1] = runway.ends[0];
  const [, lat2, lon2] = runway.ends[1];
  const r = Math.PI / 180;
  const y = Math.sin((lon2 - lon1) * r) * Math.cos(lat2 * r);
  const x = Math.cos(lat1 * r) * Math.sin(lat2 * r) - Math.sin(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon2 - lon1) * r);
  return (((Math.atan2(y, x) / r) % 360) + 360) % 360;
}

/** Great-circle length between the thresholds in metres (haversine, mean Earth radius). */
export function runwayLengthMetres(runway: Runway): number {
  const [, lat1, lon1] = runway.ends[0];
  const [, lat2, lon2] = runway.ends[1];
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

/**
 * Alpha (0..1) of the fade at the region's frame, so the map blends into the base imagery instead of
 * ending in a hard edge: 0 at the frame, 1 at `band` degrees inside it.
 */
export function frameFade(region: RegionBounds, lon: number, lat: number, band: number): number {
  const d = Math.min(lon - region.west, region.east - lon, lat - region.south, region.north - lat);
  return Math.max(0, Math.min(1, d / band));
}
