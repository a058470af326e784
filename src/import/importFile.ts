/**
 * The import pipeline, pure (runs in the import worker and in Node): bytes → text → detected
 * format → parsed track → scenario file → validated Scenario. The file name is only a hint.
 */
import { finishImport, type BuiltImport, type ImportResult } from './finishImport';
import { decodeText } from './decode';
import { chosenPoints, composeImport, type FileFacts, type LegChoice } from './toScenario';
import { ImportError, type ParsedTrack, type TrackReader } from './types';
import { fr24CsvReader } from './formats/fr24Csv';
import { openskyCsvReader, trafficCsvReader } from './formats/openskyCsv';
import { readsbTraceReader } from './formats/readsbTrace';
import { igcReader } from './formats/igc';
import { czmlReader } from './formats/czml';
import { fr24KmlReader, flightAwareKmlReader, gxTrackKmlReader, plainKmlReader } from './formats/kml';
import { gpxReader } from './formats/gpx';
import { geojsonReader } from './formats/geojson';

export const READERS: readonly TrackReader[] = [
  fr24CsvReader,
  openskyCsvReader,
  trafficCsvReader,
  readsbTraceReader,
  igcReader,
  czmlReader,
  fr24KmlReader,
  flightAwareKmlReader,
  gxTrackKmlReader,
  plainKmlReader,
  gpxReader,
  geojsonReader,
];

import { MAX_IMPORT_BYTES } from './limits';
export { MAX_IMPORT_BYTES, PROGRESS_BYTES } from './limits';

const SCENARIO_MARK = /"format"\s*:\s*"flightrecon-scenario"/;

/** The reader for this text, 'scenario' for the app's own JSON, or an ImportError that says what the file looks like. */
export function detectFormat(text: string, fileName = ''): TrackReader | 'scenario' {
  const head = text.slice(0, 65536);
  if (SCENARIO_MARK.test(head)) return 'scenario';
  let best: TrackReader | null = null;
  let bestScore = 0;
  for (const r of READERS) {
    let score: number;
    try {
      score = r.sniff(head, fileName);
    } catch {
      score = 0;
    }
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best && bestScore >= 0.3) return best;
  // JSON that no track reader claims is read as a scenario file: its validation names the fields that are wrong.
  if (/^\s*[[{]/.test(head) || /^\s*(null|true|false|-?\d)/.test(head) || /\.json$/i.test(fileName)) return 'scenario';
  const firstLine = head.replace(/^\s+/, '').split(/\r?\n/, 1)[0]!.slice(0, 80);
  throw new ImportError(
    `the format is not one flightrecon reads (first line: "${firstLine}"). It reads Flightradar24 CSV/KML, FlightAware KML, ADS-B Exchange/tar1090 KML and trace JSON, OpenSky CSV, GPX, IGC, CZML, GeoJSON and flightrecon scenario files.`,
    'line 1',
  );
}

export interface LegSummary {
  index: number;
  label: string;
  points: number;
  startMs: number;
  endMs: number;
}

export function legSummaries(parsed: ParsedTrack): LegSummary[] {
  return parsed.legs.map((l, index) => ({
    index,
    label: l.label ?? `Leg ${index + 1}`,
    points: l.points.length,
    startMs: l.points[0]?.timeMs ?? 0,
    endMs: l.points[l.points.length - 1]?.timeMs ?? 0,
  }));
}

export type Parsed = { kind: 'scenario'; text: string } | { kind: 'track'; parsed: ParsedTrack };

/** Text → parsed content (a track, or the app's own scenario JSON left for `buildScenario`). */
export function parseText(text: string, fileName: string, progress?: (fraction: number) => void): Parsed {
  if (text.trim() === '') throw new ImportError('the file is empty');
  const reader = detectFormat(text, fileName);
  if (reader === 'scenario') return { kind: 'scenario', text };
  const parsed = reader.parse(text, progress);
  if (parsed.legs.length === 0 || parsed.legs.every((l) => l.points.length === 0)) throw new ImportError(`${reader.formatName}: no positions found`);
  return { kind: 'track', parsed };
}

/** Parsed content → a checked import (validated here, so problems surface in the worker). Throws ImportError. */
export function buildImport(p: Parsed, file: FileFacts, leg: LegChoice = 'all'): BuiltImport {
  if (p.kind === 'scenario') {
    finishImport({ kind: 'scenario', text: p.text });
    return { kind: 'scenario', text: p.text };
  }
  const { head, columns } = composeImport(p.parsed, file, leg);
  const built: BuiltImport = {
    kind: 'track',
    head,
    columns,
    format: p.parsed.format,
    formatName: p.parsed.formatName,
    legs: p.parsed.legs.length,
    leg,
    fixes: chosenPoints(p.parsed, leg).length,
    notes: p.parsed.notes,
  };
  finishImport(built);
  return built;
}

/** Parsed content → validated scenario (Node, tests). */
export function buildScenario(p: Parsed, file: FileFacts, leg: LegChoice = 'all'): ImportResult {
  return finishImport(buildImport(p, file, leg));
}

/** SHA-256 of the bytes, lower-case hex (Web Crypto: browsers, workers, Node ≥ 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The whole pipeline in one call (tests, Node scripts): bytes → ImportResult. */
export async function importBytes(bytes: Uint8Array, name: string, leg: LegChoice = 'all'): Promise<ImportResult> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError(`the file is ${Math.round(bytes.length / 1048576)} MB; flightrecon opens files up to 100 MB`);
  const text = decodeText(bytes);
  const parsed = parseText(text, name);
  return buildScenario(parsed, { name, bytes: bytes.length, sha256: await sha256Hex(bytes) }, leg);
}

export { decodeText, ImportError, finishImport };
export type { BuiltImport, ImportResult };
