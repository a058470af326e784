/** Gap-aware path reconstruction: anchors and constraints in, a densified path with an uncertainty corridor out. */
export { reconstructPath, type ReconstructOptions } from './reconstructPath';
export { corridorHalfWidth, type CorridorSegment } from './corridor';
export { chordBetween, turnRate, CHORD_SPEED_TOLERANCE, HEADING_MIN_SPEED_MPS } from './pathCheck';
export { ReconstructionError, type Anchor, type FlightConstraints, type PathSample, type ReconstructionErrorCode } from './types';
export { corridorBuffer, type CorridorBufferOptions, type CorridorPolygon, type CorridorSample, type CorridorVertex } from './corridorBuffer';
