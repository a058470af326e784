import { readFileSync } from 'node:fs';
import { kml as togeojsonKml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geojsonReader } from '../../src/import/formats/geojson';
import { gpxReader } from '../../src/import/formats/gpx';
import { flightAwareKmlReader, fr24KmlReader, gxTrackKmlReader, plainKmlReader } from '../../src/import/formats/kml';
import { parseXml } from '../../src/import/formats/xml';
import { ImportError, KT, type ParsedTrack, type TrackReader } from '../../src/import/types';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tracks/${name}`, import.meta.url), 'utf8');
const iso = (ms: number) => new Date(ms).toISOString();
const READERS: TrackReader[] = [fr24KmlReader, flightAwareKmlReader, gxTrackKmlReader, plainKmlReader, gpxReader, geojsonReader];
const FIXTURES: [string, TrackReader][] = [
  ['fr24.kml', fr24KmlReader],
  ['flightaware.kml', flightAwareKmlReader],
  ['adsbx-tar1090.kml', gxTrackKmlReader],
  ['foreflight.kml', gxTrackKmlReader],
  ['plain-points.kml', plainKmlReader],
  ['gpx10.gpx', gpxReader],
  ['gpx11.gpx', gpxReader],
  ['track.geojson', geojsonReader],
];

/** The ImportError a parse throws (fails the test if it does not throw one). */
function errorOf(reader: TrackReader, text: string): ImportError {
  try {
    reader.parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

/** 1-based line of the first occurrence of `needle`. */
const lineOfText = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

function first(t: ParsedTrack) {
  return t.legs[0]!.points[0]!;
}
function last(t: ParsedTrack) {
  const pts = t.legs.at(-1)!.points;
  return pts[pts.length - 1]!;
}

describe('Flightradar24 KML', () => {
  const t = fr24KmlReader.parse(fixture('fr24.kml'));

  it('reads the Route folder: times, positions, coordinate altitude in metres', () => {
    expect(t.format).toBe('fr24-kml');
    expect(t.legs).toHaveLength(1);
    expect(t.legs[0]!.label).toBe('Route');
    expect(t.legs[0]!.points).toHaveLength(20);
    expect(iso(first(t).timeMs)).toBe('2024-12-25T03:55:04.000Z');
    expect(iso(last(t).timeMs)).toBe('2024-12-25T04:02:09.000Z');
    expect(first(t)).toMatchObject({ lat: 40.4675, lon: 50.0467 });
    expect(last(t)).toMatchObject({ lat: 40.91495, lon: 49.534122, altitudeM: 9144, trackDeg: 319 });
    expect(last(t).groundSpeedMps).toBeCloseTo(384 * KT, 6);
    expect(t.legs[0]!.points[2]!.altitudeM).toBe(404); // 1,325 ft in the description; the coordinate says 404 m
  });

  it('marks 0 ft fixes on the ground and leaves their altitude unknown', () => {
    expect(first(t)).toMatchObject({ onGround: true, altitudeM: null });
    expect(t.notes.some((n) => /2 fixes at altitude 0 marked on the ground/.test(n))).toBe(true);
  });

  it('uses the coordinate altitude and notes where the description (feet) disagrees by more than 100 m', () => {
    expect(t.legs[0]!.points[10]!.altitudeM).toBe(4620);
    const note = t.notes.find((n) => n.includes('disagree'));
    expect(note).toMatch(/<Placemark> 11 .*4620 m, description 16500 ft \(5029 m\)/);
  });

  it('takes the time from the Placemark name when a Route point has no TimeStamp', () => {
    const text = fixture('fr24.kml').replace('<TimeStamp><when>2024-12-25T03:55:04Z</when></TimeStamp>', '');
    const u = fr24KmlReader.parse(text);
    expect(u.legs[0]!.points).toHaveLength(20);
    expect(iso(first(u).timeMs)).toBe('2024-12-25T03:55:04.000Z');
  });

  it('ignores the Trail folder, says so, and reads the flight from the Document name', () => {
    expect(t.notes.some((n) => /Trail.*19 lines without times/.test(n))).toBe(true);
    expect(t).toMatchObject({ callsign: 'AHY8243', flightNumber: 'J28243', places: [], events: [] });
    expect(t.altitude).toMatchObject({ kind: 'barometric', datum: 'msl', unit: 'm' });
    expect(t.altitude.note).toMatch(/\.$/);
  });
});

describe('FlightAware KML', () => {
  const text = fixture('flightaware.kml');
  const t = flightAwareKmlReader.parse(text);

  it('pairs a gx:Track whose <when> all come before the <gx:coord>', () => {
    expect(t.legs).toHaveLength(1);
    expect(t.legs[0]!.points).toHaveLength(30);
    expect(iso(first(t).timeMs)).toBe('2024-12-25T07:05:12.000Z');
    expect(iso(last(t).timeMs)).toBe('2024-12-25T08:25:12.000Z');
    expect(first(t)).toEqual({ timeMs: Date.parse('2024-12-25T07:05:12Z'), lat: 49.0097, lon: 2.5479, altitudeM: 121.9 });
    expect(last(t)).toMatchObject({ lat: 48.3538, lon: 11.7861, altitudeM: 457.2 });
    expect(t.notes.some((n) => n.includes('interleaved'))).toBe(false);
  });

  it('reads the airports (code in the name, or in a localised description) as origin and destination', () => {
    expect(t.places).toEqual([
      { name: 'LFPG', lat: 49.0097, lon: 2.5479, kind: 'airport', icao: 'LFPG', iata: 'CDG' },
      { name: 'Aéroport de Munich-Franz-Josef-Strauss', lat: 48.3538, lon: 11.7861, kind: 'airport', icao: 'EDDM', iata: 'MUC' },
    ]);
    expect(t).toMatchObject({ from: 'LFPG', to: 'EDDM', callsign: 'AFR1234', flightNumber: 'AF1234', events: [] });
    expect(t.altitude.kind).toBe('barometric');
  });

  it('takes times from <when>, never from the French dates in the descriptions', () => {
    expect(text).toContain('mer. 25 déc. 2024 09:32 CET');
    const times = t.legs[0]!.points.map((p) => p.timeMs);
    expect(times).not.toContain(Date.parse('2024-12-25T08:32:00Z'));
  });
});

describe('ADS-B Exchange / tar1090 KML', () => {
  const text = fixture('adsbx-tar1090.kml');
  const t = gxTrackKmlReader.parse(text);

  it('reads a root Folder without Document, interleaved when/coord with whitespace inside tags and values', () => {
    expect(text).not.toContain('<Document>');
    expect(t.formatName).toBe('ADS-B Exchange / tar1090 KML');
    expect(t.legs[0]!.label).toBe('EIN123');
    expect(t.legs[0]!.points[2]).toMatchObject({ lon: -6.29179, lat: 53.423579, altitudeM: 152 });
    expect(t.notes.some((n) => n.includes('interleaved'))).toBe(true);
    expect(t).toMatchObject({ callsign: 'EIN123', icao24: '4ca87c' });
    expect(t.altitude).toMatchObject({ kind: 'unknown', datum: 'msl', unit: 'm' });
  });

  it('reads nanosecond fractions to the millisecond', () => {
    const times = t.legs[0]!.points.map((p) => iso(p.timeMs));
    expect(times.slice(0, 4)).toEqual(['2024-03-10T11:58:03.000Z', '2024-03-10T11:58:23.123Z', '2024-03-10T11:58:43.250Z', '2024-03-10T11:59:03.500Z']);
    expect(times.at(-1)).toBe('2024-03-10T12:05:43.500Z');
  });

  it('drops the duplicate timestamp (keeping the first) and says so', () => {
    expect(t.legs[0]!.points).toHaveLength(24);
    const times = t.legs[0]!.points.map((p) => p.timeMs);
    expect(new Set(times).size).toBe(times.length);
    expect(t.notes.some((n) => /1 fix with a duplicate timestamp dropped/.test(n))).toBe(true);
  });

  it('maps the speed array outside the track (knots in ADS-B Exchange) to m/s', () => {
    expect(t.legs[0]!.points[0]!.groundSpeedMps).toBe(0);
    expect(t.legs[0]!.points[2]!.groundSpeedMps).toBeCloseTo(142 * KT, 9);
    expect(last(t).groundSpeedMps).toBeCloseTo(288 * KT, 9);
  });

  it('is what togeojson cannot read: it gets NaN from a multi-space gx:coord and drops the speeds', () => {
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    const f = (togeojsonKml(doc) as unknown as { features: { geometry: { coordinates: number[][] }; properties: Record<string, unknown> }[] }).features[0]!;
    expect(f.geometry.coordinates[2]!.some(Number.isNaN)).toBe(true);
    expect(JSON.stringify(f.properties)).not.toContain('speed');
  });
});

describe('ForeFlight KML', () => {
  const t = gxTrackKmlReader.parse(fixture('foreflight.kml'));

  it('reads the track with millisecond fractions, speed in knots and course; ignores bank and pitch', () => {
    expect(t.formatName).toBe('ForeFlight KML');
    expect(t.legs[0]!.points).toHaveLength(26);
    expect(iso(t.legs[0]!.points[1]!.timeMs)).toBe('2024-07-03T21:18:15.037Z');
    expect(first(t)).toMatchObject({ lat: 40.7288, lon: -73.4134, altitudeM: 24, trackDeg: 145 });
    expect(first(t).groundSpeedMps).toBeCloseTo(8 * KT, 9);
    expect(last(t)).toMatchObject({ altitudeM: 654, trackDeg: 256 });
    expect(t.notes).toContain('Track arrays not used: "bank", "pitch".');
  });

  it('says GNSS altitude, reads the registration, and an untimed Point is a waypoint', () => {
    expect(t.altitude).toMatchObject({ kind: 'gnss', datum: 'msl' });
    expect(t.registration).toBe('N724R');
    expect(t.places).toEqual([{ name: 'KFRG', lat: 40.7288, lon: -73.4134, kind: 'waypoint' }]);
  });
});

describe('plain KML of time-stamped Points', () => {
  const t = plainKmlReader.parse(fixture('plain-points.kml'));

  it('makes the time-stamped Points the track and the untimed Point a waypoint; the untimed LineString is not used', () => {
    expect(t.format).toBe('kml');
    expect(t.legs).toHaveLength(1);
    expect(t.legs[0]!.points).toHaveLength(15);
    expect(iso(first(t).timeMs)).toBe('2024-05-18T09:12:30.000Z');
    expect(iso(last(t).timeMs)).toBe('2024-05-18T09:21:50.000Z');
    expect(first(t)).toEqual({ timeMs: Date.parse('2024-05-18T09:12:30Z'), lat: 51.9569, lon: 4.4375, altitudeM: -4 });
    expect(last(t)).toMatchObject({ lat: 52.1039, lon: 4.4571, altitudeM: 520 });
    expect(t.places).toEqual([{ name: 'Rotterdam The Hague Airport', lat: 51.9569, lon: 4.4375, kind: 'waypoint' }]);
    expect(t.registration).toBe('PH-ABC');
    expect(t.altitude).toMatchObject({ kind: 'unknown', datum: 'msl' });
    expect(t.altitude.note).toMatch(/altitudeMode absolute/);
  });
});

describe('GPX', () => {
  it('GPX 1.0: ele in metres, time, speed (m/s) and course; the file time is not a fix', () => {
    const t = gpxReader.parse(fixture('gpx10.gpx'));
    expect(t.formatName).toBe('GPX 1.0');
    expect(t.legs).toHaveLength(1);
    expect(t.legs[0]!.label).toBe('HB-JVE LSZH departure');
    expect(t.legs[0]!.points).toHaveLength(20);
    expect(first(t)).toEqual({ timeMs: Date.parse('2023-08-14T14:02:10Z'), lat: 47.4582, lon: 8.5555, altitudeM: 422.4, groundSpeedMps: 5.1, trackDeg: 320 });
    expect(iso(last(t).timeMs)).toBe('2023-08-14T14:11:40.000Z');
    expect(last(t)).toMatchObject({ altitudeM: 2953.7, groundSpeedMps: 96.6, trackDeg: 40.3 });
    expect(t.notes.some((n) => n.includes('2023-08-15T06:40:00Z') && n.includes('not used'))).toBe(true);
    expect(t.altitude).toMatchObject({ kind: 'gnss', datum: 'msl', unit: 'm' });
    expect(t.altitude.note).toMatch(/mean sea level/);
  });

  it('GPX 1.1: two trksegs are two legs, the bogus metadata time is ignored, wpt are places', () => {
    const t = gpxReader.parse(fixture('gpx11.gpx'));
    expect(t.formatName).toBe('GPX 1.1');
    expect(t.legs.map((l) => [l.label, l.points.length])).toEqual([
      ['HB-KOF segment 1', 14],
      ['HB-KOF segment 2', 12],
    ]);
    expect(iso(first(t).timeMs)).toBe('2024-09-21T10:04:00.000Z');
    expect(iso(t.legs[0]!.points.at(-1)!.timeMs)).toBe('2024-09-21T10:13:45.000Z');
    expect(iso(t.legs[1]!.points[0]!.timeMs)).toBe('2024-09-21T10:19:30.000Z');
    expect(iso(last(t).timeMs)).toBe('2024-09-21T10:27:45.000Z');
    expect(first(t)).toEqual({ timeMs: Date.parse('2024-09-21T10:04:00Z'), lat: 46.2381, lon: 6.1089, altitudeM: 411 });
    expect(t.legs.flatMap((l) => l.points).every((p) => p.timeMs > Date.parse('2000-01-01'))).toBe(true);
    expect(t.notes.some((n) => n.includes('1970-01-01T00:00:00Z'))).toBe(true);
    expect(t.places).toEqual([
      { name: 'LSGG', lat: 46.2381, lon: 6.1089, kind: 'airport', icao: 'LSGG' },
      { name: 'VEV', lat: 46.4161, lon: 6.9011, kind: 'waypoint' },
    ]);
  });
});

describe('GeoJSON', () => {
  it("reads flightrecon's own export: times, provenance arrays, steps, places, flight facts", () => {
    const t = geojsonReader.parse(fixture('track.geojson'));
    expect(t.legs).toHaveLength(1);
    expect(t.legs[0]!.points).toHaveLength(16);
    expect(first(t)).toEqual({
      timeMs: Date.parse('2024-12-25T05:10:00Z'),
      lat: 43.088,
      lon: 46.93,
      altitudeM: 8230,
      provenance: 'measured',
      altitudeProvenance: 'measured',
      halfWidthM: 0,
    });
    expect(last(t)).toMatchObject({ lat: 42.908, lon: 47.38, altitudeM: 7355, provenance: 'inferred', altitudeProvenance: 'inferred', halfWidthM: 1000 });
    expect(t.legs[0]!.points[10]!.altitudeProvenance).toBe('reported');
    expect(t.events.map((e) => [iso(e.timeMs), e.title, e.text])).toEqual([
      ['2024-12-25T05:11:30.000Z', 'GPS signal degraded', 'ADS-B position quality drops near Grozny.'],
      ['2024-12-25T05:15:30.000Z', 'Last ADS-B position', 'After this the track is inferred.'],
    ]);
    expect(t.places).toEqual([{ name: 'Grozny (URMG)', lat: 43.3883, lon: 45.7286, kind: 'waypoint' }]);
    expect(t).toMatchObject({ callsign: 'AHY8243', registration: '4K-AZ65', flightNumber: 'J28243' });
    expect(t.altitude).toMatchObject({ kind: 'barometric', datum: 'msl', unit: 'm' });
  });

  it("reads togeojson's coordinateProperties.times, epoch milliseconds and MultiLineString legs", () => {
    const t0 = Date.parse('2024-01-01T10:00:00Z');
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            name: 'A',
            coordinateProperties: {
              times: [
                [iso(t0), iso(t0 + 1000)],
                [t0 + 5000, t0 + 6000],
              ],
            },
          },
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [
                [1, 2, 100],
                [1.1, 2.1, 110],
              ],
              [
                [1.2, 2.2],
                [1.3, 2.3],
              ],
            ],
          },
        },
      ],
    });
    const t = geojsonReader.parse(text);
    expect(t.legs.map((l) => l.label)).toEqual(['A 1', 'A 2']);
    expect(t.legs[1]!.points[1]).toEqual({ timeMs: t0 + 6000, lat: 2.3, lon: 1.3, altitudeM: null });
    expect(t.altitude.datum).toBe('unknown');
  });
});

describe("flightrecon's own KML export", () => {
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document><name>AHY8243 25 Dec 2024</name>
<ExtendedData><Data name="flightrecon:format"><value>flightrecon-kml</value></Data><Data name="flightrecon:callsign"><value>AHY8243</value></Data>
<Data name="flightrecon:registration"><value>4K-AZ65</value></Data><Data name="flightrecon:flightNumber"><value>J28243</value></Data>
<Data name="flightrecon:altitudeKind"><value>barometric</value></Data></ExtendedData>
<Folder><name>Places</name>
<Placemark><name>Aktau</name><ExtendedData><Data name="flightrecon:place"><value>uate</value></Data><Data name="flightrecon:kind"><value>airport</value></Data><Data name="flightrecon:icao"><value>UATE</value></Data></ExtendedData><Point><coordinates>51.0919,43.8601,22</coordinates></Point></Placemark>
<Placemark><name>Crash site</name><ExtendedData><Data name="flightrecon:place"><value>crash</value></Data></ExtendedData><Point><coordinates>51.05,43.83</coordinates></Point></Placemark>
</Folder>
<Folder><name>Steps</name>
<Placemark><name>Departure</name><description>Leaves Baku.</description><TimeStamp><when>2024-12-25T03:55:00Z</when></TimeStamp><ExtendedData><Data name="flightrecon:step"><value>departure</value></Data></ExtendedData><Point><coordinates>50.0467,40.4675</coordinates></Point></Placemark>
</Folder>
<Placemark><name>Track</name><gx:Track><altitudeMode>absolute</altitudeMode>
<when>2024-12-25T03:55:00Z</when><when>2024-12-25T03:56:00Z</when><when>2024-12-25T03:57:00Z</when>
<gx:coord>50.0467 40.4675 1</gx:coord><gx:coord>50.03 40.48 300</gx:coord><gx:coord>50.0 40.5 900</gx:coord>
<ExtendedData><SchemaData schemaUrl="#flightrecon">
<gx:SimpleArrayData name="provenance"><gx:value>measured</gx:value><gx:value>measured</gx:value><gx:value>inferred</gx:value></gx:SimpleArrayData>
<gx:SimpleArrayData name="altitudeProvenance"><gx:value>measured</gx:value><gx:value>reported</gx:value><gx:value>inferred</gx:value></gx:SimpleArrayData>
<gx:SimpleArrayData name="halfWidthM"><gx:value>0</gx:value><gx:value>0</gx:value><gx:value>350</gx:value></gx:SimpleArrayData>
</SchemaData></ExtendedData></gx:Track></Placemark>
<gx:Tour><name>Story</name><description>The flight, step by step.</description><gx:Playlist>
<gx:FlyTo><LookAt><gx:TimeStamp><when>2024-12-25T03:55:00Z</when></gx:TimeStamp><longitude>50.04</longitude><latitude>40.46</latitude><range>5000</range></LookAt></gx:FlyTo>
<gx:FlyTo><LookAt><gx:TimeStamp><when>2024-12-25T03:57:00Z</when></gx:TimeStamp><longitude>50.0</longitude><latitude>40.5</latitude><range>5000</range></LookAt></gx:FlyTo>
</gx:Playlist></gx:Tour>
</Document></kml>`;

  it('is routed to the gx:Track reader', () => {
    const scores = READERS.map((r) => r.sniff(text, 'export.kml'));
    expect(Math.max(...scores)).toBe(gxTrackKmlReader.sniff(text, 'export.kml'));
    expect(gxTrackKmlReader.sniff(text)).toBeGreaterThan(0.95);
  });

  it('reads back the provenance arrays, steps, places, tour and flight facts', () => {
    const t = gxTrackKmlReader.parse(text);
    expect(t.formatName).toBe('flightrecon KML');
    expect(t.legs[0]!.points.map((p) => [p.provenance, p.altitudeProvenance, p.halfWidthM])).toEqual([
      ['measured', 'measured', 0],
      ['measured', 'reported', 0],
      ['inferred', 'inferred', 350],
    ]);
    expect(t).toMatchObject({ callsign: 'AHY8243', registration: '4K-AZ65', flightNumber: 'J28243' });
    expect(t.altitude).toMatchObject({ kind: 'barometric', datum: 'msl' });
    expect(t.places).toEqual([
      { name: 'Aktau', lat: 43.8601, lon: 51.0919, kind: 'airport', icao: 'UATE' },
      { name: 'Crash site', lat: 43.83, lon: 51.05, kind: 'waypoint' },
    ]);
    // The tour's first view repeats the step's time: one event, not two.
    expect(t.events).toEqual([
      { timeMs: Date.parse('2024-12-25T03:55:00Z'), title: 'Departure', text: 'Leaves Baku.', lat: 40.4675, lon: 50.0467 },
      { timeMs: Date.parse('2024-12-25T03:57:00Z'), title: 'Story 2', text: 'The flight, step by step.', lat: 40.5, lon: 50.0 },
    ]);
    expect(t.notes.some((n) => n.includes('not used'))).toBe(false);
  });
});

