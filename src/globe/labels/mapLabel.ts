/**
 * One text on the globe: where it points (a world position its owner may move), what it says in
 * full and short, what a reader gets on hover/focus (the full text and its sources), how it looks,
 * and the distance band it belongs to. Owners (track, claims, corridor, basemap, aircraft, damage
 * callouts) create them and hand them to the LabelLayer, which places and draws them.
 */
import { Cartesian3 } from 'cesium';
import { ANCHOR_ORDERS, createCandidate, type LabelCandidate, type LabelKind } from '../../compose/labels';
import type { Scenario } from '../../scenario/model';

export type { LabelKind };

export const LABEL_FONT_FAMILY = '"DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif';

export interface LabelSource {
  readonly title: string;
  readonly url: string;
}

/** What hover, focus or a click on the label shows: the full text, the rest of the story, the sources. */
export interface LabelDetail {
  readonly title: string;
  readonly body: string;
  readonly sources: readonly LabelSource[];
}

export interface TextLook {
  /** CSS font without the size: weight and style, e.g. '600' or 'italic 500'. */
  readonly weight: string;
  /** Size at scale 1 (CSS px). */
  readonly sizePx: number;
  readonly color: string;
  readonly halo: string;
  readonly haloPx: number;
}

/** A point drawn by the label layer with its label (a city dot), or one the globe draws anyway (radius only). */
export interface MarkerLook {
  readonly radiusPx: number;
  /** Drawn here, and only with its label; null: the globe draws the point itself and it always shows. */
  readonly dot: { readonly fill: string; readonly stroke: string } | null;
}

/** A damage callout: a box with a headline, the text and its sources; its short form is a marker chip. */
export interface CalloutLook {
  readonly basis: 'established' | 'claimed';
  readonly headline: string;
  readonly body: string;
  readonly source: string;
  /** The chip's text when shrunk (after the event, or from far away). */
  readonly marker: string;
}

export interface MapLabelOptions {
  readonly look: TextLook;
  readonly marker?: MarkerLook;
  /** Directions to try around the point (ANCHOR_ORDERS). */
  readonly anchors?: readonly number[];
  /** Furthest ring it may move out to with a leader line (0: always beside its point). */
  readonly maxRing?: number;
  /** Camera distances (m) within which it shows. */
  readonly band?: readonly [number, number];
  /** A city's rank (1 = main city). */
  readonly rank?: number;
  /** data-testid of its hit target (tests address callouts by the names they had as DOM tags). */
  readonly testId?: string;
}

let nextKey = 0;

export class MapLabel {
  readonly candidate: LabelCandidate;
  /** The world point it names (ECEF metres); its owner may move it (the aircraft). */
  readonly position = new Cartesian3();
  readonly look: TextLook;
  readonly marker: MarkerLook | null;
  readonly near: number;
  readonly far: number;
  readonly rank: number;
  readonly testId: string | null;
  /** How far it may move out with a leader line when it is not the subject (the subject may always go to ring 3). */
  readonly maxRing: number;
  /** Full text, one entry per line. */
  lines: readonly string[] = [''];
  /** The short form (null: none; it hides instead). */
  short: string | null = null;
  detail: LabelDetail | null = null;
  callout: CalloutLook | null = null;
  /** The owner's switch (a layer turned off, the cockpit hiding the aircraft's own labels). */
  visible = true;
  /** Only the short form (a callout shrunk to its marker). */
  forceShort = false;
  /** The scenario place it names: it leads while the current step is about that place. */
  placeId: string | null = null;
  /** The step it belongs to (claims, rejected fixes): it leads during that step. */
  stepId: string | null = null;
  /** Set by the layer each pass: in its distance band, in front of the horizon and on the canvas (drawn or not). */
  inView = false;
  /** Set by the layer: it belongs to the current step's subject. */
  subject = false;
  /** Bumped on every text change, so measurements are redone only then. */
  version = 0;

  constructor(
    readonly id: string,
    readonly kind: LabelKind,
    options: MapLabelOptions,
  ) {
    this.candidate = createCandidate(nextKey++);
    this.look = options.look;
    this.marker = options.marker ?? null;
    this.near = options.band?.[0] ?? 0;
    this.far = options.band?.[1] ?? Number.POSITIVE_INFINITY;
    this.rank = options.rank ?? 1;
    this.testId = options.testId ?? null;
    this.candidate.anchors = options.anchors ?? ANCHOR_ORDERS.right;
    this.maxRing = options.maxRing ?? 0;
    this.candidate.maxRing = this.maxRing;
    this.candidate.markerRadius = this.marker?.radiusPx ?? 0;
    this.candidate.markerWithLabel = Boolean(this.marker?.dot);
  }

  /** Sets the texts (full lines, short form, hover detail); unchanged texts keep their measurements. */
  setText(lines: readonly string[], short: string | null = null, detail: LabelDetail | null = this.detail): void {
    if (short === lines.join(' ')) short = null;
    if (lines.length !== this.lines.length || lines.some((l, i) => l !== this.lines[i]) || short !== this.short) this.version++;
    this.lines = lines;
    this.short = short;
    this.detail = detail;
  }

  setCallout(callout: CalloutLook, detail: LabelDetail): void {
    this.callout = callout;
    this.detail = detail;
    this.lines = [callout.headline, callout.body];
    this.short = callout.marker;
    this.version++;
  }

  /** Shown in its short form now (shortened for space, or a callout shrunk to its marker). */
  get isShort(): boolean {
    return this.forceShort || this.candidate.short;
  }

  /** The text as shown now (the short form when shortened), on one line. */
  shownText(): string {
    if (this.isShort && this.short !== null) return this.short;
    if (this.callout) return `${this.callout.headline}: ${this.callout.body}`;
    return this.lines.join(' ');
  }

  /** The whole text, for hover and screen readers. */
  fullText(): string {
    if (this.callout) return `${this.callout.headline}: ${this.callout.body}`;
    return this.lines.join(' ');
  }
}

/** The first clause of a text ("About 2,400 m (leak: …)" → "About 2,400 m"), for short forms. */
export function firstClause(text: string): string {
  const cut = text.search(/ \(|, | · |; /);
  return cut > 0 ? text.slice(0, cut) : text;
}

/** Short forms keep to about this many characters. */
const SHORT_CHARS = 22;

/** A short form that says there is more (on hover/focus): the text cut at a word to about SHORT_CHARS, and "…". */
export function shortened(text: string): string {
  if (text.length <= SHORT_CHARS) return `${text}…`;
  const cut = text.lastIndexOf(' ', SHORT_CHARS);
  return `${text.slice(0, cut > 0 ? cut : SHORT_CHARS)}…`;
}

/** The scenario's citations as hover/click sources. */
export function labelSources(scenario: Scenario, ids: readonly string[]): LabelSource[] {
  const out: LabelSource[] = [];
  for (const id of ids) {
    const c = scenario.sources.get(id);
    if (c) out.push({ title: `${c.publisher}: ${c.title}`, url: c.url ?? '' });
  }
  return out;
}

/** What the layer that owns labels needs of the LabelLayer (so owners do not depend on its class). */
export interface LabelSink {
  setGroup(name: string, labels: readonly MapLabel[]): void;
  setGroupVisible(name: string, visible: boolean): void;
  invalidate(): void;
}
