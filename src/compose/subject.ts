/**
 * The subject of a step's shot: the points a camera must keep in the picture. An event step shows
 * the part of the track it covers (so the aircraft stays in view while the clock runs through it)
 * and its place when that is near, never less than a minimum area around them; an epilogue step,
 * or the moment before the first step, the whole flight. A step's `subject` in the file overrides
 * the places and the part of the track.
 */
import type { ReportedEvent, Scenario } from '../scenario/model';
import { stepSpan } from '../scenario/steps';
import { createAircraftPosition, positionAt } from '../geo/trackPosition';
import { destination, distanceM } from '../geo/greatCircle';
import type { GeoPoint } from './shot';

/** Smallest half-width of a framed area: even a one-second step shows its surroundings. */
export const DEFAULT_MIN_RADIUS_KM = 25;
const SAMPLES_PER_SPAN = 24;
const WHOLE_FLIGHT_POINTS = 80;
/** A step's place farther than this from its track (an airport being called) is left out of the shot. */
const PLACE_NEAR_KM = 250;

export function wholeFlight(scenario: Scenario): GeoPoint[] {
  const track = scenario.track;
  const stride = Math.max(1, Math.floor(track.length / WHOLE_FLIGHT_POINTS));
  const points: GeoPoint[] = [];
  for (let i = 0; i < track.length; i += stride) points.push(pointOf(track[i]!));
  const last = track[track.length - 1];
  if (last) points.push(pointOf(last));
  return points;
}

function pointOf(p: { lat: number; lon: number; altitudeM: number }): GeoPoint {
  return { lat: p.lat, lon: p.lon, altitudeM: p.altitudeM };
}

/** The track between two times, sampled evenly (both ends included). */
export function trackBetween(scenario: Scenario, fromMs: number, toMs: number, samples = SAMPLES_PER_SPAN): GeoPoint[] {
  const p = createAircraftPosition();
  const out: GeoPoint[] = [];
  const n = toMs > fromMs ? samples : 0;
  for (let i = 0; i <= n; i++) out.push(pointOf(positionAt(scenario.track, fromMs + ((toMs - fromMs) * i) / Math.max(1, n), p)));
  return out;
}

export function stepSubject(scenario: Scenario, step: ReportedEvent | null): GeoPoint[] {
  if (!step) return wholeFlight(scenario);
  const subject = step.subject;
  const span = stepSpan(scenario, step);
  let points: GeoPoint[];
  if (subject?.from || subject?.to) {
    const from = subject.from ? Date.parse(subject.from) : (span?.fromMs ?? scenario.startMs);
    const to = subject.to ? Date.parse(subject.to) : (span?.toMs ?? scenario.endMs);
    points = trackBetween(scenario, Math.max(scenario.startMs, from), Math.min(scenario.endMs, to));
  } else if (step.kind === 'event') {
    points = span ? trackBetween(scenario, span.fromMs, span.toMs) : trackBetween(scenario, step.timeMs, step.timeMs);
  } else points = subject?.places?.length ? [] : wholeFlight(scenario);

  const placeIds = subject?.places ?? (step.place ? [step.place] : []);
  const explicit = subject?.places !== undefined;
  const centre = points.length ? meanPoint(points) : null;
  for (const id of placeIds) {
    const place = scenario.places.get(id);
    if (!place) continue;
    if (!explicit && centre && distanceM(centre.lat, centre.lon, place.lat, place.lon) > PLACE_NEAR_KM * 1000) continue;
    points.push({ lat: place.lat, lon: place.lon, altitudeM: 0 });
  }
  if (points.length === 0) return wholeFlight(scenario);
  return withMinimumArea(points, subject?.minRadiusKm ?? DEFAULT_MIN_RADIUS_KM);
}

/** A part of the flight as a subject (a video export's range): its track, at least the minimum area. */
export function spanSubject(scenario: Scenario, fromMs: number, toMs: number, minRadiusKm = DEFAULT_MIN_RADIUS_KM): GeoPoint[] {
  const from = Math.max(scenario.startMs, Math.min(fromMs, toMs));
  const to = Math.min(scenario.endMs, Math.max(fromMs, toMs));
  return withMinimumArea(trackBetween(scenario, from, to, 48), minRadiusKm);
}

/** Adds a box of the minimum size around the points' middle (four points make a rectangle on screen). */
function withMinimumArea(points: GeoPoint[], minRadiusKm: number): GeoPoint[] {
  const mid = meanPoint(points);
  for (const bearing of [0, 90, 180, 270]) {
    const p = destination(mid.lat, mid.lon, bearing, minRadiusKm * 1000, { lat: 0, lon: 0 });
    points.push({ lat: p.lat, lon: p.lon, altitudeM: 0 });
  }
  return points;
}

function meanPoint(points: readonly GeoPoint[]): GeoPoint {
  let lat = 0;
  let lon = 0;
  for (const p of points) {
    lat += p.lat;
    lon += p.lon;
  }
  return { lat: lat / points.length, lon: lon / points.length, altitudeM: 0 };
}
