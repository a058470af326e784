import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/validate';
import { DEFAULT_MIN_RADIUS_KM, stepSubject, wholeFlight } from '../../src/compose/subject';
import { regionShotForStep, framingArea } from '../../src/compose/shots';
import { createFrame, project, type Lens } from '../../src/compose/shot';
import { geodeticToEcef, vec3 } from '../../src/compose/vec3';
import { rect } from '../../src/compose/stage';
import { minimalScenario } from '../fixtures/minimalScenario';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fixture is a plain JSON object
function load(json: any) {
  const r = loadScenario(json);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}

const LENS: Lens = { width: 1280, height: 720, fovy: 0.63 };

describe('stepSubject', () => {
  it('an event step: the track it covers, its place, and at least the minimum area', () => {
    const s = load(minimalScenario());
    // 'start' covers 04:00–04:20: from Alpha (40 N) to 40.5 N; Alpha is its place.
    const points = stepSubject(s, s.steps[0]!);
    expect(points).toEqual(expect.arrayContaining([{ lat: 40, lon: 50, altitudeM: 0 }]));
    expect(Math.max(...points.map((p) => p.lat))).toBeGreaterThanOrEqual(40.5 - 1e-9);
    // 'end' is the last event: no span, only its moment at Bravo, and the minimum area around it.
    const end = stepSubject(s, s.steps[2]!).map((p) => p.lat);
    expect(Math.max(...end) - 41).toBeCloseTo(DEFAULT_MIN_RADIUS_KM / 111.2, 2);
    expect(41 - Math.min(...end)).toBeCloseTo(DEFAULT_MIN_RADIUS_KM / 111.2, 2);
  });

  it('an epilogue step (or none): the whole flight', () => {
    const s = load(minimalScenario());
    const epilogue = s.steps.find((x) => x.kind === 'epilogue') ?? null;
    const whole = wholeFlight(s);
    expect(stepSubject(s, null)).toEqual(whole);
    expect(epilogue).not.toBeNull();
    expect(stepSubject(s, epilogue)).toEqual(expect.arrayContaining(whole));
    expect(Math.min(...whole.map((p) => p.lat))).toBe(40);
    expect(Math.max(...whole.map((p) => p.lat))).toBe(41);
  });

  it('a subject in the file replaces the places and the part of the track', () => {
    const json = minimalScenario();
    json.steps[0].subject = { places: ['b'], minRadiusKm: 5 };
    const s = load(json);
    const points = stepSubject(s, s.steps[0]!);
    // Bravo is 111 km away from the step's track, and kept because the file names it.
    expect(points.some((p) => p.lat === 41 && p.lon === 50)).toBe(true);
    json.steps[0].subject = { places: [], from: '2024-12-25T04:20:00Z', to: '2024-12-25T04:40:00Z' };
    const later = stepSubject(load(json), load(json).steps[0]!);
    // The later part of the track only (40.5 N to Bravo), not the step's own span from Alpha.
    expect(Math.min(...later.map((p) => p.lat))).toBeGreaterThan(40.45);
    expect(Math.max(...later.map((p) => p.lat))).toBeCloseTo(41, 6);
  });

  it('validation names unknown subject places and a backwards span', () => {
    const json = minimalScenario();
    json.steps[0].subject = { places: ['nowhere'], from: '2024-12-25T04:20:00Z', to: '2024-12-25T04:10:00Z' };
    const r = loadScenario(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['steps[0].subject.places[0]', 'steps[0].subject.to']));
  });
});

describe('regionShotForStep', () => {
  it('puts the subject and the aircraft inside the stage, less its margin', () => {
    const s = load(minimalScenario());
    const stage = rect(400, 80, 500, 360);
    const aircraft = { lat: 40.02, lon: 50.01, altitudeM: 100 };
    const frame = createFrame();
    expect(regionShotForStep({ scenario: s, step: s.steps[0]!, aircraft, lens: LENS, stage, pitch: -1 }, frame)).toBe(true);
    const area = framingArea(stage);
    for (const p of [...stepSubject(s, s.steps[0]!), aircraft]) {
      const q = project(frame, LENS, geodeticToEcef(p.lat, p.lon, p.altitudeM, vec3()), { x: 0, y: 0, depth: 0 });
      expect(q.x).toBeGreaterThanOrEqual(area.x - 1);
      expect(q.x).toBeLessThanOrEqual(area.x + area.width + 1);
      expect(q.y).toBeGreaterThanOrEqual(area.y - 1);
      expect(q.y).toBeLessThanOrEqual(area.y + area.height + 1);
    }
  });

  it('a step view: that point at the stage centre, from that distance', () => {
    const json = minimalScenario();
    json.steps[0].view = { lat: 40.5, lon: 50.2, rangeM: 30000, pitchDeg: -45 };
    const s = load(json);
    const stage = rect(100, 50, 600, 400);
    const frame = createFrame();
    regionShotForStep({ scenario: s, step: s.steps[0]!, aircraft: { lat: 40, lon: 50, altitudeM: 0 }, lens: LENS, stage, pitch: -1 }, frame);
    const q = project(frame, LENS, geodeticToEcef(40.5, 50.2, 0, vec3()), { x: 0, y: 0, depth: 0 });
    expect(q.x).toBeCloseTo(400, 3);
    expect(q.y).toBeCloseTo(250, 3);
    expect(q.depth).toBeCloseTo(30000, 0);
  });
});
