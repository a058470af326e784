/** Validates exportVideo() options against the scenario into an ExportPlan. Pure. */
import type { Scenario } from '../scenario/model';
import { findStep } from '../scenario/steps';
import { parseUtcInstant } from '../geo/time';
import { stepSpan } from '../app/presentation';
import type { ExportPlan, ExportVideoOptions } from './types';

const DEFAULT_SECONDS = 10;
/** Longest video in frames (10 min at 60 fps): a guard against a typo exporting for hours. */
const MAX_FRAMES = 36000;

function timeOf(scenario: Scenario, ref: string, end: boolean): number | string {
  const ms = parseUtcInstant(ref);
  if (ms !== null) return ms;
  const step = findStep(scenario, ref);
  if (!step) return `no step or UTC time ${JSON.stringify(ref)}`;
  const span = stepSpan(scenario, step);
  if (!span) return `step ${ref} has no time span in the flight (epilogue)`;
  return end ? span.toMs : span.fromMs;
}

export function planExport(scenario: Scenario, currentMs: number, o: ExportVideoOptions): ExportPlan | string {
  if (typeof o !== 'object' || o === null) return 'expected an options object';
  const from = o.from === undefined ? currentMs : timeOf(scenario, String(o.from), false);
  if (typeof from === 'string') return `from: ${from}`;
  const to = o.to === undefined ? from + DEFAULT_SECONDS * 1000 : timeOf(scenario, String(o.to), true);
  if (typeof to === 'string') return `to: ${to}`;
  const fromMs = Math.max(scenario.startMs, from);
  const toMs = Math.min(scenario.endMs, to);
  if (!(toMs > fromMs)) return 'to must be after from, inside the flight';
  const width = o.width ?? (o.height ? Math.round((o.height * 16) / 9 / 2) * 2 : 1280);
  const height = o.height ?? Math.round((width * 9) / 16 / 2) * 2;
  for (const [name, v] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(v) || v < 160 || v > 3840 || v % 2 !== 0) return `${name}: expected an even number of pixels from 160 to 3840`;
  }
  const fps = o.fps ?? 30;
  if (!Number.isInteger(fps) || fps < 1 || fps > 60) return 'fps: expected 30 or 60 (any whole number 1–60)';
  const format = o.format ?? 'auto';
  if (format !== 'mp4' && format !== 'webm' && format !== 'auto') return 'format: expected "mp4" or "webm"';
  const speed = o.speed ?? 1;
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > 1000) return 'speed: expected a number above 0, up to 1000';
  const frameCount = Math.round(((toMs - fromMs) / 1000 / speed) * fps);
  if (frameCount < 1) return 'the range is shorter than one frame';
  if (frameCount > MAX_FRAMES) return `the video would have ${frameCount} frames (more than ${MAX_FRAMES}); raise speed or shorten the range`;
  return {
    fromMs,
    toMs,
    width,
    height,
    fps,
    format,
    camera: o.camera === undefined ? null : String(o.camera),
    captions: o.captions !== false,
    speed,
    frameCount,
  };
}
