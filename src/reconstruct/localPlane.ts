/**
 * A flat east-north plane around an origin (equirectangular at the origin's latitude): exact at the
 * origin and invertible, accurate to well under a metre per kilometre over the ~100 km between fixes.
 */
import { EARTH_RADIUS_M } from '../geo/greatCircle';

const D2R = Math.PI / 180;

export interface PlanePoint {
  x: number;
  y: number;
}

export class LocalPlane {
  private readonly kx: number;

  constructor(
    readonly lat0: number,
    readonly lon0: number,
  ) {
    this.kx = Math.cos(lat0 * D2R) * EARTH_RADIUS_M * D2R;
  }

  /** East (x) and north (y) metres of a point from the origin. */
  project(lat: number, lon: number, out: PlanePoint): PlanePoint {
    let dl = lon - this.lon0;
    if (dl > 180) dl -= 360;
    else if (dl < -180) dl += 360;
    out.x = dl * this.kx;
    out.y = (lat - this.lat0) * EARTH_RADIUS_M * D2R;
    return out;
  }

  /** The inverse of project, into out.lat / out.lon. */
  unproject<T extends { lat: number; lon: number }>(x: number, y: number, out: T): T {
    out.lat = this.lat0 + y / (EARTH_RADIUS_M * D2R);
    const lon = this.lon0 + x / this.kx;
    out.lon = ((lon + 540) % 360) - 180;
    return out;
  }
}
