/**
 * The profile chart's data from the scenario: altitude and ground speed every few seconds, split by
 * provenance (data drawn solid, inferred dashed) with the altitude's uncertainty band. Pure.
 */
import type { Scenario } from '../scenario/model';
import { createAircraftPosition, positionAt } from '../geo/trackPosition';
import { distanceM } from '../geo/greatCircle';

export const MPS_TO_KT = 3600 / 1852;

export interface ProfileData {
  /** UTC seconds. */
  readonly t: number[];
  readonly altKnown: (number | null)[];
  readonly altInferred: (number | null)[];
  readonly altLow: (number | null)[];
  readonly altHigh: (number | null)[];
  /** Ground speed of the drawn path, kt (always inferred: no recorded speeds are in the sources). */
  readonly speedKt: (number | null)[];
}

export function profileData(scenario: Scenario, stepS = 20): ProfileData {
  const d: ProfileData = { t: [], altKnown: [], altInferred: [], altLow: [], altHigh: [], speedKt: [] };
  const p = createAircraftPosition();
  const q = createAircraftPosition();
  const track = scenario.track;
  let prevKnown = false;
  for (let ms = scenario.startMs; ms <= scenario.endMs + 1; ms += stepS * 1000) {
    const t = Math.min(ms, scenario.endMs);
    positionAt(track, t, p);
    // Speed over the surrounding ±stepS/2 of the path.
    const h = (stepS * 1000) / 2;
    const a = Math.max(scenario.startMs, t - h);
    const b = Math.min(scenario.endMs, t + h);
    positionAt(track, a, q);
    const qLat = q.lat;
    const qLon = q.lon;
    positionAt(track, b, q);
    const speed = b > a ? distanceM(qLat, qLon, q.lat, q.lon) / ((b - a) / 1000) : 0;
    const known = p.altitudeProvenance !== 'inferred';
    const u = uncertaintyAt(scenario, t);
    d.t.push(t / 1000);
    // Where provenance changes, both series share the point so the line stays unbroken.
    d.altKnown.push(known || prevKnown ? p.altitudeM : null);
    d.altInferred.push(known ? null : p.altitudeM);
    d.altLow.push(u > 0 ? Math.max(0, p.altitudeM - u) : null);
    d.altHigh.push(u > 0 ? p.altitudeM + u : null);
    d.speedKt.push(speed * MPS_TO_KT);
    prevKnown = known;
    if (t === scenario.endMs) break;
  }
  return d;
}

function uncertaintyAt(scenario: Scenario, ms: number): number {
  const track = scenario.track;
  let lo = 0;
  let hi = track.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (track[mid]!.timeMs <= ms) lo = mid;
    else hi = mid - 1;
  }
  const a = track[lo]!;
  const b = track[Math.min(lo + 1, track.length - 1)]!;
  const ua = a.altitudeUncertaintyM ?? 0;
  const ub = b.altitudeUncertaintyM ?? 0;
  const f = b.timeMs > a.timeMs ? (ms - a.timeMs) / (b.timeMs - a.timeMs) : 0;
  return ua + (ub - ua) * Math.min(1, Math.max(0, f));
}
