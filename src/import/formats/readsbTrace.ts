/**
 * readsb / tar1090 trace JSON (`trace_full_<icao>.json`, `trace_recent_<icao>.json`):
 *   { icao, r, t, desc, timestamp, trace: [[dt, lat, lon, alt, gs, track, flags, vrate, obj, source,
 *     geom_alt, geom_rate, ias, roll], ...] }
 * Time of a row = timestamp + dt (seconds). alt: barometric feet, "ground" or null; gs knots; track degrees
 * (the true heading while on the ground); vrate ft/min; geom_alt feet above the WGS84 ellipsoid.
 * flags: 1 stale, 2 start of a new leg, 4 vertical rate is geometric, 8 alt is geometric.
 * Rows may be shorter than 14 entries (older readsb); missing entries are nulls.
 */
import { FPM, FT, ImportError, KT, type ParsedTrack, type TrackLeg, type TrackPoint, type TrackReader } from '../types';
import { finishLeg } from './common';

const FORMAT_NAME = 'readsb / tar1090 trace JSON';
const FLAG_NEW_LEG = 2;
const FLAG_ALT_GEOMETRIC = 8;
const PROGRESS_ROWS = 5000;

export const readsbTraceReader: TrackReader = {
  format: 'readsb-json',
  formatName: FORMAT_NAME,
  sniff(head, fileName) {
    try {
      const start = head.search(/\S/);
      if (start < 0 || head[start] !== '{') return 0;
      if (head.includes('"flightrecon-scenario"')) return 0;
      let score = 0;
      if (head.includes('"trace"') && head.includes('"icao"')) score = head.includes('"timestamp"') ? 0.95 : 0.85;
      if (fileName && /trace_(full|recent)_/i.test(fileName)) score += 0.05;
      return Math.min(1, score);
    } catch {
      return 0;
    }
  },
  parse(text, progress) {
    if (text.trim() === '') throw new ImportError('the file is empty: no positions found');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new ImportError(`not valid JSON: ${(e as Error).message}`);
    }
    if (!isObject(doc)) throw new ImportError('not a readsb trace: the JSON is not an object');
    const trace = doc.trace;
    if (!Array.isArray(trace)) throw new ImportError('not a readsb trace: no "trace" array');
    const base = typeof doc.timestamp === 'number' ? doc.timestamp : Number(doc.timestamp);
    if (!Number.isFinite(base) || base <= 0 || base > 4.1e9)
      throw new ImportError(`timestamp ${JSON.stringify(doc.timestamp)} is not a Unix time`, 'timestamp');
    if (trace.length === 0) throw new ImportError('no positions found: the trace is empty');

    const err = (i: number, what: string): ImportError => new ImportError(`trace[${i}]: ${what}`, `trace[${i}]`);
    const numOrNull = (i: number, v: unknown, what: string): number | null => {
      if (v === null || v === undefined) return null;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw err(i, `${what} ${JSON.stringify(v)} is not a number`);
      return v;
    };

    // First pass: which altitude do most rows carry? (flag 8 = the alt entry is geometric, not barometric)
    let baroRows = 0;
    let geomRows = 0;
    for (const row of trace) {
      if (!Array.isArray(row) || typeof row[3] !== 'number') continue;
      if ((Number(row[6]) & FLAG_ALT_GEOMETRIC) !== 0) geomRows++;
      else baroRows++;
    }
    const useGeom = geomRows > baroRows;

    const legs: TrackLeg[] = [];
    let points: TrackPoint[] = [];
    let noAlt = 0;
    const callsignCounts = new Map<string, number>();
    for (let i = 0; i < trace.length; i++) {
      if (progress && i % PROGRESS_ROWS === 0 && i > 0) progress((0.9 * i) / trace.length);
      const row: unknown = trace[i];
      if (!Array.isArray(row)) throw err(i, `${JSON.stringify(row)?.slice(0, 40)} is not an array`);
      if (row.length < 3) throw err(i, `${row.length} entries; at least [dt, lat, lon] are needed`);
      const dt = row[0];
      if (typeof dt !== 'number' || !Number.isFinite(dt)) throw err(i, `time offset ${JSON.stringify(dt)} is not a number of seconds`);
      const lat = row[1];
      const lon = row[2];
      if (typeof lat !== 'number' || !Number.isFinite(lat)) throw err(i, `latitude ${JSON.stringify(lat)} is not a number`);
      if (typeof lon !== 'number' || !Number.isFinite(lon)) throw err(i, `longitude ${JSON.stringify(lon)} is not a number`);
      if (lat < -90 || lat > 90) throw err(i, `latitude ${lat} is out of range (-90..90)`);
      if (lon < -180 || lon > 180) throw err(i, `longitude ${lon} is out of range (-180..180)`);
      const flags = row.length > 6 ? (numOrNull(i, row[6], 'flags') ?? 0) : 0;
      if ((flags & FLAG_NEW_LEG) !== 0 && points.length > 0) {
        legs.push({ points });
        points = [];
      }
      const point: TrackPoint = { timeMs: Math.round((base + dt) * 1000), lat, lon, altitudeM: null };
      const alt = row[3];
      const altIsGeom = (flags & FLAG_ALT_GEOMETRIC) !== 0;
      if (alt === 'ground') point.onGround = true;
      else {
        const ft = numOrNull(i, alt, 'altitude');
        if (ft !== null && altIsGeom === useGeom) point.altitudeM = ft * FT;
        else if (useGeom) {
          const geom = numOrNull(i, row[10], 'geometric altitude');
          if (geom !== null) point.altitudeM = geom * FT;
        }
        if (point.altitudeM === null && ft !== null) noAlt++;
      }
      const gs = numOrNull(i, row[4], 'ground speed');
      if (gs !== null) point.groundSpeedMps = gs * KT;
      const track = numOrNull(i, row[5], 'track');
      if (track !== null) point.trackDeg = track >= 0 && track < 360 ? track : ((track % 360) + 360) % 360;
      const vrate = numOrNull(i, row[7], 'vertical rate');
      if (vrate !== null) point.verticalRateMps = vrate * FPM;
      const obj: unknown = row[8];
      if (isObject(obj) && typeof obj.flight === 'string') {
        const cs = obj.flight.trim();
        if (cs) callsignCounts.set(cs, (callsignCounts.get(cs) ?? 0) + 1);
      }
      points.push(point);
    }
    if (points.length > 0) legs.push({ points });

    const notes: string[] = [];
    let unsorted = 0;
    let dropped = 0;
    for (const leg of legs) {
      const legNotes: string[] = [];
      const before = leg.points.length;
      leg.points = finishLeg(leg.points, legNotes);
      if (legNotes.some((s) => s.startsWith('The fixes were not'))) unsorted++;
      dropped += before - leg.points.length;
    }
    if (legs.length > 1) legs.forEach((leg, k) => (leg.label = `Leg ${k + 1}`));
    if (legs.length > 1) notes.push(`The trace marks ${legs.length - 1} new-leg start${legs.length > 2 ? 's' : ''}: ${legs.length} legs.`);
    if (unsorted > 0) notes.push('Some fixes were not in time order; they were sorted by time.');
    if (dropped > 0) notes.push(`${plural(dropped, 'fix', 'fixes')} with a duplicate timestamp dropped (the first of each was kept).`);
    if (noAlt > 0) {
      notes.push(
        useGeom
          ? `${plural(noAlt, 'fix carries', 'fixes carry')} only a barometric altitude; left without altitude (the file is read as geometric).`
          : `${plural(noAlt, 'fix carries', 'fixes carry')} a geometric altitude (flag 8) instead of a barometric one; left without altitude.`,
      );
    }

    let callsign: string | undefined;
    let best = 0;
    for (const [cs, c] of callsignCounts) {
      if (c > best) {
        best = c;
        callsign = cs;
      }
    }
    if (callsignCounts.size > 1) notes.push(`Several callsigns (${[...callsignCounts.keys()].join(', ')}); the most frequent, ${callsign}, is used.`);

    progress?.(1);
    const result: ParsedTrack = {
      format: 'readsb-json',
      formatName: FORMAT_NAME,
      legs,
      altitude: useGeom
        ? {
            kind: 'gnss',
            datum: 'ellipsoid',
            unit: 'ft',
            note: 'Geometric (GNSS) altitude in feet above the WGS84 ellipsoid (most rows are flagged geometric), converted to metres.',
          }
        : {
            kind: 'barometric',
            datum: 'msl',
            unit: 'ft',
            note: 'Barometric altitude in feet (1013.25 hPa) from the trace rows, converted to metres; "ground" rows are on the ground without altitude.',
          },
      places: [],
      events: [],
      notes,
    };
    const icao = typeof doc.icao === 'string' ? doc.icao.trim() : '';
    if (icao) result.icao24 = icao.toLowerCase();
    if (typeof doc.r === 'string' && doc.r.trim()) result.registration = doc.r.trim();
    if (typeof doc.t === 'string' && doc.t.trim()) result.aircraftType = doc.t.trim();
    if (callsign) result.callsign = callsign;
    return result;
  },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
