/**
 * Compared tracks (a second file over the scenario, same UTC clock) as data for drawing: their
 * altitude resampled onto the profile chart's times, and a bounded set of vertices for the globe's
 * polyline. Pure: no DOM, no Cesium.
 */
import type { TrackSample } from '../scenario/model';
import { distanceM, interpolateGreatCircle } from '../geo/greatCircle';

/** A compared track's samples further apart than this are a gap: the chart's line breaks there. */
export const COMPARISON_MAX_GAP_MS = 60_000;
/** At most this many vertices are drawn per compared track on the globe. */
export const COMPARISON_MAX_VERTICES = 20_000;

type TimedAltitude = Pick<TrackSample, 'timeMs' | 'altitudeM'>;

/**
 * The track's altitude at each time of `xsSec` (UTC seconds, as the chart's x values): linear between
 * the samples around it, null before the first sample, after the last, and inside a gap longer than
 * `maxGapMs` (a value exactly at a sample is that sample's, whatever its neighbours). Samples in time
 * order; x values ascending are walked in one pass (unsorted ones still work, by search).
 */
export function resampleAltitude(track: readonly TimedAltitude[], xsSec: readonly number[], maxGapMs = COMPARISON_MAX_GAP_MS): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(xsSec.length).fill(null);
  const n = track.length;
  if (n === 0) return out;
  const first = track[0]!.timeMs;
  const last = track[n - 1]!.timeMs;
  let i = 0; // the last sample at or before the time
  let prevMs = -Infinity;
  for (let k = 0; k < xsSec.length; k++) {
    const ms = xsSec[k]! * 1000;
    if (!(ms >= first && ms <= last)) continue; // outside the span (or NaN)
    if (ms < prevMs) i = 0;
    prevMs = ms;
    while (i < n - 1 && track[i + 1]!.timeMs <= ms) i++;
    const a = track[i]!;
    if (a.timeMs === ms || i === n - 1) {
      out[k] = finite(a.altitudeM);
      continue;
    }
    const b = track[i + 1]!;
    if (b.timeMs - a.timeMs > maxGapMs) continue;
    const f = (ms - a.timeMs) / (b.timeMs - a.timeMs);
    out[k] = finite(a.altitudeM + (b.altitudeM - a.altitudeM) * f);
  }
  return out;
}

function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

export interface DrawVertex {
  lat: number;
  lon: number;
  altitudeM: number;
}

/** Segments longer than this are densified along the great circle (a straight chord would sag below the path). */
const DENSIFY_STEP_M = 10_000;
const MAX_DENSIFY_STEPS = 64;
/** A point off the chord of its bucket by more than this (metres, altitude included) is kept as a turning point. */
const TURN_TOLERANCE_M = 30;
const M_PER_DEG = 111_195;

/**
 * The vertices to draw a track with: every sample while there are at most `max / 2`; beyond, every
 * k-th sample plus, between two of them, the one furthest off the straight line joining them (a
 * turn, a climb's top) when it is off by more than a few metres, so the shape survives; then long
 * segments densified along great circles. About `max` vertices at most (densifying adds a few per
 * hundred kilometres without samples), in time order, first and last sample always included.
 */
/**
 * At most about `budget` of the samples, for drawing a long track: every k-th sample, the one
 * furthest off the chord in each stretch (the turns), both ends, and both sides of every change of
 * provenance (so runs of one provenance keep their exact ends). Returns the track itself when short.
 */
export function thinSamples(track: readonly TrackSample[], budget: number): readonly TrackSample[] {
  const n = track.length;
  if (n <= budget) return track;
  const kept: TrackSample[] = [];
  const k = Math.max(2, Math.ceil((2 * n) / budget));
  let s = 0;
  while (s < n - 1) {
    let e = Math.min(n - 1, s + k);
    // A change of provenance ends the stretch: both samples around it are kept.
    for (let i = s + 1; i <= e; i++)
      if (track[i]!.provenance !== track[s]!.provenance) {
        e = Math.max(s + 1, i - 1 > s ? i - 1 : i);
        break;
      }
    kept.push(track[s]!);
    const turn = furthestOffChord(track, s, e);
    if (turn > s) kept.push(track[turn]!);
    s = e;
  }
  kept.push(track[n - 1]!);
  return kept;
}

export function drawingVertices(track: readonly TrackSample[], max = COMPARISON_MAX_VERTICES): DrawVertex[] {
  const kept = thinSamples(track, Math.max(2, Math.floor(max * 0.9)));
  const out: DrawVertex[] = [];
  for (let j = 0; j < kept.length; j++) {
    const b = kept[j]!;
    const a = j > 0 ? kept[j - 1]! : null;
    if (a) {
      const d = distanceM(a.lat, a.lon, b.lat, b.lon);
      const steps = Math.min(MAX_DENSIFY_STEPS, Math.ceil(d / DENSIFY_STEP_M));
      for (let q = 1; q < steps; q++) {
        const f = q / steps;
        const v = interpolateGreatCircle(a.lat, a.lon, b.lat, b.lon, f, { lat: 0, lon: 0, altitudeM: 0 });
        v.altitudeM = a.altitudeM + (b.altitudeM - a.altitudeM) * f;
        out.push(v);
      }
    }
    out.push({ lat: b.lat, lon: b.lon, altitudeM: b.altitudeM });
  }
  return out;
}

/** Index in (s, e) of the sample furthest from the chord s→e (local metres), or -1 when none is off by more than the tolerance. */
function furthestOffChord(track: readonly TrackSample[], s: number, e: number): number {
  const a = track[s]!;
  const b = track[e]!;
  const cos = Math.cos((a.lat * Math.PI) / 180);
  const bx = wrapDeg(b.lon - a.lon) * cos * M_PER_DEG;
  const by = (b.lat - a.lat) * M_PER_DEG;
  const bz = b.altitudeM - a.altitudeM;
  const len2 = bx * bx + by * by + bz * bz;
  let best = -1;
  let bestD2 = TURN_TOLERANCE_M * TURN_TOLERANCE_M;
  for (let i = s + 1; i < e; i++) {
    const p = track[i]!;
    const px = wrapDeg(p.lon - a.lon) * cos * M_PER_DEG;
    const py = (p.lat - a.lat) * M_PER_DEG;
    const pz = p.altitudeM - a.altitudeM;
    const f = len2 > 0 ? Math.min(1, Math.max(0, (px * bx + py * by + pz * bz) / len2)) : 0;
    const dx = px - f * bx;
    const dy = py - f * by;
    const dz = pz - f * bz;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 > bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  return best;
}

function wrapDeg(d: number): number {
  return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
}
