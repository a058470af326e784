/** Builds DOM from text only: nothing here ever parses HTML, so imported text cannot inject markup. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link that opens only when clicked, in a new tab, and only for http(s) URLs. */
export function sourceLink(url: string, text: string): HTMLElement {
  let safe: boolean;
  try {
    const u = new URL(url);
    safe = u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    safe = false;
  }
  if (!safe) return el('span', 'source-unlinked', text);
  const a = el('a', 'source-link', text);
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}
