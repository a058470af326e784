/**
 * IGC flight recorder files (gliders, paragliders): an A record (logger), H headers (HFDTE date, glider
 * id/type, competition id), B records, one per fix:
 *   B HHMMSS DDMMmmmN DDDMMmmmE V PPPPP GGGGG
 *     time UTC, latitude, longitude, validity A (3D fix) / V (no fix), pressure altitude (m, 1013.25 hPa),
 *     GNSS altitude (m).
 *
 * igc-parser (lenient mode) reads the A and H records: both HFDTE forms (`HFDTE170325`,
 * `HFDTEDATE:170325,01`), the glider id / type / competition id and the GNSS altitude datum (HFALG).
 * The B records are read here instead, because igc-parser
 *  - gives fixes no line numbers, so an error could not name the line;
 *  - accepts impossible fixes silently (latitude 91°, 75 minutes of arc, time 25:61:00 → NaN timestamps,
 *    an invalid HFDTE date → NaN for every fix), and in lenient mode drops malformed B records without a trace;
 *  - rolls the date over whenever the time goes back by more than an hour (23:59 → 22:30 becomes the
 *    next day), and throws plain Errors (or, lenient, swallows them) without the line's position.
 * Here the date rolls over to the next UTC day when the time of day goes back by more than 12 hours.
 */
import IGCParser from 'igc-parser';
import { parseIsoTime } from '../time';
import { ImportError, type AltitudeMeaning, type ParsedTrack, type TrackPoint, type TrackReader } from '../types';
import { finishLeg } from './common';

const FORMAT_NAME = 'IGC flight recorder file';
const DAY_MS = 86_400_000;
const HALF_DAY_S = 43_200;
const PROGRESS_LINES = 5000;

