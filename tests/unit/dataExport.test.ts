import { readFileSync } from 'node:fs';
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import { describe, expect, it } from 'vitest';
import { scenarioToCzml } from '../../src/export/data/czml';
import { scenarioToGeoJson } from '../../src/export/data/geojson';
import { exportScenarioData } from '../../src/export/data/index';
import { scenarioToKml } from '../../src/export/data/kml';
import { isoUtc, isoUtcFormatter } from '../../src/export/data/shared';
import { createAircraftPosition, positionAt } from '../../src/geo/trackPosition';
import type { Scenario, TrackSample } from '../../src/scenario/model';
import { loadScenario, loadScenarioText } from '../../src/scenario/validate';
import { minimalScenario } from '../fixtures/minimalScenario';

const GX = 'http://www.google.com/kml/ext/2.2';
const KML = 'http://www.opengis.net/kml/2.2';

function load(json: unknown): Scenario {
  const r = loadScenario(json);
  if (!r.ok) throw new Error(`fixture invalid: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

function azal(): Scenario {
  const r = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
  if (!r.ok) throw new Error(`azal-8243.json invalid: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

/** Parses XML, failing on any parser error or warning. */
function parseXml(text: string): XmlDocument {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void problems.push(`${level}: ${message}`) }).parseFromString(text, 'text/xml');
  expect(problems).toEqual([]);
  return doc;
}

/** What togeojson gives back (its GeoJSON types are not installed here). */
interface ReadFeature {
  id?: string | number;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> | null;
}

/** Reads a KML document with togeojson, an independent reader. */
function readKml(doc: XmlDocument): { features: ReadFeature[] } {
  return kml(doc) as unknown as { features: ReadFeature[] };
}

function childrenNS(node: XmlDocument | XmlElement, ns: string, name: string): XmlElement[] {
  return Array.from(node.getElementsByTagNameNS(ns, name));
}

/** A scenario with n samples, one a second, along a slow diagonal; the minimal scenario's steps and places. */
function bigScenario(n: number): Scenario {
  const base = load(minimalScenario());
  const t0 = base.startMs;
  const track: TrackSample[] = new Array<TrackSample>(n);
  for (let i = 0; i < n; i++) {
    track[i] = {
      timeMs: t0 + i * 1000,
      lat: 40 + i * 1e-5,
      lon: 50 + i * 7e-6,
      altitudeM: 1000 + (i % 5000) * 1.5,
      provenance: i % 3 === 0 ? 'measured' : 'inferred',
      altitudeProvenance: 'reported',
      sources: ['s1'],
      ...(i % 2 === 0 ? { halfWidthM: i % 1000 } : {}),
    };
  }
  return { ...base, track, startMs: t0, endMs: track[n - 1]!.timeMs };
}

const eventCount = (s: Scenario) => s.steps.filter((x) => x.kind === 'event').length;

