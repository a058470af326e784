/**
 * The story video as a plan: a list of segments on the video's clock (title card, a chapter card at
 * each chapter's first step, each step as presenter mode shows it, the method note), each saying
 * what the store should show and for how long. Pure: the export loop (src/export/videoExport.ts)
 * follows it frame by frame, and the subtitles (src/export/subtitles.ts) are timed by it.
 *
 * How long: a step lasts max(the presenter's run through its span, the time to read its title and
 * lead; src/export/readingTime.ts); the flight clock runs through the step's span at the presenter's
 * speed (src/app/presentation.ts stepRun) and then holds; epilogue steps hold it at the end of the
 * flight. Cards last as long as their text takes to read. Durations are whole tenths of a second,
 * so that segments start on a frame at 10, 30 or 60 fps.
 */
import type { ReportedEvent, Scenario } from '../scenario/model';
import { localize, placeLabel } from '../scenario/model';
import { chapterIndexOf } from '../scenario/chapters';
import { clockTimeForStep } from '../scenario/steps';
import { message } from '../i18n/catalogue';
import { formatLongDate, formatNumber } from '../i18n/formats';
import { stepRun } from '../app/presentation';
import { splitLead } from '../story/captionLead';
import { readingSeconds } from './readingTime';

export type SegmentKind = 'title' | 'chapter' | 'step' | 'method';

/** A burned-in card (drawn by the compositor over the globe). */
export interface CardText {
  readonly kind: 'title' | 'chapter' | 'method';
  readonly kicker: string;
  readonly heading: string;
  /** Paragraphs. */
  readonly body: readonly string[];
  /** Key figures, e.g. { value: '67', label: 'aboard' }. */
  readonly figures: readonly { readonly value: string; readonly label: string }[];
  /** Small print under everything (sources of the figures, where to read more). */
  readonly footer: string;
}

export interface StorySegment {
  readonly kind: SegmentKind;
  /** Video time, ms from the start of the video (end exclusive). */
  readonly startMs: number;
  readonly endMs: number;
  /** The step the store shows (-1: none, the whole flight is framed). */
  readonly stepIndex: number;
  /** The chapter this segment belongs to (-1: none). */
  readonly chapterIndex: number;
  /** Flight clock (epoch ms) at the segment's start; it runs to clockToMs over runMs, then holds. */
  readonly clockFromMs: number;
  readonly clockToMs: number;
  readonly runMs: number;
  /** The store shows an epilogue step (the clock holds at the end of the flight). */
  readonly epilogue: boolean;
  /** Frame this part of the flight instead of the step (title and method cards: the whole route). */
  readonly span: { readonly fromMs: number; readonly toMs: number } | null;
  /** The card drawn over the globe, or null for a step (its lower third is the caption). */
  readonly card: CardText | null;
  /** For a step: the caption's lead, burned in under the title ('' for cards). */
  readonly lead: string;
  /** What the subtitles say during the segment (lines separated by \n). */
  readonly subtitle: string;
}

export interface StoryPlan {
  readonly segments: readonly StorySegment[];
  readonly durationMs: number;
}

export interface StoryRange {
  /** First and last step index (inclusive). */
  readonly firstStep: number;
  readonly lastStep: number;
  /** Open with the title card / end with the method note (the whole story does both). */
  readonly titleCard: boolean;
  readonly methodCard: boolean;
}

/** Shortest title card, chapter card and method note (seconds), however short their text. */
export const MIN_TITLE_SECONDS = 8;
export const MIN_CHAPTER_SECONDS = 3.5;
export const MIN_METHOD_SECONDS = 8;

/** Seconds rounded up to whole tenths, as ms. */
function tenths(seconds: number): number {
  return Math.ceil(Math.round(seconds * 1000) / 100) * 100;
}

function w(lang: string, key: Parameters<typeof message<'storyExport'>>[2], values?: Record<string, string | number>): string {
  return message(lang, 'storyExport', key, values);
}

