/**
 * KML readers: Flightradar24, FlightAware, gx:Track writers (ADS-B Exchange / tar1090, ForeFlight,
 * flightrecon's own export) and plain time-stamped Points. One loader (loadKml) serves all four; the
 * readers differ in what they make of it (FR24's descriptions, FlightAware's airports, which altitude).
 *
 * Who does what:
 * - cutBulkElements (xml.ts) reads every gx:Track and gx:SimpleArrayData directly from the text: for a
 *   20 MB track (250,000 points) xmldom takes ~9 s and togeojson ~15 s more; this whole reader ~1.5 s
 *   (Node 20). It also keeps what togeojson loses there: SimpleArrayData, `<gx:coord>` with newlines or
 *   several spaces inside (togeojson splits on one space and gets NaN), the count check between `<when>`
 *   and `<gx:coord>`, and each value's line for messages.
 * - xmldom parses the rest (the tracks are blanked, lines and columns kept) and reports malformed XML.
 * - togeojson gives each Placemark's name, description, TimeStamp and ExtendedData `<Data>`.
 * - Own DOM walking for what togeojson does not keep: Folder names, Document name and ExtendedData,
 *   gx:Tour, Schema field names, and Point coordinates as written (togeojson drops a non-numeric
 *   number from "lon,lat,alt" and would shift the latitude into the longitude without a word).
 */
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { parseIsoTime } from '../time';
import {
  FT,
  ImportError,
  KT,
  type AltitudeMeaning,
  type FileEvent,
  type FilePlace,
  type ParsedTrack,
  type PointProvenance,
  type TrackFormat,
  type TrackLeg,
  type TrackPoint,
  type TrackReader,
} from '../types';
import {
  attributeOf,
  checkAltitude,
  checkLatLon,
  fail,
  checkSpeed,
  checkTrack,
  childElement,
  childElements,
  childText,
  closest,
  cutBulkElements,
  descendants,
  finishLeg,
  hasExtension,
  identifiersIn,
  lineOf,
  parseXml,
  positionAt,
  type At,
  type BulkVisitor,
  type XmlDocument,
  type XmlElement,
} from './xml';

const XMLNS = { gx: 'http://www.google.com/kml/ext/2.2', kml: 'http://www.opengis.net/kml/2.2', atom: 'http://www.w3.org/2005/Atom' };

/**
 * The contract with flightrecon's own KML export (src/export, written elsewhere). Document
 * `<ExtendedData><Data name="flightrecon:format"><value>flightrecon-kml</value></Data>` marks the file;
 * `flightrecon:callsign|registration|flightNumber|icao24|aircraftType|from|to` and
 * `flightrecon:altitudeKind` (barometric|gnss|unknown) / `flightrecon:altitudeDatum` (msl|ellipsoid|unknown)
 * may follow. A Placemark whose ExtendedData has `Data name="flightrecon:step"` (value = step id) is a
 * step (an event: TimeStamp/when, name, description); `flightrecon:place` (value = place id) with optional
 * `flightrecon:kind` airport|waypoint and `flightrecon:icao`/`flightrecon:iata` is a place. The track's
 * gx:SimpleArrayData `provenance`, `altitudeProvenance`, `halfWidthM` run parallel to its `<gx:coord>`.
 */
export const FLIGHTRECON_KML = 'flightrecon-kml';
const FR = 'flightrecon:';

// ---------------------------------------------------------------------------------------------------
// Loading: bulk scan, xmldom, togeojson, and a per-Placemark summary.

interface ArrayBlock {
  name: string;
  values: string[];
  offset: number;
}

interface TrackBlock {
  offset: number;
  whens: string[];
  whenAt: number[];
  coords: string[];
  coordAt: number[];
  arrays: ArrayBlock[];
  altitudeMode?: string;
  /** `<when>` and `<gx:coord>` alternate (tar1090) rather than all times first (FlightAware). */
  interleaved: boolean;
}

type Writer = 'flightrecon' | 'adsbx' | 'foreflight' | 'flightaware' | 'fr24' | 'mytracks' | 'other';

interface Placemark {
  n: number;
  el: XmlElement;
  name?: string;
  description?: string;
  when?: string;
  data: Record<string, string>;
  /** Raw `<Point><coordinates>` text. */
  point?: string;
  pointMode?: string;
  folders: string[];
  tracks: number[];
  lineStrings: { points: number }[];
}

interface KmlFile {
  text: string;
  doc: XmlDocument;
  tracks: TrackBlock[];
  trackEls: XmlElement[];
  outsideArrays: ArrayBlock[];
  outsideArrayEls: XmlElement[];
  placemarks: Placemark[];
  documentName?: string;
  documentData: Record<string, string>;
  fieldNames: Map<string, string>;
  writer: Writer;
}

