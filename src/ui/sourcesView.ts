/**
 * The sources view: every source of the scenario, sorted by tier then publisher, filtered by tier,
 * each with what it supports (buttons to those steps) and "Copy citation". A dialog with a heading:
 * on a desktop a panel at the right, above the caption (the caption stays readable, the globe
 * frames its shot beside it: the panel is a HUD panel); on a phone a full-screen sheet with its own
 * scroll and a close button. Esc closes it; the focus goes into it on opening and back on closing.
 * It reads the store's `sourcesView` and writes intentions (showSources, goToStep).
 */
import type { AppState, Change, Store } from '../app/store';
import { indexSources, tierCounts } from '../app/sourceIndex';
import { SOURCE_TIERS, type SourceTierName } from '../scenario/sourceTiers';
import { el } from './dom';
import { formatLongDate } from './format';
import type { ScreenClass } from './screen';
import { sourceEntry, type SourceEntry } from './sourceEntry';
import { sourcesWord, tierName, tierTitle } from './sourcesWords';
import { HUD_PANEL } from './stageMeter';
import './sourcesView.css';

/** Space kept between the panel and the caption band below it (desktop). */
const GAP_PX = 8;

export interface SourcesViewOptions {
  /** Where the focus goes on closing when the element that opened the view is gone (the caption's "All sources"). */
  fallbackFocus?: () => HTMLElement | null;
  /** The bottom band (caption): on a desktop the panel ends above it. */
  band?: HTMLElement;
  /** The notices at the top: on a desktop the panel starts below them where they reach into its column. */
  top?: HTMLElement;
}

type Filter = SourceTierName | 'all';

function focusable(node: HTMLElement | null): node is HTMLElement {
  return node !== null && node.isConnected && node.getClientRects().length > 0;
}

export class SourcesView {
  readonly element = el('section', 'sources-view');
  private readonly heading = el('h2', 'sources-heading');
  private readonly count = el('span', 'sources-count');
  private readonly closeButton = el('button', 'sources-close');
  private readonly unrated = el('p', 'sources-unrated');
  private readonly filter = el('div', 'sources-filter');
  private readonly scroller = el('div', 'sources-scroll');
  private readonly list = el('ol', 'sources-list');
  private readonly empty = el('p', 'sources-empty');
  private readonly checked = el('p', 'sources-checked');
  private readonly chips = new Map<Filter, HTMLButtonElement>();
  private entries: SourceEntry[] = [];
  private open = false;
  private phone = false;
  private returnFocus: HTMLElement | null = null;