describe('KML export', () => {
  const s = load(minimalScenario());
  const text = scenarioToKml(s, 'en');
  const doc = parseXml(text);
  const fc = readKml(doc);

  it('gives togeojson the track as a LineString with the sample times and positions', () => {
    const track = fc.features.find((f) => f.id === 'track')!;
    expect(track.properties?.name).toBe('Track');
    expect(track.geometry?.type).toBe('LineString');
    const coords = (track.geometry as { coordinates: number[][] }).coordinates;
    expect(coords).toHaveLength(s.track.length);
    const times = (track.properties?.coordinateProperties as { times: string[] }).times;
    expect(times.map((t) => Date.parse(t))).toEqual(s.track.map((p) => p.timeMs));
    s.track.forEach((p, i) => {
      const [lon, lat, alt] = coords[i]!;
      expect(Math.abs(lon! - p.lon)).toBeLessThan(1e-6);
      expect(Math.abs(lat! - p.lat)).toBeLessThan(1e-6);
      expect(Math.abs(alt! - p.altitudeM)).toBeLessThan(0.1);
    });
  });

  it('writes the per-sample provenance as gx:SimpleArrayData of the declared schema', () => {
    const fields = childrenNS(doc, GX, 'SimpleArrayField').map((f) => `${f.getAttribute('name')}:${f.getAttribute('type')}`);
    expect(fields).toEqual(['provenance:string', 'altitudeProvenance:string', 'halfWidthM:float']);
    const arrays = new Map(childrenNS(doc, GX, 'SimpleArrayData').map((a) => [a.getAttribute('name'), childrenNS(a, GX, 'value').map((v) => v.textContent)]));
    expect(arrays.get('provenance')).toEqual(s.track.map((p) => p.provenance));
    expect(arrays.get('altitudeProvenance')).toEqual(s.track.map((p) => p.altitudeProvenance));
    expect(childrenNS(doc, KML, 'SchemaData')[0]!.getAttribute('schemaUrl')).toBe('#flightrecon');
  });

  it('marks the document as a flightrecon export with the flight', () => {
    const docData = new Map(
      childrenNS(doc, KML, 'Data')
        .filter((d) => (d.parentNode as XmlElement).parentNode === doc.getElementsByTagNameNS(KML, 'Document')[0])
        .map((d) => [d.getAttribute('name'), d.textContent]),
    );
    expect(docData.get('flightrecon:format')).toBe('flightrecon-kml');
    expect(docData.get('flightrecon:scenario')).toBe('test-case');
    expect(docData.get('flightrecon:callsign')).toBe('TST1');
    expect(docData.get('flightrecon:registration')).toBe('X-TEST');
    expect(docData.get('flightrecon:flightNumber')).toBe('T1');
  });

  it('has a placemark per step and place, event steps with time and position', () => {
    for (const step of s.steps) {
      const f = fc.features.find((x) => x.id === `step-${step.id}`)!;
      expect(f, step.id).toBeDefined();
      expect(f.properties?.name).toBe(step.title.en);
      expect(f.properties?.['flightrecon:step']).toBe(step.id);
      expect(f.properties?.['flightrecon:caption']).toBe(step.caption.en);
      if (step.kind === 'event') {
        expect(Date.parse(f.properties?.timestamp as string)).toBe(step.timeMs);
        const at = positionAt(s.track, step.timeMs, createAircraftPosition());
        const [lon, lat, alt] = (f.geometry as { coordinates: number[] }).coordinates;
        expect(lon).toBeCloseTo(at.lon, 6);
        expect(lat).toBeCloseTo(at.lat, 6);
        expect(alt).toBeCloseTo(at.altitudeM, 1);
      } else {
        expect(f.geometry).toBeNull();
        expect(f.properties?.['flightrecon:time']).toBe('2025-02-04');
      }
    }
    const places = childrenNS(doc, KML, 'Folder').find((f) => f.getElementsByTagNameNS(KML, 'name')[0]!.textContent === 'Places')!;
    expect(childrenNS(places, KML, 'Placemark').map((p) => p.getAttribute('id'))).toEqual(['place-a', 'place-b']);
  });

  it('tours the event steps: one FlyTo each, opening and closing the step balloon', () => {
    const tours = childrenNS(doc, GX, 'Tour');
    expect(tours).toHaveLength(1);
    expect(tours[0]!.getElementsByTagNameNS(KML, 'name')[0]!.textContent).toBe('Steps of Test case');
    const flyTos = childrenNS(tours[0]!, GX, 'FlyTo');
    expect(flyTos).toHaveLength(eventCount(s));
    for (const fly of flyTos) {
      const range = Number(fly.getElementsByTagNameNS(KML, 'range')[0]!.textContent);
      expect(range).toBeGreaterThan(1000);
      expect(Number(fly.getElementsByTagNameNS(KML, 'tilt')[0]!.textContent)).toBe(55);
    }
    const targets = childrenNS(tours[0]!, KML, 'Placemark').map((p) => `${p.getAttribute('targetId')}=${p.textContent}`);
    expect(targets).toEqual(['step-start=1', 'step-start=0', 'step-middle=1', 'step-middle=0', 'step-end=1', 'step-end=0']);
    const ids = new Set(childrenNS(doc, KML, 'Placemark').map((p) => p.getAttribute('id')));
    for (const t of childrenNS(tours[0]!, KML, 'Placemark')) expect(ids.has(t.getAttribute('targetId'))).toBe(true);
    for (const w of childrenNS(tours[0]!, GX, 'Wait')) expect(Number(w.textContent)).toBeGreaterThanOrEqual(4);
  });

  it('escapes text so that markup and quotes read back as text', () => {
    const file = minimalScenario();
    const nasty = `Say <b>&"' here</b> & "more" it's`;
    file.title.en = 'Tom & Jerry\'s "<flight>"';
    file.steps[1].title.en = 'A <b>bold</b> & "quoted" title';
    file.steps[1].caption.en = nasty;
    file.places[0].name.en = 'Alpha & <Omega>';
    const odd = load(file);
    const oddDoc = parseXml(scenarioToKml(odd, 'en'));
    const f = readKml(oddDoc).features.find((x) => x.id === 'step-middle')!;
    expect(f.properties?.name).toBe('A <b>bold</b> & "quoted" title');
    expect(f.properties?.['flightrecon:caption']).toBe(nasty);
    // The description is HTML (as Google Earth reads it): the caption is in it as escaped text.
    const description = f.properties?.description as string;
    expect(description).toContain('Say &lt;b&gt;&amp;&quot;&#39; here&lt;/b&gt;');
    expect(oddDoc.getElementsByTagNameNS(KML, 'name')[0]!.textContent).toBe('Tom & Jerry\'s "<flight>"');
    expect(readKml(oddDoc).features.find((x) => x.id === 'place-a')!.properties?.['flightrecon:name']).toBe('Alpha & <Omega>');
  });
});

