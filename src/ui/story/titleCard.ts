/**
 * The title card (slide 0): what this is, the key figures with their sources, the chapters, and how
 * to go on, over the whole route. Shown while `state.card === 'title'`, in explore and presenter
 * mode. A HUD panel (.hud-panel): the stage meter measures around it, so the overview frames the
 * whole flight in the free part of the globe. While it shows, the body carries `story-title` and the
 * other panels that would pile up (clock, systems, legend, caption, timeline) step aside
 * (titleCard.css). Words: src/story/titleCardText.ts (pure); drawn with textContent only.
 *
 * Keyboard: → / PageDown (src/ui/keyboard.ts) and Enter go to step 1, Esc leaves only the map
 * (exploring); the Start button is always in view (the card's body scrolls, its actions do not).
 * Screen readers: a non-modal dialog labelled by the case title and described by the summary.
 */
import './titleCard.css';
import type { AppState, Change, Store } from '../../app/store';
import { titleCardText } from '../../story/titleCardText';
import { el } from '../dom';

export class TitleCard {
  readonly element = el('section', 'story-card title-card hud-panel');
  private readonly body = el('div', 'title-card-body');
  private readonly kicker = el('p', 'title-card-kicker');
  private readonly title = el('h1', 'title-card-title');
  private readonly summary = el('p', 'title-card-summary');
  private readonly figures = el('dl', 'title-card-figures');
  private readonly facts = el('p', 'title-card-facts');
  private readonly factsSources = el('p', 'title-card-sources');
  private readonly chaptersHeading = el('h2', 'title-card-chapters-heading');
  private readonly chapters = el('ol', 'title-card-chapters');
  private readonly goOn = el('p', 'title-card-goon');
  private readonly startButton = el('button', 'title-card-start');
  private readonly methodButton = el('button', 'title-card-method');
  private drawnFor = '';
  private shown = false;

  constructor(
    parent: HTMLElement,
    private readonly store: Store,
    private readonly win: Window = window,
  ) {
    const e = this.element;
    e.dataset.testid = 'title-card';
    e.setAttribute('role', 'dialog');
    e.setAttribute('aria-modal', 'false');
    this.title.id = 'title-card-title';
    this.summary.id = 'title-card-summary';
    e.setAttribute('aria-labelledby', this.title.id);
    e.setAttribute('aria-describedby', this.summary.id);
    this.body.dataset.scrolls = 'true';
    this.startButton.type = 'button';
    this.methodButton.type = 'button';
    this.startButton.id = 'title-card-start';
    this.startButton.dataset.testid = 'title-card-start';
    this.methodButton.dataset.testid = 'title-card-method';
    this.body.append(this.kicker, this.title, this.summary, this.figures, this.facts, this.factsSources, this.chaptersHeading, this.chapters);
    const actions = el('div', 'title-card-actions');
    const buttons = el('div', 'title-card-buttons');
    buttons.append(this.startButton, this.methodButton);
    actions.append(this.goOn, buttons);
    e.append(this.body, actions);
    e.hidden = true;
    this.startButton.addEventListener('click', () => this.store.nextStep());
    this.methodButton.addEventListener('click', () => this.store.showCard('method'));
    this.win.addEventListener('keydown', this.onKey);
    parent.append(e);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    const show = state.card === 'title';
    if (show !== this.shown || change.ui) this.toggle(state, show);
    if (show && (change.lang || change.scenario || change.ui || this.drawnFor === '')) this.draw(state);
  };

  private toggle(state: AppState, show: boolean): void {
    const appeared = show && !this.shown;
    // Leaving the card for a step from its own buttons (Start, a chapter): the focus goes on to the caption, not
    // to the page. (To the method page: that page takes the focus and gives it back to the button here.)
    const active = this.win.document.activeElement;
    const focusInside = !show && this.shown && state.card === null && active instanceof HTMLElement && this.element.contains(active);
    this.shown = show;
    this.element.hidden = !show;
    this.win.document.body.classList.toggle('story-title', show);
    this.element.classList.toggle('title-card-presenting', state.presenting);
    if (appeared) this.draw(state);
    if (focusInside) {
      const next = this.win.document.querySelector<HTMLElement>(state.presenting ? '#presenter-next' : '#caption');
      next?.focus({ preventScroll: true });
    }
    // Back from step 1 with the focus on a control that the card hides (the caption's buttons): Start takes it.
    if (appeared && !state.presenting) {
      const active = this.win.document.activeElement;
      if (active instanceof HTMLElement && active !== this.win.document.body && active.getClientRects().length === 0)
        this.startButton.focus({ preventScroll: true });
    }
  }

  private draw(state: AppState): void {
    this.drawnFor = `${state.lang}|${state.scenario.id}`;
    const text = titleCardText(state.scenario, state.lang);
    this.kicker.textContent = text.kicker;
    this.title.textContent = text.title;
    this.summary.textContent = text.summary;
    this.figures.replaceChildren(
      ...text.figures.map((f) => {
        const box = el('div', `title-figure title-figure-${f.id}`);
        const term = el('dt', 'title-figure-term');
        term.append(el('span', 'title-figure-value', f.value), el('span', 'title-figure-label', f.label));
        box.append(term, el('dd', 'title-figure-sources', f.sources));
        return box;
      }),
    );
    this.figures.hidden = text.figures.length === 0;
    // Date and route on one line ("25 December 2024 · Baku → Grozny (scheduled) · crashed near Aktau"); their labels for screen readers.
    this.facts.replaceChildren(
      ...text.facts.flatMap((f, i) => {
        const fact = el('span', 'title-fact');
        fact.append(el('span', 'visually-hidden', `${f.label}: `), el('span', 'title-fact-text', f.text));
        return i === 0 ? [fact] : [el('span', 'title-fact-sep', ' · '), fact];
      }),
    );
    this.factsSources.textContent = text.factsSources;
    this.factsSources.hidden = !text.factsSources;
    this.chaptersHeading.textContent = text.chaptersHeading;
    this.chaptersHeading.hidden = this.chapters.hidden = text.chapters.length === 0;
    this.chapters.replaceChildren(
      ...text.chapters.map((c) => {
        const item = el('li', 'title-chapter');
        const button = el('button', 'title-chapter-button');
        button.type = 'button';
        button.dataset.chapter = c.id;
        button.title = c.action;
        button.append(
          el('span', 'title-chapter-number', String(c.number)),
          el('span', 'title-chapter-title', c.title),
          el('span', 'title-chapter-steps', c.steps),
        );
        button.addEventListener('click', () => this.store.goToChapter(c.id));
        item.append(button);
        return item;
      }),
    );
    const coarse = this.win.matchMedia?.('(pointer: coarse)').matches ?? false;
    this.goOn.textContent = coarse ? text.goOnTouch : state.presenting ? text.goOnPresenting : text.goOn;
    this.startButton.textContent = `${text.start} ▶`;
    this.startButton.title = text.startHint;
    this.startButton.setAttribute('aria-label', text.startHint);
    this.methodButton.textContent = text.method;
  }

  /** Enter (not on a control) goes to step 1; Esc, exploring, leaves only the map. After src/ui/keyboard.ts (bubble phase). */
  private readonly onKey = (e: KeyboardEvent): void => {
    const s = this.store.get();
    if (s.card !== 'title' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest?.('input, select, textarea, [contenteditable="true"], [data-own-keys]')) return;
    if (e.key === 'Enter' && !target?.closest?.('button, a')) this.store.nextStep();
    else if (e.key === 'Escape' && !s.presenting) this.store.showCard(null);
    else return;
    e.preventDefault();
  };
}
