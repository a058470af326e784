/**
 * Finds a camera view that shows a set of points inside a chosen part of the screen (the part the
 * panels leave free), for a given heading and pitch. Solves by projecting with Cesium itself and
 * correcting range and target a few times; the camera is left as it was.
 */
import { Cartesian2, Cartesian3, Ellipsoid, HeadingPitchRange, Matrix4, type Scene } from 'cesium';

/** A screen region as fractions of the canvas (0..1 from the left/top). */
export interface ScreenRegion {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface FramedView {
  readonly destination: Cartesian3;
  readonly orientation: { heading: number; pitch: number; roll: number };
}

const scratchWin = new Cartesian2();
const scratchPick = new Cartesian2();

export function frameView(scene: Scene, points: readonly Cartesian3[], region: ScreenRegion, heading: number, pitch: number): FramedView | null {
  const camera = scene.camera;
  const canvas = scene.canvas;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  if (points.length === 0 || w === 0 || h === 0) return null;
  const saved = {
    position: Cartesian3.clone(camera.position),
    direction: Cartesian3.clone(camera.direction),
    up: Cartesian3.clone(camera.up),
    right: Cartesian3.clone(camera.right),
  };
  const transform = Matrix4.clone(camera.transform);

  // Start from the points' centroid on the ellipsoid and a generous range.
  const centroid = new Cartesian3();
  for (const p of points) Cartesian3.add(centroid, p, centroid);
  Cartesian3.divideByScalar(centroid, points.length, centroid);
  let target = Ellipsoid.WGS84.scaleToGeodeticSurface(centroid) ?? centroid;
  let maxDist = 0;
  for (const p of points) maxDist = Math.max(maxDist, Cartesian3.distance(p, target));
  let range = Math.max(5000, maxDist * 3);
  const rw = (region.right - region.left) * w;
  const rh = (region.bottom - region.top) * h;
  const cx = ((region.left + region.right) / 2) * w;
  const cy = ((region.top + region.bottom) / 2) * h;

  for (let iter = 0; iter < 8; iter++) {
    camera.lookAt(target, new HeadingPitchRange(heading, pitch, range));
    camera.lookAtTransform(Matrix4.IDENTITY);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let visible = true;
    for (const p of points) {
      const win = scene.cartesianToCanvasCoordinates(p, scratchWin);
      if (!win) {
        visible = false;
        break;
      }
      minX = Math.min(minX, win.x);
      maxX = Math.max(maxX, win.x);
      minY = Math.min(minY, win.y);
      maxY = Math.max(maxY, win.y);
    }
    if (!visible) {
      range *= 1.6;
      continue;
    }
    const scale = Math.max((maxX - minX) / rw, (maxY - minY) / rh);
    const dx = (minX + maxX) / 2 - cx;
    const dy = (minY + maxY) / 2 - cy;
    if (Math.abs(scale - 1) < 0.03 && Math.abs(dx) < 4 && Math.abs(dy) < 4) break;
    scratchPick.x = w / 2 + dx;
    scratchPick.y = h / 2 + dy;
    const moved = camera.pickEllipsoid(scratchPick);
    if (moved) target = moved;
    range *= Math.min(3, Math.max(0.33, scale));
  }
  const result: FramedView = {
    destination: Cartesian3.clone(camera.position),
    orientation: { heading: camera.heading, pitch: camera.pitch, roll: camera.roll },
  };
  camera.lookAtTransform(transform);
  Cartesian3.clone(saved.position, camera.position);
  Cartesian3.clone(saved.direction, camera.direction);
  Cartesian3.clone(saved.up, camera.up);
  Cartesian3.clone(saved.right, camera.right);
  return result;
}
