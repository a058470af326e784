/**
 * Composes one output frame with Canvas 2D: every canvas inside the globe container in DOM order
 * (Cesium, then an overlay such as three.js), then the burned-in texts: a lower-third caption, the
 * clock, what the position rests on, and the attribution. Sizes follow the frame height.
 */
import type { FrameText } from './types';
import { layoutCard, layoutLowerThird, type CardContent, type CardLayout, type CardRole, type LineRole, type LowerThirdLayout } from './captionFit';
import { largestFreeRect, type Rect } from '../compose/stage';

const BG = '#0b1622';
const PANEL = 'rgba(8, 16, 26, 0.86)';
const ACCENT = '#ffd34d';
const TEXT = '#f2f5f8';
const MUTED = '#b9c6d3';
const FONT = "'DejaVu Sans', 'Segoe UI', Roboto, Arial, sans-serif";
const COLOURS: Readonly<Record<LineRole, string>> = { kicker: MUTED, title: TEXT, time: ACCENT, caption: TEXT, sources: MUTED };
const CARD_COLOURS: Readonly<Record<CardRole, string>> = { kicker: ACCENT, heading: TEXT, figure: ACCENT, figureLabel: MUTED, body: TEXT, footer: MUTED };
/** A title card or method note takes this share of the frame's width, on the left; the globe shows the route beside it. */
const CARD_PANEL_SHARE = 0.52;
/** A chapter card is a band whose top sits at this share of the frame height; the globe shows the chapter's first shot above. */
const CHAPTER_BAND_TOP = 0.6;

/** A card to burn in (title, chapter, method; src/export/storyPlan.ts). */
export interface FrameCard extends CardContent {
  readonly kind: 'title' | 'chapter' | 'method';
}

/** The lower third takes at most this share of the frame height, unless even the smallest type needs more. */
const MAX_BOX_SHARE = 0.36;

