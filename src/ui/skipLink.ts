/**
 * "Skip to caption": the page's first focusable element, visually hidden until it has the focus
 * (app.css, .skip-link). The globe's label targets come before the panels in the tab order; the
 * link takes a keyboard reader straight to the caption, whose keys then step through the flight.
 */
import { el } from './dom';

export class SkipLink {
  readonly element = el('a', 'skip-link');

  /** `target` is the caption (focusable with tabindex -1); the link is put first in `body`. */
  constructor(
    body: HTMLElement,
    private readonly target: () => HTMLElement | null,
  ) {
    this.element.dataset.testid = 'skip-link';
    this.element.addEventListener('click', (e) => {
      const to = this.target();
      if (!to) return;
      // No jump of the address (the URL carries the app's state) and no scroll of the fixed layout.
      e.preventDefault();
      to.focus({ preventScroll: true });
    });
    body.prepend(this.element);
  }

  setText(text: string): void {
    this.element.textContent = text;
    const to = this.target();
    if (to?.id) this.element.href = `#${to.id}`;
  }
}
