/**
 * Where the aircraft is on screen, as a box labels keep out of: the three.js model as the overlay
 * draws it (grown into a symbol of at least MIN_SYMBOL_PX when far), turned by its attitude, plus
 * the globe's own aircraft marker. Also gives model points (the tail) in the world at the size
 * drawn now, for the damage callouts. Allocation-free: called every frame.
 */
import { Cartesian2, Cartesian3, Ellipsoid, Matrix4, SceneTransforms, Transforms, type PerspectiveFrustum, type Scene } from 'cesium';
import { bodyToEnu, type BodyAttitude, type Enu } from '../../geo/bodyFrame';
import { isBehindEarthXyz } from '../../geo/horizon';
import { E190_LENGTH_M, pixelsPerMetre, symbolScale } from '../../compose/aircraftSymbol';
import type { Obstacle } from '../../compose/labels';

/** Extremities of the E190 in body axes (x right, y forward, z up; metres): nose, tail, fin tip, wing tips, stabilisers, belly. */
const EXTREMITIES: readonly (readonly [number, number, number])[] = [
  [0, 18.1, 0],
  [0, -18.1, 0.5],
  [0, -16.8, 9.5],
  [14.35, -4.2, 0.5],
  [-14.35, -4.2, 0.5],
  [7.6, -15.5, 1.6],
  [-7.6, -15.5, 1.6],
  [0, 2, -3],
];
/** The globe's own aircraft marker (a 40 px billboard) stays under the model. */
const BILLBOARD_HALF_PX = 20;

export class AircraftFootprint {
  /** The factor the overlay grows the model by now (1 = true size). */
  scale = 1;
  distanceM = 0;
  private readonly enu = new Matrix4();
  private readonly local = new Cartesian3();
  private readonly world = new Cartesian3();
  private readonly window = new Cartesian2();
  private readonly e: Enu = { east: 0, north: 0, up: 0 };

  /** Writes the aircraft's screen box (plus a margin) into `out`; false when the aircraft is not seen. */
  compute(scene: Scene, position: Cartesian3, attitude: BodyAttitude, marginPx: number, out: Obstacle): boolean {
    const camera = scene.camera;
    const cam = camera.positionWC;
    this.distanceM = Cartesian3.distance(cam, position);
    const fovy = (camera.frustum as PerspectiveFrustum).fovy ?? Math.PI / 3;
    this.scale = symbolScale(E190_LENGTH_M, pixelsPerMetre(this.distanceM, fovy, scene.canvas.clientHeight));
    Transforms.eastNorthUpToFixedFrame(position, Ellipsoid.WGS84, this.enu);
    if (isBehindEarthXyz(cam.x, cam.y, cam.z, position.x, position.y, position.z)) return false;
    const centre = SceneTransforms.worldToWindowCoordinates(scene, position, this.window);
    if (!centre) return false;
    let x0 = centre.x - BILLBOARD_HALF_PX;
    let x1 = centre.x + BILLBOARD_HALF_PX;
    let y0 = centre.y - BILLBOARD_HALF_PX;
    let y1 = centre.y + BILLBOARD_HALF_PX;
    for (let i = 0; i < EXTREMITIES.length; i++) {
      const e = EXTREMITIES[i]!;
      const p = SceneTransforms.worldToWindowCoordinates(scene, this.modelPoint(attitude, e[0], e[1], e[2], this.world), this.window);
      if (!p) continue;
      if (p.x < x0) x0 = p.x;
      if (p.x > x1) x1 = p.x;
      if (p.y < y0) y0 = p.y;
      if (p.y > y1) y1 = p.y;
    }
    out.x = x0 - marginPx;
    out.y = y0 - marginPx;
    out.width = x1 - x0 + 2 * marginPx;
    out.height = y1 - y0 + 2 * marginPx;
    out.hidesAnchors = false;
    return true;
  }

  /** A point of the model (body axes, metres at true size) in the world as drawn now; after compute(). */
  modelPoint(attitude: BodyAttitude, x: number, y: number, z: number, result: Cartesian3): Cartesian3 {
    const s = this.scale;
    bodyToEnu(attitude, x * s, y * s, z * s, this.e);
    this.local.x = this.e.east;
    this.local.y = this.e.north;
    this.local.z = this.e.up;
    return Matrix4.multiplyByPoint(this.enu, this.local, result);
  }
}
