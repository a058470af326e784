/**
 * The uncertainty corridor as an area: the buffer of the path whose width varies with each sample's
 * half-width (the union of a disc per sample and of the hulls between consecutive samples), as
 * lat/lon polygons with holes. One outline for the whole union: where the path loops or turns
 * tighter than the corridor is wide, the area simply fills in (no fans, no edges that cross).
 * Samples without a half-width end a run; nothing bridges them, so separate runs stay separate
 * polygons unless their areas overlap, where they share one outline.
 */
import { destination } from '../geo/greatCircle';
import { LocalPlane, type PlanePoint } from './localPlane';
import { convexHull, thinCircles, unionPolygons, type Circle, type PlanarPolygon } from './planarBuffer';
import { ReconstructionError } from './types';

export interface CorridorSample {
  readonly lat: number;
  readonly lon: number;
  /** Half-width (metres) of the corridor here; without one the sample ends a run of the corridor. */
  readonly halfWidthM?: number;
}

export interface CorridorVertex {
  lat: number;
  lon: number;
}

/** One connected area: its outer ring and the rings of its holes (not closed: the last vertex is not the first again). */
export interface CorridorPolygon {
  readonly outer: CorridorVertex[];
  readonly holes: CorridorVertex[][];
}

export interface CorridorBufferOptions {
  /** Vertices of each sample's disc (on the circle, so the disc polygon is inscribed). Default 48: 0.2 % short of the radius between them. */
  readonly discVertices?: number;
  /** Samples whose disc lies within this fraction of its radius of the neighbours' interpolation are skipped. Default 0.0025. */
  readonly tolerance?: number;
  /** Longest edge of an output ring (metres): longer ones are split so a geodesic between vertices stays on the planar edge. Default 5 km. */
  readonly maxEdgeM?: number;
}

const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

/** The plane's origin: the mean direction of the samples (well inside any track that is not half a globe wide). */
function centreOf(samples: readonly CorridorSample[]): CorridorVertex {
  let x = 0;
  let y = 0;
  let z = 0;
  for (const s of samples) {
    const c = Math.cos(s.lat * D2R);
    x += c * Math.cos(s.lon * D2R);
    y += c * Math.sin(s.lon * D2R);
    z += Math.sin(s.lat * D2R);
  }
  return { lat: Math.atan2(z, Math.hypot(x, y)) * R2D, lon: Math.atan2(y, x) * R2D };
}

function check(s: CorridorSample, i: number): void {
  if (!Number.isFinite(s.lat) || !Number.isFinite(s.lon) || Math.abs(s.lat) > 90)
    throw new ReconstructionError('bad-corridor', `corridor: sample ${i} has no valid position (lat ${s.lat}, lon ${s.lon})`);
  const w = s.halfWidthM;
  if (w !== undefined && !(Number.isFinite(w) && w >= 0))
    throw new ReconstructionError('bad-corridor', `corridor: sample ${i} has half-width ${w} m; it must be a finite number of metres, 0 or more`);
}

/** Runs of consecutive samples that have a half-width. */
function runsOf(samples: readonly CorridorSample[]): CorridorSample[][] {
  const runs: CorridorSample[][] = [];
  let run: CorridorSample[] | null = null;
  samples.forEach((s, i) => {
    check(s, i);
    if (s.halfWidthM === undefined) {
      run = null;
      return;
    }
    if (!run) runs.push((run = []));
    run.push(s);
  });
  return runs;
}

/**
 * The corridor's polygons. Pure; about 50 ms for the AZAL 8243 track (1,924 samples) in Node.
 * Throws ReconstructionError ('bad-corridor') for a position or half-width that is not a number.
 */
export function corridorBuffer(samples: readonly CorridorSample[], options: CorridorBufferOptions = {}): CorridorPolygon[] {
  const discVertices = Math.max(8, Math.round(options.discVertices ?? 48));
  const tolerance = options.tolerance ?? 0.0025;
  const maxEdgeM = options.maxEdgeM ?? 5000;
  const runs = runsOf(samples);
  if (runs.length === 0) return [];
  const origin = centreOf(runs.flat());
  const plane = new LocalPlane(origin.lat, origin.lon);
  const at = { lat: 0, lon: 0 };
  /** The sample's disc: points on the geodesic circle, projected (so it is right wherever the plane is stretched). */
  const disc = (s: CorridorSample): PlanePoint[] => {
    const r = s.halfWidthM!;
    if (r === 0) return [plane.project(s.lat, s.lon, { x: 0, y: 0 })];
    const ring: PlanePoint[] = [];
    for (let k = 0; k < discVertices; k++) {
      destination(s.lat, s.lon, (360 * k) / discVertices, r, at);
      ring.push(plane.project(at.lat, at.lon, { x: 0, y: 0 }));
    }
    return ring;
  };
  const pieces: PlanePoint[][] = [];
  for (const run of runs) {
    const circles: Circle[] = run.map((s) => {
      const p = plane.project(s.lat, s.lon, { x: 0, y: 0 });
      return { x: p.x, y: p.y, r: s.halfWidthM! };
    });
    const kept = thinCircles(circles, tolerance).map((i) => disc(run[i]!));
    // Hulls are counter-clockwise: with the non-zero rule a clockwise disc would cancel what it overlaps.
    if (kept.length === 1) pieces.push(convexHull(kept[0]!));
    for (let i = 0; i + 1 < kept.length; i++) pieces.push(convexHull([...kept[i]!, ...kept[i + 1]!]));
  }
  return unionPolygons(pieces).map((p) => toGeo(p, plane, maxEdgeM));
}

function toGeo(polygon: PlanarPolygon, plane: LocalPlane, maxEdgeM: number): CorridorPolygon {
  const ring = (points: readonly PlanePoint[]): CorridorVertex[] => {
    const out: CorridorVertex[] = [];
    for (let i = 0; i < points.length; i++) {
      const a = points[i]!;
      const b = points[(i + 1) % points.length]!;
      const pieces = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / maxEdgeM));
      for (let k = 0; k < pieces; k++) {
        const f = k / pieces;
        out.push(plane.unproject(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, { lat: 0, lon: 0 }));
      }
    }
    return out;
  };
  return { outer: ring(polygon.outer), holes: polygon.holes.map(ring) };
}
