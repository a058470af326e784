/**
 * ADS-B state vectors as CSV, in two dialects:
 *  - OpenSky (Impala `state_vectors_data4` / historical exports):
 *      time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,baroaltitude,geoaltitude,lastposupdate,lastcontact
 *    Unix seconds, m/s, degrees, m/s, metres; onground true/false; empty fields are nulls.
 *  - the Python `traffic` library (`Flight.to_csv()`):
 *      timestamp,icao24,latitude,longitude,groundspeed,track,vertical_rate,callsign,onground,...,altitude,geoaltitude,...
 *    ISO times (`2024-12-25 05:13:31+00:00`), feet, knots, ft/min; column order varies, extra columns allowed
 *    (pandas may add an unnamed index column first).
 * Columns are found by name. One altitude column is used for the whole file (barometric when at least half of
 * the fixes have it, otherwise geometric), so the track never mixes pressure and GNSS heights.
 */
import { parseIsoTime, parseUnixSeconds } from '../time';
import { FPM, FT, ImportError, KT, type AltitudeMeaning, type ParsedTrack, type TrackFormat, type TrackPoint, type TrackReader } from '../types';
import { csvRowLine, decimal, firstLine, quote, readCsv } from './fr24Csv';
import { count, finishLeg } from './common';

interface Dialect {
  format: TrackFormat;
  formatName: string;
  time: string;
  lat: string;
  lon: string;
  speed: string;
  track: string;
  vrate: string;
  baro: string;
  geo: string;
  speedFactor: number;
  vrateFactor: number;
  altFactor: number;
  unit: 'ft' | 'm';
  speedUnit: string;
}

const OPENSKY: Dialect = {
  format: 'opensky-csv',
  formatName: 'OpenSky state vectors CSV',
  time: 'time',
  lat: 'lat',
  lon: 'lon',
  speed: 'velocity',
  track: 'heading',
  vrate: 'vertrate',
  baro: 'baroaltitude',
  geo: 'geoaltitude',
  speedFactor: 1,
  vrateFactor: 1,
  altFactor: 1,
  unit: 'm',
  speedUnit: 'm/s',
};

const TRAFFIC: Dialect = {
  format: 'traffic-csv',
  formatName: 'traffic (Python) CSV',
  time: 'timestamp',
  lat: 'latitude',
  lon: 'longitude',
  speed: 'groundspeed',
  track: 'track',
  vrate: 'vertical_rate',
  baro: 'altitude',
  geo: 'geoaltitude',
  speedFactor: KT,
  vrateFactor: FPM,
  altFactor: FT,
  unit: 'ft',
  speedUnit: 'knots',
};

const PROGRESS_ROWS = 5000;

export const openskyCsvReader: TrackReader = {
  format: OPENSKY.format,
  formatName: OPENSKY.formatName,
  sniff: (head, fileName) => sniffDialect(OPENSKY, head, fileName),
  parse: (text, progress) => parseStates(OPENSKY, text, progress),
};

export const trafficCsvReader: TrackReader = {
  format: TRAFFIC.format,
  formatName: TRAFFIC.formatName,
  sniff: (head, fileName) => sniffDialect(TRAFFIC, head, fileName),
  parse: (text, progress) => parseStates(TRAFFIC, text, progress),
};

function headerNames(head: string): Set<string> {
  return new Set(
    firstLine(head)
      .split(',')
      .map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase()),
  );
}

function sniffDialect(d: Dialect, head: string, fileName?: string): number {
  try {
    const names = headerNames(head);
    let score = 0;
    if (names.has(d.time) && names.has('icao24') && names.has(d.lat) && names.has(d.lon)) {
      score = names.has(d.baro) || names.has(d.geo) || names.has(d.speed) ? 0.95 : 0.85;
    }
    if (fileName && /\.csv$/i.test(fileName)) score += 0.05;
    return Math.min(1, score);
  } catch {
    return 0;
  }
}

/** Empty values as OpenSky, pandas and Impala write them. */
function isNull(s: string | undefined): s is undefined {
  return s === undefined || s === '' || s === 'NaN' || s === 'nan' || s === 'null' || s === 'NULL' || s === 'None' || s === '\\N';
}

