import { describe, expect, it } from 'vitest';
import type { TrackSample } from '../../src/scenario/model';
import { COMPARISON_MAX_GAP_MS, drawingVertices, resampleAltitude } from '../../src/compose/compareSeries';
import { distanceM } from '../../src/geo/greatCircle';

const T0 = Date.UTC(2024, 11, 25, 5, 0, 0);
const s = (sec: number) => (T0 + sec * 1000) / 1000; // chart x values: UTC seconds

function sample(sec: number, altitudeM: number, lat = 40, lon = 50): TrackSample {
  return { timeMs: T0 + sec * 1000, lat, lon, altitudeM, provenance: 'measured', altitudeProvenance: 'measured', sources: [] };
}

describe('resampleAltitude (a compared track on the profile chart)', () => {
  const track = [sample(0, 1000), sample(20, 2000), sample(40, 2400), sample(200, 3000), sample(230, 2700)];

  it('returns one value per chart time, aligned with them', () => {
    const xs = [s(0), s(10), s(20), s(30), s(40)];
    const out = resampleAltitude(track, xs);
    expect(out).toHaveLength(xs.length);
    expect(out).toEqual([1000, 1500, 2000, 2200, 2400]);
  });

  it('interpolates linearly between samples', () => {
    expect(resampleAltitude(track, [s(5), s(215), s(229)])).toEqual([1250, 2850, 2710]);
    const [v] = resampleAltitude(track, [s(25.5)]);
    expect(v).toBeCloseTo(2000 + (400 * 5.5) / 20, 9);
  });

  it('is null before the first and after the last sample', () => {
    expect(resampleAltitude(track, [s(-20), s(-0.001), s(0), s(230), s(230.001), s(400)])).toEqual([null, null, 1000, 2700, null, null]);
  });

  it('is null inside a gap longer than 60 s, but keeps the samples at its ends', () => {
    // 40 s → 200 s is a 160 s gap; 200 s → 230 s is not.
    expect(resampleAltitude(track, [s(40), s(41), s(120), s(199), s(200), s(210)])).toEqual([2400, null, null, null, 3000, 2900]);
  });

  it('bridges a gap of exactly 60 s and breaks one just longer', () => {
    const exact = [sample(0, 0), sample(60, 600)];
    const longer = [sample(0, 0), sample(61, 610)];
    expect(COMPARISON_MAX_GAP_MS).toBe(60_000);
    expect(resampleAltitude(exact, [s(30)])).toEqual([300]);
    expect(resampleAltitude(longer, [s(30)])).toEqual([null]);
    expect(resampleAltitude(longer, [s(30)], 120_000)).toEqual([300]);
  });

  it('gives nothing for an empty track, and ignores the order of the x values', () => {
    expect(resampleAltitude([], [s(0), s(1)])).toEqual([null, null]);
    expect(resampleAltitude(track, [s(30), s(10), s(215)])).toEqual([2200, 1500, 2850]);
  });

  it('takes the last of samples with the same time', () => {
    const dup = [sample(0, 100), sample(10, 200), sample(10, 300), sample(20, 500)];
    expect(resampleAltitude(dup, [s(10), s(15)])).toEqual([300, 400]);
  });

  it('aligns with the chart when the compared track starts and ends inside the scenario', () => {
    // Chart every 20 s from 0 to 200 s; the compared track covers 50–130 s only.
    const xs = Array.from({ length: 11 }, (_, k) => s(k * 20));
    const part = [sample(50, 500), sample(90, 900), sample(130, 1300)];
    expect(resampleAltitude(part, xs)).toEqual([null, null, null, 600, 800, 1000, 1200, null, null, null, null]);
  });
});

describe('drawingVertices (a compared track on the globe)', () => {
  it('keeps every sample of a small track', () => {
    const track = [sample(0, 0, 40, 50), sample(10, 100, 40.01, 50), sample(20, 200, 40.02, 50)];
    expect(drawingVertices(track)).toEqual(track.map((p) => ({ lat: p.lat, lon: p.lon, altitudeM: p.altitudeM })));
  });

  it('downsamples 100 000 samples to at most the budget, keeping the ends and the turns', () => {
    // A zigzag at cruise: legs of 997 samples, ~30 m apart, the heading changing at each corner.
    const n = 100_000;
    const leg = 997;
    const track: TrackSample[] = [];
    let lat = 40;
    let lon = 45;
    const corners: number[] = [];
    for (let i = 0; i < n; i++) {
      const east = Math.floor(i / leg) % 2 === 0;
      if (i > 0 && i % leg === 0) corners.push(i - 1);
      if (east) lon += 0.0004;
      else lat += 0.0003;
      track.push(sample(i, 10_000, lat, lon));
    }
    const out = drawingVertices(track, 20_000);
    expect(out.length).toBeLessThanOrEqual(20_000);
    expect(out.length).toBeGreaterThan(5_000);
    expect(out[0]).toEqual({ lat: track[0]!.lat, lon: track[0]!.lon, altitudeM: 10_000 });
    expect(out[out.length - 1]).toEqual({ lat: track[n - 1]!.lat, lon: track[n - 1]!.lon, altitudeM: 10_000 });
    // Every corner survives (within a sample's spacing).
    for (const c of corners) {
      const p = track[c]!;
      const near = out.some((v) => distanceM(v.lat, v.lon, p.lat, p.lon) < 40);
      expect(near, `corner at sample ${c}`).toBe(true);
    }
  });

  it('densifies a long segment along the great circle', () => {
    const track = [sample(0, 10_000, 40, 40), sample(600, 10_000, 40, 50)]; // ~850 km
    const out = drawingVertices(track);
    expect(out.length).toBeGreaterThan(50);
    for (let i = 1; i < out.length; i++) expect(distanceM(out[i - 1]!.lat, out[i - 1]!.lon, out[i]!.lat, out[i]!.lon)).toBeLessThan(15_000);
    // North of the straight line in lat/lon (a great circle bulges towards the pole).
    expect(out[Math.floor(out.length / 2)]!.lat).toBeGreaterThan(40.1);
  });
});
