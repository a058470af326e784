/**
 * The little vector and geodesy math that composing shots needs: Earth-centred, Earth-fixed (ECEF)
 * metres on WGS84, local east-north-up frames, dot and cross products. Allocation-free: every
 * function writes into a result object. Cesium's Cartesian3 has the same shape, so the globe
 * adapter can pass its own objects in and out.
 */

export interface XYZ {
  x: number;
  y: number;
  z: number;
}

export function vec3(x = 0, y = 0, z = 0): XYZ {
  return { x, y, z };
}

const A = 6378137.0;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const DEG = Math.PI / 180;

/** WGS84 geodetic (degrees, metres above the ellipsoid) to ECEF metres. */
export function geodeticToEcef(latDeg: number, lonDeg: number, heightM: number, result: XYZ): XYZ {
  const lat = latDeg * DEG;
  const lon = lonDeg * DEG;
  const s = Math.sin(lat);
  const c = Math.cos(lat);
  const n = A / Math.sqrt(1 - E2 * s * s);
  result.x = (n + heightM) * c * Math.cos(lon);
  result.y = (n + heightM) * c * Math.sin(lon);
  result.z = (n * (1 - E2) + heightM) * s;
  return result;
}

export interface Geodetic {
  latDeg: number;
  lonDeg: number;
  heightM: number;
}

/** ECEF metres to WGS84 geodetic (Bowring's method with two refinements: sub-millimetre near the Earth). */
export function ecefToGeodetic(p: XYZ, result: Geodetic): Geodetic {
  const lon = Math.atan2(p.y, p.x);
  const r = Math.hypot(p.x, p.y);
  let lat = Math.atan2(p.z, r * (1 - E2));
  let h = 0;
  for (let i = 0; i < 4; i++) {
    const s = Math.sin(lat);
    const n = A / Math.sqrt(1 - E2 * s * s);
    h = Math.abs(Math.cos(lat)) > 1e-9 ? r / Math.cos(lat) - n : Math.abs(p.z) - n * (1 - E2);
    lat = Math.atan2(p.z, r * (1 - (E2 * n) / (n + h)));
  }
  result.latDeg = lat / DEG;
  result.lonDeg = lon / DEG;
  result.heightM = h;
  return result;
}

/** The local east, north and up unit vectors at a geodetic position. */
export function enuAxes(latDeg: number, lonDeg: number, east: XYZ, north: XYZ, up: XYZ): void {
  const lat = latDeg * DEG;
  const lon = lonDeg * DEG;
  const sl = Math.sin(lat);
  const cl = Math.cos(lat);
  const so = Math.sin(lon);
  const co = Math.cos(lon);
  east.x = -so;
  east.y = co;
  east.z = 0;
  north.x = -sl * co;
  north.y = -sl * so;
  north.z = cl;
  up.x = cl * co;
  up.y = cl * so;
  up.z = sl;
}

export function set(result: XYZ, x: number, y: number, z: number): XYZ {
  result.x = x;
  result.y = y;
  result.z = z;
  return result;
}

export function copy(a: XYZ, result: XYZ): XYZ {
  return set(result, a.x, a.y, a.z);
}

export function dot(a: XYZ, b: XYZ): number {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

export function cross(a: XYZ, b: XYZ, result: XYZ): XYZ {
  return set(result, a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
}

export function length(a: XYZ): number {
  return Math.hypot(a.x, a.y, a.z);
}

export function normalize(a: XYZ, result: XYZ): XYZ {
  const l = length(a) || 1;
  return set(result, a.x / l, a.y / l, a.z / l);
}

export function sub(a: XYZ, b: XYZ, result: XYZ): XYZ {
  return set(result, a.x - b.x, a.y - b.y, a.z - b.z);
}

/** result = a + b * k */
export function addScaled(a: XYZ, b: XYZ, k: number, result: XYZ): XYZ {
  return set(result, a.x + b.x * k, a.y + b.y * k, a.z + b.z * k);
}

/** result = a * ka + b * kb + c * kc (a linear combination of three vectors, e.g. of a local frame's axes). */
export function combine(a: XYZ, ka: number, b: XYZ, kb: number, c: XYZ, kc: number, result: XYZ): XYZ {
  return set(result, a.x * ka + b.x * kb + c.x * kc, a.y * ka + b.y * kb + c.y * kc, a.z * ka + b.z * kb + c.z * kc);
}

export function distance(a: XYZ, b: XYZ): number {
  return Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
}
