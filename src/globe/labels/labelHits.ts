/**
 * Makes the canvas labels reachable: a transparent button over every label that has more to say
 * (shown in full, shortened, or hidden for space — then over its point), so hover, keyboard focus
 * and screen readers get the full text and its sources. Hover/focus shows a card; a click pins it
 * (marked `hud-panel` while open, so labels keep out from under it) with the sources as links.
 */
import type { MapLabel } from './mapLabel';

/** Size of the target over a point whose label is hidden (CSS px). */
const POINT_TARGET_PX = 18;
const HUD_PANEL = 'hud-panel';

interface Target {
  readonly button: HTMLButtonElement;
  readonly text: HTMLSpanElement;
  x: number;
  y: number;
  w: number;
  h: number;
  state: string;
  version: number;
}

export class LabelHits {
  /** The targets (a stacking context of its own, under the HUD). */
  readonly layer = document.createElement('div');
  /** The card with the full text and sources (above the HUD, beside the label). */
  readonly card = document.createElement('div');
  private readonly targets = new Map<MapLabel, Target>();
  private cardFor: MapLabel | null = null;
  private pinned = false;

  constructor(private readonly viewWidth: () => number) {
    this.layer.className = 'globe-label-hits';
    this.card.className = 'globe-label-card';
    this.card.dataset.testid = 'label-card';
    this.card.hidden = true;
    this.card.setAttribute('role', 'dialog');
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.cardFor) this.close();
    });
    document.addEventListener('pointerdown', (e) => {
      const t = e.target as Node;
      if (this.pinned && !this.card.contains(t) && !(t instanceof HTMLElement && t.classList.contains('globe-label-hit'))) this.close();
    });
  }

  /** Drops the targets of labels that are gone (a new scenario or language rebuilt them). */
  retain(labels: readonly MapLabel[]): void {
    const keep = new Set(labels);
    for (const [label, target] of this.targets) {
      if (keep.has(label)) continue;
      target.button.remove();
      this.targets.delete(label);
      if (this.cardFor === label) this.close();
    }
  }

  /** Orders the targets: the higher priority first for the keyboard and on top for the pointer; call when priorities changed. */
  order(labels: readonly MapLabel[]): void {
    const sorted = labels.filter((l) => this.targets.has(l)).sort((a, b) => b.candidate.priority - a.candidate.priority);
    sorted.forEach((l, i) => {
      const button = this.targets.get(l)!.button;
      button.style.zIndex = String(sorted.length - i);
      this.layer.append(button);
    });
  }

  /** After placement: moves each target over its label (or its point), or hides it. */
  sync(labels: readonly MapLabel[], groupVisible: (label: MapLabel) => boolean): void {
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i]!;
      if (!label.detail) continue;
      const c = label.candidate;
      const target = this.targets.get(label) ?? this.create(label);
      const on = groupVisible(label) && label.visible && c.active;
      let state = 'hidden';
      if (on) state = c.shown ? (label.isShort ? 'short' : 'full') : 'point';
      if (state !== target.state) {
        target.state = state;
        target.button.hidden = state === 'hidden';
        target.button.dataset.state = state;
        if (state === 'hidden' && this.cardFor === label && !this.pinned) this.close();
      }
      if (target.version !== label.version) {
        target.version = label.version;
        target.text.textContent = label.fullText();
        if (this.cardFor === label) this.fill(label);
      }
      if (state === 'hidden') continue;
      const half = POINT_TARGET_PX / 2;
      const x = c.shown ? c.x : c.anchorX - half;
      const y = c.shown ? c.y : c.anchorY - half;
      const w = c.shown ? c.boxWidth : POINT_TARGET_PX;
      const h = c.shown ? c.boxHeight : POINT_TARGET_PX;
      if (x !== target.x || y !== target.y || w !== target.w || h !== target.h) {
        target.x = x;
        target.y = y;
        target.w = w;
        target.h = h;
        const s = target.button.style;
        s.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        s.width = `${Math.round(w)}px`;
        s.height = `${Math.round(h)}px`;
      }
    }
  }

  private create(label: MapLabel): Target {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'globe-label-hit';
    button.dataset.labelId = label.id;
    button.dataset.kind = label.kind;
    button.dataset.testid = label.testId ?? `label-${label.id}`;
    const text = document.createElement('span');
    text.className = 'globe-label-text';
    button.append(text);
    const target: Target = { button, text, x: NaN, y: NaN, w: NaN, h: NaN, state: '', version: -1 };
    button.addEventListener('mouseenter', () => this.open(label, false));
    button.addEventListener('focus', () => this.open(label, false));
    button.addEventListener('mouseleave', () => this.leave(label));
    button.addEventListener('blur', () => this.leave(label));
    button.addEventListener('click', () => (this.pinned && this.cardFor === label ? this.close() : this.open(label, true)));
    this.layer.append(button);
    this.targets.set(label, target);
    return target;
  }

  private leave(label: MapLabel): void {
    if (this.cardFor === label && !this.pinned) this.close();
  }

  private open(label: MapLabel, pin: boolean): void {
    if (this.pinned && !pin && this.cardFor !== label) return;
    this.cardFor = label;
    this.pinned = pin || (this.pinned && this.cardFor === label);
    this.fill(label);
    this.card.classList.toggle(HUD_PANEL, this.pinned);
    this.card.classList.toggle('pinned', this.pinned);
    this.card.hidden = false;
    const t = this.targets.get(label)!;
    const width = this.card.offsetWidth;
    const room = this.viewWidth();
    const left = t.x + t.w + 8 + width <= room ? t.x + t.w + 8 : Math.max(4, t.x - 8 - width);
    this.card.style.transform = `translate(${Math.round(left)}px, ${Math.round(Math.max(4, t.y))}px)`;
  }

  private close(): void {
    this.cardFor = null;
    this.pinned = false;
    this.card.hidden = true;
    this.card.classList.remove(HUD_PANEL, 'pinned');
  }

  private fill(label: MapLabel): void {
    const d = label.detail;
    if (!d) return;
    const title = document.createElement('strong');
    title.textContent = d.title;
    const body = document.createElement('p');
    body.textContent = d.body;
    const list = document.createElement('ol');
    for (const s of d.sources) {
      const li = document.createElement('li');
      // A data file the scenario was made from has no URL: its name, as text.
      const a = document.createElement(s.url ? 'a' : 'span');
      if (a instanceof HTMLAnchorElement) {
        a.href = s.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
      }
      a.textContent = s.title;
      li.append(a);
      list.append(li);
    }
    this.card.lang = document.documentElement.lang;
    this.card.replaceChildren(title, body, list);
  }
}
