import { describe, expect, it } from 'vitest';
import { reconstructPath, ReconstructionError, type Anchor, type FlightConstraints } from '../../src/reconstruct';
import { distanceM, destination } from '../../src/geo/greatCircle';

const C: FlightConstraints = { minSpeedMps: 60, maxSpeedMps: 260, maxTurnRateDegPerS: 3, maxClimbMps: 20, maxDescentMps: 40 };
const T0 = Date.UTC(2024, 11, 25, 5, 0, 0);

function anchor(sec: number, lat: number, lon: number, extra: Partial<Anchor> = {}): Anchor {
  return { timeMs: T0 + sec * 1000, lat, lon, radiusM: 0, altitudeM: 3000, provenance: 'inferred', sources: ['s'], ...extra };
}

/** Three fixes 120 s apart on a gentle curve, about 150 m/s. */
function curve(): Anchor[] {
  const p1 = destination(43.5, 46, 90, 18000, { lat: 0, lon: 0 });
  const p2 = destination(p1.lat, p1.lon, 110, 18000, { lat: 0, lon: 0 });
  return [anchor(0, 43.5, 46), anchor(120, p1.lat, p1.lon, { radiusM: 5000 }), anchor(240, p2.lat, p2.lon)];
}

function errorOf(fn: () => unknown): ReconstructionError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ReconstructionError) return err;
    throw err;
  }
  throw new Error('expected a ReconstructionError');
}

describe('reconstructPath', () => {
  it('passes every anchor at its time and keeps samples in time order', () => {
    const anchors = curve();
    const path = reconstructPath(anchors, C, { stepS: 10 });
    anchors.forEach((a, i) => {
      const s = path.find((p) => p.anchor === i)!;
      expect(s.timeMs).toBe(a.timeMs);
      expect(distanceM(s.lat, s.lon, a.lat, a.lon)).toBeLessThan(1);
    });
    for (let k = 1; k < path.length; k++) expect(path[k]!.timeMs).toBeGreaterThan(path[k - 1]!.timeMs);
    expect(path.length).toBe(25);
  });

  it('gives the corridor each anchor’s radius at the anchor, zero at exact fixes, wider in between', () => {
    const path = reconstructPath(curve(), C, { stepS: 10 });
    expect(path[0]!.halfWidthM).toBe(0);
    expect(path.find((p) => p.anchor === 1)!.halfWidthM).toBe(5000);
    expect(path[path.length - 1]!.halfWidthM).toBe(0);
    expect(path[6]!.halfWidthM).toBeGreaterThan(2500);
  });

  it('interpolates missing altitudes and marks samples between anchors with the weaker provenance', () => {
    const a = curve();
    const anchors = [
      { ...a[0]!, provenance: 'measured' as const, altitudeM: 1000 },
      { ...a[1]!, altitudeM: undefined },
      { ...a[2]!, altitudeM: 3400 },
    ];
    const path = reconstructPath(anchors, C, { stepS: 10 });
    expect(path.find((p) => p.anchor === 1)!.altitudeM).toBeCloseTo(2200, 6);
    expect(path[0]!.provenance).toBe('measured');
    expect(path[1]!.provenance).toBe('inferred');
    expect(path[1]!.sources).toEqual(['s']);
  });

  it('uses a known heading and speed at an anchor', () => {
    const anchors = [anchor(0, 43.5, 46, { headingDeg: 0, speedMps: 150 }), anchor(300, 43.5, 46.5)];
    const path = reconstructPath(anchors, C, { stepS: 5 });
    // Leaving northwards first, although the next fix is due east.
    expect(path[1]!.lat).toBeGreaterThan(43.5 + 0.004);
  });

  it('keeps a standing aircraft still', () => {
    const anchors = [anchor(0, 40.4675, 50.0467), anchor(360, 40.4675, 50.0467), anchor(540, 40.55, 49.9)];
    const path = reconstructPath(anchors, { ...C, minSpeedMps: 0 }, { stepS: 10 });
    for (const p of path.filter((s) => s.timeMs <= T0 + 360_000)) expect(distanceM(p.lat, p.lon, 40.4675, 50.0467)).toBeLessThan(0.01);
  });

  it('is fast enough to re-run interactively', () => {
    const anchors: Anchor[] = [];
    let p = { lat: 43, lon: 46 };
    for (let i = 0; i < 200; i++) {
      anchors.push(anchor(i * 60, p.lat, p.lon, { radiusM: 2000 }));
      p = destination(p.lat, p.lon, 90 + 20 * Math.sin(i / 5), 9000, { lat: 0, lon: 0 });
    }
    // Best of three, so a busy machine does not fail it; typically about 20 ms for 200 anchors.
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      reconstructPath(anchors, C);
      best = Math.min(best, performance.now() - t);
    }
    expect(best).toBeLessThan(250);
  });
});

