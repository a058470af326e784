/**
 * How long a text must stay on screen to be read: the rule of the story video's cards and captions.
 * Pure. Caption readers manage about 150–180 words per minute (subtitling guidelines); we take the
 * slow end, because the viewer also watches the globe, plus a moment to notice that a new text is
 * there: `max(minimum, 1.5 s + words × 0.4 s)` — 150 wpm, at least 4 s for a step.
 */

export const WORDS_PER_MINUTE = 150;
/** Time to notice a new text and find its start, before reading. */
export const NOTICE_SECONDS = 1.5;
/** No step is shown for less than this, however short its text. */
export const MIN_STEP_SECONDS = 4;

/** Words in a text: runs of characters between white space that hold a letter or a digit ("—", "·", "→" are not words). */
export function wordCount(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

/** Seconds to read `text` (all its parts), at least `minSeconds`. */
export function readingSeconds(text: string | readonly string[], minSeconds = MIN_STEP_SECONDS): number {
  const words = typeof text === 'string' ? wordCount(text) : text.reduce((sum, t) => sum + wordCount(t), 0);
  return Math.max(minSeconds, NOTICE_SECONDS + (words * 60) / WORDS_PER_MINUTE);
}
