/**
 * A caption's lead: the first sentence, shown in large type, with the rest behind "more". Pure
 * (no DOM), so it is tested in Node. Short captions are not split: they fit as they are.
 */

export interface CaptionParts {
  /** Shown always. */
  readonly lead: string;
  /** Shown on request ("more"); empty when the lead is the whole caption. */
  readonly rest: string;
}

/** Captions up to this length are shown whole. */
export const WHOLE_BELOW_CHARS = 170;
/** A first sentence longer than this is cut at its last "; " before the limit, if it has one. */
export const LEAD_MAX_CHARS = 240;
/** A rest shorter than this is not worth a button: the caption is shown whole. */
const MIN_REST_CHARS = 30;
/** A lead shorter than this takes the next sentence too, if both stay under WHOLE_BELOW_CHARS. */
const SHORT_LEAD_CHARS = 90;

/** Words before a full stop that do not end a sentence (English and German), lower case, without the stop. */
const ABBREVIATIONS = new Set([
  'approx',
  'ca',
  'no',
  'nos',
  'nr',
  'e.g',
  'i.e',
  'z.b',
  'd.h',
  'u.a',
  'bzw',
  'vgl',
  'ggf',
  'inkl',
  'evtl',
  'vs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'gen',
  'lt',
  'col',
  'capt',
  'fig',
  'abs',
  'art',
]);

/**
 * Where the first sentence ends (index just after its closing punctuation and quotes), or -1.
 * A sentence ends at . ! ? (and closing quotes or brackets after it) followed by white space and an
 * upper-case letter, optionally behind an opening quote; not after an abbreviation or an initial.
 */
export function firstSentenceEnd(text: string, from = 0): number {
  const re = /[.!?]["'”“’)\]]*\s+["'„“‘(]?\p{Lu}/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const stop = m.index;
    if (text[stop] === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(0, stop))?.[1] ?? '';
      // An abbreviation, or an initial (one capital letter: "I. Kshnyakin"; "240 m." is a unit and may end a sentence).
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) {
        re.lastIndex = stop + 1;
        continue;
      }
    }
    const closing = /^[.!?]["'”“’)\]]*/u.exec(text.slice(stop))![0];
    return stop + closing.length;
  }
  return -1;
}

/** On a phone a first sentence longer than this is cut at its last "; " before it. */
export const PHONE_LEAD_MAX_CHARS = 150;

/** `leadMax`: the longest first sentence before it is cut at a semicolon (LEAD_MAX_CHARS, or PHONE_LEAD_MAX_CHARS). */
export function splitLead(caption: string, leadMax = LEAD_MAX_CHARS): CaptionParts {
  const text = caption.replace(/\s+/g, ' ').trim();
  if (text.length <= WHOLE_BELOW_CHARS) return { lead: text, rest: '' };
  let end = firstSentenceEnd(text);
  if (end < 0) end = text.length;
  while (end < SHORT_LEAD_CHARS) {
    const next = firstSentenceEnd(text, end);
    if (next < 0 || next > WHOLE_BELOW_CHARS) break;
    end = next;
  }
  if (end > leadMax) {
    const semi = text.lastIndexOf('; ', leadMax);
    if (semi > 40) end = semi + 1;
  }
  const lead = text.slice(0, end).trim();
  const rest = text.slice(end).trim();
  if (rest.length < MIN_REST_CHARS) return { lead: text, rest: '' };
  return { lead, rest };
}
