/**
 * The aircraft-bound shots as data: where the follow camera starts, the slow orbit of the damage
 * close-up as a function of flight time, the pilot's eye. Pure; the globe adapter turns them into
 * camera frames with src/compose/shot.ts.
 */
import type { Attitude } from '../geo/attitude';
import type { CameraFrame } from './shot';
import { dot, enuAxes, geodeticToEcef, sub, vec3, type XYZ } from './vec3';

const DEG = Math.PI / 180;

export interface Orbit {
  /** Direction of view, radians clockwise from north (the camera stands on the opposite side). */
  heading: number;
  /** Below the horizon negative, radians. */
  pitch: number;
  /** Distance to the aircraft, metres. */
  range: number;
}

export function createOrbit(): Orbit {
  return { heading: 0, pitch: 0, range: 1 };
}

/**
 * Follow: from behind and above, close enough that the model reads as an aircraft, the sea or land
 * below it around it. Not so flat that the horizon comes into view: a view to the horizon needs
 * hundreds of map tiles (the cockpit shows the horizon, with fog to limit them).
 */
export const FOLLOW = { pitchRad: -24 * DEG, rangeM: 2200, minRangeM: 60, maxRangeM: 400_000 } as const;

/** The follow camera's first orbit: looking along the aircraft's heading. */
export function followStart(headingDeg: number, result: Orbit): Orbit {
  result.heading = headingDeg * DEG;
  result.pitch = FOLLOW.pitchRad;
  result.range = FOLLOW.rangeM;
  return result;
}

/** Damage close-up: from ahead, left and above, looking back past the left wing to the tail and the bursts behind. */
export const DAMAGE_ORBIT = {
  rangeM: 170,
  pitchRad: -24 * DEG,
  /** Start direction of view relative to the aircraft's heading. */
  startRad: 160 * DEG,
  /** Turn per second of flight time (a slow orbit at 1x; pausing stops it). */
  radPerSecond: 1.2 * DEG,
} as const;

export function damageOrbit(attitude: Readonly<Attitude>, timeMs: number, eventMs: number, result: Orbit): Orbit {
  const turn = DAMAGE_ORBIT.startRad + ((timeMs - eventMs) / 1000) * DAMAGE_ORBIT.radPerSecond;
  result.heading = (((attitude.headingDeg * DEG + turn) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  result.pitch = DAMAGE_ORBIT.pitchRad;
  result.range = DAMAGE_ORBIT.rangeM;
  return result;
}

/** The pilot's eye: on the nose, a little above the fuselage axis (E190 body axes, metres). */
export const COCKPIT = { forwardM: 15.6, upM: 0.9, lookDownRad: 5 * DEG } as const;

const east = vec3();
const north = vec3();
const up = vec3();
const toAnchor = vec3();

/**
 * Reads an orbit back from a camera (after the reader turned or zoomed it): the direction of view
 * in the anchor's east-north-up frame, and the anchor's depth in front of the camera.
 */
export function orbitOf(frame: CameraFrame, anchorLat: number, anchorLon: number, anchor: XYZ, result: Orbit): Orbit {
  enuAxes(anchorLat, anchorLon, east, north, up);
  const d = frame.direction;
  const de = dot(d, east);
  const dn = dot(d, north);
  const du = dot(d, up);
  result.heading = Math.atan2(de, dn);
  result.pitch = Math.asin(Math.max(-1, Math.min(1, du)));
  result.range = dot(sub(anchor, frame.position, toAnchor), d);
  return result;
}

/** The eye point and forward direction of the cockpit view (world vectors, written into the results). */
export function cockpitEye(lat: number, lon: number, altitudeM: number, attitude: Readonly<Attitude>, eye: XYZ, forward: XYZ, localUp: XYZ): void {
  enuAxes(lat, lon, east, north, localUp);
  const h = attitude.headingDeg * DEG;
  const p = attitude.pitchDeg * DEG;
  const ch = Math.cos(p);
  // The body's forward axis, then the eye on the nose.
  forward.x = east.x * Math.sin(h) * ch + north.x * Math.cos(h) * ch + localUp.x * Math.sin(p);
  forward.y = east.y * Math.sin(h) * ch + north.y * Math.cos(h) * ch + localUp.y * Math.sin(p);
  forward.z = east.z * Math.sin(h) * ch + north.z * Math.cos(h) * ch + localUp.z * Math.sin(p);
  geodeticToEcef(lat, lon, altitudeM, eye);
  eye.x += forward.x * COCKPIT.forwardM + localUp.x * COCKPIT.upM;
  eye.y += forward.y * COCKPIT.forwardM + localUp.y * COCKPIT.upM;
  eye.z += forward.z * COCKPIT.forwardM + localUp.z * COCKPIT.upM;
  // The view looks a little below the nose: the sea, the course ahead and the horizon all in frame.
  const q = p - COCKPIT.lookDownRad;
  const cq = Math.cos(q);
  forward.x = east.x * Math.sin(h) * cq + north.x * Math.cos(h) * cq + localUp.x * Math.sin(q);
  forward.y = east.y * Math.sin(h) * cq + north.y * Math.cos(h) * cq + localUp.y * Math.sin(q);
  forward.z = east.z * Math.sin(h) * cq + north.z * Math.cos(h) * cq + localUp.z * Math.sin(q);
}