export class FrameCompositor {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** The fitted lower third, kept while its texts and the size stay the same. */
  private fitted: { key: string; layout: LowerThirdLayout } = { key: '', layout: { scale: 1, lines: [], height: 0, overflow: false } };
  /** The fitted card, kept while the card and the size stay the same (a card is held for seconds). */
  private fittedCard: { card: FrameCard | null; layout: CardLayout } = { card: null, layout: { scale: 1, lines: [], height: 0, overflow: false } };

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    const ctx = this.canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('Canvas 2D is not available');
    this.ctx = ctx;
  }

  /**
   * The stage of a frame: what the burned-in clock, lower third and attribution leave free (frame
   * pixels, which are the globe's CSS pixels during an export), and those boxes. The camera frames
   * its subject there, as it does on screen with the HUD's panels.
   */
  stageFor(text: FrameText | null, attribution: string, card: FrameCard | null = null): { stage: Rect; panels: Rect[] } {
    const panels: Rect[] = [this.attributionBox(attribution)];
    if (text) panels.push(this.clockBox(text), this.lowerThirdBox(text));
    if (card) panels.push(this.cardBox(card));
    const gap = this.px(12);
    return { stage: largestFreeRect({ x: 0, y: 0, width: this.width, height: this.height }, panels, gap), panels };
  }

  /** Must run right after the globe drew (same task), while its drawing buffer can still be read. */
  compose(container: HTMLElement, text: FrameText | null, attribution: string, card: FrameCard | null = null): HTMLCanvasElement {
    const { ctx, width: w, height: h } = this;
    ctx.fillStyle = BG;
    ctx.fillRect(0, 0, w, h);
    for (const layer of container.querySelectorAll('canvas')) {
      if (layer.width === 0 || layer.height === 0 || layer.style.display === 'none' || layer.style.visibility === 'hidden') continue;
      ctx.drawImage(layer, 0, 0, w, h);
    }
    if (text) {
      this.drawClock(text);
      this.drawLowerThird(text);
    }
    if (card) this.drawCard(card);
    this.drawAttribution(attribution);
    return this.canvas;
  }

  private px(size1080: number): number {
    return Math.max(10, Math.round((size1080 * this.height) / 1080));
  }

  private clockBox(text: FrameText): Rect {
    const { ctx } = this;
    const pad = this.px(22);
    ctx.font = `600 ${this.px(30)}px ${FONT}`;
    const w1 = ctx.measureText(text.clock).width;
    ctx.font = `${this.px(22)}px ${FONT}`;
    const w2 = ctx.measureText(`Position: ${text.provenance}`).width;
    return { x: pad, y: pad, width: Math.max(w1, w2) + pad * 2, height: this.px(92) };
  }

  private drawClock(text: FrameText): void {
    const { ctx } = this;
    const pad = this.px(22);
    const box = this.clockBox(text);
    const line2 = `Position: ${text.provenance}`;
    ctx.fillStyle = PANEL;
    ctx.fillRect(box.x, box.y, box.width, box.height);
    ctx.fillStyle = TEXT;
    ctx.textBaseline = 'top';
    ctx.font = `600 ${this.px(30)}px ${FONT}`;
    ctx.fillText(text.clock, pad * 2, pad + this.px(14));
    ctx.fillStyle = MUTED;
    ctx.font = `${this.px(22)}px ${FONT}`;
    ctx.fillText(line2, pad * 2, pad + this.px(56));
  }

  /**
   * The lower third: kicker, title, time, caption and sources, all wrapped, fitted by type size into
   * at most MAX_BOX_SHARE of the frame (src/export/captionFit.ts); nothing is cut off.
   */
  private lowerThirdBox(text: FrameText): Rect & { layout: LowerThirdLayout } {
    const { width: w, height: h } = this;
    const margin = Math.round(w * 0.03);
    const pad = this.px(26);
    const bar = this.px(12);
    const innerW = w - margin * 2 - pad * 2 - bar;
    const layout = this.fit(text, innerW, Math.round(h * MAX_BOX_SHARE) - pad * 2);
    const boxH = Math.ceil(layout.height) + pad * 2;
    const top = Math.max(this.px(8), h - this.px(40) - boxH);
    return { x: margin, y: top, width: w - margin * 2, height: boxH, layout };
  }

  private drawLowerThird(text: FrameText): void {
    const { ctx } = this;
    const pad = this.px(26);
    const bar = this.px(12);
    const { x: margin, y: top, width: boxW, height: boxH, layout } = this.lowerThirdBox(text);
    ctx.fillStyle = PANEL;
    ctx.fillRect(margin, top, boxW, boxH);
    ctx.fillStyle = ACCENT;
    ctx.fillRect(margin, top, bar, boxH);
    const x = margin + bar + pad;
    ctx.textBaseline = 'top';
    for (const line of layout.lines) {
      ctx.fillStyle = COLOURS[line.role];
      ctx.font = line.font;
      ctx.fillText(line.text, x, top + pad + line.y);
    }
  }

  private fit(text: FrameText, width: number, maxHeight: number): LowerThirdLayout {
    const key = `${width}|${maxHeight}|${text.kicker}|${text.title}|${text.time}|${text.caption}|${text.sources}`;
    if (this.fitted.key === key) return this.fitted.layout;
    const measure = (s: string, font: string): number => {
      this.ctx.font = font;
      return this.ctx.measureText(s).width;
    };
    const layout = layoutLowerThird(text, { frameHeight: this.height, width, maxHeight }, measure, FONT);
    this.fitted = { key, layout };
    return layout;
  }

  /** The card's box with its fitted text: a panel on the left (title, method) or a band across the lower part (chapter). */
  private cardBox(card: FrameCard): Rect & { layout: CardLayout; pad: number } {
    const { width: w, height: h } = this;
    const margin = Math.round(w * 0.03);
    const pad = this.px(card.kind === 'chapter' ? 30 : 44);
    const bar = this.px(12);
    const bottom = h - this.px(34); // above the attribution line
    if (card.kind === 'chapter') {
      const top = Math.round(h * CHAPTER_BAND_TOP);
      const layout = this.fitCard(card, w - margin * 2 - pad * 2 - bar, bottom - top - pad * 2);
      const boxH = Math.ceil(layout.height) + pad * 2;
      return { x: margin, y: top, width: w - margin * 2, height: boxH, layout, pad };
    }
    const top = this.px(34);
    const boxW = Math.round(w * CARD_PANEL_SHARE);
    const layout = this.fitCard(card, boxW - pad * 2 - bar, bottom - top - pad * 2);
    return { x: margin, y: top, width: boxW, height: Math.max(bottom - top, Math.ceil(layout.height) + pad * 2), layout, pad };
  }

  private drawCard(card: FrameCard): void {
    const { ctx } = this;
    const bar = this.px(12);
    const { x, y, width, height, layout, pad } = this.cardBox(card);
    ctx.fillStyle = card.kind === 'chapter' ? PANEL : 'rgba(8, 16, 26, 0.92)';
    ctx.fillRect(x, y, width, height);
    ctx.fillStyle = ACCENT;
    ctx.fillRect(x, y, bar, height);
    // Panels: the text block centred in the height; bands: as laid out.
    const top = y + Math.max(pad, (height - layout.height) / 2);
    const left = x + bar + pad;
    ctx.textBaseline = 'top';
    for (const line of layout.lines) {
      ctx.fillStyle = CARD_COLOURS[line.role];
      ctx.font = line.font;
      ctx.fillText(line.text, left + line.x, top + line.y);
    }
  }

  private fitCard(card: FrameCard, width: number, maxHeight: number): CardLayout {
    if (this.fittedCard.card === card) return this.fittedCard.layout;
    const measure = (s: string, font: string): number => {
      this.ctx.font = font;
      return this.ctx.measureText(s).width;
    };
    const layout = layoutCard(card, { frameHeight: this.height, width, maxHeight }, measure, FONT, card.kind === 'chapter');
    this.fittedCard = { card, layout };
    return layout;
  }

  private attributionBox(attribution: string): Rect {
    const { ctx, width: w, height: h } = this;
    ctx.font = `${this.px(17)}px ${FONT}`;
    const tw = Math.min(ctx.measureText(attribution).width, w * 0.9);
    const pad = this.px(6);
    return { x: w - tw - pad * 3, y: h - this.px(26), width: tw + pad * 3, height: this.px(26) };
  }

  private drawAttribution(attribution: string): void {
    const { ctx, width: w, height: h } = this;
    const box = this.attributionBox(attribution);
    const tw = box.width - this.px(6) * 3;
    const pad = this.px(6);
    ctx.font = `${this.px(17)}px ${FONT}`;
    ctx.textBaseline = 'bottom';
    ctx.fillStyle = 'rgba(8, 16, 26, 0.7)';
    ctx.fillRect(box.x, box.y, box.width, box.height);
    ctx.fillStyle = MUTED;
    ctx.fillText(attribution, w - tw - pad * 1.5, h - this.px(4), w * 0.9);
  }
}
