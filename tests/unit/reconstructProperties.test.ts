/** Property-based tests: paths through anchors taken from random but flyable trajectories. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHORD_SPEED_TOLERANCE, chordBetween, corridorHalfWidth, reconstructPath, turnRate, type Anchor, type FlightConstraints } from '../../src/reconstruct';
import { destination, distanceM } from '../../src/geo/greatCircle';

const C: FlightConstraints = { minSpeedMps: 60, maxSpeedMps: 260, maxTurnRateDegPerS: 3, maxClimbMps: 20, maxDescentMps: 40 };
const T0 = Date.UTC(2024, 11, 25, 5, 0, 0);

/** A flyable trajectory (speed 100–200 m/s, turns up to 0.6 °/s, gentle climbs) sampled every 20–90 s. */
const flight = fc
  .record({
    lat: fc.double({ min: -60, max: 60, noNaN: true }),
    lon: fc.double({ min: -179, max: 179, noNaN: true }),
    heading: fc.double({ min: 0, max: 359, noNaN: true }),
    legs: fc.array(
      fc.record({
        seconds: fc.integer({ min: 20, max: 90 }),
        speed: fc.double({ min: 100, max: 200, noNaN: true }),
        turn: fc.double({ min: -0.6, max: 0.6, noNaN: true }),
        climb: fc.double({ min: -15, max: 10, noNaN: true }),
        radius: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 20000, noNaN: true })),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ lat, lon, heading, legs }) => {
    const anchors: Anchor[] = [{ timeMs: T0, lat, lon, radiusM: 0, altitudeM: 5000, provenance: 'measured', sources: ['s'] }];
    let p = { lat, lon };
    let h = heading;
    let t = 0;
    let alt = 5000;
    for (const leg of legs) {
      // Fly the leg in 1 s steps so the anchors lie on a smooth, flyable curve.
      for (let s = 0; s < leg.seconds; s++) {
        h = (h + leg.turn + 360) % 360;
        p = destination(p.lat, p.lon, h, leg.speed, { lat: 0, lon: 0 });
      }
      t += leg.seconds;
      alt += leg.climb * leg.seconds;
      anchors.push({ timeMs: T0 + t * 1000, lat: p.lat, lon: p.lon, radiusM: leg.radius, altitudeM: alt, provenance: 'inferred', sources: ['s'] });
    }
    return anchors;
  });

describe('reconstruction properties', () => {
  it('passes every fix at its time within 1 m', () => {
    fc.assert(
      fc.property(flight, (anchors) => {
        const path = reconstructPath(anchors, C);
        anchors.forEach((a, i) => {
          const s = path.find((p) => p.anchor === i);
          expect(s?.timeMs).toBe(a.timeMs);
          expect(distanceM(s!.lat, s!.lon, a.lat, a.lon)).toBeLessThan(1);
          expect(s!.altitudeM).toBeCloseTo(a.altitudeM!, 6);
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('keeps speeds, turn rates and vertical rates within the constraints', () => {
    fc.assert(
      fc.property(flight, (anchors) => {
        const path = reconstructPath(anchors, C);
        let prev = null;
        for (let k = 1; k < path.length; k++) {
          const ch = chordBetween(path[k - 1]!, path[k]!);
          expect(ch.speedMps).toBeLessThanOrEqual(C.maxSpeedMps * (1 + 1e-9));
          expect(ch.speedMps).toBeGreaterThanOrEqual(C.minSpeedMps * (1 - CHORD_SPEED_TOLERANCE));
          expect(ch.verticalMps).toBeLessThanOrEqual(C.maxClimbMps + 1e-9);
          expect(ch.verticalMps).toBeGreaterThanOrEqual(-C.maxDescentMps - 1e-9);
          if (prev) expect(turnRate(prev, ch)).toBeLessThanOrEqual(C.maxTurnRateDegPerS * (1 + 1e-9));
          prev = ch;
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('corridor: zero at exact fixes, growing monotonically away from them, shrinking towards the next', () => {
    fc.assert(
      fc.property(flight, (anchors) => {
        const path = reconstructPath(anchors, C, { stepS: 2 });
        anchors.forEach((a, i) => expect(path.find((p) => p.anchor === i)!.halfWidthM).toBe(a.radiusM));
        // Between two fixes the width rises to one peak and falls after it (never dips in between).
        for (let i = 0; i < anchors.length - 1; i++) {
          const w = path.filter((p) => p.segment === i).map((p) => p.halfWidthM);
          w.push(anchors[i + 1]!.radiusM);
          let k = 1;
          while (k < w.length && w[k]! >= w[k - 1]! - 1e-6) k++;
          while (k < w.length && w[k]! <= w[k - 1]! + 1e-6) k++;
          expect(k).toBe(w.length);
          if (anchors[i]!.radiusM === 0) expect(w[1]!).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('corridor half-width never exceeds what the maximum speed allows since the last fix', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 3600, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (T, f, distF, spread) => {
          const seg = { radiusStartM: 0, radiusEndM: 0, durationS: T, distanceM: distF * 260 * T, maxSpeedMps: 260, spreadMPerSqrtS: spread };
          const w = corridorHalfWidth(seg, f * T);
          expect(w).toBeGreaterThanOrEqual(0);
          expect(w).toBeLessThanOrEqual(260 * Math.min(f * T, T - f * T) + 1e-6);
        },
      ),
    );
  });
});
