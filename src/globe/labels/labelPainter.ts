/**
 * Measures and draws map labels on a 2D canvas: text with a halo, city dots, leader lines and the
 * damage callout boxes. Measurements are exact (measureText) and kept on the label until its text
 * or the scale changes; drawing a frame allocates nothing.
 */
import { wrapText } from '../../compose/labels';
import { CLAIMED_CSS, ESTABLISHED_CSS } from '../../theme/damage';
import { LABEL_FONT_FAMILY, type MapLabel } from './mapLabel';

/** Callout boxes are at most this wide (CSS px at scale 1). */
const CALLOUT_MAX_PX = 260;
const CALLOUT_BG = 'rgba(8, 16, 26, 0.88)';
const CALLOUT_TEXT = '#f2f5f8';
const LEADER_CASING = 'rgba(8, 12, 18, 0.75)';
/** The chip's "i" (more on hover/focus): radius and gap before it. */
const ICON_R = 6;
const ICON_GAP = 6;

export interface LabelMetrics {
  version: number;
  scale: number;
  font: string;
  lineHeight: number;
  pad: number;
  fullWidth: number;
  fullHeight: number;
  shortWidth: number;
  shortHeight: number;
  // Callouts.
  headFont: string;
  bodyFont: string;
  headLines: string[];
  bodyLines: string[];
  headLineHeight: number;
  bodyLineHeight: number;
}

const metrics = new WeakMap<MapLabel, LabelMetrics>();

function font(weight: string, sizePx: number): string {
  return `${weight} ${Math.round(sizePx * 10) / 10}px ${LABEL_FONT_FAMILY}`;
}

/** The label's measurements at a scale, measured again only when its text or the scale changed. */
export function measure(ctx: CanvasRenderingContext2D, label: MapLabel, scale: number): LabelMetrics {
  const known = metrics.get(label);
  if (known && known.version === label.version && known.scale === scale) return known;
  const look = label.look;
  const m: LabelMetrics = known ?? {
    version: 0,
    scale: 0,
    font: '',
    lineHeight: 0,
    pad: 0,
    fullWidth: 0,
    fullHeight: 0,
    shortWidth: 0,
    shortHeight: 0,
    headFont: '',
    bodyFont: '',
    headLines: [],
    bodyLines: [],
    headLineHeight: 0,
    bodyLineHeight: 0,
  };
  m.version = label.version;
  m.scale = scale;
  m.font = font(look.weight, look.sizePx * scale);
  m.lineHeight = Math.ceil(look.sizePx * scale * 1.22);
  m.pad = (look.haloPx * scale) / 2 + 1;
  ctx.font = m.font;
  const c = label.callout;
  if (c) {
    const pad = 7 * scale;
    m.headFont = font('700', 11 * scale);
    m.bodyFont = font('400', 13 * scale);
    m.headLineHeight = Math.ceil(15 * scale);
    m.bodyLineHeight = Math.ceil(17 * scale);
    const inner = CALLOUT_MAX_PX * scale - 2 * pad;
    ctx.font = m.headFont;
    m.headLines = wrapText(c.headline.toUpperCase(), inner, (s) => ctx.measureText(s).width);
    let widest = widestLine(ctx, m.headLines);
    ctx.font = m.bodyFont;
    m.bodyLines = wrapText(`${c.body}${c.source ? ` · ${c.source}` : ''}`, inner, (s) => ctx.measureText(s).width);
    widest = Math.max(widest, widestLine(ctx, m.bodyLines));
    m.fullWidth = Math.ceil(widest + 2 * pad);
    m.fullHeight = Math.ceil(2 * pad + m.headLines.length * m.headLineHeight + m.bodyLines.length * m.bodyLineHeight);
    ctx.font = m.headFont;
    // The chip: its text and a small "i" that says the rest is on hover/focus.
    m.shortWidth = Math.ceil(ctx.measureText(c.marker).width + 2 * pad + ICON_GAP * scale + 2 * ICON_R * scale);
    m.shortHeight = Math.ceil(m.headLineHeight + pad);
  } else {
    m.fullWidth = Math.ceil(widestLine(ctx, label.lines) + 2 * m.pad);
    m.fullHeight = Math.ceil(label.lines.length * m.lineHeight + 2 * m.pad);
    m.shortWidth = label.short !== null ? Math.ceil(ctx.measureText(label.short).width + 2 * m.pad) : 0;
    m.shortHeight = label.short !== null ? Math.ceil(m.lineHeight + 2 * m.pad) : 0;
  }
  metrics.set(label, m);
  return m;
}

