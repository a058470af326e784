/**
 * Presenter mode for a classroom: the controls go, the caption becomes a large lower third, a
 * discreet line shows step k of n with UTC and local time, and the page asks for fullscreen.
 * Steps are driven by the keyboard/clicker (ui/keyboard.ts) and the store; this view only draws,
 * handles fullscreen, and optionally advances on its own after a dwell time.
 */
import './presenter.css';
import type { AppState, Change, Store } from '../../app/store';
import { el } from '../dom';
import { lowerThirdText } from './lowerThird';
import { word } from './words';
import { t } from '../i18n';
import { fitToBox } from './fitToBox';

export interface PresenterOptions {
  /** Seconds to wait after a step's clock holds before going on by itself; null: wait for the clicker. */
  readonly dwellSeconds: number | null;
}

export class PresenterView {
  readonly element = el('div', 'presenter');
  private readonly progressText = el('div', 'presenter-progress-text');
  private readonly bar = el('div', 'presenter-progress-bar');
  private readonly kicker = el('div', 'presenter-kicker');
  private readonly title = el('h2', 'presenter-title');
  private readonly time = el('div', 'presenter-time');
  private readonly caption = el('p', 'presenter-caption');
  private readonly sources = el('div', 'presenter-sources');
  private readonly lower = el('section', 'presenter-lower-third hud-panel');
  private readonly prevButton = el('button', 'presenter-button presenter-step', '◀');
  private readonly nextButton = el('button', 'presenter-button presenter-step', '▶');
  private readonly autoButton = el('button', 'presenter-button');
  private readonly leaveButton = el('button', 'presenter-button presenter-leave', '×');
  private dwellSeconds: number | null;
  private dwellTimer: ReturnType<typeof setTimeout> | null = null;
  private dwellStep = -2;
  private ownFullscreen = false;
  /** The texts the lower third was last fitted for. */
  private fitted = '';

  constructor(
    parent: HTMLElement,
    private readonly store: Store,
    options: PresenterOptions,
  ) {
    this.dwellSeconds = options.dwellSeconds;
    const progress = el('div', 'presenter-progress hud-panel');
    const track = el('div', 'presenter-progress-track');
    track.append(this.bar);
    progress.append(this.prevButton, this.progressText, this.nextButton, track, this.autoButton, this.leaveButton);
    progress.dataset.testid = 'presenter-progress';
    const lower = this.lower;
    lower.dataset.testid = 'presenter-caption';
    lower.setAttribute('aria-live', 'polite');
    lower.append(this.kicker, this.title, this.time, this.caption, this.sources);
    this.element.append(progress, lower);
    // A mouse or a finger can step too (the clicker and keys are in ui/keyboard.ts).
    this.prevButton.addEventListener('click', () => this.store.prevStep());
    this.nextButton.addEventListener('click', () => this.store.nextStep());
    window.addEventListener('resize', () => {
      this.fitted = '';
      if (this.store.get().presenting) this.fit();
    });
    this.element.hidden = true;
    this.autoButton.addEventListener('click', () => {
      this.dwellSeconds = this.dwellSeconds === null ? 6 : null;
      this.draw(this.store.get());
      this.armDwell(this.store.get());
    });
    this.leaveButton.addEventListener('click', () => this.store.setPresenting(false));
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    parent.append(this.element);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.ui) this.toggle(state);
    if (!state.presenting) return;
    if (change.ui || change.step || change.time || change.lang || change.scenario || change.playback) this.draw(state);
    if (change.ui || change.step || change.playback) this.armDwell(state);
  };

  private toggle(state: AppState): void {
    document.body.classList.toggle('presenting', state.presenting);
    this.element.hidden = !state.presenting;
    this.fitted = '';
    if (state.presenting) this.enterFullscreen();
    else {
      this.clearDwell();
      if (this.ownFullscreen && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
      this.ownFullscreen = false;
    }
  }

  /** Fullscreen needs a user gesture; from a script or a headless browser it is refused, and that is fine. */
  private enterFullscreen(): void {
    const root = document.documentElement;
    if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
    root
      .requestFullscreen({ navigationUI: 'hide' })
      .then(() => (this.ownFullscreen = true))
      .catch(() => (this.ownFullscreen = false));
  }

  /** Esc in fullscreen is taken by the browser: leaving fullscreen we entered leaves the mode too. */
  private readonly onFullscreenChange = (): void => {
    if (document.fullscreenElement || !this.ownFullscreen) return;
    this.ownFullscreen = false;
    if (this.store.get().presenting) this.store.setPresenting(false);
  };

  private draw(state: AppState): void {
    const text = lowerThirdText(state);
    const n = state.scenario.steps.length;
    this.progressText.textContent = `${word(state.lang, 'stepOf', { k: state.stepIndex + 1, n })} · ${text.clock}`;
    this.bar.style.width = `${(100 * Math.max(0, state.stepIndex + 1)) / n}%`;
    this.kicker.textContent = text.kicker;
    this.title.textContent = text.title;
    this.time.textContent = text.time;
    this.caption.textContent = text.caption;
    this.sources.textContent = text.sources;
    this.prevButton.setAttribute('aria-label', t(state.lang, 'navPrev'));
    this.prevButton.title = t(state.lang, 'navPrev');
    this.nextButton.setAttribute('aria-label', t(state.lang, 'navNext'));
    this.nextButton.title = t(state.lang, 'navNext');
    const key = `${text.kicker}|${text.title}|${text.time}|${text.caption}|${text.sources}`;
    if (key !== this.fitted) {
      this.fitted = key;
      this.fit();
    }
    this.autoButton.textContent = `${word(state.lang, 'auto')}: ${this.dwellSeconds === null ? '—' : `${this.dwellSeconds} s`}`;
    this.autoButton.setAttribute('aria-pressed', String(this.dwellSeconds !== null));
    this.leaveButton.title = word(state.lang, 'leave');
    this.leaveButton.setAttribute('aria-label', word(state.lang, 'leave'));
  }

  /** The lower third's type shrinks to fit its box (never clipped); sizes follow the screen (presenter.css). */
  private fit(): void {
    fitToBox(this.lower);
  }

  /** Auto-advance: once the step's clock holds, wait the dwell time, then go to the next step. */
  private armDwell(state: AppState): void {
    if (this.dwellSeconds === null || !state.presenting) return this.clearDwell();
    if (state.playing) return this.clearDwell();
    if (this.dwellTimer && this.dwellStep === state.stepIndex) return;
    this.clearDwell();
    if (state.stepIndex >= state.scenario.steps.length - 1) return;
    this.dwellStep = state.stepIndex;
    this.dwellTimer = setTimeout(() => {
      this.dwellTimer = null;
      const s = this.store.get();
      if (s.presenting && !s.playing && s.stepIndex === this.dwellStep && this.dwellSeconds !== null) this.store.nextStep();
    }, this.dwellSeconds * 1000);
  }

  private clearDwell(): void {
    if (this.dwellTimer) clearTimeout(this.dwellTimer);
    this.dwellTimer = null;
    this.dwellStep = -2;
  }
}
