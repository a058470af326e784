/**
 * Presenter mode's clock: each event step runs through its own time span at a speed a class can
 * follow, then holds just before the next event. Pure functions of the scenario.
 */
import type { ReportedEvent, Scenario } from '../scenario/model';
import { stepSpan } from '../scenario/steps';
import { MAX_SPEED } from './types';

export { stepSpan };

/** Wall-clock seconds a step's span should take on screen (long spans are compressed into this). */
export const RUN_SECONDS = 8;
/** Auto-advance waits this long after the clock holds, unless told otherwise. */
export const DEFAULT_DWELL_SECONDS = 6;

export interface StepRun {
  /** Where the clock stops: the last moment of the step's span, still inside the step. */
  readonly holdMs: number;
  /** Playback speed (× real time) that takes about RUN_SECONDS for the span. */
  readonly speed: number;
}

/**
 * How the clock runs through a step, or null when there is nothing to run (epilogue, zero span).
 * Holds one second before the next event (half the span for very short ones) so the caption stays.
 */
export function stepRun(scenario: Scenario, step: ReportedEvent): StepRun | null {
  const span = stepSpan(scenario, step);
  if (!span) return null;
  const lengthMs = span.toMs - span.fromMs;
  const isLast = span.toMs >= scenario.endMs;
  const holdMs = isLast ? span.toMs : span.toMs - Math.min(1000, lengthMs / 2);
  if (holdMs <= span.fromMs) return null;
  const speed = Math.min(MAX_SPEED, Math.max(1, (holdMs - span.fromMs) / (RUN_SECONDS * 1000)));
  return { holdMs, speed: Math.round(speed * 10) / 10 };
}
