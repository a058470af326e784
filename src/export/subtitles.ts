/**
 * Subtitles for an exported video: cues timed to the video, written as WebVTT or SRT. Pure.
 * Lines are wrapped at 42 characters (the common broadcast limit for a subtitle line); a cue keeps
 * all its lines (a story step shows its title and lead for its whole duration, as the video does).
 */
import type { Scenario } from '../scenario/model';
import { localize } from '../scenario/model';
import type { StoryPlan } from './storyPlan';

export interface Cue {
  /** Video time, ms. */
  readonly startMs: number;
  readonly endMs: number;
  /** Lines separated by \n. */
  readonly text: string;
}

export type SubtitleFormat = 'vtt' | 'srt';

/** Characters per subtitle line. */
export const LINE_CHARS = 42;

/** "00:01:02.500" (VTT) or "00:01:02,500" (SRT). */
export function timestamp(ms: number, format: SubtitleFormat): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const milli = total % 1000;
  const p = (n: number, d = 2) => String(n).padStart(d, '0');
  return `${p(h)}:${p(m)}:${p(s)}${format === 'vtt' ? '.' : ','}${p(milli, 3)}`;
}

/** Greedy wrap at `max` characters per line; a longer word stays whole on its own line. Each \n in the text starts a new line. */
export function wrapLines(text: string, max = LINE_CHARS): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > max) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(line);
  }
  return out;
}

/** Cue text for VTT: '&' and '<' escaped (they start entities and tags), '-->' cannot appear. */
function escapeVtt(line: string): string {
  return line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** SRT has no escapes: the arrow that separates times is spelled differently, tags are left as text. */
function escapeSrt(line: string): string {
  return line.replace(/-->/g, '->');
}

/** Cues with text, in time order, at least one ms long. */
function usable(cues: readonly Cue[]): Cue[] {
  return cues.filter((c) => c.endMs > c.startMs && c.text.trim() !== '').sort((a, b) => a.startMs - b.startMs);
}

export function toVtt(cues: readonly Cue[]): string {
  const parts = ['WEBVTT', ''];
  usable(cues).forEach((c, i) => {
    parts.push(String(i + 1), `${timestamp(c.startMs, 'vtt')} --> ${timestamp(c.endMs, 'vtt')}`, ...wrapLines(c.text).map(escapeVtt), '');
  });
  return parts.join('\n');
}

export function toSrt(cues: readonly Cue[]): string {
  const parts: string[] = [];
  usable(cues).forEach((c, i) => {
    parts.push(String(i + 1), `${timestamp(c.startMs, 'srt')} --> ${timestamp(c.endMs, 'srt')}`, ...wrapLines(c.text).map(escapeSrt), '');
  });
  return parts.join('\r\n');
}

export function writeSubtitles(cues: readonly Cue[], format: SubtitleFormat): string {
  return format === 'vtt' ? toVtt(cues) : toSrt(cues);
}

/** A cue per segment of a story plan (cards and steps), timed as the video shows them. */
export function storyCues(plan: StoryPlan): Cue[] {
  return plan.segments.map((s) => ({ startMs: s.startMs, endMs: s.endMs, text: s.subtitle }));
}

/**
 * Cues of a plain range export (fromMs..toMs of flight time at `speed`): each event step that
 * overlaps the range, from its time (or the start) to the next event (or the end), at
 * (time − from) / speed of video time; its title and caption, as burned in.
 */
export function rangeCues(scenario: Scenario, lang: string, fromMs: number, toMs: number, speed: number): Cue[] {
  const cues: Cue[] = [];
  const steps = scenario.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.kind !== 'event') break;
    const next = steps[i + 1];
    const end = next && next.kind === 'event' ? next.timeMs : Infinity;
    const a = Math.max(fromMs, step.timeMs);
    const b = Math.min(toMs, end);
    if (!(b > a)) continue;
    cues.push({
      startMs: Math.round((a - fromMs) / speed),
      endMs: Math.round((b - fromMs) / speed),
      text: `${localize(step.title, lang)}\n${localize(step.caption, lang)}`,
    });
  }
  return cues;
}
