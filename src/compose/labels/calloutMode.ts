/**
 * How a damage callout shows at a moment: as a box with its text, shrunk to a marker, or not at all.
 * Callout boxes belong to the damage steps (first impact to second impact) and to the damage
 * close-up; after the event, or seen from far away, they shrink to a marker whose text is on
 * hover/focus. The pilot does not see them; after the flight (the epilogue) they are gone.
 */

export type CalloutMode = 'full' | 'marker' | 'hidden';

/** Further than this from the aircraft, a callout is a marker (the aircraft is a symbol by then). */
export const CALLOUT_FULL_WITHIN_M = 60_000;

export interface CalloutMoment {
  readonly timeMs: number;
  /** An epilogue step is shown (the clock holds at the end of the flight). */
  readonly epilogue: boolean;
  /** The camera mode's name ('cockpit', 'damage', …). */
  readonly camera: string;
  readonly cameraDistanceM: number;
  /** The first impact: nothing to say before it. */
  readonly fromMs: number;
  /** The end of the damage steps (the next step after the second impact). */
  readonly stepsEndMs: number;
}

/** The established damage (holes in tail, fin, …): from the first impact to the end of the flight. */
export function damageCalloutMode(m: CalloutMoment): CalloutMode {
  if (m.epilogue || m.camera === 'cockpit' || m.timeMs < m.fromMs) return 'hidden';
  const during = m.timeMs < m.stepsEndMs || m.camera === 'damage';
  return during && m.cameraDistanceM <= CALLOUT_FULL_WITHIN_M ? 'full' : 'marker';
}

/** A claimed burst: only while the burst is drawn. */
export function burstCalloutMode(m: CalloutMoment, burstVisible: boolean): CalloutMode {
  if (!burstVisible) return 'hidden';
  return damageCalloutMode(m);
}