function scanBulk(text: string): { text: string; tracks: TrackBlock[]; arrays: ArrayBlock[] } {
  const tracks: TrackBlock[] = [];
  const arrays: ArrayBlock[] = [];
  const cut = cutBulkElements(text, new Set(['Track', 'SimpleArrayData']), (localName, offset, rawAttributes): BulkVisitor => {
    let current: ArrayBlock | undefined;
    if (localName === 'SimpleArrayData') {
      const block = { name: attributeOf(rawAttributes, 'name') ?? '', values: [] as string[], offset };
      arrays.push(block);
      return { leaf: (local, value, _at, depth) => void (depth === 1 && local === 'value' && block.values.push(value)) };
    }
    const t: TrackBlock = { offset, whens: [], whenAt: [], coords: [], coordAt: [], arrays: [], interleaved: false };
    tracks.push(t);
    return {
      open(local, raw, at) {
        if (local === 'SimpleArrayData') t.arrays.push((current = { name: attributeOf(raw, 'name') ?? '', values: [], offset: at }));
      },
      leaf(local, value, at, depth) {
        if (depth === 1) {
          if (local === 'when') {
            if (t.coords.length) t.interleaved = true;
            t.whens.push(value);
            t.whenAt.push(at);
          } else if (local === 'coord') {
            t.coords.push(value);
            t.coordAt.push(at);
          } else if (local === 'altitudeMode') t.altitudeMode = value.trim();
        } else if (local === 'value' && current) current.values.push(value);
      },
      close(local) {
        if (local === 'SimpleArrayData') current = undefined;
      },
    };
  });
  return { text: cut, tracks, arrays };
}

interface GeoJsonFeature {
  properties: Record<string, unknown> | null;
}

function stringProp(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  // togeojson gives a CDATA description as { "@type": "html", value }.
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string')
    return ((value as { value: string }).value || '').trim() || undefined;
  return undefined;
}

function extendedData(el: XmlElement | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const ext = el && childElement(el, 'ExtendedData');
  if (ext) for (const d of childElements(ext, 'Data')) out[d.getAttribute('name') ?? ''] = childText(d, 'value') ?? '';
  return out;
}

function detectWriter(head: string, documentData: Record<string, string>): Writer {
  if (documentData[`${FR}format`] === FLIGHTRECON_KML) return 'flightrecon';
  if (/adsbexchange|ads-b exchange|tar1090|adsb\.fi|airplanes\.live|adsb\.lol/i.test(head)) return 'adsbx';
  if (/foreflight/i.test(head)) return 'foreflight';
  if (/flightaware/i.test(head)) return 'flightaware';
  if (/flightradar24/i.test(head)) return 'fr24';
  if (/google my tracks|opentracks/i.test(head)) return 'mytracks';
  return 'other';
}

function loadKml(text: string, progress?: (fraction: number) => void): KmlFile {
  const bulk = scanBulk(text);
  progress?.(0.3);
  const doc = parseXml(bulk.text, XMLNS);
  progress?.(0.6);
  const root = doc.documentElement as XmlElement;
  if (root.localName !== 'kml') throw new ImportError(`not a KML file: the root element is <${root.tagName}>, not <kml>`);
  const trackEls = descendants(doc, 'Track');
  const outsideArrayEls = descendants(doc, 'SimpleArrayData');
  if (trackEls.length !== bulk.tracks.length || outsideArrayEls.length !== bulk.arrays.length) {
    throw new ImportError(`the KML could not be read consistently (${bulk.tracks.length} tracks scanned, ${trackEls.length} parsed)`);
  }
  const features = (kmlToGeoJson(doc) as unknown as { features: GeoJsonFeature[] }).features;
  const placemarkEls = Array.from(doc.getElementsByTagName('Placemark'));
  const byElement = new Map<XmlElement, Placemark>();
  const placemarks = placemarkEls.map((el, i): Placemark => {
    const props = features[i]?.properties ?? {};
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(props)) if (typeof v === 'string' && k.includes(':')) data[k] = v.trim();
    const pointEl = childElement(el, 'Point') ?? childElement(childElement(el, 'MultiGeometry') ?? el, 'Point');
    const folders: string[] = [];
    for (let f = closest(el, 'Folder'); f; f = closest(f, 'Folder')) folders.unshift(childText(f, 'name') ?? '');
    const p: Placemark = {
      n: i + 1,
      el,
      name: stringProp(props.name),
      description: stringProp(props.description),
      when: stringProp(props.timestamp),
      data,
      point: pointEl ? (childText(pointEl, 'coordinates') ?? '') : undefined,
      pointMode: pointEl ? childText(pointEl, 'altitudeMode') : undefined,
      folders,
      tracks: [],
      lineStrings: descendants(el, 'LineString').map((ls) => ({ points: (childText(ls, 'coordinates') ?? '').split(/\s+/).filter(Boolean).length })),
    };
    byElement.set(el, p);
    return p;
  });
  trackEls.forEach((el, i) => {
    const pm = closest(el, 'Placemark');
    if (pm) byElement.get(pm)?.tracks.push(i);
  });
  const container = childElement(root, 'Document') ?? childElement(root, 'Folder') ?? root;
  const documentData = extendedData(container);
  const fieldNames = new Map<string, string>();
  for (const f of descendants(doc, 'SimpleArrayField')) fieldNames.set(f.getAttribute('name') ?? '', childText(f, 'displayName') ?? '');
  return {
    text,
    doc,
    tracks: bulk.tracks,
    trackEls,
    outsideArrays: bulk.arrays,
    outsideArrayEls,
    placemarks,
    documentName: childText(container, 'name') || undefined,
    documentData,
    fieldNames,
    writer: detectWriter(text.slice(0, 65536), documentData),
  };
}

