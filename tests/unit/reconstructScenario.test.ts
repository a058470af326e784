/** The scenario format's reconstruction fields and the AZAL 8243 track built from anchors. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems, loadScenario, loadScenarioText } from '../../src/scenario/validate';
import { createAircraftPosition, positionAt } from '../../src/geo/trackPosition';
import { distanceM } from '../../src/geo/greatCircle';
import { minimalScenario } from '../fixtures/minimalScenario';
import type { Scenario } from '../../src/scenario/model';

function azal(): Scenario {
  const r = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
  if (!r.ok) throw new Error(formatProblems(r.problems).join('\n'));
  return r.scenario;
}

const iso = (s: string) => Date.parse(s);

function problemLines(json: unknown): string[] {
  const r = loadScenario(json);
  return r.ok ? [] : formatProblems(r.problems);
}

describe('AZAL 8243 reconstructed from anchors', () => {
  const sc = azal();

  it('passes every anchor at its time and spans the flight', () => {
    expect(sc.anchors!.length).toBe(68);
    expect(sc.startMs).toBe(iso('2024-12-25T03:49:00Z'));
    expect(sc.endMs).toBe(iso('2024-12-25T06:27:58Z'));
    const p = createAircraftPosition();
    for (const a of sc.anchors!) {
      positionAt(sc.track, a.timeMs, p);
      expect(distanceM(p.lat, p.lon, a.lat, a.lon)).toBeLessThan(1);
    }
  });

  it('is inferred inside the gap without positions (05:13–06:07), every sample with sources', () => {
    const p = createAircraftPosition();
    for (let t = iso('2024-12-25T05:13:32Z'); t < iso('2024-12-25T06:07:00Z'); t += 30_000) {
      expect(positionAt(sc.track, t, p).provenance).toBe('inferred');
    }
    for (const s of sc.track) expect(s.sources.length).toBeGreaterThan(0);
  });

  it('has a corridor wider over the Caspian than at the Aktau approach', () => {
    const at = (t: string) => sc.track.find((s) => s.timeMs >= iso(t))!.halfWidthM!;
    expect(at('2024-12-25T05:52:30Z')).toBeGreaterThan(25_000);
    expect(at('2024-12-25T06:10:00Z')).toBeLessThan(4_000);
  });

  it('keeps the corrupted FR24 values as rejected fixes and does not use them', () => {
    expect(sc.rejected.map((r) => r.id)).toEqual(['fr24-0437', 'fr24-0440']);
    const p = createAircraftPosition();
    positionAt(sc.track, iso('2024-12-25T04:37:00Z'), p);
    expect(p.altitudeM).not.toBe(4275);
    expect(p.altitudeProvenance).toBe('inferred');
    // The path keeps an airliner's speed through 04:37–04:40, not the received 52 kt.
    const q = positionAt(sc.track, iso('2024-12-25T04:38:00Z'), createAircraftPosition());
    expect(distanceM(p.lat, p.lon, q.lat, q.lon) / 60).toBeGreaterThan(80);
  });

  it('has the GNSS interference zone, labelled as not published', () => {
    const z = sc.zones[0]!;
    expect(z.kind).toBe('gnss-interference');
    expect(z.confidence).toBe('low');
    expect(z.note.en).toMatch(/not published/);
  });
});

describe('scenario reconstruction fields', () => {
  function withAnchors() {
    const s = minimalScenario();
    delete s.track;
    s.anchors = [
      { time: '2024-12-25T04:00:00Z', lat: 40, lon: 50, radiusM: 0, altitudeM: 0, provenance: 'reported', sources: ['s1'] },
      { time: '2024-12-25T04:20:00Z', lat: 40.5, lon: 50, radiusM: 5000, provenance: 'inferred', sources: ['s1'] },
      { time: '2024-12-25T04:40:00Z', lat: 41, lon: 50, radiusM: 0, altitudeM: 3000, provenance: 'measured', sources: ['s1'] },
    ];
    s.constraints = { minSpeedMps: 0, maxSpeedMps: 260, maxTurnRateDegPerS: 3, maxClimbMps: 20, maxDescentMps: 40, note: { en: 'Assumed.' } };
    return s;
  }

  it('old files without anchors load unchanged', () => {
    const r = loadScenario(minimalScenario());
    if (!r.ok) throw new Error('fixture invalid');
    expect(r.scenario.track).toHaveLength(4);
    expect(r.scenario.rejected).toEqual([]);
    expect(r.scenario.zones).toEqual([]);
  });

  it('builds the track from anchors', () => {
    const r = loadScenario(withAnchors());
    if (!r.ok) throw new Error(formatProblems(r.problems).join('\n'));
    expect(r.scenario.track.length).toBeGreaterThan(100);
    expect(r.scenario.track[0]!.halfWidthM).toBe(0);
  });

  it('names the problem when the anchors cannot be flown', () => {
    const s = withAnchors();
    s.anchors[1].lat = 45;
    const r = loadScenario(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblems(r.problems)[0]).toMatch(/^anchors: cannot reconstruct the path: anchors 0 .* above the maximum speed of 260 m\/s/);
  });

  it('requires constraints with anchors, known sources, and a track or anchors', () => {
    const s = withAnchors();
    delete s.constraints;
    s.anchors[0].sources = ['nope'];
    const lines = problemLines(s).join('\n');
    expect(lines).toMatch(/constraints: anchors need "constraints"/);
    expect(lines).toMatch(/anchors\[0\]\.sources\[0\]: names source "nope"/);
    const none = minimalScenario();
    delete none.track;
    expect(problemLines(none).join('\n')).toMatch(/track: a scenario needs "track" samples or "anchors"/);
  });
});
