/**
 * Presenter mode's chapter card: arriving at the first step of a chapter (next, previous, a chapter
 * key or goToChapter), "Chapter 3 of 6" over the chapter's title shows at the top left of the stage
 * for about 3.5 s, then fades (at once, without a fade, under prefers-reduced-motion). It sits
 * where the picture has the least to say: the top corner opposite the progress line (below that
 * line when the screen is too narrow for both), never reaching the lower third. Not a `hud-panel`:
 * it comes and goes over the picture without changing the stage the camera frames.
 * Also the words of the chapter in the progress line ("Chapter 3/6 · ") for presenterView.ts.
 */
import './chapterCard.css';
import type { AppState, Change, Store } from '../../app/store';
import { chapterIndexOf } from '../../scenario/chapters';
import { localize, type Scenario } from '../../scenario/model';
import { message } from '../../i18n/catalogue';
import { el } from '../dom';
import { prefersReducedMotion } from '../../app/motion';

/** How long the card stays before it fades (ms). */
export const CHAPTER_CARD_MS = 3500;
/** The fade (ms; presenter.css's transition is the same). */
const FADE_MS = 600;
/** Space kept between the card and the presenter's other boxes (px). */
const GAP_PX = 10;

/** The card's two lines for a step that begins a chapter, else null (pure: a video export can burn it in too). */
export function chapterCardText(scenario: Pick<Scenario, 'chapters'>, stepIndex: number, lang: string): { kicker: string; title: string } | null {
  const i = chapterIndexOf(scenario, stepIndex);
  const chapter = scenario.chapters[i];
  if (!chapter || chapter.firstStep !== stepIndex) return null;
  return {
    kicker: message(lang, 'chapters', 'chapterOf', { k: i + 1, n: scenario.chapters.length }),
    title: localize(chapter.title, lang),
  };
}

/** The last progress words, kept: the progress line is redrawn on every clock tick, its chapter only changes with the step. */
const lastProgress = { chapters: null as Scenario['chapters'] | null, index: -2, lang: '', text: '' };

/** "Chapter 3/6 · " before "Step 9 of 37" in the presenter's progress line ('' without chapters or on a card). */
export function chapterProgress(state: Pick<AppState, 'scenario' | 'stepIndex' | 'card' | 'lang'>): string {
  const i = state.card !== null ? -1 : chapterIndexOf(state.scenario, state.stepIndex);
  const last = lastProgress;
  if (last.chapters === state.scenario.chapters && last.index === i && last.lang === state.lang) return last.text;
  last.chapters = state.scenario.chapters;
  last.index = i;
  last.lang = state.lang;
  last.text = i < 0 ? '' : `${message(state.lang, 'chapters', 'chapterShort', { k: i + 1, n: state.scenario.chapters.length })} · `;
  return last.text;
}

export class ChapterCard {
  readonly element = el('div', 'chapter-card');
  private readonly kicker = el('div', 'chapter-card-kicker');
  private readonly title = el('div', 'chapter-card-title');
  /** The step the card was last decided for (-2: none yet), so a clock tick does not show it again. */
  private seenStep = -2;
  /** The step whose card is up, or -1. */
  private shownStep = -1;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private goneTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    parent: HTMLElement,
    private readonly store: Store,
  ) {
    this.element.dataset.testid = 'chapter-card';
    // Announced by the app's step announcer with the step; the card repeats it for the eye.
    this.element.setAttribute('aria-hidden', 'true');
    this.element.append(this.kicker, this.title);
    this.element.hidden = true;
    parent.append(this.element);
    window.addEventListener('resize', () => {
      if (this.shownStep >= 0) this.place();
    });
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (!state.presenting || state.card !== null) {
      this.seenStep = state.presenting ? -2 : state.stepIndex;
      if (this.shownStep >= 0) this.hide(true);
      return;
    }
    if (change.lang && this.shownStep >= 0) this.fill(state, this.shownStep);
    if (state.stepIndex === this.seenStep) return;
    this.seenStep = state.stepIndex;
    if (chapterCardText(state.scenario, state.stepIndex, state.lang)) this.show(state);
    else if (this.shownStep >= 0) this.hide(false);
  };

  private fill(state: AppState, stepIndex: number): boolean {
    const text = chapterCardText(state.scenario, stepIndex, state.lang);
    if (!text) return false;
    this.kicker.textContent = text.kicker;
    this.title.textContent = text.title;
    return true;
  }

  private show(state: AppState): void {
    if (!this.fill(state, state.stepIndex)) return;
    this.clearTimers();
    this.shownStep = state.stepIndex;
    this.element.hidden = false;
    this.element.dataset.shown = 'false';
    this.place();
    // Next frame: from transparent to shown, so the fade in runs; the time on screen counts from then.
    const step = state.stepIndex;
    requestAnimationFrame(() => {
      if (this.shownStep !== step) return;
      this.element.dataset.shown = 'true';
      this.hideTimer = setTimeout(() => this.hide(false), CHAPTER_CARD_MS);
    });
  }

  private hide(now: boolean): void {
    this.clearTimers();
    this.shownStep = -1;
    this.element.dataset.shown = 'false';
    if (now || prefersReducedMotion()) {
      this.element.hidden = true;
      return;
    }
    this.goneTimer = setTimeout(() => {
      this.goneTimer = null;
      if (this.shownStep < 0) this.element.hidden = true;
    }, FADE_MS);
  }

  private clearTimers(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    if (this.goneTimer) clearTimeout(this.goneTimer);
    this.hideTimer = null;
    this.goneTimer = null;
  }

  /**
   * At the top left, level with the progress line; below it when they would meet (a phone), and
   * never down into the lower third (the title's type shrinks first, then the card may not show).
   */
  private place(): void {
    const card = this.element;
    card.style.top = '';
    card.style.removeProperty('--chapter-fit');
    const progress = document.querySelector<HTMLElement>('[data-testid="presenter-progress"]')?.getBoundingClientRect();
    const lower = document.querySelector<HTMLElement>('[data-testid="presenter-caption"]')?.getBoundingClientRect();
    const parent = card.offsetParent?.getBoundingClientRect() ?? { top: 0, left: 0 };
    let box = card.getBoundingClientRect();
    if (progress && progress.width > 0 && box.right + GAP_PX > progress.left && box.top < progress.bottom + GAP_PX) {
      card.style.top = `${progress.bottom + GAP_PX - parent.top}px`;
      box = card.getBoundingClientRect();
    }
    for (let fit = 0.9; lower && lower.height > 0 && box.bottom + GAP_PX > lower.top && fit >= 0.5; fit -= 0.1) {
      card.style.setProperty('--chapter-fit', String(fit));
      box = card.getBoundingClientRect();
    }
  }
}