// ---------------------------------------------------------------------------------------------------
// Tracks

type ArrayUse =
  | { field: 'groundSpeedMps'; factor: number }
  | { field: 'trackDeg' }
  | { field: 'provenance' | 'altitudeProvenance' }
  | { field: 'halfWidthM' }
  | { ignore: string };

/** What a SimpleArrayData is for; speeds only when the unit can be told (name, displayName, writer). */
function arrayUse(name: string, displayName: string, writer: Writer): ArrayUse {
  if (name === 'provenance' || name === 'altitudeProvenance') return { field: name };
  if (name === 'halfWidthM') return { field: name };
  const label = `${name} ${displayName}`.toLowerCase();
  if (/^(course|track|bearing|cog|trackdeg|track_deg|course_deg)$/i.test(name)) return { field: 'trackDeg' };
  if (/(^|[^a-z])(ground_?)?speed|^gs$|^spd/.test(label) && !/air|vert|wind|ias|tas|climb/.test(label)) {
    if (/\bkts?\b|_kts?\b|kts?$|knot/.test(label)) return { field: 'groundSpeedMps', factor: KT };
    if (/m\/s|mps|_ms\b|per ?second/.test(label)) return { field: 'groundSpeedMps', factor: 1 };
    if (/km\/?h|kph|kmh/.test(label)) return { field: 'groundSpeedMps', factor: 1 / 3.6 };
    if (/mph/.test(label)) return { field: 'groundSpeedMps', factor: 0.44704 };
    // ADS-B Exchange / tar1090 write ADS-B ground speed as received: knots. My Tracks / OpenTracks: m/s.
    if (writer === 'adsbx') return { field: 'groundSpeedMps', factor: KT };
    if (writer === 'mytracks') return { field: 'groundSpeedMps', factor: 1 };
    return { ignore: `"${name}" (the file does not say its unit)` };
  }
  return { ignore: `"${name}"` };
}

const PROVENANCE = new Set<PointProvenance>(['measured', 'reported', 'inferred']);

function trackLabel(n: number, total: number): string {
  return total > 1 ? `<gx:Track> ${n}, ` : '';
}

