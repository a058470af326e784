/** An imported track becomes a valid scenario whose steps are found in the data (src/import/toScenario.ts, detectSteps.ts). */
import { describe, expect, it } from 'vitest';
import { trackToScenario, fillAltitudes, GAP_MS } from '../../src/import/toScenario';
import { loadScenario } from '../../src/scenario/validate';
import { ImportError, type ParsedTrack, type TrackPoint } from '../../src/import/types';

const T0 = Date.UTC(2024, 11, 25, 3, 50, 0);
const FILE = { name: 'test.csv', bytes: 1234, sha256: 'a'.repeat(64) };

/** A made-up airliner flight: 3 min taxi, climb 20 min to 10 km, cruise with a 5-min hole, descent, landing, taxi. */
function flight(options: { gap?: boolean; groundFlags?: boolean } = {}): TrackPoint[] {
  const pts: TrackPoint[] = [];
  const minutes = 3 + 20 + 60 + 20 + 3;
  for (let s = 0; s <= minutes * 60; s += 10) {
    const m = s / 60;
    let alt: number;
    let gs: number;
    if (m < 3) [alt, gs] = [0, 8];
    else if (m < 23) [alt, gs] = [((m - 3) / 20) * 10000, 90 + (m - 3) * 8];
    else if (m < 83) [alt, gs] = [10000, 230];
    else if (m < 103) [alt, gs] = [10000 - ((m - 83) / 20) * 10000, 230 - (m - 83) * 7];
    else [alt, gs] = [0, 8];
    if (options.gap && m > 40 && m < 45) continue;
    const p: TrackPoint = { timeMs: T0 + s * 1000, lat: 40 + s * 0.0002, lon: 50 + s * 0.0001, altitudeM: alt, groundSpeedMps: gs };
    if (options.groundFlags) p.onGround = alt === 0;
    pts.push(p);
  }
  return pts;
}

function parsed(points: TrackPoint[], extra: Partial<ParsedTrack> = {}): ParsedTrack {
  return {
    format: 'fr24-csv',
    formatName: 'Flightradar24 CSV',
    legs: [{ points }],
    altitude: { kind: 'barometric', datum: 'msl', unit: 'ft', note: 'Barometric altitude in feet, converted to metres.' },
    callsign: 'AHY8243',
    places: [],
    events: [],
    notes: [],
    ...extra,
  };
}

