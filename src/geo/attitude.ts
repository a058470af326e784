/**
 * A plausible attitude from the track alone: heading along the path, pitch from the climb or
 * descent, bank from the rate of turn (coordinated turn). The track has no recorded attitude, so
 * this is an illustration derived from positions, smoothed over a window of seconds.
 * Allocation-free: callers pass a result object.
 */
import type { TrackSample } from '../scenario/model';
import { distanceM } from './greatCircle';
import { createAircraftPosition, positionAt } from './trackPosition';

export interface Attitude {
  /** Degrees clockwise from true north. */
  headingDeg: number;
  /** Nose up positive, degrees. */
  pitchDeg: number;
  /** Right wing down positive, degrees. */
  bankDeg: number;
  groundSpeedMs: number;
  climbMs: number;
}

export function createAttitude(): Attitude {
  return { headingDeg: 0, pitchDeg: 0, bankDeg: 0, groundSpeedMs: 0, climbMs: 0 };
}

const G = 9.80665;
/** Half-width of the smoothing window: the track's samples are about a minute apart in turns. */
const HALF_WINDOW_MS = 15_000;
const MAX_PITCH_DEG = 20;
const MAX_BANK_DEG = 35;
const before = createAircraftPosition();
const now = createAircraftPosition();
const after = createAircraftPosition();

function wrap180(deg: number): number {
  return ((((deg + 180) % 360) + 360) % 360) - 180;
}

function clamp(v: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, v));
}

export function attitudeAt(track: readonly TrackSample[], timeMs: number, result: Attitude): Attitude {
  const t0 = timeMs - HALF_WINDOW_MS;
  const t1 = timeMs + HALF_WINDOW_MS;
  positionAt(track, t0, before);
  positionAt(track, timeMs, now);
  positionAt(track, t1, after);
  const seconds = (t1 - t0) / 1000;
  const speed = distanceM(before.lat, before.lon, after.lat, after.lon) / seconds;
  result.headingDeg = now.headingDeg;
  result.groundSpeedMs = speed;
  result.climbMs = (after.altitudeM - before.altitudeM) / seconds;
  if (speed < 20) {
    // On the ground or a stationary sample: no flight attitude to speak of.
    result.pitchDeg = 0;
    result.bankDeg = 0;
    return result;
  }
  result.pitchDeg = clamp((Math.atan2(result.climbMs, speed) * 180) / Math.PI, MAX_PITCH_DEG);
  const turnRateRad = (wrap180(after.headingDeg - before.headingDeg) * Math.PI) / 180 / seconds;
  result.bankDeg = clamp((Math.atan((speed * turnRateRad) / G) * 180) / Math.PI, MAX_BANK_DEG);
  return result;
}
