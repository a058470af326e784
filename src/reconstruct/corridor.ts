/**
 * How far from the drawn path the aircraft may have been between two fixes. The half-width is the
 * fixes' radii interpolated, plus a cross-track deviation that is the smallest of:
 *  - what the maximum speed allows since the last fix and before the next (v·tau, v·(T−tau)),
 *  - the widest detour the speed allows at all (semi-minor axis of the ellipse with the fixes as foci),
 *  - a Brownian-bridge spread sigma·sqrt(tau·(T−tau)/T) (the plausible, not the possible).
 * Every term is concave in tau, so the width is the fix's radius at each fix, grows monotonically
 * away from it and shrinks monotonically towards the next one.
 */

export interface CorridorSegment {
  /** Radii of the fixes at the segment's start and end, metres. */
  readonly radiusStartM: number;
  readonly radiusEndM: number;
  /** Duration, seconds (> 0). */
  readonly durationS: number;
  /** Distance between the fixes' centres, metres. */
  readonly distanceM: number;
  readonly maxSpeedMps: number;
  readonly spreadMPerSqrtS: number;
}

export function corridorHalfWidth(seg: CorridorSegment, tauS: number): number {
  const T = seg.durationS;
  const tau = Math.min(T, Math.max(0, tauS));
  const f = tau / T;
  const radius = seg.radiusStartM + (seg.radiusEndM - seg.radiusStartM) * f;
  const reach = seg.maxSpeedMps * Math.min(tau, T - tau);
  const half = (seg.maxSpeedMps * T) / 2;
  const detour = Math.sqrt(Math.max(0, half * half - (seg.distanceM / 2) ** 2));
  const bridge = seg.spreadMPerSqrtS * Math.sqrt(T * f * (1 - f));
  return radius + Math.max(0, Math.min(reach, detour, bridge));
}