describe('KML variants', () => {
  it('gx:MultiTrack: one leg per gx:Track', () => {
    const text = `<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document><Placemark><name>T</name><gx:MultiTrack>
      <altitudeMode>absolute</altitudeMode>
      <gx:Track><when>2024-01-01T00:00:00Z</when><when>2024-01-01T00:00:10Z</when><gx:coord>1 2 3</gx:coord><gx:coord>1.1 2.1 4</gx:coord></gx:Track>
      <gx:Track><when>2024-01-01T00:10:00Z</when><gx:coord>1.5 2.5 5</gx:coord></gx:Track>
    </gx:MultiTrack></Placemark></Document></kml>`;
    const t = gxTrackKmlReader.parse(text);
    expect(t.legs.map((l) => [l.label, l.points.length])).toEqual([
      ['T 1', 2],
      ['T 2', 1],
    ]);
    expect(t.altitude.note).not.toMatch(/no altitudeMode/);
  });

  it('reads a gx:Track whose gx: prefix is not declared (Google Earth accepts it)', () => {
    const text = '<kml><Placemark><gx:Track><when>2024-01-01T00:00:00Z</when><gx:coord>1 2 3</gx:coord></gx:Track></Placemark></kml>';
    const t = gxTrackKmlReader.parse(text);
    expect(t.legs[0]!.points).toEqual([{ timeMs: Date.parse('2024-01-01T00:00:00Z'), lat: 2, lon: 1, altitudeM: 3 }]);
    expect(t.altitude.note).toMatch(/no altitudeMode/);
  });

  it('reads speed units from the array name (m/s) and ignores a speed whose unit it cannot tell', () => {
    const track = (name: string) =>
      `<kml xmlns:gx="http://www.google.com/kml/ext/2.2"><Placemark><gx:Track><when>2024-01-01T00:00:00Z</when><gx:coord>1 2 3</gx:coord>
       <ExtendedData><SchemaData><gx:SimpleArrayData name="${name}"><gx:value>50</gx:value></gx:SimpleArrayData></SchemaData></ExtendedData></gx:Track></Placemark></kml>`;
    expect(gxTrackKmlReader.parse(track('speed_mps')).legs[0]!.points[0]!.groundSpeedMps).toBe(50);
    const unknown = gxTrackKmlReader.parse(track('speed'));
    expect(unknown.legs[0]!.points[0]!.groundSpeedMps).toBeUndefined();
    expect(unknown.notes.join(' ')).toMatch(/"speed" \(the file does not say its unit\)/);
  });
});