describe('degenerate input gives clear errors', () => {
  it('one fix', () => {
    const e = errorOf(() => reconstructPath([anchor(0, 43, 46)], C));
    expect(e.code).toBe('too-few-anchors');
    expect(e.message).toMatch(/at least two anchors \(got 1\)/);
  });

  it('duplicate times', () => {
    const e = errorOf(() => reconstructPath([anchor(0, 43, 46), anchor(60, 43.05, 46), anchor(60, 43.1, 46)], C));
    expect(e.code).toBe('duplicate-time');
    expect(e.message).toMatch(/anchors 1 and 2 have the same time 2024-12-25T05:01:00Z/);
  });

  it('unsorted input', () => {
    const e = errorOf(() => reconstructPath([anchor(60, 43, 46), anchor(0, 43.05, 46)], C));
    expect(e.code).toBe('unsorted');
    expect(e.message).toMatch(/anchor 1 \(2024-12-25T05:00:00Z\) is earlier than anchor 0/);
  });

  it('anchors too far apart for the maximum speed', () => {
    const e = errorOf(() => reconstructPath([anchor(0, 43, 46), anchor(60, 43, 47)], C));
    expect(e.code).toBe('too-fast');
    expect(e.message).toMatch(/81\.\d km apart in 60 s: that needs 13\d\d m\/s, above the maximum speed of 260 m\/s/);
  });

  it('a climb steeper than allowed', () => {
    const e = errorOf(() => reconstructPath([anchor(0, 43, 46, { altitudeM: 0 }), anchor(60, 43.05, 46, { altitudeM: 3000 })], C));
    expect(e.code).toBe('too-steep');
    expect(e.message).toMatch(/50\.0 m\/s, above the maximum climb rate of 20 m\/s/);
  });

  it('impossible constraints', () => {
    const a = curve();
    expect(errorOf(() => reconstructPath(a, { ...C, maxSpeedMps: 50 })).message).toMatch(
      /impossible constraints: maximum speed \(50 m\/s\) must be above the minimum speed/,
    );
    expect(errorOf(() => reconstructPath(a, { ...C, maxTurnRateDegPerS: 0 })).code).toBe('bad-constraints');
    expect(errorOf(() => reconstructPath(a, { ...C, maxDescentMps: -1 })).code).toBe('bad-constraints');
  });

  it('a path that cannot turn fast enough', () => {
    // Out and straight back within two minutes: a 180° reversal at 150 m/s.
    const e = errorOf(() => reconstructPath([anchor(0, 43, 46), anchor(60, 43, 46.11), anchor(120, 43, 46)], { ...C, maxTurnRateDegPerS: 1 }));
    expect(e.code).toBe('unreachable');
    expect(e.message).toMatch(/stays within the constraints: (turn rate|ground speed)/);
  });

  it('bad anchors: negative radius, off the Earth, speed outside the range, no altitude at all', () => {
    expect(errorOf(() => reconstructPath([anchor(0, 43, 46, { radiusM: -1 }), anchor(60, 43.05, 46)], C)).code).toBe('bad-anchor');
    expect(errorOf(() => reconstructPath([anchor(0, 93, 46), anchor(60, 43.05, 46)], C)).message).toMatch(/not on the Earth/);
    expect(errorOf(() => reconstructPath([anchor(0, 43, 46, { speedMps: 400 }), anchor(60, 43.05, 46)], C)).message).toMatch(/speed 400 m\/s is outside/);
    const none = [anchor(0, 43, 46, { altitudeM: undefined }), anchor(60, 43.05, 46, { altitudeM: undefined })];
    expect(errorOf(() => reconstructPath(none, C)).code).toBe('no-altitude');
  });
});
