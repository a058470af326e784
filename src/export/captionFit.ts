/**
 * Fits the burned-in lower third of a video frame or snapshot into its box: every line wraps, and
 * all type shrinks together, step by step, until the block fits or reaches a readable minimum.
 * No text is ever dropped: below the minimum the box grows instead (`overflow`). Pure: the caller
 * passes a text-measuring function (Canvas 2D `measureText` in the app, a fake in unit tests).
 */
import type { FrameText } from './types';

/** Width in px of `text` drawn in the CSS `font`. */
export type MeasureText = (text: string, font: string) => number;

export type LineRole = 'kicker' | 'title' | 'time' | 'caption' | 'sources';

export interface PlacedLine {
  readonly role: LineRole;
  readonly text: string;
  readonly font: string;
  /** Top of the line, px from the top of the text block. */
  readonly y: number;
}

export interface LowerThirdLayout {
  /** The type scale used (1 = full size, MIN_SCALE = the smallest). */
  readonly scale: number;
  readonly lines: readonly PlacedLine[];
  /** Height of the text block in px. */
  readonly height: number;
  /** Even the smallest type needs more than the box: the box grows, nothing is cut. */
  readonly overflow: boolean;
}

export interface LowerThirdBox {
  /** Frame height in px (type sizes follow it, defined for 1080). */
  readonly frameHeight: number;
  /** Width available to the text. */
  readonly width: number;
  /** Height available to the text. */
  readonly maxHeight: number;
}

/** Size, line height (px at a 1080-px-high frame) and weight of each role, at scale 1. */
const STYLE_1080: Readonly<Record<LineRole, readonly [size: number, lineHeight: number, weight: number]>> = {
  kicker: [23, 30, 400],
  title: [48, 58, 700],
  time: [28, 36, 400],
  caption: [34, 45, 400],
  sources: [20, 28, 400],
};
/** Extra space above a role's first line (px at 1080). */
const SPACE_ABOVE_1080: Readonly<Record<LineRole, number>> = { kicker: 0, title: 2, time: 0, caption: 6, sources: 10 };

/** The smallest scale: a 34 px caption at 1080 becomes 24 px (16 px in a 720 frame), still readable in a video. */
export const MIN_SCALE = 0.7;
const SCALE_STEP = 0.05;
const ORDER: readonly LineRole[] = ['kicker', 'title', 'time', 'caption', 'sources'];

export function lineFont(role: LineRole, sizePx: number, family: string): string {
  const weight = STYLE_1080[role][2];
  return `${weight === 400 ? '' : `${weight} `}${Math.round(sizePx * 10) / 10}px ${family}`;
}

/**
 * Greedy word wrap to `maxWidth`; a word wider than a line on its own (a URL) is broken between
 * characters. Joining the lines with single spaces (and broken words without) gives back the text.
 */
export function wrapText(text: string, font: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next, font) <= maxWidth) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (measure(line, font) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut), font) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The lower third at one type scale (it may not fit). */
export function layoutAt(text: FrameText, box: LowerThirdBox, scale: number, measure: MeasureText, family: string): { lines: PlacedLine[]; height: number } {
  const unit = (box.frameHeight / 1080) * scale;
  const lines: PlacedLine[] = [];
  let y = 0;
  for (const role of ORDER) {
    const content = text[role];
    if (!content) continue;
    const [size, lineHeight] = STYLE_1080[role];
    const font = lineFont(role, size * unit, family);
    if (lines.length) y += SPACE_ABOVE_1080[role] * unit;
    for (const part of wrapText(content, font, box.width, measure)) {
      lines.push({ role, text: part, font, y });
      y += lineHeight * unit;
    }
  }
  return { lines, height: y };
}

/** The largest type scale (1 down to MIN_SCALE) at which the whole lower third fits its box. */
export function layoutLowerThird(text: FrameText, box: LowerThirdBox, measure: MeasureText, family: string): LowerThirdLayout {
  for (let scale = 1; ; scale = Math.max(MIN_SCALE, Math.round((scale - SCALE_STEP) * 100) / 100)) {
    const { lines, height } = layoutAt(text, box, scale, measure, family);
    const fits = height <= box.maxHeight;
    if (fits || scale <= MIN_SCALE) return { scale, lines, height, overflow: !fits };
  }
}