describe('errors', () => {
  it('malformed XML names the line and column (xmldom)', () => {
    const text = fixture('fr24.kml').replace('<name>Route</name>', '<name>Route</nam>');
    const e = errorOf(fr24KmlReader, text);
    expect(e.message).toMatch(/^XML is not well-formed at line (\d+), column \d+: /);
    expect(Number(/line (\d+)/.exec(e.message)![1])).toBe(lineOfText(text, '</nam>'));
  });

  it('malformed XML inside a gx:Track (fast path) names its line and column', () => {
    const text = fixture('adsbx-tar1090.kml').replace('03.500000000Z</when>', '03.500000000Z</whn>');
    const e = errorOf(gxTrackKmlReader, text);
    expect(e.message).toMatch(/^XML is not well-formed at line \d+, column \d+: <\/whn> closes <when>/);
    expect(Number(/line (\d+)/.exec(e.message)![1])).toBe(lineOfText(text, '</whn>'));
  });

  it('keeps line numbers right after a track read by the fast path', () => {
    const text = fixture('foreflight.kml').replace('</Placemark>\n</Document>', '</Placemark>\n<oops>\n</Document>');
    const e = errorOf(gxTrackKmlReader, text);
    // The same line and column as xmldom gives for the whole text, track content included.
    let whole = '';
    try {
      parseXml(text);
    } catch (err) {
      whole = (err as Error).message;
    }
    expect(e.message).toMatch(/^XML is not well-formed at line 190, column \d+: .*"oops" != "Document"/);
    expect(e.message).toBe(whole);
  });

  it('text that is not XML', () => {
    expect(errorOf(plainKmlReader, 'hello').message).toMatch(/^XML is not well-formed/);
    expect(errorOf(gpxReader, '<gpx><trk></gpx>').message).toMatch(/^XML is not well-formed at line 1/);
  });

  it('<when> and <gx:coord> counts differ', () => {
    const text = fixture('flightaware.kml').replace(/\s*<gx:coord>[^<]*<\/gx:coord>(?=\s*<\/gx:Track>)/, '');
    expect(errorOf(flightAwareKmlReader, text).message).toMatch(/^<gx:Track> 1: 30 <when> but 29 <gx:coord> \(line \d+\)$/);
  });

  it('a <when> that is not a time names its number and line', () => {
    const text = fixture('adsbx-tar1090.kml').replace('2024-03-10T11:58:43.250000000Z', 'yesterday');
    const e = errorOf(gxTrackKmlReader, text);
    expect(e.message).toBe(`<when> 3: "yesterday" is not a time (line ${lineOfText(text, 'yesterday')})`);
  });

  it('impossible values: latitude, altitude, a speed array of the wrong length', () => {
    const bad = fixture('foreflight.kml').replace('-73.4115637 40.7268126 24.0', '-73.4115637 95.5 24.0');
    expect(errorOf(gxTrackKmlReader, bad).message).toMatch(/^<gx:coord> 2: latitude "95.5" is out of range \(-90..90\) \(line 23\)$/);
    const high = fixture('flightaware.kml').replace('2.5479 49.0097 121.9', '2.5479 49.0097 250000');
    expect(errorOf(flightAwareKmlReader, high).message).toMatch(/^<gx:coord> 1: altitude 250000 m is out of range/);
    const short = fixture('adsbx-tar1090.kml').replace('<gx:value>288</gx:value>', '');
    expect(errorOf(gxTrackKmlReader, short).message).toMatch(/^<gx:SimpleArrayData name="speed"> of <gx:Track> 1: 24 values but 25 <gx:coord>/);
    const fr24 = fixture('fr24.kml').replace('<coordinates>50.046700,40.467500,0</coordinates>', '<coordinates>50.046700,north,0</coordinates>');
    expect(errorOf(fr24KmlReader, fr24).message).toMatch(/^<Placemark> 1 \("2024-12-25 03:55:04 UTC"\): <coordinates> "50.046700,north,0" is not/);
  });

  it('a KML path without times, and a KML without positions', () => {
    const text = fixture('plain-points.kml').replace(/<Folder>[\s\S]*<\/Folder>/, '');
    expect(errorOf(plainKmlReader, text).message).toBe(
      'the KML has a path but no times (<LineString> in <Placemark> 2 ("Path"), 15 points); flightrecon needs a time for each point',
    );
    expect(errorOf(plainKmlReader, '<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>').message).toMatch(/^the KML has no time-stamped positions/);
  });

  it('GPX: bad latitude, a missing time, no times at all, a bad waypoint', () => {
    const text = fixture('gpx10.gpx');
    const badLat = text.replace('<trkpt lat="47.562563"', '<trkpt lat="91.5"');
    expect(errorOf(gpxReader, badLat).message).toBe(`<trkpt> 7: lat "91.5" is out of range (-90..90) (line ${lineOfText(badLat, 'lat="91.5"')})`);
    let k = 0;
    const oneMissing = text.replace(/<time>[^<]*<\/time>/g, (m) => (k++ === 5 ? '' : m)); // the first <time> is the file's
    expect(errorOf(gpxReader, oneMissing).message).toMatch(/^<trkpt> 5: no <time>; flightrecon needs a time for each point \(line \d+\)$/);
    expect(errorOf(gpxReader, text.replace(/<time>[^<]*<\/time>/g, '')).message).toBe(
      'the GPX has no times (20 <trkpt>, none with a <time>); flightrecon needs a time for each point',
    );
    const badWpt = fixture('gpx11.gpx').replace('<wpt lat="46.4161"', '<wpt lat="x"');
    expect(errorOf(gpxReader, badWpt).message).toMatch(/^<wpt> 2: lat "x" is not a number \(line \d+\)$/);
    const badTime = text.replace('2023-08-14T14:02:10Z', 'yesterday');
    expect(errorOf(gpxReader, badTime).message).toMatch(/^<trkpt> 1: <time> "yesterday" is not a time/);
  });

  it('GeoJSON: invalid JSON, times that do not match, no times, bad latitude', () => {
    expect(errorOf(geojsonReader, '{"type": "FeatureCollection", "features": [}').message).toMatch(/^the GeoJSON is not valid JSON/);
    const fcOf = (props: object, coordinates: number[][]) =>
      JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates } }] });
    expect(
      errorOf(
        geojsonReader,
        fcOf({ times: ['2024-01-01T00:00:00Z'] }, [
          [1, 2],
          [1, 3],
        ]),
      ).message,
    ).toBe('features[0]: 1 times but 2 coordinates');
    expect(
      errorOf(
        geojsonReader,
        fcOf({}, [
          [1, 2],
          [1, 3],
        ]),
      ).message,
    ).toMatch(/^the GeoJSON has a path but no times \(features\[0\] LineString, 2 points\)/);
    expect(errorOf(geojsonReader, fcOf({ times: ['2024-01-01T00:00:00Z'] }, [[1, 92]])).message).toBe(
      'features[0].geometry.coordinates[0]: latitude "92" is out of range (-90..90)',
    );
    expect(errorOf(geojsonReader, fcOf({ times: ['tomorrow'] }, [[1, 2]])).message).toBe('features[0].properties.times[0]: "tomorrow" is not a time');
  });
});

