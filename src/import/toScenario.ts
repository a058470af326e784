/**
 * An imported track becomes a scenario file (validated like any other by loadScenario): its fixes
 * are the measured samples, its one source is the file, and its steps are found in the data —
 * first fix, take-off, top of climb, each gap longer than 60 s, top of descent, landing, last fix —
 * never invented. Gaps are bridged by inferred samples with an uncertainty corridor.
 */
import { SCENARIO_REVISION, type ConfidenceLevel, type ScenarioFileData, type SourceTierName } from '../scenario/schema';
import type { TrackFormat } from './types';
import { distanceM, interpolateGreatCircle } from '../geo/greatCircle';
import { ImportError, type ParsedTrack, type TrackPoint } from './types';
import { detectSteps, type DetectedStep } from './detectSteps';
import { allocateColumns, columnsToSamples, samplesToFileTrack, type TrackColumns } from '../scenario/columns';
import type { PointProvenance } from './types';

/** What is known of the file itself (read by the worker before parsing). */
export interface FileFacts {
  name: string;
  bytes: number;
  sha256: string;
}

/** Which legs to use: one (0-based) or all of them. */
export type LegChoice = number | 'all';

/** A pause longer than this (no fixes) becomes a `gap` with a step and an inferred bridge… */
export const GAP_MS = 60_000;
/** …and longer than this many of the file's usual fix intervals (sparse files, e.g. one fix every 2 min, are not all gaps). */
const GAP_INTERVALS = 3;

/** The gap threshold for these fixes: 60 s, or three median intervals when the file is sparser. */
export function gapThresholdMs(points: readonly TrackPoint[]): number {
  const dts: number[] = [];
  for (let i = 1; i < points.length; i++) dts.push(points[i]!.timeMs - points[i - 1]!.timeMs);
  dts.sort((a, b) => a - b);
  const median = dts[Math.floor(dts.length / 2)] ?? 0;
  return Math.max(GAP_MS, GAP_INTERVALS * median);
}
/** Inferred samples in a gap: one every 5 s, at most this many per gap. */
const MAX_BRIDGE_SAMPLES = 200;
const SOURCE_ID = 'file';

/**
 * The tier of a data file as a source: the flight-data services' own exports are "specialist"; a file of
 * unknown origin (GPX, IGC, plain KML, GeoJSON, CZML) is "other", so nothing detected in it is "high".
 */
export function fileTier(format: TrackFormat): SourceTierName {
  switch (format) {
    case 'fr24-csv':
    case 'fr24-kml':
    case 'flightaware-kml':
    case 'readsb-json':
    case 'opensky-csv':
    case 'traffic-csv':
      return 'specialist';
    default:
      return 'other';
  }
}

/** The best confidence a fact found in this file can have (see fileTier). */
function topConfidence(format: TrackFormat): ConfidenceLevel {
  return fileTier(format) === 'other' ? 'medium' : 'high';
}

const pad = (n: number) => String(n).padStart(2, '0');
function isoUtc(ms: number): string {
  const d = new Date(ms);
  const frac = d.getUTCMilliseconds();
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    (frac ? `.${String(frac).padStart(3, '0')}` : '') +
    'Z'
  );
}
export const clockUtc = (ms: number): string => isoUtc(ms).slice(11, 19);

function slug(text: string): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'track';
}

/** The points of the chosen leg(s), in time order, without duplicate times. */
export function chosenPoints(parsed: ParsedTrack, leg: LegChoice): TrackPoint[] {
  if (leg !== 'all') {
    const one = parsed.legs[leg];
    if (!one) throw new ImportError(`the file has ${parsed.legs.length} leg(s); there is no leg ${leg + 1}`);
    return one.points;
  }
  if (parsed.legs.length === 1) return parsed.legs[0]!.points;
  const all = parsed.legs.flatMap((l) => l.points).sort((a, b) => a.timeMs - b.timeMs);
  return all.filter((p, i) => i === 0 || p.timeMs > all[i - 1]!.timeMs);
}

