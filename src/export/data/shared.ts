/**
 * What the data exporters (CZML, KML, GeoJSON) share: escaping, times, the aircraft's position at a
 * step, the texts of a step and its sources. Pure: no DOM, no Cesium.
 */
import { distanceM } from '../../geo/greatCircle';
import { formatIsoUtc } from '../../geo/time';
import { createAircraftPosition, positionAt, sampleIndexAt, type AircraftPosition } from '../../geo/trackPosition';
import { localize, type Citation, type ReportedEvent, type Scenario } from '../../scenario/model';
import { catalogue, type Catalogue } from '../../i18n/catalogue';

/** How the exported heights are measured: metres above mean sea level, as in the scenario. */
export const ALTITUDE_REFERENCE = 'msl';

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;
const HAS_SPECIAL = /[&<>"']/;

/** Escapes & < > " ' for XML or HTML text and attribute values. */
export function escapeXml(text: string): string {
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (c) => HTML_ENTITIES[c]!) : text;
}

/** Same escaping; named for the places where the text becomes HTML (KML and CZML descriptions). */
export const escapeHtml = escapeXml;

/** "2024-12-25T05:13:31Z" (milliseconds only when not whole seconds). */
export const isoUtc = formatIsoUtc;

const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? '0' : '') + i);
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const DAY_MS = 86400000;

/**
 * Formats like isoUtc, several times faster for many times in a few days (a track): the date part is
 * computed once a day, the time of day by arithmetic. Same output as isoUtc for years 0–9999.
 */
export function isoUtcFormatter(): (ms: number) => string {
  let day = NaN;
  let prefix = '';
  return (time: number): string => {
    // Reconstructed samples may fall between milliseconds: written to the millisecond.
    const ms = Math.round(time);
    if (!Number.isFinite(ms)) return formatIsoUtc(time);
    const d = Math.floor(ms / DAY_MS);
    if (d !== day) {
      const iso = new Date(d * DAY_MS).toISOString();
      if (iso.length !== 24) return formatIsoUtc(ms);
      day = d;
      prefix = iso.slice(0, 11);
    }
    let r = ms - d * DAY_MS;
    const milli = r % 1000;
    r = (r - milli) / 1000;
    const sec = r % 60;
    r = (r - sec) / 60;
    const min = r % 60;
    const hour = (r - min) / 60;
    return `${prefix}${TWO[hour]}:${TWO[min]}:${TWO[sec]}${milli === 0 ? '' : '.' + THREE[milli]}Z`;
  };
}

/** The few words the exporters write themselves. */
export function words(lang: string): Catalogue['exportData'] {
  return catalogue(lang).exportData;
}

/** The step's sources as citations, in the step's order; unknown ids are skipped. */
export function citations(scenario: Scenario, ids: readonly string[]): Citation[] {
  const out: Citation[] = [];
  for (const id of ids) {
    const c = scenario.sources.get(id);
    if (c) out.push(c);
  }
  return out;
}

/** A citation as exported data: id, title, publisher, date?, url? (or file? for a data file the scenario was made from). */
export interface CitationData {
  id: string;
  title: string;
  publisher: string;
  date?: string;
  /** Kind of publisher (docs/SCENARIO.md, "Source tiers"); "unrated" for an old file's source without one. */
  tier: string;
  /** Whose text the page reproduces, e.g. "Reuters". */
  original?: string;
  language?: string;
  url?: string;
  file?: { name: string; format: string; sha256: string };
}

export function citationData(c: Citation): CitationData {
  const out: CitationData = { id: c.id, title: c.title, publisher: c.publisher, tier: c.tierAssumed ? 'unrated' : c.tier };
  if (c.original) out.original = c.original;
  if (c.language) out.language = c.language;
  if (c.date) out.date = c.date;
  if (c.url) out.url = c.url;
  if (c.file) out.file = { name: c.file.name, format: c.file.format, sha256: c.file.sha256 };
  return out;
}

/** Flight number, callsign and registration as far as the scenario gives them, e.g. "J2-8243 (AHY8243, 4K-AZ65)". */
export function flightName(scenario: Scenario, lang: string): string {
  const { flightNumber, callsign, registration } = scenario.flight;
  const rest = [callsign, registration].filter((x): x is string => !!x && x !== flightNumber);
  const head = flightNumber || rest.shift();
  if (!head) return localize(scenario.title, lang);
  return rest.length > 0 ? `${head} (${rest.join(', ')})` : head;
}

