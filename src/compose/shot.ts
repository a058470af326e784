/**
 * Composed shots: where the camera stands and looks so that a subject sits on the stage (the part
 * of the screen the HUD leaves free), not merely in the middle of the canvas. Pure math on a
 * pinhole camera with its principal point at the canvas centre (Cesium's, without frustum offsets:
 * Cesium 1.140 drops `PerspectiveFrustum.xOffset/yOffset` when it clones the frustum for drawing,
 * so the subject is put on the stage by moving or turning the camera instead).
 *
 * Frames are world vectors (ECEF metres); the globe adapter applies them to Cesium's camera.
 * Every function writes into result objects; nothing here allocates per call once warmed up.
 */
import type { Rect } from './stage';
import { addScaled, combine, copy, cross, dot, enuAxes, geodeticToEcef, normalize, set, sub, vec3, type XYZ } from './vec3';

/** The screen the camera draws on: CSS pixels and the vertical field of view (radians). */
export interface Lens {
  readonly width: number;
  readonly height: number;
  readonly fovy: number;
}

/** A camera: position and unit axes (direction, up, right = direction × up), world coordinates. */
export interface CameraFrame {
  readonly position: XYZ;
  readonly direction: XYZ;
  readonly up: XYZ;
  readonly right: XYZ;
}

export function createFrame(): CameraFrame {
  return { position: vec3(), direction: vec3(0, 0, -1), up: vec3(0, 1, 0), right: vec3(1, 0, 0) };
}

export function copyFrame(a: CameraFrame, result: CameraFrame): CameraFrame {
  copy(a.position, result.position);
  copy(a.direction, result.direction);
  copy(a.up, result.up);
  copy(a.right, result.right);
  return result;
}

/** A point in degrees and metres above the ellipsoid. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
  readonly altitudeM: number;
}

export interface ScreenPoint {
  x: number;
  y: number;
  /** Distance in front of the camera along its direction (metres); <= 0 is behind it. */
  depth: number;
}

export function focalPx(lens: Lens): number {
  return lens.height / 2 / Math.tan(lens.fovy / 2);
}

/** Where a world point appears (CSS px from the top left) through a camera. */
export function project(frame: CameraFrame, lens: Lens, p: XYZ, result: ScreenPoint): ScreenPoint {
  const vx = p.x - frame.position.x;
  const vy = p.y - frame.position.y;
  const vz = p.z - frame.position.z;
  const z = vx * frame.direction.x + vy * frame.direction.y + vz * frame.direction.z;
  const x = vx * frame.right.x + vy * frame.right.y + vz * frame.right.z;
  const y = vx * frame.up.x + vy * frame.up.y + vz * frame.up.z;
  const f = focalPx(lens);
  result.depth = z;
  result.x = lens.width / 2 + (f * x) / z;
  result.y = lens.height / 2 - (f * y) / z;
  return result;
}

const east = vec3();
const north = vec3();
const upLocal = vec3();
const scratch = vec3();

/**
 * Sets the axes of a camera looking along heading/pitch (radians; Cesium's convention: heading
 * clockwise from north, pitch negative below the horizon) in the east-north-up frame at lat/lon,
 * with the horizon level (no roll).
 */
export function orient(latDeg: number, lonDeg: number, heading: number, pitch: number, frame: CameraFrame): CameraFrame {
  enuAxes(latDeg, lonDeg, east, north, upLocal);
  const cp = Math.cos(pitch);
  combine(east, Math.sin(heading) * cp, north, Math.cos(heading) * cp, upLocal, Math.sin(pitch), frame.direction);
  // Right is level: along the horizon, perpendicular to the heading.
  combine(east, Math.cos(heading), north, -Math.sin(heading), upLocal, 0, frame.right);
  cross(frame.right, frame.direction, frame.up);
  normalize(frame.up, frame.up);
  return frame;
}

/** Moves the camera sideways (keeping its direction and distance) so that a point shows at the stage's centre. */
export function centreOnStage(frame: CameraFrame, lens: Lens, target: XYZ, stage: Rect): CameraFrame {
  sub(target, frame.position, scratch);
  const z = dot(scratch, frame.direction);
  if (!(z > 0)) return frame;
  const x = dot(scratch, frame.right);
  const y = dot(scratch, frame.up);
  const f = focalPx(lens);
  const wantX = ((stage.x + stage.width / 2 - lens.width / 2) * z) / f;
  const wantY = (-(stage.y + stage.height / 2 - lens.height / 2) * z) / f;
  addScaled(frame.position, frame.right, x - wantX, frame.position);
  addScaled(frame.position, frame.up, y - wantY, frame.position);
  return frame;
}

/**
 * A camera at `target` looking back along the direction given by heading/pitch from `range`
 * metres away (an orbit), moved sideways so that the target sits at the stage's centre.
 */
export function orbitShot(target: GeoPoint, heading: number, pitch: number, range: number, lens: Lens, stage: Rect, frame: CameraFrame): CameraFrame {
  orient(target.lat, target.lon, heading, pitch, frame);
  const t = geodeticToEcef(target.lat, target.lon, target.altitudeM, targetScratch);
  addScaled(t, frame.direction, -range, frame.position);
  return centreOnStage(frame, lens, t, stage);
}
const targetScratch = vec3();

