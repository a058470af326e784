/**
 * The profile chart's data from the scenario: altitude and ground speed every few seconds, split by
 * provenance (data drawn solid, inferred dashed) with the altitude's uncertainty band. Pure.
 */
import type { Scenario } from '../scenario/model';
import { createAircraftPosition, positionAt } from '../geo/trackPosition';
import { distanceM } from '../geo/greatCircle';

export const MPS_TO_KT = 3600 / 1852;

export interface ProfileData {
  /** UTC seconds. */
  readonly t: number[];
  readonly altKnown: (number | null)[];
  readonly altInferred: (number | null)[];
  readonly altLow: (number | null)[];
  readonly altHigh: (number | null)[];
  /** Ground speed of the drawn path, kt (always inferred: no recorded speeds are in the sources). */
  readonly speedKt: (number | null)[];
}

export function profileData(scenario: Scenario, stepS = 20): ProfileData {
  const d: ProfileData = { t: [], altKnown: [], altInferred: [], altLow: [], altHigh: [], speedKt: [] };
  const p = createAircraftPosition();
  const q = createAircraftPosition();
  const track = scenario.track;
  let prevKnown = false;
  for (let ms = scenario.startMs; ms <= scenario.endMs + 1; ms += stepS * 1000) {
    const t = Math.min(ms, scenario.endMs);
    positionAt(track, t, p);
    // Speed over the surrounding ±stepS/2 of the path.
    const h = (stepS * 1000) / 2;
    const a = Math.max(scenario.startMs, t - h);
    const b = Math.min(scenario.endMs, t + h);
    positionAt(track, a, q);
    const qLat = q.lat;
    const qLon = q.lon;
    positionAt(track, b, q);
    const speed = b > a ? distanceM(qLat, qLon, q.lat, q.lon) / ((b - a) / 1000) : 0;
    const known = p.altitudeProvenance !== 'inferred';
    const u = uncertaintyAt(scenario, t);
    d.t.push(t / 1000);
    // Where provenance changes, both series share the point so the line stays unbroken.
    d.altKnown.push(known || prevKnown ? p.altitudeM : null);
    d.altInferred.push(known ? null : p.altitudeM);
    d.altLow.push(u > 0 ? Math.max(0, p.altitudeM - u) : null);
    d.altHigh.push(u > 0 ? p.altitudeM + u : null);
    d.speedKt.push(speed * MPS_TO_KT);
    prevKnown = known;
    if (t === scenario.endMs) break;
  }
  return d;
}

function uncertaintyAt(scenario: Scenario, ms: number): number {
  const track = scenario.track;
  let lo = 0;
  let hi = track.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (track[mid]!.timeMs <= ms) lo = mid;
    else hi = mid - 1;
  }
  const a = track[lo]!;
  const b = track[Math.min(lo + 1, track.length - 1)]!;
  const ua = a.altitudeUncertaintyM ?? 0;
  const ub = b.altitudeUncertaintyM ?? 0;
  const f = b.timeMs > a.timeMs ? (ms - a.timeMs) / (b.timeMs - a.timeMs) : 0;
  return ua + (ub - ua) * Math.min(1, Math.max(0, f));
}

