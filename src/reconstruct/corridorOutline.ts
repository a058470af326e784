/** The corridor's two edges: each sample moved sideways (perpendicular to the path) by its half-width. */
import { bearingDeg, destination, distanceM } from '../geo/greatCircle';

export interface OutlineVertex {
  lat: number;
  lon: number;
  altitudeM: number;
}

export interface CorridorOutline {
  readonly left: OutlineVertex[];
  readonly right: OutlineVertex[];
}

export interface CorridorSample {
  readonly lat: number;
  readonly lon: number;
  readonly altitudeM: number;
  readonly halfWidthM?: number;
}

/** One outline per run of samples that have a half-width; heading from the neighbours on either side. */
export function corridorOutlines(samples: readonly CorridorSample[]): CorridorOutline[] {
  const runs: CorridorOutline[] = [];
  let run: CorridorOutline | null = null;
  let heading = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (s.halfWidthM === undefined) {
      run = null;
      continue;
    }
    const a = samples[Math.max(0, i - 1)]!;
    const b = samples[Math.min(samples.length - 1, i + 1)]!;
    if (distanceM(a.lat, a.lon, b.lat, b.lon) > 1) heading = bearingDeg(a.lat, a.lon, b.lat, b.lon);
    if (!run) {
      run = { left: [], right: [] };
      runs.push(run);
    }
    const l = destination(s.lat, s.lon, heading - 90, s.halfWidthM, { lat: 0, lon: 0, altitudeM: s.altitudeM });
    const r = destination(s.lat, s.lon, heading + 90, s.halfWidthM, { lat: 0, lon: 0, altitudeM: s.altitudeM });
    run.left.push(l);
    run.right.push(r);
  }
  return runs.filter((r) => r.left.length > 1);
}
