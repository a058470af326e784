/**
 * Altitude and ground speed against UTC under the globe (uPlot, loaded on first use): data gaps and the
 * GNSS interference period as bands, inferred values dashed with their uncertainty, step ticks, rejected
 * data as crosses; tracks opened to compare as dash-dotted altitude lines in their colours (resampled
 * onto the chart's times, broken where they have no data). Click or drag to seek; a cursor line
 * follows the clock. On phones and short screens it folds to a timeline: the "Profile ▸" toggle and
 * a time slider with a large thumb for a finger.
 * Chapters (when the scenario has them) are alternating light bands over their part of the flight,
 * labelled in a strip above the plot ("3. The damage", shortened or left to its number where the band
 * is narrow; a click goes to the chapter), the current one emphasised; folded, a strip of the same
 * segments runs under the time slider. The epilogue chapter has no flight time and no band.
 */
import type uPlotType from 'uplot';
import type { AppState, Change, ComparisonTrack, Store } from '../app/store';
import { formatUtcClock } from '../geo/time';
import { CORRIDOR_CSS, GAP_CSS, JAMMING_CSS, REJECTED_CSS } from '../theme/reconstruction';
import { PROVENANCE_STYLES } from '../theme/styles';
import { el } from './dom';
import { MPS_TO_KT, chapterSpans, fitBandLabels, profileData, type ChapterSpan } from './profileData';
import { chapterIndexOf } from '../scenario/chapters';
import { localize } from '../scenario/model';
import { message } from '../i18n/catalogue';
import { resampleAltitude } from '../compose/compareSeries';
import { Fold } from './fold';
import type { ScreenClass } from './screen';
import { t } from './i18n';
import { catalogue, type Catalogue } from '../i18n/catalogue';
import './profileChart.css';
import { formatNumber } from '../i18n/formats';

type UPlot = typeof uPlotType;

const ALT_CSS = PROVENANCE_STYLES.inferred.css;
const NO_CHANGE: Change = { time: false, step: false, playback: false, camera: false, lang: false, scenario: false, notices: false, ui: false };
const SPEED_CSS = '#9be7a8';
/** Chapter bands: every other chapter lightly lit, the current one in the step ticks' yellow. */
const CHAPTER_FILL = 'rgba(255,255,255,0.07)';
const CHAPTER_CURRENT_FILL = 'rgba(255,211,77,0.13)';
const CHAPTER_EDGE = 'rgba(255,255,255,0.28)';
const CHAPTER_FONT = '12px DejaVu Sans, sans-serif';
const CHAPTER_FONT_BOLD = 'bold 12px DejaVu Sans, sans-serif';
const PLOT_HEIGHT = 100;
/** A compared track's altitude: dash-dot, as its line on the globe and in the legend (src/globe/comparisonLayer.ts). */
const COMPARISON_DASH = [7, 3, 3, 3];

export class ProfileChart {
  readonly element = el('section', 'profile-chart hud-panel');
  private readonly head = el('div', 'profile-head');
  private readonly toggle = el('button', 'profile-toggle');
  private readonly legend = el('div', 'profile-legend');
  private readonly timeline = el('input', 'profile-timeline');
  /** The folded timeline: the slider and, under it, the chapters as segments. */
  private readonly scrub = el('div', 'profile-scrub');
  private readonly scrubChapters = el('div', 'profile-scrub-chapters');
  /** Chapter labels above the plot. */
  private readonly chapterStrip = el('div', 'profile-chapters');
  private spans: ChapterSpan[] = [];
  /** The chapter (index into scenario.chapters) drawn as current; -2: not drawn yet. */
  private drawnChapter = -2;
  /** The same for the folded timeline's segments. */
  private scrubChapter = -2;
  private measureCtx: CanvasRenderingContext2D | null = null;
  private readonly plotBox = el('div', 'profile-plot');
  private readonly cursor = el('div', 'profile-cursor');
  private readonly fold: Fold;
  private plot: uPlotType | null = null;
  private uPlot: UPlot | null = null;
  private loading: Promise<void> | null = null;
  private building = false;
  private rebuild = false;
  private dragging = false;
  /** The plot no longer shows the state's scenario, language or compared tracks (changed while folded, too). */
  private stale = true;
  private state: AppState;

