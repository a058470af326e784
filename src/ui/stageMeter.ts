/**
 * Measures the HUD and tells the store which part of the globe it leaves free (the stage).
 * Every element that covers the globe carries the class `hud-panel`; their boxes, as laid out
 * now, are the obstacles. Measured after any layout change: a panel resized, shown or hidden, the
 * window resized, presenter mode toggled, a new step or language (captions change height).
 */
import type { AppState, Change, Store } from '../app/store';
import { largestFreeRect, type Rect } from '../compose/stage';

/** Free space kept between the stage and any panel. */
const GAP_PX = 8;
/** Panels narrower or lower than this (a folded button, a credit line) still count; below 1 px they do not. */
const MIN_SIDE_PX = 1;

export const HUD_PANEL = 'hud-panel';

export class StageMeter {
  private frame = 0;
  private readonly observer: ResizeObserver;
  private readonly observed = new Set<Element>();

  constructor(
    private readonly store: Store,
    private readonly globe: HTMLElement,
    private readonly root: ParentNode = document,
  ) {
    this.observer = new ResizeObserver(() => this.schedule());
    this.observer.observe(globe);
    window.addEventListener('resize', this.schedule);
    // Panels that appear or hide (hidden attribute, classes) without changing size elsewhere. Not
    // childList: the clock's text changes every frame while playing, and sizes are the ResizeObserver's.
    new MutationObserver(this.schedule).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['hidden', 'class', 'open'] });
    this.schedule();
  }

  /**
   * Store listener: anything that may change the panels' sizes. Measured at once (the panels'
   * listeners ran before this one), so the globe, told next, composes with the new stage.
   */
  readonly render = (_state: AppState, change: Readonly<Change>): void => {
    // A stage change while none is held: an export or snapshot let go of its own; measure the window's again.
    const released = change.stage === true && !this.store.stageIsHeld;
    if (change.ui || change.step || change.lang || change.scenario || change.notices || change.layers || change.card || released) this.measure();
  };

  /** Measures on the next animation frame (once, however many changes came). */
  readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.measure();
    });
  };

  /** The obstacles as laid out now, relative to the globe's box. */
  obstacles(): Rect[] {
    const origin = this.globe.getBoundingClientRect();
    const out: Rect[] = [];
    for (const el of this.root.querySelectorAll(`.${HUD_PANEL}`)) {
      if (!this.observed.has(el)) {
        this.observed.add(el);
        this.observer.observe(el);
      }
      const box = el.getBoundingClientRect();
      if (box.width < MIN_SIDE_PX || box.height < MIN_SIDE_PX) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      out.push({ x: box.left - origin.left, y: box.top - origin.top, width: box.width, height: box.height });
    }
    return out;
  }

  measure(): Rect | null {
    if (this.store.stageIsHeld) return null;
    const box = this.globe.getBoundingClientRect();
    const viewport: Rect = { x: 0, y: 0, width: box.width, height: box.height };
    const panels = this.obstacles();
    const stage = largestFreeRect(viewport, panels, GAP_PX);
    this.store.setStage(stage, panels);
    return stage;
  }
}
