/**
 * CZML (Cesium's JSON streaming format): an array of packets, the first `{"id":"document","version":"1.0"}`.
 * The track is the packet (packets with the same id are merged, as CZML streams them) with the most
 * time-tagged position samples:
 *   position: { epoch: "<iso>", cartographicDegrees: [t, lon, lat, h, t, lon, lat, h, ...] }  (t seconds after epoch)
 *   position: { cartographicDegrees: ["<iso>", lon, lat, h, ...] }                          (ISO times)
 *   position: { cartesian: [t, x, y, z, ...] }                                              (ECEF metres, FIXED frame)
 * (cartographicRadians is read too; a position may be an array of such intervals.) Heights are above the
 * WGS84 ellipsoid. Other packets with a label and an availability, or with a single point and a
 * description, are events (flightrecon's own export writes its steps so); a timeless single point with a
 * name is a place.
 * flightrecon's own exporter adds `flightrecon: { provenance, altitudeProvenance, halfWidthM, callsign,
 * registration, flightNumber }` to the document or the track packet, the arrays parallel to the samples.
 *
 * Errors name the packet and the index in the position array: `packet "track" position[6]: latitude 91.2 …`.
 */
import { parseIsoTime } from '../time';
import { ImportError, type FileEvent, type FilePlace, type ParsedTrack, type PointProvenance, type TrackPoint, type TrackReader } from '../types';
import { finishLeg } from './common';

const FORMAT_NAME = 'CZML';
const PROGRESS_SAMPLES = 5000;

// WGS84
const A = 6378137;
const F = 1 / 298.257223563;
const B = A * (1 - F);
const E2 = F * (2 - F);
const EP2 = (A * A - B * B) / (B * B);

type Json = Record<string, unknown>;

interface Sample {
  timeMs: number;
  lat: number;
  lon: number;
  h: number;
}

interface Group {
  id: string;
  packets: Json[];
  samples: Sample[];
  /** The last constant (untimed) position of the packet, if any. */
  point?: { lat: number; lon: number; h: number };
}