/**
 * Altitudes the file lacks (nulls) are interpolated in time between known ones (the ends take the
 * nearest); a fix the file marks as on the ground without an altitude (readsb "ground", FR24 0 ft)
 * is put at 0 m — the globe has no terrain, so 0 m is its ground. Returns which were filled
 * (drawn as inferred). A file with no altitude at all gets 0 m everywhere.
 */
export function fillAltitudes(points: readonly TrackPoint[]): { altitudes: Float64Array; filled: Uint8Array; known: number } {
  const n = points.length;
  const altitudes = new Float64Array(n);
  const filled = new Uint8Array(n);
  let prev = -1;
  let known = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    let a = p.altitudeM;
    if (a === null || !Number.isFinite(a)) {
      if (!p.onGround) continue;
      a = 0;
      filled[i] = 1;
    } else known++;
    altitudes[i] = a;
    for (let j = prev + 1; j < i; j++) {
      filled[j] = 1;
      if (prev < 0) altitudes[j] = a;
      else {
        const q = points[prev]!;
        const f = (points[j]!.timeMs - q.timeMs) / (points[i]!.timeMs - q.timeMs);
        altitudes[j] = altitudes[prev]! + f * (a - altitudes[prev]!);
      }
    }
    prev = i;
  }
  for (let j = prev + 1; j < n; j++) {
    filled[j] = 1;
    altitudes[j] = prev >= 0 ? altitudes[prev]! : 0;
  }
  return { altitudes, filled, known };
}

/** A fast ground speed the aircraft reached (95th percentile of fix-to-fix speeds, m/s). */
function typicalTopSpeed(points: readonly TrackPoint[]): number {
  const speeds: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dt = (b.timeMs - a.timeMs) / 1000;
    if (dt <= 0 || dt > 600) continue;
    speeds.push(b.groundSpeedMps ?? distanceM(a.lat, a.lon, b.lat, b.lon) / dt);
  }
  if (speeds.length === 0) return 0;
  speeds.sort((x, y) => x - y);
  return speeds[Math.floor(speeds.length * 0.95)] ?? speeds[speeds.length - 1]!;
}

/** Samples gathered in plain arrays, then made columns (typed arrays, transferable). */
class ColumnBuilder {
  readonly timeMs: number[] = [];
  readonly lat: number[] = [];
  readonly lon: number[] = [];
  readonly altitudeM: number[] = [];
  readonly halfWidthM: number[] = [];
  readonly provenance: number[] = [];
  readonly altitudeProvenance: number[] = [];

  push(timeMs: number, lat: number, lon: number, altitudeM: number, provenance: number, altitudeProvenance: number, halfWidthM: number): void {
    this.timeMs.push(timeMs);
    this.lat.push(lat);
    this.lon.push(lon);
    this.altitudeM.push(altitudeM);
    this.provenance.push(provenance);
    this.altitudeProvenance.push(altitudeProvenance);
    this.halfWidthM.push(halfWidthM);
  }

  columns(): TrackColumns {
    const c = allocateColumns(this.timeMs.length);
    c.timeMs.set(this.timeMs);
    c.lat.set(this.lat);
    c.lon.set(this.lon);
    c.altitudeM.set(this.altitudeM);
    c.halfWidthM.set(this.halfWidthM);
    c.provenance.set(this.provenance);
    c.altitudeProvenance.set(this.altitudeProvenance);
    return c;
  }
}

/** A few samples of the columns (the stand-in track of the file head). */
function pick(c: TrackColumns, indices: readonly number[]): TrackColumns {
  const out = allocateColumns(indices.length);
  indices.forEach((i, k) => {
    out.timeMs[k] = c.timeMs[i]!;
    out.lat[k] = c.lat[i]!;
    out.lon[k] = c.lon[i]!;
    out.altitudeM[k] = c.altitudeM[i]!;
    out.halfWidthM[k] = c.halfWidthM[i]!;
    out.provenance[k] = c.provenance[i]!;
    out.altitudeProvenance[k] = c.altitudeProvenance[i]!;
  });
  return out;
}