function parseStates(d: Dialect, text: string, progress?: (fraction: number) => void): ParsedTrack {
  const { fields, rows, headerLine } = readCsv(text, d.formatName);
  const iTime = fields.indexOf(d.time);
  const iLat = fields.indexOf(d.lat);
  const iLon = fields.indexOf(d.lon);
  for (const [need, i] of [
    [d.time, iTime],
    [d.lat, iLat],
    [d.lon, iLon],
  ] as const) {
    if (i < 0)
      throw new ImportError(
        `line ${headerLine}: column "${need}" is missing from the ${d.formatName} header (found "${fields.join(',')}")`,
        `line ${headerLine}`,
      );
  }
  const iIcao = fields.indexOf('icao24');
  const iCallsign = fields.indexOf('callsign');
  const iOnGround = fields.indexOf('onground');
  const iSpeed = fields.indexOf(d.speed);
  const iTrack = fields.indexOf(d.track);
  const iVrate = fields.indexOf(d.vrate);
  const iBaro = fields.indexOf(d.baro);
  const iGeo = fields.indexOf(d.geo);
  const n = rows.length;
  if (n === 0) throw new ImportError(`no positions found: the file has a header (line ${headerLine}) but no rows`);
  const width = fields.length;
  const hasBaro = iBaro >= 0;
  const hasGeo = iGeo >= 0;
  const err = (i: number, what: string): ImportError => {
    const line = csvRowLine(text, i);
    return new ImportError(`line ${line}: ${what}`, `line ${line}`);
  };
  const num = (i: number, s: string, what: string): number => {
    const v = decimal(s, 0, s.length);
    if (Number.isNaN(v)) throw err(i, `${what} ${quote(s)} is not a number`);
    return v;
  };
  const cell = (row: string[], k: number): string | undefined => (k >= 0 ? row[k] : undefined);

  // Parallel arrays for what is decided after the whole file is read (aircraft, altitude column).
  const points: TrackPoint[] = [];
  const icaos: string[] = [];
  const callsigns: (string | undefined)[] = [];
  const baro: (number | null)[] = [];
  const geo: (number | null)[] = [];
  let noPosition = 0;

  for (let i = 0; i < n; i++) {
    if (progress && i % PROGRESS_ROWS === 0 && i > 0) progress((0.9 * i) / n);
    const row = rows[i]!;
    if (row.length !== width) throw err(i, `expected ${width} fields as in the header but found ${row.length}`);
    const t = row[iTime];
    if (isNull(t)) throw err(i, `no time (${d.time} is empty)`);
    const timeMs = t.length >= 10 && t.charCodeAt(4) === 45 /* - */ ? parseIsoTime(t) : parseUnixSeconds(t);
    if (timeMs === null) throw err(i, `time ${quote(t)} is not a ${d === OPENSKY ? 'Unix time' : 'Unix or ISO 8601 time'}`);
    const latS = row[iLat];
    const lonS = row[iLon];
    if (isNull(latS) || isNull(lonS)) {
      noPosition++;
      continue;
    }
    const lat = num(i, latS, 'latitude');
    const lon = num(i, lonS, 'longitude');
    if (lat < -90 || lat > 90) throw err(i, `latitude ${lat} is out of range (-90..90)`);
    if (lon < -180 || lon > 180) throw err(i, `longitude ${lon} is out of range (-180..180)`);
    const point: TrackPoint = { timeMs, lat, lon, altitudeM: null };
    const og = cell(row, iOnGround);
    if (!isNull(og)) {
      if (og === 'true' || og === 'True' || og === 'TRUE' || og === '1') point.onGround = true;
      else if (og === 'false' || og === 'False' || og === 'FALSE' || og === '0') point.onGround = false;
      else throw err(i, `onground ${quote(og)} is not true or false`);
    }
    const sp = cell(row, iSpeed);
    if (!isNull(sp)) point.groundSpeedMps = num(i, sp, d.speed) * d.speedFactor;
    const tr = cell(row, iTrack);
    if (!isNull(tr)) {
      const deg = num(i, tr, d.track);
      point.trackDeg = deg >= 0 && deg < 360 ? deg : ((deg % 360) + 360) % 360;
    }
    const vr = cell(row, iVrate);
    if (!isNull(vr)) point.verticalRateMps = num(i, vr, d.vrate) * d.vrateFactor;
    const b = cell(row, iBaro);
    baro.push(isNull(b) ? null : num(i, b, d.baro));
    const g = cell(row, iGeo);
    geo.push(isNull(g) ? null : num(i, g, d.geo));
    icaos.push((cell(row, iIcao) ?? '').trim().toLowerCase());
    callsigns.push(cell(row, iCallsign));
    points.push(point);
  }
  if (points.length === 0) throw new ImportError(`no positions found: none of the ${n} rows has a ${d.lat}/${d.lon}`);

  const notes: string[] = [];
  if (noPosition > 0) notes.push(`${count(noPosition, 'row')} without ${d.lat}/${d.lon} skipped.`);

  // Several aircraft: keep the one with most fixes.
  const counts = new Map<string, number>();
  for (const icao of icaos) counts.set(icao, (counts.get(icao) ?? 0) + 1);
  let icao24 = icaos[0]!;
  for (const [k, c] of counts) if (c > counts.get(icao24)!) icao24 = k;
  const several = counts.size > 1;
  if (several) {
    const list = [...counts].sort((a, b) => b[1] - a[1]).map(([k, c]) => `${k.trim() || '(none)'} ${c}`);
    notes.push(`The file has ${counts.size} aircraft (icao24: ${list.join(', ')} fixes); only ${icao24.trim()} (most fixes) is read.`);
  }

  const kept: TrackPoint[] = [];
  let baroCount = 0;
  let geoCount = 0;
  const csCounts = new Map<string, number>();
  for (let k = 0; k < points.length; k++) {
    if (several && icaos[k] !== icao24) continue;
    if (baro[k] !== null) baroCount++;
    if (geo[k] !== null) geoCount++;
    const cs = callsigns[k]?.trim();
    if (cs && !isNull(cs)) csCounts.set(cs, (csCounts.get(cs) ?? 0) + 1);
    kept.push(points[k]!);
  }
  const useGeo = hasGeo && (!hasBaro || (baroCount * 2 < kept.length && geoCount > baroCount));
  const column = useGeo ? d.geo : d.baro;
  const source = useGeo ? geo : baro;
  let withAlt = 0;
  for (let k = 0, j = 0; k < points.length; k++) {
    if (several && icaos[k] !== icao24) continue;
    const v = source[k];
    if (v !== null && v !== undefined) {
      kept[j]!.altitudeM = v * d.altFactor;
      withAlt++;
    }
    j++;
  }
  const unitWord = d.unit === 'ft' ? 'feet' : 'metres';
  let altitude: AltitudeMeaning;
  if (!hasBaro && !hasGeo) {
    altitude = { kind: 'unknown', datum: 'unknown', unit: d.unit, note: `The file has no ${d.baro} or ${d.geo} column: no altitudes.` };
  } else if (useGeo) {
    altitude = {
      kind: 'gnss',
      datum: 'ellipsoid',
      unit: d.unit,
      note: `Geometric (GNSS) altitude from the ${column} column in ${unitWord} (ADS-B geometric height, above the WGS84 ellipsoid)${d.unit === 'ft' ? ', converted to metres' : ''}, used for the whole file because ${d.baro} is ${hasBaro ? 'empty in most rows' : 'missing'}.`,
    };
  } else {
    altitude = {
      kind: 'barometric',
      datum: 'msl',
      unit: d.unit,
      note: `Barometric altitude from the ${column} column in ${unitWord} (1013.25 hPa)${d.unit === 'ft' ? ', converted to metres' : ''}, used for the whole file.`,
    };
  }
  if ((hasBaro || hasGeo) && withAlt < kept.length)
    notes.push(`${count(kept.length - withAlt, 'fix has', 'fixes have')} no ${column}; their altitude is unknown.`);

  let callsign: string | undefined;
  let best = 0;
  for (const [cs, c] of csCounts) {
    if (c > best) {
      best = c;
      callsign = cs;
    }
  }
  if (csCounts.size > 1) notes.push(`Several callsigns (${[...csCounts.keys()].join(', ')}); the most frequent, ${callsign}, is used.`);

  const leg = finishLeg(kept, notes);
  progress?.(1);
  const result: ParsedTrack = {
    format: d.format,
    formatName: d.formatName,
    legs: [{ points: leg }],
    altitude,
    places: [],
    events: [],
    notes,
  };
  if (icao24.trim()) result.icao24 = icao24.trim().toLowerCase();
  if (callsign) result.callsign = callsign;
  return result;
}
