/**
 * An eased move of the camera from where it is to a shot, whose target may itself move (the
 * aircraft flies on during the move): each frame blends the start pose with the target's pose now.
 * Positions move over the ellipsoid (latitude, longitude, height), rising a little on long moves
 * so the camera never cuts through the Earth; directions turn smoothly. Allocation-free per frame.
 */
import { copyFrame, createFrame, type CameraFrame } from '../../compose/shot';
import { cross, dot, ecefToGeodetic, geodeticToEcef, normalize, set, type Geodetic } from '../../compose/vec3';

function easeInOut(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}

const a: Geodetic = { latDeg: 0, lonDeg: 0, heightM: 0 };
const b: Geodetic = { latDeg: 0, lonDeg: 0, heightM: 0 };

export class CameraMove {
  private readonly from = createFrame();
  private startMs = 0;
  private durationMs = 0;
  private running = false;

  get active(): boolean {
    return this.running;
  }

  begin(from: CameraFrame, durationMs: number, nowMs: number): void {
    copyFrame(from, this.from);
    this.startMs = nowMs;
    this.durationMs = durationMs;
    this.running = durationMs > 0;
  }

  stop(): void {
    this.running = false;
  }

  /** Writes the blended pose for now into `result`; returns false once the move has ended (result = target). */
  step(target: CameraFrame, nowMs: number, result: CameraFrame): boolean {
    const t = this.durationMs > 0 ? Math.min(1, (nowMs - this.startMs) / this.durationMs) : 1;
    if (!this.running || t >= 1) {
      this.running = false;
      copyFrame(target, result);
      return false;
    }
    const e = easeInOut(t);
    ecefToGeodetic(this.from.position, a);
    ecefToGeodetic(target.position, b);
    let dLon = b.lonDeg - a.lonDeg;
    if (dLon > 180) dLon -= 360;
    if (dLon < -180) dLon += 360;
    const lat = a.latDeg + (b.latDeg - a.latDeg) * e;
    const lon = a.lonDeg + dLon * e;
    // Long moves rise in the middle (about a fifth of the distance), short ones stay level.
    const dist = Math.hypot(target.position.x - this.from.position.x, target.position.y - this.from.position.y, target.position.z - this.from.position.z);
    const rise = Math.sin(Math.PI * e) * Math.max(0, dist * 0.2 - Math.max(a.heightM, b.heightM) * 0.5);
    geodeticToEcef(lat, lon, a.heightM + (b.heightM - a.heightM) * e + rise, result.position);
    blendUnit(this.from.direction, target.direction, e, result.direction);
    blendUnit(this.from.up, target.up, e, result.up);
    // Re-orthogonalise: up perpendicular to direction, right = direction × up.
    const k = dot(result.up, result.direction);
    set(result.up, result.up.x - result.direction.x * k, result.up.y - result.direction.y * k, result.up.z - result.direction.z * k);
    normalize(result.up, result.up);
    cross(result.direction, result.up, result.right);
    normalize(result.right, result.right);
    return true;
  }
}

/** Spherical interpolation of two unit vectors (linear when nearly equal). */
function blendUnit(p: { x: number; y: number; z: number }, q: { x: number; y: number; z: number }, t: number, out: { x: number; y: number; z: number }): void {
  const c = Math.max(-1, Math.min(1, dot(p, q)));
  const angle = Math.acos(c);
  if (angle < 1e-4 || angle > Math.PI - 1e-3) {
    set(out, p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t, p.z + (q.z - p.z) * t);
  } else {
    const s = Math.sin(angle);
    const wp = Math.sin((1 - t) * angle) / s;
    const wq = Math.sin(t * angle) / s;
    set(out, p.x * wp + q.x * wq, p.y * wp + q.y * wq, p.z * wp + q.z * wq);
  }
  normalize(out, out);
}
