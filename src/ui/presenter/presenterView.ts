/**
 * Presenter mode for a classroom: the controls go, the caption becomes a large lower third, a
 * discreet line shows step k of n with UTC and local time, and the page asks for fullscreen.
 * Steps are driven by the keyboard/clicker (ui/keyboard.ts) and the store; this view only draws,
 * handles fullscreen, and optionally advances on its own after a dwell time.
 * Keyboard: entering moves the focus to the "next" button (the lower third is announced by the
 * app's step announcer, src/ui/screenReader.ts); leaving gives it back to where it was.
 * With `prefers-reduced-motion` a `dwell=` from the address is not applied: the steps wait for a
 * key (or a click); the reader may still switch auto-advance on with its button.
 */
import './presenter.css';
import type { AppState, Change, Store } from '../../app/store';
import { el } from '../dom';
import { lowerThirdText } from './lowerThird';
import { word } from './words';
import { message } from '../../i18n/catalogue';
import { t } from '../i18n';
import { fitToBox } from './fitToBox';
import { chapterProgress } from './chapterCard';
import { onReducedMotionChange, prefersReducedMotion } from '../../app/motion';

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
  private readonly progress: HTMLElement;
  private dwellSeconds: number | null;
  /** The reader pressed the auto-advance button: their choice holds even with reduced motion. */
  private autoChosen = false;
  /** Where the focus was when presenter mode began (it goes back there on leaving). */
  private returnFocus: HTMLElement | null = null;
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
    // The step buttons and "Step k of n": a navigation landmark, like the step buttons under the caption.
    progress.setAttribute('role', 'navigation');
    this.progress = progress;
    const lower = this.lower;
    lower.dataset.testid = 'presenter-caption';
    // Not a live region: its time line changes with the clock. Each new step is announced once by
    // the app's announcer (src/ui/screenReader.ts), which stays readable while this view is shown.
    this.title.id = 'presenter-title';
    lower.setAttribute('aria-labelledby', this.title.id);
    for (const b of [this.prevButton, this.nextButton, this.autoButton, this.leaveButton]) b.type = 'button';
    this.nextButton.id = 'presenter-next';
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
      const off = this.dwell() === null;
      this.autoChosen = true;
      this.dwellSeconds = off ? (this.dwellSeconds ?? 6) : null;
      this.draw(this.store.get());
      this.armDwell(this.store.get());
    });
    this.leaveButton.addEventListener('click', () => this.store.setPresenting(false));
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    onReducedMotionChange(() => {
      const s = this.store.get();
      if (!s.presenting) return;
      this.draw(s);
      this.armDwell(s);
    });
    parent.append(this.element);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.ui) this.toggle(state);
    if (!state.presenting) return;
    // The title card (slide 0) and the method page (the last slide) stand alone: no lower third under them.
    if (change.ui || change.card) this.lower.hidden = state.card !== null;
    if (change.ui || change.card || change.step || change.time || change.lang || change.scenario || change.playback) this.draw(state);
    if (change.ui || change.card || change.step || change.playback) this.armDwell(state);
  };

  private toggle(state: AppState): void {
    document.body.classList.toggle('presenting', state.presenting);
    this.element.hidden = !state.presenting;
    this.fitted = '';
    if (state.presenting) {
      this.enterFullscreen();
      this.takeFocus();
    } else {
      this.clearDwell();
      if (this.ownFullscreen && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
      this.ownFullscreen = false;
      this.giveBackFocus();
    }
  }

  /** The rest of the HUD hides while presenting: the focus moves to the "next" button (Tab reaches the others). */
  private takeFocus(): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !this.element.contains(active)) this.returnFocus = active;
    this.nextButton.focus({ preventScroll: true });
  }

  /** Back where the focus was before presenting, or on the caption when that is gone. */
  private giveBackFocus(): void {
    const active = document.activeElement;
    const inside = active === null || active === document.body || this.element.contains(active);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (!inside) return;
    const target = back?.isConnected && back.getClientRects().length > 0 ? back : document.querySelector<HTMLElement>('[data-testid="caption"]');
    target?.focus({ preventScroll: true });
  }

  /** The dwell in force: a `dwell=` from the address waits for a key under reduced motion, unless the reader chose auto-advance here. */
  private dwell(): number | null {
    return prefersReducedMotion() && !this.autoChosen ? null : this.dwellSeconds;
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
    // Slide 0 and the last slide are named, not counted as a step.
    this.progressText.textContent =
      state.card === 'title'
        ? message(state.lang, 'story', 'kicker')
        : state.card === 'method'
          ? message(state.lang, 'story', 'methodTitle')
          : `${chapterProgress(state)}${word(state.lang, 'stepOf', { k: state.stepIndex + 1, n })} · ${text.clock}`;
    this.bar.style.width = `${state.card === 'title' ? 0 : state.card === 'method' ? 100 : (100 * Math.max(0, state.stepIndex + 1)) / n}%`;
    this.kicker.textContent = text.kicker;
    this.title.textContent = text.title;
    this.time.textContent = text.time;
    this.caption.textContent = text.caption;
    this.sources.textContent = text.sources;
    this.progress.setAttribute('aria-label', t(state.lang, 'step'));
    this.prevButton.setAttribute('aria-label', t(state.lang, 'navPrev'));
    this.prevButton.title = t(state.lang, 'navPrev');
    this.nextButton.setAttribute('aria-label', t(state.lang, 'navNext'));
    this.nextButton.title = t(state.lang, 'navNext');
    const key = `${text.kicker}|${text.title}|${text.time}|${text.caption}|${text.sources}`;
    if (key !== this.fitted) {
      this.fitted = key;
      this.fit();
    }
    const dwell = this.dwell();
    this.autoButton.textContent = `${word(state.lang, 'auto')}: ${dwell === null ? '—' : `${dwell} s`}`;
    this.autoButton.setAttribute('aria-pressed', String(dwell !== null));
    this.leaveButton.title = word(state.lang, 'leave');
    this.leaveButton.setAttribute('aria-label', word(state.lang, 'leave'));
  }

  /** The lower third's type shrinks to fit its box (never clipped); sizes follow the screen (presenter.css). */
  private fit(): void {
    fitToBox(this.lower);
  }

  /** Auto-advance: once the step's clock holds, wait the dwell time, then go to the next step. */
  private armDwell(state: AppState): void {
    const dwell = this.dwell();
    if (dwell === null || !state.presenting) return this.clearDwell();
    if (state.playing) return this.clearDwell();
    if (this.dwellTimer && this.dwellStep === state.stepIndex) return;
    this.clearDwell();
    // The method page is the last slide; after the last step, auto-advance goes on to it.
    if (state.card === 'method') return;
    this.dwellStep = state.stepIndex;
    this.dwellTimer = setTimeout(() => {
      this.dwellTimer = null;
      const s = this.store.get();
      if (s.presenting && !s.playing && s.card !== 'method' && s.stepIndex === this.dwellStep && this.dwell() !== null) this.store.nextStep();
    }, dwell * 1000);
  }

  private clearDwell(): void {
    if (this.dwellTimer) clearTimeout(this.dwellTimer);
    this.dwellTimer = null;
    this.dwellStep = -2;
  }
}
