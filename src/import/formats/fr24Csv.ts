/**
 * Flightradar24 CSV ("Download CSV" of a flight):
 *   Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction
 *   1735098900,2024-12-25T03:55:00Z,AHY8243,"40.4675,50.0467",0,12,340
 * Older exports have six columns (no UTC). Timestamp is Unix seconds (the UTC column is only read when
 * Timestamp is empty); Position is a quoted "lat,lon"; Altitude is barometric feet (1013.25 hPa) and 0 on
 * the ground; Speed is ground speed in knots; Direction is the track in degrees true.
 *
 * papaparse splits the CSV (see readCsv: array rows, columns found by their header names); the row loop
 * is kept allocation-light (one object per fix, no regex, no substring for numbers, no Date.parse)
 * because FR24 files of a long flight have tens of thousands of rows.
 */
import Papa from 'papaparse';
import { parseIsoTime } from '../time';
import { FT, ImportError, KT, type ParsedTrack, type TrackPoint, type TrackReader } from '../types';
import { count, finishLeg } from './common';

const FORMAT_NAME = 'Flightradar24 CSV';
const HEADER_NEW = 'timestamp,utc,callsign,position,altitude,speed,direction';
const HEADER_OLD = 'timestamp,callsign,position,altitude,speed,direction';
const PROGRESS_ROWS = 5000;

export const fr24CsvReader: TrackReader = {
  format: 'fr24-csv',
  formatName: FORMAT_NAME,
  sniff(head, fileName) {
    try {
      const header = firstLine(head).toLowerCase().replace(/[\s"]/g, '');
      let score = 0;
      if (header === HEADER_NEW || header === HEADER_OLD) score = 0.95;
      else if (header.startsWith('timestamp,') && header.includes(',position,') && header.includes(',callsign,')) score = 0.6;
      if (fileName && /\.csv$/i.test(fileName)) score += 0.05;
      return Math.min(1, score);
    } catch {
      return 0;
    }
  },
  parse(text, progress) {
    const { fields, rows, headerLine } = readCsv(text, FORMAT_NAME);
    const col = (name: string) => fields.indexOf(name.toLowerCase());
    const iTime = col('Timestamp');
    const iUtc = col('UTC');
    const iCallsign = col('Callsign');
    const iPos = col('Position');
    const iAlt = col('Altitude');
    const iSpeed = col('Speed');
    const iDir = col('Direction');
    for (const [need, i] of [
      ['Timestamp', iTime],
      ['Position', iPos],
      ['Altitude', iAlt],
    ] as const) {
      if (i < 0) {
        throw new ImportError(
          `line ${headerLine}: column "${need}" is missing; a Flightradar24 CSV starts with Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction (found "${fields.join(',')}")`,
          `line ${headerLine}`,
        );
      }
    }
    const n = rows.length;
    if (n === 0) throw new ImportError(`no positions found: the file has a header (line ${headerLine}) but no rows`);
    const width = fields.length;
    const points: TrackPoint[] = [];
    let callsign: string | undefined;
    let otherCallsigns = 0;
    let groundRows = 0;
    const err = (i: number, what: string): ImportError => {
      const line = csvRowLine(text, i);
      return new ImportError(`line ${line}: ${what}`, `line ${line}`);
    };
    for (let i = 0; i < n; i++) {
      if (progress && i % PROGRESS_ROWS === 0 && i > 0) progress(i / n);
      const row = rows[i]!;
      if (row.length !== width) throw err(i, `expected ${width} fields as in the header but found ${row.length}`);
      const ts = row[iTime]!;
      let timeMs: number | null;
      if (ts !== '') {
        const sec = decimal(ts, 0, ts.length);
        if (!(sec > 0 && sec <= 4.1e9)) throw err(i, `time ${quote(ts)} is not a Unix time`);
        timeMs = Math.round(sec * 1000);
      } else {
        const utc = iUtc >= 0 ? row[iUtc]! : '';
        if (!utc) throw err(i, 'no time (Timestamp and UTC are empty)');
        timeMs = parseIsoTime(utc);
        if (timeMs === null) throw err(i, `time ${quote(utc)} is not an ISO 8601 UTC time`);
      }
      const pos = row[iPos]!;
      if (!pos) throw err(i, 'no position (Position is empty)');
      const comma = pos.indexOf(',');
      if (comma <= 0 || comma === pos.length - 1) throw err(i, `position ${quote(pos)} is not "lat,lon"`);
      const lat = decimal(pos, 0, comma);
      const lon = decimal(pos, comma + 1, pos.length);
      if (Number.isNaN(lat)) throw err(i, `latitude ${quote(pos.slice(0, comma))} is not a number`);
      if (Number.isNaN(lon)) throw err(i, `longitude ${quote(pos.slice(comma + 1))} is not a number`);
      if (lat < -90 || lat > 90) throw err(i, `latitude ${lat} is out of range (-90..90)`);
      if (lon < -180 || lon > 180) throw err(i, `longitude ${lon} is out of range (-180..180)`);

      let altitudeM: number | null = null;
      let onGround = false;
      const alt = row[iAlt]!;
      if (alt !== '') {
        const ft = decimal(alt, 0, alt.length);
        if (Number.isNaN(ft)) throw err(i, `altitude ${quote(alt)} is not a number`);
        // FR24 writes 0 on the ground (and below the lowest level it reports): not a height.
        if (ft === 0) onGround = true;
        else altitudeM = ft * FT;
      }
      let speedMps = NaN;
      const speed = iSpeed >= 0 ? row[iSpeed]! : '';
      if (speed !== '') {
        const kt = decimal(speed, 0, speed.length);
        if (!(kt >= 0)) throw err(i, `speed ${quote(speed)} is not a speed in knots`);
        speedMps = kt * KT;
      }
      let trackDeg = NaN;
      const dir = iDir >= 0 ? row[iDir]! : '';
      if (dir !== '') {
        trackDeg = decimal(dir, 0, dir.length);
        if (Number.isNaN(trackDeg)) throw err(i, `direction ${quote(dir)} is not a number`);
        if (trackDeg < 0 || trackDeg >= 360) trackDeg = ((trackDeg % 360) + 360) % 360;
      }
      // One object literal per fix (a single hidden class in the common case: speed and direction present).
      let point: TrackPoint;
      if (speedMps === speedMps && trackDeg === trackDeg) point = { timeMs, lat, lon, altitudeM, groundSpeedMps: speedMps, trackDeg };
      else {
        point = { timeMs, lat, lon, altitudeM };
        if (speedMps === speedMps) point.groundSpeedMps = speedMps;
        if (trackDeg === trackDeg) point.trackDeg = trackDeg;
      }
      if (onGround) {
        point.onGround = true;
        groundRows++;
      }
      const cs = iCallsign >= 0 ? row[iCallsign]! : '';
      if (cs !== '' && cs !== callsign) {
        if (callsign === undefined) callsign = cs.trim() || undefined;
        else if (cs.trim() !== callsign) otherCallsigns++;
      }
      points.push(point);
    }

    const notes: string[] = [];
    const leg = finishLeg(points, notes);
    if (groundRows > 0) {
      notes.push(
        `${count(groundRows, 'fix', 'fixes')} with altitude 0 ft marked on the ground: Flightradar24 writes 0 on the ground or below the lowest level it reports; their altitude is left unknown.`,
      );
    }
    if (otherCallsigns > 0) notes.push(`${count(otherCallsigns, 'row')} carry a callsign other than ${callsign}; the first one is used.`);
    if (iUtc < 0) notes.push('Older six-column export (no UTC column); times from the Unix Timestamp column.');
    progress?.(1);
    const result: ParsedTrack = {
      format: 'fr24-csv',
      formatName: FORMAT_NAME,
      legs: [{ points: leg }],
      altitude: {
        kind: 'barometric',
        datum: 'msl',
        unit: 'ft',
        note: 'Barometric altitude in feet (1013.25 hPa) from the Altitude column, converted to metres; 0 ft means on the ground (or below the lowest level FR24 reports).',
      },
      places: [],
      events: [],
      notes,
    };
    if (callsign) result.callsign = callsign;
    return result;
  },
};

// ---- CSV helpers (also used by openskyCsv.ts) ----

/**
 * Splits a CSV with papaparse. Array rows, not papaparse's header mode: the header row gives the
 * column indexes (so column order does not matter), and array rows halve papaparse's own time on
 * large files (header mode builds an object per row). Empty lines are skipped. Throws ImportError
 * for an empty file and for papaparse's quote errors, naming the line.
 */
export function readCsv(text: string, formatName: string): { fields: string[]; rows: string[][]; headerLine: number } {
  if (text.trim() === '') throw new ImportError('the file is empty: no positions found');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, delimiter: ',' });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const line = typeof quoteError.index === 'number' ? lineOfOffset(text, quoteError.index) : csvRowLine(text, (quoteError.row ?? 1) - 1);
    throw new ImportError(`line ${line}: ${quoteError.message.toLowerCase()}`, `line ${line}`);
  }
  const rows = parsed.data;
  const header = rows.shift();
  if (!header) throw new ImportError('the file is empty: no positions found');
  const fields = header.map((h) =>
    h
      .trim()
      .replace(/^\uFEFF/, '')
      .toLowerCase(),
  );
  const headerLine = csvHeaderLine(text);
  if (fields.length < 2) throw new ImportError(`line ${headerLine}: ${quote(header.join(','))} is not a ${formatName} header`, `line ${headerLine}`);
  return { fields, rows, headerLine };
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written in s[start, end), without allocating a substring in the common case (plain
 * decimals of up to 15 digits: integer mantissa / power of ten is then exactly what Number() gives).
 * Anything else (exponents, spaces, junk) goes through Number(); '' gives NaN.
 */