/** The title card: the case, its summary, the key figures with their sources, date and route. */
export function titleCard(scenario: Scenario, lang: string): CardText {
  const figures: { value: string; label: string }[] = [];
  const sourceIds: string[] = [];
  const people = scenario.people;
  if (people) {
    for (const key of ['aboard', 'killed', 'survived'] as const) {
      const f = people[key];
      figures.push({ value: formatNumber(f.value, lang), label: w(lang, key) });
      sourceIds.push(...f.sources);
    }
  }
  const publishers = [...new Set(sourceIds.map((id) => scenario.sources.get(id)?.publisher ?? id))];
  const from = scenario.places.get(scenario.flight.from);
  const to = scenario.places.get(scenario.flight.to);
  const route = `${from ? placeLabel(from, lang) : scenario.flight.from} → ${to ? placeLabel(to, lang) : scenario.flight.to}`;
  const day = Date.parse(`${scenario.flight.date}T00:00:00Z`);
  const date = Number.isFinite(day) ? formatLongDate(day, lang) : scenario.flight.date;
  return {
    kind: 'title',
    kicker: w(lang, 'titleKicker'),
    heading: localize(scenario.title, lang),
    body: [localize(scenario.summary, lang), `${w(lang, 'date')}: ${date} · ${w(lang, 'route')}: ${route}`],
    figures,
    footer: publishers.length ? w(lang, 'figureSources', { sources: publishers.join(' · ') }) : '',
  };
}

export function chapterCard(scenario: Scenario, chapterIndex: number, lang: string): CardText {
  const chapter = scenario.chapters[chapterIndex]!;
  return {
    kind: 'chapter',
    kicker: w(lang, 'chapterOf', { k: chapterIndex + 1, n: scenario.chapters.length }),
    heading: localize(chapter.title, lang),
    body: [],
    figures: [],
    footer: '',
  };
}

export function methodCard(lang: string): CardText {
  return {
    kind: 'method',
    kicker: w(lang, 'methodKicker'),
    heading: w(lang, 'methodTitle'),
    // Where to read more is the note's call to action: a paragraph, not small print.
    body: [w(lang, 'methodRecorded'), w(lang, 'methodGap'), w(lang, 'methodDisagree'), w(lang, 'methodMore')],
    figures: [],
    footer: '',
  };
}

/** Every text of a card, in reading order (reading time and subtitles). */
export function cardLines(card: CardText): string[] {
  const lines = [card.kicker, card.heading];
  if (card.figures.length) lines.push(card.figures.map((f) => `${f.value} ${f.label}`).join(' · '));
  lines.push(...card.body);
  if (card.footer) lines.push(card.footer);
  return lines.filter(Boolean);
}

/** The caption's lead as the story shows it (the first sentence; short captions whole). */
export function stepLead(step: ReportedEvent, lang: string): string {
  return splitLead(localize(step.caption, lang)).lead;
}