describe('CZML export', () => {
  const s = load(minimalScenario());
  const packets = JSON.parse(scenarioToCzml(s, 'en')) as Record<string, unknown>[];
  const byId = new Map(packets.map((p) => [p.id as string, p as Record<string, never>]));

  it('starts with a document packet with the clock and the flightrecon marker', () => {
    const d = packets[0] as { id: string; version: string; clock: Record<string, unknown>; flightrecon: Record<string, unknown> };
    expect(d.id).toBe('document');
    expect(d.version).toBe('1.0');
    expect(d.clock).toMatchObject({
      interval: '2024-12-25T04:00:00Z/2024-12-25T04:40:00Z',
      currentTime: '2024-12-25T04:00:00Z',
      multiplier: 10,
      range: 'CLAMPED',
    });
    expect(d.flightrecon).toMatchObject({ format: 'flightrecon-czml', scenario: 'test-case', callsign: 'TST1', registration: 'X-TEST', flightNumber: 'T1' });
  });

  it('writes the track as time, lon, lat, height per sample, with parallel provenance arrays', () => {
    const t = byId.get('track') as unknown as {
      availability: string;
      position: { epoch: string; cartographicDegrees: number[]; interpolationAlgorithm: string; interpolationDegree: number };
      path: { leadTime: number; trailTime: number; width: number };
      flightrecon: { provenance: string[]; altitudeProvenance: string[]; halfWidthM: (number | null)[] };
      description: string;
    };
    const cd = t.position.cartographicDegrees;
    expect(cd).toHaveLength(s.track.length * 4);
    const epoch = Date.parse(t.position.epoch);
    s.track.forEach((p, i) => {
      expect(epoch + cd[i * 4]! * 1000).toBe(p.timeMs);
      expect(cd.slice(i * 4 + 1, i * 4 + 4)).toEqual([p.lon, p.lat, p.altitudeM]);
    });
    expect(t.position).toMatchObject({ interpolationAlgorithm: 'LAGRANGE', interpolationDegree: 1 });
    expect(t.path).toMatchObject({ leadTime: 0, trailTime: 2400, width: 3 });
    expect(t.flightrecon.provenance).toEqual(s.track.map((p) => p.provenance));
    expect(t.flightrecon.altitudeProvenance).toHaveLength(s.track.length);
    expect(t.flightrecon.halfWidthM).toEqual(s.track.map(() => null));
    expect(t.description).toContain('mean sea level');
  });

  it('has a packet per step (events placed and available until the next one) and per place', () => {
    expect(byId.get('step-start')).toMatchObject({ name: 'Start', availability: '2024-12-25T04:00:00Z/2024-12-25T04:20:00Z' });
    expect(byId.get('step-middle')).toMatchObject({
      availability: '2024-12-25T04:20:00Z/2024-12-25T04:40:00Z',
      position: { cartographicDegrees: [50, 40.5, 3000] },
    });
    expect(byId.get('step-end')).toMatchObject({ availability: '2024-12-25T04:40:00Z/2024-12-25T04:40:00Z', label: { text: 'End' } });
    const epilogue = byId.get('step-report') as Record<string, unknown>;
    expect(epilogue.position).toBeUndefined();
    expect(epilogue.description).toContain('A report.');
    expect(epilogue.flightrecon).toMatchObject({ kind: 'step', id: 'report', stepKind: 'epilogue', time: '2025-02-04' });
    expect(byId.get('place-a')).toMatchObject({ name: 'Alpha', position: { cartographicDegrees: [50, 40, 0] } });
  });

  it('HTML-escapes descriptions', () => {
    const file = minimalScenario();
    file.steps[1].caption.en = `Say <b>&"' here`;
    const p = (JSON.parse(scenarioToCzml(load(file), 'en')) as { id: string; description?: string }[]).find((x) => x.id === 'step-middle')!;
    expect(p.description).toContain('Say &lt;b&gt;&amp;&quot;&#39; here');
  });
});