/** Turns a scanned gx:Track into points (validated); `extra` are Placemark arrays parallel to it. */
function trackPoints(file: KmlFile, index: number, extra: ArrayBlock[], notes: string[], ignored: Set<string>): TrackPoint[] {
  const t = file.tracks[index] as TrackBlock;
  const n = index + 1;
  const lineAt = (offset: number) => positionAt(file.text, offset).line;
  if (t.whens.length !== t.coords.length) {
    throw fail({ where: `<gx:Track> ${n}`, line: lineAt(t.offset) }, `${t.whens.length} <when> but ${t.coords.length} <gx:coord>`);
  }
  const prefix = trackLabel(n, file.tracks.length);
  const points: TrackPoint[] = [];
  for (let i = 0; i < t.whens.length; i++) {
    const raw = (t.whens[i] as string).trim();
    const timeMs = parseIsoTime(raw);
    if (timeMs === null) {
      const untrimmed = t.whens[i] as string;
      const line = lineAt((t.whenAt[i] as number) + untrimmed.length - untrimmed.trimStart().length);
      throw fail({ where: `${prefix}<when> ${i + 1}`, line }, `"${raw}" is not a time`);
    }
    const coordText = (t.coords[i] as string).trim();
    const parts = coordText.split(/[\s,]+/);
    // The line is counted only when a message needs it (counting it for every point would be quadratic).
    const coordAt = t.coordAt[i] as number;
    const where: At = {
      where: `${prefix}<gx:coord> ${i + 1}`,
      get line() {
        return lineAt(coordAt);
      },
    };
    if (parts.length < 2 || parts.length > 3 || parts.some((s) => s === '' || !Number.isFinite(Number(s)))) {
      throw fail(where, `"${coordText}" is not "longitude latitude altitude"`);
    }
    const [lon, lat, alt] = parts.map(Number) as [number, number, number | undefined];
    checkLatLon(lat, lon, where, { lat: parts[1], lon: parts[0], long: true });
    if (alt !== undefined) checkAltitude(alt, where, parts[2]);
    points.push({ timeMs, lat, lon, altitudeM: alt ?? null });
  }
  for (const a of [...t.arrays, ...extra]) {
    const use = arrayUse(a.name, file.fieldNames.get(a.name) ?? '', file.writer);
    if ('ignore' in use) {
      ignored.add(use.ignore);
      continue;
    }
    const where = `<gx:SimpleArrayData name="${a.name}"> of <gx:Track> ${n}`;
    if (a.values.length !== points.length) {
      throw fail({ where, line: lineAt(a.offset) }, `${a.values.length} values but ${points.length} <gx:coord>`);
    }
    a.values.forEach((rawValue, i) => {
      const v = rawValue.trim();
      if (v === '') return;
      const p = points[i] as TrackPoint;
      const at = `${where}, value ${i + 1}`;
      if (use.field === 'provenance' || use.field === 'altitudeProvenance') {
        if (!PROVENANCE.has(v as PointProvenance)) throw fail(at, `"${v}" is not measured, reported or inferred`);
        p[use.field] = v as PointProvenance;
        return;
      }
      const x = Number(v);
      if (!Number.isFinite(x)) throw fail(at, `"${v}" is not a number`);
      if (use.field === 'groundSpeedMps') {
        checkSpeed(x * use.factor, at, v);
        p.groundSpeedMps = x * use.factor;
      } else if (use.field === 'trackDeg') {
        checkTrack(x, at, v);
        p.trackDeg = x % 360;
      } else {
        if (x < 0) throw fail(at, `half-width "${v}" is negative`);
        p.halfWidthM = x;
      }
    });
  }
  if (t.interleaved) notes.push(`<gx:Track> ${n}: <when> and <gx:coord> interleaved; paired in order.`);
  return points;
}

/** Legs from every gx:Track (one leg each); Placemark arrays go to the Placemark's tracks. */
function trackLegs(file: KmlFile, notes: string[]): { legs: TrackLeg[]; modes: Set<string> } {
  const legs: TrackLeg[] = [];
  const modes = new Set<string>();
  const ignored = new Set<string>();
  const extraFor = new Map<number, ArrayBlock[]>();
  const arraysOf = new Map<Placemark, ArrayBlock[]>();
  file.outsideArrayEls.forEach((el, i) => {
    const pm = file.placemarks.find((p) => p.el === closest(el, 'Placemark'));
    if (pm) arraysOf.set(pm, [...(arraysOf.get(pm) ?? []), file.outsideArrays[i] as ArrayBlock]);
  });
  for (const [pm, arrays] of arraysOf) {
    if (pm.tracks.length === 1) extraFor.set(pm.tracks[0] as number, arrays);
    else if (pm.tracks.length > 1) {
      // Arrays for a whole MultiTrack: split them when their length is the sum of the tracks'.
      const sizes = pm.tracks.map((i) => (file.tracks[i] as TrackBlock).coords.length);
      const total = sizes.reduce((a, b) => a + b, 0);
      let start = 0;
      pm.tracks.forEach((ti, k) => {
        const parts = arrays.filter((a) => a.values.length === total).map((a) => ({ ...a, values: a.values.slice(start, start + (sizes[k] as number)) }));
        extraFor.set(ti, parts);
        start += sizes[k] as number;
      });
      const unsplit = arrays.filter((a) => a.values.length !== total).map((a) => a.name);
      if (unsplit.length) notes.push(`<Placemark> ${pm.n}: arrays ${unsplit.join(', ')} do not match its ${pm.tracks.length} tracks; not used.`);
    }
  }
  file.tracks.forEach((t, i) => {
    if (!t.whens.length && !t.coords.length) {
      notes.push(`<gx:Track> ${i + 1} is empty; skipped.`);
      return;
    }
    const el = file.trackEls[i] as XmlElement;
    const multi = closest(el, 'MultiTrack');
    modes.add(t.altitudeMode ?? (multi && childText(multi, 'altitudeMode')) ?? 'clampToGround (not set)');
    const points = trackPoints(file, i, extraFor.get(i) ?? [], notes, ignored);
    const pm = file.placemarks.find((p) => p.tracks.includes(i));
    const label = pm?.name ? (pm.tracks.length > 1 ? `${pm.name} ${pm.tracks.indexOf(i) + 1}` : pm.name) : undefined;
    legs.push(finishLeg(points, notes, `<gx:Track> ${i + 1}`, label));
  });
  if (ignored.size) notes.push(`Track arrays not used: ${[...ignored].join(', ')}.`);
  return { legs, modes };
}

// ---------------------------------------------------------------------------------------------------
// Placemarks: time-stamped points, steps, places; tours.