export const czmlReader: TrackReader = {
  format: 'czml',
  formatName: FORMAT_NAME,
  sniff(head, fileName) {
    try {
      let start = 0;
      while (start < head.length && (head.charCodeAt(start) <= 32 || head.charCodeAt(start) === 0xfeff)) start++;
      if (head[start] !== '[') return 0;
      if (head.includes('"flightrecon-scenario"')) return 0;
      const doc = /"id"\s*:\s*"document"/.test(head);
      const pos = head.includes('"cartographicDegrees"') || head.includes('"cartesian"') || head.includes('"cartographicRadians"');
      let score = doc && pos ? 0.95 : doc ? 0.8 : pos ? 0.5 : 0;
      if (fileName && /\.czml$/i.test(fileName)) score += score > 0 ? 0.05 : 0.1;
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
    if (!Array.isArray(doc)) throw new ImportError('not CZML: the JSON is not an array of packets');

    const groups = new Map<string, Group>();
    let documentPacket: Json | undefined;
    for (let k = 0; k < doc.length; k++) {
      const packet: unknown = doc[k];
      if (!isObject(packet)) throw new ImportError(`packet ${k}: not an object`, `packet ${k}`);
      const id = typeof packet.id === 'string' ? packet.id : `#${k}`;
      if (id === 'document') {
        documentPacket = { ...documentPacket, ...packet };
        continue;
      }
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { id, packets: [], samples: [] }));
      group.packets.push(packet);
      const position = packet.position;
      if (position === undefined || position === null) continue;
      const intervals = Array.isArray(position) ? position : [position];
      for (let j = 0; j < intervals.length; j++) {
        const pos: unknown = intervals[j];
        if (!isObject(pos)) continue;
        const where = Array.isArray(position) ? `packet ${JSON.stringify(id)} position[${j}]` : `packet ${JSON.stringify(id)} position`;
        readPosition(pos, where, group, (f) => progress?.(Math.min(0.9, f)));
      }
    }

    let track: Group | undefined;
    let moving = 0;
    for (const g of groups.values()) {
      if (g.samples.length === 0) continue;
      moving++;
      if (!track || g.samples.length > track.samples.length) track = g;
    }
    if (!track) throw new ImportError('no positions found: no packet has a time-tagged position (cartographicDegrees or cartesian)');

    const notes: string[] = [];
    const name = track.packets.map((p) => p.name).find((v): v is string => typeof v === 'string');
    notes.push(`Track from packet ${JSON.stringify(track.id)}${name && name !== track.id ? ` (${name})` : ''}, ${track.samples.length} samples.`);
    if (moving > 1)
      notes.push(`${moving - 1} other packet${moving > 2 ? 's' : ''} with a time-tagged position ignored (the track is the one with most samples).`);

    const points: TrackPoint[] = track.samples.map((s) => ({ timeMs: s.timeMs, lat: s.lat, lon: s.lon, altitudeM: s.h }));

    // flightrecon's own export: provenance and corridor width per sample, identity.
    const meta: Json = {};
    for (const src of [documentPacket?.flightrecon, ...track.packets.map((p) => p.flightrecon)]) if (isObject(src)) Object.assign(meta, src);
    const own = Object.keys(meta).length > 0;
    const parallel = (key: string): unknown[] | undefined => {
      const v = meta[key];
      if (v === undefined) return undefined;
      if (!Array.isArray(v) || v.length !== points.length) {
        notes.push(`flightrecon.${key} ignored: ${Array.isArray(v) ? `${v.length} values for ${points.length} samples` : 'not an array'}.`);
        return undefined;
      }
      return v;
    };
    const provenance = parallel('provenance');
    const altitudeProvenance = parallel('altitudeProvenance');
    const halfWidth = parallel('halfWidthM');
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      if (provenance && isProvenance(provenance[i])) p.provenance = provenance[i] as PointProvenance;
      if (altitudeProvenance && isProvenance(altitudeProvenance[i])) p.altitudeProvenance = altitudeProvenance[i] as PointProvenance;
      const w = halfWidth?.[i];
      if (typeof w === 'number' && Number.isFinite(w) && w >= 0) p.halfWidthM = w;
    }

    // Events (labels with availability, described single points) and places (named timeless points).
    const events: FileEvent[] = [];
    const places: FilePlace[] = [];
    for (const g of groups.values()) {
      if (g === track || g.samples.length > 0) continue;
      const merged: Json = Object.assign({}, ...g.packets);
      const where = `packet ${JSON.stringify(g.id)}`;
      const label = isObject(merged.label) ? stringValue(merged.label.text) : undefined;
      const description = stringValue(merged.description);
      const title = label ?? (typeof merged.name === 'string' ? merged.name : undefined) ?? g.id;
      const start = availabilityStart(merged.availability, where);
      if ((label !== undefined && start !== undefined) || (g.point && description !== undefined)) {
        if (start !== undefined) {
          const event: FileEvent = { timeMs: start, title };
          if (description !== undefined) event.text = description;
          if (g.point) {
            event.lat = g.point.lat;
            event.lon = g.point.lon;
          }
          events.push(event);
          continue;
        }
      }
      if (g.point && (label !== undefined || typeof merged.name === 'string'))
        places.push({ name: title, lat: g.point.lat, lon: g.point.lon, kind: 'waypoint' });
    }
    events.sort((a, b) => a.timeMs - b.timeMs);

    const leg = finishLeg(points, notes);
    progress?.(1);
    const result: ParsedTrack = {
      format: 'czml',
      formatName: FORMAT_NAME,
      legs: [{ points: leg }],
      altitude:
        meta.altitudeReference === 'msl'
          ? {
              kind: 'unknown',
              datum: 'msl',
              unit: 'm',
              note: 'Altitudes in metres above mean sea level, as flightrecon exported them (its "altitudeReference": "msl").',
            }
          : {
              kind: 'gnss',
              datum: 'ellipsoid',
              unit: 'm',
              note: 'Geometric heights in metres above the WGS84 ellipsoid (CZML positions), read as written.',
            },
      places,
      events,
      notes,
    };
    if (own) notes.push('Written by flightrecon: sample provenance and corridor widths read from its "flightrecon" property.');
    for (const key of ['callsign', 'registration', 'flightNumber'] as const) {
      const v = meta[key];
      if (typeof v === 'string' && v.trim()) result[key] = v.trim();
    }
    return result;
  },
};