/** Roles of a card's lines (title card, chapter card, method note). */
export type CardRole = 'kicker' | 'heading' | 'figure' | 'figureLabel' | 'body' | 'footer';

export interface PlacedCardLine {
  readonly role: CardRole;
  readonly text: string;
  readonly font: string;
  /** Left and top of the line, px from the text block's top left. */
  readonly x: number;
  readonly y: number;
}

export interface CardLayout {
  readonly scale: number;
  readonly lines: readonly PlacedCardLine[];
  readonly height: number;
  readonly overflow: boolean;
}

/** The texts of a card (src/export/storyPlan.ts CardText, without its kind). */
export interface CardContent {
  readonly kicker: string;
  readonly heading: string;
  readonly body: readonly string[];
  readonly figures: readonly { readonly value: string; readonly label: string }[];
  readonly footer: string;
}

const CARD_STYLE_1080: Readonly<Record<CardRole, readonly [size: number, lineHeight: number, weight: number]>> = {
  kicker: [28, 38, 400],
  heading: [58, 68, 700],
  figure: [76, 86, 700],
  figureLabel: [26, 34, 400],
  body: [31, 43, 400],
  footer: [22, 30, 400],
};
/** A chapter card's heading and kicker are larger: they are the only things on it. */
const CHAPTER_HEADING_1080 = [84, 96, 700] as const;
const CHAPTER_KICKER_1080 = [36, 46, 400] as const;

/**
 * A card's text block at the largest scale (1 down to MIN_SCALE) that fits `box`: kicker, heading,
 * the key figures in a row (value over label), paragraphs, small print; `centered` centres each line
 * (chapter cards). Nothing is dropped; below the smallest scale the block overflows.
 */
export function layoutCard(card: CardContent, box: LowerThirdBox, measure: MeasureText, family: string, centered = false): CardLayout {
  for (let scale = 1; ; scale = Math.max(MIN_SCALE, Math.round((scale - SCALE_STEP) * 100) / 100)) {
    const { lines, height } = cardAt(card, box, scale, measure, family, centered);
    const fits = height <= box.maxHeight;
    if (fits || scale <= MIN_SCALE) return { scale, lines, height, overflow: !fits };
  }
}

function cardAt(
  card: CardContent,
  box: LowerThirdBox,
  scale: number,
  measure: MeasureText,
  family: string,
  centered: boolean,
): { lines: PlacedCardLine[]; height: number } {
  const unit = (box.frameHeight / 1080) * scale;
  const lines: PlacedCardLine[] = [];
  let y = 0;
  const style = (role: CardRole) =>
    centered && role === 'heading' ? CHAPTER_HEADING_1080 : centered && role === 'kicker' ? CHAPTER_KICKER_1080 : CARD_STYLE_1080[role];
  const fontOf = (role: CardRole) => {
    const [size, , weight] = style(role);
    return `${weight === 400 ? '' : `${weight} `}${Math.round(size * unit * 10) / 10}px ${family}`;
  };
  const block = (role: CardRole, text: string, spaceAbove: number) => {
    if (!text) return;
    if (lines.length) y += spaceAbove * unit;
    const font = fontOf(role);
    const lineHeight = style(role)[1] * unit;
    for (const part of wrapText(text, font, box.width, measure)) {
      const x = centered ? Math.max(0, (box.width - measure(part, font)) / 2) : 0;
      lines.push({ role, text: part, font, x, y });
      y += lineHeight;
    }
  };
  block('kicker', card.kicker, 0);
  block('heading', card.heading, 6);
  if (card.figures.length) {
    y += 26 * unit;
    const valueFont = fontOf('figure');
    const labelFont = fontOf('figureLabel');
    let x = 0;
    for (const f of card.figures) {
      const wide = Math.max(measure(f.value, valueFont), measure(f.label, labelFont));
      lines.push({ role: 'figure', text: f.value, font: valueFont, x, y });
      lines.push({ role: 'figureLabel', text: f.label, font: labelFont, x, y: y + CARD_STYLE_1080.figure[1] * unit });
      x += wide + 52 * unit;
    }
    y += (CARD_STYLE_1080.figure[1] + CARD_STYLE_1080.figureLabel[1]) * unit;
  }
  card.body.forEach((paragraph, i) => block('body', paragraph, i === 0 ? 24 : 16));
  block('footer', card.footer, 22);
  return { lines, height: y };
}
