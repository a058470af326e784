/** The uncertainty corridor as a buffer of the path: contains every sample's disc, has no spikes or crossing edges. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corridorBuffer, ReconstructionError, type CorridorSample } from '../../src/reconstruct';
import { destination, distanceM } from '../../src/geo/greatCircle';
import { loadScenarioText } from '../../src/scenario/validate';
import { legacyBandOutlines, tightLoop } from '../fixtures/corridorPaths';
import { allFinite, AreaTest, crossingEdges, discPointsOutside, ringsOf, verticesOffEdge } from '../fixtures/corridorChecks';

function azalTrack(): readonly CorridorSample[] {
  const r = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
  if (!r.ok) throw new Error('AZAL scenario does not load');
  return r.scenario.track;
}

/** A straight eastbound run of n samples every stepM metres from a start point. */
function straight(lat: number, lon: number, n: number, stepM: number, halfWidthM: number): CorridorSample[] {
  return Array.from({ length: n }, (_, i) => ({ ...destination(lat, lon, 90, i * stepM, { lat: 0, lon: 0 }), halfWidthM }));
}

describe('corridor buffer on a loop tighter than the corridor', () => {
  const loop = tightLoop();
  const polygons = corridorBuffer(loop);
  const rings = ringsOf(polygons);

  it('contains every sample’s disc (0.98 × half-width)', () => {
    expect(discPointsOutside(loop, new AreaTest(rings))).toEqual([]);
  });

  it('has its outline on the buffer’s edge: nothing sticks out (+1 %), nothing runs through it (−2 %)', () => {
    expect(verticesOffEdge(rings, loop)).toEqual([]);
  });

  it('is one area with one outline that never crosses itself', () => {
    expect(polygons).toHaveLength(1);
    expect(polygons[0]!.holes).toEqual([]);
    expect(crossingEdges(rings)).toBe(0);
  });

  it('rejects the old sideways-offset band on the same loop (the checks can fail)', () => {
    const old = legacyBandOutlines(loop);
    expect(verticesOffEdge(old, loop).length).toBeGreaterThan(20);
    expect(crossingEdges(old)).toBeGreaterThan(0);
  });
});

describe('corridor buffer of the AZAL 8243 track', () => {
  const track = azalTrack();
  const polygons = corridorBuffer(track);
  const rings = ringsOf(polygons);

  it('contains every sample’s disc and has its outline on the buffer’s edge, without crossings', () => {
    expect(discPointsOutside(track, new AreaTest(rings), 0.98, 8)).toEqual([]);
    expect(verticesOffEdge(rings, track)).toEqual([]);
    expect(crossingEdges(rings)).toBe(0);
  });

  it('is a single area of a few thousand vertices (light enough to draw)', () => {
    expect(polygons).toHaveLength(1);
    const vertices = rings.reduce((n, r) => n + r.length, 0);
    expect(vertices).toBeGreaterThan(300);
    expect(vertices).toBeLessThan(6000);
  });
});

describe('corridor buffer: runs', () => {
  it('keeps runs separated by a sample without a half-width apart, and bridges nothing', () => {
    const a = straight(42, 49, 6, 1000, 2000);
    const b = straight(42, 49.9, 6, 1000, 2000);
    const between = { ...destination(42, 49, 90, 37_000, { lat: 0, lon: 0 }) };
    const polygons = corridorBuffer([...a, between, ...b]);
    expect(polygons).toHaveLength(2);
    const area = new AreaTest(ringsOf(polygons));
    expect(area.contains(between.lat, between.lon)).toBe(false);
    expect(discPointsOutside([...a, ...b], area)).toEqual([]);
    // Each run lies in its own polygon.
    const own = polygons.map((p) => new AreaTest([p.outer, ...p.holes]));
    expect(own.filter((t) => t.contains(a[2]!.lat, a[2]!.lon))).toHaveLength(1);
    expect(own.filter((t) => t.contains(b[2]!.lat, b[2]!.lon))).toHaveLength(1);
    expect(own.filter((t) => t.contains(a[2]!.lat, a[2]!.lon) && t.contains(b[2]!.lat, b[2]!.lon))).toHaveLength(0);
  });

  it('gives overlapping runs one outline (no edges crossing inside the corridor)', () => {
    const a = straight(42, 49, 6, 1000, 2000);
    const b = straight(42.01, 49.02, 6, 1000, 2000);
    const polygons = corridorBuffer([...a, { lat: 42, lon: 49.5 }, ...b]);
    expect(polygons).toHaveLength(1);
    expect(crossingEdges(ringsOf(polygons))).toBe(0);
    expect(verticesOffEdge(ringsOf(polygons), [...a, { lat: 42, lon: 49.5 }, ...b])).toEqual([]);
  });
});