  constructor(
    parent: HTMLElement,
    private readonly store: Store,
    private readonly options: SourcesViewOptions = {},
    private readonly win: Window = window,
  ) {
    const e = this.element;
    e.dataset.testid = 'sources-view';
    e.setAttribute('role', 'dialog');
    e.setAttribute('aria-modal', 'false');
    e.hidden = true;
    // Keys pressed inside belong to the view (PageDown scrolls the list, it does not step the story).
    e.dataset.ownKeys = '';
    this.heading.id = 'sources-heading';
    e.setAttribute('aria-labelledby', this.heading.id);
    this.closeButton.type = 'button';
    this.closeButton.addEventListener('click', () => this.store.showSources(false));
    this.filter.setAttribute('role', 'group');
    this.scroller.dataset.scrolls = '';
    this.scroller.append(this.list, this.empty);
    const head = el('div', 'sources-head');
    head.append(this.heading, this.count, this.closeButton);
    e.append(head, this.unrated, this.filter, this.scroller, this.checked);
    e.addEventListener('keydown', this.trapTab);
    this.win.addEventListener('keydown', this.onEscape, true);
    const fit = new ResizeObserver(() => this.fitBetweenBands());
    for (const band of [options.band, options.top]) if (band) fit.observe(band);
    this.win.addEventListener('resize', () => this.fitBetweenBands());
    parent.append(e);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.scenario || change.lang) this.draw(state);
    if (change.scenario || change.lang || change.sources) this.applyFilter(state);
    if (change.scenario || change.lang || change.step) this.markCurrent(state.stepIndex);
    if (change.sources || change.scenario) this.setOpen(state.sourcesView.open);
  };

  /** A phone gets the full-screen sheet (modal; no HUD panel: nothing is left to frame a shot in). */
  readonly setScreen = (screen: ScreenClass): void => {
    this.phone = screen.phone;
    this.element.classList.toggle(HUD_PANEL, !screen.phone);
    this.element.setAttribute('aria-modal', String(screen.phone));
  };

  private draw(state: AppState): void {
    const { scenario, lang } = state;
    const focusInside = this.element.contains(this.win.document.activeElement);
    for (const entry of this.entries) entry.dispose();
    const uses = indexSources(scenario);
    this.entries = uses.map((use) =>
      sourceEntry(use, scenario, lang, {
        goToStep: (step) => {
          this.store.goToStep(step);
          // The sheet covers a phone's screen: show the step. A desktop panel stays beside it.
          if (this.phone) this.store.showSources(false);
        },
      }),
    );
    this.list.replaceChildren(...this.entries.map((x) => x.element));
    this.heading.textContent = sourcesWord(lang, 'heading');
    this.closeButton.textContent = `✕ ${sourcesWord(lang, 'close')}`;
    this.closeButton.title = sourcesWord(lang, 'closeHint');
    this.closeButton.setAttribute('aria-label', sourcesWord(lang, 'closeHint'));
    this.filter.setAttribute('aria-label', sourcesWord(lang, 'filter'));
    const n = scenario.unratedSources;
    this.unrated.hidden = n === 0;
    this.unrated.textContent = sourcesWord(lang, 'unrated', { n });
    const checkedMs = scenario.checked ? Date.parse(scenario.checked) : NaN;
    this.checked.hidden = !Number.isFinite(checkedMs);
    this.checked.textContent = Number.isFinite(checkedMs) ? sourcesWord(lang, 'checked', { date: formatLongDate(checkedMs, lang) }) : '';
    this.empty.textContent = sourcesWord(lang, 'empty');
    this.drawChips(lang, uses.length, tierCounts(uses));
    if (focusInside) this.closeButton.focus({ preventScroll: true });
  }

  private drawChips(lang: string, total: number, counts: Record<SourceTierName, number>): void {
    this.chips.clear();
    const chip = (filter: Filter, label: string, n: number, title: string): HTMLButtonElement => {
      const b = el('button', `sources-chip${filter === 'all' ? '' : ` tier-${filter}`}`);
      b.type = 'button';
      b.dataset.tier = filter;
      b.title = title;
      b.append(el('span', 'sources-chip-name', label), el('span', 'sources-chip-count', String(n)));
      b.addEventListener('click', () => this.store.showSources(true, filter === 'all' ? null : filter));
      this.chips.set(filter, b);
      return b;
    };
    this.filter.replaceChildren(
      chip('all', sourcesWord(lang, 'all'), total, sourcesWord(lang, 'count', { n: total })),
      ...SOURCE_TIERS.map((tier) => chip(tier, tierName(lang, tier), counts[tier], tierTitle(lang, tier))),
    );
  }

  private applyFilter(state: AppState): void {
    const tier = state.sourcesView.tier;
    let shown = 0;
    for (const entry of this.entries) {
      const visible = tier === null || entry.element.dataset.tier === tier;
      entry.element.hidden = !visible;
      if (visible) shown++;
    }
    const total = this.entries.length;
    const { lang } = state;
    this.count.textContent = tier === null ? sourcesWord(lang, 'count', { n: total }) : sourcesWord(lang, 'shownOf', { k: shown, n: total });
    this.empty.hidden = shown > 0;
    for (const [filter, button] of this.chips) {
      const pressed = filter === (tier ?? 'all');
      button.setAttribute('aria-pressed', String(pressed));
      // A tier without sources cannot be chosen (unless it is the filter now: then it can be seen pressed).
      button.disabled = !pressed && filter !== 'all' && button.lastElementChild?.textContent === '0';
    }
  }

  /** Marks the buttons of the step shown now. */
  private markCurrent(stepIndex: number): void {
    for (const entry of this.entries)
      for (const jump of entry.jumps) {
        const current = jump.stepIndex === stepIndex;
        jump.button.classList.toggle('current', current);
        if (current) jump.button.setAttribute('aria-current', 'step');
        else jump.button.removeAttribute('aria-current');
      }
  }

  private setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    const doc = this.win.document;
    if (open) {
      const active = doc.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== doc.body ? active : null;
      this.element.hidden = false;
      this.fitBetweenBands();
      this.scroller.scrollTop = 0;
      this.closeButton.focus({ preventScroll: true });
      return;
    }
    // Give the focus back only when it was in the view (or nowhere): never take it from where the reader put it.
    const hadFocus = this.element.contains(doc.activeElement) || doc.activeElement === doc.body || doc.activeElement === null;
    this.element.hidden = true;
    if (!hadFocus) return;
    const back = focusable(this.returnFocus) ? this.returnFocus : (this.options.fallbackFocus?.() ?? null);
    if (focusable(back)) back.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  /**
   * On a desktop the panel ends above the caption band, and starts below the notices when they reach
   * into its column (their close buttons stay in reach). CSS ignores both on a phone.
   */
  private fitBetweenBands(): void {
    if (!this.open) return;
    const { band, top } = this.options;
    const style = this.element.style;
    if (band) {
      const bandTop = band.getBoundingClientRect().top;
      style.setProperty('--sources-bottom', `${bandTop > 0 ? Math.round(this.win.innerHeight - bandTop + GAP_PX) : 10}px`);
    }
    if (top) {
      const notices = top.getBoundingClientRect();
      const left = this.element.getBoundingClientRect().left;
      const below = notices.height > 0 && notices.right > left ? Math.round(notices.bottom + GAP_PX) : 10;
      style.setProperty('--sources-top', `${below}px`);
    }
  }

  private readonly onEscape = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.open || e.defaultPrevented) return;
    e.preventDefault();
    e.stopPropagation();
    this.store.showSources(false);
  };

  /** On a phone the sheet is modal: Tab and Shift+Tab stay inside it. */
  private readonly trapTab = (e: KeyboardEvent): void => {
    if (e.key !== 'Tab' || !this.phone) return;
    const items = [...this.element.querySelectorAll<HTMLElement>('button:not([disabled]), a[href], input:not([hidden])')].filter(focusable);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = this.win.document.activeElement;
    if (e.shiftKey && (active === first || !this.element.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };
}
