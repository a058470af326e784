/**
 * Keeps three's camera identical to Cesium's. Objects live in a local east-north-up frame at an
 * anchor; three gets viewMatrix × ENU (computed in 64-bit JS, so the float32 GPU matrices hold
 * small numbers: no jitter at close range) and a projection from Cesium's frustum.
 * Everything here writes into scratch or result objects: called every frame.
 */
import { Cartesian3, Ellipsoid, Matrix4, type Camera as CesiumCamera, type PerspectiveFrustum } from 'cesium';
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

const scratchCamScaled = new Cartesian3();
const scratchPointScaled = new Cartesian3();
const scratchToPoint = new Cartesian3();

/**
 * Whether the Earth (the WGS84 ellipsoid) hides a point from the camera: the horizon test Cesium
 * uses for culling, done in scaled space where the ellipsoid is a unit sphere.
 */
export function isBehindEarth(cameraPosition: Cartesian3, point: Cartesian3): boolean {
  const ellipsoid = Ellipsoid.WGS84;
  const cv = ellipsoid.transformPositionToScaledSpace(cameraPosition, scratchCamScaled);
  const p = ellipsoid.transformPositionToScaledSpace(point, scratchPointScaled);
  const vhMagnitudeSquared = Cartesian3.magnitudeSquared(cv) - 1;
  const vt = Cartesian3.subtract(p, cv, scratchToPoint);
  const vtDotVc = -Cartesian3.dot(vt, cv);
  if (vhMagnitudeSquared < 0) return vtDotVc > 0;
  return vtDotVc > vhMagnitudeSquared && (vtDotVc * vtDotVc) / Cartesian3.magnitudeSquared(vt) > vhMagnitudeSquared;
}
