/**
 * Where the aircraft is at a time, from the scenario's track samples: great-circle between samples,
 * altitude linear, heading along the segment. Allocation-free: callers pass a result object.
 */
import type { ProvenanceKind, TrackSample } from '../scenario/model';
import { bearingDeg, distanceM, interpolateGreatCircle } from './greatCircle';

export interface AircraftPosition {
  lat: number;
  lon: number;
  altitudeM: number;
  /** Direction of travel, degrees clockwise from true north. */
  headingDeg: number;
  /** How the position at this time is known: the weaker of the two samples around it. */
  provenance: ProvenanceKind;
  altitudeProvenance: ProvenanceKind;
  /** Index of the sample at or before the time (0 before the start). */
  segmentIndex: number;
}

export function createAircraftPosition(): AircraftPosition {
  return { lat: 0, lon: 0, altitudeM: 0, headingDeg: 0, provenance: 'inferred', altitudeProvenance: 'inferred', segmentIndex: 0 };
}

const RANK: Readonly<Record<ProvenanceKind, number>> = { measured: 2, reported: 1, inferred: 0 };

/** The weaker of two provenances: a segment is only as good as its worse end. */
export function weakerProvenance(a: ProvenanceKind, b: ProvenanceKind): ProvenanceKind {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Index of the last sample with time <= t, or -1 if t is before the first. Binary search. */
export function sampleIndexAt(track: readonly TrackSample[], timeMs: number): number {
  let lo = 0;
  let hi = track.length - 1;
  if (track.length === 0 || timeMs < track[0]!.timeMs) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (track[mid]!.timeMs <= timeMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Heading of the first segment from index i onwards that actually moves (stationary segments have none). */
function headingFrom(track: readonly TrackSample[], i: number): number | null {
  for (let k = i; k < track.length - 1; k++) {
    const a = track[k]!;
    const b = track[k + 1]!;
    if (distanceM(a.lat, a.lon, b.lat, b.lon) > 1) return bearingDeg(a.lat, a.lon, b.lat, b.lon);
  }
  return null;
}

function headingBefore(track: readonly TrackSample[], i: number): number | null {
  for (let k = Math.min(i, track.length - 1); k > 0; k--) {
    const a = track[k - 1]!;
    const b = track[k]!;
    if (distanceM(a.lat, a.lon, b.lat, b.lon) > 1) return bearingDeg(a.lat, a.lon, b.lat, b.lon);
  }
  return null;
}

/** Position, heading and provenance at a time; clamps to the first/last sample outside the track. */
export function positionAt(track: readonly TrackSample[], timeMs: number, result: AircraftPosition): AircraftPosition {
  const n = track.length;
  const i = sampleIndexAt(track, timeMs);
  if (i < 0 || i >= n - 1) {
    const s = i < 0 ? track[0]! : track[n - 1]!;
    result.lat = s.lat;
    result.lon = s.lon;
    result.altitudeM = s.altitudeM;
    result.provenance = s.provenance;
    result.altitudeProvenance = s.altitudeProvenance;
    result.segmentIndex = Math.max(0, i);
    result.headingDeg = (i < 0 ? headingFrom(track, 0) : headingBefore(track, n - 1)) ?? 0;
    return result;
  }
  const a = track[i]!;
  const b = track[i + 1]!;
  const f = (timeMs - a.timeMs) / (b.timeMs - a.timeMs);
  interpolateGreatCircle(a.lat, a.lon, b.lat, b.lon, f, result);
  result.altitudeM = a.altitudeM + (b.altitudeM - a.altitudeM) * f;
  // Exactly at a sample, the sample speaks for itself; between samples, the weaker end does.
  result.provenance = f === 0 ? a.provenance : weakerProvenance(a.provenance, b.provenance);
  result.altitudeProvenance = f === 0 ? a.altitudeProvenance : weakerProvenance(a.altitudeProvenance, b.altitudeProvenance);
  result.segmentIndex = i;
  if (distanceM(a.lat, a.lon, b.lat, b.lon) > 1) {
    result.headingDeg = bearingDeg(result.lat, result.lon, b.lat, b.lon);
  } else {
    // Standing still (at the gate, before take-off): face where the aircraft goes next.
    result.headingDeg = headingFrom(track, i) ?? headingBefore(track, i) ?? 0;
  }
  return result;
}

export interface TrackVertex {
  lat: number;
  lon: number;
  altitudeM: number;
  timeMs: number;
}

export interface TrackRun {
  readonly provenance: ProvenanceKind;
  readonly vertices: TrackVertex[];
}

/**
 * The track cut into runs of one provenance, each densified along great circles so a straight
 * polyline between vertices stays on the true path (no more than maxStepM between vertices).
 */
export function trackRuns(track: readonly TrackSample[], maxStepM = 2000): TrackRun[] {
  const runs: TrackRun[] = [];
  for (let i = 0; i < track.length - 1; i++) {
    const a = track[i]!;
    const b = track[i + 1]!;
    const prov = weakerProvenance(a.provenance, b.provenance);
    let run = runs[runs.length - 1];
    if (!run || run.provenance !== prov) {
      run = { provenance: prov, vertices: [{ lat: a.lat, lon: a.lon, altitudeM: a.altitudeM, timeMs: a.timeMs }] };
      runs.push(run);
    }
    const steps = Math.max(1, Math.ceil(distanceM(a.lat, a.lon, b.lat, b.lon) / maxStepM));
    for (let k = 1; k <= steps; k++) {
      const f = k / steps;
      const v = interpolateGreatCircle(a.lat, a.lon, b.lat, b.lon, f, { lat: 0, lon: 0, altitudeM: 0, timeMs: 0 });
      v.altitudeM = a.altitudeM + (b.altitudeM - a.altitudeM) * f;
      v.timeMs = a.timeMs + (b.timeMs - a.timeMs) * f;
      run.vertices.push(v);
    }
  }
  return runs;
}
