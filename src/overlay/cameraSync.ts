/**
 * Keeps three's camera identical to Cesium's. Objects live in a local east-north-up frame at an
 * anchor; three gets viewMatrix × ENU (computed in 64-bit JS, so the float32 GPU matrices hold
 * small numbers: no jitter at close range) and a projection from Cesium's frustum.
 * Everything here writes into scratch or result objects: called every frame.
 */
import { Matrix4, type Cartesian3, type Camera as CesiumCamera, type PerspectiveFrustum } from 'cesium';
import { isBehindEarthXyz } from '../geo/horizon';
import type { PerspectiveCamera } from 'three';

const scratchViewEnu = new Matrix4();

/** Copies Cesium's view of the ENU frame into three's camera; returns the vertical field of view (radians). */
export function syncCamera(cesium: CesiumCamera, enu: Matrix4, near: number, far: number, three: PerspectiveCamera): number {
  const view = Matrix4.multiply(cesium.viewMatrix, enu, scratchViewEnu);
  const te = three.matrixWorldInverse.elements;
  // Both are column-major 4×4 arrays.
  for (let i = 0; i < 16; i++) te[i] = view[i]!;
  three.matrixWorld.copy(three.matrixWorldInverse).invert();
  const frustum = cesium.frustum as PerspectiveFrustum;
  const fovy = frustum.fovy ?? Math.PI / 3;
  const fovDeg = (fovy * 180) / Math.PI;
  const aspect = frustum.aspectRatio ?? 1;
  if (three.fov !== fovDeg || three.aspect !== aspect || three.near !== near || three.far !== far) {
    three.fov = fovDeg;
    three.aspect = aspect;
    three.near = near;
    three.far = far;
    three.updateProjectionMatrix();
  }
  return fovy;
}

/** Whether the Earth (the WGS84 ellipsoid) hides a point from the camera (src/geo/horizon.ts, shared with the label layer). */
export function isBehindEarth(cameraPosition: Cartesian3, point: Cartesian3): boolean {
  return isBehindEarthXyz(cameraPosition.x, cameraPosition.y, cameraPosition.z, point.x, point.y, point.z);
}
