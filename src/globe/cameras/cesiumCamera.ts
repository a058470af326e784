/**
 * Reads and writes Cesium's camera as plain camera frames (src/compose/shot.ts): world position and
 * axes, with the camera either free in the world or bound to a transform at the aircraft (so the
 * mouse orbits the aircraft). Allocation-free: called every frame while a shot moves.
 */
import { Cartesian3, Matrix4, type Camera, type PerspectiveFrustum, type Scene } from 'cesium';
import type { CameraFrame, Lens } from '../../compose/shot';

export interface MutableLens {
  width: number;
  height: number;
  fovy: number;
}

/** The canvas size (CSS px) and vertical field of view the camera draws with now. */
export function lensOf(scene: Scene, result: MutableLens): Lens {
  const canvas = scene.canvas;
  result.width = canvas.clientWidth || 1;
  result.height = canvas.clientHeight || 1;
  const frustum = scene.camera.frustum as PerspectiveFrustum;
  // Cesium's fov is horizontal on a landscape canvas; fovy follows the aspect ratio.
  const aspect = result.width / result.height;
  const fov = frustum.fov ?? Math.PI / 3;
  result.fovy = aspect <= 1 ? fov : 2 * Math.atan(Math.tan(fov / 2) / aspect);
  return result;
}

/** The camera's pose in world coordinates, whatever its transform. */
export function readFrame(camera: Camera, result: CameraFrame): CameraFrame {
  Cartesian3.clone(camera.positionWC, result.position as Cartesian3);
  Cartesian3.clone(camera.directionWC, result.direction as Cartesian3);
  Cartesian3.clone(camera.upWC, result.up as Cartesian3);
  Cartesian3.clone(camera.rightWC, result.right as Cartesian3);
  return result;
}

/** Puts the camera at a world pose, free of any transform (overview, presenter, cockpit, moves between shots). */
export function applyWorld(camera: Camera, frame: CameraFrame): void {
  if (!Matrix4.equals(camera.transform, Matrix4.IDENTITY)) camera.lookAtTransform(Matrix4.IDENTITY);
  Cartesian3.clone(frame.position as Cartesian3, camera.position);
  Cartesian3.clone(frame.direction as Cartesian3, camera.direction);
  Cartesian3.clone(frame.up as Cartesian3, camera.up);
  Cartesian3.clone(frame.right as Cartesian3, camera.right);
}

/**
 * Puts the camera at a world pose, expressed in a transform at the aircraft: the reader's mouse then
 * turns and zooms around the aircraft (follow, damage close-up).
 */
export function applyAround(camera: Camera, frame: CameraFrame, transform: Matrix4): void {
  applyWorld(camera, frame);
  // lookAtTransform without an offset keeps the world pose and re-expresses it in the transform.
  camera.lookAtTransform(transform);
}

/** Whether the camera stands where a frame put it (metres; direction components). */
export function cameraAt(camera: Camera, frame: CameraFrame, positionM = 0.5, direction = 1e-7): boolean {
  return (
    Cartesian3.equalsEpsilon(camera.positionWC, frame.position as Cartesian3, 0, positionM) &&
    Cartesian3.equalsEpsilon(camera.directionWC, frame.direction as Cartesian3, 0, direction) &&
    Cartesian3.equalsEpsilon(camera.upWC, frame.up as Cartesian3, 0, direction * 10)
  );
}