const CODE: Record<PointProvenance, number> = { measured: 0, reported: 1, inferred: 2 };

/**
 * Inferred samples across a gap from `a` to `b`: on the great circle, altitude linear, each with the
 * half-width of where the aircraft can have been (a point that left `a` and reaches `b` in time, at
 * no more than `vMax`: min(f, 1-f)·sqrt((vMax·T)² − d²), at most 500 km).
 */
function bridge(a: TrackPoint, altA: number, b: TrackPoint, altB: number, vMax: number, out: ColumnBuilder): void {
  const T = (b.timeMs - a.timeMs) / 1000;
  const d = distanceM(a.lat, a.lon, b.lat, b.lon);
  const v = Math.max(vMax, (d / T) * 1.05);
  const spread = Math.sqrt(Math.max(0, (v * T) ** 2 - d * d));
  const count = Math.min(MAX_BRIDGE_SAMPLES, Math.floor(T / 5));
  const at = { lat: 0, lon: 0 };
  for (let k = 1; k < count; k++) {
    const f = k / count;
    interpolateGreatCircle(a.lat, a.lon, b.lat, b.lon, f, at);
    out.push(
      Math.round(a.timeMs + f * (b.timeMs - a.timeMs)),
      round(at.lat, 6),
      round(at.lon, 6),
      round(altA + f * (altB - altA), 1),
      CODE.inferred,
      CODE.inferred,
      Math.round(Math.min(500_000, Math.min(f, 1 - f) * spread)),
    );
  }
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** The scenario file for a parsed track, with its whole track written out (tests, small files). */
export function trackToScenario(parsed: ParsedTrack, file: FileFacts, leg: LegChoice = 'all'): ScenarioFileData {
  const { head, columns } = composeImport(parsed, file, leg);
  return { ...head, track: samplesToFileTrack(columnsToSamples(columns, [SOURCE_ID])) };
}

/**
 * The scenario for a parsed track: the file (`head`) with a stand-in track (first and last sample)
 * and the whole track as columns — for src/scenario/validate.ts loadScenarioColumns. Throws
 * ImportError when the values cannot make a flight.
 */
export function composeImport(parsed: ParsedTrack, file: FileFacts, leg: LegChoice = 'all'): { head: ScenarioFileData; columns: TrackColumns } {
  const points = chosenPoints(parsed, leg);
  if (points.length < 2) throw new ImportError(`the file has only ${points.length} usable fix${points.length === 1 ? '' : 'es'}; a flight needs at least two`);
  const { altitudes, filled, known } = fillAltitudes(points);
  for (let i = 0; i < points.length; i++) {
    const alt = altitudes[i]!;
    if (alt < -500 || alt > 20000)
      throw new ImportError(`fix ${i + 1} (${isoUtc(points[i]!.timeMs)}): altitude ${Math.round(alt)} m is outside -500..20000 m`, `fix ${i + 1}`);
  }
  const vMax = Math.max(typicalTopSpeed(points) * 1.15, 30);
  const track = new ColumnBuilder();
  const gaps: ScenarioFileData['gaps'] = [];
  const gapMs = gapThresholdMs(points);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (i > 0 && p.timeMs - points[i - 1]!.timeMs > gapMs) {
      const a = points[i - 1]!;
      gaps.push({
        id: `gap-${gaps.length + 1}`,
        from: isoUtc(a.timeMs),
        to: isoUtc(p.timeMs),
        kind: 'no-data',
        description: {
          en: `No fixes in the file for ${formatSpan(p.timeMs - a.timeMs)} (${clockUtc(a.timeMs)}–${clockUtc(p.timeMs)} UTC); the path drawn here is inferred, with the area the aircraft can have been in.`,
          de: `Keine Positionen in der Datei für ${formatSpan(p.timeMs - a.timeMs)} (${clockUtc(a.timeMs)}–${clockUtc(p.timeMs)} UTC); der Weg hier ist erschlossen, mit dem Gebiet, in dem das Flugzeug gewesen sein kann.`,
        },
        sources: [SOURCE_ID],
      });
      bridge(a, altitudes[i - 1]!, p, altitudes[i]!, vMax, track);
    }
    const prov = CODE[p.provenance ?? 'measured'];
    const altProv = filled[i] ? CODE.inferred : p.altitudeProvenance ? CODE[p.altitudeProvenance] : prov;
    const hw = p.halfWidthM !== undefined && p.halfWidthM > 0 ? Math.min(500_000, p.halfWidthM) : Number.NaN;
    track.push(p.timeMs, round(p.lat, 6), round(p.lon, 6), round(altitudes[i]!, 1), prov, altProv, hw);
  }
  const columns = track.columns();
  const n = columns.timeMs.length;
  const ends = columnsToSamples(pick(columns, [0, n - 1]), [SOURCE_ID]);
  const stubTrack = samplesToFileTrack(ends);

  const first = points[0]!;
  const last = points[points.length - 1]!;
  const name = parsed.callsign ?? parsed.flightNumber ?? parsed.registration ?? file.name.replace(/\.[^.]+$/, '');
  const date = isoUtc(first.timeMs).slice(0, 10);
  const legNote = parsed.legs.length > 1 ? (leg === 'all' ? `all ${parsed.legs.length} legs` : `leg ${leg + 1} of ${parsed.legs.length}`) : '';

  // Places: the file's airports nearest the first and last fix when it names any, else the fixes themselves.
  const places: ScenarioFileData['places'] = [];
  const placeFor = (p: TrackPoint, role: 'start' | 'end'): string => {
    let best: (typeof parsed.places)[number] | undefined;
    let bestD = 30_000;
    for (const fp of parsed.places) {
      if (fp.kind !== 'airport') continue;
      const dd = distanceM(fp.lat, fp.lon, p.lat, p.lon);
      if (dd < bestD) {
        best = fp;
        bestD = dd;
      }
    }
    const id = role === 'start' ? 'track-start' : 'track-end';
    if (best) {
      places.push({
        id,
        kind: 'airport',
        name: { en: best.name },
        ...(best.icao && /^[A-Z]{4}$/.test(best.icao) ? { icao: best.icao } : {}),
        ...(best.iata && /^[A-Z]{3}$/.test(best.iata) ? { iata: best.iata } : {}),
        lat: round(best.lat, 6),
        lon: round(best.lon, 6),
        confidence: topConfidence(parsed.format),
        sources: [SOURCE_ID],
      });
    } else {
      places.push({
        id,
        kind: 'waypoint',
        name: role === 'start' ? { en: 'Start of the track', de: 'Anfang des Tracks' } : { en: 'End of the track', de: 'Ende des Tracks' },
        lat: round(p.lat, 6),
        lon: round(p.lon, 6),
        confidence: topConfidence(parsed.format),
        sources: [SOURCE_ID],
      });
    }
    return id;
  };
  const from = placeFor(first, 'start');
  const to = placeFor(last, 'end');

  const detected = detectSteps(
    points,
    altitudes,
    gaps.map((g) => ({ fromMs: Date.parse(g.from), toMs: Date.parse(g.to) })),
  );
  const steps = detected.map((d) => stepOf(d, parsed, file, { from, to }));

  const fileNotes = [parsed.altitude.note, ...parsed.notes];
  if (known === 0) fileNotes.push('The file has no altitudes: the track is drawn at 0 m.');
  else if (known < points.length) {
    const ground = points.filter((p) => p.onGround && (p.altitudeM === null || !Number.isFinite(p.altitudeM))).length;
    if (ground) fileNotes.push(`${ground} fixes on the ground have no altitude; they are drawn at 0 m (marked inferred).`);
    if (points.length - known - ground > 0)
      fileNotes.push(`${points.length - known - ground} of ${points.length} fixes have no altitude; theirs is interpolated (marked inferred).`);
  }
  if (legNote) fileNotes.push(`Shown: ${legNote}.`);
  if (gapMs > GAP_MS)
    fileNotes.push(`The file has a fix about every ${Math.round(gapMs / GAP_INTERVALS / 1000)} s; pauses over ${Math.round(gapMs / 1000)} s count as gaps.`);

  const summaryEn =
    `Track imported from "${file.name}" (${parsed.formatName}): ${points.length.toLocaleString('en-US')} fixes, ` +
    `${isoUtc(first.timeMs).replace('T', ' ').slice(0, 16)} to ${isoUtc(last.timeMs).replace('T', ' ').slice(0, 16)} UTC` +
    (gaps.length ? `, ${gaps.length} gap${gaps.length > 1 ? 's' : ''} longer than a minute` : '') +
    '. The steps were detected from the data; nothing else is known about this flight here.';
  const summaryDe =
    `Track aus „${file.name}“ (${parsed.formatName}): ${points.length.toLocaleString('de-DE')} Positionen, ` +
    `${isoUtc(first.timeMs).replace('T', ' ').slice(0, 16)} bis ${isoUtc(last.timeMs).replace('T', ' ').slice(0, 16)} UTC` +
    (gaps.length ? `, ${gaps.length} Lücke${gaps.length > 1 ? 'n' : ''} länger als eine Minute` : '') +
    '. Die Schritte wurden aus den Daten erkannt; mehr ist hier über diesen Flug nicht bekannt.';

  const cap = (s: string | undefined, max: number) => (s && s.trim() ? s.trim().slice(0, max) : undefined);
  const source: ScenarioFileData['sources'][number] = {
    id: SOURCE_ID,
    title: file.name.slice(0, 300),
    publisher: parsed.formatName,
    date,
    tier: fileTier(parsed.format),
    file: {
      name: file.name.slice(0, 300),
      format: parsed.formatName,
      bytes: file.bytes,
      sha256: file.sha256,
      ...(cap(parsed.callsign, 20) ? { callsign: cap(parsed.callsign, 20) } : {}),
      ...(cap(parsed.registration, 20) ? { registration: cap(parsed.registration, 20) } : {}),
      ...(parsed.icao24 && /^[0-9a-f]{6}$/i.test(parsed.icao24) ? { icao24: parsed.icao24.toLowerCase() } : {}),
    },
    note: fileNotes.join(' ').slice(0, 1000),
  };
  const head: ScenarioFileData = {
    format: 'flightrecon-scenario',
    version: 1,
    revision: SCENARIO_REVISION,
    id: slug(`import-${name}-${date}`),
    title: { en: `${name} — ${date}` },
    summary: { en: summaryEn, de: summaryDe },
    languages: ['en', 'de'],
    flight: {
      ...(cap(parsed.callsign, 20) ? { callsign: cap(parsed.callsign, 20) } : {}),
      ...(cap(parsed.flightNumber, 20) ? { flightNumber: cap(parsed.flightNumber, 20) } : {}),
      ...(cap(parsed.registration, 20) ? { registration: cap(parsed.registration, 20) } : {}),
      ...(cap(parsed.aircraftType, 200) ? { aircraft: cap(parsed.aircraftType, 200) } : {}),
      from,
      to,
      date,
      sources: [SOURCE_ID],
    },
    sources: [source],
    places,
    track: stubTrack,
    gaps,
    steps,
    claims: [],
  };
  return { head, columns };
}