export function decimal(s: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = s.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (dot) scale++;
    } else if (c === 46 && !dot) dot = true;
    else return slowNumber(s, start, end);
  }
  if (digits === 0 || digits > 15) return slowNumber(s, start, end);
  const v = scale === 0 ? mantissa : mantissa / POW10[scale]!;
  return negative ? -v : v;
}

function slowNumber(s: string, start: number, end: number): number {
  const sub = s.slice(start, end);
  return sub.trim() === '' ? NaN : Number(sub);
}

/** The first non-empty line of a text (BOM removed), cheap: no split of the whole text. */
export function firstLine(text: string): string {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '' || end >= text.length) return line;
    start = end + 1;
  }
}

/** 1-based line number of the header (the first non-empty line). */
export function csvHeaderLine(text: string): number {
  return csvRowLine(text, -1);
}

/**
 * 1-based file line of data row `rowIndex` (0 = the first row after the header; -1 = the header) as
 * readCsv numbers them (skipEmptyLines: empty lines are not rows). Only called to word an error, so a scan of the text is fine. Quoted fields spanning
 * lines do not occur in the formats read here.
 */
export function csvRowLine(text: string, rowIndex: number): number {
  let nonEmpty = -2; // the header is non-empty line -1
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) start++;
    if (stop > start) {
      nonEmpty++;
      if (nonEmpty === rowIndex) return line;
    }
    start = end + 1;
  }
  return line;
}

/** 1-based line of character offset `index`. */
export function lineOfOffset(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