function pointOf(pm: Placemark): { lat: number; lon: number; alt?: number } {
  const raw = (pm.point ?? '').trim();
  const parts = raw.split(/\s*,\s*/);
  const where = placemarkAt(pm);
  if (parts.length < 2 || parts.length > 3 || parts.some((s) => s === '' || !Number.isFinite(Number(s)))) {
    throw fail(where, `<coordinates> "${raw}" is not "longitude,latitude,altitude"`);
  }
  const [lon, lat, alt] = parts.map(Number) as [number, number, number | undefined];
  checkLatLon(lat, lon, where, { lat: parts[1], lon: parts[0], long: true });
  if (alt !== undefined) checkAltitude(alt, where, parts[2]);
  return alt === undefined ? { lat, lon } : { lat, lon, alt };
}

function placemarkName(pm: Placemark): string {
  return `<Placemark> ${pm.n}${pm.name ? ` ("${pm.name}")` : ''}`;
}

function placemarkAt(pm: Placemark): At {
  return { where: placemarkName(pm), line: lineOf(pm.el) };
}

function timeOf(pm: Placemark): number {
  const t = pm.when ? parseIsoTime(pm.when) : null;
  if (t === null) {
    throw fail(placemarkAt(pm), pm.when ? `<when> "${pm.when}" is not a time` : 'no <TimeStamp><when>');
  }
  return t;
}

/** FR24 descriptions: "Altitude: 15,975 ft", "Speed: 331 kt", "Heading: 17°", in an HTML table or spans. */
function fr24Description(html: string | undefined): { altFt?: number; speedKt?: number; headingDeg?: number } {
  if (!html) return {};
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ');
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s.replace(/[,\s]/g, '')));
  const alt = /Altitude\s*:?\s*(-?\d[\d, ]*)\s*(?:ft|feet)\b/i.exec(text);
  const speed = /Speed\s*:?\s*(\d[\d,.]*)\s*(?:kt|kts|knots)\b/i.exec(text);
  const heading = /(?:Heading|Direction|Track)\s*:?\s*(\d+(?:\.\d+)?)/i.exec(text);
  return { altFt: num(alt?.[1]), speedKt: num(speed?.[1]), headingDeg: num(heading?.[1]) };
}

function timedPointsLeg(pms: Placemark[], flavour: Flavour, notes: string[], label: string): TrackLeg {
  const mismatches: string[] = [];
  let ground = 0;
  const points = pms.map((pm): TrackPoint => {
    const timeMs = timeOf(pm);
    const { lat, lon, alt } = pointOf(pm);
    const p: TrackPoint = { timeMs, lat, lon, altitudeM: alt ?? null };
    if (flavour !== 'fr24') return p;
    const where = placemarkAt(pm);
    const d = fr24Description(pm.description);
    if (d.speedKt !== undefined) {
      checkSpeed(d.speedKt * KT, where, `${d.speedKt} kt`);
      p.groundSpeedMps = d.speedKt * KT;
    }
    // FR24 calls it heading; it is the ADS-B track over ground (the CSV export calls it Direction).
    if (d.headingDeg !== undefined) {
      checkTrack(d.headingDeg, where);
      p.trackDeg = d.headingDeg % 360;
    }
    if (d.altFt !== undefined && alt !== undefined && Math.abs(alt - d.altFt * FT) > 100) {
      mismatches.push(`${where.where}: coordinate ${alt} m, description ${d.altFt} ft (${Math.round(d.altFt * FT)} m)`);
    }
    if (d.altFt !== undefined && alt === undefined) p.altitudeM = d.altFt * FT;
    // As in FR24's CSV: 0 ft means on the ground (or below the lowest level reported), not sea level.
    if (d.altFt === 0 || (d.altFt === undefined && alt === 0)) {
      p.onGround = true;
      p.altitudeM = null;
      ground++;
    }
    return p;
  });
  if (mismatches.length) {
    notes.push(
      `${mismatches.length} fix${mismatches.length === 1 ? '' : 'es'} where the coordinate altitude and the description's disagree by more than 100 m; ` +
        `the coordinate (metres) is used: ${mismatches.slice(0, 3).join('; ')}${mismatches.length > 3 ? '; …' : ''}.`,
    );
  }
  if (ground)
    notes.push(
      `${ground} fix${ground === 1 ? '' : 'es'} at altitude 0 marked on the ground (Flightradar24 writes 0 on the ground); their altitude is left unknown.`,
    );
  return finishLeg(points, notes, label, label);
}