/** The plan for the steps firstStep..lastStep, with the cards the range asks for. */
export function planStory(scenario: Scenario, lang: string, range: StoryRange): StoryPlan {
  const segments: StorySegment[] = [];
  let at = 0;
  const whole = { fromMs: scenario.startMs, toMs: scenario.endMs };
  const push = (s: Omit<StorySegment, 'startMs' | 'endMs'>, ms: number): void => {
    segments.push({ ...s, startMs: at, endMs: at + ms });
    at += ms;
  };
  if (range.titleCard) {
    const card = titleCard(scenario, lang);
    const lines = cardLines(card);
    // The small print (who gives the figures) is there to be paused on, not read through: not timed.
    const read = card.footer ? lines.slice(0, -1) : lines;
    push(
      {
        kind: 'title',
        stepIndex: -1,
        chapterIndex: -1,
        clockFromMs: scenario.startMs,
        clockToMs: scenario.startMs,
        runMs: 0,
        epilogue: false,
        span: whole,
        card,
        lead: '',
        subtitle: lines.slice(1).join('\n'),
      },
      tenths(readingSeconds(read, MIN_TITLE_SECONDS)),
    );
  }
  for (let i = range.firstStep; i <= range.lastStep; i++) {
    const step = scenario.steps[i];
    if (!step) break;
    const clockMs = clockTimeForStep(scenario, step);
    const chapterIndex = chapterIndexOf(scenario, i);
    const epilogue = step.kind === 'epilogue';
    const chapter = chapterIndex >= 0 ? scenario.chapters[chapterIndex] : undefined;
    if (chapter && chapter.firstStep === i) {
      const card = chapterCard(scenario, chapterIndex, lang);
      const subtitle = w(lang, 'subtitleChapter', { k: chapterIndex + 1, title: card.heading });
      push(
        { kind: 'chapter', stepIndex: i, chapterIndex, clockFromMs: clockMs, clockToMs: clockMs, runMs: 0, epilogue, span: null, card, lead: '', subtitle },
        tenths(readingSeconds([card.kicker, card.heading], MIN_CHAPTER_SECONDS)),
      );
    }
    const title = localize(step.title, lang);
    const lead = stepLead(step, lang);
    const run = epilogue ? null : stepRun(scenario, step);
    const runMs = run ? Math.round((run.holdMs - clockMs) / run.speed) : 0;
    const readMs = tenths(readingSeconds([title, lead]));
    push(
      {
        kind: 'step',
        stepIndex: i,
        chapterIndex,
        clockFromMs: clockMs,
        clockToMs: run ? run.holdMs : clockMs,
        runMs,
        epilogue,
        span: null,
        card: null,
        lead,
        subtitle: `${title}\n${lead}`,
      },
      Math.max(readMs, tenths(runMs / 1000)),
    );
  }
  if (range.methodCard) {
    const card = methodCard(lang);
    const lines = cardLines(card);
    push(
      {
        kind: 'method',
        stepIndex: -1,
        chapterIndex: -1,
        clockFromMs: scenario.endMs,
        clockToMs: scenario.endMs,
        runMs: 0,
        epilogue: false,
        span: whole,
        card,
        lead: '',
        subtitle: lines.slice(1).join('\n'),
      },
      tenths(readingSeconds(lines, MIN_METHOD_SECONDS)),
    );
  }
  return { segments, durationMs: at };
}

/**
 * The step range and cards: the story (`story`: title card and method note; all steps unless from/to
 * narrow them) or a part from one step to another (ids or indices) without those two cards.
 */
export function storyRange(scenario: Scenario, story: boolean, from?: string | number, to?: string | number): StoryRange | string {
  const find = (ref: string | number | undefined, fallback: number): number | string => {
    if (ref === undefined) return fallback;
    const i = typeof ref === 'number' ? ref : scenario.steps.findIndex((s) => s.id === ref);
    return Number.isInteger(i) && i >= 0 && i < scenario.steps.length ? i : `no step ${JSON.stringify(ref)} (presenter shots take step ids)`;
  };
  const first = find(from, 0);
  if (typeof first === 'string') return `from: ${first}`;
  const last = find(to, story ? scenario.steps.length - 1 : first);
  if (typeof last === 'string') return `to: ${last}`;
  if (last < first) return 'to must not come before from';
  return { firstStep: first, lastStep: last, titleCard: story, methodCard: story };
}

/** The index of the segment at a video time (the last one after the end); `hint` (the last answer) makes a forward scan O(1). */
export function segmentIndexAt(plan: StoryPlan, videoMs: number, hint = 0): number {
  const s = plan.segments;
  let i = Math.max(0, Math.min(hint, s.length - 1));
  while (i > 0 && videoMs < s[i]!.startMs) i--;
  while (i < s.length - 1 && videoMs >= s[i]!.endMs) i++;
  return i;
}

/** The flight clock a segment shows at a video time: running at the presenter's speed, then held. */
export function clockAt(segment: StorySegment, videoMs: number): number {
  if (segment.runMs <= 0) return segment.clockToMs;
  const k = Math.min(1, Math.max(0, (videoMs - segment.startMs) / segment.runMs));
  return segment.clockFromMs + (segment.clockToMs - segment.clockFromMs) * k;
}

/** Frames of a plan at a frame rate. */
export function storyFrameCount(plan: StoryPlan, fps: number): number {
  return Math.round((plan.durationMs / 1000) * fps);
}

/** A video length: "4:32", or "1:02:03" from an hour on. */
export function formatLength(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor(s / 60) % 60;
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
