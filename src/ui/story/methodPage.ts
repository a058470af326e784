/**
 * "How this reconstruction was made" (the method page): shown while `state.card === 'method'`,
 * opened from the legend, the title card, `?about=1`, or as the last slide of presenter mode. A
 * scrolling panel with a close button; Esc closes it (`store.showCard(null)`). Words:
 * src/story/methodText.ts (pure, from the scenario's data); drawn with textContent only.
 * While it shows, the body carries `story-method` and the caption band steps aside (methodPage.css).
 */
import './methodPage.css';
import type { AppState, Change, Store } from '../../app/store';
import { methodText, type MethodBlock } from '../../story/methodText';
import { el } from '../dom';

function visible(node: Element | null): node is HTMLElement {
  return node instanceof HTMLElement && node.isConnected && node.getClientRects().length > 0;
}

export class MethodPage {
  readonly element = el('section', 'story-card method-page hud-panel');
  private readonly heading = el('h2', 'method-title');
  private readonly closeButton = el('button', 'method-close');
  private readonly body = el('div', 'method-body');
  private shown = false;
  private drawnFor = '';
  private returnFocus: HTMLElement | null = null;
  /** The card shown before this page: closed from the title card's link, the page goes back to it. */
  private lastCard: AppState['card'] = null;
  private openedFrom: 'title' | null = null;

  constructor(
    parent: HTMLElement,
    private readonly store: Store,
    /** Where the focus goes on closing when the element that opened the page is gone (the legend's button). */
    private readonly fallbackFocus: () => HTMLElement | null = () => null,
    private readonly win: Window = window,
  ) {
    const e = this.element;
    e.dataset.testid = 'method-page';
    e.setAttribute('role', 'dialog');
    e.setAttribute('aria-modal', 'false');
    this.heading.id = 'method-title';
    e.setAttribute('aria-labelledby', this.heading.id);
    // Arrows and pages scroll the text (src/ui/keyboard.ts leaves keys inside to it).
    e.dataset.ownKeys = 'true';
    this.body.dataset.scrolls = 'true';
    this.body.tabIndex = 0;
    this.body.setAttribute('aria-labelledby', this.heading.id);
    this.body.setAttribute('role', 'document');
    this.closeButton.type = 'button';
    this.closeButton.dataset.testid = 'method-close';
    this.closeButton.addEventListener('click', () => this.close());
    const head = el('div', 'method-head');
    head.append(this.heading, this.closeButton);
    e.append(head, this.body);
    e.hidden = true;
    this.win.addEventListener('keydown', this.onKey);
    parent.append(e);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    const show = state.card === 'method';
    if (show !== this.shown || change.ui) this.toggle(state, show);
    if (show && (change.lang || change.scenario || this.drawnFor === '')) this.draw(state);
    this.lastCard = state.card;
  };

  /** Back to the title card when it was opened from there (exploring), else to the globe. */
  private close(): void {
    const s = this.store.get();
    this.store.showCard(this.openedFrom === 'title' && !s.presenting ? 'title' : null);
  }

  private toggle(state: AppState, show: boolean): void {
    const appeared = show && !this.shown;
    const left = !show && this.shown;
    this.shown = show;
    const doc = this.win.document;
    const focusInside = this.element.contains(doc.activeElement);
    if (appeared) {
      this.openedFrom = this.lastCard === 'title' ? 'title' : null;
      const active = doc.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== doc.body ? active : null;
      this.draw(state);
    }
    this.element.hidden = !show;
    doc.body.classList.toggle('story-method', show);
    if (appeared) {
      this.body.scrollTop = 0;
      // Presenting, the clicker's focus stays on the presenter's buttons; exploring, the page takes it.
      if (!state.presenting) this.closeButton.focus({ preventScroll: true });
    }
    if (left && (focusInside || doc.activeElement === doc.body)) {
      const back = visible(this.returnFocus) ? this.returnFocus : this.fallbackFocus();
      if (visible(back)) back.focus({ preventScroll: true });
    }
    if (!show) this.returnFocus = null;
  }

  private draw(state: AppState): void {
    this.drawnFor = `${state.lang}|${state.scenario.id}`;
    const text = methodText(state.scenario, state.lang);
    this.heading.textContent = text.title;
    this.closeButton.textContent = `× ${text.close}`;
    this.closeButton.title = text.closeHint;
    const parts: HTMLElement[] = [el('p', 'method-intro', text.intro)];
    for (const section of text.sections) {
      const box = el('section', `method-section method-${section.id}`);
      box.dataset.section = section.id;
      box.append(el('h3', 'method-heading', section.heading));
      for (const block of section.blocks) box.append(...this.block(block));
      parts.push(box);
    }
    this.body.replaceChildren(...parts);
  }

  private block(block: MethodBlock): HTMLElement[] {
    const out: HTMLElement[] = [];
    if (block.heading) out.push(el('h4', 'method-subheading', block.heading));
    for (const p of block.paragraphs) out.push(el('p', 'method-paragraph', p));
    if (block.items?.length) {
      const list = el('ul', 'method-list');
      for (const item of block.items) {
        const li = el('li', 'method-item');
        if (item.lead) li.append(el('strong', 'method-lead', item.lead));
        if (item.text) li.append(el('span', 'method-item-text', item.text));
        if (item.items?.length) {
          const sub = el('ul', 'method-sublist');
          for (const s of item.items) sub.append(el('li', 'method-subitem', s));
          li.append(sub);
        }
        list.append(li);
      }
      out.push(list);
    }
    return out;
  }

  /** Esc closes the page (presenting, with the focus inside it, it leaves presenter mode as elsewhere). */
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    const s = this.store.get();
    if (s.card !== 'method') return;
    if (s.presenting) {
      // src/ui/keyboard.ts leaves presenter mode unless the focus is in this page (it keeps its own keys).
      if (!this.element.contains(e.target as Node)) return;
      this.store.setPresenting(false);
    } else this.close();
    e.preventDefault();
  };
}
