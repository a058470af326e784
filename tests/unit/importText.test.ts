import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { czmlReader, ecefToGeodetic } from '../../src/import/formats/czml';
import { fr24CsvReader } from '../../src/import/formats/fr24Csv';
import { igcReader } from '../../src/import/formats/igc';
import { openskyCsvReader, trafficCsvReader } from '../../src/import/formats/openskyCsv';
import { readsbTraceReader } from '../../src/import/formats/readsbTrace';
import { FPM, FT, ImportError, KT, type ParsedTrack, type TrackPoint, type TrackReader } from '../../src/import/types';

const DIR = 'tests/fixtures/tracks/';
const load = (name: string): string => readFileSync(DIR + name, 'utf8');
const READERS: TrackReader[] = [fr24CsvReader, openskyCsvReader, trafficCsvReader, readsbTraceReader, igcReader, czmlReader];
const utc = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);

function allPoints(track: ParsedTrack): TrackPoint[] {
  return track.legs.flatMap((leg) => leg.points);
}

function expectStrictlyIncreasing(track: ParsedTrack): void {
  for (const leg of track.legs) {
    expect(leg.points.length).toBeGreaterThan(0);
    for (let i = 1; i < leg.points.length; i++) expect(leg.points[i]!.timeMs).toBeGreaterThan(leg.points[i - 1]!.timeMs);
  }
}