/** Airport codes in a name or description: "KJFK", "Aéroport … (UBBB / GYD)"; the first text that has one wins. */
function airportCodes(...texts: (string | undefined)[]): { icao?: string; iata?: string } {
  let icao: string | undefined;
  let iata: string | undefined;
  for (const t of texts) {
    if (!t) continue;
    const plain = t.replace(/<[^>]*>/g, ' ');
    const exact = /^\s*([A-Z]{4})\s*$/.exec(plain);
    const paren = /\(\s*([A-Z]{4})(?:\s*[/,·-]\s*([A-Z]{3}))?\s*\)/.exec(plain);
    const iataParen = /\(\s*([A-Z]{3})\s*\)/.exec(plain);
    const word = /(?:^|[\s(/,])([A-Z]{4})(?=$|[\s)/,.:])/.exec(plain);
    icao ??= exact?.[1] ?? paren?.[1] ?? word?.[1];
    iata ??= paren?.[2] ?? iataParen?.[1];
  }
  return { ...(icao ? { icao } : {}), ...(iata ? { iata } : {}) };
}

function placeOf(pm: Placemark, airport: boolean): FilePlace {
  const { lat, lon } = pointOf(pm);
  const kind = pm.data[`${FR}kind`] === 'airport' || pm.data[`${FR}placeKind`] === 'airport' || airport ? 'airport' : 'waypoint';
  const place: FilePlace = { name: pm.name ?? `Placemark ${pm.n}`, lat, lon, kind };
  const codes = kind === 'airport' ? airportCodes(pm.name, pm.description) : {};
  const icao = pm.data[`${FR}icao`] || codes.icao;
  const iata = pm.data[`${FR}iata`] || codes.iata;
  if (icao) place.icao = icao;
  if (iata) place.iata = iata;
  return place;
}

function stepEvent(pm: Placemark): FileEvent {
  const e: FileEvent = { timeMs: timeOf(pm), title: pm.name ?? pm.data[`${FR}step`] ?? `Step ${pm.n}` };
  if (pm.description) e.text = pm.description;
  if (pm.point !== undefined) {
    const { lat, lon } = pointOf(pm);
    Object.assign(e, { lat, lon });
  }
  return e;
}

