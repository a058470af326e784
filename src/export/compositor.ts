/**
 * Composes one output frame with Canvas 2D: every canvas inside the globe container in DOM order
 * (Cesium, then an overlay such as three.js), then the burned-in texts: a lower-third caption, the
 * clock, what the position rests on, and the attribution. Sizes follow the frame height.
 */
import type { FrameText } from './types';

const BG = '#0b1622';
const PANEL = 'rgba(8, 16, 26, 0.86)';
const ACCENT = '#ffd34d';
const TEXT = '#f2f5f8';
const MUTED = '#b9c6d3';
const FONT = "'DejaVu Sans', 'Segoe UI', Roboto, Arial, sans-serif";

export class FrameCompositor {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** Wrapped caption lines, kept while the caption and the width stay the same. */
  private wrapped: { key: string; lines: string[] } = { key: '', lines: [] };

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

  /** Must run right after the globe drew (same task), while its drawing buffer can still be read. */
  compose(container: HTMLElement, text: FrameText | null, attribution: string): HTMLCanvasElement {
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
    this.drawAttribution(attribution);
    return this.canvas;
  }

  private px(size1080: number): number {
    return Math.max(10, Math.round((size1080 * this.height) / 1080));
  }

  private drawClock(text: FrameText): void {
    const { ctx } = this;
    const pad = this.px(22);
    ctx.font = `600 ${this.px(30)}px ${FONT}`;
    const w1 = ctx.measureText(text.clock).width;
    ctx.font = `${this.px(22)}px ${FONT}`;
    const line2 = `Position: ${text.provenance}`;
    const w2 = ctx.measureText(line2).width;
    const boxW = Math.max(w1, w2) + pad * 2;
    ctx.fillStyle = PANEL;
    ctx.fillRect(pad, pad, boxW, this.px(92));
    ctx.fillStyle = TEXT;
    ctx.textBaseline = 'top';
    ctx.font = `600 ${this.px(30)}px ${FONT}`;
    ctx.fillText(text.clock, pad * 2, pad + this.px(14));
    ctx.fillStyle = MUTED;
    ctx.font = `${this.px(22)}px ${FONT}`;
    ctx.fillText(line2, pad * 2, pad + this.px(56));
  }

  private drawLowerThird(text: FrameText): void {
    const { ctx, width: w, height: h } = this;
    const margin = Math.round(w * 0.03);
    const pad = this.px(26);
    const innerW = w - margin * 2 - pad * 2 - this.px(12);
    const captionFont = `${this.px(34)}px ${FONT}`;
    const lines = this.wrap(text.caption, captionFont, innerW).slice(0, 4);
    const lineH = this.px(45);
    const boxH = pad + this.px(30) + this.px(60) + (text.time ? this.px(36) : 0) + lines.length * lineH + this.px(36) + pad;
    const top = h - this.px(40) - boxH;
    ctx.fillStyle = PANEL;
    ctx.fillRect(margin, top, w - margin * 2, boxH);
    ctx.fillStyle = ACCENT;
    ctx.fillRect(margin, top, this.px(12), boxH);
    const x = margin + this.px(12) + pad;
    let y = top + pad;
    ctx.textBaseline = 'top';
    ctx.fillStyle = MUTED;
    ctx.font = `${this.px(23)}px ${FONT}`;
    ctx.fillText(text.kicker, x, y, innerW);
    y += this.px(30);
    ctx.fillStyle = TEXT;
    ctx.font = `700 ${this.px(48)}px ${FONT}`;
    ctx.fillText(text.title, x, y, innerW);
    y += this.px(60);
    if (text.time) {
      ctx.fillStyle = ACCENT;
      ctx.font = `${this.px(28)}px ${FONT}`;
      ctx.fillText(text.time, x, y, innerW);
      y += this.px(36);
    }
    ctx.fillStyle = TEXT;
    ctx.font = captionFont;
    for (const line of lines) {
      ctx.fillText(line, x, y);
      y += lineH;
    }
    ctx.fillStyle = MUTED;
    ctx.font = `${this.px(20)}px ${FONT}`;
    ctx.fillText(text.sources, x, y + this.px(6), innerW);
  }

  private drawAttribution(attribution: string): void {
    const { ctx, width: w, height: h } = this;
    ctx.font = `${this.px(17)}px ${FONT}`;
    ctx.textBaseline = 'bottom';
    const tw = Math.min(ctx.measureText(attribution).width, w * 0.9);
    const pad = this.px(6);
    ctx.fillStyle = 'rgba(8, 16, 26, 0.7)';
    ctx.fillRect(w - tw - pad * 3, h - this.px(26), tw + pad * 3, this.px(26));
    ctx.fillStyle = MUTED;
    ctx.fillText(attribution, w - tw - pad * 1.5, h - this.px(4), w * 0.9);
  }

  private wrap(text: string, font: string, maxWidth: number): string[] {
    const key = `${font}|${maxWidth}|${text}`;
    if (this.wrapped.key === key) return this.wrapped.lines;
    this.ctx.font = font;
    const lines: string[] = [];
    let line = '';
    for (const wordText of text.split(/\s+/)) {
      const next = line ? `${line} ${wordText}` : wordText;
      if (line && this.ctx.measureText(next).width > maxWidth) {
        lines.push(line);
        line = wordText;
      } else line = next;
    }
    if (line) lines.push(line);
    this.wrapped = { key, lines };
    return lines;
  }
}
