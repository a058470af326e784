/**
 * Where the aircraft-bound cameras stand: the pilot's eye (cockpit) and the slow orbit around the
 * aircraft at the damage event. Poses are written into result objects (called on every clock change).
 */
import { Cartesian3, HeadingPitchRange, Math as CesiumMath, Matrix4, Transforms } from 'cesium';
import type { AircraftPosition } from '../../geo/trackPosition';
import type { Attitude } from '../../geo/attitude';

export interface CameraPose {
  readonly destination: Cartesian3;
  readonly orientation: { heading: number; pitch: number; roll: number };
}

export function createPose(): CameraPose {
  return { destination: new Cartesian3(), orientation: { heading: 0, pitch: 0, roll: 0 } };
}

/** The pilot's eye: on the nose, a little above the fuselage axis (E190 body axes, metres). */
const COCKPIT_FORWARD_M = 15.6;
const COCKPIT_UP_M = 0.9;
/** Damage close-up: from ahead, left and above, looking back past the left wing to the tail and the bursts behind. */
export const DAMAGE_ORBIT = {
  rangeM: 170,
  pitchRad: CesiumMath.toRadians(-28),
  /** Start direction of view relative to the aircraft's heading. */
  startRad: CesiumMath.toRadians(160),
  /** Turn per second of flight time (a slow orbit at 1×; pausing stops it). */
  radPerSecond: CesiumMath.toRadians(1.2),
  /** Looks this much below the aircraft so it sits above the caption and chart, not behind them. */
  lookDownRad: CesiumMath.toRadians(6),
} as const;

const scratchFrame = new Matrix4();
const scratchPosition = new Cartesian3();
const scratchLocal = new Cartesian3();

function aircraftFrame(aircraft: Readonly<AircraftPosition>): Matrix4 {
  Cartesian3.fromDegrees(aircraft.lon, aircraft.lat, aircraft.altitudeM, undefined, scratchPosition);
  return Transforms.eastNorthUpToFixedFrame(scratchPosition, undefined, scratchFrame);
}

/** The pilot's eye looking forward along the aircraft's attitude. */
export function cockpitPose(aircraft: Readonly<AircraftPosition>, attitude: Readonly<Attitude>, result: CameraPose): CameraPose {
  const h = CesiumMath.toRadians(attitude.headingDeg);
  const p = CesiumMath.toRadians(attitude.pitchDeg);
  const f = Math.cos(p);
  scratchLocal.x = Math.sin(h) * f * COCKPIT_FORWARD_M;
  scratchLocal.y = Math.cos(h) * f * COCKPIT_FORWARD_M;
  scratchLocal.z = Math.sin(p) * COCKPIT_FORWARD_M + COCKPIT_UP_M;
  Matrix4.multiplyByPoint(aircraftFrame(aircraft), scratchLocal, result.destination);
  result.orientation.heading = h;
  result.orientation.pitch = p;
  // Cesium's camera roll turns the view the same way as the aircraft banks.
  result.orientation.roll = CesiumMath.toRadians(attitude.bankDeg);
  return result;
}

/** The orbit's offset from the aircraft at a time (heading = direction of view). */
export function damageOrbitOffset(attitude: Readonly<Attitude>, timeMs: number, eventMs: number, result: HeadingPitchRange): HeadingPitchRange {
  result.heading = CesiumMath.zeroToTwoPi(
    CesiumMath.toRadians(attitude.headingDeg) + DAMAGE_ORBIT.startRad + ((timeMs - eventMs) / 1000) * DAMAGE_ORBIT.radPerSecond,
  );
  result.pitch = DAMAGE_ORBIT.pitchRad;
  result.range = DAMAGE_ORBIT.rangeM;
  return result;
}

/** The world pose of a camera looking at the aircraft from an offset (for fly-to transitions). */
export function poseAround(aircraft: Readonly<AircraftPosition>, offset: Readonly<HeadingPitchRange>, result: CameraPose): CameraPose {
  const cp = Math.cos(offset.pitch);
  scratchLocal.x = -Math.sin(offset.heading) * cp * offset.range;
  scratchLocal.y = -Math.cos(offset.heading) * cp * offset.range;
  scratchLocal.z = -Math.sin(offset.pitch) * offset.range;
  Matrix4.multiplyByPoint(aircraftFrame(aircraft), scratchLocal, result.destination);
  result.orientation.heading = offset.heading;
  result.orientation.pitch = offset.pitch;
  result.orientation.roll = 0;
  return result;
}