describe('corridor buffer: degenerate input', () => {
  it('one sample: its disc', () => {
    const polygons = corridorBuffer([{ lat: 43.3, lon: 45.7, halfWidthM: 1000 }]);
    expect(polygons).toHaveLength(1);
    for (const v of polygons[0]!.outer) expect(distanceM(43.3, 45.7, v.lat, v.lon)).toBeCloseTo(1000, -1);
    expect(polygons[0]!.outer.length).toBeGreaterThanOrEqual(32);
  });

  it('zero width everywhere: no area, no NaN', () => {
    expect(corridorBuffer([{ lat: 43.3, lon: 45.7, halfWidthM: 0 }])).toEqual([]);
    expect(corridorBuffer(straight(43, 45, 5, 1000, 0))).toEqual([]);
    expect(corridorBuffer([])).toEqual([]);
    expect(
      corridorBuffer([
        { lat: 43, lon: 45 },
        { lat: 43.1, lon: 45 },
      ]),
    ).toEqual([]);
  });

  it('a zero-width fix inside a run: a tapering corridor, no NaN', () => {
    const run = straight(43, 45, 7, 1000, 1500).map((s, i) => (i === 3 ? { ...s, halfWidthM: 0 } : s));
    const polygons = corridorBuffer(run);
    expect(allFinite(polygons)).toBe(true);
    expect(discPointsOutside(run, new AreaTest(ringsOf(polygons)))).toEqual([]);
    expect(verticesOffEdge(ringsOf(polygons), run)).toEqual([]);
  });

  it('duplicate points: the widest disc, no NaN', () => {
    const s = { lat: 43.3, lon: 45.7 };
    const polygons = corridorBuffer([
      { ...s, halfWidthM: 800 },
      { ...s, halfWidthM: 800 },
      { ...s, halfWidthM: 1200 },
      { ...s, halfWidthM: 1200 },
    ]);
    expect(polygons).toHaveLength(1);
    expect(allFinite(polygons)).toBe(true);
    for (const v of polygons[0]!.outer) expect(distanceM(s.lat, s.lon, v.lat, v.lon)).toBeCloseTo(1200, -1);
  });

  it('a 360° loop of 150 m radius inside a 3 km corridor: a plain disc-like area, no holes, no NaN', () => {
    const loop: CorridorSample[] = Array.from({ length: 40 }, (_, i) => ({
      ...destination(43.3, 45.7, (360 * i) / 36, 150, { lat: 0, lon: 0 }),
      halfWidthM: 3000,
    }));
    const polygons = corridorBuffer(loop);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]!.holes).toEqual([]);
    expect(allFinite(polygons)).toBe(true);
    expect(verticesOffEdge(ringsOf(polygons), loop)).toEqual([]);
  });

  it('rejects positions and widths that are not numbers, naming the sample', () => {
    const ok = { lat: 43, lon: 45, halfWidthM: 100 };
    expect(() => corridorBuffer([ok, { lat: 43, lon: 45, halfWidthM: Number.NaN }])).toThrow(/sample 1 has half-width NaN/);
    expect(() => corridorBuffer([ok, { lat: 43, lon: 45, halfWidthM: -5 }])).toThrow(ReconstructionError);
    expect(() => corridorBuffer([{ lat: Number.NaN, lon: 45, halfWidthM: 100 }])).toThrow(/sample 0 has no valid position/);
  });
});

/** Random paths: steps of 50 m–3 km, turns up to ±60° per step (loops and hairpins), widths 20 m–30 km, some breaks and zero widths. */
const randomPath = fc
  .record({
    lat: fc.double({ min: -60, max: 60, noNaN: true }),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
    heading: fc.double({ min: 0, max: 360, noNaN: true }),
    steps: fc.array(
      fc.record({
        lengthM: fc.double({ min: 50, max: 3000, noNaN: true }),
        turn: fc.double({ min: -60, max: 60, noNaN: true }),
        halfWidthM: fc.oneof(
          { weight: 6, arbitrary: fc.double({ min: 20, max: 2000, noNaN: true }) },
          { weight: 6, arbitrary: fc.double({ min: 2000, max: 30000, noNaN: true }) },
          { weight: 1, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.constant(undefined) },
        ),
      }),
      { minLength: 1, maxLength: 60, size: 'medium' },
    ),
  })
  .map(({ lat, lon, heading, steps }) => {
    const out: CorridorSample[] = [];
    let p = { lat, lon };
    let h = heading;
    for (const s of steps) {
      out.push({ lat: p.lat, lon: p.lon, halfWidthM: s.halfWidthM });
      h = (h + s.turn + 360) % 360;
      p = destination(p.lat, p.lon, h, s.lengthM, { lat: 0, lon: 0 });
    }
    return out;
  });

describe('corridor buffer: properties', () => {
  it('on random paths: contains every disc, outline on the edge, no crossings, never NaN', () => {
    fc.assert(
      fc.property(randomPath, (path) => {
        const polygons = corridorBuffer(path);
        const rings = ringsOf(polygons);
        expect(allFinite(polygons)).toBe(true);
        if (path.some((s) => (s.halfWidthM ?? 0) > 0)) expect(discPointsOutside(path, new AreaTest(rings), 0.98, 8)).toEqual([]);
        expect(verticesOffEdge(rings, path)).toEqual([]);
        expect(crossingEdges(rings)).toBe(0);
      }),
      { numRuns: Number(process.env.CORRIDOR_RUNS ?? 60) },
    );
  });
});