  constructor(
    parent: HTMLElement,
    private readonly store: Store,
  ) {
    this.state = store.get();
    this.element.dataset.testid = 'profile-chart';
    this.timeline.type = 'range';
    this.timeline.min = '0';
    this.timeline.step = '1';
    this.timeline.addEventListener('input', () => this.store.seek(this.store.get().scenario.startMs + Number(this.timeline.value) * 1000));
    this.scrub.append(this.timeline, this.scrubChapters);
    this.scrubChapters.setAttribute('aria-hidden', 'true');
    this.head.append(this.toggle, this.legend, this.scrub);
    this.chapterStrip.dataset.testid = 'profile-chapters';
    this.chapterStrip.addEventListener('click', (e) => {
      const id = (e.target as HTMLElement).closest<HTMLElement>('[data-chapter]')?.dataset.chapter;
      if (id) this.store.goToChapter(id);
    });
    this.element.append(this.head, this.chapterStrip, this.plotBox);
    parent.prepend(this.element);
    this.fold = new Fold(this.element, this.toggle, () => this.render(this.state, { ...NO_CHANGE, layers: true }));
    new ResizeObserver(() => this.plot?.setSize(this.size())).observe(this.plotBox);
  }

  /**
   * Open on roomy screens; elsewhere folded to the timeline unless the reader opens it: on a 1280 or
   * 1366 projector its 11 px labels cannot be read from the back row, and beside the caption it
   * costs the caption a third of the bottom band's width (a taller caption, a smaller stage).
   */
  readonly setScreen = (screen: ScreenClass): void => this.fold.propose(screen.roomy && !screen.phone && !screen.short);

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    this.state = state;
    if (change.scenario || change.lang || change.comparisons) this.stale = true;
    const visible = state.layers.has('profile');
    this.element.hidden = !visible;
    if (!visible) return;
    if (change.lang || change.scenario || !this.toggle.firstChild) this.label(state);
    if (change.time || change.scenario || change.layers) this.moveTimeline(state);
    const chapter = state.card === 'title' ? -1 : chapterIndexOf(state.scenario, state.stepIndex);
    if (chapter !== this.scrubChapter || change.lang || change.scenario) this.drawScrubChapters(state, chapter);
    const chapterMoved = chapter !== this.drawnChapter;
    if (!this.fold.open) return;
    if (!this.plot || this.stale) {
      this.stale = false;
      void this.build();
    } else {
      if (change.time || change.step || change.layers) this.moveCursor();
      // The current chapter's band and label are emphasised: redrawn only when it changes.
      if (chapterMoved) {
        this.drawnChapter = chapter;
        this.plot.redraw(false, false);
        this.layoutChapterLabels(this.plot);
      }
    }
  };

  /** The folded timeline's chapter segments (percentages of the flight), the current one lit. */
  private drawScrubChapters(state: AppState, current: number): void {
    this.scrubChapter = current;
    const { scenario, lang } = state;
    const spans = chapterSpans(scenario);
    this.scrubChapters.hidden = spans.length === 0;
    const total = Math.max(1, scenario.endMs - scenario.startMs);
    this.scrubChapters.replaceChildren(
      ...spans.map((c, i) => {
        const seg = el('span', 'profile-scrub-chapter');
        seg.style.left = `${(100 * (c.fromMs - scenario.startMs)) / total}%`;
        seg.style.width = `${(100 * (c.toMs - c.fromMs)) / total}%`;
        seg.dataset.odd = String(i % 2 === 1);
        if (c.index === current) seg.dataset.current = 'true';
        seg.title = localize(scenario.chapters[c.index]!.title, lang);
        return seg;
      }),
    );
  }

  /** Width of a label's text as the strip draws it (one canvas, made once). */
  private readonly measure = (text: string, bold: boolean): number => {
    this.measureCtx ??= document.createElement('canvas').getContext('2d');
    const ctx = this.measureCtx;
    if (!ctx) return text.length * 7.5;
    ctx.font = bold ? CHAPTER_FONT_BOLD : CHAPTER_FONT;
    // A pixel of slack for the browser's text layout (subpixel rounding).
    return Math.ceil(ctx.measureText(text).width) + 1;
  };

  /** The chapter labels over their bands (after a build or a resize, or when the current chapter changes). */
  private layoutChapterLabels(u: uPlotType): void {
    const { scenario, lang } = this.state;
    this.chapterStrip.hidden = this.spans.length === 0;
    if (this.spans.length === 0) return void this.chapterStrip.replaceChildren();
    const offset = u.over.offsetLeft;
    const left = offset;
    const right = offset + u.over.clientWidth;
    const bands = this.spans.map((c) => ({
      x0: Math.max(left, offset + u.valToPos(c.fromMs / 1000, 'x')),
      x1: Math.min(right, offset + u.valToPos(c.toMs / 1000, 'x')),
      number: c.index + 1,
      title: localize(scenario.chapters[c.index]!.title, lang),
      bold: c.index === this.drawnChapter,
    }));
    const labels = fitBandLabels(bands, this.measure, left, right);
    this.chapterStrip.replaceChildren(
      ...labels.map((l, i) => {
        const band = bands[i]!;
        const span = el('span', 'profile-chapter', l.text);
        span.dataset.chapter = this.spans[i]!.id;
        span.style.left = `${l.x}px`;
        if (band.bold) span.dataset.current = 'true';
        span.hidden = l.text === '';
        span.title = message(lang, 'chapters', 'chapterNamed', { k: band.number, n: scenario.chapters.length, title: band.title });
        return span;
      }),
    );
  }

  private label(state: AppState): void {
    const tx = catalogue(state.lang).profile;
    this.toggle.replaceChildren(el('strong', '', tx.title), el('span', 'fold-mark', ''));
    this.element.setAttribute('aria-label', tx.title); // a named section: a landmark around the chart and the timeline
    this.timeline.setAttribute('aria-label', t(state.lang, 'timeline'));
    this.timeline.max = String(Math.round((state.scenario.endMs - state.scenario.startMs) / 1000));
  }

  private moveTimeline(state: AppState): void {
    this.timeline.value = String(Math.round((state.timeMs - state.scenario.startMs) / 1000));
    this.timeline.setAttribute('aria-valuetext', formatUtcClock(state.timeMs));
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(200, this.plotBox.clientWidth), height: this.spans.length > 0 ? PLOT_HEIGHT : 108 };
  }

  private async build(): Promise<void> {
    if (this.building) {
      this.rebuild = true;
      return;
    }
    this.building = true;
    try {
      do {
        this.rebuild = false;
        await this.buildPlot();
      } while (this.rebuild);
    } finally {
      this.building = false;
    }
  }

  private async buildPlot(): Promise<void> {
    if (!this.uPlot) {
      this.loading ??= import('uplot').then(async (m) => {
        await import('uplot/dist/uPlot.min.css');
        this.uPlot = m.default;
      });
      await this.loading;
    }
    const { scenario, lang, comparisons } = this.state;
    const tx = catalogue(lang).profile;
    this.drawLegend(tx, comparisons);
    const d = profileData(scenario);
    this.spans = chapterSpans(scenario);
    this.drawnChapter = this.state.card === 'title' ? -1 : chapterIndexOf(scenario, this.state.stepIndex);
    const compared = comparisons.map((c) => resampleAltitude(c.track, d.t));
    this.plot?.destroy();
    const dash = [6, 4];
    const opts: uPlotType.Options = {
      ...this.size(),
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false }, x: false, y: false },
      scales: { x: { time: true }, alt: { range: [0, 10000] }, kt: { range: [0, 500] } },
      tzDate: (ts) => new Date(ts * 1000 + new Date(ts * 1000).getTimezoneOffset() * 60_000),
      axes: [
        {
          stroke: '#b9c6d3',
          grid: { stroke: 'rgba(255,255,255,0.08)' },
          ticks: { show: false },
          size: 22,
          font: '11px DejaVu Sans, sans-serif',
          values: (_u, splits) => splits.map((v) => formatUtcClock(v * 1000).slice(0, 5)),
        },
        {
          scale: 'alt',
          stroke: ALT_CSS,
          grid: { stroke: 'rgba(255,255,255,0.08)' },
          ticks: { show: false },
          size: 46,
          font: '11px DejaVu Sans, sans-serif',
          label: tx.alt,
          labelSize: 14,
          labelFont: '11px DejaVu Sans, sans-serif',
          splits: () => [0, 3000, 6000, 9000],
          values: (_u, splits) => splits.map((v) => formatNumber(v, lang)),
        },
        {
          scale: 'kt',
          side: 1,
          stroke: SPEED_CSS,
          grid: { show: false },
          ticks: { show: false },
          size: 40,
          font: '11px DejaVu Sans, sans-serif',
          label: tx.speed,
          labelSize: 14,
          labelFont: '11px DejaVu Sans, sans-serif',
          splits: () => [0, 200, 400],
          values: (_u, splits) => splits.map((v) => formatNumber(v, lang)),
        },
      ],
      series: [
        {},
        { scale: 'alt', stroke: ALT_CSS, width: 2.5 },
        { scale: 'alt', stroke: ALT_CSS, width: 2, dash },
        { scale: 'alt', stroke: 'transparent', width: 0 },
        { scale: 'alt', stroke: 'transparent', width: 0 },
        { scale: 'kt', stroke: SPEED_CSS, width: 1.5, dash },
        ...comparisons.map((c): uPlotType.Series => ({ scale: 'alt', label: c.label, stroke: c.color, width: 2, dash: COMPARISON_DASH })),
      ],
      bands: [{ series: [4, 3], fill: 'rgba(159,216,255,0.18)' }],
      hooks: {
        drawClear: [(u) => this.drawChapterBands(u), (u) => this.drawBands(u)],
        draw: [(u) => this.drawMarks(u)],
        setSize: [(u) => this.layoutChapterLabels(u)],
      },
    };
    const Plot = this.uPlot!;
    this.plot = new Plot(opts, [d.t, d.altKnown, d.altInferred, d.altLow, d.altHigh, d.speedKt, ...compared], this.plotBox);
    this.plot.over.append(this.cursor);
    this.bindSeek(this.plot);
    this.layoutChapterLabels(this.plot);
    this.moveCursor();
  }

  private drawLegend(tx: Catalogue['profile'], comparisons: readonly ComparisonTrack[]): void {
    const item = (css: string, text: string, kind: string) => {
      const span = el('span', `profile-key profile-key-${kind}`, text);
      span.style.setProperty('--key', css);
      return span;
    };
    this.legend.replaceChildren(
      item(ALT_CSS, tx.alt, 'line'),
      // Dashed, as the chart draws it: ground speed is derived from positions, never recorded as such.
      item(SPEED_CSS, tx.speed, 'dash'),
      item('#ccc', tx.inferred, 'dash'),
      item(CORRIDOR_CSS, tx.band, 'box'),
      item(GAP_CSS['no-data'], tx.noData, 'box'),
      item(GAP_CSS['no-position'], tx.noPos, 'box'),
      item(JAMMING_CSS, tx.jam, 'hatch'),
      ...(this.state.scenario.chapters.length > 0 ? [item('rgba(255,255,255,0.35)', message(this.state.lang, 'chapters', 'bands'), 'box')] : []),
      // The cross is the mark drawn on the chart (in its colour); the word keeps the legend's text colour (contrast).
      item(REJECTED_CSS, tx.rejected, 'cross'),
      // Labels come from the reader's files: text only (el() sets textContent).
      ...comparisons.map((c) => item(c.color, c.label, 'dash')),
    );
  }

  /** Chapters as alternating light bands (the current one yellow), with a thin line where each begins. */
  private drawChapterBands(u: uPlotType): void {
    if (this.spans.length === 0) return;
    const { ctx } = u;
    const { top, height } = u.bbox;
    const dpr = devicePixelRatio || 1;
    ctx.save();
    for (let i = 0; i < this.spans.length; i++) {
      const c = this.spans[i]!;
      const x0 = u.valToPos(c.fromMs / 1000, 'x', true);
      const x1 = u.valToPos(c.toMs / 1000, 'x', true);
      const current = c.index === this.drawnChapter;
      if (current || i % 2 === 0) {
        ctx.fillStyle = current ? CHAPTER_CURRENT_FILL : CHAPTER_FILL;
        ctx.fillRect(x0, top, x1 - x0, height);
      }
      if (i > 0) {
        ctx.fillStyle = CHAPTER_EDGE;
        ctx.fillRect(Math.round(x0), top, dpr, height);
      }
    }
    ctx.restore();
  }

  /** Gaps as shaded bands, the interference period as a hatched strip along the top. */
  private drawBands(u: uPlotType): void {
    const { ctx } = u;
    const { top, height } = u.bbox;
    const x = (ms: number) => u.valToPos(ms / 1000, 'x', true);
    ctx.save();
    for (const g of this.state.scenario.gaps) {
      ctx.fillStyle = GAP_CSS[g.kind] + '33';
      ctx.fillRect(x(g.fromMs), top, x(g.toMs) - x(g.fromMs), height);
    }
    ctx.strokeStyle = JAMMING_CSS;
    ctx.lineWidth = 1;
    for (const z of this.state.scenario.zones) {
      if (z.fromMs === undefined || z.toMs === undefined) continue;
      const x0 = x(z.fromMs);
      const x1 = x(z.toMs);
      ctx.beginPath();
      for (let k = x0; k < x1; k += 6) {
        ctx.moveTo(k, top + 8);
        ctx.lineTo(Math.min(x1, k + 6), top);
      }
      ctx.stroke();
    }
    ctx.restore();
  }

  /** Step ticks at the bottom; rejected values (altitude and speed) as crosses. */
  private drawMarks(u: uPlotType): void {
    const { ctx } = u;
    const { top, height } = u.bbox;
    const dpr = devicePixelRatio || 1;
    ctx.save();
    ctx.strokeStyle = 'rgba(255,211,77,0.85)';
    ctx.lineWidth = dpr;
    ctx.beginPath();
    for (const s of this.state.scenario.steps) {
      if (s.kind !== 'event') continue;
      const px = u.valToPos(s.timeMs / 1000, 'x', true);
      ctx.moveTo(px, top + height);
      ctx.lineTo(px, top + height - 6 * dpr);
    }
    ctx.stroke();
    const cross = (px: number, py: number, css: string) => {
      const r = 4 * dpr;
      ctx.strokeStyle = css;
      ctx.lineWidth = 2 * dpr;
      ctx.beginPath();
      ctx.moveTo(px - r, py - r);
      ctx.lineTo(px + r, py + r);
      ctx.moveTo(px + r, py - r);
      ctx.lineTo(px - r, py + r);
      ctx.stroke();
    };
    for (const r of this.state.scenario.rejected) {
      const px = u.valToPos(r.timeMs / 1000, 'x', true);
      if (r.altitudeM !== undefined) cross(px, u.valToPos(r.altitudeM, 'alt', true), REJECTED_CSS);
      if (r.groundSpeedMps !== undefined) cross(px, u.valToPos(r.groundSpeedMps * MPS_TO_KT, 'kt', true), REJECTED_CSS);
    }
    ctx.restore();
  }

  private moveCursor(): void {
    if (!this.plot) return;
    const px = this.plot.valToPos(this.state.timeMs / 1000, 'x');
    this.cursor.style.transform = `translateX(${px}px)`;
  }

  private bindSeek(u: uPlotType): void {
    const seekAt = (e: PointerEvent) => {
      const rect = u.over.getBoundingClientRect();
      const sec = u.posToVal(Math.min(rect.width, Math.max(0, e.clientX - rect.left)), 'x');
      this.store.seek(sec * 1000);
    };
    u.over.addEventListener('pointerdown', (e) => {
      this.dragging = true;
      u.over.setPointerCapture(e.pointerId);
      seekAt(e);
    });
    u.over.addEventListener('pointermove', (e) => {
      if (this.dragging) seekAt(e);
    });
    const stop = () => (this.dragging = false);
    u.over.addEventListener('pointerup', stop);
    u.over.addEventListener('pointercancel', stop);
  }
}
