/**
 * The steps of an imported flight, found in its fixes: first fix, take-off (ground → air), top of
 * climb, each gap, top of descent, landing (air → ground), last fix. Each is a moment the data show;
 * nothing is added that the data do not.
 */
import { distanceM } from '../geo/greatCircle';
import type { TrackPoint } from './types';

export type DetectedKind = 'first-fix' | 'takeoff' | 'top-of-climb' | 'gap' | 'top-of-descent' | 'landing' | 'last-fix';

export interface DetectedStep {
  id: string;
  kind: DetectedKind;
  timeMs: number;
  altitudeM: number;
  /** The file says the aircraft is on the ground at this fix (its altitude is then not a reading). */
  onGround?: boolean;
  /** Gaps: when the data resume, and the length in words. */
  untilMs?: number;
  gapText?: string;
}

/** Slower than this over ground (m/s, ~30 kt) and the file says nothing: taxiing or parked. */
const GROUND_SPEED_MPS = 15;
/** Climb above the first (or below the last) fix's altitude that counts as airborne, metres. */
const AIRBORNE_ABOVE_M = 50;
/** A climb or descent smaller than this is not worth a step, metres. */
const MIN_CLIMB_M = 300;
/** Gaps shown as steps (the longest; all of them stay gaps in the data). */
const MAX_GAP_STEPS = 20;

function speedAround(points: readonly TrackPoint[], i: number, dir: 1 | -1): number {
  const p = points[i]!;
  if (p.groundSpeedMps !== undefined) return p.groundSpeedMps;
  // Over the next/previous ~30 s of fixes.
  let j = i;
  while (j + dir >= 0 && j + dir < points.length && Math.abs(points[j]!.timeMs - p.timeMs) < 30_000) j += dir;
  if (j === i) return 0;
  const q = points[j]!;
  return distanceM(p.lat, p.lon, q.lat, q.lon) / (Math.abs(q.timeMs - p.timeMs) / 1000);
}

function spanText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export function detectSteps(points: readonly TrackPoint[], altitudes: ArrayLike<number>, gaps: readonly { fromMs: number; toMs: number }[]): DetectedStep[] {
  const n = points.length;
  const out: DetectedStep[] = [];
  const at = (kind: DetectedKind, i: number, id: string = kind): DetectedStep => ({
    id,
    kind,
    timeMs: points[i]!.timeMs,
    altitudeM: altitudes[i]!,
    ...(points[i]!.onGround ? { onGround: true } : {}),
  });
  out.push(at('first-fix', 0));

  const hasGroundFlags = points.some((p) => p.onGround !== undefined);
  // With ground flags in the file, a fix without one is in the air (readers flag the ground fixes).
  const startsOnGround = hasGroundFlags ? points[0]!.onGround === true : speedAround(points, 0, 1) < GROUND_SPEED_MPS;
  const endsOnGround = hasGroundFlags ? points[n - 1]!.onGround === true : speedAround(points, n - 1, -1) < GROUND_SPEED_MPS;

  let airFrom = 0;
  if (startsOnGround) {
    let i = -1;
    if (hasGroundFlags) i = points.findIndex((p) => !p.onGround);
    else {
      const ground = altitudes[0]!;
      let k = points.findIndex((_, j) => altitudes[j]! > ground + AIRBORNE_ABOVE_M);
      if (k > 0) {
        while (k > 1 && altitudes[k - 1]! > ground + 10) k--;
        i = k;
      }
    }
    if (i > 0) {
      out.push(at('takeoff', i));
      airFrom = i;
    }
  }
  let airTo = n - 1;
  let landing = -1;
  if (endsOnGround) {
    let j = -1;
    if (hasGroundFlags) {
      let lastAir = -1;
      for (let k = n - 1; k >= 0 && lastAir < 0; k--) if (!points[k]!.onGround) lastAir = k;
      if (lastAir >= 0 && lastAir < n - 1) j = lastAir + 1;
    } else {
      const ground = altitudes[n - 1]!;
      let k = -1;
      for (let q = n - 1; q >= 0 && k < 0; q--) if (altitudes[q]! > ground + AIRBORNE_ABOVE_M) k = q;
      if (k >= 0 && k < n - 1) {
        while (k < n - 2 && altitudes[k + 1]! > ground + 10) k++;
        j = k + 1;
      }
    }
    if (j > airFrom && j < n) {
      landing = j;
      airTo = j;
    }
  }

  let max = -Infinity;
  let min = Infinity;
  for (let i = airFrom; i <= airTo; i++) {
    max = Math.max(max, altitudes[i]!);
    min = Math.min(min, altitudes[i]!);
  }
  const tol = Math.max(150, 0.05 * (max - min));
  if (max - altitudes[0]! >= MIN_CLIMB_M) {
    let toc = -1;
    for (let i = airFrom; i <= airTo && toc < 0; i++) if (altitudes[i]! >= max - tol) toc = i;
    if (toc > 0) out.push(at('top-of-climb', toc));
    let tod = -1;
    for (let i = airTo; i >= airFrom && tod < 0; i--) if (altitudes[i]! >= max - tol) tod = i;
    if (tod > toc && max - altitudes[n - 1]! >= MIN_CLIMB_M && points[tod]!.timeMs - points[toc]!.timeMs >= 60_000) out.push(at('top-of-descent', tod));
  }

  const longest = [...gaps].sort((a, b) => b.toMs - b.fromMs - (a.toMs - a.fromMs)).slice(0, MAX_GAP_STEPS);
  const shown = new Set(longest);
  let g = 0;
  for (const gap of gaps) {
    g++;
    if (!shown.has(gap)) continue;
    const i = points.findIndex((p) => p.timeMs >= gap.fromMs);
    out.push({
      id: `gap-${g}`,
      kind: 'gap',
      timeMs: gap.fromMs,
      altitudeM: altitudes[Math.max(0, i)]!,
      untilMs: gap.toMs,
      gapText: spanText(gap.toMs - gap.fromMs),
    });
  }
  if (landing > 0) out.push(at('landing', landing));
  out.push(at('last-fix', n - 1));
  return out.sort((a, b) => a.timeMs - b.timeMs);
}
