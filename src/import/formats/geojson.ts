/**
 * GeoJSON reader: LineString / MultiLineString features whose properties carry a time per coordinate,
 * as togeojson writes them (`coordinateProperties.times`) or as flightrecon's own export does (`times`,
 * with `provenance`, `altitudeProvenance`, `halfWidthM` parallel to the coordinates). Times are ISO
 * strings or epoch milliseconds. Point features: `kind: "step"` (id, title, time, caption) → events,
 * `kind: "place"` (id, name; optional placeKind airport|waypoint, icao, iata) → places, other Points with
 * a `time`/`timestamp` → fixes, without one → waypoints. Flight facts (callsign, registration,
 * flightNumber, icao24, aircraftType, from, to, altitudeKind, altitudeDatum) are read from the track
 * feature's properties or from a `properties` member of the FeatureCollection.
 */
import { parseIsoTime } from '../time';
import {
  ImportError,
  type AltitudeMeaning,
  type FileEvent,
  type FilePlace,
  type ParsedTrack,
  type PointProvenance,
  type TrackLeg,
  type TrackPoint,
  type TrackReader,
} from '../types';
import { checkAltitude, checkLatLon, finishLeg, hasExtension } from './xml';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const where = `line ${line}`;
      throw new ImportError(`the GeoJSON is not valid JSON at line ${line}, column ${before.length - before.lastIndexOf('\n')}: ${message}`, where);
    }
    throw new ImportError(`the GeoJSON is not valid JSON: ${message}`);
  }
}

/** A time as GeoJSON writers put it: ISO 8601 or epoch milliseconds (epoch seconds recognised and noted). */
function timeOf(value: unknown, where: string, seconds: { count: number }): number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value > 1e11 && value < 7e12) return Math.round(value);
    if (value > 1e8 && value < 7e9) {
      seconds.count++;
      return Math.round(value * 1000);
    }
  } else if (typeof value === 'string') {
    const t = parseIsoTime(value);
    if (t !== null) return t;
  }
  throw new ImportError(`${where}: ${JSON.stringify(value)} is not a time`, where);
}

function position(value: unknown, where: string): { lat: number; lon: number; alt?: number } {
  if (!Array.isArray(value) || value.length < 2 || value.length > 4 || value.some((v) => typeof v !== 'number')) {
    throw new ImportError(`${where}: ${JSON.stringify(value)} is not a position [longitude, latitude, altitude]`, where);
  }
  const [lon, lat, alt] = value as number[];
  checkLatLon(lat as number, lon as number, where, { long: true });
  if (alt !== undefined) checkAltitude(alt, where);
  return alt === undefined ? { lat: lat as number, lon: lon as number } : { lat: lat as number, lon: lon as number, alt };
}

const PROVENANCE = new Set(['measured', 'reported', 'inferred']);

/** A per-coordinate array from properties or coordinateProperties, cut to this line of a MultiLineString. */
function perCoordinate(props: Json, name: string, line: number, multi: boolean, sizes: number[]): unknown[] | undefined {
  const cp = isObject(props.coordinateProperties) ? props.coordinateProperties : {};
  const all = cp[name] ?? props[name];
  if (!Array.isArray(all)) return undefined;
  if (!multi) return all;
  if (Array.isArray(all[0]) || all.length === sizes.length) return Array.isArray(all[line]) ? (all[line] as unknown[]) : undefined;
  const start = sizes.slice(0, line).reduce((a, b) => a + b, 0);
  return all.slice(start, start + (sizes[line] as number));
}

