/** Spherical great-circle math on the WGS84 mean radius. Allocation-free where it runs per frame. */

export const EARTH_RADIUS_M = 6371008.8;
const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

export interface LatLon {
  lat: number;
  lon: number;
}

/** Great-circle distance in metres (haversine). */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const p1 = lat1 * D2R;
  const p2 = lat2 * D2R;
  const dp = p2 - p1;
  const dl = (lon2 - lon1) * D2R;
  const a = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from point 1 to point 2, degrees clockwise from true north in [0, 360). */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const p1 = lat1 * D2R;
  const p2 = lat2 * D2R;
  const dl = (lon2 - lon1) * D2R;
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  return (Math.atan2(y, x) * R2D + 360) % 360;
}

/** The point at fraction f (0..1) along the great circle from 1 to 2, written into result. */
export function interpolateGreatCircle<T extends LatLon>(lat1: number, lon1: number, lat2: number, lon2: number, f: number, result: T): T {
  const p1 = lat1 * D2R;
  const l1 = lon1 * D2R;
  const p2 = lat2 * D2R;
  const l2 = lon2 * D2R;
  const x1 = Math.cos(p1) * Math.cos(l1);
  const y1 = Math.cos(p1) * Math.sin(l1);
  const z1 = Math.sin(p1);
  const x2 = Math.cos(p2) * Math.cos(l2);
  const y2 = Math.cos(p2) * Math.sin(l2);
  const z2 = Math.sin(p2);
  const dot = Math.max(-1, Math.min(1, x1 * x2 + y1 * y2 + z1 * z2));
  const omega = Math.acos(dot);
  let a: number;
  let b: number;
  if (omega < 1e-12) {
    a = 1 - f;
    b = f;
  } else {
    const s = Math.sin(omega);
    a = Math.sin((1 - f) * omega) / s;
    b = Math.sin(f * omega) / s;
  }
  const x = a * x1 + b * x2;
  const y = a * y1 + b * y2;
  const z = a * z1 + b * z2;
  result.lat = Math.atan2(z, Math.sqrt(x * x + y * y)) * R2D;
  result.lon = Math.atan2(y, x) * R2D;
  return result;
}

/** The point at a distance and bearing from a start point (used for estimates such as "18 km NNW"). */
export function destination<T extends LatLon>(lat: number, lon: number, bearing: number, distM: number, result: T): T {
  const d = distM / EARTH_RADIUS_M;
  const p1 = lat * D2R;
  const t = bearing * D2R;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
  const l2 = lon * D2R + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  result.lat = p2 * R2D;
  result.lon = ((l2 * R2D + 540) % 360) - 180;
  return result;
}