describe('sniff', () => {
  it.each(FIXTURES)('%s: its own reader scores highest, the others below 0.2', (name, own) => {
    const head = fixture(name).slice(0, 65536);
    for (const fileName of [name, 'download.dat', undefined]) {
      const scores = READERS.map((r) => [r, r.sniff(head, fileName)] as const);
      const ownScore = own.sniff(head, fileName);
      expect(ownScore).toBeGreaterThanOrEqual(0.5);
      for (const [r, s] of scores) if (r !== own) expect(s, `${r.format} on ${name}`).toBeLessThan(0.2);
    }
  });

  it('never throws and gives nothing to junk', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        for (const r of READERS) {
          const score = r.sniff(s, 'x.kml');
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
        }
      }),
    );
    for (const r of READERS) expect(r.sniff('Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction\n', 'f.csv')).toBe(0);
  });
});

describe('gx:Track property', () => {
  const ws = fc.constantFrom('', ' ', '\n', '\t', '  \n    ', '\r\n');
  const sep = fc.constantFrom(' ', '  ', '\t', '\n', ' \n  ');
  const point = fc.record({
    gapS: fc.integer({ min: 1, max: 600 }),
    ms: fc.integer({ min: 0, max: 999 }),
    subMs: fc.integer({ min: 0, max: 499_999 }),
    fraction: fc.constantFrom('none', 'ms', 'us', 'ns'),
    zone: fc.constantFrom('Z', '+00:00', '+02:00', '-05:30'),
    lat: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
    lon: fc.double({ min: -179.9, max: 179.9, noNaN: true }),
    alt: fc.double({ min: -400, max: 15_000, noNaN: true }),
    ws: fc.tuple(ws, ws, ws, ws, ws, sep, sep),
    comment: fc.boolean(),
  });

  it('parses back the same times and positions whatever the layout, whitespace and fractions', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 25 }),
        fc.array(fc.boolean(), { minLength: 50, maxLength: 50 }),
        fc.boolean(),
        (pts, order, folderRoot) => {
          let t = Date.UTC(2024, 11, 25, 4, 0, 0);
          const expected: { timeMs: number; lat: number; lon: number; altitudeM: number }[] = [];
          const whens: string[] = [];
          const coords: string[] = [];
          for (const p of pts) {
            t += p.gapS * 1000;
            const ms = p.fraction === 'none' ? 0 : p.ms;
            const offsetMin = p.zone === 'Z' ? 0 : (p.zone[0] === '-' ? -1 : 1) * (Number(p.zone.slice(1, 3)) * 60 + Number(p.zone.slice(4, 6)));
            const local = new Date(t + offsetMin * 60000).toISOString().slice(0, 19);
            const frac =
              p.fraction === 'none'
                ? ''
                : p.fraction === 'ms'
                  ? `.${String(ms).padStart(3, '0')}`
                  : p.fraction === 'us'
                    ? `.${String(ms).padStart(3, '0')}${String(p.subMs % 500).padStart(3, '0')}`
                    : `.${String(ms).padStart(3, '0')}${String(p.subMs).padStart(6, '0')}`;
            const [w1, w2, w3, w4, w5, s1, s2] = p.ws;
            const lon = p.lon.toFixed(6);
            const lat = p.lat.toFixed(6);
            const alt = p.alt.toFixed(1);
            whens.push(`<when${w1.replace('\r\n', ' ')}>${w2}${local}${frac}${p.zone}${w3}</when${w4}>${p.comment ? '<!-- fix -->' : ''}`);
            coords.push(`<gx:coord>${w5}${lon}${s1}${lat}${s2}${alt}${w2}</gx:coord>`);
            expected.push({ timeMs: t + ms, lat: Number(lat), lon: Number(lon), altitudeM: Number(alt) });
          }
          // Merge the two lists in an order chosen by `order` (interleaved, all times first, or anything between).
          const body: string[] = [];
          let wi = 0;
          let ci = 0;
          for (let k = 0; wi < whens.length || ci < coords.length; k++) {
            if (ci >= coords.length || (wi < whens.length && (order[k % order.length] ?? true))) body.push(whens[wi++]!);
            else body.push(coords[ci++]!);
          }
          const track = `<Placemark><name>P</name><gx:Track>\n<altitudeMode>absolute</altitudeMode>\n${body.join('\n')}\n</gx:Track></Placemark>`;
          const text = `<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">${folderRoot ? `<Folder>${track}</Folder>` : `<Document>${track}</Document>`}</kml>`;
          const parsed = gxTrackKmlReader.parse(text);
          expect(parsed.legs).toHaveLength(1);
          expect(parsed.legs[0]!.points).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('large files', () => {
  // Behaviour only (every point, the last one exact); import speed is measured by `npm run bench`.
  it('parses a 5 MB gx:Track (60,000 points) whole', () => {
    const n = 60_000;
    const parts = ['<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Folder><Placemark><gx:Track>\n'];
    const t0 = Date.UTC(2024, 0, 1);
    for (let i = 0; i < n; i++)
      parts.push(`<when>${iso(t0 + i * 1000)}</when><gx:coord>${(i * 1e-5).toFixed(6)} ${(45 + i * 1e-5).toFixed(6)} ${1000 + (i % 100)}</gx:coord>\n`);
    parts.push('</gx:Track></Placemark></Folder></kml>');
    const text = parts.join('');
    const t = gxTrackKmlReader.parse(text);
    expect(t.legs[0]!.points).toHaveLength(n);
    expect(last(t)).toEqual({
      timeMs: t0 + (n - 1) * 1000,
      lat: Number((45 + (n - 1) * 1e-5).toFixed(6)),
      lon: Number(((n - 1) * 1e-5).toFixed(6)),
      altitudeM: 1099,
    });
  });
});
