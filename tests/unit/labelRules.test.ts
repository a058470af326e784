import { describe, expect, it } from 'vitest';
import { burstCalloutMode, damageCalloutMode, isSubjectPriority, labelPriority, wrapText, LABEL_KINDS, type CalloutMoment } from '../../src/compose/labels';
import { isBehindEarthXyz } from '../../src/geo/horizon';
import { bodyToEnu } from '../../src/geo/bodyFrame';
import { pixelsPerMetre, symbolScale, MIN_SYMBOL_PX } from '../../src/compose/aircraftSymbol';

describe('label priorities', () => {
  it('puts the current step first, then airports and the aircraft, then the map', () => {
    const subject = ['place', 'callout', 'claim', 'rejected'] as const;
    const rest = LABEL_KINDS.filter((k) => k !== 'aircraft').map((k) => labelPriority(k, false));
    for (const k of subject) {
      expect(isSubjectPriority(labelPriority(k, true))).toBe(true);
      for (const p of rest) expect(labelPriority(k, true)).toBeGreaterThan(p);
    }
    const airport = labelPriority('airport', false);
    const aircraft = labelPriority('aircraft', false);
    for (const k of ['claim', 'rejected', 'zone', 'city', 'country', 'sea', 'admin1', 'runway', 'map-airport'] as const) {
      expect(airport).toBeGreaterThan(labelPriority(k, false));
      expect(aircraft).toBeGreaterThan(labelPriority(k, false));
    }
    // Cities by rank, and the map's own hierarchy.
    expect(labelPriority('city', false, 1)).toBeGreaterThan(labelPriority('city', false, 2));
    expect(labelPriority('city', false, 2)).toBeGreaterThan(labelPriority('city', false, 3));
    expect(labelPriority('country', false)).toBeGreaterThan(labelPriority('sea', false));
    expect(labelPriority('sea', false)).toBeGreaterThan(labelPriority('admin1', false));
    expect(labelPriority('admin1', false)).toBeGreaterThan(labelPriority('runway', false));
    // Only what a step can be about becomes its subject.
    expect(isSubjectPriority(labelPriority('city', true))).toBe(false);
  });

  it('orders the subject: the place, then what happened there, then the versions of it', () => {
    expect(labelPriority('place', true)).toBeGreaterThan(labelPriority('callout', true));
    expect(labelPriority('callout', true)).toBeGreaterThan(labelPriority('claim', true));
    expect(labelPriority('claim', true)).toBeGreaterThan(labelPriority('rejected', true));
  });
});

describe('damage callouts', () => {
  const at = (over: Partial<CalloutMoment>): CalloutMoment => ({
    timeMs: 100,
    epilogue: false,
    camera: 'follow',
    cameraDistanceM: 9000,
    fromMs: 100,
    stepsEndMs: 200,
    ...over,
  });

  it('are boxes during the damage steps when close, markers after them or from far away', () => {
    expect(damageCalloutMode(at({ timeMs: 99 }))).toBe('hidden');
    expect(damageCalloutMode(at({}))).toBe('full');
    expect(damageCalloutMode(at({ timeMs: 199 }))).toBe('full');
    expect(damageCalloutMode(at({ timeMs: 200 }))).toBe('marker');
    expect(damageCalloutMode(at({ cameraDistanceM: 900_000 }))).toBe('marker');
  });

  it('stay boxes in the damage close-up, and are never seen from the cockpit or in the epilogue', () => {
    expect(damageCalloutMode(at({ timeMs: 5000, camera: 'damage', cameraDistanceM: 170 }))).toBe('full');
    expect(damageCalloutMode(at({ camera: 'cockpit' }))).toBe('hidden');
    expect(damageCalloutMode(at({ timeMs: 5000, epilogue: true }))).toBe('hidden');
  });

  it('a claimed burst only while it is drawn', () => {
    expect(burstCalloutMode(at({}), false)).toBe('hidden');
    expect(burstCalloutMode(at({}), true)).toBe('full');
    expect(burstCalloutMode(at({ cameraDistanceM: 2e6 }), true)).toBe('marker');
  });
});

describe('wrapText', () => {
  const measure = (s: string) => s.length * 10;
  it('breaks at spaces within the width', () => {
    expect(wrapText('Holes in tail, fin, stabilisers', 120, measure)).toEqual(['Holes in', 'tail, fin,', 'stabilisers']);
    expect(wrapText('one', 5, measure)).toEqual(['one']);
    expect(wrapText('', 100, measure)).toEqual([]);
  });
});

describe('horizon and body frame', () => {
  const R = 6378137;
  it('hides the far side of the Earth and shows the near side and the limb above it', () => {
    // Camera 10,000 km above 0°N 0°E.
    const cam = [R + 1e7, 0, 0] as const;
    expect(isBehindEarthXyz(...cam, R, 0, 0)).toBe(false);
    expect(isBehindEarthXyz(...cam, -R, 0, 0)).toBe(true);
    expect(isBehindEarthXyz(...cam, 0, R, 0)).toBe(true); // 90° away: beyond the horizon
    expect(isBehindEarthXyz(...cam, R * Math.cos(0.5), R * Math.sin(0.5), 0)).toBe(false);
  });

  it('turns body axes into east-north-up like the overlay turns its model', () => {
    const r = { east: 0, north: 0, up: 0 };
    // Heading east: forward is east, right is south.
    bodyToEnu({ headingDeg: 90, pitchDeg: 0, bankDeg: 0 }, 0, 10, 0, r);
    expect([r.east, r.north, r.up].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([10, 0, 0]);
    bodyToEnu({ headingDeg: 90, pitchDeg: 0, bankDeg: 0 }, 10, 0, 0, r);
    expect(r.north).toBeCloseTo(-10);
    // Nose up: forward gains height; right wing down: right loses height.
    bodyToEnu({ headingDeg: 0, pitchDeg: 30, bankDeg: 0 }, 0, 10, 0, r);
    expect(r.up).toBeCloseTo(5);
    bodyToEnu({ headingDeg: 0, pitchDeg: 0, bankDeg: 30 }, 10, 0, 0, r);
    expect(r.up).toBeCloseTo(-5);
  });

  it('grows the aircraft into a symbol of at least MIN_SYMBOL_PX', () => {
    const far = pixelsPerMetre(500_000, Math.PI / 3, 720);
    expect(symbolScale(36.2, far) * 36.2 * far).toBeCloseTo(MIN_SYMBOL_PX);
    expect(symbolScale(36.2, pixelsPerMetre(100, Math.PI / 3, 720))).toBe(1);
  });
});
