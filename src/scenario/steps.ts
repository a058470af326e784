/** Which step belongs to a moment of the flight. Pure. */
import type { ReportedEvent, Scenario } from './model';

/** Index of the latest event step at or before the time, or -1 before the first. */
export function eventStepIndexAt(steps: readonly ReportedEvent[], timeMs: number): number {
  let found = -1;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.kind !== 'event') break;
    if (s.timeMs <= timeMs) found = i;
    else break;
  }
  return found;
}

/** Finds a step by id or by index; null when there is none. */
export function findStep(scenario: Scenario, idOrIndex: string | number): ReportedEvent | null {
  if (typeof idOrIndex === 'number') return Number.isInteger(idOrIndex) ? (scenario.steps[idOrIndex] ?? null) : null;
  return scenario.steps.find((s) => s.id === idOrIndex) ?? null;
}

/** The clock time that shows a step: its own time for events, the end of the flight for epilogue steps. */
export function clockTimeForStep(scenario: Scenario, step: ReportedEvent): number {
  if (step.kind === 'epilogue') return scenario.endMs;
  return Math.min(scenario.endMs, Math.max(scenario.startMs, step.timeMs));
}

/** The place whose local time matters for a step, else the flight's origin. */
export function utcOffsetForStep(scenario: Scenario, step: ReportedEvent | null): number | undefined {
  const place = step?.place ? scenario.places.get(step.place) : undefined;
  return place?.utcOffsetMin;
}

/** The time span a step covers: from its time to the next event step (or the end of the flight). */
export function stepSpan(scenario: Scenario, step: ReportedEvent): { fromMs: number; toMs: number } | null {
  if (step.kind !== 'event') return null;
  const next = scenario.steps[step.index + 1];
  const toMs = next && next.kind === 'event' ? next.timeMs : scenario.endMs;
  const fromMs = Math.max(scenario.startMs, step.timeMs);
  return toMs > fromMs ? { fromMs, toMs: Math.min(scenario.endMs, toMs) } : null;
}
