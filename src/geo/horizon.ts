/**
 * Whether the Earth (the WGS84 ellipsoid) hides a point from a viewpoint: the horizon test Cesium
 * uses for culling, done in scaled space where the ellipsoid is a unit sphere. Plain numbers (ECEF
 * metres), so the Cesium adapter and the three.js overlay share it without sharing a library.
 */
const A = 6378137;
const B = 6356752.314245179;

export function isBehindEarthXyz(cx: number, cy: number, cz: number, px: number, py: number, pz: number): boolean {
  const vx = cx / A;
  const vy = cy / A;
  const vz = cz / B;
  const vhMagnitudeSquared = vx * vx + vy * vy + vz * vz - 1;
  const tx = px / A - vx;
  const ty = py / A - vy;
  const tz = pz / B - vz;
  const vtDotVc = -(tx * vx + ty * vy + tz * vz);
  if (vhMagnitudeSquared < 0) return vtDotVc > 0;
  return vtDotVc > vhMagnitudeSquared && (vtDotVc * vtDotVc) / (tx * tx + ty * ty + tz * tz) > vhMagnitudeSquared;
}