function lineLegs(feature: Json, fi: number, seconds: { count: number }, notes: string[]): { legs: TrackLeg[]; untimed?: string } {
  const geometry = feature.geometry as Json;
  const props = isObject(feature.properties) ? feature.properties : {};
  const multi = geometry.type === 'MultiLineString';
  const lines = (multi ? geometry.coordinates : [geometry.coordinates]) as unknown[];
  const base = `features[${fi}]`;
  if (!Array.isArray(lines) || lines.some((l) => !Array.isArray(l))) throw new ImportError(`${base}.geometry.coordinates: not a list of positions`, base);
  const sizes = (lines as unknown[][]).map((l) => l.length);
  const legs: TrackLeg[] = [];
  for (let li = 0; li < lines.length; li++) {
    const coords = lines[li] as unknown[];
    const times = perCoordinate(props, 'times', li, multi, sizes);
    const coordPath = `${base}.geometry.coordinates${multi ? `[${li}]` : ''}`;
    if (!times) return { legs, untimed: `${base} ${String(geometry.type)}, ${coords.length} points` };
    if (times.length !== coords.length)
      throw new ImportError(`${base}: ${times.length} times but ${coords.length} coordinates${multi ? ` in line ${li + 1}` : ''}`, base);
    const arrays = ['provenance', 'altitudeProvenance', 'halfWidthM'].map((name) => {
      const a = perCoordinate(props, name, li, multi, sizes);
      if (a && a.length !== coords.length) throw new ImportError(`${base}.properties.${name}: ${a.length} values but ${coords.length} coordinates`, base);
      return a;
    });
    const points = coords.map((c, i): TrackPoint => {
      const { lat, lon, alt } = position(c, `${coordPath}[${i}]`);
      const p: TrackPoint = { timeMs: timeOf(times[i], `${base}.properties.times[${i}]`, seconds), lat, lon, altitudeM: alt ?? null };
      const [prov, altProv, half] = arrays.map((a) => a?.[i]);
      for (const [field, v] of [
        ['provenance', prov],
        ['altitudeProvenance', altProv],
      ] as const) {
        if (v === undefined || v === null) continue;
        if (typeof v !== 'string' || !PROVENANCE.has(v))
          throw new ImportError(`${base}.properties.${field}[${i}]: ${JSON.stringify(v)} is not measured, reported or inferred`, base);
        p[field] = v as PointProvenance;
      }
      if (half !== undefined && half !== null) {
        if (typeof half !== 'number' || !(half >= 0))
          throw new ImportError(`${base}.properties.halfWidthM[${i}]: ${JSON.stringify(half)} is not a width in metres`, base);
        p.halfWidthM = half;
      }
      return p;
    });
    const name = typeof props.name === 'string' ? props.name : typeof props.title === 'string' ? props.title : undefined;
    const label = name && lines.length > 1 ? `${name} ${li + 1}` : name;
    legs.push(finishLeg(points, notes, `${base}${multi ? ` line ${li + 1}` : ''}`, label));
  }
  return { legs };
}

function altitudeMeaning(meta: Json): AltitudeMeaning {
  const kind = meta.altitudeKind === 'barometric' || meta.altitudeKind === 'gnss' ? meta.altitudeKind : 'unknown';
  const datum = meta.altitudeDatum === 'msl' || meta.altitudeDatum === 'ellipsoid' ? meta.altitudeDatum : 'unknown';
  if (datum !== 'unknown')
    return {
      kind,
      datum,
      unit: 'm',
      note: `Altitude in metres (${kind}, ${datum === 'msl' ? 'above mean sea level' : 'above the WGS84 ellipsoid'}) as the file states.`,
    };
  return {
    kind,
    datum,
    unit: 'm',
    note: 'Third coordinate in metres; GeoJSON (RFC 7946) means height above the WGS84 ellipsoid, but most writers (togeojson from KML or GPX among them) copy altitudes above mean sea level, and the file does not say which.',
  };
}

