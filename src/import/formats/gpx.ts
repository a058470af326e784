/**
 * GPX 1.0 and 1.1 reader: every trk/trkseg is a leg of trkpt fixes (lat, lon, ele metres, time); wpt are
 * waypoints. xmldom parses; togeojson reads the waypoints (name, position). The track points are walked
 * here because togeojson drops a segment of fewer than two points and a trkpt with an unreadable lat/lon
 * without a word, does not range-check, keeps no trkpt numbers or lines for messages, and ignores
 * GPX 1.0's `<speed>` and `<course>`.
 */
import { gpx as gpxToGeoJson } from '@tmcw/togeojson';
import { parseIsoTime } from '../time';
import { ImportError, type FilePlace, type ParsedTrack, type TrackLeg, type TrackPoint, type TrackReader } from '../types';
import {
  checkAltitude,
  checkLatLon,
  checkSpeed,
  checkTrack,
  fail,
  childElement,
  childElements,
  childText,
  descendants,
  finishLeg,
  hasExtension,
  lineOf,
  parseXml,
  type At,
  type XmlElement,
} from './xml';

/** Prefixes Garmin and others use in extensions, sometimes without declaring them. */
const XMLNS = {
  gpxtpx: 'http://www.garmin.com/xmlschemas/TrackPointExtension/v2',
  gpxx: 'http://www.garmin.com/xmlschemas/GpxExtensions/v3',
};

function at(kind: string, n: number, el: XmlElement): At {
  return { where: `<${kind}> ${n}`, line: lineOf(el) };
}

function latLonOf(el: XmlElement, kind: string, n: number): { lat: number; lon: number } {
  const where = at(kind, n, el);
  const latText = el.getAttribute('lat');
  const lonText = el.getAttribute('lon');
  if (latText === null || latText.trim() === '') throw fail(where, 'no lat attribute');
  if (lonText === null || lonText.trim() === '') throw fail(where, 'no lon attribute');
  const lat = Number(latText);
  const lon = Number(lonText);
  checkLatLon(lat, lon, where, { lat: latText, lon: lonText });
  return { lat, lon };
}

/** A number from a child element (or a GPX 1.1 extension of that local name), undefined when absent. */
function numberOf(pt: XmlElement, name: string, where: At, inExtensions = false): number | undefined {
  let el = childElement(pt, name);
  if (!el && inExtensions) {
    const ext = childElement(pt, 'extensions');
    el = ext && descendants(ext, name)[0];
  }
  if (!el) return undefined;
  const text = (el.textContent ?? '').trim();
  if (text === '') return undefined;
  const x = Number(text);
  if (!Number.isFinite(x)) throw fail(where, `<${name}> "${text}" is not a number`);
  return x;
}

function readTrackPoint(pt: XmlElement, n: number): TrackPoint {
  const where = at('trkpt', n, pt);
  const { lat, lon } = latLonOf(pt, 'trkpt', n);
  const timeText = childText(pt, 'time');
  if (!timeText) throw fail(where, 'no <time>; flightrecon needs a time for each point');
  const timeMs = parseIsoTime(timeText);
  if (timeMs === null) throw fail(where, `<time> "${timeText}" is not a time`);
  const ele = numberOf(pt, 'ele', where);
  if (ele !== undefined) checkAltitude(ele, where);
  const p: TrackPoint = { timeMs, lat, lon, altitudeM: ele ?? null };
  // GPX 1.0 has <speed> (m/s) and <course> (° true); GPX 1.1 moved them to extensions (Garmin TrackPointExtension v2).
  const speed = numberOf(pt, 'speed', where, true);
  if (speed !== undefined) {
    checkSpeed(speed, where);
    p.groundSpeedMps = speed;
  }
  const course = numberOf(pt, 'course', where, true);
  if (course !== undefined) {
    checkTrack(course, where);
    p.trackDeg = course % 360;
  }
  return p;
}

interface PointFeature {
  geometry: { type: string; coordinates: number[] } | null;
  properties: Record<string, unknown> | null;
}

