/** Rejects input that cannot describe a flight, with a message that names the anchors and the numbers. */
import { distanceM } from '../geo/greatCircle';
import { ReconstructionError, type Anchor, type FlightConstraints } from './types';

const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : String(ms));
const km = (m: number): string => (m / 1000).toFixed(1);

function positiveFinite(x: number): boolean {
  return Number.isFinite(x) && x > 0;
}

export function checkConstraints(c: FlightConstraints): void {
  const bad = (what: string) => {
    throw new ReconstructionError('bad-constraints', `impossible constraints: ${what}`);
  };
  if (!Number.isFinite(c.minSpeedMps) || c.minSpeedMps < 0) bad(`minimum speed must be a number >= 0 (got ${c.minSpeedMps})`);
  if (!positiveFinite(c.maxSpeedMps) || c.maxSpeedMps <= c.minSpeedMps)
    bad(`maximum speed (${c.maxSpeedMps} m/s) must be above the minimum speed (${c.minSpeedMps} m/s)`);
  if (!positiveFinite(c.maxTurnRateDegPerS)) bad(`maximum turn rate must be > 0 (got ${c.maxTurnRateDegPerS} °/s)`);
  if (!positiveFinite(c.maxClimbMps)) bad(`maximum climb rate must be > 0 (got ${c.maxClimbMps} m/s)`);
  if (!positiveFinite(c.maxDescentMps)) bad(`maximum descent rate must be > 0 (got ${c.maxDescentMps} m/s)`);
  if (c.spreadMPerSqrtS !== undefined && !(Number.isFinite(c.spreadMPerSqrtS) && c.spreadMPerSqrtS >= 0))
    bad(`spread must be a number >= 0 (got ${c.spreadMPerSqrtS})`);
}

function checkAnchor(a: Anchor, i: number, c: FlightConstraints): void {
  const bad = (what: string) => {
    throw new ReconstructionError('bad-anchor', `anchor ${i} (${iso(a.timeMs)}): ${what}`);
  };
  if (!Number.isFinite(a.timeMs)) bad('time is not a number');
  if (!(Math.abs(a.lat) <= 90) || !(Math.abs(a.lon) <= 180)) bad(`position ${a.lat}, ${a.lon} is not on the Earth`);
  if (!(Number.isFinite(a.radiusM) && a.radiusM >= 0)) bad(`uncertainty radius must be >= 0 m (got ${a.radiusM})`);
  if (a.altitudeM !== undefined && !Number.isFinite(a.altitudeM)) bad('altitude is not a number');
  if (a.headingDeg !== undefined && !Number.isFinite(a.headingDeg)) bad('heading is not a number');
  if (a.speedMps !== undefined && !(a.speedMps >= c.minSpeedMps && a.speedMps <= c.maxSpeedMps))
    bad(`speed ${a.speedMps} m/s is outside the allowed range ${c.minSpeedMps}–${c.maxSpeedMps} m/s`);
}

/** Throws a ReconstructionError for degenerate input; returns quietly when a path can be drawn. */
export function checkInput(anchors: readonly Anchor[], c: FlightConstraints): void {
  checkConstraints(c);
  if (anchors.length < 2) {
    throw new ReconstructionError(
      'too-few-anchors',
      `a path needs at least two anchors (got ${anchors.length}): one fix says where the aircraft was, not where it went`,
    );
  }
  anchors.forEach((a, i) => checkAnchor(a, i, c));
  if (!anchors.some((a) => a.altitudeM !== undefined)) throw new ReconstructionError('no-altitude', 'no anchor has an altitude');
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1]!;
    const b = anchors[i]!;
    if (b.timeMs === a.timeMs)
      throw new ReconstructionError('duplicate-time', `anchors ${i - 1} and ${i} have the same time ${iso(a.timeMs)}; merge them or move one`);
    if (b.timeMs < a.timeMs)
      throw new ReconstructionError('unsorted', `anchor ${i} (${iso(b.timeMs)}) is earlier than anchor ${i - 1} (${iso(a.timeMs)}); sort anchors by time`);
    const dt = (b.timeMs - a.timeMs) / 1000;
    const d = distanceM(a.lat, a.lon, b.lat, b.lon);
    if (d / dt > c.maxSpeedMps * (1 + 1e-9)) {
      throw new ReconstructionError(
        'too-fast',
        `anchors ${i - 1} (${iso(a.timeMs)}) and ${i} (${iso(b.timeMs)}) are ${km(d)} km apart in ${dt} s: that needs ${(d / dt).toFixed(0)} m/s, above the maximum speed of ${c.maxSpeedMps} m/s`,
      );
    }
  }
}

/** Same check for the vertical, once missing altitudes are filled in. */
export function checkVertical(times: readonly number[], altitudes: readonly number[], c: FlightConstraints): void {
  for (let i = 1; i < times.length; i++) {
    const dt = (times[i]! - times[i - 1]!) / 1000;
    const rate = (altitudes[i]! - altitudes[i - 1]!) / dt;
    const limit = rate > 0 ? c.maxClimbMps : c.maxDescentMps;
    if (Math.abs(rate) > limit * (1 + 1e-9)) {
      throw new ReconstructionError(
        'too-steep',
        `between anchors ${i - 1} (${iso(times[i - 1]!)}) and ${i} the altitude changes by ${(altitudes[i]! - altitudes[i - 1]!).toFixed(0)} m in ${dt} s: ${Math.abs(rate).toFixed(1)} m/s, above the maximum ${rate > 0 ? 'climb' : 'descent'} rate of ${limit} m/s`,
      );
    }
  }
}
