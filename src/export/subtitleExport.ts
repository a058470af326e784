/**
 * Subtitles for the video that the same exportVideo() options make: the story's segments, or the
 * steps overlapping a plain range. Pure (the plans are the video's own, so the cues match its frames).
 */
import type { Scenario } from '../scenario/model';
import { isStoryExport, planExport, planStoryExport } from './exportPlan';
import { rangeCues, storyCues, writeSubtitles, type SubtitleFormat } from './subtitles';
import type { ExportVideoOptions } from './types';

/** The subtitle file's text, or "error: …" when the options do not make a video. */
export function subtitlesFor(scenario: Scenario, lang: string, currentMs: number, options: ExportVideoOptions, format: SubtitleFormat): string {
  if (isStoryExport(options)) {
    const plan = planStoryExport(scenario, lang, options);
    if (typeof plan === 'string') return `error: ${plan}`;
    return writeSubtitles(storyCues(plan.story), format);
  }
  const plan = planExport(scenario, currentMs, options);
  if (typeof plan === 'string') return `error: ${plan}`;
  const cues = rangeCues(scenario, lang, plan.fromMs, plan.toMs, plan.speed);
  // The video ends with its last frame: no cue runs past it.
  const endMs = (plan.frameCount * 1000) / plan.fps;
  return writeSubtitles(
    cues.map((c) => ({ ...c, endMs: Math.min(c.endMs, endMs) })),
    format,
  );
}