/** Waypoints through togeojson (name, position), after checking lat/lon here: togeojson skips bad ones. */
function waypoints(root: XmlElement): FilePlace[] {
  const els = childElements(root, 'wpt');
  if (!els.length) return [];
  els.forEach((el, i) => latLonOf(el, 'wpt', i + 1));
  // A document of the waypoints only, so that togeojson does not convert the whole track again.
  const doc = parseXml('<gpx xmlns="http://www.topografix.com/GPX/1/1"/>');
  for (const el of els) doc.documentElement?.appendChild(doc.importNode(el, true));
  const features = (gpxToGeoJson(doc) as unknown as { features: PointFeature[] }).features.filter((f) => f.geometry?.type === 'Point');
  return features.map((f, i): FilePlace => {
    const [lon = 0, lat = 0] = f.geometry?.coordinates ?? [];
    const props = f.properties ?? {};
    const name = [props.name, props.desc, props.cmt].find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim() ?? `Waypoint ${i + 1}`;
    const airport = /airport|airfield/i.test(`${props.sym ?? ''} ${props.type ?? ''}`);
    const place: FilePlace = { name, lat, lon, kind: airport ? 'airport' : 'waypoint' };
    if (airport && /^[A-Z]{4}$/.test(name)) place.icao = name;
    return place;
  });
}

export const gpxReader: TrackReader = {
  format: 'gpx',
  formatName: 'GPX',
  sniff(head, fileName) {
    try {
      const h = head.slice(0, 65536);
      if (!/<gpx[\s>]/.test(h)) return hasExtension(fileName, 'gpx') && /^\s*</.test(h) ? 0.1 : 0;
      let score = 0.9;
      if (/topografix\.com\/GPX/.test(h)) score += 0.05;
      if (/<trk[\s>]/.test(h)) score += 0.02;
      if (hasExtension(fileName, 'gpx')) score += 0.02;
      return Math.min(1, score);
    } catch {
      return 0;
    }
  },
  parse(text, progress) {
    const doc = parseXml(text, XMLNS);
    const root = doc.documentElement as XmlElement;
    if (root.localName !== 'gpx') throw new ImportError(`not a GPX file: the root element is <${root.tagName}>, not <gpx>`);
    progress?.(0.5);
    const notes: string[] = [];
    const segments: { label?: string; points: XmlElement[] }[] = [];
    const trks = childElements(root, 'trk');
    trks.forEach((trk, k) => {
      const name = childText(trk, 'name') || undefined;
      const segs = childElements(trk, 'trkseg');
      segs.forEach((seg, j) => {
        const base = name ?? (trks.length > 1 ? `Track ${k + 1}` : undefined);
        const label = segs.length > 1 ? `${base ?? 'Segment'}${base ? ` segment ${j + 1}` : ` ${j + 1}`}` : base;
        segments.push({ label, points: childElements(seg, 'trkpt') });
      });
    });
    const all = segments.flatMap((s) => s.points);
    if (!all.length) {
      const rtepts = descendants(root, 'rtept').length;
      if (rtepts)
        throw new ImportError(`the GPX has a route (<rte>, ${rtepts} points) but no track (<trk>) with times; flightrecon needs a time for each point`);
      throw new ImportError('the GPX has no track points (<trk><trkseg><trkpt>)');
    }
    if (all.every((pt) => !childText(pt, 'time'))) {
      throw new ImportError(`the GPX has no times (${all.length} <trkpt>, none with a <time>); flightrecon needs a time for each point`);
    }
    let n = 0;
    const legs: TrackLeg[] = [];
    let empty = 0;
    for (const seg of segments) {
      if (!seg.points.length) {
        empty++;
        continue;
      }
      const points = seg.points.map((pt) => readTrackPoint(pt, ++n));
      legs.push(finishLeg(points, notes, seg.label ?? `<trkseg> ${legs.length + 1}`, seg.label));
    }
    if (empty) notes.push(`${empty} empty <trkseg> skipped.`);
    // The file's own time (GPX 1.1 <metadata><time>, GPX 1.0 <gpx><time>) is when it was written, not a fix.
    const fileTime = childText(childElement(root, 'metadata') ?? root, 'time');
    if (fileTime) notes.push(`The file's own <time> (${fileTime}) says when it was written, not where the aircraft was; not used.`);
    const hasEle = all.some((pt) => childElement(pt, 'ele'));
    const result: ParsedTrack = {
      format: 'gpx',
      formatName: `GPX ${root.getAttribute('version') ?? ''}`.trim(),
      legs,
      altitude: {
        kind: hasEle ? 'gnss' : 'unknown',
        datum: 'msl',
        unit: 'm',
        note: hasEle
          ? 'GNSS altitude in metres from <ele>, which GPX defines as above mean sea level (some devices write the ellipsoid height instead).'
          : 'The GPX has no <ele>: no altitudes.',
      },
      places: waypoints(root),
      events: [],
      notes,
    };
    progress?.(1);
    return result;
  },
};