describe('GeoJSON export', () => {
  const s = load(minimalScenario());
  const fc = JSON.parse(scenarioToGeoJson(s, 'en')) as {
    type: string;
    flightrecon: Record<string, unknown>;
    features: { type: string; id?: string; geometry: { type: string; coordinates: number[] | number[][] } | null; properties: Record<string, unknown> }[];
  };

  it('is a FeatureCollection marked as a flightrecon export', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.flightrecon).toMatchObject({
      format: 'flightrecon-geojson',
      scenario: 'test-case',
      callsign: 'TST1',
      registration: 'X-TEST',
      flightNumber: 'T1',
    });
    for (const f of fc.features) expect(f.type).toBe('Feature');
  });

  it('has the track as a LineString with per-coordinate times and provenance', () => {
    const t = fc.features.find((f) => f.properties.kind === 'track')!;
    expect(t.geometry!.type).toBe('LineString');
    expect(t.geometry!.coordinates).toEqual(s.track.map((p) => [p.lon, p.lat, p.altitudeM]));
    const times = t.properties.times as string[];
    expect(times.map((x) => Date.parse(x))).toEqual(s.track.map((p) => p.timeMs));
    expect((t.properties.coordinateProperties as { times: string[] }).times).toEqual(times);
    expect(t.properties.provenance).toEqual(s.track.map((p) => p.provenance));
    expect(t.properties.altitudeProvenance).toHaveLength(s.track.length);
    expect(t.properties.halfWidthM).toHaveLength(s.track.length);
  });

  it('has steps (events as Points, epilogue without geometry) and places', () => {
    const steps = fc.features.filter((f) => f.properties.kind === 'step');
    expect(steps.map((f) => f.properties.id)).toEqual(s.steps.map((x) => x.id));
    const middle = steps.find((f) => f.properties.id === 'middle')!;
    expect(middle.geometry).toEqual({ type: 'Point', coordinates: [50, 40.5, 3000] });
    expect(middle.properties).toMatchObject({ title: 'Middle', time: '2024-12-25T04:20:00Z', caption: 'Halfway.' });
    expect(middle.properties.sources).toEqual([
      { id: 's1', title: 'Test source', publisher: 'Tests', tier: 'unrated', date: '2024-12-26', url: 'https://example.org/source' },
    ]);
    expect(steps.find((f) => f.properties.id === 'report')!.geometry).toBeNull();
    const places = fc.features.filter((f) => f.properties.kind === 'place');
    expect(places.map((f) => [f.properties.id, f.properties.name, f.properties.placeKind])).toEqual([
      ['a', 'Alpha', 'airport'],
      ['b', 'Bravo', 'airport'],
    ]);
    expect(places[0]!.geometry).toEqual({ type: 'Point', coordinates: [50, 40] });
  });
});