/** gx:Tour: each FlyTo whose Camera/LookAt has a time is an event (title = tour name). */
function tourEvents(doc: XmlDocument, existing: FileEvent[]): FileEvent[] {
  const out: FileEvent[] = [];
  for (const tour of descendants(doc, 'Tour')) {
    const title = childText(tour, 'name') || 'Tour';
    const text = childText(tour, 'description');
    const timed = descendants(tour, 'FlyTo').flatMap((fly) => {
      const view = childElement(fly, 'Camera') ?? childElement(fly, 'LookAt');
      const stamp = view && (descendants(view, 'TimeStamp')[0] ?? descendants(view, 'TimeSpan')[0]);
      const raw = stamp && (childText(stamp, 'when') ?? childText(stamp, 'end') ?? childText(stamp, 'begin'));
      const timeMs = raw ? parseIsoTime(raw) : null;
      if (timeMs === null || !view) return [];
      const lat = Number(childText(view, 'latitude'));
      const lon = Number(childText(view, 'longitude'));
      return [{ timeMs, lat, lon }];
    });
    timed.forEach((v, k) => {
      if (existing.some((e) => e.timeMs === v.timeMs) || out.some((e) => e.timeMs === v.timeMs)) return;
      const e: FileEvent = { timeMs: v.timeMs, title: timed.length > 1 ? `${title} ${k + 1}` : title };
      if (text) e.text = text;
      if (Number.isFinite(v.lat) && Number.isFinite(v.lon) && Math.abs(v.lat) <= 90 && Math.abs(v.lon) <= 180) Object.assign(e, { lat: v.lat, lon: v.lon });
      out.push(e);
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Interpretation per reader

type Flavour = 'fr24' | 'flightaware' | 'gx' | 'plain';

function altitudeMeaning(flavour: Flavour, writer: Writer, modes: Set<string>, data: Record<string, string>): AltitudeMeaning {
  const unit = 'm' as const;
  if (flavour === 'fr24') {
    return {
      kind: 'barometric',
      datum: 'msl',
      unit,
      note: 'Barometric (pressure, 1013.25 hPa) altitude as ADS-B reports it; FR24 writes it in metres in the coordinates (feet in the descriptions).',
    };
  }
  if (flavour === 'flightaware' || writer === 'flightaware') {
    return {
      kind: 'barometric',
      datum: 'msl',
      unit,
      note: 'Barometric (pressure) altitude as FlightAware reports it, written in metres in the track coordinates.',
    };
  }
  const relative = [...modes].some((m) => /relative/i.test(m));
  if (relative)
    return {
      kind: 'unknown',
      datum: 'unknown',
      unit,
      note: `Altitudes in metres above the ground or sea floor (altitudeMode ${[...modes].join(', ')}), not above sea level.`,
    };
  const unset = [...modes].some((m) => /not set/.test(m)) ? " (the file sets no altitudeMode; KML's default would clamp the track to the ground)" : '';
  if (writer === 'flightrecon') {
    const kind = data[`${FR}altitudeKind`];
    // The exporter writes `altitudeReference` (msl); `altitudeDatum` is read too.
    const datum = data[`${FR}altitudeDatum`] ?? data[`${FR}altitudeReference`];
    return {
      kind: kind === 'barometric' || kind === 'gnss' ? kind : 'unknown',
      datum: datum === 'ellipsoid' || datum === 'unknown' ? datum : 'msl',
      unit,
      note: `Altitude in metres as flightrecon exported it (${kind || 'kind not stated'}, ${datum || 'msl'})${unset}.`,
    };
  }
  if (writer === 'foreflight' || writer === 'mytracks') {
    return { kind: 'gnss', datum: 'msl', unit, note: `GPS altitude of the recording device in metres above mean sea level${unset}.` };
  }
  if (writer === 'adsbx') {
    return {
      kind: 'unknown',
      datum: 'msl',
      unit,
      note: `ADS-B altitude in metres above mean sea level; the file does not say whether barometric or geometric${unset}.`,
    };
  }
  return {
    kind: 'unknown',
    datum: 'msl',
    unit,
    note: `Altitude in metres above mean sea level (KML altitudeMode ${[...modes].filter((m) => !/not set/.test(m)).join(', ') || 'not set'}); the file does not say how it was measured${unset}.`,
  };
}

const FORMAT_NAMES: Record<Flavour, string> = {
  fr24: 'Flightradar24 KML',
  flightaware: 'FlightAware KML',
  gx: 'KML track (gx:Track)',
  plain: 'KML',
};
const WRITER_NAMES: Partial<Record<Writer, string>> = {
  flightrecon: 'flightrecon KML',
  adsbx: 'ADS-B Exchange / tar1090 KML',
  foreflight: 'ForeFlight KML',
};
const FORMATS: Record<Flavour, TrackFormat> = { fr24: 'fr24-kml', flightaware: 'flightaware-kml', gx: 'gx-track-kml', plain: 'kml' };

function readKml(text: string, flavour: Flavour, progress?: (fraction: number) => void): ParsedTrack {
  const file = loadKml(text, progress);
  const notes: string[] = [];
  const { legs, modes } = trackLegs(file, notes);
  // flightrecon's epilogue steps (after the flight, e.g. a report's publication) carry a date, no <when>: not events of the track.
  const steps = file.placemarks.filter((p) => p.data[`${FR}step`] !== undefined && p.when);
  const events = steps.map(stepEvent);
  const others = file.placemarks.filter((p) => p.data[`${FR}step`] === undefined && p.point !== undefined);
  let timed = others.filter((p) => p.when);
  const untimed = others.filter((p) => !p.when);
  if (flavour === 'fr24') {
    // FR24 names each Route point by its time; use the name when a point has no TimeStamp.
    for (const p of untimed) if (p.name && p.folders.some((f) => /^route$/i.test(f)) && parseIsoTime(p.name) !== null) p.when = p.name;
    timed = others.filter((p) => p.when);
    untimed.splice(0, untimed.length, ...others.filter((p) => !p.when));
    const route = timed.filter((p) => p.folders.some((f) => /^route$/i.test(f)));
    if (route.length) timed = route;
    const trail = file.placemarks.filter((p) => p.folders.some((f) => /^trail$/i.test(f)) && p.lineStrings.length).length;
    if (trail) notes.push(`Folder "Trail" (${trail} lines without times) not used; the positions come from Folder "Route".`);
  }
  if (timed.length && legs.length) {
    // Time-stamped markers beside a track are annotations ("Takeoff"), not fixes.
    for (const p of timed) {
      const { lat, lon } = pointOf(p);
      events.push({ timeMs: timeOf(p), title: p.name ?? `Placemark ${p.n}`, ...(p.description ? { text: p.description } : {}), lat, lon });
    }
    notes.push(`${timed.length} time-stamped placemark${timed.length === 1 ? '' : 's'} beside the track read as events.`);
  } else if (timed.length) {
    const label = (flavour === 'fr24' && timed[0]?.folders.at(-1)) || 'Points';
    legs.push(timedPointsLeg(timed, flavour, notes, label));
    for (const p of timed) modes.add(p.pointMode ?? 'clampToGround (not set)');
  }
  events.push(...tourEvents(file.doc, events));
  events.sort((a, b) => a.timeMs - b.timeMs);
  if (!legs.some((l) => l.points.length)) {
    const withLine = file.placemarks.find((p) => p.lineStrings.length);
    if (withLine) {
      const ls = withLine.lineStrings[0] as { points: number };
      throw new ImportError(
        `the KML has a path but no times (<LineString> in ${placemarkName(withLine)}, ${ls.points} points); flightrecon needs a time for each point`,
        `<Placemark> ${withLine.n}`,
      );
    }
    throw new ImportError('the KML has no time-stamped positions (no <gx:Track>, no <Placemark> with a <Point> and a <TimeStamp>)');
  }
  const places = untimed.map((p) => placeOf(p, flavour === 'flightaware'));
  const data = file.documentData;
  const ids = identifiersIn(file.documentName);
  const pick = (key: string) => data[`${FR}${key}`] || data[key] || undefined;
  const track: ParsedTrack = {
    format: FORMATS[flavour],
    formatName: (flavour === 'gx' && WRITER_NAMES[file.writer]) || FORMAT_NAMES[flavour],
    legs: legs.filter((l) => l.points.length),
    altitude: altitudeMeaning(flavour, file.writer, modes, data),
    places,
    events,
    notes,
  };
  const callsign = pick('callsign') ?? ids.callsign;
  const flightNumber = pick('flightNumber') ?? ids.flightNumber;
  const registration = pick('registration') ?? ids.registration;
  if (callsign) track.callsign = callsign;
  if (flightNumber) track.flightNumber = flightNumber;
  if (registration) track.registration = registration;
  const icao24 = pick('icao24') ?? ids.icao24;
  const aircraftType = pick('aircraftType');
  if (icao24) track.icao24 = icao24;
  if (aircraftType) track.aircraftType = aircraftType;
  const airports = places.filter((p) => p.kind === 'airport');
  const from = pick('from') ?? (flavour === 'flightaware' && airports[0] ? (airports[0].icao ?? airports[0].name) : undefined);
  const last = airports.at(-1);
  const to = pick('to') ?? (flavour === 'flightaware' && airports.length > 1 && last ? (last.icao ?? last.name) : undefined);
  if (from) track.from = from;
  if (to) track.to = to;
  progress?.(1);
  return track;
}

// ---------------------------------------------------------------------------------------------------
// Sniffing: cheap marker checks on the first 64 KiB.

interface KmlSignals {
  kml: boolean;
  track: boolean;
  fr24Route: boolean;
  fr24Trail: boolean;
  flightaware: boolean;
  gxWriter: boolean;
  flightrecon: boolean;
  timedPoint: boolean;
}

function signals(head: string): KmlSignals {
  const h = head.slice(0, 65536);
  return {
    kml: /<kml[\s>]|opengis\.net\/kml|earth\.google\.com\/kml/.test(h),
    track: /<(?:[\w-]+:)?(?:Track|MultiTrack)[\s>]/.test(h),
    fr24Route: /<Folder[^>]*>\s*<name>\s*Route\s*<\/name>/.test(h),
    fr24Trail: /<name>\s*Trail\s*<\/name>/.test(h),
    flightaware: /flightaware/i.test(h),
    gxWriter: /adsbexchange|ads-b exchange|tar1090|adsb\.fi|airplanes\.live|foreflight/i.test(h),
    flightrecon: h.includes(FLIGHTRECON_KML),
    timedPoint: /<TimeStamp[\s>]/.test(h) && /<Point[\s>]/.test(h),
  };
}

function sniffer(score: (s: KmlSignals, head: string) => number) {
  return (head: string, fileName?: string): number => {
    try {
      const s = signals(head);
      if (!s.kml) return hasExtension(fileName, 'kml') && /^\s*(<\?xml|<)/.test(head) ? 0.1 : 0;
      return Math.min(1, score(s, head) + (hasExtension(fileName, 'kml') ? 0.02 : 0));
    } catch {
      return 0;
    }
  };
}

function reader(flavour: Flavour, score: (s: KmlSignals, head: string) => number): TrackReader {
  return {
    format: FORMATS[flavour],
    formatName: FORMAT_NAMES[flavour],
    sniff: sniffer(score),
    parse: (text, progress) => readKml(text, flavour, progress),
  };
}

export const fr24KmlReader: TrackReader = reader('fr24', (s, head) =>
  s.fr24Route ? 0.9 + (s.fr24Trail ? 0.04 : 0) + (/flightradar24/i.test(head) ? 0.04 : 0) : /flightradar24/i.test(head) ? 0.5 : 0.05,
);

export const flightAwareKmlReader: TrackReader = reader('flightaware', (s) => (s.flightaware && !s.flightrecon ? (s.track ? 0.95 : 0.6) : 0.05));

export const gxTrackKmlReader: TrackReader = {
  ...reader('gx', (s) => {
    if (s.flightrecon) return 0.98;
    if (!s.track) return 0.1;
    if (s.fr24Route) return 0.3;
    if (s.flightaware) return 0.15;
    return s.gxWriter ? 0.92 : 0.85;
  }),
  formatName: 'KML track (gx:Track: ADS-B Exchange, tar1090, ForeFlight, flightrecon)',
};

export const plainKmlReader: TrackReader = reader('plain', (s) => {
  if (s.track || s.fr24Route || s.flightaware || s.flightrecon) return 0.15;
  return s.timedPoint ? 0.6 : 0.5;
});
