/**
 * The most plausible path through every anchor at its time, and how uncertain it is.
 *
 * Horizontal: a cubic Hermite curve per segment in a local plane, with velocities at the
 * anchors (three-point derivative, or the anchor's own heading/speed), limited to the speed range; where a segment would break
 * the speed or turn-rate limits it is blended towards the straight line, and if even that fails the
 * input is rejected. Vertical: linear between anchors (constant climb or descent). Corridor: see
 * corridor.ts. Pure and fast (about a millisecond for a hundred anchors).
 */
import { distanceM } from '../geo/greatCircle';
import type { ProvenanceKind } from '../scenario/model';
import { checkInput, checkVertical } from './checkInput';
import { corridorHalfWidth, type CorridorSegment } from './corridor';
import { LocalPlane, type PlanePoint } from './localPlane';
import { chordBetween, firstViolation, type Chord } from './pathCheck';
import { ReconstructionError, type Anchor, type FlightConstraints, type PathSample } from './types';

export interface ReconstructOptions {
  /** Largest time between output samples, seconds (default 5). */
  readonly stepS?: number;
}

const D2R = Math.PI / 180;
const RANK: Readonly<Record<ProvenanceKind, number>> = { measured: 2, reported: 1, inferred: 0 };
const weaker = (a: ProvenanceKind, b: ProvenanceKind): ProvenanceKind => (RANK[a] <= RANK[b] ? a : b);
const BLENDS = [1, 0.75, 0.5, 0.25, 0];
const STATIONARY_M = 1;

/** Altitudes (and their uncertainty) at every anchor: own value, else linear in time between neighbours that have one. */
function fillAltitudes(anchors: readonly Anchor[]): { alt: number[]; unc: number[] } {
  const known = anchors.map((a, i) => (a.altitudeM !== undefined ? i : -1)).filter((i) => i >= 0);
  const alt: number[] = [];
  const unc: number[] = [];
  anchors.forEach((a, i) => {
    if (a.altitudeM !== undefined) {
      alt.push(a.altitudeM);
      unc.push(a.altitudeUncertaintyM ?? 0);
      return;
    }
    const after = known.find((k) => k > i);
    const before = [...known].reverse().find((k) => k < i);
    const pick = (k: number) => anchors[k]!;
    if (before === undefined || after === undefined) {
      const k = (before ?? after)!;
      alt.push(pick(k).altitudeM!);
      unc.push(a.altitudeUncertaintyM ?? pick(k).altitudeUncertaintyM ?? 0);
      return;
    }
    const f = (a.timeMs - pick(before).timeMs) / (pick(after).timeMs - pick(before).timeMs);
    alt.push(pick(before).altitudeM! + (pick(after).altitudeM! - pick(before).altitudeM!) * f);
    const u0 = pick(before).altitudeUncertaintyM ?? 0;
    unc.push(a.altitudeUncertaintyM ?? u0 + ((pick(after).altitudeUncertaintyM ?? 0) - u0) * f);
  });
  return { alt, unc };
}

/** Velocity (east, north; m/s) at each anchor. */
function anchorVelocities(anchors: readonly Anchor[], c: FlightConstraints): PlanePoint[] {
  const p: PlanePoint = { x: 0, y: 0 };
  return anchors.map((a, i) => {
    const prev = anchors[i - 1];
    const next = anchors[i + 1];
    const plane = new LocalPlane(a.lat, a.lon);
    const still = (b: Anchor | undefined) => b !== undefined && distanceM(a.lat, a.lon, b.lat, b.lon) < STATIONARY_M;
    const v: PlanePoint = { x: 0, y: 0 };
    if ((still(prev) || still(next)) && a.speedMps === undefined) return v;
    // Three-point derivative (exact for steady acceleration, also with uneven spacing); one-sided at the ends.
    const w0 = prev && next ? (next.timeMs - a.timeMs) / (next.timeMs - prev.timeMs) : prev ? 1 : 0;
    if (prev) {
      plane.project(prev.lat, prev.lon, p);
      const dt = (a.timeMs - prev.timeMs) / 1000;
      v.x += (w0 * -p.x) / dt;
      v.y += (w0 * -p.y) / dt;
    }
    if (next) {
      plane.project(next.lat, next.lon, p);
      const dt = (next.timeMs - a.timeMs) / 1000;
      v.x += ((1 - w0) * p.x) / dt;
      v.y += ((1 - w0) * p.y) / dt;
    }
    let mag = Math.hypot(v.x, v.y);
    if (a.headingDeg !== undefined) {
      v.x = Math.sin(a.headingDeg * D2R);
      v.y = Math.cos(a.headingDeg * D2R);
      mag = a.speedMps ?? mag;
    } else if (mag > 0) {
      v.x /= mag;
      v.y /= mag;
      mag = a.speedMps ?? mag;
    }
    if (mag > 0) mag = Math.min(c.maxSpeedMps, Math.max(c.minSpeedMps, mag));
    v.x *= mag;
    v.y *= mag;
    return v;
  });
}

function mergeSources(a: readonly string[], b: readonly string[]): readonly string[] {
  if (a === b) return a;
  return [...new Set([...a, ...b])].slice(0, 20);
}

interface Mutable extends Omit<PathSample, 'lat' | 'lon'> {
  lat: number;
  lon: number;
}

