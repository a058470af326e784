/**
 * Altitude and ground speed against UTC under the globe (uPlot, loaded on first use): data gaps and the
 * GNSS interference period as bands, inferred values dashed with their uncertainty, step ticks, rejected
 * data as crosses; tracks opened to compare as dash-dotted altitude lines in their colours (resampled
 * onto the chart's times, broken where they have no data). Click or drag to seek; a cursor line
 * follows the clock. On phones and short screens it folds to a timeline: the "Profile ▸" toggle and
 * a time slider with a large thumb for a finger.
 */
import type uPlotType from 'uplot';
import type { AppState, Change, ComparisonTrack, Store } from '../app/store';
import { formatUtcClock } from '../geo/time';
import { CORRIDOR_CSS, GAP_CSS, JAMMING_CSS, REJECTED_CSS } from '../theme/reconstruction';
import { PROVENANCE_STYLES } from '../theme/styles';
import { el } from './dom';
import { MPS_TO_KT, profileData } from './profileData';
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
/** A compared track's altitude: dash-dot, as its line on the globe and in the legend (src/globe/comparisonLayer.ts). */
const COMPARISON_DASH = [7, 3, 3, 3];

export class ProfileChart {
  readonly element = el('section', 'profile-chart hud-panel');
  private readonly head = el('div', 'profile-head');
  private readonly toggle = el('button', 'profile-toggle');
  private readonly legend = el('div', 'profile-legend');
  private readonly timeline = el('input', 'profile-timeline');
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
    this.head.append(this.toggle, this.legend, this.timeline);
    this.element.append(this.head, this.plotBox);
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
    if (!this.fold.open) return;
    if (!this.plot || this.stale) {
      this.stale = false;
      void this.build();
    } else if (change.time || change.step || change.layers) this.moveCursor();
  };

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
    return { width: Math.max(200, this.plotBox.clientWidth), height: 108 };
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
      hooks: { drawClear: [(u) => this.drawBands(u)], draw: [(u) => this.drawMarks(u)] },
    };
    const Plot = this.uPlot!;
    this.plot = new Plot(opts, [d.t, d.altKnown, d.altInferred, d.altLow, d.altHigh, d.speedKt, ...compared], this.plotBox);
    this.plot.over.append(this.cursor);
    this.bindSeek(this.plot);
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
      // The cross is the mark drawn on the chart (in its colour); the word keeps the legend's text colour (contrast).
      item(REJECTED_CSS, tx.rejected, 'cross'),
      // Labels come from the reader's files: text only (el() sets textContent).
      ...comparisons.map((c) => item(c.color, c.label, 'dash')),
    );
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
