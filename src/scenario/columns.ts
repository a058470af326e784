/**
 * A long track as columns (typed arrays): how an imported flight travels from the import worker to
 * the page (transferred, not copied) and is checked by the same rules as the schema's samples
 * without building 100,000 objects twice. Pure.
 */
import type { TrackSample, ProvenanceKind } from './model';
import type { ScenarioProblem } from './problem';

export const PROVENANCE_CODES: readonly ProvenanceKind[] = ['measured', 'reported', 'inferred'];

export interface TrackColumns {
  timeMs: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  altitudeM: Float64Array;
  /** NaN where the sample has none. */
  halfWidthM: Float64Array;
  /** Index into PROVENANCE_CODES. */
  provenance: Uint8Array;
  altitudeProvenance: Uint8Array;
}

export function allocateColumns(n: number): TrackColumns {
  return {
    timeMs: new Float64Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    altitudeM: new Float64Array(n),
    halfWidthM: new Float64Array(n).fill(Number.NaN),
    provenance: new Uint8Array(n),
    altitudeProvenance: new Uint8Array(n),
  };
}

/** The columns' buffers, to transfer them to another thread. */
export function columnBuffers(c: TrackColumns): ArrayBuffer[] {
  return [c.timeMs, c.lat, c.lon, c.altitudeM, c.halfWidthM, c.provenance, c.altitudeProvenance].map((a) => a.buffer as ArrayBuffer);
}

const MIN_TIME = Date.UTC(1900, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

/**
 * The schema's rules for track samples (src/scenario/schema.ts TrackSample, validate.ts order),
 * on columns: finite values in range, times strictly increasing. Problems name `track[i].field`.
 */
export function columnProblems(c: TrackColumns, max = 20): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const n = c.timeMs.length;
  if (n < 2) out.push({ path: 'track', message: 'needs at least two samples' });
  for (let i = 0; i < n && out.length < max; i++) {
    const t = c.timeMs[i]!;
    const lat = c.lat[i]!;
    const lon = c.lon[i]!;
    const alt = c.altitudeM[i]!;
    const hw = c.halfWidthM[i]!;
    if (!Number.isFinite(t) || t < MIN_TIME || t > MAX_TIME) out.push({ path: `track[${i}].time`, message: 'is not a real date and time' });
    else if (i > 0 && !(t > c.timeMs[i - 1]!))
      out.push({ path: `track[${i}].time`, message: 'must be later than the previous sample; samples must be in time order without duplicates' });
    if (!(lat >= -90 && lat <= 90))
      out.push({ path: `track[${i}].lat`, message: Number.isFinite(lat) ? (lat < -90 ? 'must be >= -90' : 'must be <= 90') : 'must be finite' });
    if (!(lon >= -180 && lon <= 180))
      out.push({ path: `track[${i}].lon`, message: Number.isFinite(lon) ? (lon < -180 ? 'must be >= -180' : 'must be <= 180') : 'must be finite' });
    if (!(alt >= -500 && alt <= 20000))
      out.push({ path: `track[${i}].altitudeM`, message: Number.isFinite(alt) ? (alt < -500 ? 'must be >= -500 m' : 'must be <= 20000 m') : 'must be finite' });
    if (!Number.isNaN(hw) && !(hw >= 0 && hw <= 500000)) out.push({ path: `track[${i}].halfWidthM`, message: hw < 0 ? 'must be >= 0' : 'must be <= 500000' });
    if (c.provenance[i]! > 2 || c.altitudeProvenance[i]! > 2)
      out.push({ path: `track[${i}].provenance`, message: 'must be "measured", "reported" or "inferred"' });
  }
  return out.slice(0, max);
}

/** The samples the app draws, all citing `sources` (one shared array). */
export function columnsToSamples(c: TrackColumns, sources: readonly string[]): TrackSample[] {
  const n = c.timeMs.length;
  const out: TrackSample[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const hw = c.halfWidthM[i]!;
    out[i] = {
      timeMs: c.timeMs[i]!,
      lat: c.lat[i]!,
      lon: c.lon[i]!,
      altitudeM: c.altitudeM[i]!,
      provenance: PROVENANCE_CODES[c.provenance[i]!]!,
      altitudeProvenance: PROVENANCE_CODES[c.altitudeProvenance[i]!]!,
      sources,
      ...(Number.isNaN(hw) ? {} : { halfWidthM: hw }),
    };
  }
  return out;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO 8601 UTC with milliseconds only when there are any (the scenario format's `time`). */
export function isoInstant(ms: number): string {
  const d = new Date(ms);
  const frac = d.getUTCMilliseconds();
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    (frac ? `.${String(frac).padStart(3, '0')}` : '') +
    'Z'
  );
}

/** Samples as the scenario file writes them (for "Export data → scenario" of an imported flight). */
export function samplesToFileTrack(track: readonly TrackSample[]) {
  return track.map((s) => ({
    time: isoInstant(s.timeMs),
    lat: s.lat,
    lon: s.lon,
    altitudeM: s.altitudeM,
    provenance: s.provenance,
    ...(s.altitudeProvenance !== s.provenance ? { altitudeProvenance: s.altitudeProvenance } : {}),
    sources: [...s.sources],
    ...(s.note ? { note: s.note } : {}),
    ...(s.halfWidthM !== undefined ? { halfWidthM: s.halfWidthM } : {}),
  }));
}