describe('exportScenarioData', () => {
  const s = load(minimalScenario());

  it('gives text, MIME type and extension per format', () => {
    expect(exportScenarioData(s, 'kml', 'en')).toMatchObject({ mimeType: 'application/vnd.google-earth.kml+xml', extension: 'kml' });
    expect(exportScenarioData(s, 'czml', 'en')).toMatchObject({ mimeType: 'application/json', extension: 'czml' });
    expect(exportScenarioData(s, 'geojson', 'en')).toMatchObject({ mimeType: 'application/geo+json', extension: 'geojson' });
    const file = exportScenarioData(s, 'scenario', 'en');
    expect(file).toMatchObject({ mimeType: 'application/json', extension: 'json' });
    const back = loadScenarioText(file.text);
    expect(back.ok).toBe(true);
    expect(JSON.parse(file.text).id).toBe('test-case');
  });

  it('refuses the scenario format for a scenario without its file', () => {
    const bare = { ...s, file: undefined } as unknown as Scenario;
    expect(() => exportScenarioData(bare, 'scenario', 'en')).toThrow(/file/);
  });
});

describe('isoUtcFormatter', () => {
  it('formats like isoUtc across days, with and without milliseconds', () => {
    const iso = isoUtcFormatter();
    const times = [0, Date.UTC(2024, 11, 25, 4), Date.UTC(2024, 11, 31, 23, 59, 59, 999), Date.UTC(2025, 0, 1), -1, -86_400_001, 1.5, 253402300799999];
    for (let t = Date.UTC(2024, 11, 25, 23, 59); t < Date.UTC(2024, 11, 26, 0, 1); t += 1237) times.push(t);
    for (const t of times) expect(iso(t), String(t)).toBe(isoUtc(Math.round(t)));
  });

  it('writes a time between milliseconds to the nearest millisecond (no precision lost to whole seconds)', () => {
    expect(isoUtcFormatter()(Date.UTC(2024, 11, 25, 5, 13, 31) + 400.6)).toBe('2024-12-25T05:13:31.401Z');
  });
});

describe('real and large scenarios', () => {
  it('exports the AZAL scenario in all three formats', () => {
    const s = azal();
    for (const lang of ['en', 'de']) {
      const doc = parseXml(scenarioToKml(s, lang));
      const fc = readKml(doc);
      const track = fc.features.find((f) => f.id === 'track')!;
      expect((track.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(s.track.length);
      expect(childrenNS(doc, GX, 'FlyTo')).toHaveLength(eventCount(s));
      expect(fc.features.filter((f) => String(f.id).startsWith('step-'))).toHaveLength(s.steps.length);

      const czml = JSON.parse(scenarioToCzml(s, lang)) as {
        id: string;
        position?: { cartographicDegrees: number[] };
        flightrecon?: { halfWidthM?: unknown[] };
      }[];
      const t = czml.find((p) => p.id === 'track')!;
      expect(t.position!.cartographicDegrees).toHaveLength(s.track.length * 4);
      expect(t.flightrecon!.halfWidthM).toHaveLength(s.track.length);
      expect(czml.filter((p) => p.id.startsWith('step-'))).toHaveLength(s.steps.length);

      const gj = JSON.parse(scenarioToGeoJson(s, lang)) as { features: { properties: { kind: string } }[] };
      expect(gj.features.filter((f) => f.properties.kind === 'step')).toHaveLength(s.steps.length);
    }
  });

  // Behaviour only: how long it takes is a benchmark's business, not a test's (it failed on a loaded machine).
  it('exports 100,000 samples to KML and CZML, every sample written', () => {
    const s = bigScenario(100_000);
    const kmlText = scenarioToKml(s, 'en');
    const czmlText = scenarioToCzml(s, 'en');
    expect(kmlText.split('<gx:coord>').length - 1).toBe(100_000);
    expect(kmlText.split('<when>').length - 1).toBeGreaterThanOrEqual(100_000);
    // Parsing 16 MB of XML takes seconds: read the one array with a pattern.
    const half = /<gx:SimpleArrayData name="halfWidthM">(.*?)<\/gx:SimpleArrayData>/s.exec(kmlText)![1]!;
    const values = Array.from(half.matchAll(/<gx:value>([^<]*)<\/gx:value>/g), (m) => m[1]);
    expect(values).toHaveLength(100_000);
    expect(values.slice(0, 4)).toEqual(['0', '', '2', '']);
    const track = (JSON.parse(czmlText) as { id: string; position?: { cartographicDegrees: number[] } }[]).find((p) => p.id === 'track')!;
    expect(track.position!.cartographicDegrees).toHaveLength(400_000);
  });
});