export const igcReader: TrackReader = {
  format: 'igc',
  formatName: FORMAT_NAME,
  sniff(head, fileName) {
    try {
      let text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
      text = text.trimStart();
      let score = 0;
      // A record: 'A' + three-character manufacturer code as the first line.
      if (/^A[A-Z0-9]{3}/.test(text)) {
        const hasDate = /^HFDTE/m.test(text);
        const hasB = /^B\d{6}\d{7}[NS]\d{8}[EW][AV]/m.test(text);
        if (hasB && hasDate) score = 0.95;
        else if (hasB || hasDate) score = 0.75;
        else if (/^H[FOP][A-Z]{3}/m.test(text)) score = 0.4;
      }
      if (fileName && /\.igc$/i.test(fileName)) score += score > 0 ? 0.05 : 0.1;
      return Math.min(1, score);
    } catch {
      return 0;
    }
  },
  parse(text, progress) {
    if (text.trim() === '') throw new ImportError('the file is empty: no positions found');
    const lines = text.split(/\r\n|\n|\r/);
    if (lines[0]?.charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);

    // Headers through igc-parser (only A and H lines: it never sees a B record).
    let dateLine = 0;
    const headerLines: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const c = lines[i]!.charCodeAt(0);
      if (c === 65 /* A */ || c === 72 /* H */) {
        headerLines.push(lines[i]!);
        if (lines[i]!.startsWith('DTE', 2)) dateLine = i + 1;
      }
    }
    if (dateLine === 0) throw new ImportError('no HFDTE header: the file does not say the date of the flight');
    let header: IGCParser.IGCFile;
    try {
      header = IGCParser.parse(headerLines.join('\n'), { lenient: true });
    } catch (e) {
      const msg = (e as Error).message;
      if (/Missing A record/.test(msg)) throw new ImportError('line 1: no A record (the first line of an IGC file names the logger)', 'line 1');
      const what = /Missing HFDTE/.test(msg) ? `date header ${JSON.stringify(lines[dateLine - 1]!.trim())} is not HFDTEddmmyy or HFDTEDATE:ddmmyy` : msg;
      throw new ImportError(`line ${dateLine}: ${what}`, `line ${dateLine}`);
    }
    const dayZero = parseIsoTime(`${header.date}T00:00:00Z`);
    if (dayZero === null) {
      throw new ImportError(`line ${dateLine}: date ${JSON.stringify(lines[dateLine - 1]!.trim())} is not a valid day (HFDTE ddmmyy)`, `line ${dateLine}`);
    }

    const points: TrackPoint[] = [];
    const pressure: (number | null)[] = [];
    const gnss: (number | null)[] = [];
    let invalid = 0;
    let dayOffset = 0;
    let prevSecond = -1;
    let rolledOver = 0;
    const n = lines.length;
    for (let i = 0; i < n; i++) {
      if (progress && i % PROGRESS_LINES === 0 && i > 0) progress((0.9 * i) / n);
      const line = lines[i]!;
      if (line.charCodeAt(0) !== 66 /* B */) continue;
      const lineNo = i + 1;
      const err = (what: string): ImportError => new ImportError(`line ${lineNo}: ${what}`, `line ${lineNo}`);
      if (line.length < 25) throw err(`B record ${JSON.stringify(line.trim())} is too short (at least 25 characters: time, position, validity)`);
      const hh = digits(line, 1, 2);
      const mi = digits(line, 3, 2);
      const ss = digits(line, 5, 2);
      if (hh < 0 || mi < 0 || ss < 0 || hh > 23 || mi > 59 || ss > 59) throw err(`time ${JSON.stringify(line.slice(1, 7))} is not a time of day (HHMMSS)`);
      const second = hh * 3600 + mi * 60 + ss;
      if (prevSecond >= 0 && second < prevSecond - HALF_DAY_S) {
        dayOffset++;
        rolledOver++;
      }
      prevSecond = second;

      const validity = line[24];
      if (validity === 'V') {
        invalid++;
        continue;
      }
      if (validity !== 'A') throw err(`validity ${JSON.stringify(validity)} is neither A (3D fix) nor V (no fix)`);

      const latDeg = digits(line, 7, 2);
      const latMin = digits(line, 9, 5);
      const ns = line[14];
      const lonDeg = digits(line, 15, 3);
      const lonMin = digits(line, 18, 5);
      const ew = line[23];
      if (latDeg < 0 || latMin < 0 || (ns !== 'N' && ns !== 'S')) throw err(`latitude ${JSON.stringify(line.slice(7, 15))} is not DDMMmmmN/S`);
      if (lonDeg < 0 || lonMin < 0 || (ew !== 'E' && ew !== 'W')) throw err(`longitude ${JSON.stringify(line.slice(15, 24))} is not DDDMMmmmE/W`);
      if (latMin >= 60000) throw err(`latitude minutes ${latMin / 1000} are not below 60`);
      if (lonMin >= 60000) throw err(`longitude minutes ${lonMin / 1000} are not below 60`);
      const lat = (ns === 'S' ? -1 : 1) * (latDeg + latMin / 60000);
      const lon = (ew === 'W' ? -1 : 1) * (lonDeg + lonMin / 60000);
      if (lat > 90) throw err(`latitude ${round6(lat)} is out of range (-90..90)`);
      if (lon > 180) throw err(`longitude ${round6(lon)} is out of range (-180..180)`);

      pressure.push(readAltitude(line, 25, err, 'pressure altitude'));
      gnss.push(readAltitude(line, 30, err, 'GNSS altitude'));
      points.push({ timeMs: dayZero + dayOffset * DAY_MS + second * 1000, lat, lon, altitudeM: null });
    }
    const notes: string[] = [];
    if (points.length === 0) {
      throw new ImportError(
        invalid > 0 ? `no positions found: all ${invalid} fixes have validity V (no GPS fix)` : 'no positions found: the file has no B records',
      );
    }
    if (invalid > 0) notes.push(`${plural(invalid, 'fix', 'fixes')} with validity V (no 3D GPS fix) skipped.`);
    if (rolledOver > 0) notes.push(`The flight crosses midnight UTC: fixes after 00:00 are dated the next day (HFDTE is the date of the first fix).`);

    // One altitude for the whole file: pressure when most fixes have it (0 means "none" in IGC), else GNSS.
    let pressureCount = 0;
    let gnssCount = 0;
    for (let k = 0; k < points.length; k++) {
      if (pressure[k] !== null) pressureCount++;
      if (gnss[k] !== null) gnssCount++;
    }
    const usePressure = pressureCount * 2 >= points.length && pressureCount > 0;
    const source = usePressure ? pressure : gnss;
    let missing = 0;
    for (let k = 0; k < points.length; k++) {
      const v = source[k];
      if (v === null || v === undefined) missing++;
      else points[k]!.altitudeM = v;
    }
    let altitude: AltitudeMeaning;
    if (usePressure) {
      altitude = { kind: 'barometric', datum: 'msl', unit: 'm', note: 'Pressure altitude (1013.25 hPa) in metres as the logger recorded it.' };
      if (missing > 0) notes.push(`${plural(missing, 'fix has', 'fixes have')} pressure altitude 0 (none); their altitude is unknown.`);
    } else {
      const alg = (header.geoDatumAlgorithm ?? '').toUpperCase();
      const datum = alg.startsWith('GEO') ? 'msl' : alg.startsWith('ELL') ? 'ellipsoid' : 'unknown';
      const above =
        datum === 'msl'
          ? 'above the geoid (HFALG GEO)'
          : datum === 'ellipsoid'
            ? 'above the WGS84 ellipsoid (HFALG ELL)'
            : 'of unstated datum (no HFALG header)';
      altitude = { kind: gnssCount > 0 ? 'gnss' : 'unknown', datum, unit: 'm', note: `GNSS altitude in metres ${above}, as the logger recorded it.` };
      notes.push(
        pressureCount === 0
          ? 'Pressure altitude is 0 on every fix (no pressure sensor): GNSS altitude used for the whole file.'
          : `Pressure altitude is 0 on most fixes (${points.length - pressureCount} of ${points.length}): GNSS altitude used for the whole file.`,
      );
      if (missing > 0 && gnssCount > 0) notes.push(`${plural(missing, 'fix has', 'fixes have')} GNSS altitude 0 (none); their altitude is unknown.`);
    }

    const leg = finishLeg(points, notes);
    progress?.(1);
    const result: ParsedTrack = {
      format: 'igc',
      formatName: FORMAT_NAME,
      legs: [{ points: leg }],
      altitude,
      places: [],
      events: [],
      notes,
    };
    if (header.registration) result.registration = header.registration;
    if (header.gliderType) result.aircraftType = header.gliderType;
    if (header.callsign) result.callsign = header.callsign;
    return result;
  },
};

/** The non-negative integer in line[start, start + length), or -1 if any character is not a digit. */
function digits(line: string, start: number, length: number): number {
  let v = 0;
  for (let i = start; i < start + length; i++) {
    const c = line.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** A 5-character IGC altitude field (`01234` or `-0012`); missing or 0 → null. */
function readAltitude(line: string, start: number, err: (what: string) => ImportError, what: string): number | null {
  if (line.length < start + 5) return null;
  const field = line.slice(start, start + 5);
  const negative = field.charCodeAt(0) === 45; /* - */
  const v = negative ? digits(field, 1, 4) : digits(field, 0, 5);
  if (v < 0) throw err(`${what} ${JSON.stringify(field)} is not a number of metres`);
  return v === 0 ? null : negative ? -v : v;
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