/** A chapter's part of the flight on the chart: from its first step's time to the next chapter's. */
export interface ChapterSpan {
  /** Index into scenario.chapters. */
  readonly index: number;
  readonly id: string;
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * The chapters that have flight time, as time spans: an event chapter runs from its first step's
 * time to the first step of the next event chapter (the last one to the end of the flight). A
 * chapter of epilogue steps ("after the crash") has no flight time and no span. Pure.
 */
export function chapterSpans(scenario: Pick<Scenario, 'chapters' | 'steps' | 'startMs' | 'endMs'>): ChapterSpan[] {
  const starts: { index: number; id: string; ms: number }[] = [];
  scenario.chapters.forEach((c, index) => {
    const first = scenario.steps[c.firstStep];
    if (first?.kind !== 'event') return;
    starts.push({ index, id: c.id, ms: Math.min(scenario.endMs, Math.max(scenario.startMs, first.timeMs)) });
  });
  return starts.map((s, i) => ({ index: s.index, id: s.id, fromMs: s.ms, toMs: starts[i + 1]?.ms ?? scenario.endMs }));
}

/** A band's label as laid out: the text shown ('' when not even the number fits) and its left edge. */
export interface BandLabel {
  readonly text: string;
  /** True when the title was shortened (or left out): the full title belongs in a tooltip. */
  readonly shortened: boolean;
  readonly x: number;
  readonly width: number;
}

export interface LabelBand {
  readonly x0: number;
  readonly x1: number;
  readonly number: number;
  readonly title: string;
  /** The current chapter: placed first, in bold. */
  readonly bold: boolean;
}

/** "3. The damage", then shorter by whole words ("2. Approaches to…"), then the number alone. */
function labelChoices(number: number, title: string): string[] {
  const words = title.split(/\s+/).filter(Boolean);
  const out = [`${number}. ${title}`];
  for (let k = words.length - 1; k >= 1; k--)
    out.push(
      `${number}. ${words
        .slice(0, k)
        .join(' ')
        .replace(/[\s:;,.·–—-]+$/u, '')}…`,
    );
  out.push(String(number));
  return out;
}

/**
 * Labels for bands side by side (in order, not overlapping). Every band first keeps room for its
 * number at its far end from the current chapter; the current chapter's label comes first, centred
 * on its band and free to spill over its neighbours up to their numbers (a short chapter still reads
 * "3. The damage"); then each other band, wider first, takes the widest part of its own band that
 * no label holds, and in it the longest of its choices that fits ("3. The damage", shorter by whole
 * words with "…", the number alone), centred there. No two labels come closer than `gap` px; none
 * leaves [left, right]; a band with no room gets ''. `measure` gives a text's width in px (bold:
 * the current chapter). Pure.
 */
export function fitBandLabels(
  bands: readonly LabelBand[],
  measure: (text: string, bold: boolean) => number,
  left: number,
  right: number,
  gap = 8,
): BandLabel[] {
  type Span = { x0: number; x1: number };
  const placed: Span[] = [];
  const out: BandLabel[] = bands.map(() => ({ text: '', shortened: true, x: 0, width: 0 }));
  const current = bands.findIndex((b) => b.bold);
  const inner = (b: LabelBand): Span => ({ x0: Math.max(left, b.x0 + gap / 2), x1: Math.min(right, b.x1 - gap / 2) });
  // Each band's number, kept at the end away from the current chapter until the band is labelled.
  const reserved: (Span | null)[] = bands.map((b, j) => {
    if (j === current) return null;
    const w = measure(String(b.number), false);
    const r = inner(b);
    if (r.x1 - r.x0 < w) return null;
    return j < current ? { x0: r.x0, x1: r.x0 + w } : { x0: r.x1 - w, x1: r.x1 };
  });
  const order = bands
    .map((_, i) => i)
    .sort((a, b) => Number(bands[b]!.bold) - Number(bands[a]!.bold) || bands[b]!.x1 - bands[b]!.x0 - (bands[a]!.x1 - bands[a]!.x0));
  for (const i of order) {
    const b = bands[i]!;
    reserved[i] = null;
    const taken = [...placed, ...reserved.filter((r): r is Span => r !== null)].sort((p, q) => p.x0 - q.x0);
    // Where the label may go: for the current chapter the chart, else its own band (inside the padding).
    const room = b.bold ? { x0: left, x1: right } : inner(b);
    const mid = (Math.max(left, b.x0) + Math.min(right, b.x1)) / 2;
    // The free parts of the room; the current chapter takes the one around its middle, the others their widest.
    let best: Span | null = null;
    let start = room.x0;
    const consider = (end: number) => {
      const part = { x0: start, x1: Math.min(room.x1, end) };
      if (part.x1 <= part.x0) return;
      if (b.bold ? part.x0 <= mid && mid <= part.x1 : !best || part.x1 - part.x0 > best.x1 - best.x0) best = part;
    };
    for (const t of taken) {
      consider(t.x0 - gap);
      start = Math.max(start, t.x1 + gap);
    }
    consider(room.x1);
    const free = best as Span | null;
    if (!free) continue;
    const centre = b.bold ? mid : (free.x0 + free.x1) / 2;
    const choices = labelChoices(b.number, b.title);
    for (let c = 0; c < choices.length; c++) {
      const text = choices[c]!;
      const width = measure(text, b.bold);
      if (width > free.x1 - free.x0) continue;
      const x = Math.min(free.x1 - width, Math.max(free.x0, centre - width / 2));
      out[i] = { text, shortened: c > 0, x, width };
      placed.push({ x0: x, x1: x + width });
      break;
    }
  }
  return out;
}
