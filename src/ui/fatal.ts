/** A message that replaces the app when it cannot start at all (text only). */
import { el } from './dom';

export function showFatal(parent: HTMLElement, message: string, details: readonly string[]): void {
  const box = el('div', 'fatal');
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'fatal';
  box.append(el('h2', '', message));
  if (details.length) {
    const list = el('ul');
    for (const d of details) list.append(el('li', '', d));
    box.append(list);
  }
  parent.append(box);
}