/** Reads one position object into the group (time-tagged samples, or its constant point). */
function readPosition(pos: Json, where: string, group: Group, progress: (f: number) => void): void {
  let values: unknown;
  let kind: 'deg' | 'rad' | 'ecef';
  if (Array.isArray(pos.cartographicDegrees)) {
    values = pos.cartographicDegrees;
    kind = 'deg';
  } else if (Array.isArray(pos.cartographicRadians)) {
    values = pos.cartographicRadians;
    kind = 'rad';
  } else if (Array.isArray(pos.cartesian)) {
    values = pos.cartesian;
    kind = 'ecef';
    if (pos.referenceFrame === 'INERTIAL') throw new ImportError(`${where}: cartesian positions in the INERTIAL frame are not supported (only FIXED)`, where);
  } else return;
  const arr = values as unknown[];
  const at = (i: number) => `${where}[${i}]`;
  const fail = (i: number, what: string) => new ImportError(`${at(i)}: ${what}`, at(i));
  const numberAt = (i: number, what: string): number => {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw fail(i, `${what} ${JSON.stringify(v)} is not a number`);
    return v;
  };
  const toLatLonH = (i: number): { lat: number; lon: number; h: number } => {
    const a = numberAt(i, kind === 'ecef' ? 'x' : 'longitude');
    const b = numberAt(i + 1, kind === 'ecef' ? 'y' : 'latitude');
    const c = numberAt(i + 2, kind === 'ecef' ? 'z' : 'height');
    if (kind === 'ecef') {
      const r = Math.hypot(a, b, c);
      if (r < 6.0e6) throw fail(i, `cartesian (${a}, ${b}, ${c}) is ${Math.round(r / 1000)} km from the Earth's centre, below the surface`);
      return ecefToGeodetic(a, b, c);
    }
    const lon = kind === 'rad' ? (a * 180) / Math.PI : a;
    const lat = kind === 'rad' ? (b * 180) / Math.PI : b;
    if (lat < -90 || lat > 90) throw fail(i + 1, `latitude ${lat} is out of range (-90..90)`);
    if (lon < -180 || lon > 180) throw fail(i, `longitude ${lon} is out of range (-180..180)`);
    return { lat, lon, h: c };
  };

  if (arr.length === 3) {
    group.point = toLatLonH(0);
    return;
  }
  if (arr.length === 0 || arr.length % 4 !== 0) {
    throw new ImportError(`${where}: ${arr.length} values are neither one [lon, lat, height] nor [time, lon, lat, height] samples`, where);
  }
  let epochMs: number | null = null;
  if (pos.epoch !== undefined) {
    epochMs = typeof pos.epoch === 'string' ? parseIsoTime(pos.epoch) : null;
    if (epochMs === null) throw new ImportError(`${where}: epoch ${JSON.stringify(pos.epoch)} is not an ISO 8601 time`, where);
  }
  for (let i = 0; i < arr.length; i += 4) {
    if (i % (PROGRESS_SAMPLES * 4) === 0 && i > 0) progress(i / arr.length);
    const t = arr[i];
    let timeMs: number | null;
    if (typeof t === 'number') {
      if (!Number.isFinite(t)) throw fail(i, `time ${t} is not a number of seconds`);
      if (epochMs === null) throw fail(i, `time ${t} is in seconds but the position has no epoch`);
      timeMs = epochMs + Math.round(t * 1000);
    } else if (typeof t === 'string') {
      timeMs = parseIsoTime(t);
      if (timeMs === null) throw fail(i, `time ${JSON.stringify(t)} is not an ISO 8601 time`);
    } else throw fail(i, `time ${JSON.stringify(t)} is neither seconds after the epoch nor an ISO 8601 time`);
    const { lat, lon, h } = toLatLonH(i + 1);
    group.samples.push({ timeMs, lat, lon, h });
  }
}

/** ECEF (metres) → WGS84 geodetic: Bowring's formula with two refinements (sub-millimetre for flight heights). */
export function ecefToGeodetic(x: number, y: number, z: number): { lat: number; lon: number; h: number } {
  const p = Math.hypot(x, y);
  const lon = Math.atan2(y, x);
  const theta = Math.atan2(z * A, p * B);
  let lat = Math.atan2(z + EP2 * B * Math.sin(theta) ** 3, p - E2 * A * Math.cos(theta) ** 3);
  for (let k = 0; k < 2; k++) {
    const sin = Math.sin(lat);
    const n = A / Math.sqrt(1 - E2 * sin * sin);
    lat = Math.atan2(z + E2 * n * sin, p);
  }
  const sin = Math.sin(lat);
  const cos = Math.cos(lat);
  // Stable at all latitudes (no division by cos lat).
  const h = p * cos + z * sin - A * Math.sqrt(1 - E2 * sin * sin);
  return { lat: (lat * 180) / Math.PI, lon: (lon * 180) / Math.PI, h };
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isProvenance(v: unknown): boolean {
  return v === 'measured' || v === 'reported' || v === 'inferred';
}

/** A CZML string property: "text" or { string: "text" }. */
function stringValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isObject(v) && typeof v.string === 'string') return v.string;
  return undefined;
}

/** Start of `availability` ("start/stop" or an array of such intervals); undefined if none. */
function availabilityStart(v: unknown, where: string): number | undefined {
  const interval = Array.isArray(v) ? v[0] : v;
  if (interval === undefined || interval === null) return undefined;
  if (typeof interval !== 'string')
    throw new ImportError(`${where} availability: ${JSON.stringify(interval)} is not an ISO 8601 interval`, `${where} availability`);
  const start = interval.split('/')[0]!;
  const ms = parseIsoTime(start);
  if (ms === null) throw new ImportError(`${where} availability: start ${JSON.stringify(start)} is not an ISO 8601 time`, `${where} availability`);
  return ms;
}