function stepOf(d: DetectedStep, parsed: ParsedTrack, file: FileFacts, ends: { from: string; to: string }): ScenarioFileData['steps'][number] {
  const when = clockUtc(d.timeMs);
  const alt = Math.round(d.altitudeM);
  const ft = Math.round(d.altitudeM / 0.3048);
  const altKind = parsed.altitude.kind === 'barometric' ? 'pressure altitude' : parsed.altitude.kind === 'gnss' ? 'GNSS altitude' : 'altitude';
  const altKindDe = parsed.altitude.kind === 'barometric' ? 'Druckhöhe' : parsed.altitude.kind === 'gnss' ? 'GNSS-Höhe' : 'Höhe';
  const whereEn = d.onGround ? 'on the ground' : `${altKind} ${alt} m (${ft} ft)`;
  const whereDe = d.onGround ? 'am Boden' : `${altKindDe} ${alt} m (${ft} ft)`;
  const detectedEn = `Detected from the data in "${file.name}".`;
  const detectedDe = `Aus den Daten in „${file.name}“ erkannt.`;
  const T: Record<DetectedStep['kind'], [string, string, string, string]> = {
    'first-fix': [
      'First fix',
      'Erste Position',
      `The file's first position, at ${when} UTC, ${whereEn}.`,
      `Die erste Position der Datei, um ${when} UTC, ${whereDe}.`,
    ],
    takeoff: ['Take-off', 'Start', `The data show the aircraft leaving the ground at ${when} UTC.`, `Die Daten zeigen das Abheben um ${when} UTC.`],
    'top-of-climb': [
      'Top of climb',
      'Ende des Steigflugs',
      `The climb ends at ${when} UTC at ${alt} m (${ft} ft) ${altKind}, the highest level of the flight.`,
      `Der Steigflug endet um ${when} UTC auf ${alt} m (${ft} ft) ${altKindDe}, der größten Höhe des Flugs.`,
    ],
    gap: [
      `Gap in the data (${d.gapText ?? ''})`,
      `Datenlücke (${d.gapText ?? ''})`,
      `No fixes from ${when} UTC for ${d.gapText ?? ''}. The path across the gap is inferred; the shaded corridor is where the aircraft can have been at its speed.`,
      `Keine Positionen ab ${when} UTC für ${d.gapText ?? ''}. Der Weg über die Lücke ist erschlossen; der Korridor zeigt, wo das Flugzeug bei seiner Geschwindigkeit gewesen sein kann.`,
    ],
    'top-of-descent': [
      'Top of descent',
      'Beginn des Sinkflugs',
      `The descent begins at ${when} UTC from ${alt} m (${ft} ft) ${altKind}.`,
      `Der Sinkflug beginnt um ${when} UTC aus ${alt} m (${ft} ft) ${altKindDe}.`,
    ],
    landing: [
      'Landing',
      'Landung',
      `The data show the aircraft on the ground again at ${when} UTC.`,
      `Die Daten zeigen das Flugzeug um ${when} UTC wieder am Boden.`,
    ],
    'last-fix': [
      'Last fix',
      'Letzte Position',
      `The file's last position, at ${when} UTC, ${whereEn}.`,
      `Die letzte Position der Datei, um ${when} UTC, ${whereDe}.`,
    ],
  };
  const [en, de, capEn, capDe] = T[d.kind];
  return {
    id: d.id,
    kind: 'event',
    time: isoUtc(d.timeMs),
    timePrecision: 'second',
    title: { en, de },
    caption: { en: `${capEn} ${detectedEn}`, de: `${capDe} ${detectedDe}` },
    ...(d.kind === 'first-fix' || d.kind === 'takeoff' ? { place: ends.from } : d.kind === 'last-fix' || d.kind === 'landing' ? { place: ends.to } : {}),
    sources: [SOURCE_ID],
    confidence: d.kind === 'top-of-climb' || d.kind === 'top-of-descent' ? 'medium' : topConfidence(parsed.format),
    ...(d.kind === 'gap' && d.untilMs ? { subject: { from: isoUtc(d.timeMs), to: isoUtc(d.untilMs) } } : {}),
  };
}