/** The ImportError a parse throws (fails the test if it does not throw one). */
function importError(reader: TrackReader, text: string): ImportError {
  try {
    reader.parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

/** Replaces 1-based line `n` of a text (keeping its line endings). */
function replaceLine(text: string, n: number, make: (line: string) => string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  lines[n - 1] = make(lines[n - 1]!);
  return lines.join(eol);
}

describe('Flightradar24 CSV', () => {
  const track = fr24CsvReader.parse(load('fr24.csv'));
  const pts = track.legs[0]!.points;

  it('reads times, positions and converts feet and knots', () => {
    expect(track.format).toBe('fr24-csv');
    expect(track.callsign).toBe('AHY8243');
    expect(track.legs).toHaveLength(1);
    expect(pts).toHaveLength(40);
    expect(pts[0]!.timeMs).toBe(utc(2024, 12, 25, 3, 54, 0));
    expect(pts.at(-1)!.timeMs).toBe(utc(2024, 12, 25, 4, 7, 0));
    expect(pts[0]!.lat).toBe(40.456);
    expect(pts[0]!.lon).toBe(50.053);
    // line 12: 1735099040,...,"40.53369,50.01782",2925,187,341
    const p = pts[10]!;
    expect(p.timeMs).toBe(1735099040000);
    expect(p.lat).toBe(40.53369);
    expect(p.lon).toBe(50.01782);
    expect(p.altitudeM).toBeCloseTo(2925 * 0.3048, 9);
    expect(p.groundSpeedMps).toBeCloseTo((187 * 1852) / 3600, 9);
    expect(p.trackDeg).toBe(341);
    expect(p.onGround).toBeUndefined();
    expect(pts.at(-1)!.altitudeM).toBeCloseTo(20200 * FT, 9);
    expectStrictlyIncreasing(track);
  });

  it('marks altitude 0 as on the ground, without a height', () => {
    const ground = pts.filter((q) => q.onGround);
    expect(ground).toHaveLength(7);
    for (const q of ground) expect(q.altitudeM).toBeNull();
    expect(pts[0]!.groundSpeedMps).toBeCloseTo(12 * KT, 9);
    expect(track.notes.join(' ')).toMatch(/7 fixes with altitude 0 ft marked on the ground/);
  });

  it('says which altitude it read', () => {
    expect(track.altitude).toMatchObject({ kind: 'barometric', datum: 'msl', unit: 'ft' });
    expect(track.altitude.note).toMatch(/1013\.25 hPa/);
  });

  it('drops the duplicated row and says so', () => {
    expect(track.notes.join(' ')).toMatch(/1 fix with a duplicate timestamp dropped/);
  });

  it('reads the older six-column export (no UTC)', () => {
    const old = fr24CsvReader.parse(load('fr24-old.csv'));
    const o = old.legs[0]!.points;
    expect(o).toHaveLength(24);
    expect(o[0]!.timeMs).toBe(1735099500000);
    expect(o.at(-1)).toMatchObject({ timeMs: 1735100190000, lat: 40.92476, lon: 49.67996, trackDeg: 316 });
    expect(o.at(-1)!.altitudeM).toBeCloseTo(18700 * FT, 9);
    expect(o.at(-1)!.groundSpeedMps).toBeCloseTo(290 * KT, 9);
    expect(old.callsign).toBe('AHY8243');
    expect(old.notes.join(' ')).toMatch(/six-column/);
  });

  it('sorts rows out of order and reads the UTC column when Timestamp is empty', () => {
    const text = [
      'Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction',
      '1735099060,2024-12-25T03:57:40Z,AHY8243,"40.55005,50.01041",3675,196,341',
      ',2024-12-25T03:57:20Z,AHY8243,"40.53369,50.01782",2925,187,341',
      '',
    ].join('\n');
    const t = fr24CsvReader.parse(text);
    expect(t.legs[0]!.points.map((q) => q.timeMs)).toEqual([1735099040000, 1735099060000]);
    expect(t.notes.join(' ')).toMatch(/sorted by time/);
  });

  it('names the line and the value of impossible fixes', () => {
    const text = load('fr24.csv');
    const lat = importError(
      fr24CsvReader,
      replaceLine(text, 14, (l) => l.replace('"40.56720,', '"91.2,')),
    );
    expect(lat.message).toBe('line 14: latitude 91.2 is out of range (-90..90)');
    expect(lat.where).toBe('line 14');
    expect(
      importError(
        fr24CsvReader,
        replaceLine(text, 14, (l) => l.replace(',50.00263"', ',-180.5"')),
      ).message,
    ).toBe('line 14: longitude -180.5 is out of range (-180..180)');
    expect(
      importError(
        fr24CsvReader,
        replaceLine(text, 3, (l) => l.replace('1735098860', 'yesterday')),
      ).message,
    ).toBe('line 3: time "yesterday" is not a Unix time');
    expect(
      importError(
        fr24CsvReader,
        replaceLine(text, 5, (l) => l.replace('"40.45994,', '"north,')),
      ).message,
    ).toBe('line 5: latitude "north" is not a number');
    expect(
      importError(
        fr24CsvReader,
        replaceLine(text, 6, (l) => l.replace(',0,60,', ',high,60,')),
      ).message,
    ).toMatch(/^line 6: altitude "high"/);
  });

  it('counts blank lines in the line numbers', () => {
    const lines = load('fr24-old.csv').split('\n');
    lines.splice(3, 0, '', '');
    lines[9] = lines[9]!.replace('"40.', '"95.');
    expect(importError(fr24CsvReader, lines.join('\n')).message).toMatch(/^line 10: latitude 95\.\d+ is out of range/);
  });

  it('refuses empty files, header-only files, broken rows and quotes', () => {
    expect(importError(fr24CsvReader, '').message).toMatch(/no positions found/);
    expect(importError(fr24CsvReader, '\n\n').message).toMatch(/no positions found/);
    expect(importError(fr24CsvReader, 'Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction\r\n').message).toMatch(/no positions found/);
    const text = load('fr24.csv');
    expect(
      importError(
        fr24CsvReader,
        replaceLine(text, 7, (l) => l.split(',').slice(0, 5).join(',')),
      ).message,
    ).toMatch(/^line 7: expected 7 fields as in the header but found 4/);
    expect(
      importError(
        fr24CsvReader,
        replaceLine(text, 8, () => '1735098980,2024-12-25T03:56:20Z,AHY8243,"40.5,50.1,0,60,341'),
      ).message,
    ).toMatch(/^line 8: /);
    expect(importError(fr24CsvReader, 'Time,Lat,Lon\n1,2,3\n').message).toMatch(/^line 1: column "Timestamp" is missing/);
  });

  it('reports progress on big files', () => {
    let text = 'Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction\n';
    for (let i = 0; i < 12000; i++) text += `${1735098840 + i},x,AHY8243,"40.5,50.1",1000,200,90\n`;
    const seen: number[] = [];
    fr24CsvReader.parse(text, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
  });

  it('round-trips generated fixes through FR24 CSV text', () => {
    const fix = fc.record({
      dt: fc.integer({ min: 1, max: 600 }),
      lat: fc.integer({ min: -9_000_000, max: 9_000_000 }),
      lon: fc.integer({ min: -18_000_000, max: 18_000_000 }),
      ft: fc.integer({ min: 0, max: 45_000 }),
      kt: fc.integer({ min: 0, max: 650 }),
      dir: fc.integer({ min: 0, max: 359 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }), fc.array(fix, { minLength: 1, maxLength: 60 }), fc.boolean(), (t0, fixes, crlf) => {
        let t = t0;
        const eol = crlf ? '\r\n' : '\n';
        const expected = fixes.map((f) => ({ ...f, t: (t += f.dt), lat: f.lat / 1e5, lon: f.lon / 1e5 }));
        const text =
          'Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction' +
          eol +
          expected
            .map(
              (f) =>
                `${f.t},${new Date(f.t * 1000).toISOString().replace('.000', '')},TST123,"${f.lat.toFixed(5)},${f.lon.toFixed(5)}",${f.ft},${f.kt},${f.dir}`,
            )
            .join(eol) +
          eol;
        const got = fr24CsvReader.parse(text).legs[0]!.points;
        expect(got).toHaveLength(expected.length);
        got.forEach((p, i) => {
          const e = expected[i]!;
          expect(p.timeMs).toBe(e.t * 1000);
          expect(p.lat).toBeCloseTo(e.lat, 9);
          expect(p.lon).toBeCloseTo(e.lon, 9);
          if (e.ft === 0) expect(p).toMatchObject({ onGround: true, altitudeM: null });
          else expect(p.altitudeM).toBeCloseTo(e.ft * FT, 6);
          expect(p.groundSpeedMps).toBeCloseTo(e.kt * KT, 9);
          expect(p.trackDeg).toBe(e.dir);
        });
      }),
      { numRuns: 200 },
    );
  });

  // Speed against papaparse is a figure of `npm run bench` (bench/importSpeed.mjs), not a timed test.
  it('reads 100,000 rows (CRLF) with every value in place', () => {
    const rows = ['Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction'];
    for (let i = 0; i < 100_000; i++) {
      const t = 1735098840 + i * 5;
      rows.push(
        `${t},${new Date(t * 1000).toISOString().replace('.000', '')},AHY8243,"${(40 + i * 1e-5).toFixed(5)},${(50 - i * 1e-5).toFixed(5)}",${(i % 40000) + 1},${i % 480},${i % 360}`,
      );
    }
    const pts = fr24CsvReader.parse(rows.join('\r\n') + '\r\n').legs[0]!.points;
    expect(pts).toHaveLength(100_000);
    const last = pts[99_999]!;
    expect(last.timeMs).toBe((1735098840 + 99_999 * 5) * 1000);
    expect(last.lat).toBeCloseTo(40 + 99_999e-5, 5);
    expect(last.lon).toBeCloseTo(50 - 99_999e-5, 5);
    expect(last.altitudeM).toBeCloseTo(((99_999 % 40000) + 1) * 0.3048, 3);
  }, 60_000);
});

describe('OpenSky state vectors CSV', () => {
  const track = openskyCsvReader.parse(load('opensky-states.csv'));
  const pts = track.legs[0]!.points;

  it('reads the aircraft with most rows and says so', () => {
    expect(track.format).toBe('opensky-csv');
    expect(track.icao24).toBe('60034a');
    expect(track.callsign).toBe('AHY8243');
    expect(track.notes.join(' ')).toMatch(/2 aircraft .*only 60034a/);
  });

  it('skips rows without a position, sorts, drops duplicate times', () => {
    // 30 rows of 60034a + 1 duplicate − 1 without lat/lon − the duplicate
    expect(pts).toHaveLength(29);
    const notes = track.notes.join(' ');
    expect(notes).toMatch(/1 row without lat\/lon skipped/);
    expect(notes).toMatch(/sorted by time/);
    expect(notes).toMatch(/1 fix with a duplicate timestamp dropped/);
    expect(pts.some((p) => p.timeMs === 1735098890000)).toBe(false); // the row without a position
    expectStrictlyIncreasing(track);
  });

  it('keeps SI units and onground, barometric altitude for the whole file', () => {
    expect(pts[0]).toMatchObject({ timeMs: 1735098840000, lat: 40.456, lon: 50.053, altitudeM: null, onGround: true, groundSpeedMps: 6.1733, trackDeg: 341 });
    const p = pts.find((q) => q.timeMs === 1735098950000)!;
    expect(p).toMatchObject({ lat: 40.50303, lon: 50.03171, onGround: false, groundSpeedMps: 100.8311, verticalRateMps: 11.176 });
    expect(p.altitudeM).toBeCloseTo(556.26, 6);
    expect(track.altitude).toMatchObject({ kind: 'barometric', datum: 'msl', unit: 'm' });
    expect(track.altitude.note).toMatch(/baroaltitude/);
  });

  it('uses geoaltitude for the whole file when baroaltitude is mostly empty', () => {
    const head = 'time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,baroaltitude,geoaltitude,lastposupdate,lastcontact';
    const rows = [0, 1, 2, 3].map((k) => `${1735098900 + k},60034a,40.5,50.0,100,341,5,AHY8243,false,false,false,4314,${k === 0 ? '500.0' : ''},${600 + k},,`);
    const t = openskyCsvReader.parse([head, ...rows].join('\n'));
    expect(t.altitude).toMatchObject({ kind: 'gnss', unit: 'm' });
    expect(t.altitude.note).toMatch(/geoaltitude/);
    expect(t.legs[0]!.points.map((p) => p.altitudeM)).toEqual([600, 601, 602, 603]);
  });

  it('names the line and the value of impossible fixes', () => {
    const text = load('opensky-states.csv');
    expect(
      importError(
        openskyCsvReader,
        replaceLine(text, 4, (l) => l.replace(',40.45718,', ',-91.5,')),
      ).message,
    ).toBe('line 4: latitude -91.5 is out of range (-90..90)');
    expect(
      importError(
        openskyCsvReader,
        replaceLine(text, 3, (l) => l.replace('1735098850,', 'yesterday,')),
      ).message,
    ).toBe('line 3: time "yesterday" is not a Unix time');
    expect(
      importError(
        openskyCsvReader,
        replaceLine(text, 3, (l) => l.replace(',true,', ',perhaps,')),
      ).message,
    ).toBe('line 3: onground "perhaps" is not true or false');
    expect(importError(openskyCsvReader, text.split('\n')[0]!).message).toMatch(/no positions found/);
  });
});

describe('traffic (Python) CSV', () => {
  const track = trafficCsvReader.parse(load('traffic.csv'));
  const pts = track.legs[0]!.points;

  it('reads ISO times with a space or a T, feet, knots and ft/min', () => {
    expect(track.format).toBe('traffic-csv');
    expect(pts).toHaveLength(25);
    expect(pts[0]!.timeMs).toBe(utc(2024, 12, 25, 5, 13, 31));
    expect(pts.at(-1)!.timeMs).toBe(utc(2024, 12, 25, 5, 19, 31));
    const p = pts[10]!; // the row written with a T
    expect(p.timeMs).toBe(utc(2024, 12, 25, 5, 16, 1));
    expect(p.lat).toBe(40.51427);
    expect(p.lon).toBe(50.02662);
    expect(p.altitudeM).toBeCloseTo(2200 * FT, 9);
    expect(p.groundSpeedMps).toBeCloseTo(187 * KT, 9);
    expect(p.verticalRateMps).toBeCloseTo(2200 * FPM, 9);
    expect(p.trackDeg).toBe(341);
    expect(p.onGround).toBe(false);
    expect(pts[0]).toMatchObject({ onGround: true, altitudeM: null });
    expect(pts[15]!.altitudeM).toBeNull(); // empty altitude in a flying row
    expect(track.icao24).toBe('60034a');
    expect(track.callsign).toBe('AHY8243');
    expect(track.altitude).toMatchObject({ kind: 'barometric', unit: 'ft' });
    expectStrictlyIncreasing(track);
  });

  it('finds columns by name in any order', () => {
    const text = [
      'callsign,longitude,latitude,timestamp,icao24,groundspeed,altitude,extra',
      'AHY8243,50.1,40.5,2024-12-25T05:13:31Z,60034a,250,10000,x',
      'AHY8243,50.2,40.6,2024-12-25 05:13:41+00:00,60034a,251,10100,y',
    ].join('\n');
    const p = trafficCsvReader.parse(text).legs[0]!.points;
    expect(p.map((q) => [q.timeMs, q.lat, q.lon])).toEqual([
      [utc(2024, 12, 25, 5, 13, 31), 40.5, 50.1],
      [utc(2024, 12, 25, 5, 13, 41), 40.6, 50.2],
    ]);
    expect(p[1]!.altitudeM).toBeCloseTo(10100 * FT, 9);
  });

  it('names the line and the value of impossible fixes', () => {
    const text = load('traffic.csv');
    expect(
      importError(
        trafficCsvReader,
        replaceLine(text, 6, (l) => l.replace(',50.05', ',190.05')),
      ).message,
    ).toMatch(/^line 6: longitude 190\.05\d* is out of range \(-180\.\.180\)$/);
    expect(
      importError(
        trafficCsvReader,
        replaceLine(text, 7, (l) => l.replace('2024-12-25 05:14:46+00:00', '2024-13-45 05:14:46')),
      ).message,
    ).toBe('line 7: time "2024-13-45 05:14:46" is not a Unix or ISO 8601 time');
  });
});

describe('readsb / tar1090 trace JSON', () => {
  const track = readsbTraceReader.parse(load('readsb-trace_full.json'));

  it('splits legs at the new-leg flag and labels them', () => {
    expect(track.format).toBe('readsb-json');
    expect(track.legs.map((l) => [l.label, l.points.length])).toEqual([
      ['Leg 1', 14],
      ['Leg 2', 22],
    ]);
    expectStrictlyIncreasing(track);
  });

  it('reads times as timestamp + dt, feet, knots, ft/min', () => {
    const [leg1, leg2] = track.legs;
    const p0 = leg1!.points[0]!;
    expect(p0).toMatchObject({ timeMs: 1735093200000, lat: 40.74, lon: 49.93, trackDeg: 161.9 });
    expect(p0.altitudeM).toBeCloseTo(4800 * FT, 9);
    expect(p0.groundSpeedMps).toBeCloseTo(210 * KT, 9);
    expect(p0.verticalRateMps).toBeCloseTo(-896 * FPM, 9);
    expect(leg1!.points[1]!.timeMs).toBe(1735093230370); // dt 30.37
    expect(leg2!.points[0]!.timeMs).toBe(1735098840000);
    expect(leg2!.points.at(-1)!.timeMs).toBe(1735099260000);
  });

  it('reads "ground" as on the ground without altitude, nulls as absent, short rows', () => {
    const last = track.legs[0]!.points.at(-1)!; // a 9-entry row with gs null
    expect(last).toMatchObject({ onGround: true, altitudeM: null, timeMs: 1735093590370 });
    expect(last.groundSpeedMps).toBeUndefined();
    expect(last.verticalRateMps).toBeUndefined();
    const ground = allPoints(track).filter((p) => p.onGround);
    expect(ground.length).toBeGreaterThan(5);
    for (const p of ground) expect(p.altitudeM).toBeNull();
  });

  it('leaves rows with a geometric altitude (flag 8) without a barometric altitude', () => {
    expect(track.legs[1]!.points[18]!.altitudeM).toBeNull();
    expect(track.notes.join(' ')).toMatch(/1 fix carries a geometric altitude/);
    expect(track.altitude).toMatchObject({ kind: 'barometric', datum: 'msl', unit: 'ft' });
  });

  it('reads registration, type, icao and the most frequent callsign', () => {
    expect(track).toMatchObject({ registration: '4K-AZ65', aircraftType: 'E190', icao24: '60034a', callsign: 'AHY8243' });
    expect(track.notes.join(' ')).toMatch(/AHY8242, AHY8243/);
  });

  it('names trace[i] and the value of impossible fixes', () => {
    const doc = JSON.parse(load('readsb-trace_full.json')) as { trace: unknown[][]; timestamp: unknown };
    const bad = (edit: (d: typeof doc) => void): string => {
      const d = structuredClone(doc);
      edit(d);
      return importError(readsbTraceReader, JSON.stringify(d)).message;
    };
    expect(bad((d) => (d.trace[5]![1] = 91.2))).toBe('trace[5]: latitude 91.2 is out of range (-90..90)');
    expect(bad((d) => (d.trace[7]![2] = 181))).toBe('trace[7]: longitude 181 is out of range (-180..180)');
    expect(bad((d) => (d.trace[2]![0] = 'soon'))).toBe('trace[2]: time offset "soon" is not a number of seconds');
    expect(bad((d) => (d.trace[3]![3] = 'high'))).toBe('trace[3]: altitude "high" is not a number');
    expect(bad((d) => (d.timestamp = 'yesterday'))).toBe('timestamp "yesterday" is not a Unix time');
    expect(bad((d) => (d.trace = []))).toMatch(/no positions found/);
    expect(importError(readsbTraceReader, '{"icao":"60034a",').message).toMatch(/not valid JSON/);
  });
});

describe('IGC', () => {
  it('reads HFDTEddmmyy, CRLF, skips V fixes and rolls over at midnight UTC', () => {
    const text = load('igc-old-date.igc');
    expect(text).toContain('\r\n');
    const track = igcReader.parse(text);
    const pts = track.legs[0]!.points;
    expect(track.format).toBe('igc');
    expect(pts).toHaveLength(47);
    expect(pts[0]).toMatchObject({ timeMs: utc(2025, 3, 17, 23, 52, 0), lat: -36.551, lon: 146.007, altitudeM: 170 });
    expect(pts.at(-1)!.timeMs).toBe(utc(2025, 3, 18, 0, 7, 40));
    expect(pts.some((p) => p.timeMs === utc(2025, 3, 17, 23, 55, 0))).toBe(false); // the V fix
    expect(track.notes.join(' ')).toMatch(/1 fix with validity V .*skipped/);
    expect(track.notes.join(' ')).toMatch(/crosses midnight UTC/);
    expectStrictlyIncreasing(track);
  });

  it('uses pressure altitude when the logger has it', () => {
    const track = igcReader.parse(load('igc-old-date.igc'));
    expect(track.altitude).toMatchObject({ kind: 'barometric', unit: 'm' });
    expect(track.altitude.note).toMatch(/pressure altitude \(1013\.25 hPa\)/i);
    expect(track).toMatchObject({ registration: 'VH-GFX', aircraftType: 'LS8-18', callsign: 'FX' });
  });

  it('reads HFDTEDATE:ddmmyy,nn and falls back to GNSS altitude when pressure is 0 everywhere', () => {
    const track = igcReader.parse(load('igc-new-date.igc'));
    const pts = track.legs[0]!.points;
    expect(pts).toHaveLength(36);
    expect(pts[0]).toMatchObject({ timeMs: utc(2025, 3, 17, 11, 2, 0), lat: 45.7913, lon: 11.7373, altitudeM: 1450 });
    expect(pts.at(-1)!.timeMs).toBe(utc(2025, 3, 17, 11, 7, 50));
    expect(track.altitude).toMatchObject({ kind: 'gnss', datum: 'msl', unit: 'm' });
    expect(track.notes.join(' ')).toMatch(/Pressure altitude is 0 on every fix .*GNSS altitude used for the whole file/);
    expect(track.callsign).toBe('BZ1');
    expect(track.aircraftType).toBe('OZONE Rush 6');
    expect(track.registration).toBeUndefined();
  });

  it('names the line and the value of impossible fixes', () => {
    const text = load('igc-new-date.igc');
    // line 11 is the first B record: B1102004547478N01144238EA0000001450
    expect(
      importError(
        igcReader,
        replaceLine(text, 11, (l) => l.replace('4547478N', '9112340N')),
      ).message,
    ).toMatch(/^line 11: latitude 91\.20\d* is out of range \(-90\.\.90\)$/);
    expect(
      importError(
        igcReader,
        replaceLine(text, 12, (l) => l.replace('B110210', 'B256100')),
      ).message,
    ).toBe('line 12: time "256100" is not a time of day (HHMMSS)');
    expect(
      importError(
        igcReader,
        replaceLine(text, 13, (l) => l.replace('4547386N', '4575386N')),
      ).message,
    ).toBe('line 13: latitude minutes 75.386 are not below 60');
    expect(
      importError(
        igcReader,
        replaceLine(text, 14, (l) => l.replace('EA000', 'EX000')),
      ).message,
    ).toBe('line 14: validity "X" is neither A (3D fix) nor V (no fix)');
    expect(
      importError(
        igcReader,
        replaceLine(text, 2, () => 'HFDTEDATE:320325,01'),
      ).message,
    ).toMatch(/^line 2: date .*not a valid day/);
    expect(
      importError(
        igcReader,
        replaceLine(text, 2, () => 'HFXXX'),
      ).message,
    ).toMatch(/no HFDTE header/);
    expect(importError(igcReader, text.split('\n').slice(0, 10).join('\n')).message).toMatch(/no positions found/);
    expect(importError(igcReader, text.replace(/EA00000/g, 'EV00000')).message).toMatch(/no positions found: all 36 fixes have validity V/);
  });

  it('dates every fix correctly across midnight UTC (property)', () => {
    const pad = (v: number, n: number) => String(v).padStart(n, '0');
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2079, 11, 31)), noInvalidDate: true }),
        fc.integer({ min: 0, max: 86_399 }),
        fc.integer({ min: 60, max: 20 * 3600 }),
        fc.integer({ min: 1, max: 300 }),
        (date, start, duration, step) => {
          const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
          const d = new Date(day);
          const lines = ['AXXXABC', `HFDTE${pad(d.getUTCDate(), 2)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCFullYear() % 100, 2)}`];
          const expected: number[] = [];
          for (let s = start; s <= start + duration; s += step) {
            const tod = s % 86_400;
            lines.push(`B${pad(Math.floor(tod / 3600), 2)}${pad(Math.floor(tod / 60) % 60, 2)}${pad(tod % 60, 2)}4547478N01144238EA0123401300`);
            expected.push(day + s * 1000);
          }
          const pts = igcReader.parse(lines.join('\r\n')).legs[0]!.points;
          expect(pts.map((p) => p.timeMs)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('CZML', () => {
  const track = czmlReader.parse(load('track.czml'));
  const pts = track.legs[0]!.points;

  it('reads epoch + seconds samples, heights above the ellipsoid', () => {
    expect(track.format).toBe('czml');
    expect(pts).toHaveLength(30);
    expect(pts[0]).toMatchObject({ timeMs: utc(2024, 12, 25, 3, 54, 0), lat: 40.456, lon: 50.053, altitudeM: -19.4 });
    expect(pts.at(-1)!.timeMs).toBe(utc(2024, 12, 25, 3, 54, 0) + 580_000);
    expect(track.altitude).toMatchObject({ datum: 'ellipsoid', unit: 'm' });
    expect(track.altitude.note).toMatch(/ellipsoid/);
    expectStrictlyIncreasing(track);
  });

  it("copies flightrecon's own provenance, corridor widths and identity", () => {
    expect(pts[0]).toMatchObject({ provenance: 'measured', altitudeProvenance: 'reported' });
    expect(pts[0]!.halfWidthM).toBeUndefined();
    expect(pts[22]).toMatchObject({ provenance: 'measured', altitudeProvenance: 'inferred' });
    expect(pts[29]).toMatchObject({ provenance: 'inferred', altitudeProvenance: 'inferred', halfWidthM: 550 });
    expect(track).toMatchObject({ callsign: 'AHY8243', registration: '4K-AZ65', flightNumber: 'J2 8243' });
  });

  it('turns the steps into events and timeless named points into places', () => {
    expect(track.events.map((e) => [e.title, e.timeMs])).toEqual([
      ['Departure', utc(2024, 12, 25, 3, 56)],
      ['Climb', utc(2024, 12, 25, 3, 59, 20)],
      ['Reconstructed part', utc(2024, 12, 25, 4, 2, 20)],
    ]);
    expect(track.events[0]).toMatchObject({ text: 'Take-off from runway 34 at Baku.', lat: 40.461, lon: 50.048 });
    expect(track.places).toEqual([{ name: 'GYD', lat: 40.4675, lon: 50.0467, kind: 'waypoint' }]);
  });

  it('reads ISO times in the array and takes the packet with most samples', () => {
    const iso = czmlReader.parse(load('track-iso.czml'));
    const p = iso.legs[0]!.points;
    expect(p).toHaveLength(20);
    expect(p[0]).toMatchObject({ timeMs: utc(2024, 12, 25, 3, 54), lat: 40.456, lon: 50.053, altitudeM: -19.4 });
    expect(p.at(-1)!.timeMs).toBe(utc(2024, 12, 25, 4, 3, 30));
    expect(p[0]!.provenance).toBeUndefined();
    expect(iso.notes.join(' ')).toMatch(/packet "60034a".*1 other packet/);
  });

  it('converts ECEF cartesian positions with WGS84', () => {
    const a = 6378137;
    const e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
    const ecef = (lat: number, lon: number, h: number) => {
      const r = Math.PI / 180;
      const s = Math.sin(lat * r);
      const n = a / Math.sqrt(1 - e2 * s * s);
      return [(n + h) * Math.cos(lat * r) * Math.cos(lon * r), (n + h) * Math.cos(lat * r) * Math.sin(lon * r), (n * (1 - e2) + h) * s];
    };
    const geo = [
      [40.456, 50.053, 12.5],
      [43.6, 51.1, 11277.6],
      [-33.9, 151.2, 3000],
      [89.9, -120, 500],
    ];
    const cart = geo.flatMap(([lat, lon, h], k) => [k * 10, ...ecef(lat!, lon!, h!)]);
    const czml = JSON.stringify([
      { id: 'document', version: '1.0' },
      { id: 'x', position: { epoch: '2024-12-25T04:00:00Z', cartesian: cart } },
    ]);
    const p = czmlReader.parse(czml).legs[0]!.points;
    p.forEach((q, k) => {
      expect(q.timeMs).toBe(utc(2024, 12, 25, 4, 0) + k * 10_000);
      expect(q.lat).toBeCloseTo(geo[k]![0]!, 9);
      expect(q.lon).toBeCloseTo(geo[k]![1]!, 9);
      expect(q.altitudeM!).toBeCloseTo(geo[k]![2]!, 3);
    });
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -500, max: 20000, noNaN: true }),
        (lat, lon, h) => {
          const [x, y, z] = ecef(lat, lon, h) as [number, number, number];
          const g = ecefToGeodetic(x, y, z);
          expect(g.lat).toBeCloseTo(lat, 8);
          if (Math.abs(lat) < 89.99) expect(Math.abs(((g.lon - lon + 540) % 360) - 180)).toBeLessThan(1e-8);
          expect(g.h).toBeCloseTo(h, 3);
        },
      ),
    );
  });

  it('names the packet, the position index and the value of impossible samples', () => {
    const doc = JSON.parse(load('track.czml')) as { id: string; position?: { cartographicDegrees: unknown[]; epoch?: string } }[];
    const bad = (edit: (cd: unknown[], pos: { epoch?: string }) => void): string => {
      const d = structuredClone(doc);
      const pos = d[1]!.position!;
      edit(pos.cartographicDegrees, pos);
      return importError(czmlReader, JSON.stringify(d)).message;
    };
    expect(bad((cd) => (cd[6] = 91.2))).toBe('packet "aircraft" position[6]: latitude 91.2 is out of range (-90..90)');
    expect(bad((cd) => (cd[9] = 200))).toBe('packet "aircraft" position[9]: longitude 200 is out of range (-180..180)');
    expect(bad((cd) => (cd[8] = 'later'))).toBe('packet "aircraft" position[8]: time "later" is not an ISO 8601 time');
    expect(bad((_cd, pos) => delete pos.epoch)).toBe('packet "aircraft" position[0]: time 0 is in seconds but the position has no epoch');
    expect(bad((cd) => cd.pop())).toMatch(/^packet "aircraft" position: 119 values/);
    expect(importError(czmlReader, '[{"id":"document","version":"1.0"}]').message).toMatch(/no positions found/);
    expect(importError(czmlReader, '[{"id":"document"').message).toMatch(/not valid JSON/);
  });
});

describe('sniffing', () => {
  const fixtures: [string, TrackReader][] = [
    ['fr24.csv', fr24CsvReader],
    ['fr24-old.csv', fr24CsvReader],
    ['opensky-states.csv', openskyCsvReader],
    ['traffic.csv', trafficCsvReader],
    ['readsb-trace_full.json', readsbTraceReader],
    ['igc-old-date.igc', igcReader],
    ['igc-new-date.igc', igcReader],
    ['track.czml', czmlReader],
    ['track-iso.czml', czmlReader],
  ];

  it.each(fixtures)('%s is recognised by its reader only', (name, own) => {
    const head = load(name).slice(0, 65536);
    for (const fileName of [name, undefined, 'download.bin']) {
      const own_score = own.sniff(head, fileName);
      expect(own_score).toBeGreaterThanOrEqual(0.8);
      for (const other of READERS) {
        if (other === own) continue;
        expect(other.sniff(head, fileName), `${other.format} on ${name}`).toBeLessThan(0.2);
      }
    }
  });

  it('recognises from the content, not the name', () => {
    expect(fr24CsvReader.sniff(load('opensky-states.csv'), 'flight.csv')).toBeLessThan(0.2);
    expect(czmlReader.sniff(load('readsb-trace_full.json'), 'track.czml')).toBeLessThan(0.2);
    expect(igcReader.sniff(load('fr24.csv'), 'flight.igc')).toBeLessThan(0.2);
  });

  it("does not take flightrecon's own scenario JSON for a trace or CZML", () => {
    const scenario = JSON.stringify({ format: 'flightrecon-scenario', version: 1, trace: [], icao: 'x', timestamp: 1, cartographicDegrees: [] });
    for (const r of READERS) expect(r.sniff(scenario, 'case.json')).toBeLessThan(0.2);
    const scenarioArray = `[{"id":"document","format": "flightrecon-scenario","cartographicDegrees":[]}]`;
    expect(czmlReader.sniff(scenarioArray)).toBeLessThan(0.2);
  });

  it('never throws, even on junk', () => {
    for (const junk of ['', '\uFEFF', '\u0000\u0001\u0002', '[', '{', 'A', 'B', ',,,,', '\r\n\r\n', 'x'.repeat(70000)]) {
      for (const r of READERS) {
        const s = r.sniff(junk, undefined);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(0.2);
      }
    }
  });
});