function widestLine(ctx: CanvasRenderingContext2D, lines: readonly string[]): number {
  let w = 0;
  for (let i = 0; i < lines.length; i++) w = Math.max(w, ctx.measureText(lines[i]!).width);
  return w;
}

/** Leader line from the point to the label, cased so it reads on land and sea. */
export function drawLeader(ctx: CanvasRenderingContext2D, label: MapLabel, scale: number): void {
  const c = label.candidate;
  if (c.ring <= 0) return;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(c.leaderX0, c.leaderY0);
  ctx.lineTo(c.leaderX1, c.leaderY1);
  ctx.strokeStyle = LEADER_CASING;
  ctx.lineWidth = 3.5 * scale;
  ctx.stroke();
  ctx.strokeStyle = label.callout ? (label.callout.basis === 'claimed' ? CLAIMED_CSS : ESTABLISHED_CSS) : label.look.color;
  ctx.lineWidth = 1.5 * scale;
  ctx.stroke();
}

export function drawDot(ctx: CanvasRenderingContext2D, label: MapLabel, scale: number): void {
  const dot = label.marker?.dot;
  if (!dot) return;
  const c = label.candidate;
  ctx.beginPath();
  ctx.arc(c.anchorX, c.anchorY, Math.max(1.5, label.marker!.radiusPx - 1) * Math.min(scale, 1.2), 0, Math.PI * 2);
  ctx.fillStyle = dot.fill;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = dot.stroke;
  ctx.stroke();
}

/** Text lines centred in the label's box, with a halo. */
export function drawText(ctx: CanvasRenderingContext2D, label: MapLabel, m: LabelMetrics, scale: number): void {
  const c = label.candidate;
  if (label.callout) {
    drawCallout(ctx, label, m, scale);
    return;
  }
  const look = label.look;
  ctx.font = m.font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = look.haloPx * scale;
  ctx.strokeStyle = look.halo;
  ctx.fillStyle = look.color;
  const cx = c.x + c.boxWidth / 2;
  if (label.isShort && label.short !== null) {
    const y = c.y + c.boxHeight / 2;
    ctx.strokeText(label.short, cx, y);
    ctx.fillText(label.short, cx, y);
    return;
  }
  const lines = label.lines;
  for (let i = 0; i < lines.length; i++) {
    const y = c.y + m.pad + m.lineHeight * (i + 0.5);
    ctx.strokeText(lines[i]!, cx, y);
    ctx.fillText(lines[i]!, cx, y);
  }
}

function drawCallout(ctx: CanvasRenderingContext2D, label: MapLabel, m: LabelMetrics, scale: number): void {
  const c = label.candidate;
  const look = label.callout!;
  const claimed = look.basis === 'claimed';
  const accent = claimed ? CLAIMED_CSS : ESTABLISHED_CSS;
  ctx.fillStyle = CALLOUT_BG;
  ctx.beginPath();
  ctx.roundRect(c.x, c.y, c.boxWidth, c.boxHeight, 4 * scale);
  ctx.fill();
  if (claimed) ctx.setLineDash(DASH);
  ctx.strokeStyle = accent;
  ctx.lineWidth = 2 * scale;
  ctx.stroke();
  if (claimed) ctx.setLineDash(NO_DASH);
  const pad = 7 * scale;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.font = m.headFont;
  ctx.fillStyle = claimed ? '#e3b3ff' : '#ff8080';
  if (label.isShort) {
    const cy = c.y + c.boxHeight / 2;
    ctx.fillText(look.marker, c.x + pad, cy);
    const r = ICON_R * scale;
    const cx = c.x + c.boxWidth - pad - r;
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.lineWidth = 1.2 * scale;
    ctx.strokeStyle = ctx.fillStyle;
    ctx.stroke();
    ctx.textAlign = 'center';
    ctx.fillText('i', cx, cy + 0.5 * scale);
    return;
  }
  let y = c.y + pad;
  for (let i = 0; i < m.headLines.length; i++) {
    ctx.fillText(m.headLines[i]!, c.x + pad, y + m.headLineHeight / 2);
    y += m.headLineHeight;
  }
  ctx.font = m.bodyFont;
  ctx.fillStyle = CALLOUT_TEXT;
  for (let i = 0; i < m.bodyLines.length; i++) {
    ctx.fillText(m.bodyLines[i]!, c.x + pad, y + m.bodyLineHeight / 2);
    y += m.bodyLineHeight;
  }
}

const DASH = [6, 4];
const NO_DASH: number[] = [];
