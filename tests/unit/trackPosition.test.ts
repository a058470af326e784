import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/validate';
import type { Scenario } from '../../src/scenario/model';
import { createAircraftPosition, positionAt, sampleIndexAt, trackRuns, weakerProvenance } from '../../src/geo/trackPosition';
import { bearingDeg, destination, distanceM } from '../../src/geo/greatCircle';
import { minimalScenario } from '../fixtures/minimalScenario';

function scenario(): Scenario {
  const r = loadScenario(minimalScenario());
  if (!r.ok) throw new Error('fixture invalid');
  return r.scenario;
}
const at = (h: number, m: number, s = 0) => Date.UTC(2024, 11, 25, h, m, s);

describe('great-circle math', () => {
  it('measures one degree of latitude as about 111.2 km', () => {
    expect(distanceM(40, 50, 41, 50)).toBeCloseTo(111195, -1);
  });
  it('gives bearings clockwise from north', () => {
    expect(bearingDeg(40, 50, 41, 50)).toBeCloseTo(0, 6);
    expect(bearingDeg(40, 50, 40, 51)).toBeCloseTo(89.68, 1);
    expect(bearingDeg(41, 50, 40, 50)).toBeCloseTo(180, 6);
  });
  it('reproduces the facts file estimate: 18 km at 337.5° from Grozny North', () => {
    const p = destination(43.3883, 45.6986, 337.5, 18000, { lat: 0, lon: 0 });
    expect(p.lat).toBeCloseTo(43.538, 2);
    expect(p.lon).toBeCloseTo(45.613, 2);
  });
});

describe('position at a time', () => {
  const sc = scenario();
  const p = createAircraftPosition();

  it('clamps before the start and after the end', () => {
    positionAt(sc.track, at(3, 0), p);
    expect([p.lat, p.lon, p.altitudeM]).toEqual([40, 50, 0]);
    positionAt(sc.track, at(5, 0), p);
    expect([p.lat, p.lon, p.altitudeM]).toEqual([41, 50, 0]);
    expect(p.headingDeg).toBeCloseTo(0, 6);
  });

  it('interpolates position and altitude between samples', () => {
    positionAt(sc.track, at(4, 15), p);
    expect(p.lat).toBeCloseTo(40.25, 6);
    expect(p.altitudeM).toBeCloseTo(1500, 6);
    expect(p.headingDeg).toBeCloseTo(0, 6);
    expect(p.segmentIndex).toBe(1);
  });

  it('hits every sample exactly at its time', () => {
    for (const s of sc.track) {
      positionAt(sc.track, s.timeMs, p);
      expect(p.lat).toBeCloseTo(s.lat, 9);
      expect(p.lon).toBeCloseTo(s.lon, 9);
      expect(p.altitudeM).toBeCloseTo(s.altitudeM, 9);
    }
  });

  it('faces the next movement while standing still', () => {
    positionAt(sc.track, at(4, 5), p);
    expect(p.headingDeg).toBeCloseTo(0, 6); // the next segment goes north
  });

  it('reports the weaker provenance of a segment', () => {
    positionAt(sc.track, at(4, 15), p);
    expect(p.provenance).toBe('reported'); // reported -> measured
    positionAt(sc.track, at(4, 30), p);
    expect(p.provenance).toBe('inferred'); // measured -> inferred, inside the gap
    expect(p.altitudeProvenance).toBe('reported'); // measured altitude -> reported altitude
    expect(weakerProvenance('measured', 'reported')).toBe('reported');
  });

  it('finds sample indices by binary search', () => {
    expect(sampleIndexAt(sc.track, at(3, 59))).toBe(-1);
    expect(sampleIndexAt(sc.track, at(4, 0))).toBe(0);
    expect(sampleIndexAt(sc.track, at(4, 39, 59))).toBe(2);
    expect(sampleIndexAt(sc.track, at(4, 40))).toBe(3);
  });

  it('allocates no new result object', () => {
    const r = positionAt(sc.track, at(4, 12), p);
    expect(r).toBe(p);
  });
});

describe('track runs', () => {
  it('splits by provenance and densifies long segments', () => {
    const runs = trackRuns(scenario().track, 2000);
    expect(runs.map((r) => r.provenance)).toEqual(['reported', 'inferred']);
    const last = runs[1]!.vertices;
    expect(last.length).toBeGreaterThan(20); // 55 km in <= 2 km steps
    for (let i = 1; i < last.length; i++) {
      expect(distanceM(last[i - 1]!.lat, last[i - 1]!.lon, last[i]!.lat, last[i]!.lon)).toBeLessThanOrEqual(2000.5);
      expect(last[i]!.timeMs).toBeGreaterThan(last[i - 1]!.timeMs);
    }
  });
});

describe('provenance at a sample', () => {
  it('is the sample’s own exactly at its time, the weaker end between samples', () => {
    const sc = scenario();
    const p = createAircraftPosition();
    positionAt(sc.track, sc.track[2]!.timeMs, p); // measured sample, next segment inferred
    expect(p.provenance).toBe('measured');
    positionAt(sc.track, sc.track[2]!.timeMs + 1, p);
    expect(p.provenance).toBe('inferred');
  });
});
