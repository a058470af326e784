/**
 * Presenter mode's clock: each event step runs through its own time span at a speed a class can
 * follow, then holds just before the next event. Pure functions of the scenario.
 */
import type { ReportedEvent, Scenario } from '../scenario/model';
import { MAX_SPEED } from './types';

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

/** The time span a step covers: from its time to the next event step (or the end of the flight). */
export function stepSpan(scenario: Scenario, step: ReportedEvent): { fromMs: number; toMs: number } | null {
  if (step.kind !== 'event') return null;
  const next = scenario.steps[step.index + 1];
  const toMs = next && next.kind === 'event' ? next.timeMs : scenario.endMs;
  const fromMs = Math.max(scenario.startMs, step.timeMs);
  return toMs > fromMs ? { fromMs, toMs: Math.min(scenario.endMs, toMs) } : null;
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