export const geojsonReader: TrackReader = {
  format: 'geojson',
  formatName: 'GeoJSON',
  sniff(head, fileName) {
    try {
      const h = head.slice(0, 65536);
      if (!/^\s*\{/.test(h)) return 0;
      const ext = hasExtension(fileName, 'geojson') ? 0.04 : 0;
      if (/"type"\s*:\s*"FeatureCollection"/.test(h)) return Math.min(1, 0.85 + (/"(coordinateProperties|times)"\s*:/.test(h) ? 0.1 : 0) + ext);
      if (/"type"\s*:\s*"Feature"/.test(h) && /"(Multi)?LineString"/.test(h)) return 0.6 + ext;
      return ext ? 0.1 : 0;
    } catch {
      return 0;
    }
  },
  parse(text, progress) {
    const json = parseJson(text);
    if (!isObject(json) || (json.type !== 'FeatureCollection' && json.type !== 'Feature')) {
      const type = isObject(json) ? JSON.stringify(json.type) : Array.isArray(json) ? 'an array' : typeof json;
      throw new ImportError(`the GeoJSON root is ${type}; flightrecon reads a FeatureCollection or a Feature`);
    }
    const features = json.type === 'Feature' ? [json] : json.features;
    if (!Array.isArray(features)) throw new ImportError('the FeatureCollection has no "features" list', 'features');
    progress?.(0.5);
    const notes: string[] = [];
    const seconds = { count: 0 };
    const legs: TrackLeg[] = [];
    const places: FilePlace[] = [];
    const events: FileEvent[] = [];
    const timedPoints: { p: TrackPoint; title?: string; text?: string }[] = [];
    let untimed: string | undefined;
    // Flight facts: a `properties` member of the collection, or flightrecon's own `flightrecon` member.
    let meta: Json = { ...(isObject(json.flightrecon) ? json.flightrecon : {}), ...(isObject(json.properties) ? json.properties : {}) };
    features.forEach((f: unknown, fi) => {
      const base = `features[${fi}]`;
      if (!isObject(f) || f.type !== 'Feature') throw new ImportError(`${base}: not a Feature`, base);
      const props = isObject(f.properties) ? f.properties : {};
      const geometry = isObject(f.geometry) ? f.geometry : undefined;
      if (geometry?.type === 'LineString' || geometry?.type === 'MultiLineString') {
        const r = lineLegs(f, fi, seconds, notes);
        if (r.legs.length) meta = { ...meta, ...props };
        legs.push(...r.legs);
        untimed ??= r.untimed;
        return;
      }
      if (geometry?.type !== 'Point') return;
      const { lat, lon, alt } = position(geometry.coordinates, `${base}.geometry.coordinates`);
      const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
      const time = props.time ?? props.timestamp ?? props.when;
      if (props.kind === 'step') {
        const e: FileEvent = {
          timeMs: timeOf(time, `${base}.properties.time`, seconds),
          title: str(props.title) ?? str(props.name) ?? str(props.id) ?? `Step ${fi}`,
          lat,
          lon,
        };
        const caption = str(props.caption) ?? str(props.description);
        if (caption) e.text = caption;
        events.push(e);
      } else if (props.kind === 'place' || time === undefined || time === null) {
        const place: FilePlace = {
          name: str(props.name) ?? str(props.title) ?? str(props.id) ?? `Place ${fi}`,
          lat,
          lon,
          kind: props.placeKind === 'airport' ? 'airport' : 'waypoint',
        };
        if (str(props.icao)) place.icao = str(props.icao);
        if (str(props.iata)) place.iata = str(props.iata);
        places.push(place);
      } else {
        const p: TrackPoint = { timeMs: timeOf(time, `${base}.properties.time`, seconds), lat, lon, altitudeM: alt ?? null };
        timedPoints.push({ p, title: str(props.name) ?? str(props.title), text: str(props.description) });
      }
    });
    if (timedPoints.length && legs.length) {
      for (const t of timedPoints)
        events.push({ timeMs: t.p.timeMs, title: t.title ?? 'Point', ...(t.text ? { text: t.text } : {}), lat: t.p.lat, lon: t.p.lon });
      notes.push(`${timedPoints.length} time-stamped Point feature${timedPoints.length === 1 ? '' : 's'} beside the track read as events.`);
    } else if (timedPoints.length) {
      legs.push(
        finishLeg(
          timedPoints.map((t) => t.p),
          notes,
          'Points',
        ),
      );
    }
    if (!legs.length) {
      if (untimed) {
        throw new ImportError(
          `the GeoJSON has a path but no times (${untimed}); flightrecon needs a time for each point (properties.times or properties.coordinateProperties.times)`,
        );
      }
      throw new ImportError('the GeoJSON has no time-stamped positions (no LineString with times, no Point with a time)');
    }
    if (seconds.count) notes.push(`${seconds.count} times were epoch seconds, not milliseconds; read as seconds.`);
    events.sort((a, b) => a.timeMs - b.timeMs);
    const result: ParsedTrack = { format: 'geojson', formatName: 'GeoJSON', legs, altitude: altitudeMeaning(meta), places, events, notes };
    for (const key of ['callsign', 'registration', 'icao24', 'aircraftType', 'flightNumber', 'from', 'to'] as const) {
      const v = meta[key];
      if (typeof v === 'string' && v.trim()) result[key] = v.trim();
    }
    progress?.(1);
    return result;
  },
};
