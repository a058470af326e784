/**
 * Previous / play-pause / next under the caption, presenter mode, and the button that opens the
 * control panel: what a reader clicks or taps (large targets on touch screens, see hud.css). Built
 * once and relabelled, so a focused button keeps the focus while the steps change. Writes
 * intentions into the store, and opens or closes the controls through the callback it is given.
 */
import type { AppState, Change, Store } from '../app/store';
import { el } from './dom';
import { t } from './i18n';
import { chapterIndexOf } from '../scenario/chapters';
import { localize } from '../scenario/model';
import { message } from '../i18n/catalogue';

function button(className: string, icon: string): { button: HTMLButtonElement; label: HTMLSpanElement } {
  const b = el('button', `step-nav-button ${className}`);
  b.type = 'button';
  const label = el('span', 'step-nav-label');
  if (icon) {
    const mark = el('span', 'step-nav-icon', icon);
    mark.setAttribute('aria-hidden', 'true');
    b.append(mark);
  }
  b.append(label);
  return { button: b, label };
}

/**
 * A button's accessible name that starts with its visible word ("Back — Previous step (PageUp)"), so
 * voice control ("click Back") and the name agree; just the long text when it already holds the word.
 */
function nameWithLabel(visible: string, long: string): string {
  return long.toLocaleLowerCase().includes(visible.toLocaleLowerCase()) ? long : `${visible} — ${long}`;
}

export class StepNav {
  readonly element = el('nav', 'step-nav');
  private readonly prev = button('step-prev', '◀');
  private readonly play = button('step-play', '▶');
  private readonly next = button('step-next', '▶');
  private readonly counter = el('span', 'step-counter');
  /** "3 / 25" to the eye; "Step 3 of 25" to a screen reader. */
  private readonly counterShort = el('span');
  private readonly counterLong = el('span', 'visually-hidden');
  private readonly present = button('step-present', '');
  private readonly controls = button('step-controls', '☰');
  /** "Ch. 3 · The damage" after the buttons, discreet; left out where it would take a line of its own. */
  private readonly chapter = el('span', 'step-chapter');

  constructor(
    private readonly store: Store,
    toggleControls: () => void,
  ) {
    this.element.append(this.prev.button, this.counter, this.next.button, this.play.button, this.controls.button, this.present.button, this.chapter);
    this.chapter.setAttribute('aria-hidden', 'true'); // the counter's name says it
    new ResizeObserver(() => this.fitChapter()).observe(this.element);
    this.counterShort.setAttribute('aria-hidden', 'true');
    this.counter.append(this.counterShort, this.counterLong);
    this.controls.button.setAttribute('aria-controls', 'controls');
    this.controls.button.setAttribute('aria-expanded', 'false');
    this.controls.button.addEventListener('click', toggleControls);
    // The label of "next" goes before its arrow.
    this.next.button.prepend(this.next.label);
    this.prev.button.addEventListener('click', () => store.prevStep());
    this.next.button.addEventListener('click', () => store.nextStep());
    this.play.button.addEventListener('click', () => (store.get().playing ? store.pause() : store.play()));
    this.present.button.addEventListener('click', () => store.setPresenting(true));
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (!(change.lang || change.playback || change.step || change.scenario)) return;
    const { lang } = state;
    this.element.setAttribute('aria-label', t(lang, 'step'));
    this.prev.label.textContent = t(lang, 'navPrevShort');
    this.prev.button.setAttribute('aria-label', nameWithLabel(t(lang, 'navPrevShort'), t(lang, 'navPrev')));
    this.prev.button.title = t(lang, 'navPrev');
    this.next.label.textContent = t(lang, 'navNextShort');
    this.next.button.setAttribute('aria-label', nameWithLabel(t(lang, 'navNextShort'), t(lang, 'navNext')));
    this.next.button.title = t(lang, 'navNext');
    const n = state.scenario.steps.length;
    this.counterShort.textContent = state.stepIndex < 0 ? `– / ${n}` : `${state.stepIndex + 1} / ${n}`;
    this.counter.title = state.stepIndex < 0 ? t(lang, 'beforeFirst') : t(lang, 'stepOf', { k: state.stepIndex + 1, n });
    const at = chapterIndexOf(state.scenario, state.stepIndex);
    const chapter = state.scenario.chapters[at];
    if (chapter) {
      const named = message(lang, 'chapters', 'chapterNamed', { k: at + 1, n: state.scenario.chapters.length, title: localize(chapter.title, lang) });
      this.counter.title = `${this.counter.title} · ${named}`;
      this.chapter.textContent = `${message(lang, 'chapters', 'chapterKicker', { k: at + 1 })} · ${localize(chapter.title, lang)}`;
      this.chapter.title = named;
    } else this.chapter.textContent = '';
    this.fitChapter();
    this.counterLong.textContent = this.counter.title;
    const atEnd = state.stepIndex >= n - 1;
    this.next.button.disabled = atEnd;
    // "▶ Play" / "❚❚ Pause": the icon is part of the word in the shared strings.
    const words = t(lang, state.playing ? 'pause' : 'play');
    const [icon, ...rest] = words.split(' ');
    this.play.button.querySelector('.step-nav-icon')!.textContent = icon ?? '';
    this.play.label.textContent = rest.join(' ');
    this.play.button.setAttribute('aria-label', rest.join(' '));
    this.play.button.title = `${rest.join(' ')} (Space)`;
    this.present.label.textContent = t(lang, 'present');
    this.present.button.title = t(lang, 'presentHint');
    this.controls.label.textContent = t(lang, 'controls');
    // On a phone the words are hidden (hud.css) and the icons alone would name the buttons.
    this.controls.button.setAttribute('aria-label', t(lang, 'controls'));
  };

  /** The chapter shows when it has a text and fits on the buttons' line (a layout read on step changes and resizes only). */
  private fitChapter(): void {
    const chapter = this.chapter;
    chapter.hidden = chapter.textContent === '';
    if (chapter.hidden || !this.element.isConnected) return;
    chapter.hidden = chapter.offsetTop > this.prev.button.offsetTop + this.prev.button.offsetHeight / 2;
  }

  /** The control panel opened or closed. */
  readonly setControlsOpen = (open: boolean): void => {
    this.controls.button.setAttribute('aria-expanded', String(open));
    this.controls.button.classList.toggle('step-nav-active', open);
  };
}