describe('an imported track as a scenario', () => {
  it('validates, cites the file, and finds the steps in the data', () => {
    const data = trackToScenario(parsed(flight({ gap: true })), FILE);
    const result = loadScenario(data);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    expect(s.steps.map((x) => x.id)).toEqual(['first-fix', 'takeoff', 'top-of-climb', 'gap-1', 'top-of-descent', 'landing', 'last-fix']);
    const byId = Object.fromEntries(s.steps.map((x) => [x.id, x.timeMs]));
    expect(byId.takeoff).toBeGreaterThanOrEqual(T0 + 3 * 60_000);
    expect(byId.takeoff).toBeLessThan(T0 + 4 * 60_000);
    expect(byId['top-of-climb']).toBeGreaterThan(T0 + 20 * 60_000);
    expect(byId['top-of-climb']).toBeLessThanOrEqual(T0 + 23 * 60_000);
    expect(byId['top-of-descent']).toBeGreaterThanOrEqual(T0 + 83 * 60_000);
    expect(byId['top-of-descent']).toBeLessThan(T0 + 85 * 60_000);
    expect(byId.landing).toBeGreaterThan(T0 + 101 * 60_000);
    expect(byId.landing).toBeLessThanOrEqual(T0 + 103.5 * 60_000);
    for (const step of s.steps) {
      expect(step.sources).toEqual(['file']);
      expect(step.caption.en).toContain('Detected from the data in "test.csv"');
    }
    const source = s.sources.get('file')!;
    expect(source.file).toMatchObject({ name: 'test.csv', format: 'Flightradar24 CSV', bytes: 1234, callsign: 'AHY8243' });
    expect(source.url).toBeUndefined();
    expect(source.note).toContain('Barometric altitude in feet');
    expect(s.people).toBeUndefined();
    expect(s.flight.callsign).toBe('AHY8243');
  });

  it('a gap over 60 s becomes a gap, bridged by inferred samples with a corridor that closes at both ends', () => {
    const data = trackToScenario(parsed(flight({ gap: true })), FILE);
    expect(data.gaps).toHaveLength(1);
    const gap = data.gaps[0]!;
    const from = Date.parse(gap.from);
    const to = Date.parse(gap.to);
    expect(to - from).toBeGreaterThan(GAP_MS);
    const inside = data.track!.filter((t) => Date.parse(t.time) > from && Date.parse(t.time) < to);
    expect(inside.length).toBeGreaterThan(10);
    expect(inside.every((t) => t.provenance === 'inferred' && t.halfWidthM !== undefined)).toBe(true);
    const widths = inside.map((t) => t.halfWidthM!);
    const mid = widths[Math.floor(widths.length / 2)]!;
    expect(mid).toBeGreaterThan(widths[0]! * 5);
    expect(mid).toBeGreaterThan(widths[widths.length - 1]! * 5);
    const outside = data.track!.filter((t) => Date.parse(t.time) <= from || Date.parse(t.time) >= to);
    expect(outside.every((t) => t.provenance === 'measured' && t.halfWidthM === undefined)).toBe(true);
    const result = loadScenario(data);
    expect(result.ok && result.scenario.track.some((t) => (t.halfWidthM ?? 0) > 1000)).toBe(true);
  });

  it('uses the ground flags when the file has them', () => {
    const data = trackToScenario(parsed(flight({ groundFlags: true })), FILE);
    const ids = data.steps.map((x) => x.id);
    expect(ids).toContain('takeoff');
    expect(ids).toContain('landing');
    const takeoff = Date.parse(data.steps.find((x) => x.id === 'takeoff')!.time);
    expect(takeoff).toBeGreaterThan(T0 + 3 * 60_000 - 1);
  });

  it('a track that starts and ends in the air has no take-off or landing step', () => {
    const airborne = flight().filter((p) => p.altitudeM! > 2000);
    const ids = trackToScenario(parsed(airborne), FILE).steps.map((x) => x.id);
    expect(ids).not.toContain('takeoff');
    expect(ids).not.toContain('landing');
    expect(ids[0]).toBe('first-fix');
    expect(ids[ids.length - 1]).toBe('last-fix');
  });

  it('missing altitudes are interpolated and marked inferred', () => {
    const pts = flight();
    pts[100] = { ...pts[100]!, altitudeM: null };
    const { altitudes, filled } = fillAltitudes(pts);
    expect(filled[100]).toBe(1);
    expect(altitudes[100]).toBeCloseTo((pts[99]!.altitudeM! + pts[101]!.altitudeM!) / 2, 3);
    const data = trackToScenario(parsed(pts), FILE);
    expect(data.track![100]!.altitudeProvenance).toBe('inferred');
    expect(data.sources[0]!.note).toContain('1 of');
  });

  it('refuses impossible altitudes naming the fix, and too few fixes', () => {
    const pts = flight();
    pts[5] = { ...pts[5]!, altitudeM: 30000 };
    expect(() => trackToScenario(parsed(pts), FILE)).toThrow(/fix 6 .*altitude 30000 m/);
    expect(() => trackToScenario(parsed(pts.slice(0, 1)), FILE)).toThrow(ImportError);
  });

  it('picks one leg or all of them', () => {
    const pts = flight();
    const legs = [{ points: pts.slice(0, 300), label: 'Leg 1' }, { points: pts.slice(320) }];
    const one = trackToScenario({ ...parsed(pts), legs }, FILE, 1);
    expect(one.track![0]!.time).toBe(new Date(pts[320]!.timeMs).toISOString().replace('.000', ''));
    const all = trackToScenario({ ...parsed(pts), legs }, FILE, 'all');
    expect(all.gaps).toHaveLength(1);
    expect(all.sources[0]!.note).toContain('all 2 legs');
    expect(() => trackToScenario({ ...parsed(pts), legs }, FILE, 5)).toThrow(/no leg 6/);
  });

  it("keeps the provenance written by flightrecon's own exports", () => {
    const pts = flight().map((p, i) => ({ ...p, provenance: i % 2 ? ('inferred' as const) : ('reported' as const), halfWidthM: i % 2 ? 500 : undefined }));
    const data = trackToScenario(parsed(pts), FILE);
    expect(data.track![1]!.provenance).toBe('inferred');
    expect(data.track![1]!.halfWidthM).toBe(500);
    expect(data.track![2]!.provenance).toBe('reported');
  });
});
