/**
 * The path's speed, turn rate and vertical rate as measured on its samples (chord by chord), so the
 * reconstruction and its tests judge a path the same way.
 */
import { bearingDeg, distanceM } from '../geo/greatCircle';
import type { FlightConstraints } from './types';

export interface TimedPoint {
  readonly timeMs: number;
  readonly lat: number;
  readonly lon: number;
  readonly altitudeM: number;
}

/** Below this ground speed a heading means nothing (standing at the gate, starting the roll). */
export const HEADING_MIN_SPEED_MPS = 1;
/** Chords cut corners: a chord's speed may fall this fraction below the true speed on a turn. */
export const CHORD_SPEED_TOLERANCE = 0.01;

export interface Chord {
  speedMps: number;
  headingDeg: number;
  verticalMps: number;
  timeMs: number;
  durationS: number;
}

export function chordBetween(a: TimedPoint, b: TimedPoint): Chord {
  const dt = (b.timeMs - a.timeMs) / 1000;
  return {
    speedMps: distanceM(a.lat, a.lon, b.lat, b.lon) / dt,
    headingDeg: bearingDeg(a.lat, a.lon, b.lat, b.lon),
    verticalMps: (b.altitudeM - a.altitudeM) / dt,
    timeMs: a.timeMs,
    durationS: dt,
  };
}

/** Turn rate (°/s) between two consecutive chords; 0 when either is too slow to have a heading. */
export function turnRate(c1: Chord, c2: Chord): number {
  if (c1.speedMps < HEADING_MIN_SPEED_MPS || c2.speedMps < HEADING_MIN_SPEED_MPS) return 0;
  let d = Math.abs(c2.headingDeg - c1.headingDeg) % 360;
  if (d > 180) d = 360 - d;
  return d / ((c1.durationS + c2.durationS) / 2);
}

/** The first way a run of chords breaks the constraints, or null. `before` is the chord leading into the run. */
export function firstViolation(before: Chord | null, chords: readonly Chord[], c: FlightConstraints): string | null {
  let prev = before;
  for (const ch of chords) {
    if (ch.speedMps > c.maxSpeedMps * (1 + 1e-9)) return `ground speed ${ch.speedMps.toFixed(0)} m/s above ${c.maxSpeedMps} m/s`;
    if (ch.speedMps < c.minSpeedMps * (1 - CHORD_SPEED_TOLERANCE)) return `ground speed ${ch.speedMps.toFixed(0)} m/s below ${c.minSpeedMps} m/s`;
    if (prev) {
      const rate = turnRate(prev, ch);
      if (rate > c.maxTurnRateDegPerS * (1 + 1e-9)) return `turn rate ${rate.toFixed(1)} °/s above ${c.maxTurnRateDegPerS} °/s`;
    }
    prev = ch;
  }
  return null;
}
