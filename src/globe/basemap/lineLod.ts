/**
 * Level of detail for the basemap's lines, so a tile never draws more vertices than it has pixels:
 * Douglas–Peucker simplification to a fraction of a pixel of a tile level, dropping of features
 * smaller than a pixel, and chunking of long lines into pieces with their own bounding boxes (so a
 * tile strokes only the stretches of the Caspian coast that touch it). Pure: no DOM, no Cesium.
 */
import type { Line } from './basemapData.ts';

/** Simplification tolerance as a fraction of a tile pixel (below what the eye can see). */
export const LOD_PIXEL_TOLERANCE = 0.35;
/** From this level on the data is drawn as shipped (its own 4–20 m simplification is finer than a pixel). */
export const FULL_DETAIL_LEVEL = 13;
/** Longest stroked piece, in points: keeps bounding-box culling effective for long coasts and borders. */
export const CHUNK_POINTS = 128;
/**
 * Pieces of dashed lines at close range, in points. A canvas dashes a whole stroked path, also where
 * it runs off the tile: 128-point pieces of the admin-1 outlines are up to 375 km long, 150,000
 * dashes' worth at level 15, which cost about 40 ms per tile near Grozny. (Each piece restarts the
 * dash pattern; at these levels a piece is hundreds of pixels long, so that does not show.)
 */
export const DASHED_CHUNK_POINTS = 8;
/** From this level on dashed lines are cut into DASHED_CHUNK_POINTS pieces. */
export const DASHED_SHORT_CHUNK_LEVEL = 10;

/** Degrees per tile pixel at a level of Cesium's geographic tiling (180° per tile at level 0). */
export function degreesPerPixel(level: number, tileSize: number): number {
  return 180 / 2 ** level / tileSize;
}

export function boundsOf(coords: Float64Array): Line {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i < coords.length; i += 2) {
    const lon = coords[i]!;
    const lat = coords[i + 1]!;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return { coords, west, south, east, north };
}

/**
 * Douglas–Peucker on interleaved lon/lat degrees, longitude scaled by cos(latitude) so the tolerance
 * (degrees of latitude) is the same in every direction. Keeps the first and last point.
 */
export function simplifyCoords(coords: Float64Array, tolerance: number): Float64Array {
  const n = coords.length >> 1;
  if (n <= 2 || tolerance <= 0) return coords;
  const k = Math.cos((coords[1]! * Math.PI) / 180);
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: number[] = [0, n - 1];
  const tol2 = tolerance * tolerance;
  while (stack.length > 0) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    const ax = coords[2 * a]!;
    const ay = coords[2 * a + 1]!;
    const dx = (coords[2 * b]! - ax) * k;
    const dy = coords[2 * b + 1]! - ay;
    const len2 = dx * dx + dy * dy;
    let max = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const px = (coords[2 * i]! - ax) * k;
      const py = coords[2 * i + 1]! - ay;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
      const ex = px - t * dx;
      const ey = py - t * dy;
      const d2 = ex * ex + ey * ey;
      if (d2 > max) {
        max = d2;
        index = i;
      }
    }
    if (max > tol2) {
      keep[index] = 1;
      stack.push(a, index, index, b);
    }
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += keep[i]!;
  const out = new Float64Array(count * 2);
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    out[j++] = coords[2 * i]!;
    out[j++] = coords[2 * i + 1]!;
  }
  return out;
}

/** True when a feature spans less than `size` degrees both ways (invisible at that scale). */
function tiny(line: Line, size: number): boolean {
  return line.east - line.west < size && line.north - line.south < size;
}

/** Polygons for filling at a tolerance: simplified, sub-pixel ones dropped. */
export function simplifyPolygons(lines: readonly Line[], tolerance: number): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    if (tiny(l, 2 * tolerance)) continue;
    const coords = simplifyCoords(l.coords, tolerance);
    if (coords.length >= 6) out.push(coords === l.coords ? l : boundsOf(coords));
  }
  return out;
}

/** Lines for stroking at a tolerance: simplified, sub-pixel ones dropped, cut into short pieces. */
export function simplifyAndChunk(lines: readonly Line[], tolerance: number, chunkPoints = CHUNK_POINTS): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    if (tiny(l, 2 * tolerance)) continue;
    const coords = simplifyCoords(l.coords, tolerance);
    const n = coords.length >> 1;
    if (n < 2) continue;
    // Pieces share their end points so the stroke stays continuous.
    for (let start = 0; start < n - 1; start += chunkPoints - 1) {
      const end = Math.min(n, start + chunkPoints);
      out.push(boundsOf(coords.subarray(2 * start, 2 * end)));
    }
  }
  return out;
}
