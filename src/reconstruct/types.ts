/**
 * Inputs and outputs of the path reconstruction: anchor fixes with an uncertainty radius, the
 * aircraft's limits, and the densified path with a corridor half-width per sample. Plain data.
 */
import type { ProvenanceKind } from '../scenario/model';

/** A fix the path must pass through at its time: a recorded position, a reported place, or a shape point. */
export interface Anchor {
  readonly timeMs: number;
  readonly lat: number;
  readonly lon: number;
  /** How far (metres) the true position may be from this point; 0 for an exact fix. */
  readonly radiusM: number;
  /** Metres above mean sea level; anchors without one are interpolated from their neighbours. */
  readonly altitudeM?: number;
  /** Vertical uncertainty of the altitude (metres), when the altitude is a guess. */
  readonly altitudeUncertaintyM?: number;
  /** Direction of travel, degrees clockwise from true north, when known. */
  readonly headingDeg?: number;
  /** Ground speed when known (m/s). */
  readonly speedMps?: number;
  readonly provenance: ProvenanceKind;
  readonly altitudeProvenance?: ProvenanceKind;
  readonly sources: readonly string[];
}

/** What the aircraft can do. Ground speeds in m/s, turn rate in degrees per second, vertical rates in m/s (positive). */
export interface FlightConstraints {
  readonly minSpeedMps: number;
  readonly maxSpeedMps: number;
  readonly maxTurnRateDegPerS: number;
  readonly maxClimbMps: number;
  readonly maxDescentMps: number;
  /**
   * Spread of the unknown cross-track wander, metres per square-root second (a Brownian bridge between
   * fixes: sigma·sqrt(tau·(T−tau)/T)). Default 100.
   */
  readonly spreadMPerSqrtS?: number;
}

export interface PathSample {
  readonly timeMs: number;
  readonly lat: number;
  readonly lon: number;
  readonly altitudeM: number;
  readonly altitudeUncertaintyM: number;
  /** Half-width of the uncertainty corridor around this point, metres. */
  readonly halfWidthM: number;
  /** Index of the anchor at or before this sample. */
  readonly segment: number;
  /** Index of the anchor this sample is, or -1 for a sample between anchors. */
  readonly anchor: number;
  readonly provenance: ProvenanceKind;
  readonly altitudeProvenance: ProvenanceKind;
  readonly sources: readonly string[];
}

export type ReconstructionErrorCode =
  | 'too-few-anchors'
  | 'bad-anchor'
  | 'unsorted'
  | 'duplicate-time'
  | 'bad-constraints'
  | 'too-fast'
  | 'too-steep'
  | 'no-altitude'
  | 'unreachable'
  | 'bad-corridor';

/** Input that cannot describe a flight; the message says which anchors and why. */
export class ReconstructionError extends Error {
  constructor(
    readonly code: ReconstructionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReconstructionError';
  }
}