const levelUp = vec3();
const levelRight = vec3();
const bodyUp = vec3();
const horizontal = vec3();

/**
 * An eye at a fixed place looking along `forward` (a unit world vector), rolled by `bankRad`
 * (right wing down positive: the view turns with the aircraft), turned so that the ray through
 * the stage's centre is `forward`: the course ahead sits on the stage, not behind a panel.
 */
export function eyeShot(eye: XYZ, forward: XYZ, upHint: XYZ, bankRad: number, lens: Lens, stage: Rect, frame: CameraFrame): CameraFrame {
  copy(eye, frame.position);
  // The level basis around the forward direction, then the bank.
  cross(forward, upHint, levelRight);
  normalize(levelRight, levelRight);
  cross(levelRight, forward, levelUp);
  normalize(levelUp, levelUp);
  combine(levelUp, Math.cos(bankRad), levelRight, Math.sin(bankRad), levelUp, 0, bodyUp);
  cross(forward, bodyUp, levelRight); // the banked right
  normalize(levelRight, levelRight);
  // Turn the camera off the forward ray by a yaw (about the body's up) and a pitch (about its right)
  // that put the forward ray through the stage centre: with u, v the centre's offset in focal units,
  // the ray through it is D + uR + vU; it is forward when tan(pitch) = -v and
  // tan(yaw) = -u / sqrt(1 + v^2). The camera's right stays in the wings' plane: no roll of its own.
  const f = focalPx(lens);
  const u = (stage.x + stage.width / 2 - lens.width / 2) / f;
  const v = -(stage.y + stage.height / 2 - lens.height / 2) / f;
  const pitch = -Math.atan(v);
  const yaw = Math.atan(-u / Math.sqrt(1 + v * v));
  combine(forward, Math.cos(yaw), levelRight, Math.sin(yaw), forward, 0, horizontal);
  combine(horizontal, Math.cos(pitch), bodyUp, Math.sin(pitch), forward, 0, frame.direction);
  combine(forward, -Math.sin(yaw), levelRight, Math.cos(yaw), forward, 0, frame.right);
  combine(horizontal, -Math.sin(pitch), bodyUp, Math.cos(pitch), forward, 0, frame.up);
  normalize(frame.direction, frame.direction);
  normalize(frame.up, frame.up);
  normalize(frame.right, frame.right);
  return frame;
}

const screen: ScreenPoint = { x: 0, y: 0, depth: 0 };
const centroid = vec3();
const point = vec3();

/**
 * A camera with a fixed orientation (heading/pitch at the points' centroid) placed so that every
 * point shows inside `area` (CSS px), as large as fits, centred in it. Solved by projecting and
 * correcting distance and sideways position; converges in a handful of steps for regional views.
 * `points` are ECEF; returns false when there is nothing to frame.
 */
export function regionShot(points: readonly XYZ[], heading: number, pitch: number, lens: Lens, area: Rect, frame: CameraFrame): boolean {
  const n = points.length;
  if (n === 0 || area.width <= 0 || area.height <= 0) return false;
  set(centroid, 0, 0, 0);
  for (const p of points) addScaled(centroid, p, 1 / n, centroid);
  // Orientation from the local frame at the centroid's ground point.
  const r = Math.hypot(centroid.x, centroid.y);
  const lat = (Math.atan2(centroid.z, r) * 180) / Math.PI;
  const lon = (Math.atan2(centroid.y, centroid.x) * 180) / Math.PI;
  orient(lat, lon, heading, pitch, frame);
  let extent = 1;
  for (const p of points) extent = Math.max(extent, Math.hypot(p.x - centroid.x, p.y - centroid.y, p.z - centroid.z));
  const f = focalPx(lens);
  let range = (extent * 2 * f) / Math.min(area.width, area.height) + extent;
  let a = 0;
  let b = 0;
  const cx = area.x + area.width / 2;
  const cy = area.y + area.height / 2;
  for (let iter = 0; iter < 60; iter++) {
    addScaled(centroid, frame.direction, -range, frame.position);
    addScaled(frame.position, frame.right, a, frame.position);
    addScaled(frame.position, frame.up, b, frame.position);
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    let behind = false;
    for (const p of points) {
      copy(p, point);
      project(frame, lens, point, screen);
      if (screen.depth <= range * 1e-3) {
        behind = true;
        break;
      }
      if (screen.x < minX) minX = screen.x;
      if (screen.x > maxX) maxX = screen.x;
      if (screen.y < minY) minY = screen.y;
      if (screen.y > maxY) maxY = screen.y;
    }
    if (behind) {
      range *= 1.5;
      continue;
    }
    const scale = Math.max((maxX - minX) / area.width, (maxY - minY) / area.height, 1e-6);
    const dx = (minX + maxX) / 2 - cx;
    const dy = (minY + maxY) / 2 - cy;
    if (Math.abs(scale - 1) < 0.004 && Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) break;
    a += (dx * range) / f;
    b -= (dy * range) / f;
    range *= Math.min(2, Math.max(0.5, scale));
  }
  return true;
}
