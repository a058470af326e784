/**
 * Every export is opened again by the importer (round trips), every fixture imports to a valid
 * scenario, and every file of the bad-track corpus is refused with a message that says where.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../src/import/importFile';
import { exportScenarioData, type DataFormat } from '../../src/export/data';
import { loadScenarioText } from '../../src/scenario/validate';
import type { Scenario } from '../../src/scenario/model';
import { BAD_TRACKS } from '../fixtures/badTracks';

const DIR = 'tests/fixtures/tracks';
const bytes = (text: string) => new TextEncoder().encode(text);

function azal(): Scenario {
  const r = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
  if (!r.ok) throw new Error('the built-in scenario does not load');
  return r.scenario;
}

const EXPECTED_FORMAT: Record<string, string> = {
  'fr24.csv': 'fr24-csv',
  'fr24-old.csv': 'fr24-csv',
  'opensky-states.csv': 'opensky-csv',
  'traffic.csv': 'traffic-csv',
  'readsb-trace_full.json': 'readsb-json',
  'igc-old-date.igc': 'igc',
  'igc-new-date.igc': 'igc',
  'track.czml': 'czml',
  'track-iso.czml': 'czml',
  'fr24.kml': 'fr24-kml',
  'flightaware.kml': 'flightaware-kml',
  'adsbx-tar1090.kml': 'gx-track-kml',
  'foreflight.kml': 'gx-track-kml',
  'plain-points.kml': 'kml',
  'gpx10.gpx': 'gpx',
  'gpx11.gpx': 'gpx',
  'track.geojson': 'geojson',
};

describe('every fixture imports to a valid scenario', () => {
  for (const name of readdirSync(DIR)) {
    it(name, async () => {
      // A neutral file name: the format is detected from the content.
      const r = await importBytes(new Uint8Array(readFileSync(`${DIR}/${name}`)), 'upload.dat');
      expect(r.format).toBe(EXPECTED_FORMAT[name]);
      const s = r.scenario;
      expect(s.steps[0]!.id).toBe('first-fix');
      expect(s.steps[s.steps.length - 1]!.id).toBe('last-fix');
      expect(s.track.length).toBeGreaterThanOrEqual(2);
      expect(s.sources.get('file')!.file!.sha256).toMatch(/^[0-9a-f]{64}$/);
      for (let i = 1; i < s.track.length; i++) expect(s.track[i]!.timeMs).toBeGreaterThan(s.track[i - 1]!.timeMs);
    });
  }
});

describe('exports open again (round trips)', () => {
  const cases: [string, () => Scenario | Promise<Scenario>][] = [
    ['the AZAL 8243 reconstruction', azal],
    ['an imported FR24 CSV', async () => (await importBytes(new Uint8Array(readFileSync(`${DIR}/fr24.csv`)), 'fr24.csv')).scenario],
    [
      'an imported readsb trace with two legs',
      async () => (await importBytes(new Uint8Array(readFileSync(`${DIR}/readsb-trace_full.json`)), 'trace.json')).scenario,
    ],
  ];
  for (const [label, make] of cases) {
    for (const format of ['czml', 'kml', 'geojson'] as DataFormat[]) {
      it(`${label} → ${format} → the same samples, with their provenance`, async () => {
        const scenario = await make();
        const out = exportScenarioData(scenario, format, 'en');
        const back = await importBytes(bytes(out.text), `export.${out.extension}`);
        expect(back.format).toBe(format === 'kml' ? 'gx-track-kml' : format);
        const a = scenario.track;
        // The importer may bridge long pauses with samples of its own (inferred): compare the ones at the exported times (to the ms).
        const original = new Set(a.map((x) => Math.round(x.timeMs)));
        const b = back.scenario.track.filter((x) => original.has(Math.round(x.timeMs)));
        expect(b.length).toBe(a.length);
        for (let i = 0; i < a.length; i++) {
          expect(Math.round(b[i]!.timeMs)).toBe(Math.round(a[i]!.timeMs));
          expect(b[i]!.lat).toBeCloseTo(a[i]!.lat, 5);
          expect(b[i]!.lon).toBeCloseTo(a[i]!.lon, 5);
          expect(b[i]!.altitudeM).toBeCloseTo(a[i]!.altitudeM, 0);
          expect(b[i]!.provenance).toBe(a[i]!.provenance);
        }
      });
    }
    it(`${label} → scenario → the same samples and steps`, async () => {
      const scenario = await make();
      const out = exportScenarioData(scenario, 'scenario', 'en');
      const back = await importBytes(bytes(out.text), 'export.json');
      expect(back.format).toBe('scenario');
      expect(back.scenario.track).toEqual(scenario.track);
      expect(back.scenario.steps).toEqual(scenario.steps);
      expect(back.scenario.gaps).toEqual(scenario.gaps);
    });
  }
});

describe('bad track files', () => {
  for (const bad of BAD_TRACKS) {
    it(`${bad.name} is refused: ${bad.expect}`, async () => {
      const content = typeof bad.content === 'string' ? bytes(bad.content) : bad.content;
      await expect(importBytes(content, bad.name)).rejects.toThrow(bad.expect);
    });
  }
});
