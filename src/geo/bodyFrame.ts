/**
 * From the aircraft's body axes (x right, y forward, z up; metres) to east-north-up at the aircraft,
 * for an attitude: bank about the forward axis, then pitch about the right axis, then heading about
 * up — the order the three.js overlay turns its model in (Euler 'ZXY'), so a point of the model
 * lands in the same place for every adapter. Allocation-free: callers pass a result object.
 */
export interface BodyAttitude {
  readonly headingDeg: number;
  readonly pitchDeg: number;
  readonly bankDeg: number;
}

export interface Enu {
  east: number;
  north: number;
  up: number;
}

const DEG = Math.PI / 180;

export function bodyToEnu(att: BodyAttitude, x: number, y: number, z: number, result: Enu): Enu {
  const b = att.bankDeg * DEG;
  const a = att.pitchDeg * DEG;
  const h = att.headingDeg * DEG;
  // Bank: right wing down for positive bank.
  const x1 = x * Math.cos(b) + z * Math.sin(b);
  const z1 = -x * Math.sin(b) + z * Math.cos(b);
  // Pitch: nose up for positive pitch.
  const y2 = y * Math.cos(a) - z1 * Math.sin(a);
  const z2 = y * Math.sin(a) + z1 * Math.cos(a);
  // Heading: clockwise from north.
  result.east = x1 * Math.cos(h) + y2 * Math.sin(h);
  result.north = -x1 * Math.sin(h) + y2 * Math.cos(h);
  result.up = z2;
  return result;
}
