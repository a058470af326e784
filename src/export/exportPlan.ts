/** Validates exportVideo() options against the scenario into an ExportPlan. Pure. */
import type { Scenario } from '../scenario/model';
import { findStep } from '../scenario/steps';
import { parseUtcInstant } from '../geo/time';
import { stepSpan } from '../app/presentation';
import type { ExportPlan, ExportVideoOptions } from './types';
import { planStory, storyFrameCount, storyRange, type StoryPlan } from './storyPlan';

const DEFAULT_SECONDS = 10;
/** Longest video in frames (10 min at 60 fps): a guard against a typo exporting for hours. */
const MAX_FRAMES = 36000;
/** Longest story video in frames (50 min at 60 fps): the whole story runs for several minutes. */
export const MAX_STORY_FRAMES = 180_000;

/** The output part of a plan: size, frame rate, container. */
export type OutputPlan = Pick<ExportPlan, 'width' | 'height' | 'fps' | 'format'>;

function timeOf(scenario: Scenario, ref: string, end: boolean): number | string {
  const ms = parseUtcInstant(ref);
  if (ms !== null) return ms;
  const step = findStep(scenario, ref);
  if (!step) return `no step or UTC time ${JSON.stringify(ref)}`;
  const span = stepSpan(scenario, step);
  if (!span) return `step ${ref} has no time span in the flight (epilogue)`;
  return end ? span.toMs : span.fromMs;
}

export function planOutput(o: ExportVideoOptions): OutputPlan | string {
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
  return { width, height, fps, format };
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
  const output = planOutput(o);
  if (typeof output === 'string') return output;
  const speed = o.speed ?? 1;
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > 1000) return 'speed: expected a number above 0, up to 1000';
  const frameCount = Math.round(((toMs - fromMs) / 1000 / speed) * output.fps);
  if (frameCount < 1) return 'the range is shorter than one frame';
  if (frameCount > MAX_FRAMES) return `the video would have ${frameCount} frames (more than ${MAX_FRAMES}); raise speed or shorten the range`;
  return {
    fromMs,
    toMs,
    ...output,
    camera: o.camera === undefined ? null : String(o.camera),
    captions: o.captions !== false,
    speed,
    frameCount,
  };
}

/** Whether the options ask for the story rendering (the whole story, or presenter shots of a part). */
export function isStoryExport(o: ExportVideoOptions): boolean {
  return typeof o === 'object' && o !== null && (o.story === true || o.shots === 'presenter');
}

export interface StoryExportPlan extends OutputPlan {
  readonly story: StoryPlan;
  readonly captions: boolean;
  readonly frameCount: number;
}

/** A story export: the whole story (`story: true`) or the steps from..to with presenter shots. */
export function planStoryExport(scenario: Scenario, lang: string, o: ExportVideoOptions): StoryExportPlan | string {
  if (typeof o !== 'object' || o === null) return 'expected an options object';
  if (o.shots !== undefined && o.shots !== 'presenter') return 'shots: expected "presenter"';
  const range = storyRange(scenario, o.story === true, o.from, o.to);
  if (typeof range === 'string') return range;
  const output = planOutput(o);
  if (typeof output === 'string') return output;
  const story = planStory(scenario, lang, range);
  const frameCount = storyFrameCount(story, output.fps);
  if (frameCount < 1) return 'the story is shorter than one frame';
  if (frameCount > MAX_STORY_FRAMES) return `the video would have ${frameCount} frames (more than ${MAX_STORY_FRAMES}); lower fps or export a part`;
  return { ...output, story, captions: o.captions !== false, frameCount };
}
