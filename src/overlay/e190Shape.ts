/**
 * The outline of an Embraer E190 in metres (length 36.2 m, span 28.7 m, height 10.6 m), in body
 * axes: x right, y forward, z up, origin on the fuselage axis near the wing. Published overall
 * dimensions; the outlines between them are drawn by eye (illustrative).
 */
import { E190_LENGTH_M } from '../compose/aircraftSymbol';

export type Xy = readonly [number, number];

/** Fuselage radius along its length: [y, radius], nose first. */
export const FUSELAGE_PROFILE: readonly Xy[] = [
  [18.1, 0],
  [17.7, 0.55],
  [17.1, 0.95],
  [16.2, 1.3],
  [15.0, 1.5],
  [-7.5, 1.5],
  [-10.5, 1.32],
  [-13.5, 0.95],
  [-16.5, 0.5],
  [-18.1, 0.15],
];
/** Where the fuselage ends and the tail fuselage (holed, per the report) begins. */
export const TAIL_FUSELAGE_FROM_Y = -7.5;

/** Left wing planform (x, y): root leading edge, tip leading, tip trailing, root trailing. */
export const LEFT_WING: readonly Xy[] = [
  [-1.3, 3.6],
  [-14.35, -3.4],
  [-14.35, -5.0],
  [-1.3, -2.6],
];
export const WING_Z = -0.95;
export const WING_THICKNESS = 0.45;
export const WING_DIHEDRAL_DEG = 5;

/** Engine nacelles: centre x (left negative), y, z, radius, length. */
export const ENGINE = { x: 5.2, y: 3.7, z: -2.05, radius: 0.85, length: 4.4 } as const;

/** Fin and rudder planforms (y, z) and the thickness across x. */
export const FIN: readonly Xy[] = [
  [-9.6, 1.2],
  [-15.0, 7.6],
  [-16.6, 7.6],
  [-15.4, 1.2],
];
export const RUDDER: readonly Xy[] = [
  [-15.4, 1.2],
  [-16.6, 7.6],
  [-17.7, 7.6],
  [-17.6, 1.2],
];
export const FIN_THICKNESS = 0.32;

/** Left horizontal stabiliser and elevator planforms (x, y); right side mirrored. */
export const LEFT_STABILISER: readonly Xy[] = [
  [-0.7, -12.3],
  [-6.0, -15.6],
  [-6.0, -16.7],
  [-0.7, -15.3],
];
export const LEFT_ELEVATOR: readonly Xy[] = [
  [-0.7, -15.3],
  [-6.0, -16.7],
  [-6.0, -17.4],
  [-0.7, -16.5],
];
export const TAILPLANE_Z = 0.55;
export const TAILPLANE_THICKNESS = 0.22;

/** Length used for the on-screen size of the symbol. */
export const OVERALL_LENGTH_M = E190_LENGTH_M;