/** The identifying fields of the flight, only those the scenario has. */
export function flightIds(scenario: Scenario): { callsign?: string; registration?: string; flightNumber?: string } {
  const { callsign, registration, flightNumber } = scenario.flight;
  return { ...(callsign ? { callsign } : {}), ...(registration ? { registration } : {}), ...(flightNumber ? { flightNumber } : {}) };
}

/** Caption (or note; may be empty) plus its sources as a small HTML fragment; every text is escaped, the URLs are links. */
export function describeHtml(text: string, sources: readonly Citation[], lang: string): string {
  const parts = text ? [`<p>${escapeHtml(text)}</p>`] : [];
  if (sources.length > 0) {
    const items = sources.map((c) => {
      const where = c.url
        ? `<a href="${escapeHtml(c.url)}">${escapeHtml(c.url)}</a>`
        : c.file
          ? escapeHtml(`${c.file.name} (${c.file.format}, SHA-256 ${c.file.sha256})`)
          : '';
      const publisher = c.original ? `${c.publisher} (${c.original})` : c.publisher;
      const tier = c.tierAssumed ? '' : ` [${c.tier}]`;
      return `<li>${escapeHtml(`${c.title} — ${publisher}${c.date ? `, ${c.date}` : ''}${tier}`)}${where ? `: ${where}` : ''}</li>`;
    });
    parts.push(`<p>${escapeHtml(words(lang).sources)}:</p><ul>${items.join('')}</ul>`);
  }
  return parts.join('');
}

/** Event steps in time order (the scenario lists them first). */
export function eventSteps(scenario: Scenario): ReportedEvent[] {
  return scenario.steps.filter((s) => s.kind === 'event');
}

/** When a step's span ends: the next event step's time (if later), else the end of the flight. */
export function stepEndMs(scenario: Scenario, events: readonly ReportedEvent[], i: number): number {
  const step = events[i]!;
  for (let k = i + 1; k < events.length; k++) {
    const t = events[k]!.timeMs;
    if (t > step.timeMs) return t;
  }
  return Math.max(step.timeMs, scenario.endMs);
}

/** Where the aircraft is at a time (great circle between samples, altitude linear; clamped to the track). */
export function aircraftAt(scenario: Scenario, timeMs: number): AircraftPosition {
  const at = positionAt(scenario.track, timeMs, createAircraftPosition());
  // At a sample, its own numbers (the interpolation may be off in the last bit).
  const s = scenario.track[sampleIndexAt(scenario.track, timeMs)];
  if (s && s.timeMs === timeMs) {
    at.lat = s.lat;
    at.lon = s.lon;
    at.altitudeM = s.altitudeM;
  }
  return at;
}

/**
 * Radius (m) a view of a step should show around the aircraft: the track to the next event step and
 * the step's place (when within 250 km), at least 25 km — like the app's default step shot.
 */
export function stepRadiusM(scenario: Scenario, step: ReportedEvent, endMs: number, centre: AircraftPosition): number {
  let r = 25000;
  const track = scenario.track;
  const from = Math.max(0, sampleIndexAt(track, step.timeMs));
  for (let i = from; i < track.length && track[i]!.timeMs <= endMs; i++) {
    const s = track[i]!;
    r = Math.max(r, distanceM(centre.lat, centre.lon, s.lat, s.lon));
  }
  const end = aircraftAt(scenario, endMs);
  r = Math.max(r, distanceM(centre.lat, centre.lon, end.lat, end.lon));
  const place = step.place ? scenario.places.get(step.place) : undefined;
  if (place) {
    const d = distanceM(centre.lat, centre.lon, place.lat, place.lon);
    if (d <= 250000) r = Math.max(r, d);
  }
  return r;
}

/** Seconds to read a text at about 180 words a minute, at least 4 s. */
export function readingSeconds(text: string): number {
  const n = text.split(/\s+/).filter((w) => w.length > 0).length;
  return Math.max(4, Math.ceil(n / 3));
}

/** The step's time as exported: an ISO instant for events, the date as written for epilogue steps. */
export function stepTimeText(step: ReportedEvent): string {
  return step.kind === 'event' ? isoUtc(step.timeMs) : step.timeText;
}

/** Title and caption in the language. */
export function stepText(step: ReportedEvent, lang: string): { title: string; caption: string } {
  return { title: localize(step.title, lang), caption: localize(step.caption, lang) };
}
