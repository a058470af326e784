/** Messages for the reader (ignored URL parameters, a broken file): text only, dismissible. */
import type { AppState, Change } from '../app/store';
import { el } from './dom';
import { t } from './i18n';

export class NoticeBar {
  readonly element = el('div', 'notices hud-panel');

  constructor(
    parent: HTMLElement,
    private readonly dismiss: (id: number) => void,
  ) {
    this.element.setAttribute('role', 'status');
    this.element.dataset.testid = 'notices';
    parent.append(this.element);
  }

  readonly render = (state: AppState, change: Readonly<Change>): void => {
    if (change.notices || change.lang) this.draw(state);
  };

  draw(state: AppState): void {
    this.element.replaceChildren();
    for (const notice of state.notices) {
      const box = el('div', `notice notice-${notice.level}`);
      box.append(el('span', 'notice-text', notice.say ? notice.say(state.lang) : notice.text));
      if (notice.details?.length) {
        const list = el('ul', 'notice-details');
        for (const line of notice.details) list.append(el('li', '', line));
        box.append(list);
      }
      if (notice.action === 'reload') {
        const reload = el('button', 'notice-action', t(state.lang, 'reload'));
        reload.addEventListener('click', () => window.location.reload());
        box.append(reload);
      }
      const close = el('button', 'notice-close', '×');
      close.title = t(state.lang, 'dismiss');
      close.setAttribute('aria-label', t(state.lang, 'dismiss'));
      close.addEventListener('click', () => this.dismiss(notice.id));
      box.append(close);
      this.element.append(box);
    }
  }
}