/** Samples of one segment (start anchor included, end anchor excluded) with the given blend towards the curve. */
function segmentSamples(anchors: readonly Anchor[], i: number, vel: readonly PlanePoint[], blend: number, ctx: SegmentContext): Mutable[] {
  const a = anchors[i]!;
  const b = anchors[i + 1]!;
  const T = (b.timeMs - a.timeMs) / 1000;
  const plane = new LocalPlane(a.lat, a.lon);
  const pb = plane.project(b.lat, b.lon, { x: 0, y: 0 });
  const va = vel[i]!;
  const vb = vel[i + 1]!;
  const n = Math.max(1, Math.ceil(T / ctx.stepS));
  const prov = weaker(a.provenance, b.provenance);
  const altProv = weaker(a.altitudeProvenance ?? a.provenance, b.altitudeProvenance ?? b.provenance);
  const sources = mergeSources(a.sources, b.sources);
  const out: Mutable[] = [];
  for (let k = 0; k < n; k++) {
    const s = k / n;
    const s2 = s * s;
    const s3 = s2 * s;
    const h10 = (s3 - 2 * s2 + s) * T;
    const h01 = -2 * s3 + 3 * s2;
    const h11 = (s3 - s2) * T;
    const x = blend * (h10 * va.x + h01 * pb.x + h11 * vb.x) + (1 - blend) * s * pb.x;
    const y = blend * (h10 * va.y + h01 * pb.y + h11 * vb.y) + (1 - blend) * s * pb.y;
    const sample: Mutable = {
      timeMs: k === 0 ? a.timeMs : a.timeMs + (b.timeMs - a.timeMs) * s,
      lat: a.lat,
      lon: a.lon,
      altitudeM: ctx.alt[i]! + (ctx.alt[i + 1]! - ctx.alt[i]!) * s,
      altitudeUncertaintyM: ctx.unc[i]! + (ctx.unc[i + 1]! - ctx.unc[i]!) * s,
      halfWidthM: corridorHalfWidth(ctx.corridor(i), s * T),
      segment: i,
      anchor: k === 0 ? i : -1,
      provenance: k === 0 ? a.provenance : prov,
      altitudeProvenance: k === 0 ? (a.altitudeProvenance ?? a.provenance) : altProv,
      sources: k === 0 ? a.sources : sources,
    };
    if (k > 0) plane.unproject(x, y, sample);
    out.push(sample);
  }
  return out;
}

interface SegmentContext {
  readonly stepS: number;
  readonly alt: readonly number[];
  readonly unc: readonly number[];
  corridor(i: number): CorridorSegment;
}

function chordsOf(points: readonly Mutable[], end: Mutable): Chord[] {
  const chords: Chord[] = [];
  for (let k = 0; k < points.length; k++) chords.push(chordBetween(points[k]!, points[k + 1] ?? end));
  return chords;
}

/** Densified path through every anchor at its time, with a corridor half-width per sample. Throws ReconstructionError. */
export function reconstructPath(anchors: readonly Anchor[], constraints: FlightConstraints, options: ReconstructOptions = {}): PathSample[] {
  checkInput(anchors, constraints);
  const { alt, unc } = fillAltitudes(anchors);
  checkVertical(
    anchors.map((a) => a.timeMs),
    alt,
    constraints,
  );
  const vel = anchorVelocities(anchors, constraints);
  const spread = constraints.spreadMPerSqrtS ?? 100;
  const ctx: SegmentContext = {
    stepS: Math.max(0.5, options.stepS ?? 5),
    alt,
    unc,
    corridor: (i) => {
      const a = anchors[i]!;
      const b = anchors[i + 1]!;
      return {
        radiusStartM: a.radiusM,
        radiusEndM: b.radiusM,
        durationS: (b.timeMs - a.timeMs) / 1000,
        distanceM: distanceM(a.lat, a.lon, b.lat, b.lon),
        maxSpeedMps: constraints.maxSpeedMps,
        spreadMPerSqrtS: spread,
      };
    },
  };
  const last = anchors.length - 1;
  const end = (i: number): Mutable => ({
    ...anchors[i]!,
    altitudeM: alt[i]!,
    altitudeUncertaintyM: unc[i]!,
    halfWidthM: anchors[i]!.radiusM,
    segment: i,
    anchor: i,
    altitudeProvenance: anchors[i]!.altitudeProvenance ?? anchors[i]!.provenance,
  });
  const path: PathSample[] = [];
  let before: Chord | null = null;
  for (let i = 0; i < last; i++) {
    const next = end(i + 1);
    let chosen: { samples: Mutable[]; chords: Chord[] } | null = null;
    let firstProblem: string | null = null;
    for (const blend of BLENDS) {
      const samples = segmentSamples(anchors, i, vel, blend, ctx);
      const chords = chordsOf(samples, next);
      const problem = firstViolation(before, chords, constraints);
      if (!problem) {
        chosen = { samples, chords };
        break;
      }
      firstProblem ??= problem;
    }
    if (!chosen) {
      const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
      throw new ReconstructionError(
        'unreachable',
        `no path between anchors ${i} (${iso(anchors[i]!.timeMs)}) and ${i + 1} (${iso(anchors[i + 1]!.timeMs)}) stays within the constraints: ${firstProblem}`,
      );
    }
    path.push(...chosen.samples.map(toSample));
    before = chosen.chords[chosen.chords.length - 1]!;
  }
  path.push(toSample(end(last)));
  return path;
}

function toSample(m: Mutable): PathSample {
  return {
    timeMs: m.timeMs,
    lat: m.lat,
    lon: m.lon,
    altitudeM: m.altitudeM,
    altitudeUncertaintyM: m.altitudeUncertaintyM,
    halfWidthM: m.halfWidthM,
    segment: m.segment,
    anchor: m.anchor,
    provenance: m.provenance,
    altitudeProvenance: m.altitudeProvenance,
    sources: m.sources,
  };
}
